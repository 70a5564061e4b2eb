#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: lint, types, unit, contract and integration
# tests (the integration tests start PostgreSQL, Redis, an Elasticsearch-API server and an S3
# server themselves, and stop them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ruff check .
lint-imports                                  # layers import downwards only (pyproject.toml)
mypy archive_core scanner_drivers ocr samples indexer ingest certificates archive_api bench archive_cli
# The 30 slowest tests are listed (CI has to stay under 20 minutes). Two workers (pytest-xdist): the OCR tests are single-threaded (archive_core/runtime.py); tests that share a
# reading, a module's fixtures or a suite's servers are kept on one worker (tests/conftest.py: xdist_group)
# The fault suite runs alone afterwards: it kills and restarts servers and races workers against the ledger, and
# beside a second worker reading pages its timing failed twice in one run (a page lost, a batch done too soon).
if [ $# -eq 0 ]; then
  python3 -m pytest -q -p no:cacheprovider -n 2 --dist loadgroup --durations=30 --ignore=tests/faults tests
  python3 -m pytest -q -p no:cacheprovider tests/faults
else
  python3 -m pytest -q -p no:cacheprovider -n 2 --dist loadgroup "$@"
fi
