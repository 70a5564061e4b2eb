"""Names printed from address plates: a blocky letter the reading takes for another, all over the page.

An enterprise's bookkeeping machine prints each person's name from an embossed metal plate (family Z):
character-cell capitals whose `А` has a flat top and reads `Я`, whose `И` reads `Н`, whose `М` reads `П`,
`Н` or `И`, whose `Ю` reads `М`, whose `У` reads `Ч` (Z dev 18001-18010: 84 words of 806 names with `Я`
for `А`, 'КОЛЕВЯ ГЕРГАНА ЛЯЗАРОВЯ'). One such letter in a word the lexicon check (``names.check_name``)
mends; two it cannot, and the name goes to a person though every plate on the page has the same face.

The page teaches which letters its face confuses: a pair (read, meant) is the page's when at least
``LEARNED_FROM`` of its words in capitals, unknown to the lexicon as read, become exactly one lexicon
word by that one substitution (at one or more places) and by no other. Then every unknown word of
the page's names (in capitals, or a plate's capitals read as small letters) is tried with the page's pairs, any number of places; exactly one lexicon word
reached makes the word that word. A word the lexicon knows as read is never touched (`ЯНА` stays), and
a word that reaches two lexicon words stays as read (the checks doubt it). Safe on other families: a
page of typed or written names in small letters, or whose misreadings do not repeat, learns no pair.
"""

from __future__ import annotations

from collections import Counter
from itertools import product

from .checks import RowDraft
from .name_case import capitalised
from .names import lexicon

# (as read, as printed) for the plates' blocky capitals
PAIRS: tuple[tuple[str, str], ...] = (
    ("Я", "А"), ("Н", "И"), ("П", "М"), ("Н", "М"), ("И", "М"), ("М", "Ю"), ("Ч", "У"), ("П", "А"),
)  # fmt: skip
LEARNED_FROM = 2  # words of the page that show a pair before it is the page's
MAX_PLACES = 8  # letters of a word tried (2**8 spellings at most)


def _known(word: str) -> bool:
    return capitalised(word) in lexicon()


def _spellings(word: str, pairs: list[tuple[str, str]]) -> set[str]:
    """Every spelling of ``word`` with any of its letters that a pair reads taken as the pair's letter."""
    options: list[tuple[str, ...]] = []
    for ch in word:
        meant = tuple(dict.fromkeys([ch, *(m for r, m in pairs if r == ch)]))
        options.append(meant)
    if sum(len(o) > 1 for o in options) > MAX_PLACES:
        return set()
    return {"".join(p) for p in product(*options)} - {word}


def _unknown_capitals(drafts: list[RowDraft]) -> list[str]:
    out = []
    for d in drafts:
        name = d.values.get("name")
        if isinstance(name, str):
            out += [w for w in name.split() if w.isupper() and len(w) >= 3 and w.isalpha() and not _known(w)]
    return out


def page_pairs(drafts: list[RowDraft]) -> list[tuple[str, str]]:
    """The pairs the page's own unknown words in capitals show, each by at least ``LEARNED_FROM`` words."""
    shown: Counter[tuple[str, str]] = Counter()
    for w in _unknown_capitals(drafts):
        reached = {p: [s for s in _spellings(w, [p]) if _known(s)] for p in PAIRS if p[0] in w}
        only = [p for p, hits in reached.items() if len(hits) == 1]
        if len(only) == 1 and sum(len(h) for h in reached.values()) == 1:
            shown[only[0]] += 1
    return [p for p in PAIRS if shown[p] >= LEARNED_FROM]


def mend_plate_names(drafts: list[RowDraft]) -> None:
    """Each unknown word in capitals of a name that the page's pairs make exactly one lexicon word: that word."""
    pairs = page_pairs(drafts)
    if not pairs:
        return
    for d in drafts:
        name = d.values.get("name")
        if not isinstance(name, str):
            continue
        words = name.split()
        for k, w in enumerate(words):
            if not (len(w) >= 3 and w.isalpha()) or _known(w):
                continue
            # a plate's word the engine read in small letters ('Павловя Донкя Василовя' among the page's
            # capitals, put in capitals by the sheet's custom later): the same letters, the same pairs
            hits = [s for s in _spellings(w.upper(), pairs) if _known(s)]
            if len(hits) == 1:
                words[k] = hits[0] if w.isupper() else capitalised(hits[0])
        d.values["name"] = " ".join(words)
