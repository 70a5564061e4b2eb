"""A firm's faxed payroll's header (family U): the fax machine's transmission line along the top is neither the
employer nor its period (``ocr.fax_header``); the address or registration line under the name is no part of the
name and never the name (``ocr.address_line``); a legal form is never put in quotes; the period forms a
spreadsheet or accounting program prints."""

from __future__ import annotations

import pytest

from ocr.address_line import address_line, before_address, starts_address
from ocr.fax_header import fax_line
from ocr.geometry import Box, Word
from ocr.header import clean_employer, parse_header

W = 2480


def _line(y: int, text: str, x: int = 200, conf: float = 0.93, h: int = 30) -> list[Word]:
    out = []
    for t in text.split():
        out.append(Word(t, conf, Box(x, y, x + 18 * len(t), y + h)))
        x += 18 * len(t) + 14
    return out


def _page(*lines: list[Word]) -> list[Word]:
    return [w for line in lines for w in line]


TITLE = _line(230, "ВЕДОМОСТ ЗА ЗАПЛАТИ", 1000)
PERIOD = _line(290, "Месец: 11.1993", 1100)

FAX_LINES = [
    # as the fax machines print them, and as the Bulgarian model read them (U dev 13001, the evaluation set)
    "20.12.93 12:82 ТЕЛ. (064) 71 76 ЕТ СЛАВОВА СТР. 01/02",
    "DEC-06-93 10:57 FROM STROITELNI MATERIALI EAD TEL +359 32 394815 P.02/02",
    "4110 (864) 71? 76 СЛАВОВА СТР, 82782",
    "20, 12,93 1282 ТЕЛ, (064) 71? 76 „ЕТ“ СЛАВОВА. СТР, й17/82",
    "фрелотве ЗТВОТТЕГНТ МАТЕВТАТ ЕВО ТП +359 32 394815 Р.01/01",
    "4нн-28-94 1258 РРОМ ЗТРОТТЕСНТ МАТЕРТАСТ ЕВО (ТЕ +359 32 394815 Р.й1",
    "пуо-гю-чо ич:из ЕРВОМ ЕТ ТИНОФНА ТЕ +359 30 433224 Р.01701",
    "95-89-25 18:44 (892) 53й 1? ЕТ ЕВРОСТИЛ СТР,й2",
]
NAMES = [
    "ЕТ „Юлия Славова“", "„Строителни материали“ ЕАД", "„Химко“ ЕАД – гр. Варна", "ЕТ „Вели – 2“ с. Черноочене",
    "ДЗС „Напредък“ – гр. Плевен", "„Родопа-94“ ООД", "ЕТ „Стефка Бъчварова – Тунджа“ – гр. Варна",
]  # fmt: skip


@pytest.mark.parametrize("text", FAX_LINES)
def test_a_fax_line_is_told(text: str) -> None:
    assert fax_line(_line(20, text))


@pytest.mark.parametrize("text", NAMES + ["Месец: 11.1993", "Период: 01.03.1995 - 31.03.1995", "за м. III/85 г.",
                                          "„Химко“ ЕАД стр. 30", "Лист № 8"])  # fmt: skip
def test_a_name_or_period_is_no_fax_line(text: str) -> None:
    assert not fax_line(_line(20, text))


@pytest.mark.parametrize("fax", FAX_LINES)
def test_the_fax_line_is_never_the_employer(fax: str) -> None:
    h = parse_header(_page(_line(20, fax), _line(130, "ЕТ „Юлия Славова“"), TITLE, PERIOD), W)
    assert h.employer == "ЕТ „Юлия Славова“"
    assert (h.year, h.month) == (1993, 11)


def test_a_fax_line_alone_gives_no_employer() -> None:
    h = parse_header(_page(_line(20, FAX_LINES[1]), TITLE, PERIOD), W)
    assert h.employer is None


ADDRESSES = [
    "Адрес: гр. Монтана, ж.к. „Младост“ бл. 12, вх. А", "гр. Монтана, ул. „Раковски“ 7; БУЛСТАТ 123456789",
    "Дан. № 4399650277, гр. Добрич", "ЕИК по БУЛСТАТ 123456789, гр. Добрич", "Дам. Ми 4842797711, гр Враца",
    "гр. Монтана, ж.к. „Младост“ бл. 12; Дан. № 4399650277",
]  # fmt: skip


