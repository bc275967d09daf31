"""The performance suite: ``python -m benchmarks [--quick]`` prints figures against floors."""
