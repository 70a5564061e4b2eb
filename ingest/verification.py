"""Verification: a person confirms or corrects what OCR read (issue 12, the service behind the screens).

Every change is kept in ``field_corrections`` (who, when, the old value, the OCR value, the new value,
a comment), never updated or deleted. A correction is validated by the field's type (ЕГН by
``archive_core.egn.is_valid``, money to the stotinka, days within the month, year within the archive's
range) and the row's checks run again at once: the ЕГН's check digit, gross = base + extra,
net = gross − deductions (``ocr.checks.row_relations``), days within the month and the page's column
totals against the printed ``Всичко`` row. Each check answers pass/fail/cannot-check with a Bulgarian
message.

The corrected field leaves the record's ``review`` list; a record with nothing left under review is
``verified``. When nothing is left under review on its page, the page is approved: a ``verified``
event in its log (``ingest.batches.add_event``). The database is changed first (the system of record),
then the search index (``RecordIndex.upsert``); an index that is down leaves the page waiting for
``ingest.pipeline.index_pending`` (``indexed_at`` cleared), like a page whose indexing failed.

The year and month are the page's: correcting or confirming them changes every record of the page.

The verification queue orders the pages with fields under review: pages that hold a pending
certificate request's months first (oldest request first), then by the age of their batch.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_core import egn as egn_mod
from archive_core.db import (
    Batch,
    CertificateRequestRow,
    Database,
    FieldCorrection,
    Page,
    Record,
    person_month_from_record,
    utcnow,
)
from archive_core.doubts import open_employer_doubts
from archive_core.errors import BackendUnavailable, NotFoundError, UsageError
from archive_core.money import display
from archive_core.protocols import RecordIndex
from archive_core.records import MONEY_FIELDS, PersonMonth, ReviewState
from ocr import layout_gate, plausibility
from ocr.checks import LAYOUT_UNPROVED, PAGE_PLAUSIBILITY, row_relations

from .batches import add_event
from .employer_doubt import EmployerDoubt, employer_doubt
from .records import FIRST_YEAR, LAST_YEAR

FieldKind = Literal["egn", "days", "money", "text", "year", "month"]

FIELD_KINDS: dict[str, FieldKind] = {
    "egn": "egn",
    "name": "text",
    "position": "text",
    "days_worked": "days",
    **{f: "money" for f in MONEY_FIELDS},
    "year": "year",
    "month": "month",
}
PAGE_FIELDS = ("year", "month")  # the page's period: a change applies to every row of the page

LABELS: dict[str, str] = {
    "egn": "ЕГН",
    "name": "Име",
    "position": "Длъжност",
    "days_worked": "Отработени дни",
    "base_pay": "Основна заплата",
    "extra_pay": "Допълнително възнаграждение",
    "gross_pay": "Брутно възнаграждение",
    "deductions": "Удръжки",
    "net_pay": "Сума за получаване",
    "year": "Година",
    "month": "Месец",
}

_MONEY_INPUT = re.compile(r"^-?(\d{1,3}( \d{3})+|\d+)([.,]\d{1,2})?$")


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class CheckOutcome:
    """One check of a row: ``ok`` True (passes), False (fails) or None (cannot be checked: a figure
    is missing or the page has no total for the column)."""

    check: str  # egn | days | gross_sum | net_sum | column_total:<field>
    ok: bool | None
    fields: tuple[str, ...]
    message: str


@dataclass(frozen=True)
class FieldChange:
    """One kept change: a correction (new value) or a confirmation (the value read is right)."""

    id: int
    record_id: str
    page_sha256: str
    row_index: int
    field: str
    action: Literal["correct", "confirm"]
    old_value: str | None
    ocr_value: str | None
    new_value: str | None
    user: str
    at: datetime
    comment: str | None


@dataclass(frozen=True)
class ChangeResult:
    record: PersonMonth  # the record after the change
    changes: list[FieldChange]  # one per record changed (several for the page's year/month)
    checks: list[CheckOutcome]  # the row's checks, run again
    page_fields_under_review: int  # left on the page
    page_approved: bool  # nothing is left under review on the page
    indexed: bool  # False: the index was down; the page waits for index_pending


@dataclass(frozen=True)
class RowReview:
    record: PersonMonth
    checks: list[CheckOutcome]
    ocr: dict[str, str | None]  # the values OCR read, per field
    changes: int  # how many changes are kept for the record


@dataclass(frozen=True)
class PageReview:
    page_sha256: str
    source: str | None
    page_no: int | None
    status: str
    employer: str | None
    year: int | None
    month: int | None
    sheet: int | None
    fields_under_review: int
    approved: bool  # no field under review (and at least one record)
    rows: list[RowReview]
    # the page went to review as a whole: {"reason": ..., "detail": ...} (payroll-page/1 ``page_review``)
    page_doubt: dict[str, str] | None = None
    # the reader doubts the employer's name (payroll-page/1 ``employer.review``; ``ingest.employer_doubt``)
    employer_doubt: EmployerDoubt | None = None


@dataclass(frozen=True)
class QueueItem:
    page_sha256: str
    page_id: str
    source: str | None
    page_no: int | None
    employer: str | None
    file_no: str | None
    batch_id: int | None
    batch_created_at: datetime | None
    rows_under_review: int
    fields_under_review: int
    blocking_requests: list[int] = field(default_factory=list)  # pending certificate requests
    oldest_request_at: datetime | None = None
    employer_under_review: bool = False  # the employer's name as read is in doubt and not yet confirmed
    page_doubt: bool = False  # the page went to review as a whole


# --------------------------------------------------------------------------- values


def _text_of(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def parse_value(
    field_name: str, text: str | None, *, year: int | None = None, month: int | None = None
) -> object:
    """The typed value a person typed for ``field_name``; UsageError (in Bulgarian, saying what to
    type) when it is not a value of that field. Empty text is "no value" (None) for text fields and
    money, never for an ЕГН, days, year or month."""
    kind = FIELD_KINDS.get(field_name)
    if kind is None:
        raise UsageError(f"полето {field_name!r} не се проверява; полета: {', '.join(FIELD_KINDS)}")
    label = LABELS[field_name]
    t = " ".join((text or "").replace("\u00a0", " ").split())
    if kind == "text":
        return t or None
    if kind == "money":
        if not t:
            return None
        if not _MONEY_INPUT.match(t):
            raise UsageError(f"{label}: {t!r} не е сума; въведете например 1234.50 или 1 234,50")
        try:
            return Decimal(t.replace(" ", "").replace(",", ".")).quantize(Decimal("0.01"))
        except InvalidOperation as e:  # pragma: no cover - the pattern admits only numbers
            raise UsageError(f"{label}: {t!r} не е сума") from e
    if not t:
        raise UsageError(f"{label}: въведете стойност")
    if kind == "egn":
        if not egn_mod.is_well_formed(t):
            raise UsageError(f"ЕГН се състои от 10 цифри, а не {t!r}")
        if not egn_mod.is_valid(t):
            raise UsageError(
                f"ЕГН {t} е невалидно (контролната цифра или датата на раждане не са верни); "
                "проверете цифрите, а ако така е написано на ведомостта, потвърдете прочетеното"
            )
        return t
    if not t.isdigit():
        raise UsageError(f"{label}: {t!r} не е цяло число")
    n = int(t)
    if kind == "days":
        limit = egn_mod.days_in_month(year, month) if year and month else 31
        if n > limit:
            raise UsageError(f"Отработени дни: {n} е повече от дните на месеца ({limit})")
        return n
    if kind == "year":
        if not FIRST_YEAR <= n <= LAST_YEAR:
            raise UsageError(f"Година: {n} е извън периода на архива ({FIRST_YEAR}–{LAST_YEAR})")
        return n
    if not 1 <= n <= 12:
        raise UsageError(f"Месец: {n} не е месец (1–12)")
    return n


# --------------------------------------------------------------------------- checks


def _totals_of(page: Page | None) -> dict[str, str]:
    ex = (page.extraction or {}) if page is not None else {}
    totals = ex.get("totals") or {}
    return {k: str(v) for k, v in totals.items() if k in MONEY_FIELDS and v is not None}


def _checks(rec: Record, page_records: Sequence[Record], totals: dict[str, str]) -> list[CheckOutcome]:
    out: list[CheckOutcome] = []
    e = rec.egn
    if e is None:
        out.append(CheckOutcome("egn", None, ("egn",), "ЕГН не е прочетено"))
    elif egn_mod.is_valid(e):
        out.append(CheckOutcome("egn", True, ("egn",), f"ЕГН {e}: контролната цифра и датата са верни"))
    else:
        out.append(
            CheckOutcome(
                "egn", False, ("egn",), f"ЕГН {e}: контролната цифра или датата на раждане не са верни"
            )
        )
    d = rec.days_worked
    limit = egn_mod.days_in_month(rec.year, rec.month) if rec.year and rec.month else 31
    if d is None:
        out.append(CheckOutcome("days", None, ("days_worked",), "Отработените дни не са прочетени"))
    elif 0 <= d <= limit:
        out.append(
            CheckOutcome("days", True, ("days_worked",), f"Отработени дни {d}: в рамките на месеца ({limit})")
        )
    else:
        out.append(
            CheckOutcome(
                "days", False, ("days_worked",), f"Отработени дни {d}: повече от дните на месеца ({limit})"
            )
        )
    values: dict[str, Decimal | None] = {f: getattr(rec, f) for f in MONEY_FIELDS}
    b, x, g, dd, n = (values[f] for f in MONEY_FIELDS)
    relations = {names: ok for ok, names in row_relations(values)}
    gross_names = ("base_pay", "extra_pay", "gross_pay")
    net_names = ("gross_pay", "deductions", "net_pay")
    if gross_names in relations:
        assert b is not None and x is not None and g is not None
        if relations[gross_names]:
            msg = f"Брутно = основна + допълнително: {display(b)} + {display(x)} = {display(g)}"
        else:
            msg = f"Брутно ≠ основна + допълнително: {display(b)} + {display(x)} = {display(b + x)}, а брутното е {display(g)}"
        out.append(CheckOutcome("gross_sum", relations[gross_names], gross_names, msg))
    elif g is not None or b is not None:
        out.append(
            CheckOutcome(
                "gross_sum",
                None,
                gross_names,
                "Брутното не може да се сравни: липсва основна или допълнителна сума",
            )
        )
    if net_names in relations:
        assert g is not None and dd is not None and n is not None
        if relations[net_names]:
            msg = f"Сума за получаване = брутно − удръжки: {display(g)} − {display(dd)} = {display(n)}"
        else:
            msg = (
                f"Сума за получаване ≠ брутно − удръжки: {display(g)} − {display(dd)} = {display(g - dd)}, "
                f"а за получаване е {display(n)}"
            )
        out.append(CheckOutcome("net_sum", relations[net_names], net_names, msg))
    else:
        out.append(
            CheckOutcome(
                "net_sum", None, net_names, "Сумата за получаване не може да се провери: липсва сума"
            )
        )
    for f in MONEY_FIELDS:
        if f not in totals or getattr(rec, f) is None:
            continue
        label = LABELS[f]
        col = [getattr(r, f) for r in page_records]
        total = Decimal(totals[f])
        if any(v is None for v in col):
            missing = sum(v is None for v in col)
            out.append(
                CheckOutcome(
                    f"column_total:{f}",
                    None,
                    (f,),
                    f"Сборът на колона „{label}“ не може да се провери: {missing} непрочетени суми",
                )
            )
            continue
        s = sum((v for v in col if v is not None), Decimal("0"))
        if s == total:
            out.append(
                CheckOutcome(
                    f"column_total:{f}",
                    True,
                    (f,),
                    f"Сборът на колона „{label}“ е равен на реда „Всичко“ ({display(total)})",
                )
            )
        else:
            out.append(
                CheckOutcome(
                    f"column_total:{f}",
                    False,
                    (f,),
                    f"Сборът на колона „{label}“ е {display(s)}, а в реда „Всичко“ пише {display(total)} "
                    f"(разлика {display(total - s)})",
                )
            )
    return out


def _page_records(s: Session, page_sha256: str) -> list[Record]:
    return list(s.scalars(select(Record).where(Record.page_sha256 == page_sha256).order_by(Record.row_index)))


def row_checks(db: Database, record_id: str) -> list[CheckOutcome]:
    """The row's checks as they stand (what the screen shows beside the row)."""
    with db.Session() as s:
        rec = _get_record(s, record_id)
        page = s.get(Page, rec.page_sha256)
        return _checks(rec, _page_records(s, rec.page_sha256), _totals_of(page))


