#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: lint, types, unit, contract and integration
# tests (the integration tests start PostgreSQL, Redis, an Elasticsearch-API server and an S3
# server themselves, and stop them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ruff check .
mypy archive_core ingest ocr indexer archive_api scanner_drivers samples
python3 -m pytest -q -p no:cacheprovider "$@"
