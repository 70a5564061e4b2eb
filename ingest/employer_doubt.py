"""The employer's name as read, when the reader doubts it (payroll-page/1 ``employer.review``, set by
``ocr.header``: a word read unsure and known nowhere, or a word corrected by two letters).

The doubt is split into parts a screen can say in any language, each of a kind of
``ocr.employer_doubts.DOUBTS`` (``corrected``: the word as read and the known word it was taken for;
``unsure``: the word as read; ...); a part in no known form stays as the reader wrote it (``other``). A
verifier who checked the name against the sheet confirms it: an ``employer_confirmed`` event in the page's
log (``ingest.batches.add_event``); the doubt is then closed and the page leaves the verification queue
when nothing else on it is under review."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_core.db import Database, Page, PageEventRow
from archive_core.doubts import EMPLOYER_CONFIRMED
from archive_core.errors import NotFoundError
from ocr.employer_doubts import kind_of

from .batches import add_event


@dataclass(frozen=True)
class DoubtPart:
    kind: str  # a key of ``ocr.employer_doubts.DOUBTS``, or "other"
    word: str  # the word as read (the whole part's text for ``other``)
    near: str = ""  # ``corrected``, ``form_substituted``, ``maybe``: the known word(s) it was taken for


@dataclass(frozen=True)
class EmployerDoubt:
    name: str | None  # the employer's name as read (after correction)
    reason: str  # the reader's words (Bulgarian)
    parts: list[DoubtPart] = field(default_factory=list)
    confirmed_by: str | None = None  # who confirmed the name (None: still open)


def parts_of(reason: str) -> list[DoubtPart]:
    """The reader's ``employer.review`` text ("„X“ прочетено като „Y“; „Z“ неуверено разчетено") as parts."""
    out: list[DoubtPart] = []
    for piece in (p.strip() for p in reason.split("; ")):  # joined so by the reader
        if not piece:
            continue
        known = kind_of(piece)
        out.append(DoubtPart(*known) if known else DoubtPart("other", piece))
    return out


def _review_of(extraction: dict | None) -> tuple[str | None, str | None]:
    employer = (extraction or {}).get("employer") or {}
    if not isinstance(employer, dict):
        return None, None
    review = employer.get("review")
    return employer.get("name"), (str(review) if review else None)


def _confirmed_by(s: Session, page_sha256: str) -> str | None:
    return s.scalars(
        select(PageEventRow.actor)
        .where(PageEventRow.page_sha256 == page_sha256, PageEventRow.kind == EMPLOYER_CONFIRMED)
        .limit(1)
    ).first()


def employer_doubt(s: Session, page: Page) -> EmployerDoubt | None:
    """The reader's doubt about the page's employer name, or None when it had none."""
    name, reason = _review_of(page.extraction)
    if reason is None:
        return None
    return EmployerDoubt(
        name=name, reason=reason, parts=parts_of(reason), confirmed_by=_confirmed_by(s, page.sha256)
    )


def confirm_employer(db: Database, page_sha256: str, *, user: str) -> EmployerDoubt:
    """A verifier checked the employer's name against the sheet: the doubt is closed (once)."""
    with db.Session() as s:
        page = s.get(Page, page_sha256)
        if page is None:
            raise NotFoundError(f"страница {page_sha256} не е в регистъра")
        doubt = employer_doubt(s, page)
        if doubt is None:
            raise NotFoundError(f"името на работодателя на страница {page_sha256[:12]} не е за проверка")
        if doubt.confirmed_by is None:
            add_event(s, page_sha256, EMPLOYER_CONFIRMED, user, detail=doubt.name)
            s.commit()
        return EmployerDoubt(doubt.name, doubt.reason, doubt.parts, doubt.confirmed_by or user)
