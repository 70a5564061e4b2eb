"""Capture as an operator meets it: scanners (SANE, eSCL), checks at capture, the same sheet twice,
separator sheets, born-digital payrolls. The OCR is the tests' fake (ground truth by image name)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path, PurePath

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image
from sqlalchemy import select

from archive_core.config import Settings
from archive_core.db import Batch, Page, Record, open_database
from archive_core.hashing import sha256_hex
from archive_core.records import PageStatus, PayrollPage
from bench.capture_checks import blank_page, cut_off, rescan, skewed, too_light
from ingest.backends import open_backends
from ingest.pipeline import BatchInfo, ingest_captures, ingest_paths
from samples.generate import generate_pages
from scanner_drivers import orientation
from scanner_drivers.base import CapturedPage
from scanner_drivers.capture_checks import check_rotation
from scanner_drivers.escl import EsclDriver
from scanner_drivers.files import FileDriver

from .born_digital_files import write_csv, write_pdf, write_pdf_pages, write_xlsx
from .escl_server import EsclServer
from .test_ingest import FakeOcr, cli_env, fake_ocr, page_image, run_cli, truth_for

__all__ = ["cli_env", "fake_ocr"]  # fixtures


@pytest.fixture(scope="module")
def sheets(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Five generated payroll sheets (300 dpi) with their ground truth beside them."""
    return generate_pages(tmp_path_factory.mktemp("sheets"), 5, 11)


def png(arr: np.ndarray, dpi: int = 300) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, format="PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def gray(path: Path) -> np.ndarray:
    return np.asarray(cv2.imread(str(path), cv2.IMREAD_GRAYSCALE), dtype=np.uint8)


def truth(path: Path) -> PayrollPage:
    return PayrollPage.load(path.with_suffix(".json"))


def _pages(settings: Settings) -> list[Page]:
    db = open_database(settings)
    try:
        with db.Session() as s:
            return list(s.scalars(select(Page).order_by(Page.batch_seq)))
    finally:
        db.dispose()


def _records(settings: Settings) -> list[Record]:
    db = open_database(settings)
    try:
        with db.Session() as s:
            return list(s.scalars(select(Record)))
    finally:
        db.dispose()


def _checks(page: Page) -> set[str]:
    return {f["check"] for f in (page.capture_checks or {}).get("findings", [])}


# --------------------------------------------------------------------------------------------------
# Checks at capture


def test_bad_scans_are_each_caught_with_a_reason(settings: Settings, fake_ocr: FakeOcr, sheets: list[Path]) -> None:
    rng = np.random.default_rng(3)
    good = gray(sheets[0])
    cases = {
        "good.png": png(good),
        "blank.png": png(blank_page(good, rng)),
        "upside-down.png": png(np.ascontiguousarray(np.rot90(gray(sheets[1]), 2))),
        "150dpi.png": png(cv2.resize(gray(sheets[2]), None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA), 150),
        "cut-off.png": png(cut_off(gray(sheets[3]))),
        "turned.png": png(np.ascontiguousarray(np.rot90(gray(sheets[4]), 1))),
        "skewed.png": png(skewed(gray(sheets[2]))),
        "too-light.png": png(too_light(gray(sheets[3]))),
    }
    for name in cases:
        fake_ocr.truth[name] = truth(sheets[0])
    captures = [CapturedPage(data, "image/png", name) for name, data in cases.items()]
    summary = ingest_captures(open_backends(settings), captures, BatchInfo("Керамика", "1"))
    pages = {p.source: p for p in _pages(settings)}
    assert _checks(pages["good.png"]) == set()  # a good page is never flagged
    assert _checks(pages["blank.png"]) >= {"blank"} and pages["blank.png"].status == PageStatus.rejected
    assert "празна страница" in (pages["blank.png"].error or "")  # kept out, with a record it was there
    assert _checks(pages["upside-down.png"]) == {"rotation"}
    assert pages["upside-down.png"].capture_checks["quarter_turns"] == 2
    assert _checks(pages["150dpi.png"]) == {"resolution"}
    assert _checks(pages["cut-off.png"]) == {"cut_off"}
    assert _checks(pages["turned.png"]) == {"rotation"} and pages["turned.png"].capture_checks["quarter_turns"] == 3
    assert "skew" in _checks(pages["skewed.png"])
    assert "too_light" in _checks(pages["too-light.png"]) and "твърде светла" in (pages["too-light.png"].error or "")
    # the reader got the upside-down page turned upright
    assert "upside-down.png" in fake_ocr.calls and "blank.png" not in fake_ocr.calls
    lines = "\n".join(n.message for n in summary.notes)
    assert "обърнат на 180°" in lines and "150 dpi" in lines and "десния край" in lines
    assert "обърнат на 90°" in lines and "изкривен" in lines
    assert summary.blank == 2 and "2 празни" in summary.line()  # blank, and too light to tell from blank


