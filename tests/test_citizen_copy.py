"""Citizen copies (certificates/citizen_copy.py, certificates/copies.py, the API route, the CLI): the
geometry follows a skewed sheet, nothing of another row shows, a neighbour's ЕГН planted by the
requester's row is hidden or the copy refused, the PDF carries the image only, refusals reach the
staff queue."""

from __future__ import annotations

import functools
import io
import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pdfplumber
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import select

from archive_api.app import create_app
from archive_core.config import Settings
from archive_core.db import CopyRequest, Page, open_database
from archive_core.records import PageStatus, PayrollPage
from archive_core.storage import open_store
from bench.citizen_copies import ink_mask, measure, poly_mask
from certificates.citizen_copy import (
    CROSSES_ROW,
    LEAK_CHECK_FAILED,
    ROW_NOT_FOUND,
    CopyRefused,
    PageRow,
    band_polygon,
    engine_reader,
    find_leaks,
    make_copy,
    map_points,
    page_layout,
    redact,
    seam,
)
from ocr.engine import engine_from_settings
from samples import degrade
from samples.generate import Options, generate_pages

from .web_helpers import token_client

WHY = {"purpose": "person_request", "purpose_text": "заявление за копие"}

OWN = 3  # the requester's row (index) on the test sheet


# --------------------------------------------------------------------------- geometry


def test_seam_follows_a_slanted_gap_between_two_lines_of_ink() -> None:
    h, w = 60, 400
    cost = np.zeros((h, w))
    for x in range(w):  # two slanted bands of "ink", a gap between them that climbs 10 px
        gap = 30 - x * 10 // w
        cost[: gap - 4, x] = 50
        cost[gap + 4 :, x] = 50
    path = seam(cost)
    assert all(cost[path[x], x] == 0 for x in range(w)), "the seam crosses ink"
    assert np.all(np.abs(np.diff(path)) <= 1)


def test_band_polygon_and_mapping_round_trip() -> None:
    top, bottom = np.full(50, 10), np.full(50, 30)
    poly = band_polygon(top, bottom, 100, step=10)
    assert poly[0].tolist() == [100, 10] and [149, 10] in poly.tolist() and poly[-1].tolist() == [100, 30]
    m = cv2.getRotationMatrix2D((500, 500), 1.5, 1.0)
    back = map_points(map_points(poly, m), cv2.invertAffineTransform(m))
    assert np.allclose(back, poly)


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> tuple[np.ndarray, PayrollPage]:
    """A clean ruled sheet turned by 1.6° (a 3000 px row moves ~80 px across the page), its truth
    polygons turned with it."""
    out = tmp_path_factory.mktemp("sheet")
    path = generate_pages(out, 1, 11, options=Options(degraded=False, unruled_share=0.0))[0]
    gray = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    truth = PayrollPage.load(path.with_suffix(".json"))
    turned, m = degrade.skew(gray.astype(np.float32), 1.6, 255.0)
    for r in truth.rows:
        assert r.polygon and r.bbox
        r.polygon = np.round(degrade.map_points(np.array(r.polygon), m)).astype(int).tolist()
        r.bbox = degrade.map_box(r.bbox, m)
    return degrade.to_uint8(turned), truth


def rows_of(truth: PayrollPage) -> list[PageRow]:
    return [PageRow.from_json(r.model_dump()) for r in truth.rows]


