"""The performance benchmark of issue 7 (run with `.venv/bin/python benchmarks/run.py`)."""
