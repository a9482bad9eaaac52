"""Opt-in benchmarks (run with -m benchmark)."""
