"""Fixtures shared by every test folder. Each test gets its own data dir and Settings (no globals)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import cv2
import pytest
from PIL import Image

from archive_core import egn as egn_mod
from archive_core.config import Settings
from archive_core.db import Database, open_database
from archive_core.protocols import RecordIndex
from archive_core.records import PayrollPage
from bench.scoring import Score
from indexer.backend import open_index
from ocr.engine import OcrEngine, engine_from_settings
from ocr.extract import extract_image
from tests.servers_sql import pg_database_url, postgres_server, redis_server, redis_url  # noqa: F401

# The fixtures just imported are defined here once for every test folder: a module that imported them itself
# would get a session PostgreSQL (initdb, start: 3-6 s) or Redis of its own (six did: six clusters a run).

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


# (sheet, id(engine)) -> (engine, truth, reading): a sheet several test modules look at (test_regression.py,
# test_regression_review.py, ...) is read once per run and engine; the engine is kept so its id stays its own
_READINGS: dict[tuple[str, int], tuple[object, PayrollPage, PayrollPage]] = {}


def read_regression_sheet(name: str, engine: OcrEngine) -> tuple[PayrollPage, PayrollPage]:
    """A sheet that once failed (tests/fixtures/regression/<name>.png) read at the dpi it was kept at: its
    truth and what the reader gives now. Read once per test run and engine (the reader is deterministic):
    each caller gets copies of its own."""
    key = (name, id(engine))
    if key not in _READINGS:
        png = FIXTURES / "regression" / f"{name}.png"
        truth = PayrollPage.load(png.with_suffix(".json"))
        dpi = round(Image.open(png).info.get("dpi", (300, 300))[0])
        image = cv2.imread(str(png), cv2.IMREAD_UNCHANGED)
        _READINGS[key] = (engine, truth, extract_image(image, image_name=png.name, engine=engine, dpi=dpi))
    _, truth, got = _READINGS[key]
    return truth.model_copy(deep=True), got.model_copy(deep=True)


# people of the drafts tests build by hand (tests/test_layout_gate.py, tests/test_unfilled_lines.py)
NAMES = ["Иван Петров Колев", "Мария Георгиева Иванова", "Петър Стоянов Димов", "Елена Николова Маринова"]


def person_egn(i: int) -> str:
    """A valid ЕГН of the i-th person of a hand-built page."""
    return egn_mod.make(date(1950 + i, 3, 1 + i), 10 + i, female=i % 2 == 1)


def score_regression_sheet(name: str, engine: OcrEngine) -> tuple[Score, bool]:
    """That sheet scored as `archive bench` scores a page, and whether it went to review as a whole."""
    truth, got = read_regression_sheet(name, engine)
    s = Score()
    s.add(truth, got)
    return s, got.page_review is not None


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Embedded defaults under a fresh data dir; server URLs explicitly unset."""
    return Settings(
        data_dir=tmp_path / "archive-data",
        database_url=None,
        redis_url=None,
        elasticsearch_url=None,
        s3_endpoint=None,
        workers=1,
    )


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    """The database of ``settings`` (migrated), disposed of after the test."""
    database = open_database(settings)
    yield database
    database.dispose()


@pytest.fixture
def index(settings: Settings) -> RecordIndex:
    """The search index of ``settings``, created."""
    idx = open_index(settings)
    idx.ensure()
    return idx


@pytest.fixture(scope="session")
def ocr_engine(tmp_path_factory: pytest.TempPathFactory) -> OcrEngine:
    """The OCR engine of the default settings (tesseract, Bulgarian text model, English digits model)."""
    return engine_from_settings(Settings(data_dir=tmp_path_factory.mktemp("ocr-settings")))


# a regression sheet named in a test's code: read_regression_sheet("<name>", ...)
_SHEET_CALL = re.compile(r"(?:read|score)_regression_sheet\(\s*\"([^\"]+)\"")


def _regression_sheet_of(item: pytest.Item) -> str | None:
    """The one regression sheet a test reads through ``read_regression_sheet`` (its ``sheet`` parameter, or the one
    name its code passes), if it reads one: a test that reads two, or none, gives None."""
    callspec = getattr(item, "callspec", None)
    if callspec is not None and isinstance(sheet := callspec.params.get("sheet"), str):
        return sheet if (FIXTURES / "regression" / f"{sheet}.png").exists() else None
    function = getattr(item, "function", None)
    if function is None:
        return None
    try:
        names = set(_SHEET_CALL.findall(inspect.getsource(function)))
    except (OSError, TypeError):
        return None
    return names.pop() if len(names) == 1 else None


def _xdist_group(item: pytest.Item) -> str | None:
    """Which tests must share a worker under pytest-xdist (scripts/test.sh: ``-n 2 --dist loadgroup``), so
    that what they share is made once: a module's fixtures, the fault and contract suites' servers and their timing
    (one worker runs each suite in order), a regression sheet's reading (``read_regression_sheet``: every test that
    reads one sheet on the worker that test_regression.py reads it on; about ten seconds of CPU a sheet)."""
    path = Path(str(item.fspath)).relative_to(REPO / "tests")
    if path.parts[0] in ("faults", "contract"):
        return path.parts[0]
    regression_file = path.name in ("test_regression.py", "test_regression_review.py")
    sheet = _regression_sheet_of(item)
    if regression_file and sheet is not None:
        return f"regression:{sheet}"
    defs = getattr(item, "_fixtureinfo", None)
    if defs is not None and any(d[-1].scope == "module" for d in defs.name2fixturedefs.values() if d):
        return f"module:{path}"
    if sheet is not None:
        return f"regression:{sheet}"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("xdist_group") is None and (group := _xdist_group(item)):
            item.add_marker(pytest.mark.xdist_group(group))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    from tests.hash_seed_twin import TWIN

    TWIN.close()
