"""A line printer's payroll BY KINDS OF PAYMENT (машинограма по видове плащания) as lines of words: no column of it
is a field, every person is a block of lines.

- the person's line: the row number first (zero-padded), then the name, the ЕГН (after "ЕГН" or not) or a personnel
  number ("ТАБ.N 0802": no ЕГН), the post — in any order after the number, the columns apart by wide gaps;
- the items, one a line or two side by side (accruals on the left, deductions on the right): a 2-3 digit code, the
  kind's words, the days (the base pay's item only), the amount;
- the person's sums after their labels (gross, deductions, net: "НАЧИСЛЕНО ОБЩО", "С-МА УДРЪЖКИ", "ЗА ПОЛУЧАВАНЕ"), on
  one line or two;
- at the foot, the recapitulation by kinds (items with no person) and the grand total (the sums' labels again).

The words of labels recur on the page (every block prints them, the recapitulation prints every code's words again);
an amount misread as letters does not: a word seen once is no label (``vocabulary``). Nothing here keys on one
centre's codes or words but the sums' keywords (``SUM_WORDS``)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from .geometry import Box, Word

# the person's sums: a word opening with one of these names which sum its label is (the centres' wordings of
# gross, deductions, net: "ВСИЧКО НАЧИСЛЕНО", "С-МА УДРЪЖКИ", "ЗА ПОЛУЧАВАНЕ", "ОСТАТЪК ЗА ИЗПЛАЩАНЕ", "ЧИСТА СУМА")
SUM_WORDS: dict[str, tuple[str, ...]] = {
    "gross_pay": ("НАЧИСЛ", "БРУТО"),
    "deductions": ("УДЪРЖ", "УДРЪЖ", "УДЪР"),
    "net_pay": ("ПОЛУЧАВ", "ИЗПЛ", "ОСТАТЪК", "НЕТО", "ЧИСТА"),
}
RECAP_WORDS = ("РЕКАПИТУЛ", "ОБОБЩЕН")  # the recapitulation's title
EGN_LABEL = "ЕГН"
TAB_LABELS = ("ТАБ", "ЛИЧ", "Л.N")  # a personnel number's label: the number after it is no ЕГН
AMOUNT_GAP = 1.6  # char widths: an amount's groups ("1 659.88") this close, the days or a label farther
COLUMN_GAP = 1.6  # char widths: the person line's columns (name, post) apart by more
LINE_SHARE = 0.55  # of a line's height: words whose middles are this close are on one line
_LATIN = str.maketrans({"A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р",
                        "T": "Т", "X": "Х", "Y": "У", "N": "N"})  # fmt: skip
_DIGITISH = set("0123456789оОoOзЗбБ")  # digits and the letters tesseract's text model reads them as
_DIGIT_OF = str.maketrans({"о": "0", "О": "0", "o": "0", "O": "0", "з": "3", "З": "3", "б": "6", "Б": "6"})
_SEPARATORS = set(".,' -")


@dataclass
class PrintLine:
    words: list[Word]  # left to right
    marks: list[Word] = field(default_factory=list)  # words of no letter or digit ("-", "."), left to right

    @property
    def box(self) -> Box:
        return Box(min(w.box.x0 for w in self.words), min(w.box.y0 for w in self.words),
                   max(w.box.x1 for w in self.words), max(w.box.y1 for w in self.words))  # fmt: skip

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Item:
    """An item: its code, its kind's words, the days' words (the base's), the amount's words."""

    code: str
    label: str
    days: list[Word]
    amount: list[Word]
    x0: int  # where its code starts
    line: int  # index of its line
    after: int = 0  # where the words before its amount end (its amount's ink lies between this and its last word)


@dataclass
class SumPart:
    kind: str  # gross_pay, deductions, net_pay
    amount: list[Word]
    line: int
    after: int = 0  # where its label's words end


@dataclass
class PersonLine:
    number: Word
    rest: list[Word]  # after the number
    line: int


@dataclass
class Block:
    person: PersonLine
    items: list[Item] = field(default_factory=list)
    sums: list[SumPart] = field(default_factory=list)
    last_line: int = 0


@dataclass
class Printout:
    lines: list[PrintLine]
    blocks: list[Block]
    recap: list[Item]
    grand: list[SumPart]
    char_w: float
    pitch: float  # a print position's width: left edge to left edge of two words one blank apart


def upper(text: str) -> str:
    return text.translate(_LATIN).upper()


def key(text: str) -> str:
    """A word as the page's vocabulary holds it: in capitals, Cyrillic, without the points and colons around it."""
    return upper(text).strip(".:,;„“\"'")


def digits_of(text: str) -> str | None:
    """A word's digits where it is all digits (or the letters read for them) and separators; else None."""
    t = text.strip(":;")
    if not t or any(c not in _DIGITISH and c not in _SEPARATORS for c in t):
        return None
    d = re.sub(r"\D", "", t.translate(_DIGIT_OF))
    return d or None


def is_figure(text: str) -> bool:
    """A word of an amount: digits (or the letters read for them) and separators, or a digit in a word that is no
    word of letters ("4в" for "48")."""
    return digits_of(text) is not None or (any(c.isdigit() for c in text) and not is_alpha(text))


def is_alpha(text: str) -> bool:
    """A word of letters (a name's, a label's): two letters at least, letters most of it."""
    letters = sum(c.isalpha() for c in text)
    return letters >= 2 and letters >= 0.6 * len(text) and digits_of(text) is None


def group_lines(words: list[Word]) -> list[PrintLine]:
    """The page's words as lines, top to bottom (a word joins the line whose middle its middle is near)."""
    ws = sorted((w for w in words if any(c.isalnum() for c in w.text)), key=lambda w: w.box.cy)
    if not ws:
        return []
    h = median(w.box.h for w in ws)
    out: list[list[Word]] = []
    for w in ws:
        if out and abs(w.box.cy - median(v.box.cy for v in out[-1])) <= LINE_SHARE * h:
            out[-1].append(w)
        else:
            out.append([w])
    lines = [PrintLine(sorted(ws_, key=lambda w: w.box.x0)) for ws_ in out]
    for m in (w for w in words if w.text.strip() and not any(c.isalnum() for c in w.text)):  # a stray point, a dash
        near = min(lines, key=lambda ln: abs(ln.box.cy - m.box.cy))
        if abs(near.box.cy - m.box.cy) <= h:
            near.marks.append(m)
    for ln in lines:
        ln.marks.sort(key=lambda w: w.box.x0)
    return lines


def char_width(lines: list[PrintLine]) -> float:
    widths = [w.box.w / len(w.text) for ln in lines for w in ln.words if len(w.text) >= 3]
    return median(widths) if widths else 20.0


def pitch_of(lines: list[PrintLine], char_w: float) -> float:
    """The printer's pitch: the left edges of two words one blank apart are the first word's letters and the blank
    apart (most words on a line printer's page are; the median of those that may be)."""
    steps = [(b.box.x0 - a.box.x0) / (len(a.text) + 1) for ln in lines for a, b in zip(ln.words, ln.words[1:], strict=False)
             if len(a.text) >= 3]  # fmt: skip
    near = [s for s in steps if 0.85 * char_w <= s <= 1.3 * char_w]
    return median(near) if near else char_w


def vocabulary(lines: list[PrintLine]) -> set[str]:
    """The words of letters that recur on the page (labels); a word seen once is no label (an amount misread)."""
    seen = Counter(key(w.text) for ln in lines for w in ln.words if is_alpha(w.text))
    return {t for t, n in seen.items() if n >= 2}


def sum_kind(text: str) -> str | None:
    t = key(text)
    for kind, starts in SUM_WORDS.items():
        if any(t.startswith(s) for s in starts):
            return kind
    return None


def is_code(w: Word) -> bool:
    d = digits_of(w.text)
    return d is not None and 2 <= len(d) <= 3 and len(w.text.strip(":")) == len(d)


def _tail_run(ws: list[Word], char_w: float) -> int:
    """Index where the trailing run of words ``AMOUNT_GAP`` char widths apart or less starts."""
    i = len(ws) - 1
    while i > 0 and ws[i].box.x0 - ws[i - 1].box.x1 <= AMOUNT_GAP * char_w and not is_alpha(ws[i - 1].text):
        i -= 1
    return i


def item_segments(ln: PrintLine, vocab: set[str], char_w: float, index: int) -> list[Item]:
    """The items of a line: each opens with a code followed by a word of letters; its amount the trailing words
    that are no label, the days (an integer) between its words and its amount."""
    ws = ln.words
    starts = [i for i in range(len(ws) - 1) if is_code(ws[i]) and (is_alpha(ws[i + 1].text) or (
        i + 2 < len(ws) and len(ws[i + 1].text) == 1 and is_alpha(ws[i + 2].text)))]  # (a speck read between)
    out = []
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(ws)
        body = [w for j, w in enumerate(ws[s + 1 : end]) if j or len(w.text) > 1 or is_alpha(w.text)]
        n = 0
        while n < len(body) and is_alpha(body[n].text) and (key(body[n].text) in vocab or n == 0 or
                                                            digits_of(body[n].text) is None and _dotted(body[n].text)):
            n += 1
        label, rest = body[:n], body[n:]
        if not rest:
            out.append(Item(digits_of(ws[s].text) or "", " ".join(upper(w.text) for w in label), [], [],
                            ws[s].box.x0, index))  # fmt: skip
            continue
        t = _tail_run(rest, char_w)
        before = rest[t - 1] if t else label[-1] if label else ws[s]
        out.append(Item(digits_of(ws[s].text) or "", " ".join(upper(w.text) for w in label), rest[:t], rest[t:],
                        ws[s].box.x0, index, before.box.x1))  # fmt: skip
    return out


def _dotted(text: str) -> bool:
    """An abbreviated label word ("ИЗВЪНР.", "ПРОД.ТРУДОВ"): letters and a point."""
    return "." in text and sum(c.isalpha() for c in text) >= 2


def kind_at(ws: list[Word], i: int) -> str | None:
    """The sum a label's word names, or the word and the next read apart ("НАЧИС ЛЕНО")."""
    kind = sum_kind(ws[i].text)
    if kind is None and i + 1 < len(ws) and ws[i + 1].box.x0 - ws[i].box.x1 < ws[i].box.h:
        kind = sum_kind(ws[i].text + ws[i + 1].text)
    return kind


def _label_word(ws: list[Word], j: int, vocab: set[str]) -> bool:
    """A label's word: one the page's vocabulary holds or a sum's keyword, or a letter before such a word ("С" of
    "С-МА" read apart); a word seen once ("во" for "80.") is no label."""
    t = ws[j].text
    if is_figure(t):
        return False
    if key(t) in vocab or sum_kind(t) is not None:
        return True
    return len(key(t)) <= 1 and j + 1 < len(ws) and (key(ws[j + 1].text) in vocab or sum_kind(ws[j + 1].text) is not None)


def sum_parts(ln: PrintLine, index: int, vocab: set[str]) -> list[SumPart]:
    """The sums on a line: each label (a word naming a sum, ``SUM_WORDS``), its other words (words that recur on the
    page), then its amount: the words up to the next label."""
    ws = ln.words
    out: list[SumPart] = []
    i = 0
    while i < len(ws):
        kind = kind_at(ws, i)
        if kind is None:
            i += 1
            continue
        j = i + (1 if sum_kind(ws[i].text) else 2)  # (a word read in two: both)
        while j < len(ws) and _label_word(ws, j, vocab) and kind_at(ws, j) in (None, kind):
            j += 1  # the label's other words ("ОБЩО", "СУМА ЗА ИЗПЛ.:", "С-МА")
        k = j
        while k < len(ws) and not _label_word(ws, k, vocab) and kind_at(ws, k) is None:
            k += 1
        if any(p.kind == kind for p in out):  # the same sum twice on a line: the first
            i = k
            continue
        out.append(SumPart(kind, ws[j:k], index, ws[j - 1].box.x1))
        i = k
    return out


def is_sum_line(ln: PrintLine) -> bool:
    return bool(ln.words) and not is_code(ln.words[0]) and any(kind_at(ln.words, i) for i in range(len(ln.words)))


def person_line(ln: PrintLine, index: int, item_codes: set[str], vocab: set[str]) -> PersonLine | None:
    """The line opens with a short word of digits (the row number; three or more letters read for digits, "ооо1",
    "опоз", where no digit was read), not an item's code followed by its kind's words, and two words of letters or
    a ЕГН follow it."""
    ws = ln.words
    if len(ws) < 3 or len(ws[0].text) > 6:
        return None
    first = ws[0].text.strip(".:")
    d = digits_of(first)
    if not any(c.isdigit() for c in first) and (len(first) < 3 or sum(c in _DIGITISH for c in first) < 0.7 * len(first)):
        return None
    if d in item_codes and key(ws[1].text) in vocab and not _egn_on(ws[1:]):
        return None
    named = sum(1 for w in ws[1:] if is_alpha(w.text))
    if named < 2 and not _egn_on(ws[1:]):
        return None
    return PersonLine(ws[0], ws[1:], index)


def _egn_on(ws: list[Word]) -> bool:
    return any(upper(w.text).startswith(EGN_LABEL) or len(digits_of(w.text) or "") == 10 for w in ws)


def parse(words: list[Word]) -> Printout:
    """The page's words as blocks of people, the recapitulation and the grand total."""
    lines = group_lines(words)
    cw = char_width(lines)
    vocab = vocabulary(lines)
    codes = Counter(it.code for i, ln in enumerate(lines) for it in item_segments(ln, vocab, cw, i))
    item_codes = {c for c, n in codes.items() if n >= 2}  # an item's code recurs (every block, the recapitulation)
    blocks: list[Block] = []
    recap: list[Item] = []
    grand: list[SumPart] = []
    in_recap = False
    current: Block | None = None
    for i, ln in enumerate(lines):
        if any(upper(w.text).startswith(RECAP_WORDS) for w in ln.words):
            in_recap, current = True, None
            continue
        if is_sum_line(ln):
            parts = sum_parts(ln, i, vocab)
            if in_recap or current is None:
                if blocks:  # the grand total (after the recapitulation, or after the last block's sums)
                    grand += [p for p in parts if all(q.kind != p.kind for q in grand)]
                continue
            current.sums += [p for p in parts if all(q.kind != p.kind for q in current.sums)]
            current.last_line = i
            if {p.kind for p in current.sums} >= set(SUM_WORDS):
                current = None  # the block closed
            continue
        items = item_segments(ln, vocab, cw, i)
        if in_recap:
            recap += items
            continue
        p = None if current is not None and not current.sums else person_line(ln, i, item_codes, vocab)
        if p is not None and not any(item_segments(nxt, vocab, cw, i + 1) for nxt in lines[i + 1 : i + 3]):
            p = None  # a person's line has the items under it (not the period's "ЗА МЕСЕЦ АВГУСТ" over the heading)
        if p is not None and not (items and items[0].x0 <= ln.words[0].box.x0 and items[0].code in item_codes):
            current = Block(p, last_line=i)
            blocks.append(current)
            continue
        if current is not None and items:
            current.items += items
            current.last_line = i
        elif current is None and blocks and items and all(it.code in item_codes for it in items) and p is None:
            in_recap = True  # the recapitulation with its title lost
            recap += items
    return Printout(lines, blocks, recap, grand, cw, pitch_of(lines, cw))
