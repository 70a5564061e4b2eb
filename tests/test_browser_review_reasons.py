"""In a real browser (Debian's chromium through Playwright): the verifier reaches the flagged field with
Tab, reads why it is flagged, and the page image marks that field's cell, not only its row; axe-core
finds no serious or critical violation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser import LiveApp, browser, live_app, serious_violations  # noqa: F401
from tests.test_browser import sign_in_in_browser
from tests.test_review_reasons_screen import ROW, ingest_flagged

pytestmark = pytest.mark.browser


def test_the_flagged_field_says_why_and_its_cell_is_marked(
    live_app: LiveApp,  # noqa: F811
    browser: Browser,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sha, cell = ingest_flagged(live_app.settings, tmp_path / "in", monkeypatch)
    tab = browser.new_context(viewport={"width": 1400, "height": 900}, locale="bg-BG").new_page()
    sign_in_in_browser(tab, live_app, "vera", "verifier")
    tab.goto(f"{live_app.url}/verify/{sha}")
    expect(tab.locator("#page-status")).to_contain_text("Цялата страница е за проверка")
    field = tab.locator(f"#f-{ROW}-gross_pay")
    expect(field).to_have_accessible_description(re.compile("сумите на реда не излизат"))
    expect(tab.locator("#overlay")).to_have_js_property("complete", True, timeout=30_000)  # drawn on demand: slow on a busy machine
    assert serious_violations(tab) == []
    field.focus()
    mark = tab.locator("#mark")
    expect(mark).to_be_visible()
    expect(mark).to_have_class(re.compile(r"\bfield\b"))
    # the mark covers the field's cell (the image is drawn at half size, then fitted to the screen)
    k = tab.evaluate(
        "() => { const i = document.getElementById('overlay'); return i.clientWidth / i.naturalWidth * 0.5; }"
    )
    box = mark.bounding_box()
    img = tab.locator("#overlay").bounding_box()
    assert box is not None and img is not None
    assert (
        abs(box["width"] - (cell[2] - cell[0]) * k) < 3 and abs(box["height"] - (cell[3] - cell[1]) * k) < 3
    )
    tab.context.close()
