"""The end-to-end flow in a real browser. Each step asserts what the user sees, runs axe-core
(WCAG 2.1 A/AA: 0 violations) and keeps a screenshot under test-artifacts/."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.live_server_helper import LiveServer

from opencasus.core.tests.e2e import browser as b
from opencasus.core.tests.e2e.browser import check_page
from opencasus.core.tests.e2e.flow import current_code, log_in
from opencasus.network.models import Role
from opencasus.network.tests.factories import TEST_PASSWORD, HouseFactory, member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_partner_logs_in_with_password_and_totp(live_server: LiveServer, browser_session: Callable[[],
                                                b.Session]) -> None:
    house = HouseFactory.create(name="Veiligheidshuis Zuid-Holland Zuid")
    partner = member(house, Role.PARTNER_PROFESSIONAL, first_name="Petra", last_name="Partner")
    TOTPDevice.objects.create(user=partner, name="app", confirmed=True)
    session = browser_session()
    log_in(session, live_server.url, partner, check=True)
    page = session.page
    assert page.get_by_role("heading", level=1).inner_text() == "Welkom, Petra Partner"
    assert page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    check_page(session, "03 start partner")
    page.get_by_role("link", name="Netwerk van Veiligheidshuis Zuid-Holland Zuid").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Netwerk van Veiligheidshuis Zuid-Holland Zuid"
    assert page.get_by_role("cell", name="Petra Partner").is_visible()
    check_page(session, "04 netwerkoverzicht")
    page.get_by_role("link", name="Start", exact=True).click()
    page.get_by_role("link", name="API-token").click()
    check_page(session, "05 api-token")
    page.locator("summary", has_text="Petra Partner").click()  # the user menu in the page header
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(f"{live_server.url}/inloggen*")
    page.goto(f"{live_server.url}/")
    assert "/inloggen" in page.url, "after logging out the start page must ask for a login again"


def test_new_user_enrols_an_authenticator_from_the_page(live_server: LiveServer, browser_session: Callable[[],
                                                        b.Session]) -> None:
    house = HouseFactory.create()
    user = member(house, Role.PROCESS_DIRECTOR, first_name="Dirk", last_name="Directeur")
    session = browser_session()
    page = session.page
    page.goto(f"{live_server.url}/inloggen")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/tweede-factor/instellen*")
    assert page.get_by_role("img", name=re.compile("QR-code")).is_visible()
    check_page(session, "06 tweede factor instellen")
    # The key the page shows is what the user types into the app: the test is the app.
    secret = page.locator("#totp-secret").inner_text()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    import base64

    assert base64.b32decode(secret + "=" * (-len(secret) % 8)) == device.bin_key
    page.get_by_label("Zescijferige code uit uw authenticator-app").fill("000000" if current_code(device) != "000000"
                                                                        else "111111")
    page.get_by_role("button", name="Bevestigen").click()
    assert page.get_by_text("Die code is niet juist").is_visible()
    check_page(session, "07 tweede factor fout")
    page.get_by_label("Zescijferige code uit uw authenticator-app").fill(current_code(device))
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_text("Uw authenticator-app is ingesteld").is_visible()
    assert page.get_by_role("heading", level=1).inner_text() == "Welkom, Dirk Directeur"


def test_wrong_password_shows_a_dutch_message(live_server: LiveServer, browser_session: Callable[[],
                                              b.Session]) -> None:
    user = member(HouseFactory.create(), Role.SECRETARY)
    session = browser_session()
    page = session.page
    page.goto(f"{live_server.url}/inloggen")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill("niet-het-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    assert "De gebruikersnaam of het wachtwoord" in page.get_by_role("alert").inner_text()
    check_page(session, "08 inloggen fout")


def test_functional_administrator_reaches_the_administration(live_server: LiveServer, browser_session: Callable[[],
                                                             b.Session]) -> None:
    house = HouseFactory.create()
    admin = member(house, Role.FUNCTIONAL_ADMINISTRATOR, is_staff=True)
    TOTPDevice.objects.create(user=admin, name="app", confirmed=True)
    session = browser_session()
    log_in(session, live_server.url, admin)
    page = session.page
    page.get_by_role("link", name="Beheer", exact=True).click()
    page.wait_for_url(f"{live_server.url}/beheer/")
    assert page.get_by_role("link", name="Professionals").first.is_visible()
    check_page(session, "09 beheer")
