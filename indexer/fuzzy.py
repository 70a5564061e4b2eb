"""Name matching shared by the search backends: per-word edit distance on ``match_key`` forms."""

from __future__ import annotations

from .translit import match_key


def allowed_distance(word: str) -> int:
    """Misread letters tolerated in one name word: none for 1-2 letters, one for 3, two from 4 on."""
    return min(2, max(0, len(word) - 2))


def levenshtein(a: str, b: str, cutoff: int) -> int:
    """Edit distance of ``a`` and ``b``; any value above ``cutoff`` is returned as ``cutoff + 1``."""
    if abs(len(a) - len(b)) > cutoff:
        return cutoff + 1
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            best = min(best, cur[j])
        if best > cutoff:
            return cutoff + 1
        prev = cur
    return min(prev[-1], cutoff + 1)


def name_score(query_words: list[str], name_key: str) -> tuple[int, int] | None:
    """(edits, words out of order) of the best word-for-word match of the query in the name, or None
    when some query word has no name word within its tolerance. Query words match distinct name
    words (greedy, longest query word first), in any order: "Петров Иван" finds "Иван Петров
    Георгиев", but "Иван Петров" ranks "Иван Петров Георгиев" before "Петров Иван Георгиев"."""
    name_words = name_key.split()
    if not query_words or not name_words:
        return None
    total = 0
    used: dict[int, int] = {}  # query word index -> name word index
    for qi in sorted(range(len(query_words)), key=lambda i: len(query_words[i]), reverse=True):
        qw = query_words[qi]
        limit = allowed_distance(qw)
        best, best_i = limit + 1, -1
        for i, nw in enumerate(name_words):
            if i in used.values():
                continue
            d = levenshtein(qw, nw, limit)
            if d < best:
                best, best_i = d, i
                if d == 0:
                    break
        if best_i < 0:
            return None
        used[qi] = best_i
        total += best
    order = [used[qi] for qi in sorted(used)]
    inversions = sum(1 for a in range(len(order)) for b in range(a + 1, len(order)) if order[a] > order[b])
    return total, inversions


def name_distance(query_words: list[str], name_key: str) -> int | None:
    """Edits of the best word-for-word match (see ``name_score``), or None when there is none."""
    score = name_score(query_words, name_key)
    return None if score is None else score[0]


def query_words(name: str) -> list[str]:
    return match_key(name).split()
