"""Steps of the end-to-end flow that several browser tests share."""

from __future__ import annotations

import re
import time
from typing import Any

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.core.tests.e2e.browser import Session, check_page
from opencasus.network.tests.factories import TEST_PASSWORD

_used: dict[int, int] = {}


def current_code(device: TOTPDevice) -> str:
    """The code the user's authenticator app shows now; waits for a fresh step after a use,
    because the server rightly refuses a code that was already accepted."""
    device.refresh_from_db()
    step = int(time.time()) // device.step
    if device.last_t is not None and device.last_t >= step:
        time.sleep(device.step - time.time() % device.step + 0.5)
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def log_in(session: Session, live_url: str, user: Any, *, check: bool = False) -> None:
    """Password, then the TOTP code of the user's confirmed device; lands on the start page."""
    page = session.page
    page.goto(f"{live_url}/inloggen")
    if check:
        assert page.get_by_role("heading", level=1).inner_text() == "Inloggen bij Open Casus"
        check_page(session, "01 inloggen")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"{live_url}/tweede-factor*")
    assert page.get_by_role("heading", level=1).inner_text() == "Vul uw code in"
    if check:
        check_page(session, "02 tweede factor")
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    page.get_by_label("Zescijferige code uit uw authenticator-app").fill(current_code(device))
    page.get_by_role("button", name="Verder").click()
    page.wait_for_url(f"{live_url}/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Welkom, ")


def open_household_form(session: Session, live_url: str) -> None:
    """From "New intake" to the form for a system (household) intake."""
    page = session.page
    page.goto(f"{live_url}/aanmeldingen/nieuw")
    assert page.get_by_role("heading", level=1).inner_text() == "Nieuwe aanmelding"
    check_page(session, "10 aanmelding kiezen")
    page.get_by_role("link", name="Systeem (huishouden)").click()
    page.wait_for_url(f"{live_url}/aanmeldingen/nieuw/systeem")


def fill_household(page: Any) -> None:
    """A mother and her daughter in Dordrecht, reported through Veilig Thuis; the family was told."""
    page.fill("#id_persons-0-first_name", "Sandra")
    page.fill("#id_persons-0-last_name", "Jansen")
    page.fill("#id_persons-0-date_of_birth", "1985-06-01")
    page.select_option("#id_persons-0-relation", "parent")
    page.fill("#id_persons-1-first_name", "Lisa")
    page.fill("#id_persons-1-last_name", "Jansen")
    page.fill("#id_persons-1-date_of_birth", "2012-04-02")
    page.select_option("#id_persons-1-relation", "child")
    page.fill("#id_reason", "Zorgen over de kinderen na huiselijk geweld.")
    page.fill("#id_requested_purpose", "Een samenhangend plan voor het gezin.")
    page.select_option("#id_route", "veilig_thuis")
    page.select_option("#id_municipality", label="Dordrecht")
    page.check("#id_people_informed_0")


def menu(session: Session, name: str) -> None:
    """Open a main-menu item. A narrow screen folds the menu under "Menu", a wide one keeps the last
    items under "More": open that first when the item is not in sight."""
    page = session.page
    link = page.get_by_role("navigation").get_by_role("link", name=name, exact=True).filter(visible=True)
    if not link.count():
        for fold in ("Menu", "Meer"):
            summary = page.locator("summary").filter(has_text=re.compile(f"^{fold}$")).filter(visible=True)
            if summary.count():
                summary.first.click()
                if link.count():
                    break
    link.first.click()
    page.wait_for_load_state("load")