def test_redaction_follows_a_skewed_sheet(sheet: tuple[np.ndarray, PayrollPage]) -> None:
    gray, truth = sheet
    layout = page_layout(gray)
    assert abs(layout.angle + 1.6) < 0.2 or abs(layout.angle - 1.6) < 0.2
    for own in (0, OWN, len(truth.rows) - 1):
        egn = truth.rows[own].egn
        assert egn
        copy = redact(gray, layout, rows_of(truth), egn)
        worst, visible = measure(gray, copy.image, truth, own, ink_mask(gray))
        assert worst <= 20, f"row {own + 1}: {worst} ink pixels of another row visible"
        assert visible >= 0.99, f"row {own + 1}: only {visible:.1%} of the own row visible"
        # the kept row is a slanted polygon, not a level box: its top edge climbs with the page
        poly = copy.own[0]
        top = poly[: len(poly) // 2]
        assert abs(top[-1][1] - top[0][1]) > 40


def _densify(polygon: list[list[int]], step: float = 5.0) -> np.ndarray:
    pts = np.asarray(polygon, dtype=np.float64)
    out = []
    for a, b in zip(pts, np.roll(pts, -1, axis=0), strict=True):
        n = max(1, int(np.hypot(*(b - a)) / step))
        out += [a + (b - a) * t for t in np.arange(n) / n]
    return np.array(out)


def test_copies_follow_ruling_that_curls_up_at_the_tables_edge(sheet: tuple[np.ndarray, PayrollPage]) -> None:
    """The sheet's left edge lifted off the glass: near the table's left edge every rule climbs by up to
    30 px, too steep for the page's long-rule finder. Each copy still shows nothing of the next row there
    and all of the requester's own (or is refused for staff)."""
    gray, truth = sheet
    h, w = gray.shape
    reach, lift = 0.3 * w, 30.0

    def d(x: np.ndarray) -> np.ndarray:  # how far the content at column x moves up
        return lift * np.clip((reach - x) / reach, 0.0, 1.0) ** 2

    xs = np.arange(w, dtype=np.float32)
    map_x = np.broadcast_to(xs, (h, w)).astype(np.float32)
    map_y = (np.arange(h, dtype=np.float32)[:, None] + d(xs)[None, :]).astype(np.float32)
    curled = cv2.remap(gray, map_x, map_y, cv2.INTER_LINEAR, borderValue=255)
    bent = truth.model_copy(deep=True)
    for r in bent.rows:
        assert r.polygon
        pts = _densify(r.polygon)
        pts[:, 1] -= d(pts[:, 0])
        r.polygon = np.round(pts).astype(int).tolist()
    layout = page_layout(curled)
    issued = 0
    for own in range(len(bent.rows)):
        egn = bent.rows[own].egn
        assert egn
        try:
            copy = redact(curled, layout, rows_of(truth), egn)
        except CopyRefused:
            continue
        issued += 1
        worst, visible = measure(curled, copy.image, bent, own, ink_mask(curled))
        assert worst <= 20, f"row {own + 1}: {worst} ink pixels of another row visible"
        assert visible >= 0.99, f"row {own + 1}: only {visible:.1%} of the own row visible"
    assert issued >= len(bent.rows) // 2, f"only {issued} of {len(bent.rows)} copies issued"


def test_a_stamp_across_the_row_never_costs_the_requester_their_own_text(
    sheet: tuple[np.ndarray, PayrollPage],
) -> None:
    """A stamp pressed over the requester's row and the next, touching their typed text: the copy either
    keeps all of their row (the stamp aside) and nothing of the next, or is refused for staff."""
    gray, truth = sheet
    poly = np.array(truth.rows[OWN].polygon)
    x0, x1, y = own_row_y(truth, OWN)
    height = int(poly[:, 1].max() - poly[:, 1].min())
    stamped = gray.copy()
    centre = ((x0 + x1) // 2, int(poly[:, 1].max()))  # on the rule under the row
    for r in (int(1.4 * height), int(1.0 * height)):
        cv2.circle(stamped, centre, r, 140, 5)
    ring = np.zeros(gray.shape, np.uint8)
    cv2.circle(ring, centre, int(1.4 * height) + 8, 1, -1)
    egn = truth.rows[OWN].egn
    assert egn
    try:
        copy = redact(stamped, page_layout(stamped), rows_of(truth), egn)
    except CopyRefused as e:
        assert e.reason == CROSSES_ROW
        return
    marked = truth.model_copy(deep=True)
    marked.marks = [{"kind": "stamp", "row": None, "polygon": cv2.findContours(
        ring, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)[0][0][:, 0, :].tolist()}]  # fmt: skip
    worst, visible = measure(stamped, copy.image, marked, OWN, ink_mask(stamped))
    assert visible >= 0.99, f"only {visible:.1%} of the requester's row left beside the stamp"
    assert worst <= 20, f"{worst} ink pixels of another row visible"


ROWS = [
    PageRow(egn="7501020018", name="Иван Петров Стоянов", figures=("245.60", "1204.35")),
    PageRow(egn="6203154477", name="Мария Георгиева Колева", figures=("312.80", "987.10")),
]


def test_leak_check_refuses_what_is_another_rows_and_passes_the_requesters_own_misread() -> None:
    """A deny-list: the requester's own figures and name, however misread, pass; the neighbour's ЕГН,
    name (one letter misread) or pay, or any other valid ЕГН, refuse the copy."""
    egn = ROWS[0].egn
    assert egn
    own_misread = ["Иван", "Петроб", "Стоянов", "7501020018", "245.80", "1204.36", "Всичко", "5.00"]
    assert find_leaks(own_misread, ROWS, egn) == []
    assert find_leaks([*own_misread, "6203154477"], ROWS, egn) != []
    assert find_leaks([*own_misread, "Георгиеба"], ROWS, egn) == ["име от ред 2"]
    assert find_leaks([*own_misread, "987,10"], ROWS, egn) == ["сума от ред 2"]
    assert find_leaks([*own_misread, "8001010008"], ROWS, egn) == ["ЕГН, което не е на заявителя"]


# --------------------------------------------------------------------------- a neighbour's ЕГН planted


def plant(
    gray: np.ndarray, text: str, x: int, y: int, size: int = 40
) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    im = Image.fromarray(gray.copy())
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", size)
    d = ImageDraw.Draw(im)
    d.text((x, y), text, font=font, fill=20)
    box = d.textbbox((x, y), text, font=font)
    return np.asarray(im), (int(box[0]), int(box[1]), int(box[2]), int(box[3]))


def free_spot(gray: np.ndarray, truth: PayrollPage, own: int) -> tuple[int, int]:
    """The left end and height of the longest blank stretch on the middle line of row ``own``."""
    poly = np.array(truth.rows[own].polygon)
    upper, lower = poly[: len(poly) // 2], poly[len(poly) // 2 :][::-1]
    best: tuple[int, int, int] = (0, 0, 0)  # (length, x, y)
    run: tuple[int, int, int] | None = None
    for x in range(int(upper[0, 0]) + 20, int(upper[-1, 0]) - 20, 4):
        y = int((np.interp(x, upper[:, 0], upper[:, 1]) + np.interp(x, lower[:, 0], lower[:, 1])) / 2)
        if (gray[y - 22 : y + 22, x : x + 4] > 200).all():
            run = (run[0] + 4, run[1], run[2]) if run else (4, x, y)
            best = max(best, run)
        else:
            run = None
    assert best[0] >= 160, "no room on the row for the note"
    return best[1] + 10, best[2]


def own_row_y(truth: PayrollPage, own: int) -> tuple[int, int, int]:
    poly = np.array(truth.rows[own].polygon)
    return int(poly[:, 0].min()), int(poly[:, 0].max()), int(poly[:, 1].mean())


@pytest.mark.slow
def test_neighbours_egn_in_the_margin_is_hidden_or_the_copy_refused(
    sheet: tuple[np.ndarray, PayrollPage],
) -> None:
    gray, truth = sheet
    neighbour = truth.rows[OWN + 1].egn
    egn = truth.rows[OWN].egn
    assert neighbour and egn
    x0, x1, y = own_row_y(truth, OWN)
    page, box = plant(gray, neighbour, x1 + 16, y - 20, size=30)  # right margin, level with the own row
    read = engine_reader(engine_from_settings(Settings()))
    try:
        copy = make_copy(page, rows_of(truth), egn, read=read, totals=list(truth.totals.values()))
    except CopyRefused as e:
        assert e.reason == LEAK_CHECK_FAILED
        return
    bx0, by0, bx1, by1 = box
    planted = page[by0:by1, bx0:bx1] != gray[by0:by1, bx0:bx1]  # the note's own pixels
    assert not (copy.image[by0:by1, bx0:bx1][planted] > 0).any(), "the planted ЕГН shows in the copy"
    assert neighbour not in "".join(copy.read)


@pytest.mark.slow
def test_neighbours_egn_written_inside_the_own_row_refuses_the_copy(
    sheet: tuple[np.ndarray, PayrollPage],
) -> None:
    """Writing inside the requester's row cannot be told from theirs by geometry: the leak check reads
    the copy and refuses it."""
    gray, truth = sheet
    neighbour, egn = truth.rows[OWN + 1].egn, truth.rows[OWN].egn
    assert neighbour and egn
    x, y = free_spot(gray, truth, OWN)
    blank = gray.copy()
    blank[y - 24 : y + 24, x : x + 230] = 255  # room made on the line (a cell's content rubbed out)
    page, _ = plant(blank, neighbour, x, y - 18, size=34)
    with pytest.raises(CopyRefused) as e:
        make_copy(page, rows_of(truth), egn, read=engine_reader(engine_from_settings(Settings())))
    assert e.value.reason == LEAK_CHECK_FAILED


# --------------------------------------------------------------------------- route, PDF, staff queue, CLI


@pytest.fixture
def stored(settings: Settings, sheet: tuple[np.ndarray, PayrollPage]) -> tuple[Settings, str, PayrollPage]:
    gray, truth = sheet
    ok, png = cv2.imencode(".png", gray)
    assert ok
    sha = open_store(settings).put(png.tobytes(), content_type="image/png")
    db = open_database(settings)
    extraction = json.loads(truth.to_json())
    with db.Session.begin() as s:
        s.add(
            Page(sha256=sha, source="sheet.png", status=PageStatus.done.value, size_bytes=len(png),
                 extraction=extraction, width=gray.shape[1], height=gray.shape[0])
        )  # fmt: skip
    db.dispose()
    return settings, sha, truth


@pytest.mark.slow
def test_pdf_copy_is_image_only_and_shows_nothing_of_other_rows(
    stored: tuple[Settings, str, PayrollPage],
) -> None:
    settings, sha, truth = stored
    egn = truth.rows[OWN].egn
    client = token_client(create_app(settings), "clerk", "clerk")
    r = client.get(f"/api/pages/{sha}/citizen-copy", params={"egn": egn, "format": "pdf", **WHY})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    others = [x for i, x in enumerate(truth.rows) if i != OWN]
    secrets = [s for x in others for s in (x.egn, x.name, x.gross_pay, x.net_pay) if s]
    with pdfplumber.open(io.BytesIO(r.content)) as pdf:
        assert len(pdf.pages) == 1
        assert (pdf.pages[0].extract_text() or "").strip() == ""
        assert not pdf.pages[0].chars
        meta = json.dumps(pdf.metadata, ensure_ascii=False, default=str)
    doc = pdfium.PdfDocument(r.content)
    assert all(not v for v in doc.get_metadata_dict().values())
    assert doc[0].get_textpage().get_text_range().strip() == ""
    kinds = {obj.type for obj in doc[0].get_objects()}
    assert kinds == {pdfium.raw.FPDF_PAGEOBJ_IMAGE}
    raw = r.content.decode("latin-1")
    for s in secrets:
        assert s not in meta and s not in raw
    # the rendered page: every other row's polygon black, the own row there
    shown = np.asarray(doc[0].render(scale=300 / 72).to_pil().convert("L"))
    h, w = shown.shape
    for i, x in enumerate(truth.rows):
        mask = poly_mask((h, w), x.polygon or [])
        inner = cv2.erode(mask.astype(np.uint8), np.ones((9, 9), np.uint8)) > 0
        if i == OWN:
            assert np.median(shown[inner]) > 150
        else:
            assert (shown[inner] < 40).mean() > 0.99, f"row {i + 1} not black in the PDF"


@pytest.mark.slow
def test_png_route_and_refusals_go_to_the_staff_queue(stored: tuple[Settings, str, PayrollPage]) -> None:
    settings, sha, truth = stored
    client = token_client(create_app(settings), "clerk", "clerk")
    r = client.get(f"/api/pages/{sha}/citizen-copy", params={"egn": truth.rows[OWN].egn, **WHY})
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    im = np.asarray(Image.open(io.BytesIO(r.content)).convert("L"))
    assert im.shape == (3508, 2480) or im.shape == (2480, 3508)
    r = client.get(f"/api/pages/{sha}/citizen-copy", params={"egn": "6001052020", **WHY})  # not on this page
    assert r.status_code == 404 and "служител" in r.json()["detail"]
    assert client.get(f"/api/pages/{sha}/citizen-copy", params={"egn": "12", **WHY}).status_code == 422
    db = open_database(settings)
    with db.Session() as s:
        queued = s.scalars(select(CopyRequest)).all()
    db.dispose()
    assert [(q.page_sha256, q.egn, q.reason, q.status) for q in queued] == [
        (sha, "6001052020", ROW_NOT_FOUND, "open")
    ]


def run_cli(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    """`archive citizen-copy ARGS` as a real process (`python -m archive_cli`) on the data dir ``env_dir``."""
    import os

    env = {
        **os.environ,
        "ARCHIVE_DATA_DIR": str(env_dir),
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
    }
    return subprocess.run(
        [sys.executable, "-m", "archive_cli", "citizen-copy", *args],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def call_cli(
    *args: str, env_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """`archive citizen-copy ARGS` through the command's own entry point (archive_cli.main.main: its exit codes and
    one-line errors) in this process, without an interpreter's start and imports per call: its exit code and stderr."""
    from archive_cli.main import main

    monkeypatch.setenv("ARCHIVE_DATA_DIR", str(env_dir))
    capsys.readouterr()
    with pytest.raises(SystemExit) as e:
        main(["citizen-copy", *args])
    code = e.value.code
    return (code if isinstance(code, int) else 1), capsys.readouterr().err


@pytest.mark.slow
def test_cli_writes_png_and_pdf_and_refuses_bad_input(
    stored: tuple[Settings, str, PayrollPage],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings, sha, truth = stored
    egn = truth.rows[OWN].egn
    assert egn
    data = settings.data_dir
    cli = functools.partial(call_cli, env_dir=data, monkeypatch=monkeypatch, capsys=capsys)
    for name in ("copy.png", "copy.pdf"):
        code, err = cli(sha, "--egn", egn, "--out", str(tmp_path / name))
        assert code == 0, err
    assert (tmp_path / "copy.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "copy.pdf").read_bytes().startswith(b"%PDF")
    for args in (
        ("nope", "--egn", egn, "--out", str(tmp_path / "x.png")),
        (sha, "--egn", "123", "--out", str(tmp_path / "x.png")),
        (sha, "--egn", egn, "--out", str(tmp_path / "x.txt")),
    ):
        code, err = cli(*args)
        assert code == 2, (args, err)
        assert len(err.strip().splitlines()) == 1, err
    # one real process of the command: a copy refused (no such ЕГН on the page) exits 4 with one line on stderr
    p = run_cli(sha, "--egn", "6001052020", "--out", str(tmp_path / "x.png"), env_dir=data)
    assert p.returncode == 4, p.stderr
    assert len(p.stderr.strip().splitlines()) == 1, p.stderr
    assert not (tmp_path / "x.png").exists()
