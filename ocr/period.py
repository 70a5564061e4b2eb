"""The sheet's period read once more where the first reading was unsure: a wrong month or year would count
every row of the sheet in another month, and no row sum or check digit would notice.

- A year read with less than ``SURE`` confidence is read again alone, with the digits model. The two
  readings agree: kept. They differ: the period goes to review with both readings (the first is kept).
- A month word that lies within two letters of another month too (юни / юли, май / март) goes to review
  when it was read unsure or not letter for letter.

The doubt is ``period.review`` (payroll-page/1 extension) with the words' box; ``ingest.records`` sends the
page's rows to review for their period."""

from __future__ import annotations

from .analysis import Analysis
from .engine import OcrEngine
from .geometry import Box
from .header import MONTHS, YEARS, Header, levenshtein, month_letters
from .normalise import digits
from .reading import mosaic_read

SURE = 0.9  # below it a word of the period is read again or, for a month, doubted
NEAR = 2  # a month word this close to two months could be either


def _year_again(a: Analysis, h: Header, engine: OcrEngine) -> str | None:
    """The year word read again alone with the digits model, when the first reading was unsure: the second
    reading when it differs, else None."""
    w = h.year_word
    if h.year is None or w is None or w.conf >= SURE:
        return None
    b = w.box
    pad = max(6, b.h // 3)
    (ws,) = mosaic_read(
        a,
        [Box(b.x0 - pad, b.y0 - pad, b.x1 + pad, b.y1 + pad)],
        lambda m: engine.figures(m, whitelist="0123456789"),
    )
    second = digits("".join(x.text for x in ws))
    return None if second == str(h.year) else second


def _month_doubt(h: Header) -> str | None:
    w = h.month_word
    if h.month is None or w is None:
        return None
    read = month_letters(w.text)
    near = [m for m in MONTHS if levenshtein(read, m) <= NEAR]
    if len(near) < 2 or (read == MONTHS[h.month - 1] and w.conf >= SURE):
        return None
    return (
        f"месецът е разчетен „{w.text}“ и е взет за „{MONTHS[h.month - 1]}“ (близко до „{'“, „'.join(near)}“)"
    )


def confirm(a: Analysis, h: Header, engine: OcrEngine) -> None:
    """Set ``h.period_review`` (and the words' box) when the period as read is in doubt."""
    doubts: list[str] = []
    boxes: list[Box] = []
    second = _year_again(a, h, engine)
    if second is not None and h.year_word is not None:
        in_range = len(second) == 4 and YEARS[0] <= int(second) <= YEARS[1]
        doubts.append(
            f"годината е прочетена „{h.year}“, при втори прочит „{second if in_range else second or '?'}“"
        )
        boxes.append(h.year_word.box)
    if (month := _month_doubt(h)) is not None and h.month_word is not None:
        doubts.append(month)
        boxes.append(h.month_word.box)
    if doubts:
        h.period_review = "; ".join(doubts)
        h.period_bbox = a.transform.box_to_original(
            Box(
                min(b.x0 for b in boxes),
                min(b.y0 for b in boxes),
                max(b.x1 for b in boxes),
                max(b.y1 for b in boxes),
            )
        )
