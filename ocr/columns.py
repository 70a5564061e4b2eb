"""Which column is which: from what the cells hold, with the headings as a second opinion.

Content decides first (10-digit numbers are ЕГН, small rising integers are row numbers, ...); the money
columns are told apart by the arithmetic that binds them (gross = base + additional, net = gross -
deductions), which a misread heading cannot fool. Headings break ties.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import combinations, pairwise

from . import adding_tape, control_total, outside_columns, pay_items
from .header import levenshtein
from .normalise import amount, digits, egn, figure_lines, in_whole_leva, is_dash, money

MONEY = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")
PART = "deduction_part"  # an itemised deduction (tax, insurance, advance, union fee): they sum to deductions
PAY_ITEM = pay_items.PAY_ITEM  # an item of the additional pay (a wide sheet's, family V): they sum to extra_pay
HOURS, TAB_NO = "hours", "tab_no"  # the hours worked, a personnel number: no payroll-page/1 field
# a brigade's norm fulfilled in per cent (78-148), a worker's grade (`Тарифен разряд`: `II`-`VI`): no payroll-page/1
# field (family R)
NORM, GRADE = "norm_pct", "grade"
# the month's turnover of a person's counter, or the value of the work done (family S: `Оборот (лв.)`, `Реализиран
# оборот`, `Изработено (лв.)`, `Стойност на услугите`, `Приход от услуги`): money in the sheet's format, totalled,
# twenty to seventy times the pay, and no payroll-page/1 field
TURNOVER = "turnover"
# a part of the days on the roll (a ship's crew: the days at sea and the days in port, `Дни в море`, `Ходови дни`,
# `Стоян. дни`, `Дни в пристанище`): days, no payroll-page/1 field (the days worked are their sum, where printed)
DAYS_PART = "days_part"

# Money column orders seen on the sheets, by how many money columns there are.
MONEY_TEMPLATES: dict[int, tuple[tuple[str, ...], ...]] = {
    5: (MONEY,),
    4: (("base_pay", "extra_pay", "gross_pay", "net_pay"), ("base_pay", "gross_pay", "deductions", "net_pay"),
        ("extra_pay", "gross_pay", "deductions", "net_pay"), ("base_pay", "extra_pay", "gross_pay", "deductions")),
    3: (("gross_pay", "deductions", "net_pay"), ("base_pay", "extra_pay", "gross_pay")),
    2: (("gross_pay", "net_pay"), ("gross_pay", "deductions")),
    1: (("gross_pay",),),
}  # fmt: skip

HEADING_KEYS: dict[str, tuple[str, ...]] = {
    "row": ("№", "ред", "пор", "реда"),  # `Пор. No` (family Y: a portable typewriter's `No` for the `№`); `No на реда`
    # (family Z: the Latin `No` no key)
    "egn": ("егн", "граждански", "единен"),  # `Единен гражд. номер`, `Единен гр. номер` (family Z: `гр.` too short)
    "name": ("име", "имена", "фамилия", "презиме"),
    # `Щатно място`, `Работно място` (family Y); `Ранг по екипажна роля` (a ship's crew)
    "position": ("длъжност", "професия", "специалност", "място", "ранг"),
    "days_worked": ("дни", "отработени", "табела"),  # `Дни по табела` (family S: the timesheet, no `Таб. №`)
    # `Заработено по ставка`; a brigade's piece-rate pay (family R): `Акордна заработка`, `Сделна заработка`,
    # `Заработка по наряди`
    # `Полагаема заплата` (family Y: the salary due by the staff list; `Всичко полагаемо` is the gross)
    # `Трудово възнагр.` (a co-operative member's pay for the work: any pay, ``GENERIC``; `Брутно трудово
    # възнаграждение` the gross, `Основно трудово възнаграждение` the base)
    "base_pay": ("основна", "основно", "заплата", "тарифна", "заработено", "акордна", "сделна", "заработка",
                 "полагаема", "трудово"),
    "extra_pay": ("допълнително", "други", "допълнителни", "добавки", "премии", "прослужено", "доплащане",
                  "надбавка", "надбавки", "извънреден", "доплащания", "бонуси", "бонус",  # a PC's program (U)
                  # a share of the turnover (family S: `% от оборота`, `Процент от реализацията`, `Премия от
                  # оборота`): `оборота` is the extra pay's, `оборот` the turnover's
                  "оборота", "реализацията",
                  "морски", "морско"),  # a ship's sea-service supplement: `Морски добавки`, `Морско плаване лв.`
    # `Всичко полагаемо` (family R); `Дължимо всичко`, `Сума по ведомост` (family Y)
    "gross_pay": ("начислено", "брутно", "брутна", "полагаемо", "дължимо", "ведомост"),
    "deductions": ("удръжки", "удържано", "удръжките"),
    # `Получено натура`, `Натура по цени` (a co-operative's produce taken in kind, kept from the pay)
    PART: ("данък", "доо", "дод", "аванс", "натура", "осигуровки", "членски", "внос", "пенсии", "синдикат", "синдикален",
           "профсъюз", "вноска", "пенсионна", "запор", "запори", "изпълнителни", "листове"),  # `Пенсионна вноска`,
    # `Удръжка по запор` (family Q); `Запори (изп. листове)`, `Изпълнителни листове` (family Y)
    # `Следва да получи` (family R)
    "net_pay": ("получаване", "изплащане", "получава", "остатък", "чиста", "чист", "раздаване", "получи", "следва",
                "нетна", "нетно", "нето", "раздадено"),  # `Раздадено (лв.)` (family Y)  # `Нетна заплата`, `Нетно за изплащане` (family U)
    "signature": ("подпис", "получателя", "получил", "разписка"),  # `Получих парите` (family R): `получил` (`парите`
    # would take `Трите имена` from the names)
    # columns that are no payroll-page/1 field: their headings keep them from the fields they resemble
    HOURS: ("часове", "часа"),
    TAB_NO: ("таб", "табелен", "табелни"),
    NORM: ("нормата", "изпълнение"),  # `Изпълнение на нормата %`, `Норма изп. %` (`норма` cut short)
    GRADE: ("разряд",),  # `Тарифен разряд`, `Квалиф. разряд` (`тарифен` alone would take `Тарифна заплата`)
    TURNOVER: ("оборот", "реализиран", "изработено", "стойност", "услугите", "приход"),
    DAYS_PART: ("море", "плаване", "ходови", "пристанище", "порт", "стоянка", "стоянкови"),
}  # fmt: skip
# whole words of their own that name no field though one letter or two from a key, or a key's beginning: the
# money's unit (`Общо в лева`: no `нето`), `Аванс преди рейса` (no `премии`), `член на екипажа` a crew member
# (no `членски` cut short)
# `Трудов стаж` the years of service (no `трудово` pay)
NOT_KEYS = ("лева", "лв", "преди", "член", "трудов")
MONEY_UNITS = ("лева", "лв")  # a heading with the unit is money's, no days' (`Морско плаване лв.`)
ABBREVIATION_MIN = 4  # a heading word cut short ("Допълн.", "Отраб.") stands for the key it begins
# a vote a heading's other word takes back: the hours are no days (`Отработени часове`), a personnel
# number no row number (`Таб. №`), a net pay no base pay (`Чиста заплата`: `заплата` alone is any pay), the
# deductions no base pay (`Всичко удържано от заплатата`), an itemised deduction no deductions, net pay or signature
# (`Удръжка по запор`, `Изпл. аванс`: family Q), any pay or a grade (`ДОД удържан от заработката`, `Аванс по
# наряд`: family R) or the days (`ДОД (по табл.)`, family Y: `табл.` a misread of `табела`), a grade no base pay, the norm days no norm (`Норма-дни`: family N), the days or hours
# worked no turnover (`Изработено време (дни)`: family S; `Изработени дни`, `Изработени часове`) nor a personnel
# number (`Раб. дни по табел`, family Z: `табел` begins `табелен` as well as `табела`)
OVERRULED: dict[str, tuple[str, ...]] = {HOURS: ("days_worked", TURNOVER), TAB_NO: ("row",), "net_pay": ("base_pay",),
                                         "gross_pay": ("base_pay",), "deductions": ("base_pay",),
                                         PART: ("deductions", "net_pay", "base_pay", GRADE, "signature", "days_worked"),
                                         GRADE: ("base_pay",),
                                         "days_worked": (NORM, TURNOVER, TAB_NO),
                                         DAYS_PART: ("days_worked",), "extra_pay": (DAYS_PART,)}  # fmt: skip
# a field's keys that name it only where no other word names another field (`заплата`, `заработено`: any pay)
GENERIC = {"base_pay": ("заплата", "заработено", "заработка", "трудово")}
# keys that name their field only where no other field is named at all: `Трудово възнаграждение` over `Допълнително`
# (a group's heading above its columns, family AD) names the additional pay, not the base as well
ALONE_ONLY = ("трудово",)
# beside a total's word, any pay is the whole pay earned: `Общо заработено`, `Всичко заплата`, `Общо заработка`
# name the gross
TOTAL_WORDS = ("общо", "всичко")


# keys a misread may not stand for (`число` is no `чиста`, `Получих` no `получи`, `Тарифен разряд` no
# `тарифна`, `заработката` of a deduction's heading no `заработка`, `Дневна` no `нетна`)
EXACT_ONLY = ("чиста", "чист", "доплащане", "доплащания", "нетна", "нетно", "нето", "запор", "получи", "тарифна",
              "заработка",
              "оборот", "оборота",  # (one letter apart: the one field's or the other's, a misread neither)
              "морски", "морско", "плаване")  # `моряка` a sailor is no `морско`, `За плащане` no `плаване`


# keys no heading cuts short: `Прис. дни` are the days present (присъствени дни: the days worked, family AF), no
# days in port
WHOLE_ONLY = ("пристанище", "трудово")  # `Вид труд` is the kind of work (a post), no pay


def _whole(w: str, k: str) -> bool:
    """The heading word ``w`` is the key ``k`` or ``k`` cut short (not one of ``WHOLE_ONLY``)."""
    return w == k or (k not in WHOLE_ONLY and len(w) >= ABBREVIATION_MIN and len(k) > len(w) and k.startswith(w))


def _matches(w: str, k: str) -> bool:
    """``_whole``, or misread by two letters at most (a key of five letters or more, not in ``EXACT_ONLY``)."""
    return _whole(w, k) or (len(k) >= 5 and k not in EXACT_ONLY and levenshtein(w, k) <= 2)


def _contracted(m: re.Match[str]) -> str:
    """A word contracted with a dash, its first letters and its last (family N: `з-та` заплата, `Уд-ки`
    удръжки, `нач-но` начислено, `пол-ване` получаване, `Д-ст` длъжност, `в-ка` вноска): the one key that
    begins and ends so (`д-ни`: the key дни itself); left as typed where no key or keys of two fields do
    (`ЕГН-номер`, `Норма-дни`)."""
    head, tail = m.group(1).lower(), m.group(2).lower()
    if any(_whole(head + tail, k) for ks in HEADING_KEYS.values() for k in ks):  # `Раб. д-ни`: дни itself
        return m.group(1) + m.group(2)
    keys = {(f, k) for f, ks in HEADING_KEYS.items() for k in ks
            if len(k) > len(head) + len(tail) and k.startswith(head) and k.endswith(tail)}  # fmt: skip
    if len({f for f, _ in keys}) != 1:
        return m.group(0)
    return min(k for _, k in keys)


def _hyphenated(m: re.Match[str]) -> str:
    """A word broken by a hyphen at a line's end, joined where the whole word is a heading's key (`Проф-` /
    `съюзен`): a compound's parts are left apart (`Норма-` / `дни`, `ЕГН-` / `номер`)."""
    whole = (m.group(1) + m.group(2)).lower()
    keyed = any(_matches(whole, k) for ks in HEADING_KEYS.values() for k in ks)
    return m.group(1) + m.group(2) if keyed else f"{m.group(1)} {m.group(2)}"


