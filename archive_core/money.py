"""Money for people to read: the one formatting of amounts (certificates, search results, screens)."""

from __future__ import annotations

from decimal import Decimal


def display(value: Decimal | None, *, sep: str = " ") -> str:
    """1234.5 -> '1 234.50' (Bulgarian print groups thousands with a space); None -> '—'."""
    if value is None:
        return "—"
    return f"{value:,.2f}".replace(",", sep)
