#!/usr/bin/env bash
# Saves the screenshots the README shows (docs/screens/*.png) by running the browser tests with
# ARCHIVE_SCREENS_DIR pointing there; a plain test run writes them to a temp folder and leaves the checkout alone.
set -euo pipefail
cd "$(dirname "$0")/.."
ARCHIVE_SCREENS_DIR="$PWD/docs/screens" python3 -m pytest -q -p no:cacheprovider tests/test_browser.py tests/test_browser_screens.py