def test_a_page_whose_orientation_cannot_be_told_is_shown_to_the_operator(monkeypatch: pytest.MonkeyPatch) -> None:
    """The detector unsure, the strip read both ways alike, the writing in the middle of the sheet:
    the page is not turned on a guess, and the operator is told to look at it."""
    text = np.zeros((300, 200), dtype=np.uint8)
    for y in range(20, 280, 12):  # lines of marks that run down the page, evenly from top to bottom
        for x in range(30, 170, 4):
            text[y : y + 6, x : x + 2] = 255
    text = np.ascontiguousarray(np.rot90(text, 1))
    monkeypatch.setattr(orientation, "osd", lambda gray, dpi: (1, 0.4))
    monkeypatch.setattr(orientation, "strip_reading", lambda gray, text, dpi, lang: (61.0, 58.0))
    turns, finding = check_rotation(np.full((600, 900), 255, dtype=np.uint8), text, 300, "any")
    assert turns == 0 and finding is not None and finding.check == "orientation"
    assert "не може да се определи накъде е обърнат листът" in finding.message and "проверете" in finding.message


def test_a_rescan_of_the_same_sheet_gives_its_records_once(
    settings: Settings, fake_ocr: FakeOcr, sheets: list[Path], capsys: pytest.CaptureFixture[str], cli_env: Settings
) -> None:
    first = gray(sheets[0])
    again = rescan(first, np.random.default_rng(5), shift=(5, -3))
    other = gray(sheets[1])  # the next month of the same employer: looks alike, other records
    for name, sheet in (("a.png", sheets[0]), ("a-again.png", sheets[0]), ("b.png", sheets[1])):
        fake_ocr.truth[name] = truth(sheet)
    backends = open_backends(settings)
    ingest_captures(backends, [CapturedPage(png(first), "image/png", "a.png")], BatchInfo("Керамика", "1"))
    # across batches too: the re-scan comes in another employer's file number
    summary = ingest_captures(
        backends,
        [CapturedPage(png(again), "image/png", "a-again.png"), CapturedPage(png(other), "image/png", "b.png")],
        BatchInfo("Керамика", "2"),
    )
    pages = {p.source: p for p in _pages(settings)}
    assert pages["a-again.png"].duplicate_of == pages["a.png"].sha256
    assert pages["b.png"].duplicate_of is None
    by_page = {p: sum(r.page_sha256 == pages[p].sha256 for r in _records(settings)) for p in pages}
    assert by_page == {"a.png": len(truth(sheets[0]).rows), "a-again.png": 0, "b.png": len(truth(sheets[1]).rows)}
    assert summary.held_duplicates == 1 and "същият лист като a.png" in summary.notes[-1].message
    # the operator keeps the re-scan instead: the records move, still once
    code, out, err = run_cli(["duplicates", "keep", pages["a-again.png"].sha256[:12]], capsys)
    assert code == 0, err
    pages = {p.source: p for p in _pages(settings)}
    by_page = {p: sum(r.page_sha256 == pages[p].sha256 for r in _records(settings)) for p in pages}
    assert by_page["a.png"] == 0 and by_page["a-again.png"] == len(truth(sheets[0]).rows)
    assert pages["a.png"].duplicate_of == pages["a-again.png"].sha256


