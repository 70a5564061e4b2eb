"""Acceptance in a real browser (Debian's chromium through Playwright): a verifier signs in with TOTP,
corrects a wrong cell by keyboard alone, sees the row's checks turn green and the page approved; a
clerk finds that person by a Latin-spelled name, sees the timeline and issues a certificate that shows
the corrected figure marked as verified. axe-core finds no serious or critical violation on any
screen; each screen is saved under docs/screens/ (the README shows them)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from indexer.translit import to_latin
from tests.browser import LiveApp, browser, live_app, screenshot, serious_violations  # noqa: F401
from tests.screens_data import WRONG_ROW, career, verification_scene
from tests.test_browser import sign_in_in_browser

pytestmark = pytest.mark.browser


def _tab(browser: Browser) -> Page:  # noqa: F811
    return browser.new_context(viewport={"width": 1400, "height": 900}, locale="bg-BG").new_page()


def _check(tab: Page, name: str) -> None:
    assert serious_violations(tab) == [], name
    screenshot(tab, name)


def test_verifier_corrects_a_cell_and_clerk_issues_a_certificate_with_it(
    live_app: LiveApp,  # noqa: F811
    browser: Browser,  # noqa: F811
) -> None:
    scene = verification_scene(live_app.settings)
    url = live_app.url

    # ---- a scan operator follows the batches
    scan = _tab(browser)
    sign_in_in_browser(scan, live_app, "sam", "scan_operator")
    scan.get_by_role("link", name="Партиди и страници").first.click()
    expect(scan.get_by_role("heading", level=1)).to_have_text("Партиди и страници")
    expect(scan.locator("progress")).to_have_attribute("value", "0")
    _check(scan, "batches")
    scan.get_by_role("link", name=scene.employer).click()
    expect(scan.locator("main table")).to_contain_text("300 dpi")
    _check(scan, "batch")
    scan.context.close()

    # ---- the verifier: queue, then the page; keyboard alone
    vera = _tab(browser)
    sign_in_in_browser(vera, live_app, "vera", "verifier")
    vera.get_by_role("link", name="Проверка на разчетените страници").first.click()
    expect(vera.get_by_role("heading", level=1)).to_have_text("Проверка на разчетените страници")
    _check(vera, "verify-queue")
    vera.locator(f'a[href="/verify/{scene.sha256}"]').click()
    expect(vera.get_by_role("heading", level=1)).to_contain_text("Проверка на страница")
    row = vera.locator(f"#row-{WRONG_ROW}")
    expect(row.locator(".check.fail")).to_have_count(3)  # gross = base + extra, net, column total
    expect(vera.locator("#overlay")).to_have_js_property("complete", True, timeout=30_000)  # drawn on demand: slow on a busy machine
    _check(vera, "verify-page")

    vera.keyboard.press("Tab")  # the skip link
    vera.keyboard.press("Enter")  # to the content
    vera.keyboard.press("Tab")  # the first stop is the field under review
    cell = vera.locator(f"#f-{WRONG_ROW}-gross_pay")
    expect(cell).to_be_focused()
    vera.keyboard.press("Alt+z")  # zoom the image to the current row
    expect(vera.locator("#imgwrap")).to_have_class(re.compile("zoomed"))
    expect(vera.locator("#mark")).to_be_visible()
    vera.keyboard.press("Control+a")
    vera.keyboard.type(scene.true_gross)
    vera.keyboard.press("Enter")
    expect(vera.locator("#page-status")).to_contain_text("Страницата е одобрена")
    expect(row.locator(".check.fail")).to_have_count(0)
    expect(row.locator(".check.pass").filter(has_text="Брутно = основна + допълнително")).to_have_count(1)
    expect(vera.locator("#history")).to_contain_text(scene.wrong_gross)
    expect(vera.locator("#page-status")).to_be_focused()  # nothing left: focus on the approval
    # arrow keys move between rows (same field)
    vera.locator(f"#f-{WRONG_ROW}-gross_pay").focus()
    vera.keyboard.press("ArrowDown")
    expect(vera.locator(f"#f-{WRONG_ROW + 1}-gross_pay")).to_be_focused()
    _check(vera, "verify-approved")
    vera.context.close()

    # ---- the clerk: a Latin-spelled name, the timeline, a certificate
    career(live_app.settings, scene)  # more months of the person, a gap, one month under review
    cleo = _tab(browser)
    sign_in_in_browser(cleo, live_app, "cleo", "clerk")
    cleo.get_by_role("link", name="Търсене на лице").first.click()
    cleo.get_by_label("Име").fill(to_latin(scene.name))
    cleo.get_by_label("Заявление за удостоверение").check()
    cleo.get_by_label("Пояснение (номер на заявление, основание)").fill("заявление 31/2026")
    cleo.get_by_role("button", name="Търси").click()
    expect(cleo.locator("main table")).to_contain_text(scene.name)
    _check(cleo, "search-latin")
    cleo.locator("main table a", has_text=scene.egn).first.click()
    expect(cleo.get_by_role("heading", level=1)).to_contain_text("Трудов път")
    expect(cleo.locator("ol.years a.m.verified")).to_have_count(1)
    expect(cleo.locator("ol.years a.m.review")).to_have_count(1)
    expect(cleo.locator("main")).to_contain_text("Месеци без запис")
    _check(cleo, "timeline")
    cleo.locator("ol.years a.m.verified").click()
    expect(cleo.locator("#person-row")).to_contain_text(scene.true_gross)
    _check(cleo, "page-view")
    cleo.go_back()
    cleo.get_by_role("link", name="Удостоверение за доход").click()
    expect(cleo.get_by_role("heading", level=2)).to_contain_text("осигурителен доход")
    expect(cleo.locator("main")).to_contain_text("Месеци за проверка (не влизат в сбора)")
    _check(cleo, "certificate-prepare")
    cleo.get_by_role("button", name="Издай с регистрационен номер").click()
    expect(cleo.get_by_role("status")).to_contain_text(re.compile(r"Рег. № \d{4}-\d{6}"))
    line = cleo.locator("table.cert-lines tr", has_text=scene.true_gross)
    expect(line).to_contain_text("проверено от служител")
    _check(cleo, "certificate-issued")
    cleo.get_by_role("link", name="Регистър на удостоверенията").first.click()
    expect(cleo.locator("main")).to_contain_text(scene.egn)
    with cleo.expect_download() as dl:
        cleo.locator("main table a", has_text="PDF").first.click()
    assert dl.value.suggested_filename.endswith(".pdf")
    _check(cleo, "certificates")
    assert url in cleo.url
    cleo.context.close()
