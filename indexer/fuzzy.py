"""Name matching shared by the search backends: per-word edit distance on ``match_key`` forms.

Edit distances come from ``rapidfuzz`` (bit-parallel, in C++); ``WordDictionary`` finds the words of a
dictionary of distinct name words within a query word's tolerance, which is how the embedded index
avoids comparing a query with every stored name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .translit import match_key


def allowed_distance(word: str) -> int:
    """Misread letters tolerated in one name word: none for 1-2 letters, one for 3, two from 4 on."""
    return min(2, max(0, len(word) - 2))


def levenshtein(a: str, b: str, cutoff: int) -> int:
    """Edit distance of ``a`` and ``b``; any value above ``cutoff`` is returned as ``cutoff + 1``."""
    return int(Levenshtein.distance(a, b, score_cutoff=cutoff))


T = TypeVar("T")
WordDistance = Callable[[int, str], int | None]  # (query word index, name word) -> edits or None


def matching_order(words: list[str]) -> list[int]:
    """Indices of the query words in the order they are matched: the longest (most telling) first."""
    return sorted(range(len(words)), key=lambda i: len(words[i]), reverse=True)


def score_words(
    order: list[int], name_words: Sequence[T], distance: Callable[[int, T], int | None]
) -> tuple[int, int] | None:
    """(edits, words out of order) of the best word-for-word match of a query in a name, or None when
    some query word has no name word within its tolerance. ``distance(qi, word)`` gives the edits from
    query word ``qi`` (as typed) to a name word, None beyond the tolerance; ``order`` is
    ``matching_order`` of the query. Query words match distinct name words (greedy, longest query
    word first), in any order: "Петров Иван" finds "Иван Петров Георгиев", but "Иван Петров" ranks
    "Иван Петров Георгиев" before "Петров Иван Георгиев"."""
    if not order or not name_words:
        return None
    total = 0
    used: dict[int, int] = {}  # query word index -> name word index
    for qi in order:
        best, best_i = 99, -1
        for i, nw in enumerate(name_words):
            if i in used.values():
                continue
            d = distance(qi, nw)
            if d is not None and d < best:
                best, best_i = d, i
                if d == 0:
                    break
        if best_i < 0:
            return None
        used[qi] = best_i
        total += best
    seq = [used[qi] for qi in sorted(used)]
    inversions = sum(1 for a in range(len(seq)) for b in range(a + 1, len(seq)) if seq[a] > seq[b])
    return total, inversions


def name_score(query_words: list[str], name_key: str) -> tuple[int, int] | None:
    """``score_words`` of ``query_words`` against one stored name key (edit distances by rapidfuzz)."""

    def distance(qi: int, nw: str) -> int | None:
        limit = allowed_distance(query_words[qi])
        d = levenshtein(query_words[qi], nw, limit)
        return d if d <= limit else None

    return score_words(matching_order(query_words), name_key.split(), distance)


def name_distance(query_words: list[str], name_key: str) -> int | None:
    """Edits of the best word-for-word match (see ``name_score``), or None when there is none."""
    score = name_score(query_words, name_key)
    return None if score is None else score[0]


def query_words(name: str) -> list[str]:
    return match_key(name).split()


class WordDictionary:
    """Distinct name words, grouped by length, for ``close(word)``: the words within the word's
    tolerance (``allowed_distance``) and their edits, computed by ``rapidfuzz`` over the words of a
    possible length only."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._by_len: dict[int, list[str]] = {}
        self.size = 0
        self.add(words)

    def add(self, words: Iterable[str]) -> None:
        for w in words:
            self._by_len.setdefault(len(w), []).append(w)
            self.size += 1

    def close(self, word: str) -> dict[str, int]:
        limit = allowed_distance(word)
        found: dict[str, int] = {}
        for n in range(max(1, len(word) - limit), len(word) + limit + 1):
            choices = self._by_len.get(n)
            if not choices:
                continue
            if limit == 0:
                if word in choices:
                    found[word] = 0
                continue
            for w, d, _ in process.extract(
                word, choices, scorer=Levenshtein.distance, score_cutoff=limit, limit=None
            ):
                found[w] = int(d)
        return found
