"""Synthetic demo data for trainers, tests and benchmarks."""
