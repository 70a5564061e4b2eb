"""Counting: which lines of a person's records count, and the totals of service and income, by the
rules of ``certificates.rules`` (their text is written into the certificate as ``method``).

- Records still under review are listed with the mark "за проверка" and are NOT added to the totals;
  the totals say how many lines were left out.
- Two readings of the same sheet (a re-scan or copy: same employer, year and month, and the same sheet
  number or the same row content, on different pages) are one person-month: when they agree the first
  counts and the others are marked as copies; when they differ none counts and the certificate lists
  them as a conflict until the clerk chooses one (``choose_reading``).
- Another sheet of the same employer and month (a supplementary payroll) adds income, not days.
- Every month lists the days read against its working days; a month with fewer days is not a full
  month (its days count as days).
- Each line says whether its figure (days for service, gross for income) was verified by a person (a
  correction or confirmation is kept for that field) or read by OCR and passed every check.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from datetime import UTC, datetime
from decimal import Decimal

from archive_core import egn as egn_mod
from archive_core.config import Settings
from archive_core.db import Database, ReadingChoice, Record, open_database, utcnow
from archive_core.doubts import open_employer_doubts
from archive_core.errors import NotFoundError, UsageError
from archive_core.records import PersonMonth, ReviewState

from .model import (
    BASIS_TEXT,
    CONFLICT,
    DUPLICATE,
    EMPLOYER_IN_DOUBT,
    INCOME_METHOD,
    NOT_CHOSEN,
    OTHER_EGN,
    SUPPLEMENTARY,
    TITLES,
    UNDER_REVIEW,
    Certificate,
    CertificateLine,
    Conflict,
    MonthSummary,
    Person,
    Totals,
    line_of,
    money,
    period_text,
)
from .queries import load_records_db, reading_choices, verifiers
from .rules import COPY_RULE, DEFAULT_RULES, SUPPLEMENTARY_RULE, CountingRules


def build(
    settings: Settings,
    kind: str,
    egn: str,
    period_from: tuple[int, int] | None = None,
    period_to: tuple[int, int] | None = None,
    *,
    rules: CountingRules = DEFAULT_RULES,
) -> Certificate:
    """The certificate's content (no files written), from the settings' database."""
    db = open_database(settings)
    try:
        return build_from(db, kind, egn, period_from, period_to, rules=rules)
    finally:
        db.dispose()


def _validate(
    kind: str, egn: str, period_from: tuple[int, int] | None, period_to: tuple[int, int] | None
) -> str:
    if kind not in TITLES:
        raise UsageError(f"непознат вид удостоверение {kind!r}: service (стаж) или income (доход)")
    egn = egn.strip()
    if not egn_mod.is_well_formed(egn):
        raise UsageError(f"ЕГН се състои от 10 цифри, а не {egn!r}")
    if period_from and period_to and period_from > period_to:
        raise UsageError(
            f"началото на периода ({period_text(period_from)}) е след края му ({period_text(period_to)})"
        )
    return egn


def group_key(pm: PersonMonth) -> str:
    """The person-month a reading belongs to, for the clerk's choice between readings."""
    return f"{pm.employer or ''}|{pm.year or 0:04d}-{pm.month or 0:02d}"


def _content(pm: PersonMonth) -> tuple[object, ...]:
    return (pm.days_worked, pm.base_pay, pm.extra_pay, pm.gross_pay, pm.deductions, pm.net_pay)


def _same_sheet(a: PersonMonth, b: PersonMonth) -> bool:
    """Two readings of one sheet's row on different pages: same sheet number, or the same content."""
    if a.page_sha256 == b.page_sha256:
        return False
    if a.sheet is not None and a.sheet == b.sheet:
        return True
    return any(v is not None for v in _content(a)) and _content(a) == _content(b)


def _set_role(ln: CertificateLine, role: str, mark: str) -> None:
    ln.role = role  # type: ignore[assignment]
    ln.counted = role in ("counted", "supplementary")
    ln.mark = mark
    if role not in ("counted",):
        ln.days_counted = 0