# --------------------------------------------------------------------------- reading a page


def _ocr_values(page: Page | None, row_index: int) -> dict[str, str | None]:
    ex = (page.extraction or {}) if page is not None else {}
    rows = ex.get("rows") or []
    row = rows[row_index] if 0 <= row_index < len(rows) and isinstance(rows[row_index], dict) else {}
    period = ex.get("period") or {}
    out: dict[str, str | None] = {f: _text_of(row.get(f)) for f in FIELD_KINDS if f not in PAGE_FIELDS}
    out.update({f: _text_of(period.get(f)) for f in PAGE_FIELDS})
    return out


def page_review(db: Database, page_sha256: str) -> PageReview:
    """A page for the verification screen: its rows (fields under review listed in each record's
    ``review``), the checks of every row and what OCR read."""
    with db.Session() as s:
        page = s.get(Page, page_sha256)
        if page is None:
            raise NotFoundError(f"страница {page_sha256} не е в регистъра")
        recs = _page_records(s, page_sha256)
        totals = _totals_of(page)
        counts: dict[str, int] = {}
        for rid in s.scalars(
            select(FieldCorrection.record_id).where(FieldCorrection.page_sha256 == page_sha256)
        ):
            counts[rid] = counts.get(rid, 0) + 1
        rows = [
            RowReview(
                record=person_month_from_record(r),
                checks=_checks(r, recs, totals),
                ocr=_ocr_values(page, r.row_index),
                changes=counts.get(r.id, 0),
            )
            for r in recs
        ]
        under = sum(len(r.review or []) for r in recs)
        first = recs[0] if recs else None
        doubt = employer_doubt(s, page)
        open_doubt = doubt is not None and doubt.confirmed_by is None
        return PageReview(
            page_sha256=page.sha256,
            source=page.source,
            page_no=page.page_no,
            status=str(page.status),
            employer=first.employer if first else page.employer_printed,
            year=page.year,
            month=page.month,
            sheet=page.sheet,
            fields_under_review=under,
            approved=bool(recs) and under == 0 and not open_doubt,
            rows=rows,
            page_doubt=page_doubt(page),
            employer_doubt=doubt,
        )


