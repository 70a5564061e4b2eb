"""A person's ЕГН or name read otherwise on one page of a run than on the others goes to a person."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.records import PageReview, PayrollPage, PayrollRow
from ocr import batch_agreement, runner

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
    assert batch_agreement.doubt_disagreeing(pages) == 0


def test_extracting_several_pages_writes_the_doubt_into_the_odd_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read = {p.image: p for p in _months(("4703052340", STEFAN), ("4705052340", STEFAN), n=2)}

    def extract_one(path_str: str, *_: object) -> runner.Outcome:
        return runner.Outcome(Path(path_str), True, document=read[Path(path_str).name].to_json())

    monkeypatch.setattr(runner, "_extract_one", extract_one)
    monkeypatch.setattr(runner, "_load_stage", lambda *_: None)
    progress: list[str] = []
    outs = list(runner.run([tmp_path / name for name in read], limits=runner.Limits(1, 1), engine=None,  # type: ignore[arg-type]
                           workers=1, on_read=lambda o: progress.append(o.path.name)))  # fmt: skip
    got = {o.path.name: PayrollPage.model_validate_json(o.document or "") for o in outs}
    assert progress == list(read)
    assert got["page-0002.png"].rows[0].review == ["egn"]
    assert got["page-0000.png"].rows[0].review == []
