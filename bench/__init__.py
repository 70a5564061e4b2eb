"""Evaluation: scoring (payroll-page/1 fields, table cell adjacency) and the benchmark drivers.

Installed with the package. Run from the repository root:
``archive bench DIR`` (extraction quality and speed), ``python -m bench.icdar2013``,
``python -m bench.index_backends``, ``python -m bench.ingest_throughput`` (starts its own servers
with the tests' helpers, so it needs the checkout). Figures go to ``bench/RESULTS.md``.
"""
