"""What a column's heading names (issue 9, family J): the net pay by its usual words, the hours and a
personnel number as columns of their own (no days, no row numbers), and no field by a misread of a word
that is another field's key."""

from __future__ import annotations

import pytest

from ocr import columns


@pytest.mark.parametrize(
    ("heading", "votes"),
    [
        ("Чиста\nзаплата", {"net_pay": 1}),  # `заплата` alone is any pay: no base pay here
        ("Брутна\nзаплата", {"gross_pay": 2}),
        ("Основна\nзаплата", {"base_pay": 3}),
        ("За раздаване", {"net_pay": 1}),
        ("Отработени\nчасове", {"hours": 1}),  # the hours are no days
        ("Отраб.\nработни\nдни", {"days_worked": 2}),
        ("Таб. №", {"tab_no": 1}),  # a personnel number is no row number
        ("№\nв ред", {"row": 2}),
        ("Подлежи на\nизплащане", {"net_pay": 1}),  # `изплащане` is no misread `доплащане`
        ("Доплащане\nи премии", {"extra_pay": 2}),
        ("ЕГН (лично\nчисло)", {"egn": 1}),  # `число` is no `чиста`
        # family K's words (dev 3003 p1): the base earned at the rate, the whole earned, the deductions from pay
        ("Заработено\nпо\nставка", {"base_pay": 1}),
        ("Общо\nзаработено", {"gross_pay": 1}),  # beside a total's word, any pay is the gross
        ("Всичко\nзаработено", {"gross_pay": 1}),
        # a letter doubled (V dev 14006 p2): nearer any pay's `заработено` than the turnover's `изработено`
        ("Всичко\nЗзаработено", {"gross_pay": 1}),
        ("Изработено\n(лв.)", {"turnover": 1}),  # family S's turnover, as typed, still the turnover
        ("Всичко\nудържано\nот заплатата", {"deductions": 1}),  # deducted from pay: no base pay
        ("Единен\nгражд.\nномер", {"egn": 2}),  # `единен` and `гражд.`
        # family Z's small pale headings: `гр.` too short for `граждански`, the Latin `No` no `№`, `табел` of
        # `по табела` no personnel number (`табелен`)
        ("Единен гр.\nномер", {"egn": 1}),
        ("No на\nреда", {"row": 1}),
        ("Раб. дни\nпо табел", {"days_worked": 2}),
        ("Вноска\nза\nпрофсъюза", {"deduction_part": 2}),  # `вноска` and `профсъюз`
        ("Дневна\nставка", {}),  # a day's rate stays no pay field (``outside_columns``)
        # a PC program's words (family U dev 13003 p7: `Доплащания / корекции` placed by nothing, the page in review)
        ("Доплащания /\nкорекции", {"extra_pay": 1}),
        ("Нетна\nзаплата", {"net_pay": 1}),  # no base pay
        ("Получен\nаванс", {"deduction_part": 1}),  # an advance paid is deducted: no signature
    ],
)
def test_a_heading_names_its_field(heading: str, votes: dict[str, int]) -> None:
    assert columns.heading_votes(heading) == votes


def test_a_column_headed_hours_is_no_days_column() -> None:
    body = [[str(i + 1), "Иван Петров Иванов", "6202185690", h, "153.40", "20.86", "132.54"]
            for i, h in enumerate(("16", "24", "8", "168"))]  # fmt: skip
    kinds = columns.identify(body, ["№", "Име", "ЕГН", "Часове", "Брутно", "Удръжки", "Чиста заплата"])
    assert kinds[3] is None and "days_worked" not in kinds
    kinds = columns.identify(body, ["№", "Име", "ЕГН", "Дни", "Брутно", "Удръжки", "Чиста заплата"])
    assert kinds[3] == "days_worked"


def test_a_heading_is_worked_out_once_and_each_caller_gets_its_own_votes() -> None:
    columns._heading_votes.cache_clear()
    first = columns.heading_votes("Сума за\nполучаване")
    first["net_pay"] = 99  # a caller's change stays its own
    assert columns.heading_votes("Сума за\nполучаване") == {"net_pay": 2}  # `получаване` and `получава`
    assert columns._heading_votes.cache_info().hits == 1  # the second stage asking does not work it out again


def test_family_q_s_three_line_headings_name_their_columns() -> None:
    """A public institution's headings on three lines (family Q): a word hyphenated at a line's end is one
    word where whole it is a key (`Проф-` / `съюзен`), a compound's parts stay apart (`Норма-` / `дни`);
    `Е Г Н` in spaced capitals is the ЕГН; a pension's contribution, an advance paid and a court order's
    `Запор` are itemised deductions, neither the deductions nor the net pay."""
    heading_votes, PART = columns.heading_votes, columns.PART
    assert heading_votes("Е Г Н на лицето") == {"egn": 1}
    assert set(heading_votes("Проф- съюзен внос")) == {PART}
    assert set(heading_votes("Дни от- работени")) == {"days_worked"}
    assert set(heading_votes("Норма- дни")) == {"days_worked"}
    assert set(heading_votes("ЕГН- номер")) == {"egn"}
    for text in ("Пенсионна вноска (лв.)", "Изпл. аванс (лв.)", "Удръжка по запор", "Съдебен запор (лв.)"):
        assert set(heading_votes(text)) == {PART}, text
    assert "deductions" in heading_votes("Общо удър- жано") and PART not in heading_votes("Общо удър- жано")
    assert PART not in heading_votes("Пор. ред №")  # `пор` is no misread `запор`


