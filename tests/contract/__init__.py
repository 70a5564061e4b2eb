"""Contract suites: one per backend Protocol, run against the embedded default and the real server."""
