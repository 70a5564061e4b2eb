"""The person's records for a certificate, read from the DATABASE (the system of record, never the
search index), each with its page's source; and the possible ones (rows under review that may be the
person's under a misread or missing ЕГН)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from archive_core.config import Settings
from archive_core.db import (
    Database,
    FieldCorrection,
    Page,
    ReadingChoice,
    Record,
    open_database,
    person_month_from_record,
)
from archive_core.records import PersonMonth, ReviewState
from indexer.fuzzy import name_distance, query_words
from indexer.translit import match_key


def _load(
    session: Session,
    conditions: list[ColumnElement[bool]],
    period_from: tuple[int, int] | None,
    period_to: tuple[int, int] | None,
) -> list[tuple[PersonMonth, str | None]]:
    stmt = select(Record, Page.source, Page.page_no).join(
        Page, Page.sha256 == Record.page_sha256, isouter=True
    )
    for cond in conditions:
        stmt = stmt.where(cond)
    if period_from is not None:
        stmt = stmt.where(Record.year * 100 + Record.month >= period_from[0] * 100 + period_from[1])
    if period_to is not None:
        stmt = stmt.where(Record.year * 100 + Record.month <= period_to[0] * 100 + period_to[1])
    out: list[tuple[PersonMonth, str | None]] = [
        (person_month_from_record(rec), None if source is None else f"{source}, стр. {page_no or 1}")
        for rec, source, page_no in session.execute(stmt).all()
    ]
    out.sort(
        key=lambda t: (t[0].year or 0, t[0].month or 0, t[0].employer or "", t[0].page_sha256, t[0].row_index)
    )
    return out


def _near_egn(a: str | None, b: str) -> bool:
    """Two ЕГН that differ in at most two digits (a misread)."""
    return a is not None and len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 2


def _same_person_name(words: list[str], name: str) -> bool:
    """The names match word for word within the search tolerance, the shorter one inside the longer
    ("Иван Петров" is "Иван Петров Георгиев" with the father's name left out)."""
    if not words:
        return False
    key = match_key(name)
    if len(key.split()) < 2:  # a lone first name or surname says too little
        return False
    if len(key.split()) >= len(words):
        return name_distance(words, key) is not None
    return name_distance(key.split(), " ".join(words)) is not None


def load_records(
    settings: Settings, egn: str, period_from: tuple[int, int] | None, period_to: tuple[int, int] | None
) -> tuple[list[tuple[PersonMonth, str | None]], list[tuple[PersonMonth, str | None]]]:
    """``load_records_db`` on the settings' database."""
    db = open_database(settings)
    try:
        return load_records_db(db, egn, period_from, period_to)
    finally:
        db.dispose()


def load_records_db(
    db: Database, egn: str, period_from: tuple[int, int] | None, period_to: tuple[int, int] | None
) -> tuple[list[tuple[PersonMonth, str | None]], list[tuple[PersonMonth, str | None]]]:
    """The person's records from the database (with each page's source), in period order; and the
    possible ones: rows under review at the same employers whose ЕГН is missing or different (a
    misread) but whose name is the person's, or whose ЕГН differs in one or two digits and whose
    name could not be read."""
    with db.Session() as session:
        found = _load(session, [Record.egn == egn], period_from, period_to)
        if not found:
            return found, []
        employers = sorted({pm.employer for pm, _ in found if pm.employer})
        names = Counter(pm.name for pm, _ in found if pm.name)
        words = query_words(names.most_common(1)[0][0]) if names else []
        others = _load(
            session,
            [
                Record.review_state == str(ReviewState.needs_review),
                or_(Record.egn.is_(None), Record.egn != egn),
                Record.employer.in_(employers),
            ],
            period_from,
            period_to,
        )
    possible = [
        (pm, src)
        for pm, src in others
        if (pm.name and _same_person_name(words, pm.name)) or (not pm.name and _near_egn(pm.egn, egn))
    ]
    return found, possible


def verifiers(db: Database, record_ids: Sequence[str]) -> dict[str, dict[str, set[str]]]:
    """Who corrected or confirmed which field of each record: record id -> field -> users."""
    out: dict[str, dict[str, set[str]]] = {}
    ids = list(dict.fromkeys(record_ids))
    with db.Session() as session:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = session.execute(
                select(FieldCorrection.record_id, FieldCorrection.field, FieldCorrection.user).where(
                    FieldCorrection.record_id.in_(chunk)
                )
            ).all()
            for rid, field, user in rows:
                out.setdefault(rid, {}).setdefault(field, set()).add(user)
    return out


def reading_choices(db: Database, egn: str) -> dict[str, list[str]]:
    """The clerks' choices between differing readings of a person-month: group key -> chosen record
    ids, the newest choice first."""
    out: dict[str, list[str]] = {}
    with db.Session() as session:
        rows = session.scalars(
            select(ReadingChoice).where(ReadingChoice.egn == egn).order_by(ReadingChoice.id.desc())
        )
        for c in rows:
            out.setdefault(c.group_key, []).append(c.record_id)
    return out
