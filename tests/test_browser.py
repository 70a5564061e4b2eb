"""In a real browser (Debian's chromium through Playwright): a verifier signs in with password and
TOTP (first time: the QR enrolment) by keyboard and lands on the home page; axe-core finds no
serious or critical accessibility violation on the sign-in, code and home screens. Screenshots go
to docs/screens/ (the README shows them)."""

from __future__ import annotations

import re

import pyotp
import pytest
from playwright.sync_api import Page, expect

from tests.browser import LiveApp, browser, live_app, page, screenshot, serious_violations  # noqa: F401
from tests.test_index_embedded import seed_archive

pytestmark = pytest.mark.browser


def test_verifier_signs_in_with_totp_and_lands_on_home(live_app: LiveApp, page: Page) -> None:  # noqa: F811
    password = "a long browser password"
    enrolment = live_app.app.state.accounts.add_user("vera", "verifier", password)

    page.goto(live_app.url + "/")
    expect(page).to_have_url(re.compile(r"/signin$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Вход")
    assert serious_violations(page) == []
    screenshot(page, "signin")

    # keyboard only: the skip link comes first, then the language switch, then the form
    page.get_by_label("Потребителско име").fill("vera")
    page.get_by_label("Парола").fill(password)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/signin/code$"))
    expect(page.get_by_role("img", name="QR код за приложението за удостоверяване")).to_be_visible()
    expect(page.locator("code.secret")).to_have_text(enrolment.totp_secret)
    assert serious_violations(page) == []
    screenshot(page, "enrol-totp")

    page.get_by_label("Код (6 цифри)").fill(pyotp.TOTP(enrolment.totp_secret).now())
    page.keyboard.press("Enter")

    expect(page).to_have_url(live_app.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Начало")
    expect(page.get_by_text("Влезли сте като")).to_contain_text("vera")
    expect(page.locator("main")).to_contain_text("проверител")
    assert serious_violations(page) == []
    screenshot(page, "home-verifier")

    # htmx is loaded under the CSP and sends the CSRF token with its requests
    assert page.evaluate("typeof htmx") == "object"
    token = page.evaluate("JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token']")
    assert token == page.locator("input[name=csrf_token]").first.get_attribute("value")

    # the skip link is the first stop of the keyboard and moves to the content
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Към съдържанието"

    # English switch
    page.get_by_role("button", name="Switch the interface to English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Home")
    assert serious_violations(page) == []
    screenshot(page, "home-verifier-en")


def sign_in_in_browser(tab: Page, live: LiveApp, name: str, role: str) -> None:
    password = "a long browser password"
    enrolment = live.app.state.accounts.add_user(name, role, password)
    tab.goto(live.url + "/signin")
    tab.get_by_label("Потребителско име").fill(name)
    tab.get_by_label("Парола").fill(password)
    tab.keyboard.press("Enter")
    tab.get_by_label("Код (6 цифри)").fill(pyotp.TOTP(enrolment.totp_secret).now())
    tab.keyboard.press("Enter")
    expect(tab).to_have_url(live.url + "/")


def test_clerk_searches_with_a_purpose_and_the_administrator_sees_it(
    live_app: LiveApp,  # noqa: F811
    browser,  # noqa: F811
) -> None:
    seed_archive(live_app.settings)
    clerk_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    clerk = clerk_ctx.new_page()
    sign_in_in_browser(clerk, live_app, "cleo", "clerk")
    clerk.get_by_role("link", name="Търсене на лице").first.click()
    expect(clerk.get_by_role("heading", level=1)).to_have_text("Търсене на лице")
    clerk.get_by_label("Име").fill("Mariya Ivanova")
    clerk.get_by_label("Заявление за удостоверение").check()
    clerk.get_by_label("Пояснение (номер на заявление, основание)").fill("заявление 12/2026")
    clerk.get_by_role("button", name="Търси").click()
    expect(clerk.get_by_role("table")).to_contain_text("Мария Иванова Петрова")
    assert serious_violations(clerk) == []
    screenshot(clerk, "search-clerk")
    clerk_ctx.close()

    admin_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    admin = admin_ctx.new_page()
    sign_in_in_browser(admin, live_app, "adam", "administrator")
    admin.get_by_role("link", name="Дневник на достъпа").first.click()
    admin.get_by_label("Потребител").fill("cleo")
    admin.get_by_role("button", name="Покажи").click()
    table = admin.get_by_role("table")
    expect(table).to_contain_text("search")
    expect(table).to_contain_text("Заявление за удостоверение: заявление 12/2026")
    assert serious_violations(admin) == []
    screenshot(admin, "audit-administrator")
    admin_ctx.close()
