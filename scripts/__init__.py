"""Project scripts (scripts/serve.py is imported by the benchmarks)."""
