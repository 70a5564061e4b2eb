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
