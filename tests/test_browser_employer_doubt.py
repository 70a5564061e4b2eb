"""In a real browser (Debian's chromium through Playwright): the verifier sees the employer's name as
read, marked for review with its reason, above the rows; confirms it with the form (session cookie and
CSRF token); axe-core finds no serious or critical violation."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser import LiveApp, browser, live_app, serious_violations  # noqa: F401
from tests.test_browser import sign_in_in_browser
from tests.test_employer_doubt_screen import DOUBT, _ingest

pytestmark = pytest.mark.browser


def test_the_verifier_sees_and_confirms_a_doubted_employer_name(
    live_app: LiveApp,  # noqa: F811
    browser: Browser,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sha = _ingest(live_app.settings, tmp_path / "in", monkeypatch, DOUBT)
    tab = browser.new_context(viewport={"width": 1400, "height": 900}, locale="bg-BG").new_page()
    sign_in_in_browser(tab, live_app, "vera", "verifier")
    tab.goto(f"{live_app.url}/verify/{sha}")
    section = tab.locator("#employer-doubt")
    expect(section.locator(".review-mark")).to_have_text("за проверка")
    expect(section).to_contain_text("поправена на „Загорци“")
    expect(tab.locator("#overlay")).to_have_js_property("complete", True, timeout=30_000)  # drawn on demand: slow on a busy machine
    assert serious_violations(tab) == []
    section.get_by_role("button").click()
    expect(section).to_contain_text("потвърдено от vera")
    expect(section.locator(".review-mark")).to_have_count(0)
    tab.context.close()