def test_family_n_s_headings_contracted_with_a_dash_name_their_columns() -> None:
    """Family N's typist saved room with a dash between a word's first letters and its last (`Уд-ки` for
    удръжки, N dev 6014 p2: the deductions' column named nothing, the net pay's reading went to it and the
    page to review whole): the one key that begins and ends so; a word with a dash inside that is a key
    whole (`д-ни`) is that key; no key, or keys of two fields, leave the words as they were."""
    heading_votes, PART = columns.heading_votes, columns.PART
    assert heading_votes("Уд-ки\nвсичко") == {"deductions": 2} == heading_votes("Уд-ки")
    assert heading_votes("Всичко\nнач-но") == {"gross_pay": 1} == heading_votes("Нач-но\nвсичко")
    assert heading_votes("За пол-ване") == {"net_pay": 2}
    assert heading_votes("Основна\nз-та") == {"base_pay": 3}
    assert heading_votes("Раб.\nд-ни") == {"days_worked": 1}  # дни, no `д...ни` допълнителни
    assert heading_votes("Д-ст") == {"position": 1}
    for text in ("Осиг.\nв-ка", "Ав-с", "Д-к\nДОД"):
        assert set(heading_votes(text)) == {PART}, text
    assert heading_votes("Ед. гр.\nн-р") == {}  # номер is no key
    assert set(heading_votes("ЕГН-номер")) == {"egn"} and set(heading_votes("Норма-дни")) == {"days_worked"}


def test_family_r_s_brigade_headings_name_their_columns() -> None:
    """Family R's piece-rate headings (samples/family_r.py HEADINGS_R) name their fields, so the layout gate
    sees the columns placed (R dev 10019 p1: `Акордна заработка` named nothing, the page whole to review);
    a grade's column names none (`Тарифен` is no `тарифна` base pay), a signature's no net pay."""
    for text, field in (("Акордна\nзаработка", "base_pay"), ("Сделна\nзаработка", "base_pay"),
                        ("Заработка\nпо наряди", "base_pay"), ("Общо\nзаработка", "gross_pay"),
                        ("Всичко\nполагаемо", "gross_pay"), ("Следва\nда получи", "net_pay"),
                        ("Получих\nпарите", "signature"), ("Удръжки\nобщо от\nзаработката", "deductions")):  # fmt: skip
        votes = columns.heading_votes(text)
        assert votes and max(votes, key=lambda f: votes[f]) == field and list(votes.values()).count(votes[field]) == 1, (text, votes)
    for text in ("Тарифен\nразряд", "Квалиф.\nразряд", "ДОД\nудържан\nот заработката"):
        assert not set(columns.heading_votes(text)) & {"base_pay", "gross_pay"}, text


def test_a_co_operative_s_payroll_headings_name_their_columns() -> None:
    """A farm co-operative's computer payroll (family AK, samples/family_ak.py HEADINGS_AK): `Трудово възнагр.` is
    the pay for the work (the base where nothing else is named), `Общо сума` the whole pay, the produce taken in
    kind (`Получено натура`) a deduction's item and `N п/р` the row number, so the layout gate sees its columns
    placed (AK dev 29002 p1: `Трудово възнагр.` and `Общо сума` named nothing, the page whole to review).
    `Трудов стаж` (the years of service) and `Вид труд` (a post) name no pay; beside another field's word
    `Трудово възнаграждение` names nothing of its own."""
    heading_votes, PART = columns.heading_votes, columns.PART
    for text, field in (("ТРУДОВО\nВЪЗНАГР.", "base_pay"), ("ОБЩО\nСУМА", "gross_pay"), ("ПОЛУЧЕНО\nНАТУРА", PART),
                        ("НАТУРА\nПО ЦЕНИ", PART), ("N\nП/Р", "row"), ("Всичко трудово\nвъзнаграждение", "gross_pay"),
                        ("Брутно трудово\nвъзнаграждение", "gross_pay")):  # fmt: skip
        assert set(heading_votes(text)) == {field}, (text, heading_votes(text))
    assert heading_votes("Трудово възнаграждение\nДопълнително") == {"extra_pay": 2}
    assert heading_votes("ТРУДОВ\nСТАЖ") == {} and heading_votes("ВИД\nТРУД") == {}
    assert set(heading_votes("ОБЩО СУМА\nУДРЪЖКИ")) == {"deductions"}


def _votes_word_by_word(text: str) -> dict[str, int]:
    """The votes as weighed before ``columns._word_votes`` kept them per word: every word against every key of
    the fields it names, the text's words in order (the rules after the weighing left out: the same for both)."""
    import re

    words = re.findall(r"[а-яА-Я№]+", text.lower())
    votes: dict[str, int] = {}
    for w in words:
        nearest = columns._own(w) or columns._nearest_fields(w)
        for field, keys in columns.HEADING_KEYS.items():
            if field in nearest:
                for k in keys:
                    if columns._matches(w, k):
                        votes[field] = votes.get(field, 0) + 1
    return votes


def test_a_words_votes_kept_once_count_as_weighed_word_by_word() -> None:
    """A heading's words are weighed once each and kept (``_word_votes``): a page's texts share their words. The
    votes, and the order the fields are named in, are those of each word weighed against each key again."""
    texts = ["Чиста заплата", "Всичко Ззаработено", "Отраб. работни дни часове", "Заработено по ставка заплата",
             "ЕГН лично число", "Подлежи на изплащане доплащане", "дни дни заработка норма", "Иван Петров Иванов"]  # fmt: skip
    for text in texts:
        weighed: dict[str, int] = {}
        for w in __import__("re").findall(r"[а-яА-Я№]+", text.lower()):
            for field, n, _g, _a in columns._word_votes(w):
                weighed[field] = weighed.get(field, 0) + n
        assert list(weighed.items()) == list(_votes_word_by_word(text).items()), text
