"""A person's ЕГН or name read otherwise on one page of a run than on the others goes to a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.records import PageReview, PayrollPage, PayrollRow
from ocr import batch_agreement, cli, runner

STEFAN = "Стефан Маринов Добрев"
DONKA = "Донка Христова Ценова"


def _page(i: int, *people: tuple[str, str]) -> PayrollPage:
    rows = [PayrollRow(row=k + 1, egn=egn, name=name, review=[]) for k, (egn, name) in enumerate(people)]
    return PayrollPage(image=f"page-{i:04d}.png", rows=rows)


def _months(odd: tuple[str, str], usual: tuple[str, str], n: int = 4) -> list[PayrollPage]:
    """The person read ``usual`` on ``n`` pages and ``odd`` on one more."""
    return [_page(i, usual) for i in range(n)] + [_page(n, odd)]


def test_an_egn_one_digit_off_the_persons_other_months_goes_to_review() -> None:
    pages = _months(("4703052340", STEFAN), ("4705052340", STEFAN))  # a speck turned the month's 5 into 3
    assert batch_agreement.doubt_disagreeing(pages) == 1
    assert pages[-1].rows[0].review == ["egn"]
    assert all(p.rows[0].review == [] for p in pages[:-1])


def test_a_name_one_letter_off_under_the_same_egn_goes_to_review() -> None:
    pages = _months(("6102034561", "Донка Христова Ненова"), ("6102034561", DONKA))  # a stamp's ring on the Ц
    batch_agreement.doubt_disagreeing(pages)
    assert pages[-1].rows[0].review == ["name"]
    assert all(p.rows[0].review == [] for p in pages[:-1])


def test_two_readings_once_each_both_go_to_review() -> None:
    pages = [_page(0, ("4705052340", STEFAN)), _page(1, ("4703052340", STEFAN))]
    batch_agreement.doubt_disagreeing(pages)
    assert [p.rows[0].review for p in pages] == [["egn"], ["egn"]]


def test_namesakes_and_agreeing_people_gain_no_review() -> None:
    pages = [_page(i, ("4705052340", STEFAN), ("7211150432", STEFAN), ("6102034561", DONKA)) for i in range(3)]
    assert batch_agreement.doubt_disagreeing(pages) == 0
    assert all(r.review == [] for p in pages for r in p.rows)


def test_a_doubted_reading_is_no_evidence_against_a_sure_one() -> None:
    pages = [_page(0, ("4705052340", STEFAN)), _page(1, ("4703052340", STEFAN))]
    pages[1].rows[0].review = ["egn"]
    pages.append(_page(2, ("4705052340", STEFAN)))
    pages[2].page_review = PageReview(reason="page_plausibility")
    pages[2].rows[0].egn = "4705052341"
    assert batch_agreement.doubt_disagreeing(pages) == 1  # only the page read whole's odd reading
    assert pages[0].rows[0].review == [] and pages[2].rows[0].review == ["egn"]


def test_a_name_read_otherwise_on_a_page_read_whole_is_doubted_not_evidence() -> None:
    # hard dev seed 69 p7: the page goes to review whole (its columns unproved), the stamp's ring turned
    # the row's Ц into Н; the row's amounts were flagged, the name not
    pages = _months(("5704041018", "Донка Христова Ненова"), ("5704041018", DONKA), n=2)
    pages[-1].page_review = PageReview(reason="layout_unproved")
    assert batch_agreement.doubt_disagreeing(pages) == 1
    assert pages[-1].rows[0].review == ["name"]
    alone = _months(("5704041018", DONKA), ("5704041018", DONKA), n=0)
    alone[0].page_review = PageReview(reason="layout_unproved")
    assert batch_agreement.doubt_disagreeing(alone) == 0


def _fake_reader(monkeypatch: pytest.MonkeyPatch, read: dict[str, PayrollPage], crash_at: str | None = None) -> None:
    def extract_one(path_str: str, *_: object) -> runner.Outcome:
        name = Path(path_str).name
        if name == crash_at:
            raise KeyboardInterrupt  # the machine stops mid-run
        return runner.Outcome(Path(path_str), True, document=read[name].to_json())

    monkeypatch.setattr(runner, "_extract_one", extract_one)
    monkeypatch.setattr(runner, "_load_stage", lambda *_: None)
    monkeypatch.setattr(cli, "engine_from_settings", lambda _s: None)


def _extract(folder: Path, out: Path) -> None:
    cli._run((folder,), out, 1, "extract", "Разчитане")


def test_extract_writes_the_doubt_into_the_odd_page_once_all_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = {p.image: p for p in _months(("4703052340", STEFAN), ("4705052340", STEFAN), n=2)}
    for name in read:
        (tmp_path / name).write_bytes(b"")
    _fake_reader(monkeypatch, read)
    _extract(tmp_path, tmp_path / "out")
    got = {n: PayrollPage.load(tmp_path / "out" / n.replace(".png", ".json")) for n in read}
    assert got["page-0002.png"].rows[0].review == ["egn"]
    assert got["page-0000.png"].rows[0].review == []


def test_extract_keeps_every_page_read_before_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read = {p.image: p for p in _months(("4703052340", STEFAN), ("4705052340", STEFAN), n=2)}
    for name in read:
        (tmp_path / name).write_bytes(b"")
    _fake_reader(monkeypatch, read, crash_at="page-0002.png")
    with pytest.raises(KeyboardInterrupt):
        _extract(tmp_path, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["page-0000.json", "page-0001.json"]


def test_agree_returns_only_the_pages_that_gained_doubt() -> None:
    pages = _months(("4703052340", STEFAN), ("4705052340", STEFAN), n=2)
    outs = [runner.Outcome(Path(p.image), True, document=p.to_json()) for p in pages]
    outs.append(runner.Outcome(Path("page-0009.png"), False, error="неразчетена"))
    changed = runner.agree(outs)
    assert [o.path.name for o in changed] == ["page-0002.png"]
    assert PayrollPage.model_validate_json(changed[0].document or "").rows[0].review == ["egn"]


# the days against the person's base pay on the file's other months (M dev 5003 p1: `10` read `19`, sure)
VELICHKA = ("3905058410", "Величка Маринова Кънчева")
MONTHLY = {5: (23, "123.57", 10), 6: (22, "284.22", 22), 7: (21, "284.22", 21)}  # month: (full days, base, days)


def _pay_page(month: int, days: int, base: str | None, gross: str | None = None, full: int = 23,
              year: int = 1989) -> PayrollPage:  # fmt: skip
    """The person's row beside three who work the full month (the page's full days)."""
    rows = [PayrollRow(row=1, egn=VELICHKA[0], name=VELICHKA[1], days_worked=days, base_pay=base, gross_pay=gross,
                       review=[])]  # fmt: skip
    rows += [PayrollRow(row=k, egn=egn, name=DONKA, days_worked=full, base_pay="200.00", review=[])
             for k, egn in ((2, "6102034561"), (3, "4705052340"), (4, "7211150432"))]  # fmt: skip
    return PayrollPage(image=f"page-{month:04d}.png", period={"year": year, "month": month}, rows=rows)


def _file(read_days: int, *, gross_only: bool = False, year6: int = 1989, base6: str = "284.22") -> list[PayrollPage]:
    pages = []
    for m, (full, base, days) in MONTHLY.items():
        d, b = (read_days, base) if m == 5 else (days, base6 if m == 6 else base)
        pages.append(_pay_page(m, d, None if gross_only else b, b if gross_only else None, full,
                               year6 if m == 6 else 1989))  # fmt: skip
    return pages


def test_days_the_persons_pay_on_other_months_makes_another_number_go_to_review() -> None:
    pages = _file(19)  # 123.57 is 10 days of 284.22 a full month of 22 (or 23): not 19
    assert batch_agreement.doubt_disagreeing(pages) == 1
    assert pages[0].rows[0].review == ["days_worked"]
    assert pages[0].rows[0].review_reasons["days_worked"].reason == "readings_disagree"
    assert all(r.review == [] for p in pages[1:] for r in p.rows)


def test_days_read_right_gain_no_review() -> None:
    pages = _file(10)
    assert batch_agreement.doubt_disagreeing(pages) == 0


def test_a_pay_no_whole_number_of_days_gives_says_nothing() -> None:
    # a raise (or piece rates): 284.22 at 21 days, 290.00 at 22: no month gives 123.57 a whole number of days
    pages = _file(19, base6="290.00")
    pages[2].rows[0].base_pay = "301.50"
    assert batch_agreement.doubt_disagreeing(pages) == 0


def test_only_the_base_pay_and_only_the_same_year_speak_for_the_days() -> None:
    # a gross holds additional pay (a share of the base: whole days by chance); another year, another salary
    assert batch_agreement.doubt_disagreeing(_file(19, gross_only=True)) == 0
    pages = _file(19, year6=1990)
    pages[2].period.year = 1990
    assert batch_agreement.doubt_disagreeing(pages) == 0


def test_days_or_pay_in_doubt_are_no_evidence() -> None:
    pages = _file(19)
    pages[1].rows[0].review = ["base_pay"]
    pages[2].rows[0].review = ["days_worked"]
    assert batch_agreement.doubt_disagreeing(pages) == 0


def test_a_pages_full_month_is_the_days_most_rows_carry() -> None:
    assert batch_agreement.full_days([21, 21, 21, 10, None], 1989, 5) == 21  # (May 1989: 23 weekdays)
    assert batch_agreement.full_days([21, 10, None], 1989, 5) == 23
    assert batch_agreement.full_days([8, 8, 8, 8], 1989, 5) == 23  # fewer than half the month: part-timers
    assert batch_agreement.full_days([10], None, None) is None


def _employed(*names: str | None) -> list[PayrollPage]:
    pages = [_page(i, ("4705052340", STEFAN)) for i in range(len(names))]
    for p, name in zip(pages, names, strict=True):
        p.employer.name = name
    return pages


def test_an_employer_a_digit_off_the_files_other_pages_goes_to_review_naming_their_reading() -> None:
    # N dev 6035 p3: the file's two other pages read „Родопа-94“, the third „Родопа-34“, out without a doubt
    pages = _employed("„Родопа-94“ ЕООД – Ловеч", "„Родопа-94“ ЕООД – Ловеч", "„Родопа-34“ ЕООД – Ловеч")
    batch_agreement.doubt_disagreeing(pages)
    assert [p.employer.review for p in pages[:2]] == [None, None]
    assert pages[2].employer.review == "на другите листове „„Родопа-94“ ЕООД – Ловеч“: проверете името"
    assert pages[2].employer.name == "„Родопа-34“ ЕООД – Ловеч"  # the reading stays; a person says which


def test_an_employers_dash_lost_on_one_page_of_two_puts_both_in_doubt() -> None:
    pages = _employed("„Стомана“ АД гр. Перник", "„Стомана“ АД – гр. Перник")  # N dev 6022 p1
    batch_agreement.doubt_disagreeing(pages)
    assert all(p.employer.review for p in pages)


def test_other_employers_and_doubted_readings_give_no_doubt() -> None:
    pages = _employed("ДАП – гр. Враца", "Хлебозавод – гр. Ямбол", "Хлебозавод – гр. Ямбол", None)
    pages.append(_employed("Хлебозавод – гр. Ямбол")[0])
    pages += _employed("Хлебозавод – гр. Ямбал", "Хлебозавод – гр. Ямбил")
    pages[-2].employer.review = pages[-1].employer.review = "„Ямбал“ неуверено разчетено"
    assert batch_agreement.doubt_disagreeing(pages) == 0
    assert pages[-2].employer.review == "„Ямбал“ неуверено разчетено"
