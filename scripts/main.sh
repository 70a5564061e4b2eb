#!/usr/bin/env bash
# Sets everything up, runs the main job on embedded defaults (generate sample sheets, ingest them
# through the whole pipeline, issue a certificate) and serves the web app on http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
archive demo
exec archive serve --host "${ARCHIVE_HOST:-127.0.0.1}" --port "${ARCHIVE_PORT:-8000}"