def page_doubt(page: Page) -> dict[str, str] | None:
    """Why the page went to review as a page (pages read before the column existed: from the reading)."""
    doubt = page.page_review or (page.extraction or {}).get("page_review")
    if not isinstance(doubt, dict) or not doubt.get("reason"):
        return None
    reason, detail = str(doubt["reason"]), str(doubt.get("detail") or "")
    out = {"reason": reason, "detail": detail}
    if reason == LAYOUT_UNPROVED:  # the failed proofs, for the screen to say in its own language
        out["proofs"] = " ".join(layout_gate.failed_proofs(detail))
    elif reason == PAGE_PLAUSIBILITY and (found := plausibility.facts(detail)) is not None:
        kind = found.pop("kind")  # the figures, for the screen to say in its own language
        out["plausibility"] = f"{kind}.{found.pop('direction')}" if "direction" in found else kind
        out.update(found)
    return out


def record_history(db: Database, record_id: str) -> list[FieldChange]:
    """Every change kept for a record, oldest first."""
    with db.Session() as s:
        rows = s.scalars(
            select(FieldCorrection).where(FieldCorrection.record_id == record_id).order_by(FieldCorrection.id)
        )
        return [_change(c) for c in rows]


def page_changes(db: Database, page_sha256: str) -> list[FieldChange]:
    """Every change kept for the records of a page, oldest first."""
    with db.Session() as s:
        rows = s.scalars(
            select(FieldCorrection)
            .where(FieldCorrection.page_sha256 == page_sha256)
            .order_by(FieldCorrection.id)
        )
        return [_change(c) for c in rows]