def heading_votes(text: str) -> dict[str, int]:
    """Per field, how many of the heading's words (and keys) name it. A word that is one field's key, whole
    or cut short, is no misread of another field's (`изплащане` is no `доплащане`)."""
    return dict(_heading_votes(text))


def any_pay(text: str) -> bool:
    """The heading names a money field only by a word that is any pay (``GENERIC``: `Заработено`, `Заплата`
    alone, the rest of a `Заработено всичко` not read): it names no field against another."""
    votes = heading_votes(text)
    money = [f for f in votes if f in ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")]
    return money == ["base_pay"] and _generic_votes(text) == votes["base_pay"]


def fields_named(word: str) -> set[str]:
    """The fields (and other columns) the word names as a heading does, as typed or cut short, no misread
    allowed (``_own``): `Отработени` the days, `Норма` the norm; a person's name or trade names none."""
    return set(_own(word.lower()))


@lru_cache(maxsize=4096)
def _own(w: str) -> frozenset[str]:
    """The fields whose key the heading word is, as typed (`получи`: the net pay's, though the signature's
    `получил` begins so), else whose key it is cut short. Worked out once per word: every word of every
    line is asked (``unread_names.heading_line``), each against every key."""
    exact = frozenset(f for f, ks in HEADING_KEYS.items() if w in ks)
    if not exact and w in NOT_KEYS:
        return frozenset()
    return exact or frozenset(f for f, ks in HEADING_KEYS.items() if any(_whole(w, k) for k in ks))


@lru_cache(maxsize=4096)
def _nearest_fields(w: str) -> frozenset[str]:
    """The fields a heading word misread names: of those one of whose keys it matches (``_matches``), the ones
    whose key it is nearest to (a key cut short counts as the key itself). `Ззаработено` (a letter doubled,
    V dev 14006 p2, over the gross under `Всичко`) is one letter from `заработено`, any pay, and two from
    `изработено`, family S's turnover: it names the pay, not the turnover, and `Всичко` makes it the gross.
    A word as near to two fields' keys names both, as before, and so does a word naming a field that
    overrules another (``OVERRULED`` settles those two). Worked out once per word (every heading's words are
    weighed against every key, each misread by its edit distance)."""
    best: dict[str, int] = {}
    if w in NOT_KEYS:
        return frozenset()
    for field, keys in HEADING_KEYS.items():
        for k in keys:
            if _matches(w, k):
                d = 0 if _whole(w, k) else levenshtein(w, k)
                best[field] = min(best.get(field, d), d)
    if not best:
        return frozenset()
    low = min(best.values())
    # a field that overrules another the word names keeps its vote (`Изработени` of `Изработени норма-дни`,
    # family N: nearer the turnover's `изработено`, yet the days, which overrule the turnover)
    return frozenset(f for f, d in best.items() if d == low or set(OVERRULED.get(f, ())) & set(best))


@lru_cache(maxsize=1024)
def _generic_votes(text: str) -> int:
    """How many of the heading's votes for the base pay a ``GENERIC`` key gave."""
    words = re.findall(r"[а-яА-Я№]+", text.lower())
    n = 0
    for w in words:
        own = _own(w)
        if own and "base_pay" not in own:
            continue
        n += sum(_matches(w, k) for k in GENERIC["base_pay"])
    return n


@lru_cache(maxsize=8192)
def _word_votes(w: str) -> tuple[tuple[str, int, int, int], ...]:
    """The votes of one heading word (``_heading_votes``), in the keys' order: per field it names (``_own``, else
    ``_nearest_fields``), how many of its keys it matches, how many of them ``GENERIC`` and how many
    ``ALONE_ONLY``. Worked out once per word: a page's row texts share their words, and every word was weighed
    against every key of every text again)."""
    nearest = _own(w) or _nearest_fields(w)
    out: list[tuple[str, int, int, int]] = []
    for field, keys in HEADING_KEYS.items():
        if field not in nearest:
            continue
        hits = [k for k in keys if _matches(w, k)]
        if hits:
            out.append((field, len(hits), sum(k in GENERIC.get(field, ()) for k in hits), sum(k in ALONE_ONLY for k in hits)))
    return tuple(out)


@lru_cache(maxsize=1024)
def _heading_votes(text: str) -> tuple[tuple[str, int], ...]:
    """``heading_votes``, worked out once per heading text: a page's headings are asked about by several
    stages (the columns' meaning, the heading's kind, unplaced figures), each word against every key."""
    # a word hyphenated at a line's end is one word (`Проф-` / `съюзен`, `от-` / `работени`), a word typed
    # in spaced capitals one word (`Е Г Н`) (family Q's headings on three lines)
    text = re.sub(r"([а-яА-Я]+)[-‐­]\s+([а-я]+)", _hyphenated, text)
    text = re.sub(r"(?<![а-яА-Я])([а-яА-Я]+)-([а-яА-Я]+)(?![а-яА-Я])", _contracted, text)
    text = re.sub(r"(?<![а-яА-Я])[А-Я](?: [А-Я])+(?![а-яА-Я])", lambda m: m.group(0).replace(" ", ""), text)
    text = re.sub(r"(?<![а-яА-Я])[пП]\s?/\s?[рР](?![а-яА-Я])", "пор", text)  # `N п/р`: the number по ред
    words = re.findall(r"[а-яА-Я№]+", text.lower())
    votes: dict[str, int] = {}
    generic: dict[str, int] = {}
    alone: dict[str, int] = {}
    for w in words:
        for field, n, g, a in _word_votes(w):
            votes[field] = votes.get(field, 0) + n
            generic[field] = generic.get(field, 0) + g
            alone[field] = alone.get(field, 0) + a
    for field, n in alone.items():
        if n and n == votes[field] and len(votes) > 1:
            del votes[field]
    for field, others in OVERRULED.items():
        for o in others:
            if field in votes and o in votes and (o not in GENERIC or generic.get(o, 0) == votes[o]):
                del votes[o]
    if set(words) & set(MONEY_UNITS):  # an amount's column: no days at sea (`Морско плаване лв.`)
        votes.pop(DAYS_PART, None)
    total = set(words) & set(TOTAL_WORDS)
    if total and list(votes) == ["base_pay"] and generic.get("base_pay") == votes["base_pay"]:
        votes = {"gross_pay": votes.pop("base_pay")}
    elif total and not votes and set(words) & {*MONEY_UNITS, "сума"}:  # `Общо в лева`, `Всичко възнагр. лв.`,
        # `Общо сума`: the whole pay
        votes = {"gross_pay": 1}
    return tuple(votes.items())


@dataclass
class Feats:
    filled: float
    egn: float
    small: float
    money: float
    alpha: float
    words: float
    caps: float
    votes: dict[str, int]


def _frac(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 0.0


def _alpha(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _money_score(cols: list[list[str | None]], template: tuple[str, ...], noughts: bool = True) -> int:
    """Rows in which the template's arithmetic holds (``noughts`` False: not counting a sum of noughts, which
    holds in any order of the columns)."""
    idx = {f: i for i, f in enumerate(template)}
    score = 0
    for r in range(len(cols[0])):
        v = {f: (Decimal(cols[i][r]) if cols[i][r] else None) for f, i in idx.items()}  # type: ignore[arg-type]
        b, e, g, d, n = (v.get(k) for k in MONEY)
        if b is not None and e is not None and g is not None and b + e == g and (noughts or g != 0):
            score += 2
        if g is not None and d is not None and n is not None and g - d == n and (noughts or g != 0):
            score += 2
        parts = [Decimal(cols[i][r]) if cols[i][r] else None for i, f in enumerate(template) if f == PART]  # type: ignore[arg-type]
        if parts and d is not None and all(p is not None for p in parts) and sum(parts) == d:  # type: ignore[arg-type]
            score += 2
    return score


def _part_hits(cols: list[list[str | None]], template: tuple[str, ...]) -> int:
    """Rows in which the itemised deductions add up to the deductions column. A blank part is nothing
    deducted (a court order's column, `Запор`, filled on one row of six: L dev 4008 p2), where two parts or
    more of the row are read."""
    parts = [i for i, f in enumerate(template) if f == PART]
    if not parts or "deductions" not in template:
        return 0
    d_i = template.index("deductions")
    hits = 0
    for r in range(len(cols[0])):
        vals = [cols[i][r] for i in parts]
        total = cols[d_i][r]
        read = [Decimal(v) for v in vals if v is not None]
        if total is not None and len(read) >= min(2, len(vals)):
            hits += sum(read) == Decimal(total) and Decimal(total) > 0
    return hits


def _swapped(t: tuple[str, ...], a: str, b: str) -> tuple[str, ...]:
    return tuple(b if f == a else a if f == b else f for f in t)


def _with_parts(k: int) -> list[tuple[str, ...]]:
    """Money column orders for ``k`` columns: the known ones, any of them with its deductions itemised
    in the columns just before the total (``PART``) or just after it (family K prints the total first),
    and each of those with the additional pay before
    the base and/or the net pay before the deductions (the arithmetic cannot tell those pairs apart:
    `_order_prior` and the headings do). The usual order comes first, so it wins a tie."""
    known = list(MONEY_TEMPLATES.get(k, ()))
    for m in range(2, min(k - 1, 5) + 1):
        for t in MONEY_TEMPLATES[m]:
            if "deductions" in t:
                i = t.index("deductions")
                known.append(t[:i] + (PART,) * (k - m) + t[i:])
    for m in range(2, min(k - 1, 5) + 1):  # the items after their total: only where none before fits
        for t in MONEY_TEMPLATES[m]:
            if "deductions" in t:
                i = t.index("deductions")
                known.append(t[: i + 1] + (PART,) * (k - m) + t[i + 1 :])
    known += _net_before_parts(k)
    known += _net_first(known)
    known += _gross_first(known)
    out = list(known)
    for t in known:
        for v in (_swapped(t, "base_pay", "extra_pay"), _swapped(t, "deductions", "net_pay")):
            out.append(v)
        out.append(_swapped(_swapped(t, "base_pay", "extra_pay"), "deductions", "net_pay"))
    return list(dict.fromkeys(out))


def _net_first(known: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The orders with the net pay typed first, before the pay it comes from (``net, gross, tax, ...,
    deductions``; ``net, base, extra, gross, deductions``: family P's co-operatives, P dev 8014 p1: the net
    pay taken for the gross and the gross for the net, no row's sum held and the page went to review whole).
    After the others, so that they win a tie."""
    return [("net_pay", *(f for f in t if f != "net_pay")) for t in known
            if "net_pay" in t and "gross_pay" in t and t[0] != "net_pay"]  # fmt: skip


def _gross_first(known: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The orders with the gross typed before the pay it sums (``gross, base, extra, deductions, net``: AS dev
    37001 p1, p2, the sum of the pay first, `Всичко начисл.`, then `Заплата по осн. тарифа` and `Други наднорм.`;
    no order fitted, the one chosen took the base for the gross and the gross for the deductions, and on the rows
    without additional pay the sums held, the deductions wrong without a flag). After the others, so that they
    win a tie. Only with the deductions and the net besides: the gross and two columns that sum to it alone are
    the gross, the net and the deductions as well (``_order_prior`` and the headings tell those)."""
    parts = ("base_pay", "extra_pay", "gross_pay")
    out = []
    for t in known:
        i = next((i for i in range(len(t) - 2) if t[i : i + 3] == parts), None)
        if i is not None and "deductions" in t and "net_pay" in t:
            out.append((*t[:i], "gross_pay", "base_pay", "extra_pay", *t[i + 3 :]))
    return out


def _net_before_parts(k: int) -> list[tuple[str, ...]]:
    """Money column orders for ``k`` columns with the net pay typed before the itemised deductions and their
    total after them (``... gross, net, tax, insurance, court, deductions``: family L, L dev 4008 p2). Without
    them no order fitted such a sheet, and the one chosen took the base pay for the gross and the net pay
    and the additional pay for parts, every row's gross wrong without a flag."""
    out = []
    for m in range(3, min(k - 1, 5) + 1):
        for t in MONEY_TEMPLATES[m]:
            if t[-2:] == ("deductions", "net_pay"):
                out.append(t[:-2] + ("net_pay",) + (PART,) * (k - m) + ("deductions",))
    return out


def _order_prior(cols: list[list[str | None]], template: tuple[str, ...]) -> int:
    """For the pairs the arithmetic cannot tell apart, a penalty where the rows contradict what pay looks
    like: deductions far larger than the net pay, or additional pay far larger than the base, on three
    rows of four. Neutral (0) where a pair is absent or the rows do not say; the headings come first."""
    idx = {f: i for i, f in enumerate(template)}
    penalty = 0
    for small, large in (("deductions", "net_pay"), ("extra_pay", "base_pay")):
        if small not in idx or large not in idx:
            continue
        fits = seen = 0
        for s_t, l_t in zip(cols[idx[small]], cols[idx[large]], strict=True):
            if s_t is not None and l_t is not None:
                s_v, l_v = Decimal(s_t), Decimal(l_t)
                if s_v or l_v:
                    seen += 1
                    fits += s_v <= l_v
        if seen >= 2 and fits / seen < 0.25:
            penalty -= 1
    return penalty


def _base_above_extra(cols: list[list[str | None]], template: tuple[str, ...]) -> int:
    """Rows whose base pay is larger than their additional pay (as it is on nearly every payroll): the
    last word when neither the sums nor the headings tell the two apart."""
    if "base_pay" not in template or "extra_pay" not in template:
        return 0
    b, e = cols[template.index("base_pay")], cols[template.index("extra_pay")]
    return sum(1 for x, y in zip(b, e, strict=True) if x is not None and y is not None and Decimal(x) > Decimal(y))


def _corrected(text: str) -> str:
    """A figure cell with a correction above its struck-through figure, as the correction alone: the two
    figures' digits together look like no amount (ten digits, an ЕГН's length), and a column of corrected
    amounts would lose its kind."""
    lines = figure_lines(text) if "\n" in text else []
    return lines[0] if len(lines) >= 2 else text


def _headed_row_number(votes: dict[str, int]) -> bool:
    """A column headed `№ по ред` (and not days): the row numbers even when a stamp over them spoilt their
    order as read (taken for days worked instead, it left the days column unread and the numbers unread
    without a flag: `--hard all --seed 56` page 13)."""
    return votes.get("row", 0) > 0 and not votes.get("days_worked")


def _repeat_as_days(nums: list[int]) -> bool:
    """The figures repeat as days do (most people work the month's every working day: `23` on three rows
    or more, a third of them), as row numbers never do. Days worked that happen to rise on three rows of
    five (`2, 23, 23, 8, 22, 23`) are no row numbers: taken for them on a sheet without a `№` column (and
    right of the names, where no sheet numbers its rows unheaded), its heading misread (R dev 10007 p2:
    `Дни на обекта` read `ДНК на обекта`), the days were lost and every row sent to review as out of order."""
    if not nums:
        return False
    n = Counter(nums).most_common(1)[0][1]
    return n >= max(3, len(nums) / 3)


DAY_ROWS = 0.25  # a column no heading calls days holds day-like figures on at least this share of its rows


def _day_like(cells: list[str]) -> int:
    """How many of the cells hold a day-like figure (1-31, at most one letter beside it)."""
    return sum(1 for d in (digits(t) for t in cells if _alpha(t) <= 1) if 1 <= len(d) <= 2 and int(d) <= 31)


def _days_column(cells: list[str], f: Feats) -> bool:
    """Days worked: a column headed so, or one whose cells hold day-like figures (0-31) on a quarter of
    the rows or more, two at least (a days column half misread, its heading too, is still one: H dev 803
    p1). A signature column with one squiggle read as `1` (or a `|`) among blank cells is not: taken for
    days, its blanks sent every row's days to review on a sheet without days (H dev 803 p5, p7)."""
    if f.votes.get("days_worked"):
        return True
    # the hours (8, 16 on a short month), a personnel number, a grade (`II` read `11`), the norm's per cent
    if any(f.votes.get(k) for k in (HOURS, TAB_NO, GRADE, NORM, DAYS_PART)):
        return False
    # a deduction's or a pay's column (`Удръжки по запор`, family Z: `.00-` on most rows, `25.00-` on a few; Z dev
    # 18007 p4, its noughts taken for days and the page in review whole), its amounts no days
    if any(f.votes.get(k) for k in (*MONEY, PART)):
        return False
    day_like = [d for d in (digits(t) for t in cells if _alpha(t) <= 1 and not CENTS.search(t))
                if 1 <= len(d) <= 2 and int(d) <= 31]  # fmt: skip
    return len(day_like) >= max(2, DAY_ROWS * len(cells))


PARTS_SHARE = 0.6  # the parts add up to the whole on this share of the rows whose three figures were read


def _days_of_parts(cols: list[list[str]], candidates: list[int], feats: list[Feats]) -> int | None:
    """Of the columns of small numbers, the one that two others add up to on ``PARTS_SHARE`` of the rows
    (two at least) whose figures all three were read, no more than a month's days: a ship's crew's days at sea
    and in port and the days on the roll, their sum (AH dev 26001 p1: the days at sea, `15`, read as the
    days worked, 23). Not where a part's heading names the days worked (`Отработени дни` beside `Болнични
    дни` and their sum: the days worked are the part), nor among columns headed as anything but days (a whole
    leva sheet's tax and insurance of a short month, `20` and `4`, add up to its deductions, `24`). None where no
    column is so made or two are."""

    def day(t: str) -> int | None:
        d = digits(t)
        return int(d) if d and len(d) <= 2 and _alpha(t) <= 1 and int(d) <= 31 else None

    candidates = [c for c in candidates if not set(feats[c].votes) - {"days_worked", DAYS_PART}]
    vals = {c: [day(t) for t in cols[c]] for c in candidates}
    found = set()
    for a, b in combinations(candidates, 2):
        if feats[a].votes.get("days_worked") or feats[b].votes.get("days_worked"):
            continue
        for c in candidates:
            if c in (a, b):
                continue
            rows = [(x, y, z) for x, y, z in zip(vals[a], vals[b], vals[c], strict=True)
                    if x is not None and y is not None and z is not None]  # fmt: skip
            held = sum(x + y == z and x > 0 and y > 0 for x, y, z in rows)
            if held >= 2 and held >= PARTS_SHARE * len(rows):
                found.add(c)
    return found.pop() if len(found) == 1 else None


CENTS = re.compile(r"[.,]\d{2}(?!\d)")  # an amount's stotinki (`.00-`, `25.00`): no day is so written


SEPARATED = re.compile(r"\d\s?[.,:·'`]\s?\d{2}\s*$")  # an amount's decimal separator, two digits after it
WHOLE_DIGITS = 5  # a count (personnel number, hours) has at most this many digits


def _separated(cells: list[str]) -> float | None:
    """Share of the column's figures that show a decimal separator before their last two digits (None:
    fewer than two figures)."""
    figures = [t.strip() for t in cells if len(digits(t)) >= 1 and not is_dash(t)]
    if len(figures) < 2:
        return None
    return sum(bool(SEPARATED.search(t)) for t in figures) / len(figures)


def whole_number_columns(cols: list[list[str]], candidates: list[int]) -> list[int]:
    """Among columns taken for money, those of whole numbers on a sheet whose amounts show a decimal
    separator: no figure with a separator, every one of at most five digits, while two other columns
    show separators on most of theirs. A personnel number (``Таб. №`` 1297) or the hours worked (168)
    read as money become 12.97 and 1.68 and take a money column's place (J dev 1001: ``Таб. №`` as base
    pay and the hours as additional pay on every row, each sent to review). A sheet typed in stotinki
    shows no separator anywhere: none is a whole-number column there."""
    share = {c: _separated(cols[c]) for c in candidates}
    if sum(1 for c in candidates if (share[c] or 0) >= 0.5) < 2:
        return []
    out = []
    for c in candidates:
        ds = [digits(t) for t in cols[c] if digits(t) and not is_dash(t)]
        if share[c] == 0 and all(len(d) <= WHOLE_DIGITS for d in ds):
            out.append(c)
    return out


TENTHS = re.compile(r"^\s*\d{1,3}\s?[.,]\s?\d\s*[.,]?\s*$")  # `176,5`, `41.0`: hours to the half hour, no amount
HOURS_MINUTES = re.compile(r"^\s*\d{1,3}\s?:\s?(?:00|15|30|45)\s*$")  # `176:30`: hours and minutes, no amount
RATE = re.compile(r"^\s*\d{1,2}\s?[.,]\s?\d{3}\s*$")  # `1,683`: the hour's rate to the thousandth, no amount
TIME_SHARE = 0.5  # a column of hours: half its figures in tenths or in hours and minutes (the rest misread: `395`)


def _whole_hours(cells: list[str]) -> bool:
    """Most figures end in `00`, `15`, `30` or `45` read as stotinki: hours and minutes (`179:00`) whose colon
    was read as a point or lost (`18000`)."""
    ds = [digits(t) for t in cells if len(digits(t)) >= 3 and not is_dash(t)]
    return len(ds) >= 2 and sum(d[-2:] in ("00", "15", "30", "45") for d in ds) >= TIME_SHARE * len(ds)


def time_columns(cols: list[list[str]], candidates: list[int], headings: list[str] | None = None) -> list[int]:
    """Among the columns, those of hours typed to the tenth (`176,5`, `41.0`, `8.0`) or in hours and minutes
    (`176:30`, `8:00`) on a sheet whose amounts show their stotinki (two other columns with two digits after
    a separator on most figures): no amount is typed so, and read as money `41.0` became 4.10 and took the
    base pay's place, the hours' neighbours the additional pay's (AE dev 23001 p2: the night hours as the
    base pay, the overtime hours as a pay item, the page in review whole). A dash (nought hours) or a blank
    counts for nothing either way. A column headed as hours and nothing else (`Нощен труд часове`) whose figures
    end as hours and minutes do (`179.00`, `39.30`: `179:00` read with a point, AE dev 23002 p1) is hours too,
    and so is one headed as hours beside another field (`Извънредни часове`: the overtime's word the additional
    pay's, AE dev 23005 p2). A column of the hour's rate to the thousandth (`1,683`, read as money 16.83: AE
    dev 23005 p2, taken for the base pay) is no amount either."""
    share = {c: _separated(cols[c]) for c in candidates}
    figures = {c: [t.strip() for t in cols[c] if digits(t) and not is_dash(t)] for c in candidates}
    out = []
    for c in candidates:
        fs = figures[c]
        timed = sum(bool(TENTHS.match(t) or HOURS_MINUTES.match(t) or RATE.match(t)) for t in fs)
        headed = headings is not None and c < len(headings) and HOURS in heading_votes(headings[c])
        if len(fs) < 2 or (timed < TIME_SHARE * len(fs) and not (headed and _whole_hours(fs))):
            continue
        stotinki = [o for o in candidates if o != c and o not in out and (share[o] or 0) >= 0.5
                    and sum(bool(HOURS_MINUTES.match(t)) for t in figures[o]) < TIME_SHARE * len(figures[o])]
        if len(stotinki) >= 2:
            out.append(c)
    return out


def _any_order(parsed: list[list[str | None]]) -> list[tuple[str, ...]]:
    """Money column orders for a two-tier sheet (family X: the base pay over the gross, the additional pay
    over the deductions, the itemised deductions anywhere): no order of the page's columns holds, the rows'
    sums say it. Every order in which two columns add up to a third on some row (base + additional = gross)
    and two others to the same (deductions + net = gross), the rest itemised deductions; each with the base
    and the additional pay, and the deductions and the net pay, either way round (the headings, the parts'
    sums and ``_order_prior`` tell them apart)."""
    k = len(parsed)
    rows = range(len(parsed[0])) if parsed else range(0)
    vals = [[Decimal(x) if x is not None else None for x in col] for col in parsed]

    def adds(a: int, b: int, g: int) -> bool:
        return any(vals[a][r] is not None and vals[b][r] is not None and vals[g][r] is not None
                   and vals[a][r] + vals[b][r] == vals[g][r] and vals[g][r] > 0 for r in rows)  # type: ignore[operator]

    sums = [(a, b, g) for g in range(k) for a in range(k) for b in range(a + 1, k) if g not in (a, b) and adds(a, b, g)]
    out: list[tuple[str, ...]] = []
    for a, b, g in sums:
        for d, n, g2 in sums:
            if g2 != g or {a, b} & {d, n}:
                continue
            for base, extra in ((a, b), (b, a)):
                for ded, net in ((d, n), (n, d)):
                    t = [PART] * k
                    t[base], t[extra], t[g], t[ded], t[net] = "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"
                    out.append(tuple(t))
    return list(dict.fromkeys(out))


def _money_kinds(
    cols: list[list[str]], money_cols: list[int], feats: list[Feats], any_order: bool = False
) -> tuple[list[int], tuple[str, ...]]:
    """The money columns kept (nine at most) and the template of kinds that fits them best (``any_order``:
    a two-tier sheet's, ``_any_order`` besides)."""
    if not money_cols:
        return [], ()
    parsed = [[money(t) if t.strip() else None for t in cols[c]] for c in money_cols]
    k = min(len(money_cols), 9)
    if len(money_cols) > 9:  # keep the nine most money-like columns, in page order
        keep = sorted(sorted(range(len(money_cols)), key=lambda i: -feats[money_cols[i]].money)[:9])
        money_cols = [money_cols[i] for i in keep]
        parsed = [parsed[i] for i in keep]
    templates = _with_parts(k)

    def rank(t: tuple[str, ...]) -> tuple[int, int, int, int]:
        votes = sum(feats[c].votes.get(f, 0) for c, f in zip(money_cols, t, strict=True))
        if PART in t and _part_hits(parsed, t) == 0:
            return (-1, votes, 0, 0)  # itemised deductions only where they add up to the total on some row
        return (_money_score(parsed, t), votes, _order_prior(parsed, t), _base_above_extra(parsed, t))

    best = max(templates, key=rank)
    # a two-tier sheet's own orders: only where they sum up on more rows than any order a one-line sheet has
    # (the pay and the deductions add up to the gross alike: with no itemised deductions to tell which pair
    # is which, the orders of its columns say nothing, X dev 16001 p3: the base pay and the net, the
    # additional pay and the deductions taken for each other, every row's sums still held)
    tiered = [t for t in _any_order(parsed) if t.count(PART) >= 1] if any_order else []
    if tiered:
        other = max(tiered, key=rank)
        if rank(other)[0] > rank(best)[0]:
            best = other
    return money_cols, best


def _arithmetic(cols: list[list[str]], money_cols: list[int], template: tuple[str, ...], noughts: bool = True) -> int:
    """How many row sums hold under ``template`` (0 without money columns; ``noughts``: ``_money_score``'s)."""
    if not money_cols:
        return 0
    parsed = [[money(t) if t.strip() else None for t in cols[c]] for c in money_cols]
    return _money_score(parsed, template, noughts)


_ENDS_IN_SEPARATOR = re.compile(r"\d\s?[.,]\s*$")
_STOTINKI = re.compile(r"^\s*\d{2}\s*$")
_SEPARATOR_AND_STOTINKI = re.compile(r"^\s*[.,]\s*\d{2}\s*$")  # the point read on the stotinki's side: `, 98`
# the stotinki with specks read beside them (`14 ,`, `: 72`, `29. ,`: family N's dust by the figure, N dev 6001
# p1 and p3)
_STOTINKI_SPECK = re.compile(r"^\s*[.,:;'’`]?\s*(\d{2})\s*(?:[.,:;'’`]\s*){0,2}$")


def stotinki_of(text: str) -> str | None:
    """The two digits of a stotinki cell the grid cut off an amount, specks beside them left out; None if
    the cell holds anything else."""
    m = _STOTINKI_SPECK.match(text)
    return m.group(1) if m else None


def join_split_amounts(body: list[list[str]]) -> list[int]:
    """Amounts the grid cut at their decimal separator (a large typewriter face leaves a wide gap after
    the point: `1487.` | `87`, J dev 1004 p1; or before it: `14` | `, 98`, L dev 4001 p4, where the
    deductions' columns were then taken one to the left, the net pay for the deductions on every row):
    where a column's figures end in a separator, or the next column's begin with one, and the next
    column holds just their two stotinki on two rows or more, and on no row anything else, the stotinki
    join the figure (``body`` changed in place); returns the columns emptied."""
    emptied = []
    n = max((len(r) for r in body), default=0)
    for c in range(n - 1):
        pairs = [(r[c] if c < len(r) else "", r[c + 1] if c + 1 < len(r) else "") for r in body]
        cut = sum(bool(_ENDS_IN_SEPARATOR.search(a) and _STOTINKI.match(b)) for a, b in pairs)
        cut += sum(bool(digits(a) and _SEPARATOR_AND_STOTINKI.match(b)) for a, b in pairs)
        # every stotinki cell beside a figure without decimals of its own (its point may be lost: `2027` | `76`)
        fits = all(not b.strip() or ((_STOTINKI.match(b) or _SEPARATOR_AND_STOTINKI.match(b)
                                      or _STOTINKI_SPECK.match(b)) and digits(a) and not SEPARATED.search(a))
                   for a, b in pairs)  # fmt: skip
        if cut >= 2 and fits:
            for r, (a, b) in zip(body, pairs, strict=True):
                if b.strip():
                    plain = _STOTINKI.match(b) or _SEPARATOR_AND_STOTINKI.match(b)
                    r[c], r[c + 1] = a.rstrip() + ("".join(b.split()) if plain else str(stotinki_of(b))), ""
            emptied.append(c + 1)
    return emptied


def _without_outside(
    cols: list[list[str]], feats: list[Feats], outside: set[int], totals: list[str] | None,
    chosen: tuple[list[int], tuple[str, ...]],
) -> tuple[list[int], tuple[str, ...]]:
    """The money columns without those that are no pay (``outside``: named so by their headings or a cash
    breakdown's, ``identify``'s; ``outside_columns``: a day's rate, a class) always; one with no figure in the
    `Всичко` row where the other money columns have one, where the row sums hold at least as often without it
    (they hold "somewhere" with it)."""
    money_cols, template = chosen
    named = [c for c in money_cols if c in outside]
    if named:
        money_cols, template = _money_kinds(cols, [c for c in money_cols if c not in named], feats)
    # one by one: a total misread to nothing under a pay column leaves it bare too, and the sums keep it
    for c in [c for c in money_cols if outside_columns.untotalled(totals, c, money_cols)]:
        rest_cols, rest_best = _money_kinds(cols, [o for o in money_cols if o != c], feats)
        # (a row of noughts holds in any order: R dev 10016 p14, see ``identify``)
        if _arithmetic(cols, rest_cols, rest_best, noughts=False) >= _arithmetic(cols, money_cols, template, noughts=False):
            money_cols, template = rest_cols, rest_best
    return money_cols, template


# the turnover is this many times the largest pay figure of its row, or more (20-70 times as family S draws it)
TURNOVER_TIMES = 5


def _far_above(cols: list[list[str]], c: int, others: list[int]) -> bool:
    """Column ``c``'s figures are ``TURNOVER_TIMES`` the largest of the other money columns' on their row, or
    more, on two rows of three (two rows at least): no pay is, the gross is the largest pay of a row."""
    seen = above = 0
    for r in range(len(cols[c])):
        v = money(cols[c][r]) if cols[c][r].strip() else None
        rest = [Decimal(x) for o in others if (t := cols[o][r]).strip() and (x := money(t)) is not None]
        if v is None or not rest or max(rest) <= 0:
            continue
        seen += 1
        above += Decimal(v) >= TURNOVER_TIMES * max(rest)
    return above >= 2 and 3 * above >= 2 * seen


def _whole_amounts(cells: list[str]) -> bool:
    """Two figures or more, every one in whole leva (`12 960,00`: a till's turnover)."""
    vs = [v for t in cells if t.strip() and not is_dash(t) and (v := money(t)) is not None]
    return len(vs) >= 2 and all(v.endswith(".00") for v in vs)


def _headed_turnover(f: Feats) -> bool:
    """The heading names the turnover more than any pay field (`Оборот`, `Стойност на услугите`)."""
    t = f.votes.get(TURNOVER, 0)
    return t > 0 and all(f.votes.get(k, 0) < t for k in (*MONEY, PART))


def _without_turnover(
    cols: list[list[str]], feats: list[Feats], chosen: tuple[list[int], tuple[str, ...]]
) -> tuple[list[int], tuple[str, ...]]:
    """The money columns without the turnover (family S, ``TURNOVER``), no payroll-page/1 field: a column
    headed so whose figures are whole leva or far above the pay (``_far_above``), or one unheaded far above
    the pay on a sheet whose row sums hold without it; either way only where the sums hold at least as often
    without it. Taken for pay, the turnover was read as the net pay or the gross and pushed the other
    columns along (S dev 11004: every net pay the turnover, the base and additional pay misread)."""
    money_cols, template = chosen
    for c in list(money_cols):
        others = [o for o in money_cols if o != c]
        far = len(others) >= 2 and _far_above(cols, c, others)
        headed = _headed_turnover(feats[c])
        if not (far or (headed and _whole_amounts(cols[c]))):
            continue
        rest_cols, rest_best = _money_kinds(cols, others, feats)
        kept = _arithmetic(cols, rest_cols, rest_best)
        if kept >= _arithmetic(cols, money_cols, template) and (headed or kept > 0):
            money_cols, template = rest_cols, rest_best
    return money_cols, template


def _closes_sums(cols: list[list[str]], c: int, money_cols: list[int], template: tuple[str, ...]) -> int:
    """Rows on which column ``c``'s figure (not nought) closes a row sum with the money columns ``money_cols``
    as ``template`` names them: as the net, the gross less the deductions (their column's or its itemised
    parts' sum); as the gross, the base and the extra pay, or the net and the deductions; as the deductions,
    the gross less the net; as the base or the extra pay, the gross less the other. A column of specks or of
    the facing page's figures closes none."""
    at = {k: money_cols[i] for i, k in reversed(list(enumerate(template))) if k in MONEY}
    parts = [money_cols[i] for i, k in enumerate(template) if k == PART]

    def value(col: int, r: int) -> Decimal | None:
        return amount(cols[col][r]) if r < len(cols[col]) else None

    n = 0
    for r in range(len(cols[c])):
        x = value(c, r)
        if not x:
            continue
        b, e, g, d, net = (value(at[k], r) if k in at else None for k in MONEY)
        read_parts = [v for p in parts if (v := value(p, r)) is not None]
        dd = [v for v in (d, sum(read_parts, Decimal(0)) if read_parts else None) if v is not None]
        closes = [g - v for v in dd] if g is not None else []
        closes += [b + e] if b is not None and e is not None else []
        closes += [net + v for v in dd] if net is not None else []
        closes += [g - o for o in (net, e, b) if o is not None] if g is not None else []
        n += x in closes
    return n


def _without_stray(
    cols: list[list[str]], feats: list[Feats], chosen: tuple[list[int], tuple[str, ...]]
) -> tuple[list[int], tuple[str, ...]]:
    """The money columns without one that no heading names as pay and without which the row sums hold on two
    rows more, and half as often again, or more (twice at most): the facing page's strip of figures, a
    column of signatures' and stamps' specks read as figures, beside the sheet's own. Taken for pay, it left
    no order of the money columns to fit, and the one chosen moved every pay one along (S dev 11036 p11:
    specks under the signatures as the net pay, the net and the deductions as itemised deductions, the
    gross as the deductions; S dev 11007 p7: the facing page's figures as the base pay)."""
    money_cols, template = chosen
    for _ in range(2):
        now = _arithmetic(cols, money_cols, template)
        best: tuple[int, tuple[list[int], tuple[str, ...]]] | None = None
        for c in money_cols:
            if len(money_cols) <= 3 or any(feats[c].votes.get(k) for k in (*MONEY, PART)):
                continue
            if c not in (money_cols[0], money_cols[-1]):  # specks beyond the net, the facing page beside the first
                continue  # pay: at an end of the money (R dev 10079 p1: the deductions between parts and net)
            if 2 * sum(bool(v.strip()) for v in cols[c]) < len(cols[c]):  # a column filled on few rows (a court order's
                continue  # deduction, L dev 4008 p2) is no stray: nothing is written there on most rows
            rest = _money_kinds(cols, [o for o in money_cols if o != c], feats)
            if _closes_sums(cols, c, *rest):  # the sheet's own pay, misread on the other rows (R dev 10079 p1: the
                continue  # net, whole leva with leading digits lost; dropped, the sums it broke went with it, page out)
            kept = _arithmetic(cols, *rest)
            if kept >= now + 4 and 2 * kept >= 3 * now and (best is None or kept > best[0]):
                best = (kept, rest)
        if best is None:
            break
        money_cols, template = best[1]
    return money_cols, template


def _in_step(cells: list[str], share: float, least: int) -> int | None:
    """The offset of a column's numbers from their rows (number - row's index), where ``share`` of the
    numbers read and ``least`` of them at least keep the same one: they run in step with the rows; else None."""
    offsets = [int(d) - i for i, t in enumerate(cells) if (d := digits(t)) and len(d) <= 3 and _alpha(t) <= 1]
    if not offsets:
        return None
    value, count = Counter(offsets).most_common(1)[0]
    return value if count >= least and count >= share * len(offsets) else None


# the table's numbers run in step with its rows on this share of them, three at least; the frame's, printed
# small and read on fewer rows, on this share, two at least (U dev 13001 p7: `7, 8, 3, 10, 3, 8` read)
TABLE_STEP = 0.6
FRAME_STEP = 1 / 3


def _table_numbers(cols: list[list[str]], feats: list[Feats], c: int, kinds: list[str | None]) -> int | None:
    """Where column ``c``, taken for the row numbers, is a spreadsheet's frame printed with the table (its
    own row numbers in a narrow column left of the table's `№`, counting the title and heading lines above
    the people too: `7, 8, 9 ...` beside the table's `1, 2, 3 ...`), the table's `№` column right of it,
    else None (U dev 13001 p6: the frame's numbers taken for the rows', the `№` column left unread, every
    row cited under another number). The table's column is the next column of small numbers before the
    people, unheaded as another field, running in step with the rows as the frame's do, each number less
    than the frame's beside it: a spreadsheet's row lies below its title lines, so its own number is never
    the lesser. A column headed `№` is the table's own."""
    if _headed_row_number(feats[c].votes):
        return None
    frame_at = _in_step(cols[c], FRAME_STEP, 2)
    if frame_at is None:
        return None
    for o in range(c + 1, len(cols)):
        if kinds[o] is not None or feats[o].words >= 2.5:
            return None  # the people's columns: no second `№` before them
        if feats[o].small < 0.5 or any(v for k, v in feats[o].votes.items() if k != "row"):
            continue
        # a column headed `№` is in step on two numbers read (U dev 13031 p2: a fax's `6`, `7`, `10` read `в`,
        # `?`, `18`, the frame's `42`-`46` taken for the rows' numbers, every row cited under another)
        at = _in_step(cols[o], TABLE_STEP, 2 if _headed_row_number(feats[o].votes) else 3)
        if at is not None and at < frame_at:
            return o
    return None


def _outside_named(headings: list[str], feats: list[Feats]) -> set[int]:
    """The columns whose headings name no field but a column that is none (``outside_columns.named_not_pay``),
    and the columns with no heading of their own between two of a cash breakdown's (its notes, `10-левки` |
    `по 5`, their headings read as one over the first: AG dev 25001 p3, the other's counts taken for days);
    not between a rate and a class, whose neighbour may be a pay whose heading was lost."""
    named = [c for c, h in enumerate(headings) if outside_columns.named_not_pay(h)]
    cash = [c for c, h in enumerate(headings) if outside_columns.cash_heading(h)]
    if len(cash) < 2:
        return set(named)
    unheaded = [c for c in range(cash[0], cash[-1]) if c < len(feats) and not feats[c].votes
                and not re.search(r"[а-яА-Я]{2,}", headings[c])]  # fmt: skip
    return set(named) | set(unheaded)


def identify(
    body: list[list[str]], headings: list[str], totals: list[str] | None = None, any_order: bool = False
) -> list[str | None]:
    """Field for each column (None: unknown/ignored). ``body[row][col]`` holds the recognised texts,
    ``totals`` the `Всичко` row's (None: no such row). ``any_order``: a two-tier sheet, whose money columns
    stand in no order a one-line sheet's do (``two_tier``)."""
    n_cols = len(headings)
    cols = [[_corrected(row[c]) for row in body] for c in range(n_cols)]
    kinds: list[str | None] = [None] * n_cols
    feats: list[Feats] = []
    least = 1 if in_whole_leva() else 3  # digits of an amount (in whole leva `67` is one)
    for c in range(n_cols):
        texts = [t for t in cols[c] if t.strip()]
        ds = [digits(t) for t in texts]
        pairs = list(zip(ds, texts, strict=True))
        feats.append(
            Feats(
                filled=len(texts) / max(1, len(cols[c])),
                egn=_frac([(len(d) == 10 or egn(t) is not None) and _alpha(t) <= 2 for d, t in pairs]),
                small=_frac([1 <= len(d) <= 2 and _alpha(t) <= 1 for d, t in pairs]),
                money=_frac([(len(d) >= least and len(d) != 10 and _alpha(t) <= 1) or t.strip() in {"-", "—", "–"}
                             for d, t in pairs]),
                alpha=_frac([_alpha(t) >= 3 for t in texts]),
                words=sum(len(re.findall(r"[А-Яа-яA-Za-z]{2,}", t)) for t in texts) / max(1, len(texts)),
                caps=_frac([bool(re.match(r"\W*[А-ЯA-Z]", t)) for t in texts]),
                votes=heading_votes(headings[c]),
            )
        )  # fmt: skip
    egn_c = max(range(n_cols), key=lambda c: feats[c].egn)
    if feats[egn_c].egn >= 0.4:
        kinds[egn_c] = "egn"
    # row numbers: first small-integer column, rising
    frame: list[int] = []  # a spreadsheet's own row numbers printed left of the table's (none of its columns)
    for c in range(n_cols):
        if kinds[c] is None and feats[c].small >= 0.5:
            nums = [int(d) for d in (digits(t) for t in cols[c]) if d and len(d) <= 3]
            rising = _frac([b > a for a, b in pairwise(nums)])
            # (right of the people's names or ЕГН a column of rising figures is the days, unless headed so)
            person = any(kinds[o] == "egn" or feats[o].words >= 2.5 for o in range(c))
            row_like = rising >= 0.6 and not _repeat_as_days(nums) and not person
            if (row_like or _headed_row_number(feats[c].votes)) and c < n_cols // 2:
                table = _table_numbers(cols, feats, c, kinds)
                if table is not None:
                    frame.append(c)
                kinds[table if table is not None else c] = "row"
                break
    # the days: of the day-like columns, the one headed so, else the one with most day-like figures (a
    # clerk's ticks beside the rows read as `4`, `7` on a few rows are no days: J dev 1005 p6), else the first
    # (a class for years of service is no days: headed so, or its figures differ from person to person)
    outside = _outside_named(headings, feats) | set(outside_columns.cash_breakdown(cols))
    days = [c for c in range(n_cols) if kinds[c] is None and c not in frame and feats[c].small >= 0.5
            and _days_column(cols[c], feats[c]) and c not in outside]  # fmt: skip
    whole = _days_of_parts(cols, [c for c in range(n_cols) if kinds[c] is None and c not in frame
                                  and feats[c].small >= 0.5 and c not in outside], feats)  # fmt: skip
    if whole is not None:  # the days at sea and in port add up to the days on the roll: that column is the days
        kinds[whole] = "days_worked"
    elif any(f.votes.get(DAYS_PART) for f in feats):
        # a sheet that prints the days in parts names their whole (`Общо дни`) or it adds up to them: an unheaded
        # column of small numbers beside them is a part's piece (AH dev 26003 p1: the days at sea cut in two
        # by a tape's edge, one piece taken for the days worked, the page in review whole)
        headed = [c for c in days if feats[c].votes.get("days_worked")]
        if headed:
            kinds[max(headed, key=lambda c: (_day_like(cols[c]) + outside_columns.repeats(cols[c]), -c))] = "days_worked"
    elif days:
        kinds[max(days, key=lambda c: (bool(feats[c].votes.get("days_worked")),
                                       _day_like(cols[c]) + outside_columns.repeats(cols[c]), -c))] = "days_worked"
    money_cols = [c for c in range(n_cols) if kinds[c] is None and c not in frame and feats[c].money >= 0.5]
    money_cols = [c for c in money_cols if c not in time_columns(cols, money_cols, headings)]  # hours: no amount
    control = control_total.control_columns(cols, money_cols)  # a machine's running total of the net: no pay
    money_cols = [c for c in money_cols if c not in control]
    tapes = adding_tape.tape_columns(cols)  # an adding machine's tape beside the table: its figures no pay
    money_cols = [c for c in money_cols if c not in tapes]
    # the state insurance's benefit paid with the pay (`Обезщет. от ДОО`) and the sum paid out, the net plus it: no
    # pay (taken for an item of the additional pay, the additional pay's own column went out as none, AN dev
    # 32003 p1; taken for pay, every amount one column over)
    benefit = [c for c in range(n_cols) if kinds[c] is None and outside_columns.benefit_heading(headings[c])]
    if benefit:
        money_cols = [c for c in money_cols if c not in benefit]
        payout = outside_columns.payout_columns(cols, money_cols, benefit)
        money_cols = [c for c in money_cols if c not in payout]
    if money_cols:
        best_cols, best = _money_kinds(cols, money_cols, feats, any_order)
        counts = whole_number_columns(cols, money_cols)
        if counts:  # a personnel number or the hours among the amounts: do the amounts add up without them?
            rest = [c for c in money_cols if c not in counts]
            rest_cols, rest_best = _money_kinds(cols, rest, feats, any_order)
            # (no sum held: nothing to say; a row of noughts holds in any order: R dev 10016 p14, an absent
            # worker's `0.00`s the only sum held once the net pay's raised stotinki, read `22528`, were taken
            # for whole numbers: the base pay became the net, the gross filled in from it, 10 figures silent)
            kept = _arithmetic(cols, rest_cols, rest_best, noughts=False)
            if kept > 0 and kept >= _arithmetic(cols, best_cols, best, noughts=False):
                best_cols, best = rest_cols, rest_best
        best_cols, best = _without_turnover(cols, feats, (best_cols, best))  # a till's turnover: no pay
        best_cols, best = _without_stray(cols, feats, (best_cols, best))  # specks, the facing page: no pay
        best_cols, best = _without_outside(cols, feats, outside, totals, (best_cols, best))
        wide = pay_items.wide_layout(cols, money_cols)  # itemised additional pay (family V): its sums decide
        general = _arithmetic(cols, best_cols, best)  # (one item alone, its total's copy: the sums must say more)
        if wide is not None and (wide[2] > general or (wide[2] == general and wide[1].count(PAY_ITEM) >= 2)):
            best_cols, best = wide[0], wide[1]
            for c in range(best_cols[0] + 1, best_cols[-1]):  # no days among the pay: an amount's cut-off end
                if kinds[c] == "days_worked" and not feats[c].votes.get("days_worked"):  # (V dev 14002 p2)
                    kinds[c] = None
        for c, f in zip(best_cols, best, strict=True):
            kinds[c] = f
    text_cols = [c for c in range(n_cols) if kinds[c] is None and feats[c].alpha >= 0.5]
    if text_cols:
        name_c = max(text_cols, key=lambda c: (feats[c].words >= 2.5) * 2 + feats[c].caps
                     + feats[c].votes.get("name", 0))  # fmt: skip
        kinds[name_c] = "name"
        for c in text_cols:
            if c == name_c:
                continue
            votes = feats[c].votes
            if votes.get("signature"):
                kinds[c] = "signature"
            elif "position" not in kinds and feats[c].words <= 2.5:
                kinds[c] = "position"
    return kinds
