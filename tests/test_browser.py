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

    # the skip link is the first stop of the keyboard and moves to the content
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Към съдържанието"

    # English switch
    page.get_by_role("button", name="Switch the interface to English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Home")
    assert serious_violations(page) == []
    screenshot(page, "home-verifier-en")
