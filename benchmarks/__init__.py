"""Speed measurements against the targets in benchmarks/README.md. Run as modules:
python -m benchmarks.<name>."""
