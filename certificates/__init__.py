"""Certificates of insurance service (осигурителен стаж) and insured income (осигурителен доход).

Read from the DATABASE (the system of record, never the search index): every record of one ЕГН,
optionally within a period. Every line carries its evidence (employer, page id, sha256 of the
original, printed row number and row index), so each figure can be traced to its page.

Records still under review are listed with the mark "за проверка" and are NOT added to the totals;
the totals say how many lines were left out. Method of the service totals (also written into the
JSON as ``method``): every calendar month with days worked > 0 on a counted line is one month of
service; 12 months are one year; the days part of years/months/days is always 0, and the plain sum
of days worked is given beside it.

``issue`` writes ``out`` (PDF, Bulgarian, Cyrillic TTF found at run time) and ``out.with_suffix('.json')``
(the same content) and returns the certificate.
"""

from __future__ import annotations

import json
from pathlib import Path

from archive_core.config import Settings
from archive_core.errors import UsageError

from .counting import build
from .model import TITLES, Certificate, CertificateLine, Evidence, Kind, Totals
from .pdf import render_pdf

__all__ = [
    "TITLES",
    "Certificate",
    "CertificateLine",
    "Evidence",
    "Kind",
    "Totals",
    "build",
    "issue",
    "write",
]


def issue(
    settings: Settings,
    kind: str,
    egn: str,
    period_from: tuple[int, int] | None,
    period_to: tuple[int, int] | None,
    out: Path,
) -> Certificate:
    """Build the certificate from the database and write ``out`` (PDF) and ``out.with_suffix('.json')``."""
    if out.suffix.lower() != ".pdf":
        raise UsageError(f"файлът на удостоверението трябва да е .pdf: {out}")
    cert = build(settings, kind, egn, period_from, period_to)
    write(cert, out)
    return cert


def write(cert: Certificate, out: Path) -> None:
    """The PDF at ``out`` and the same content as JSON beside it (``out.with_suffix('.json')``)."""
    render_pdf(cert, out)
    out.with_suffix(".json").write_text(
        json.dumps(cert.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
