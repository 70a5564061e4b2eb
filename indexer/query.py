"""Turning what a person typed (CLI options, web query parameters) into a SearchQuery, and the
Bulgarian labels records are shown with. Bad input is a UsageError with one Bulgarian line."""

from __future__ import annotations

import re
from decimal import Decimal

from archive_core import egn as egn_mod
from archive_core.errors import UsageError
from archive_core.money import display
from archive_core.protocols import SearchQuery
from archive_core.records import PersonMonth, ReviewState

_PERIOD = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")

FIELD_LABELS: dict[str, str] = {
    "row": "№",
    "egn": "ЕГН",
    "name": "име",
    "position": "длъжност",
    "days_worked": "дни",
    "base_pay": "основна заплата",
    "extra_pay": "допълнително",
    "gross_pay": "брутно",
    "deductions": "удръжки",
    "net_pay": "за получаване",
    "employer": "работодател",
    "period": "период",
    "totals": "общо",
}

REVIEW_LABELS: dict[str, str] = {
    ReviewState.ok: "",
    ReviewState.needs_review: "за проверка",
    ReviewState.verified: "проверен",
}


def parse_period(text: str | None, what: str) -> tuple[int, int] | None:
    """'1985-03' -> (1985, 3); None/empty -> None; anything else -> UsageError naming ``what``."""
    if text is None or not text.strip():
        return None
    m = _PERIOD.match(text)
    if not m:
        raise UsageError(f"{what}: очаква се година и месец във вида ГГГГ-ММ (напр. 1985-03), а не {text!r}")
    year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        raise UsageError(f"{what}: няма месец {month} (месецът е от 1 до 12): {text!r}")
    if not 1900 <= year <= 2100:
        raise UsageError(f"{what}: невъзможна година {year}: {text!r}")
    return year, month


def build_query(
    *,
    egn: str | None = None,
    name: str | None = None,
    employer: str | None = None,
    period_from: str | None = None,
    period_to: str | None = None,
    limit: int = 200,
    from_label: str = "--from",
    to_label: str = "--to",
) -> SearchQuery:
    """Validate a search as typed; at least one of ЕГН, name, employer is required."""
    egn = egn.strip() if egn and egn.strip() else None
    name = name.strip() if name and name.strip() else None
    employer = employer.strip() if employer and employer.strip() else None
    if egn is None and name is None and employer is None:
        raise UsageError("посочете поне едно от: ЕГН, име или работодател")
    if egn is not None and not egn_mod.is_well_formed(egn):
        raise UsageError(f"ЕГН се състои от 10 цифри, а не {egn!r}")
    if name is not None and not any(c.isalpha() for c in name):
        raise UsageError(f"името трябва да съдържа букви: {name!r}")
    p_from = parse_period(period_from, from_label)
    p_to = parse_period(period_to, to_label)
    if p_from and p_to and p_from > p_to:
        raise UsageError(f"началото на периода ({period_from}) е след края му ({period_to})")
    if not 1 <= limit <= 10_000:
        raise UsageError(f"броят резултати трябва да е от 1 до 10000, а не {limit}")
    return SearchQuery(egn=egn, name=name, employer=employer, period_from=p_from, period_to=p_to, limit=limit)


def money(value: Decimal | None) -> str:
    """1234.5 -> '1 234.50' with a no-break space (a terminal column must not wrap inside it)."""
    return display(value, sep="\u00a0")


def review_text(pm: PersonMonth) -> str:
    label = REVIEW_LABELS.get(pm.review_state, str(pm.review_state))
    if pm.review_state == ReviewState.needs_review and pm.review:
        fields = ", ".join(FIELD_LABELS.get(f, f) for f in pm.review)
        return f"{label}: {fields}"
    return label


def period_text(pm: PersonMonth) -> str:
    if pm.year is None:
        return "—"
    return f"{pm.month:02d}.{pm.year}" if pm.month else str(pm.year)
