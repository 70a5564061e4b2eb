"""Where the quoted name of an employer opens when its opening quote was lost or read twice.

Page shapes: a legal form, then the enterprise's quoted name ("ОП „Чистота и услуги“ – Айтос"), or a quoted
dedication ("ОУ „Христо Смирненски“"). A faint or specked opening quote was lost (S dev 11001 p8: the quote put
back before the last word, 'ОП Чистота и „услуги“'), or a speck before the name's second word was read as a
second opening (Q dev 9001 p6: '„Христо "Смирнейски“', the first opening taken for the noise,
'ОУ Христо „Смирненски“').

- the words before the closing quote that are a listed dedication ("Христо Смирненски") are the quoted name;
- else, a name that begins with a legal form opens its quotes right after it: the legal form stands before
  the enterprise's quoted name, never inside it.

Only where the quote is placed changes; put back after the form, the name goes to a person (``quote_unclosed``)."""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from .employer_doubts import doubt

LONG = 10  # a dedication of this many letters or more may be two letters from the list's
MAX_WORDS = 4  # the longest dedication in words ("Васил Левски", "Г. С. Раковски", "Христо Ботев")


def dedication_before(toks: list[str], end: int, dedications: frozenset[str]) -> int | None:
    """The index of the first of the words ending at ``toks[end]`` (its closing quote stripped) that together are
    a listed dedication (a letter misread, two in a long one), the longest such run; None when none is."""
    for n in range(min(MAX_WORDS, end + 1), 1, -1):
        run = " ".join(t.strip("„“\".,") for t in toks[end - n + 1 : end + 1])
        limit = 1 if len(run) < LONG else 2  # a letter or two misread, as ``header._dedication`` mends them
        if any(Levenshtein.distance(run, d, score_cutoff=limit) <= limit for d in dedications):
            return end - n + 1
    return None


def open_lost(name: str, dedications: frozenset[str], forms: frozenset[str], doubts: list[str] | None = None) -> str | None:
    """``name`` with the opening quote put back for its first closing quote that has none before it, where a
    dedication or a leading legal form says where; None when neither does. Put back after the form, the name
    goes to a person (``doubts``: the quoted name may have begun later, "ОП Чистота и „Услуги“")."""
    toks = name.split()
    end = next((i for i, t in enumerate(toks) if "“" in t), None)
    if end is None or any("„" in t for t in toks[: end + 1]):
        return None
    start = dedication_before(toks, end, dedications)
    if start is None and len(toks) > 2 and toks[0].strip(".,") in forms and end >= 1:
        start = 1
        if doubts is not None:
            doubts.append(doubt("quote_unclosed"))
    if start is None:
        return None
    toks[start] = "„" + toks[start]
    return " ".join(toks)


def earlier_opening_holds(toks: list[str], first: int, second: int, dedications: frozenset[str]) -> bool:
    """Two openings before a closing quote (``toks[first]`` and ``toks[second]`` open): the first one is the
    name's when the words from it to the closing quote are a listed dedication (the second was a speck)."""
    end = next((i for i in range(second, len(toks)) if "“" in toks[i]), None)
    if end is None or end - first + 1 > MAX_WORDS:
        return False
    return dedication_before(toks, end, dedications) == first
