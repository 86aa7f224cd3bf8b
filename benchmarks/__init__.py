"""Performance suite (issue 7): `python -m benchmarks.run` measures the app against raw baselines on a
generated 100,000-member workspace and writes benchmarks/RESULTS.md. See benchmarks/README.md."""
