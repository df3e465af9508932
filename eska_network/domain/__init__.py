"""The domain model: vocabularies, the data format, the gap rules, severity, synthetic data."""
