"""Keeps pytest's doctest collection out of the migration scripts, which only Alembic can run."""

collect_ignore_glob = ["env.py", "versions/*.py"]
