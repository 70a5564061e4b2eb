"""Scanner drivers: originals untouched, containers split one PNG per page, capture metadata kept."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from archive_core.config import Settings
from archive_core.errors import UsageError
from scanner_drivers import CapturedPage, FileDriver, SaneDriver, ScannerDriver, expand_paths

from .test_ingest import FakeOcr, cli_env, fake_ocr, page_image, run_cli, write_page

__all__ = ["cli_env", "fake_ocr"]  # fixtures

LIMIT = 120_000_000


def _pages(*paths: Path, max_pixels: int = LIMIT) -> list[CapturedPage]:
    return list(FileDriver(list(paths), max_pixels=max_pixels).pages())


def test_png_and_jpeg_are_yielded_untouched(tmp_path: Path) -> None:
    png = write_page(tmp_path / "a.png", 1)
    jpg = write_page(tmp_path / "b.jpg", 2, fmt="JPEG")
    pages = _pages(png, jpg)
    assert [p.image_bytes for p in pages] == [png.read_bytes(), jpg.read_bytes()]
    assert [p.content_type for p in pages] == ["image/png", "image/jpeg"]
    assert [(p.source, p.page_no, p.container_sha256, p.problem) for p in pages] == [
        (str(png), 1, None, None),
        (str(jpg), 1, None, None),
    ]


def test_multipage_tiff_gives_one_png_per_page(tmp_path: Path) -> None:
    tif = tmp_path / "file.tif"
    frames = [page_image(s) for s in (1, 2, 3)]
    frames[0].save(tif, format="TIFF", save_all=True, append_images=frames[1:], dpi=(300, 300))
    pages = _pages(tif)
    assert [p.page_no for p in pages] == [1, 2, 3]
    digest = hashlib.sha256(tif.read_bytes()).hexdigest()
    for p, frame in zip(pages, frames, strict=True):
        assert p.content_type == "image/png" and p.container_sha256 == digest and p.dpi == 300
        im = Image.open(io.BytesIO(p.image_bytes))
        assert im.tobytes() == frame.tobytes()  # lossless


def test_single_page_tiff_is_kept_as_is(tmp_path: Path) -> None:
    tif = tmp_path / "one.tif"
    page_image(5).save(tif, format="TIFF", compression="tiff_lzw")
    (page,) = _pages(tif)
    assert page.image_bytes == tif.read_bytes() and page.content_type == "image/tiff"


def test_pdf_is_rasterised_at_300_dpi(tmp_path: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    frames = [page_image(s) for s in (1, 2)]
    frames[0].save(pdf, format="PDF", save_all=True, append_images=frames[1:], resolution=100)
    pages = _pages(pdf)
    assert [(p.page_no, p.dpi, p.content_type) for p in pages] == [
        (1, 300, "image/png"),
        (2, 300, "image/png"),
    ]
    im = Image.open(io.BytesIO(pages[0].image_bytes))
    assert abs(im.size[0] - 2400) <= 2 and abs(im.size[1] - 3000) <= 2


def test_pdf_page_too_large_is_refused_before_rendering(tmp_path: Path) -> None:
    pdf = tmp_path / "poster.pdf"
    page_image(1).save(pdf, format="PDF", resolution=10)  # 80x100 inches -> 24000x30000 px at 300 dpi
    (page,) = _pages(pdf)
    assert page.problem and "твърде голяма" in page.problem
    assert page.image_bytes == pdf.read_bytes()  # the container, so the ledger can key it


def test_broken_containers_and_missing_files_become_problems(tmp_path: Path) -> None:
    pdf = tmp_path / "broken.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + b"garbage" * 100)
    tif = tmp_path / "broken.tif"
    tif.write_bytes(b"II*\x00" + b"\xff" * 100)
    missing = tmp_path / "missing.png"
    got = _pages(pdf, tif, missing, write_page(tmp_path / "ok.png", 1))
    assert [bool(p.problem) for p in got] == [True, True, True, False]
    assert "PDF" in (got[0].problem or "") and "TIFF" in (got[1].problem or "")
    assert got[2].image_bytes == b"" and "не съществува" in (got[2].problem or "")


def test_expand_paths_takes_page_files_from_folders(tmp_path: Path) -> None:
    for name in ("b.png", "a.tif", "notes.txt", "c.PDF"):
        (tmp_path / name).write_bytes(b"x")
    other = tmp_path / "other.jpeg"
    assert expand_paths([tmp_path, other]) == [
        tmp_path / "a.tif",
        tmp_path / "b.png",
        tmp_path / "c.PDF",
        other,
    ]


def test_drivers_satisfy_the_protocol(tmp_path: Path) -> None:
    assert isinstance(FileDriver([], max_pixels=LIMIT), ScannerDriver)
    assert isinstance(SaneDriver("test:0", pages=1), ScannerDriver)
    with pytest.raises(UsageError):
        SaneDriver("test:0", pages=0)


@pytest.mark.skipif(shutil.which("scanimage") is None, reason="sane-utils not installed")
def test_sane_test_device_scans_pages_as_png() -> None:
    pages = list(SaneDriver("test:0", pages=2, resolution=300).pages())
    assert [(p.page_no, p.dpi, p.content_type, p.source) for p in pages] == [
        (1, 300, "image/png", "test:0#1"),
        (2, 300, "image/png", "test:0#2"),
    ]
    im = Image.open(io.BytesIO(pages[0].image_bytes))
    assert im.size == (944, 1181)  # SANE test device: 80 x 100 mm at 300 dpi


@pytest.mark.skipif(shutil.which("scanimage") is None, reason="sane-utils not installed")
def test_scan_command_ingests_scanned_pages(
    cli_env: Settings, fake_ocr: FakeOcr, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["scan", "--device", "test:0", "--pages", "2", "--employer", "Завод", "--file-no", "5"]
    code, out, err = run_cli(argv, capsys)
    assert code == 0, err
    # The SANE test device returns the same picture twice: one page, one duplicate.
    assert "2 постъпили, 1 нови, 1 повторни, 0 отхвърлени" in out
    assert fake_ocr.calls == ["test:0#1"]


@pytest.mark.skipif(shutil.which("scanimage") is None, reason="sane-utils not installed")
def test_scan_from_a_missing_device_is_one_clear_line(
    cli_env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["scan", "--device", "nosuch:0", "--employer", "Завод", "--file-no", "5"]
    code, out, err = run_cli(argv, capsys)
    assert code == 3
    lines = [ln for ln in err.splitlines() if ln.strip() and "Приемане" not in ln]  # not progress bars
    assert len(lines) == 1 and "nosuch:0" in lines[0] and "не сканира" in lines[0]
