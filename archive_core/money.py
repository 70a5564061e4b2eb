"""Money as printed on the sheets -> the normalised decimal string of payroll-page/1 ("1234.56")."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_SPACES = re.compile(r"[\s\u00a0\u202f']+")


def parse(text: str | None) -> Decimal | None:
    """'1 234,56' / '1234.56' / '12 345' / '-' (zero) -> Decimal; None when it is not an amount."""
    if text is None:
        return None
    t = _SPACES.sub("", text.strip())
    if t in {"-", "–", "—", "--"}:
        return Decimal("0.00")
    if not t:
        return None
    if "," in t and "." in t:  # 1.234,56 or 1,234.56: the last one is the decimal separator
        t = t.replace(".", "").replace(",", ".") if t.rfind(",") > t.rfind(".") else t.replace(",", "")
    else:
        t = t.replace(",", ".")
    if t.count(".") > 1:
        head, _, tail = t.rpartition(".")
        t = head.replace(".", "") + "." + tail
    if not re.fullmatch(r"-?\d+(\.\d{1,2})?", t):
        return None
    try:
        return Decimal(t).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None


def fmt(value: Decimal | None) -> str | None:
    return None if value is None else f"{value.quantize(Decimal('0.01')):.2f}"


def normalise(text: str | None) -> str | None:
    return fmt(parse(text))
