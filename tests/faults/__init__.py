"""Fault tests: the system under failures of its servers and workers; every page processed exactly once."""
