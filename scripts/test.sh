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
python3 -m pytest -q -p no:cacheprovider "$@"
