"""One definition each (issue 8): the ЕГН validity rule, the sha256 pattern, the OCR thread limit, the
page decoder and the OCR language live in one module each, so a fix made there holds everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("archive_core", "scanner_drivers", "ocr", "samples", "indexer", "ingest", "certificates",
            "archive_api", "bench", "archive_cli")  # fmt: skip

RULES = {
    "ЕГН validity": (r"def is_valid\(", "archive_core/egn.py"),
    "sha256 pattern": (r"\{64\}", "archive_core/hashing.py"),
    "OCR thread limit": (r"[\"']OMP_THREAD_LIMIT[\"']\s*(\]\s*=|,|:)", "archive_core/runtime.py"),
    "page decoder": (r"cv2\.imdecode\(", "scanner_drivers/intake.py"),
    "OCR language": (r"[\"']bul[\"']", "archive_core/config.py"),
}


def _sources() -> list[Path]:
    return [p for pkg in PACKAGES for p in (REPO / pkg).rglob("*.py")]


@pytest.mark.parametrize("what", sorted(RULES))
def test_defined_in_one_place(what: str) -> None:
    pattern, home = RULES[what]
    found = sorted(
        str(p.relative_to(REPO)) for p in _sources() if re.search(pattern, p.read_text(encoding="utf-8"))
    )
    assert found == [home], f"{what}: defined in {found}, expected only in {home}"
