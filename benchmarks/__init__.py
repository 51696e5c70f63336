"""National-scale benchmarks (``make bench``); results in BENCHMARKS.md."""