def build_from(
    db: Database,
    kind: str,
    egn: str,
    period_from: tuple[int, int] | None = None,
    period_to: tuple[int, int] | None = None,
    *,
    rules: CountingRules = DEFAULT_RULES,
) -> Certificate:
    """The certificate's content (no files written) from an open database."""
    egn = _validate(kind, egn, period_from, period_to)
    found, possible = load_records_db(db, egn, period_from, period_to)
    if not found:
        span = ""
        if period_from or period_to:
            span = f" в периода {period_text(period_from) or '…'} – {period_text(period_to) or '…'}"
        raise NotFoundError(f"няма записи за ЕГН {egn}{span}")
    checked = verifiers(db, [pm.id for pm, _ in found])
    with db.Session() as s:
        doubted = open_employer_doubts(s, (pm.page_sha256 for pm, _ in found))
    choices = reading_choices(db, egn)
    figure = "days_worked" if kind == "service" else "gross_pay"

    lines: list[CertificateLine] = []
    pms: list[PersonMonth] = []
    for pm, source in found:
        # a month whose page's employer name is in doubt is not counted until a verifier confirms the name
        employer_open = pm.page_sha256 in doubted
        under = pm.review_state == ReviewState.needs_review or employer_open
        mark = EMPLOYER_IN_DOUBT if employer_open and pm.review_state != ReviewState.needs_review else ""
        ln = line_of(pm, source, counted=not under, mark=mark or (UNDER_REVIEW if under else ""))
        if employer_open:
            ln.review.append("employer")
        ln.verified_fields = sorted(checked.get(pm.id, {}))
        ln.role = "under_review" if under else "counted"
        ln.basis = (
            "under_review" if under else ("verified" if figure in ln.verified_fields else "ocr_checked")
        )
        ln.days_counted = 0 if under else (pm.days_worked or 0)
        if pm.year and pm.month and 1 <= pm.month <= 12:
            ln.working_days = rules.working_days(pm.year, pm.month)
        lines.append(ln)
        pms.append(pm)

    conflicts = _resolve_copies(lines, pms, choices)
    _supplementary(lines, pms)
    for ln in lines:
        ln.basis_text = BASIS_TEXT[ln.basis]

    counted_lines = [ln for ln in lines if ln.counted]
    left_out = sum(ln.role == "under_review" for ln in lines)
    duplicates = sum(ln.role == "duplicate" for ln in lines)
    supplementary = sum(ln.role == "supplementary" for ln in lines)
    names = Counter(pm.name for pm, _ in found if pm.name and pm.review_state != ReviewState.needs_review)
    names = names or Counter(pm.name for pm, _ in found if pm.name)
    person = Person(
        egn=egn, name=names.most_common(1)[0][0] if names else None, birth_date=egn_mod.birth_date(egn)
    )
    if left_out:
        left_text = f"Не са включени {left_out} реда за проверка."
        if in_doubt := sum("employer" in ln.review for ln in lines if ln.role == "under_review"):
            left_text += f" От тях {in_doubt} са от ведомости с име на работодателя за проверка."
    elif not conflicts:
        left_text = "Всички редове са включени."
    else:
        left_text = ""
    if duplicates:
        left_text += f" Копия на вече зачетени ведомости: {duplicates} реда (не са събрани втори път)."
    if conflicts:
        left_text += f" Месеци с два различни прочита: {len(conflicts)} (не са включени, докато не бъде избран верният)."
    if supplementary:
        left_text += f" Допълнителни ведомости: {supplementary} реда (доход без дни)."
    possible_lines = [
        line_of(pm, source, counted=False, mark=OTHER_EGN, egn_read=pm.egn, name_read=pm.name)
        for pm, source in possible
    ]
    for ln in possible_lines:
        ln.role, ln.basis, ln.basis_text = "possible", "under_review", BASIS_TEXT["under_review"]
    if possible_lines:
        left_text += (
            f" Възможни редове на лицето с друго или неразчетено ЕГН: {len(possible_lines)} "
            "(за проверка, не са включени)."
        )
    left_text = left_text.strip()
    months = _months(lines, rules)
    common = {
        "lines": len(lines),
        "counted_lines": len(counted_lines),
        "left_out_under_review": left_out,
        "possible_other_egn": len(possible_lines),
        "duplicates": duplicates,
        "conflicts": len(conflicts),
        "supplementary": supplementary,
        "verified_lines": sum(ln.basis == "verified" for ln in counted_lines),
    }
    if kind == "service":
        days = sum(ln.days_counted for ln in counted_lines)
        worked = [m for m in months if m.days_read > 0]
        full = sum(m.full_month for m in worked)
        partial_days = sum(m.days_read for m in worked if not m.full_month)
        ymd = rules.years_months_days(full, partial_days)
        totals = Totals(
            **common,
            days_worked=days,
            months=len(worked),
            full_months=full,
            partial_months=len(worked) - full,
            partial_days=partial_days,
            years_months_days=ymd,
            text=(
                f"Общо: {days} отработени дни; стаж {ymd[0]} г. {ymd[1]} м. {ymd[2]} д. "
                f"({len(worked)} месеца с отработени дни, от тях {full} пълни). {left_text}"
            ),
        )
        method = rules.text()
    else:
        gross = sum((ln.gross_pay or Decimal("0") for ln in counted_lines), Decimal("0.00"))
        totals = Totals(
            **common, gross_pay=gross, text=f"Общо брутно възнаграждение: {money(gross)} лв. {left_text}"
        )
        method = f"{INCOME_METHOD} {COPY_RULE} {SUPPLEMENTARY_RULE}"
    return Certificate(
        id=uuid.uuid4().hex[:16],
        kind=kind,
        title=TITLES[kind],
        issued_at=datetime.now(UTC).replace(microsecond=0),
        person=person,
        period_from=period_text(period_from),
        period_to=period_text(period_to),
        lines=lines,
        possible_lines=possible_lines,
        totals=totals,
        method=method,
        months=months,
        conflicts=conflicts,
        counting_rules=rules.model_dump(mode="json"),
    )