def _change(c: FieldCorrection) -> FieldChange:
    return FieldChange(
        id=c.id,
        record_id=c.record_id,
        page_sha256=c.page_sha256,
        row_index=c.row_index,
        field=c.field,
        action="confirm" if c.action == "confirm" else "correct",
        old_value=c.old_value,
        ocr_value=c.ocr_value,
        new_value=c.new_value,
        user=c.user,
        at=c.at,
        comment=c.comment,
    )


# --------------------------------------------------------------------------- changing


def _get_record(s: Session, record_id: str) -> Record:
    rec = s.get(Record, record_id)
    if rec is None:
        raise NotFoundError(f"няма запис {record_id!r}")
    return rec


def _check_user(user: str) -> str:
    user = (user or "").strip()
    if not user:
        raise UsageError("посочете кой проверява (потребител)")
    return user


def correct_field(
    db: Database,
    index: RecordIndex,
    record_id: str,
    field_name: str,
    value: str | None,
    *,
    user: str,
    comment: str | None = None,
    expected: str | None = None,
) -> ChangeResult:
    """Replace a field's value with what the person read on the page (``value`` as typed), keep the
    change, re-run the row's checks and update the record's review list, the page's approval and
    the search index. UsageError (Bulgarian) when the value is not one of the field's type, or when
    ``expected`` (the value the screen showed, as text) is given and another person changed it since."""
    return _apply(
        db, index, record_id, field_name, value, "correct", user=user, comment=comment, expected=expected
    )