# --------------------------------------------------------------------------------------------------
# Scanners


def test_sane_scan_captures_into_a_batch_through_the_pipeline(
    cli_env: Settings, fake_ocr: FakeOcr, capsys: pytest.CaptureFixture[str]
) -> None:
    assert shutil.which("scanimage"), "sane-utils (scanimage) must be installed: scripts/setup.sh"
    argv = ["scan", "--driver", "sane", "--device", "test:0", "--pages", "2", "--employer", "E", "--file-no", "N"]
    code, out, err = run_cli(argv, capsys)
    assert code == 0, err
    assert "[1] test:0#1" in out and "[2] test:0#2" in out  # a line per page
    assert "твърде тъмна" in out  # SANE's test device scans solid black: the operator is told
    assert out.strip().splitlines()[-1].startswith("Страници: 2 постъпили")
    (page,) = _pages(cli_env)
    assert page.status == PageStatus.done and fake_ocr.calls == ["test:0#1"]


def _sheet_pngs(sheets: list[Path]) -> list[bytes]:
    return [p.read_bytes() for p in sheets]


def test_escl_adf_run_of_several_pages(
    cli_env: Settings, fake_ocr: FakeOcr, sheets: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    with EsclServer(_sheet_pngs(sheets[:3])) as server:
        for i, sheet in enumerate(sheets[:3], start=1):
            fake_ocr.truth[PurePath(f"escl:{server.url.split('//')[1]}#{i}").name] = truth(sheet)
        argv = ["scan", "--driver", "escl", "--url", server.url, "--source", "adf",
                "--employer", "Керамика", "--file-no", "9"]  # fmt: skip
        code, out, err = run_cli(argv, capsys)
        assert code == 0, err
        assert server.state.jobs[0]["InputSource"] == "Feeder" and server.state.jobs[0]["XResolution"] == "300"
    assert "Страници: 3 постъпили, 3 нови" in out
    pages = _pages(cli_env)
    assert [p.batch_seq for p in pages] == [1, 2, 3] and all(p.status == PageStatus.done for p in pages)
    assert len(_records(cli_env)) == sum(len(truth(s).rows) for s in sheets[:3])


def test_escl_jam_is_reported_in_words_and_pages_before_it_are_kept(
    cli_env: Settings, fake_ocr: FakeOcr, sheets: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    with EsclServer(_sheet_pngs(sheets), jam_after=2) as server:
        argv = ["scan", "--driver", "escl", "--url", server.url, "--source", "adf",
                "--employer", "Керамика", "--file-no", "9"]  # fmt: skip
        code, out, err = run_cli(argv, capsys)
    assert code == 6
    assert "след страница 2: лист е заседнал в подаващото устройство" in err
    assert "За да продължите: archive scan --driver escl" in err
    assert "Страници: 2 постъпили, 2 нови" in out
    assert [p.status for p in _pages(cli_env)] == [PageStatus.done, PageStatus.done]


def test_escl_empty_feeder_and_flatbed(sheets: list[Path]) -> None:
    with EsclServer(_sheet_pngs(sheets), adf_empty=True) as server:
        with pytest.raises(Exception, match="подаващото устройство е празно"):
            list(EsclDriver(server.url, source="adf").pages())
        (page,) = list(EsclDriver(server.url, source="flatbed", resolution=300).pages())[:1]
        assert page.content_type == "image/png" and page.dpi == 300
        with pytest.raises(Exception, match="не поддържа 600 dpi"):
            list(EsclDriver(server.url, resolution=600).pages())


# --------------------------------------------------------------------------------------------------
# Separator sheets


def _pdf_page_png(pdf: Path) -> bytes:
    pil = pdfium.PdfDocument(str(pdf))[0].render(scale=300 / 72).to_pil().convert("L")
    buf = io.BytesIO()
    pil.save(buf, format="PNG", dpi=(300, 300))
    return buf.getvalue()


def test_a_separator_starts_the_next_employers_file(
    settings: Settings, fake_ocr: FakeOcr, tmp_path: Path, capsys: pytest.CaptureFixture[str], cli_env: Settings
) -> None:
    code, out, err = run_cli(
        ["separator", "--employer", "Завод „Искра“", "--file-no", "44", "--box", "К-2",
         "--out", str(tmp_path / "sep.pdf")], capsys)  # fmt: skip
    assert code == 0, err
    folder = tmp_path / "scan"
    folder.mkdir()
    page_image(1).save(folder / "01.png", dpi=(300, 300))
    (folder / "02.png").write_bytes(_pdf_page_png(tmp_path / "sep.pdf"))
    page_image(2).save(folder / "03.png", dpi=(300, 300))
    summary = ingest_paths(open_backends(settings), [folder], employer="Керамика", file_no="1")
    assert summary.separators == 1 and summary.pages_in == 2
    db = open_database(settings)
    with db.Session() as s:
        where = {p.source.rsplit("/", 1)[1]: s.get(Batch, p.batch_id) for p in s.scalars(select(Page))}
    assert {k: (b.employer, b.file_no, b.box) for k, b in where.items() if b} == {
        "01.png": ("Керамика", "1", None),
        "03.png": ("Завод „Искра“", "44", "К-2"),
    }


# --------------------------------------------------------------------------------------------------
# Born-digital payrolls


def _records_as_rows(settings: Settings) -> list[tuple[object, ...]]:
    return sorted(
        (r.egn, r.name, r.year, r.month, r.days_worked, *(str(getattr(r, f)) if getattr(r, f) is not None else None
         for f in ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")), tuple(r.review))
        for r in _records(settings)
    )  # fmt: skip


def _truth_rows(t: PayrollPage) -> list[tuple[object, ...]]:
    return sorted(
        (r.egn, r.name, t.period.year, t.period.month, r.days_worked, r.base_pay, r.extra_pay, r.gross_pay,
         r.deductions, r.net_pay, ())
        for r in t.rows
    )  # fmt: skip


@pytest.mark.parametrize("kind", ["pdf", "xlsx", "csv"])
def test_born_digital_payroll_gives_the_sheets_records(
    settings: Settings, fake_ocr: FakeOcr, sheets: list[Path], tmp_path: Path, kind: str
) -> None:
    t = truth(sheets[0])
    path = tmp_path / f"payroll.{kind}"
    {"pdf": write_pdf, "xlsx": write_xlsx, "csv": write_csv}[kind](t, path)
    before = path.read_bytes()
    summary = ingest_paths(open_backends(settings), [path], employer="Керамика", file_no="1")
    assert summary.ok and summary.stored == 1, summary.problems
    assert fake_ocr.calls == []  # no OCR
    assert _records_as_rows(settings) == _truth_rows(t)
    (page,) = _pages(settings)
    assert page.capture_checks["provenance"] == "прочетено от текста на файла"
    assert open_backends(settings).store.get(page.sha256) == before == path.read_bytes()  # untouched


def test_every_page_of_a_text_pdf_is_read_in_order(
    settings: Settings, fake_ocr: FakeOcr, sheets: list[Path], tmp_path: Path
) -> None:
    months = [truth(p) for p in sheets[:3]]
    path = write_pdf_pages(months, tmp_path / "payroll-3-pages.pdf")
    before = path.read_bytes()
    backends = open_backends(settings)
    summary = ingest_paths(backends, [path], employer="Керамика", file_no="1")
    assert summary.ok and summary.stored == 3, summary.problems
    assert fake_ocr.calls == []  # no OCR
    pages = _pages(settings)  # in the file's order
    assert [p.page_no for p in pages] == [1, 2, 3]
    assert [(p.year, p.month) for p in pages] == [(t.period.year, t.period.month) for t in months]
    assert all(p.capture_checks["provenance"] == "прочетено от текста на файла" for p in pages)
    for page, t in zip(pages, months, strict=True):
        mine = [r for r in _records(settings) if r.page_sha256 == page.sha256]
        assert sorted(str(r.egn) for r in mine) == sorted(str(r.egn) for r in t.rows)
    assert _records_as_rows(settings) == sorted(row for t in months for row in _truth_rows(t))
    # the file itself is kept untouched beside its pages
    assert {p.container_sha256 for p in pages} == {sha256_hex(before)}
    assert backends.store.get(sha256_hex(before)) == before == path.read_bytes()
    # the same file again gives the same pages: nothing new
    again = ingest_paths(open_backends(settings), [path], employer="Керамика", file_no="1")
    assert again.stored == 0 and again.duplicates == 3 and [p.sha256 for p in _pages(settings)] == [p.sha256 for p in pages]


def test_born_digital_pdf_whose_total_disagrees_is_flagged(
    settings: Settings, fake_ocr: FakeOcr, sheets: list[Path], tmp_path: Path
) -> None:
    t = truth(sheets[0])
    wrong = dict(t.totals, net_pay=f"{float(t.totals['net_pay']) + 10:.2f}")
    path = write_pdf(t, tmp_path / "payroll.pdf", totals=wrong)
    ingest_paths(open_backends(settings), [path], employer="Керамика", file_no="1")
    records = _records(settings)
    assert records and all("net_pay" in r.review for r in records)  # flagged, as an OCR'd sheet is
    assert {str(r.net_pay) for r in records} == {r.net_pay for r in t.rows}  # and nothing changed


def test_xlsx_with_unknown_headings_uses_the_mapping_file(
    settings: Settings, fake_ocr: FakeOcr, sheets: list[Path], tmp_path: Path
) -> None:
    t = truth(sheets[0])
    path = write_xlsx(t, tmp_path / "payroll.xlsx", headings={"ЕГН": "Личен номер", "Сума за получаване": "Нето"})
    settings.resolved_data_dir.joinpath("column-mapping.json").write_text(
        '{"Личен номер": "egn", "Нето": "net_pay"}', encoding="utf-8"
    )
    ingest_paths(open_backends(settings), [path], employer="Керамика", file_no="1")
    assert _records_as_rows(settings) == _truth_rows(t)


def test_password_protected_pdf_is_refused_with_what_to_do(sheets: list[Path], tmp_path: Path) -> None:
    path = write_pdf(truth(sheets[0]), tmp_path / "locked.pdf", password="тайна")
    (page,) = list(FileDriver([path], max_pixels=120_000_000).pages())
    assert page.problem and "защитен с парола" in page.problem and "подайте" in page.problem


def test_scanned_pdf_without_text_still_goes_to_ocr(tmp_path: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    page_image(1).save(pdf, format="PDF", resolution=100)
    (page,) = list(FileDriver([pdf], max_pixels=120_000_000).pages())
    assert page.content_type == "image/png"


def test_a_page_rescanned_in_place_keeps_the_files_order(
    cli_env: Settings, fake_ocr: FakeOcr, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "file"
    folder.mkdir()
    for i in (1, 2, 3):
        page_image(i).save(folder / f"{i}.png", dpi=(300, 300))
        fake_ocr.truth[f"{i}.png"] = truth_for(f"{i}.png", i)
    page_image(20).save(tmp_path / "2-again.png", dpi=(300, 300))
    fake_ocr.truth["2-again.png"] = truth_for("2-again.png", 2)
    code, out, err = run_cli(["scan", "--driver", "files", str(folder), "--employer", "Е", "--file-no", "1"], capsys)
    assert code == 0, err
    old = next(p for p in _pages(cli_env) if p.source.endswith("/2.png"))
    code, out, err = run_cli(
        ["scan", "--driver", "files", str(tmp_path / "2-again.png"), "--replace", old.sha256[:12],
         "--employer", "Е", "--file-no", "1"], capsys)  # fmt: skip
    assert code == 0, err
    live = [p for p in _pages(cli_env) if p.duplicate_of is None]
    assert [PurePath(p.source).name for p in live] == ["1.png", "2-again.png", "3.png"]
    assert [p.batch_seq for p in live] == [1, 2, 3]
    records = _records(cli_env)
    assert len(records) == 6 and not any(r.page_sha256 == old.sha256 for r in records)
