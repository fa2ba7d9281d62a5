"""Test support: builders shared by tests and benchmarks."""
