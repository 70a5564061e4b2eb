"""Browser tests' fixtures: the app served by uvicorn on a free port (embedded defaults, a temp data
dir) and Debian's chromium driven by Playwright (no browser download).

Nothing is skipped: when /usr/bin/chromium is missing the fixture fails and says what to install.
Import the fixtures into a test module: ``from tests.browser import live_app, browser, page``.
Screenshots go to ``ARCHIVE_SCREENS_DIR`` (default: a folder under the system's temp dir, so a test run
leaves the checkout as it was); ``bash scripts/screens.sh`` saves them into docs/screens/ for the README.
"""

from __future__ import annotations

import atexit
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from axe_playwright_python.sync_playwright import Axe
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, sync_playwright

from archive_api.app import create_app
from archive_core.config import Settings
from tests.servers_sql import free_port

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def screens_dir() -> Path:
    """Where screenshots go: ``ARCHIVE_SCREENS_DIR``, else ``<tmp>/archive-screens``."""
    return Path(os.environ.get("ARCHIVE_SCREENS_DIR") or Path(tempfile.gettempdir()) / "archive-screens")


@dataclass
class LiveApp:
    app: FastAPI
    url: str
    settings: Settings


@pytest.fixture
def live_app(settings: Settings) -> Iterator[LiveApp]:
    app = create_app(settings)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.05)
    try:
        yield LiveApp(app, f"http://127.0.0.1:{port}", settings)
    finally:
        server.should_exit = True
        thread.join(15)


_SHARED: dict[str, Any] = {}


def _stop() -> None:
    b, pw = _SHARED.pop("browser", None), _SHARED.pop("playwright", None)
    if b is not None:
        b.close()
    if pw is not None:
        pw.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One chromium for the whole run, shared by every module that imports this fixture (each import
    is a fixture of its own to pytest; a second Playwright would find the first one's loop running)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (scripts/setup.sh installs it)")
    if "browser" not in _SHARED:
        pw = sync_playwright().start()
        _SHARED["playwright"] = pw
        _SHARED["browser"] = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        atexit.register(_stop)
    yield _SHARED["browser"]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="bg-BG")
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now (one line each)."""
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


def screenshot(page: Page, name: str) -> Path:
    folder = screens_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
