"""Benchmarks of the ESKA support-network dashboard at national scale (``python -m bench``)."""