def confirm_field(
    db: Database,
    index: RecordIndex,
    record_id: str,
    field_name: str,
    *,
    user: str,
    comment: str | None = None,
    expected: str | None = None,
) -> ChangeResult:
    """The value read is right (as written on the page, even where a check fails): keep the
    confirmation and take the field out of review. ``expected`` as in ``correct_field``."""
    return _apply(
        db, index, record_id, field_name, None, "confirm", user=user, comment=comment, expected=expected
    )


def _apply(
    db: Database,
    index: RecordIndex,
    record_id: str,
    field_name: str,
    value: str | None,
    action: Literal["correct", "confirm"],
    *,
    user: str,
    comment: str | None,
    expected: str | None = None,
) -> ChangeResult:
    user = _check_user(user)
    if field_name not in FIELD_KINDS:
        raise UsageError(f"полето {field_name!r} не се проверява; полета: {', '.join(FIELD_KINDS)}")
    with db.Session() as s:
        rec = _get_record(s, record_id)
        sha = rec.page_sha256
        page = s.get(Page, sha)
        page_recs = _page_records(s, sha)
        before = sum(len(r.review or []) for r in page_recs)
        targets = page_recs if field_name in PAGE_FIELDS else [rec]
        current = _text_of(getattr(rec, field_name))
        if expected is not None and (expected.strip() or None) != current:
            raise UsageError(
                f"{LABELS[field_name]}: стойността е променена междувременно (сега е {current or '—'}); "
                "прегледайте реда отново"
            )
        if action == "correct":
            new = parse_value(field_name, value, year=rec.year, month=rec.month)
        else:
            new = getattr(rec, field_name)
        if field_name == "month" and new is not None:
            for r in targets:  # the days already read must still fit the month
                limit = egn_mod.days_in_month(r.year or 2000, int(str(new)))
                if r.days_worked is not None and r.days_worked > limit:
                    raise UsageError(
                        f"Месец {new}: ред {r.row_no or r.row_index + 1} има {r.days_worked} отработени дни, "
                        f"повече от дните на месеца ({limit}); поправете първо дните"
                    )
        now = utcnow()
        kept: list[FieldCorrection] = []
        for r in targets:
            old = getattr(r, field_name)
            ocr = _ocr_values(page, r.row_index).get(field_name)
            fc = FieldCorrection(
                record_id=r.id,
                page_sha256=sha,
                row_index=r.row_index,
                field=field_name,
                action=action,
                old_value=_text_of(old),
                ocr_value=ocr,
                new_value=_text_of(new),
                user=user,
                at=now,
                comment=(comment or "").strip() or None,
            )
            s.add(fc)
            kept.append(fc)
            if action == "correct":
                setattr(r, field_name, new)
            r.review = [f for f in (r.review or []) if f != field_name]
            r.review_state = str(ReviewState.needs_review if r.review else ReviewState.verified)
        if field_name in PAGE_FIELDS and page is not None and action == "correct":
            setattr(page, field_name, new)
        after = sum(len(r.review or []) for r in page_recs)
        approved = bool(page_recs) and after == 0
        if approved and before > 0:
            add_event(
                s,
                sha,
                "verified",
                user,
                f"страницата е одобрена: {len(page_recs)} реда, няма полета за проверка",
            )
        s.flush()
        changes = [_change(c) for c in kept]
        checks = _checks(rec, page_recs, _totals_of(page))
        changed = [person_month_from_record(r) for r in targets]
        record = person_month_from_record(rec)
        s.commit()
    indexed = _reindex(db, index, sha, changed)
    return ChangeResult(
        record=record,
        changes=changes,
        checks=checks,
        page_fields_under_review=after,
        page_approved=approved,
        indexed=indexed,
    )