def _resolve_copies(
    lines: list[CertificateLine], pms: list[PersonMonth], choices: dict[str, list[str]]
) -> list[Conflict]:
    """Readings of the same sheet's row (among the lines that count): one counts."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (ln, pm) in enumerate(zip(lines, pms, strict=True)):
        if ln.role == "counted" and pm.year and pm.month:
            groups[group_key(pm)].append(i)
    conflicts: list[Conflict] = []
    for key, idx in groups.items():
        parent = {i: i for i in idx}

        def find(i: int, parent: dict[int, int] = parent) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        for a in idx:
            for b in idx:
                if a < b and _same_sheet(pms[a], pms[b]):
                    parent[find(b)] = find(a)
        clusters: dict[int, list[int]] = defaultdict(list)
        for i in idx:
            clusters[find(i)].append(i)
        for members in clusters.values():
            if len(members) < 2:
                continue
            ids = [pms[i].id for i in members]
            if len({_content(pms[i]) for i in members}) == 1:
                keep = min(members, key=lambda i: (lines[i].basis != "verified", i))
                for i in members:
                    if i != keep:
                        _set_role(lines[i], "duplicate", DUPLICATE)
                continue
            chosen = next((rid for rid in choices.get(key, []) if rid in ids), None)
            if chosen is not None:
                for i in members:
                    if pms[i].id == chosen:
                        lines[i].basis = "chosen" if lines[i].basis != "verified" else "verified"
                    else:
                        _set_role(lines[i], "not_chosen", NOT_CHOSEN)
                continue
            for i in members:
                _set_role(lines[i], "conflict", CONFLICT)
            first = pms[members[0]]
            conflicts.append(
                Conflict(
                    group_key=key,
                    year=first.year,
                    month=first.month,
                    employer=first.employer,
                    record_ids=ids,
                    readings=[lines[i].model_copy(deep=True) for i in members],
                )
            )
    return conflicts


def _supplementary(lines: list[CertificateLine], pms: list[PersonMonth]) -> None:
    """Of the counted lines of one employer and month from different sheets, the one with the most days
    is the main payroll; the others are supplementary: their income counts, their days do not."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, (ln, pm) in enumerate(zip(lines, pms, strict=True)):
        if ln.role == "counted" and pm.year and pm.month:
            groups[group_key(pm)].append(i)
    for idx in groups.values():
        if len(idx) < 2:
            continue
        main = min(idx, key=lambda i: (-(pms[i].days_worked or 0), pms[i].sheet or 0, i))
        for i in idx:
            if i != main:
                _set_role(lines[i], "supplementary", SUPPLEMENTARY)


def _months(lines: list[CertificateLine], rules: CountingRules) -> list[MonthSummary]:
    per: dict[tuple[int, int], list[CertificateLine]] = defaultdict(list)
    for ln in lines:
        if ln.counted and ln.year and ln.month and 1 <= ln.month <= 12:
            per[(ln.year, ln.month)].append(ln)
    out = []
    for (y, m), lns in sorted(per.items()):
        days = sum(ln.days_counted for ln in lns)
        wd = rules.working_days(y, m)
        out.append(
            MonthSummary(
                year=y,
                month=m,
                days_read=days,
                working_days=wd,
                full_month=days > 0 and days >= wd,
                employers=sorted({ln.employer for ln in lns if ln.employer}),
                gross_pay=sum((ln.gross_pay or Decimal("0") for ln in lns), Decimal("0.00")),
            )
        )
    return out


def choose_reading(db: Database, record_id: str, *, user: str, comment: str | None = None) -> None:
    """The clerk chooses which of two differing readings of a person-month counts (the record
    ``record_id``); the certificate counts it from now on and lists the other as not chosen."""
    user = (user or "").strip()
    if not user:
        raise UsageError("посочете кой избира прочита (потребител)")
    with db.Session() as s:
        rec = s.get(Record, record_id)
        if rec is None:
            raise NotFoundError(f"няма запис {record_id!r}")
        if rec.egn is None:
            raise UsageError("записът няма ЕГН: първо проверете ЕГН на реда")
        pm = PersonMonth.model_validate(
            {
                "id": rec.id,
                "page_sha256": rec.page_sha256,
                "row_index": rec.row_index,
                "employer": rec.employer,
                "year": rec.year,
                "month": rec.month,
            }
        )
        s.add(
            ReadingChoice(
                egn=rec.egn,
                group_key=group_key(pm),
                record_id=rec.id,
                user=user,
                at=utcnow(),
                comment=(comment or "").strip() or None,
            )
        )
        s.commit()
