"""Pages whose employer name the reader doubted (payroll-page/1 ``employer.review``) and no verifier has
confirmed yet: one query for the verification queue (``ingest.employer_doubt``) and for certificates
(``certificates.counting``), which do not count a page's rows while its employer's name is in doubt."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import Page, PageEventRow

EMPLOYER_CONFIRMED = "employer_confirmed"  # the page event that closes the doubt


def open_employer_doubts(s: Session, among: Iterable[str] | None = None) -> set[str]:
    """Pages (sha256) whose employer name is in doubt and not yet confirmed; only ``among`` when given."""
    q = select(Page.sha256).where(Page.extraction["employer"]["review"].as_string().is_not(None))
    if among is not None:
        pages = list(dict.fromkeys(among))
        if not pages:
            return set()
        q = q.where(Page.sha256.in_(pages))
    flagged = set(s.scalars(q))
    if not flagged:
        return set()
    done = set(
        s.scalars(
            select(PageEventRow.page_sha256).where(
                PageEventRow.kind == EMPLOYER_CONFIRMED, PageEventRow.page_sha256.in_(list(flagged))
            )
        )
    )
    return flagged - done
