"""Reading sheets: what a clerk relies on — right figures, doubtful ones flagged, never silently wrong."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import cv2
import numpy as np
import pytest
from click.testing import CliRunner

from archive_cli.main import cli
from archive_cli.main import main as archive_main
from archive_core.errors import ExtractionError
from archive_core.records import SCORED_FIELDS, PayrollPage
from bench.scoring import Score, match_rows
from ocr import checks, names, normalise
from ocr.engine import OcrEngine
from ocr.extract import extract_image
from ocr.geometry import Word
from ocr.upright import at_a_glance as upright_at_a_glance

from .conftest import FIXTURES

PAGES = sorted((FIXTURES / "pages").glob("page-*.png"))


@pytest.fixture(scope="module")
def first_page(ocr_engine: OcrEngine) -> tuple[PayrollPage, PayrollPage, np.ndarray]:
    img = cv2.imread(str(PAGES[0]), cv2.IMREAD_UNCHANGED)
    got = extract_image(img, image_name=PAGES[0].name, engine=ocr_engine)
    return PayrollPage.load(PAGES[0].with_suffix(".json")), got, img


def test_fixture_page_is_read_with_no_silent_errors(first_page):
    truth, got, _ = first_page
    s = Score()
    s.add(truth, got)
    assert s.rows_found == len(truth.rows)
    assert s.accuracy >= 0.93, f"accuracy {s.accuracy:.3f}"
    # every field that differs from the truth must be listed for review
    for t, g in match_rows(truth.rows, got.rows):
        assert g is not None
        for f in SCORED_FIELDS:
            if getattr(t, f) != getattr(g, f):
                assert f in (g.review or []), (
                    f"row {t.row} {f}: {getattr(g, f)!r} != {getattr(t, f)!r} and not flagged"
                )


def test_header_period_and_sheet(first_page):
    truth, got, _ = first_page
    assert (got.period.year, got.period.month) == (truth.period.year, truth.period.month)
    assert got.sheet == truth.sheet


def test_row_boxes_point_at_the_rows_in_the_image(first_page):
    truth, got, _ = first_page
    for t, g in zip(truth.rows, got.rows, strict=False):
        assert g.bbox and t.bbox
        # the row's vertical centre lies inside the true row box
        cy = (g.bbox[1] + g.bbox[3]) / 2
        assert t.bbox[1] - 10 <= cy <= t.bbox[3] + 10


def test_page_fed_upside_down_is_read(first_page, ocr_engine: OcrEngine):
    truth, _, img = first_page
    turned = np.ascontiguousarray(np.rot90(img, 2))
    got = extract_image(turned, image_name="turned.png", engine=ocr_engine)
    s = Score()
    s.add(truth, got)
    assert s.accuracy >= 0.9
    h, w = turned.shape[:2]
    # boxes are in the coordinates of the image as given (turned): first row is now near the bottom
    assert got.rows[0].bbox is not None and got.rows[0].bbox[1] > h / 2


def test_extract_cli_writes_json_and_reports_bad_file_alone(tmp_path: Path):
    bad = tmp_path / "scan-17.png"
    bad.write_text("not an image", encoding="utf-8")
    out = tmp_path / "out"
    pics = tmp_path / "pics"
    res = CliRunner().invoke(
        cli, ["extract", str(PAGES[1]), str(bad), "--out", str(out), "--jobs", "1", "--overlay", str(pics)]
    )
    assert res.exit_code == 8
    # the picture of what was read: the page at half size, rows boxed
    from PIL import Image

    with Image.open(pics / f"{PAGES[1].stem}.overlay.png") as pic:
        assert abs(pic.width - cv2.imread(str(PAGES[1]), cv2.IMREAD_UNCHANGED).shape[1] / 2) <= 1
    assert (out / f"{PAGES[1].stem}.json").exists()
    assert not (out / "scan-17.json").exists()
    errors = [line for line in res.stderr.splitlines() if "scan-17.png" in line]
    assert len(errors) == 1 and "изображение" in errors[0]
    doc = json.loads((out / f"{PAGES[1].stem}.json").read_text(encoding="utf-8"))
    assert doc["schema"] == "payroll-page/1" and len(doc["rows"]) == len(
        PayrollPage.load(PAGES[1].with_suffix(".json")).rows
    )


def test_tables_cli_writes_the_grid(tmp_path: Path):
    res = CliRunner().invoke(cli, ["tables", str(PAGES[2]), "--out", str(tmp_path), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    doc = json.loads((tmp_path / f"{PAGES[2].stem}.json").read_text(encoding="utf-8"))
    assert doc["schema"] == "table-structure/1"
    table = doc["tables"][0]
    truth = PayrollPage.load(PAGES[2].with_suffix(".json"))
    assert table["rows"] == len(truth.rows) + 2  # heading + people + totals
    egns = {c["text"].replace(" ", "") for c in table["cells"]}
    assert sum(r.egn in egns for r in truth.rows) >= len(truth.rows) - 2


@pytest.mark.parametrize(
    ("text", "value"),
    [("1 234,56", "1234.56"), ("1234.56", "1234.56"), ("267..61", "267.61"), ("-", "0.00"), ("О.ОО", "0.00"),
     ("12", None)],
)  # fmt: skip
def test_money_normalisation(text, value):
    assert normalise.money(text) == value


def test_name_lexicon_fixes_one_misread_letter_and_flags_unknown_words():
    assert names.check_name("Ралка Маринова Костова") == ("Радка Маринова Костова", True)
    fixed, sure = names.check_name("Пана Ворвеста Узунова")
    assert not sure


def _row(**values) -> checks.RowDraft:
    return checks.RowDraft(values=dict(values))


def test_one_digit_slip_that_makes_the_row_add_up_is_corrected():
    r = _row(base_pay="210.00", extra_pay="35.60", gross_pay="245.60", deductions="29.47", net_pay="276.13")
    checks.check_money(r, list(checks.MONEY))
    assert r.values["net_pay"] == "216.13" and not r.review


def test_when_more_than_one_correction_fits_the_fields_are_flagged():
    r = _row(gross_pay="245.60", deductions="29.47", net_pay="999.99")
    checks.check_money(r, ["gross_pay", "deductions", "net_pay"])
    assert {"gross_pay", "deductions", "net_pay"} <= r.review


def test_invalid_egn_is_flagged_and_second_reading_decides():
    r = _row(egn="5503124568")
    checks.check_egn(r)
    assert "egn" in r.review
    r = _row(egn="5503124568")
    r.alts["egn"] = ["5503124569"]  # the valid one of 550312456x
    checks.check_egn(r)
    assert r.values["egn"] == "5503124569"


def test_column_total_mismatch_flags_unproven_fields():
    rows = [_row(gross_pay="100.00"), _row(gross_pay="200.00")]
    checks.check_totals(rows, {"gross_pay": "310.00"}, ["gross_pay"])
    assert all("gross_pay" in r.review for r in rows)
    assert sum(Decimal(str(r.values["gross_pay"])) for r in rows) == Decimal("300.00")


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("ДСО „Мототехника: Русе", "ДСО „Мототехника“ Русе"),  # closing quote read as a colon
        ("Завод: „Електроника“ София", "Завод „Електроника“ София"),
        ("ЗПК „Единство“ с „Бистрица", "ЗПК „Единство“ с. Бистрица"),  # stray quote, village dot lost
        ("Комбинат „Пирин“ Бпагоевград", "Комбинат „Пирин“ Благоевград"),  # one letter off a town
        ('ДФ "Родопа" Смолян я', "ДФ „Родопа“ Смолян"),  # straight quotes, dust read as a letter
        ("-ЗПК „Единство“ с. Бистрица", "ЗПК „Единство“ с. Бистрица"),  # a speck read as a dash
        ("ДФ „Родопа“.Смолян", "ДФ „Родопа“ Смолян"),  # ... as a full stop between two words
        ("„Родопа-94“ ЕООД – Ловеч", "„Родопа-94“ ЕООД – Ловеч"),  # the name's own dashes stay
        ("„Балкантурист – Слънчев бряг. АД", "„Балкантурист – Слънчев бряг“ АД"),  # closing quote as "."
        ("ДП.,Пътно поддържане“ – Монтана", "ДП „Пътно поддържане“ – Монтана"),  # opening quote as ".,"
        ("ТКЗС „Н. Вапцаров“ – с. Горна Липница", "ТКЗС „Н. Вапцаров“ – с. Горна Липница"),  # an initial
        ("ЕТ „Вели > 2“ с. Черноочене", "ЕТ „Вели – 2“ с. Черноочене"),  # the dash read as ">"
        ("Тухларна „Искър“ гр.Нови Искър", "Тухларна „Искър“ гр. Нови Искър"),
        ("„Стомана“ АД – гр. Перник В", "„Стомана“ АД – гр. Перник"),  # a stamp's letter
        ("АФ „Родопа“ Смолян", "ДФ „Родопа“ Смолян"),  # one letter of the legal form misread
        ("„Балкантурист. – Слънчев бряг“. АД", "„Балкантурист – Слънчев бряг“ АД"),
    ],
)
def test_employer_name_cleaning(read, printed):
    from ocr.geometry import Box, Word
    from ocr.header import clean_employer

    assert clean_employer([Word(t, 0.9, Box(0, 0, 1, 1)) for t in read.split()]) == printed


def test_month_carried_over_two_sheets_is_read_without_the_carried_row(tmp_path: Path, ocr_engine: OcrEngine):
    from samples.generate import Options, generate_pages

    pages = generate_pages(tmp_path, 2, 21, options=Options(hard=frozenset({"carried"})))
    for png in pages:
        truth = PayrollPage.load(png.with_suffix(".json"))
        got = extract_image(cv2.imread(str(png), cv2.IMREAD_UNCHANGED), image_name=png.name, engine=ocr_engine)
        assert [r.row for r in got.rows] == [r.row for r in truth.rows]  # "От пренос" is not a person
        for t, g in match_rows(truth.rows, got.rows):
            assert g is not None
            for f in SCORED_FIELDS:
                assert getattr(t, f) == getattr(g, f) or f in (g.review or [])


def test_two_sheets_on_one_scan_are_read_as_one_page(tmp_path: Path, ocr_engine: OcrEngine):
    from samples.generate import Options, generate_pages

    png = generate_pages(tmp_path, 1, 3, options=Options(hard=frozenset({"two_sheets"})))[0]
    truth = PayrollPage.load(png.with_suffix(".json"))
    img = cv2.imread(str(png), cv2.IMREAD_UNCHANGED)
    assert img.shape[1] > img.shape[0] and truth.rows[0].bbox[0] < img.shape[1] / 2 < truth.rows[-1].bbox[0]
    got = extract_image(img, image_name=png.name, engine=ocr_engine)
    assert [r.row for r in got.rows] == [r.row for r in truth.rows]
    for t, g in match_rows(truth.rows, got.rows):
        assert g is not None
        for f in SCORED_FIELDS:
            assert getattr(t, f) == getattr(g, f) or f in (g.review or [])


def test_short_month_misread_by_one_letter_is_read_where_a_month_must_stand():
    from ocr.geometry import Box, Word
    from ocr.header import parse_header

    words = [
        Word(t, 0.9, Box(100 * i, 0, 100 * i + 80, 40))
        for i, t in enumerate(["за", "м.", "Фни", "1995", "г."])
    ]
    h = parse_header(words, 3000)
    assert (h.year, h.month) == (1995, 6)
    words = [Word(t, 0.9, Box(100 * i, 0, 100 * i + 80, 40)) for i, t in enumerate(["Фни", "1995"])]
    assert parse_header(words, 3000).month is None  # out of place, three letters must match exactly


@dataclass
class FakeEngine:
    """Stands in for tesseract: reads through ``inner`` (nothing without one), reports ``turns`` as the
    page's orientation, and notes what it was asked."""

    inner: OcrEngine | None = None
    turns: int = 0
    asked: list[str] = field(default_factory=list)

    def words(self, image, *, psm=6, whitelist=None, offset=(0, 0)) -> list[Word]:
        self.asked.append("words")
        return self.inner.words(image, psm=psm, whitelist=whitelist, offset=offset) if self.inner else []

    def figures(self, image, *, whitelist) -> list[Word]:
        self.asked.append("figures")
        return self.inner.figures(image, whitelist=whitelist) if self.inner else []

    def orientation(self, gray, *, dpi) -> int:
        self.asked.append("orientation")
        return self.turns