@pytest.mark.parametrize("address", ADDRESSES)
def test_an_address_line_is_told(address: str) -> None:
    assert address_line(_line(100, address)) and starts_address(_line(100, address))


@pytest.mark.parametrize("name", NAMES + ["гр. Плевен", "с. Бяла"])
def test_a_name_or_town_is_no_address(name: str) -> None:
    assert not address_line(_line(100, name)) and before_address(_line(100, name)) == _line(100, name)


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("name", NAMES[:3])
def test_the_address_under_the_name_is_no_part_of_it(name: str, address: str) -> None:
    h = parse_header(_page(_line(130, name), _line(170, address, h=24), TITLE, PERIOD), W)
    assert h.employer == clean_employer(_line(130, name))
    assert h.employer_review is None  # an address is no line a person must check as the name's end


@pytest.mark.parametrize("address", ["Адрес: гр. Монтана, ж.к. „Младост“", "Дан. № 4399650277, гр. Добрич"])
def test_an_address_read_on_the_names_line_is_cut(address: str) -> None:
    h = parse_header(_page(_line(130, "ЕТ „Юлия Славова“ " + address), TITLE, PERIOD), W)
    assert h.employer == "ЕТ „Юлия Славова“"


def test_the_address_line_is_never_the_employer() -> None:
    h = parse_header(_page(_line(170, "Дан. № 4399650277, гр. Добрич"), TITLE, PERIOD), W)
    assert h.employer is None


def test_the_town_line_under_the_name_is_still_joined() -> None:
    h = parse_header(_page(_line(130, "ДЗС „Напредък“"), _line(170, "гр. Плевен"), TITLE, PERIOD), W)
    assert h.employer == "ДЗС „Напредък“ гр. Плевен"


@pytest.mark.parametrize("read", ["„Автотранспорт“ АД“", "„Автотранспорт\" АД\"", "„Автотранспорт“ \"АД“"])
def test_no_quotes_around_a_legal_form(read: str) -> None:
    assert clean_employer(_line(100, read), []) == "„Автотранспорт“ АД"


def test_a_legal_form_read_faintly_after_the_quote_is_kept() -> None:
    """'„Химко“ ЕНД' with the form read at 0.2: the form it is one letter from, and a person checks it."""
    words = _line(100, "„Химко“") + [Word("ЕНД", 0.2, Box(400, 100, 460, 130))]
    doubts: list[str] = []
    assert clean_employer(words, doubts) == "„Химко“ ЕАД"
    assert doubts


@pytest.mark.parametrize(
    ("text", "period"),
    [("Месец: СЕПТЕМВРИ 1993", (1993, 9)), ("Месец: 11.1993", (1993, 11)), ("за месец Август, 1993 г.", (1993, 8)),
     ("за месец 03.1995 г.", (1995, 3)), ("Период: 01.03.1995 - 31.03.1995", (1995, 3)), ("за 5/1995 г.", (1995, 5)),
     ("м. V/1995", (1995, 5))],
)  # fmt: skip
def test_the_period_forms_a_program_prints(text: str, period: tuple[int, int]) -> None:
    h = parse_header(_page(_line(20, FAX_LINES[0]), _line(130, "ЕТ „Юлия Славова“"), TITLE, _line(290, text, 1100)), W)
    assert (h.year, h.month) == period
    assert h.employer == "ЕТ „Юлия Славова“"


def test_the_period_line_is_never_the_employer() -> None:
    """The period's words split ("11" | "1993") are still its line's: not taken as the name where none was read."""
    h = parse_header(_page(TITLE, PERIOD), W)
    assert (h.year, h.month) == (1993, 11) and h.employer is None


@pytest.mark.parametrize(("text", "period"), [("Месец: 111992", (1992, 11)), ("за м. 071994", (1994, 7))])
def test_a_month_glued_to_its_year_is_read_in_doubt(text: str, period: tuple[int, int]) -> None:
    h = parse_header(_page(_line(130, "ЕТ „Юлия Славова“"), TITLE, _line(290, text, 1100)), W)
    assert (h.year, h.month) == period and h.month_unsure


