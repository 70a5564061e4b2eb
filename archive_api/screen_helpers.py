"""Small helpers shared by the staff screens: the purpose a clerk stated on a form (or in a link that
carries it on), HTML-or-htmx answers, and the values a screen shows."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlencode

from fastapi import Request

from archive_core.audit import Purpose
from archive_core.records import MONEY_FIELDS

from .purpose import Stated

# The columns of a page's rows on the screens, in the sheet's order.
ROW_FIELDS = ("egn", "name", "position", "days_worked", *MONEY_FIELDS)
MONEY = frozenset(MONEY_FIELDS)


def stated_from(purpose: str | None, text: str | None) -> Stated | None:
    """The purpose from a form or link; None when missing (or 'other' without words)."""
    words = text.strip() if text and text.strip() else None
    if purpose is None or purpose not in Purpose.__members__:
        return None
    p = Purpose(purpose)
    if p is Purpose.other and words is None:
        return None
    return Stated(p, words)


def purpose_query(stated: Stated | None) -> str:
    """``purpose=...&purpose_text=...`` to carry the stated purpose on to the next screen."""
    if stated is None:
        return ""
    q: dict[str, str] = {"purpose": str(stated.purpose)}
    if stated.text:
        q["purpose_text"] = stated.text
    return urlencode(q)


def is_htmx(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def plain(value: object) -> str:
    """A value as a person types it back (money with a dot, no grouping); '' for none."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)