def test_a_sheet_nothing_can_be_read_from_fails_the_page_after_every_orientation():
    engine = FakeEngine()
    img = np.ascontiguousarray(np.rot90(cv2.imread(str(PAGES[0]), cv2.IMREAD_UNCHANGED), 1))  # fed sideways
    assert not upright_at_a_glance(img, None)
    with pytest.raises(ExtractionError, match="не е намерена таблица с редове"):
        extract_image(img, image_name=PAGES[0].name, engine=engine)
    assert engine.asked.count("orientation") == 2  # the detector was asked before giving up
    # read as given, then turned 1, 3 and 2 quarter turns, and the right half of a landscape
    # reading (two sheets side by side?): nothing more
    assert engine.asked.count("words") == 5


def test_an_upright_sheet_that_reads_nothing_is_not_read_turned():
    """Upright at a glance (lines across, the writing in the upper part): a reading without a valid ЕГН
    is a face or a grid the reader misses, not a page fed turned; three turned readings and their halves
    cost three times plain tesseract's CPU (issue 9, family J) and cannot give the sheet."""
    engine = FakeEngine()
    img = cv2.imread(str(PAGES[0]), cv2.IMREAD_UNCHANGED)
    assert upright_at_a_glance(img, None)
    with pytest.raises(ExtractionError, match="не е намерена таблица с редове"):
        extract_image(img, image_name=PAGES[0].name, engine=engine)
    assert engine.asked.count("orientation") == 0
    # read once (a portrait sheet: no two sheets side by side), and once more by the grid of its writing's lines
    # and columns where its rules' grid gave no row (tests/test_unruled_retry.py)
    assert engine.asked.count("words") == 2
    assert upright_at_a_glance(np.ascontiguousarray(np.rot90(img, 2)), None) is False  # upside down


