"""Speed measurements against DESIGN.md §8. Run as modules: python -m benchmarks.<name>."""
