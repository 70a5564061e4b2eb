"""The marks of an employer's name that a reading can lose or shift without a word being misread:

- the name's dash with a space on one side only ("ЕООД –Ловеч", "„Вели -2“", "Колев- МК"): a typist puts
  spaces on both sides of the name's dash ("ЕООД – Ловеч") and none around a hyphen ("Родопа-94"), so one
  of the two spaces was read wrong. Before a word, after a space, it is taken for the name's dash (a space
  after a dash is lost more often than one made up); glued to the word before it and before a capital, for
  a hyphen ("Хлебозавод- Стара" -> "Хлебозавод-Стара"); either way the name goes to a person
  (``dash_one_side``).
- a village's name without its mark ("ЕТ „Вели – 2“ Черноочене": the small "с." before it not read, N dev
  6009 p5, out without a doubt): villages are written "с. Черноочене"; the name goes to a person
  (``village_unmarked``). Towns are often written without "гр.": no doubt for them.

The words of the data (ocr/data/employer_words.json): ``villages`` that are no ``towns``."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .employer_doubts import doubt

WORDS_FILE = Path(__file__).with_name("data") / "employer_words.json"
_DASH = r"\-–—"
# a dash after a space, glued to what follows it (not at the name's start: there it is a speck)
_BEFORE_WORD = re.compile(rf"(?<=\s)([{_DASH}])(?=[^\s{_DASH}])")
# a dash glued to the word before it, a space after it
_AFTER_WORD = re.compile(rf"(?<=[^\s{_DASH}])([{_DASH}])(?=\s)")


def one_sided_dashes(name: str, doubts: list[str] | None = None) -> str:
    """``name`` with each dash that has a space on one side only made the name's dash ("ЕООД –Ловеч" ->
    "ЕООД – Ловеч") or, glued to a word and before a capital, a hyphen ("Хлебозавод- Стара" ->
    "Хлебозавод-Стара"); ``doubts`` gets ``dash_one_side`` for each (the word as read with its dash)."""

    def before(m: re.Match[str]) -> str:
        if doubts is not None:
            word = name[m.start() :].split(" ", 1)[0].strip("„“")
            doubts.append(doubt("dash_one_side", word))
        return "– "

    def after(m: re.Match[str]) -> str:
        if doubts is not None:
            word = name[: m.end()].rsplit(" ", 1)[-1].strip("„“")
            doubts.append(doubt("dash_one_side", word))
        before_it = name[: m.start()].rsplit(" ", 1)[-1]
        # a hyphen joins two words; after a closing quote or a legal form ("ЕООД") the name's dash stands
        word_before = before_it[-1:].isalnum() and not (before_it.isupper() and len(before_it) <= 4)
        return "-" if word_before and re.match(r"\s+[А-Я]", name[m.end() :]) else " –"

    name = _BEFORE_WORD.sub(before, name)
    name = _AFTER_WORD.sub(after, name)
    name = re.sub(r"(?<=\w)- (?=[А-Я])", "-", name)  # the hyphen's space, made in ``after``
    return re.sub(r"\s+", " ", name).strip()


@lru_cache(maxsize=1)
def _villages() -> frozenset[str]:
    raw = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(raw["villages"]) - frozenset(raw["towns"])


def unmarked_villages(name: str) -> list[str]:
    """The villages (one or two words: "Горна Липница") that stand outside the quoted name without "с."
    before them."""
    toks = name.split()
    out: list[str] = []
    quoted = False
    after = 0  # the words before this one are a village's already ("Горна Липница": "Липница" is one too)
    for i, tok in enumerate(toks):
        opens = tok.startswith("„")
        if not (quoted or opens) and i >= after:
            for n in (2, 1):
                place = " ".join(t.strip(".,“") for t in toks[i : i + n])
                if len(toks[i : i + n]) == n and place in _villages():
                    if i == 0 or toks[i - 1].rstrip(",") not in ("с.", "с"):
                        out.append(place)
                    after = i + n
                    break
        quoted = (quoted or opens) and "“" not in tok
    return out


def village_doubts(name: str) -> list[str]:
    """``village_unmarked`` for each village of ``name`` written without its "с."."""
    return [doubt("village_unmarked", place) for place in unmarked_villages(name)]