def test_of_two_halves_the_right_is_read_first_and_alone_when_it_is_no_sheet(monkeypatch):
    """Two sheets side by side need both halves to be sheets: the right half of one wide sheet (figures,
    no names nor row numbers) is read first, and the left half is then not read at all."""
    from ocr import extract

    img = np.full((1000, 2000), 255, np.uint8)
    img[:, 1000:] = 200  # the right half told apart by its paper
    read: list[int] = []

    def fake_read_page(part, **_):
        read.append(int(part[0, 0]))
        return PayrollPage(image="x")

    monkeypatch.setattr(extract, "read_page", fake_read_page)
    assert extract._two_sheets(img, "x", 300, PayrollPage(image="x"), True, FakeEngine()) is None
    assert read == [200]


def test_upside_down_page_is_read_when_the_orientation_detector_is_unsure(first_page, ocr_engine: OcrEngine):
    truth, _, img = first_page
    turned = np.ascontiguousarray(np.rot90(img, 2))
    got = extract_image(turned, image_name="turned.png", engine=FakeEngine(inner=ocr_engine, turns=0))
    s = Score()
    s.add(truth, got)
    assert s.accuracy >= 0.9


def test_extract_reads_with_the_model_the_settings_name(tmp_path: Path):
    env = {"ARCHIVE_OCR_LANG": "no-such-model", "ARCHIVE_DATA_DIR": str(tmp_path / "data")}
    res = CliRunner().invoke(cli, ["extract", str(PAGES[1]), "--out", str(tmp_path / "out"), "--jobs", "1"], env=env)
    assert res.exit_code == 8
    assert "no-such-model" in res.stderr and not (tmp_path / "out" / f"{PAGES[1].stem}.json").exists()