def _reindex(db: Database, index: RecordIndex, sha: str, records: list[PersonMonth]) -> bool:
    """The corrected records into the search index; when it is down the page waits for
    ``index_pending`` (its ``indexed_at`` is cleared) and the change stands in the database."""
    try:
        index.upsert(records)
        index.refresh()
        return True
    except BackendUnavailable:
        with db.Session() as s:
            page = s.get(Page, sha)
            if page is not None:
                page.indexed_at = None
                s.commit()
        return False


# --------------------------------------------------------------------------- the queue


def verification_queue(db: Database, *, limit: int = 200) -> list[QueueItem]:
    """Pages with fields under review or an employer name in doubt: those holding a pending certificate request's months first
    (oldest request first), then by the age of their batch (oldest first), then by page age."""
    with db.Session() as s:
        rows = s.execute(
            select(Record.page_sha256, Record.review).where(
                Record.review_state == str(ReviewState.needs_review)
            )
        ).all()
        per_page: dict[str, tuple[int, int]] = {}
        for sha, review in rows:
            r, f = per_page.get(sha, (0, 0))
            per_page[sha] = (r + 1, f + len(review or []))
        # a page whose employer name is in doubt needs review even when every row passed
        employer_open = open_employer_doubts(s)
        for sha in employer_open:
            per_page.setdefault(sha, (0, 0))
        if not per_page:
            return []
        blocking: dict[str, list[tuple[datetime, int]]] = {}
        for req in s.scalars(select(CertificateRequestRow).where(CertificateRequestRow.status == "pending")):
            for sha in req.pages or []:
                if sha in per_page:
                    blocking.setdefault(sha, []).append((req.requested_at, req.id))
        pages = s.execute(
            select(Page, Batch)
            .join(Batch, Batch.id == Page.batch_id, isouter=True)
            .where(Page.sha256.in_(list(per_page)))
        ).all()
        items: list[tuple[tuple, QueueItem]] = []
        for page, batch in pages:
            reqs = sorted(blocking.get(page.sha256, []))
            oldest = reqs[0][0] if reqs else None
            item = QueueItem(
                page_sha256=page.sha256,
                page_id=page.sha256[:12],
                source=page.source,
                page_no=page.page_no,
                employer=batch.employer if batch else page.employer_printed,
                file_no=batch.file_no if batch else None,
                batch_id=page.batch_id,
                batch_created_at=batch.created_at if batch else None,
                rows_under_review=per_page[page.sha256][0],
                fields_under_review=per_page[page.sha256][1],
                blocking_requests=[rid for _, rid in reqs],
                oldest_request_at=oldest,
                employer_under_review=page.sha256 in employer_open,
                page_doubt=page_doubt(page) is not None,
            )
            key = (
                0 if reqs else 1,
                _ts(oldest),
                _ts(batch.created_at if batch else page.created_at),
                _ts(page.created_at),
                page.sha256,
            )
            items.append((key, item))
    items.sort(key=lambda t: t[0])
    return [it for _, it in items[:limit]]


def _ts(dt: datetime | None) -> float:
    """A sortable number for a time (SQLite hands back naive UTC, PostgreSQL aware); None last."""
    if dt is None:
        return float("inf")
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()