def test_the_programs_sheet_number_on_the_names_line_is_no_title() -> None:
    """ "„Хлебопроизводство“ ЕАД ... Ведомост № 28": the program's sheet number right of the name."""
    h = parse_header(_page(_line(130, "„Хлебопроизводство“ ЕАД"), _line(130, "Ведомост МО 28", 1800), TITLE, PERIOD), W)
    assert h.employer == "„Хлебопроизводство“ ЕАД" and h.sheet == 28


@pytest.mark.parametrize("text", ["Период: 01.09.1992 - 30.09.1992", "Период: й1,1й.1992 - 31.18.1992",
                                  "от 01.09.1992 до 30.09.1992 г."])  # fmt: skip
def test_the_period_line_is_no_employer_where_the_name_was_not_read(text: str) -> None:
    h = parse_header(_page(_line(130, "Ведомост К 26", 1800), TITLE, _line(290, text, 1000)), W)
    assert h.employer is None


def test_a_fax_line_with_a_local_number() -> None:
    assert fax_line(_line(20, "4й 85674-10-65 ЕТ ЕЛИТ СТР.й1"))
    assert not address_line(_line(20, "ЕТ „Елит-РА“ – гр. Добрич"))


def test_marks_before_the_name_are_a_word_unread() -> None:
    """'/.. Строй“ 00Д': "„Бисер" read as marks; the name '„Строй“ ООД' goes to a person."""
    doubts: list[str] = []
    clean_employer(_line(100, "/.. Строй“ 00Д"), doubts)
    assert doubts


def test_a_semicolon_before_the_town_is_its_comma() -> None:
    doubts: list[str] = []
    assert clean_employer(_line(100, "„Химко\" АД; гр. Габрово"), doubts) == "„Химко“ АД, гр. Габрово"
    assert doubts


def test_a_doubted_word_of_the_name_mended_by_the_fax_line() -> None:
    """ "ЕТ „Елин-РА“" in doubt, "ЕТ ЕЛИТ" on the fax's line: „Елит-РА“, still in doubt."""
    fax = _line(20, "96-11-02 18:58 056/4-10-65 ЕТ ЕЛИТ СТР.02")
    name = _line(130, "ЕТ „Елин-РА“ – гр. Добрич", conf=0.4)
    h = parse_header(_page(fax, name, TITLE, PERIOD), W)
    assert h.employer == "ЕТ „Елит-РА“ – гр. Добрич" and h.employer_review


def test_a_sure_word_is_not_changed_for_the_fax_lines() -> None:
    fax = _line(20, "96-11-02 18:58 056/4-10-65 ЕТ СЛАВОБА СТР.02")
    h = parse_header(_page(fax, _line(130, "ЕТ „Юлия Славова“"), TITLE, PERIOD), W)
    assert h.employer == "ЕТ „Юлия Славова“"


@pytest.mark.parametrize(
    ("text", "month"),
    [("Период: й1.й9. 1992 – 3.09. 1992", 9), ("Период: й1,1й.1992 - 31.18.1992", 10), ("Период: й1.09.1992 – Зй й9.1992", 9)],
)  # fmt: skip
def test_a_fax_dates_read_with_letters_for_digits(text: str, month: int) -> None:
    """A fax's 0 read "й", its 3 "З", the year apart from its date: the period read, and in doubt."""
    h = parse_header(_page(_line(130, "ЕТ „Юлия Славова“"), TITLE, _line(290, text, 1000)), W)
    assert (h.year, h.month) == (1992, month) and h.range_doubt


def test_a_compound_with_its_linking_o_is_a_word() -> None:
    """ "Хлебопроизводство" (хлеб-о-производство) was "mended" to "Хлебпроизводство" (U dev 13005)."""
    from ocr.employer_spelling import check

    assert check("„Хлебопроизводство“ ЕАД", ()) == ("„Хлебопроизводство“ ЕАД", [])


@pytest.mark.parametrize("name", ["ПК. „Напредък“ с. Бяла черква", "ПК „Напредък“ с. Бяла черква"])
def test_a_legal_form_is_no_postcode(name: str) -> None:
    """ "ПК" (a producers' cooperative) has the letters of "п.к." (a postcode): only the dotted one opens an address."""
    assert not starts_address(_line(100, name)) and address_line(_line(100, "п.к. 5300, ул. „Раковски“ 7"))