def test_two_images_of_one_name_are_refused_before_anything_is_read(tmp_path: Path, capsys):
    """`archive extract a/page-0001.png b/page-0001.png --out DIR` wrote both to DIR/page-0001.json, the second over
    the first, and said "3 of 3 pages written": a page lost without a word. Now one clear line, nothing written."""
    import shutil

    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        shutil.copy(PAGES[1], tmp_path / d / "page-0001.png")
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as stop:
        archive_main(["extract", str(tmp_path / "a" / "page-0001.png"), str(tmp_path / "b"), "--out", str(out)])
    assert stop.value.code != 0
    err = capsys.readouterr().err
    assert "page-0001.json" in err and len(err.strip().splitlines()) == 1
    assert not out.exists() or not any(out.iterdir())


def test_the_bench_counts_a_wrong_employer_or_period_that_carries_no_doubt():
    """A wrong employer name or period is silent unless the reader doubted it (employer.review) or left it
    unread or doubted it (a missing month, or a year read twice differently, sends the page's rows to
    review): the bench says how many pages are so."""
    truth = PayrollPage.model_validate(
        {"image": "p.png", "employer": {"name": "ТКЗС „Родина“"}, "period": {"year": 1985, "month": 6}}
    )
    cases = [  # (extraction's employer, its doubt, its period) -> (employer silent, period silent)
        (("ТКЗС „Родина“", None, (1985, 6)), (0, 0)),
        (("ТКЗС „Родииа“", None, (1985, 7)), (1, 1)),
        (("ТКЗС „Родииа“", "„Родииа“ неуверено разчетено", (1985, None)), (0, 0)),
        (("ТКЗС „Родина“", None, (1983, 6, "годината е прочетена „1983“, при втори прочит „1985“")), (0, 0)),
    ]
    for (name, doubt, (year, month, *period_doubt)), expected in cases:
        got = PayrollPage.model_validate(
            {"image": "p.png", "employer": {"name": name, "review": doubt},
             "period": {"year": year, "month": month, "review": (period_doubt or [None])[0]}}
        )
        s = Score()
        s.add(truth, got)
        assert (s.employer_silent, s.period_silent) == expected
