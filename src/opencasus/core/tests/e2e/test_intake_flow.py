"""The intake in a real browser: a partner files a household intake (axe-clean pages, the
validation messages, the case page), and the form works with the keyboard alone."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.cases.models import Case
from opencasus.cases.tests import helpers as h
from opencasus.core.tests.e2e.browser import Session, check_page
from opencasus.core.tests.e2e.flow import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTROLS = ("input:not([type=hidden]):visible, select:visible, textarea:visible, button[type=submit]:visible")


def _household_form(session: Session, live_url: str) -> None:
    page = session.page
    page.goto(f"{live_url}/aanmeldingen/nieuw")
    assert page.get_by_role("heading", level=1).inner_text() == "Nieuwe aanmelding"
    check_page(session, "10 aanmelding kiezen")
    page.get_by_role("link", name="Systeem (huishouden)").click()
    page.wait_for_url(f"{live_url}/aanmeldingen/nieuw/systeem")


def _fill_household(page: object) -> None:
    p = page
    p.fill("#id_persons-0-first_name", "Sandra")  # type: ignore[attr-defined]
    p.fill("#id_persons-0-last_name", "Jansen")  # type: ignore[attr-defined]
    p.fill("#id_persons-0-date_of_birth", "1985-06-01")  # type: ignore[attr-defined]
    p.select_option("#id_persons-0-relation", "parent")  # type: ignore[attr-defined]
    p.fill("#id_persons-1-first_name", "Lisa")  # type: ignore[attr-defined]
    p.fill("#id_persons-1-last_name", "Jansen")  # type: ignore[attr-defined]
    p.fill("#id_persons-1-date_of_birth", "2012-04-02")  # type: ignore[attr-defined]
    p.select_option("#id_persons-1-relation", "child")  # type: ignore[attr-defined]
    p.fill("#id_reason", "Zorgen over de kinderen na huiselijk geweld.")  # type: ignore[attr-defined]
    p.fill("#id_requested_purpose", "Een samenhangend plan voor het gezin.")  # type: ignore[attr-defined]
    p.select_option("#id_route", "veilig_thuis")  # type: ignore[attr-defined]
    p.select_option("#id_municipality", label="Dordrecht")  # type: ignore[attr-defined]
    p.check("#id_people_informed_0")  # type: ignore[attr-defined]


def test_partner_files_a_household_intake(live_server, browser_session):
    w = h.world()
    TOTPDevice.objects.create(user=w.partner, name="app", confirmed=True)
    session = browser_session()
    log_in(session, live_server.url, w.partner)
    _household_form(session, live_server.url)
    page = session.page
    assert page.get_by_role("heading", level=1).inner_text() == "Nieuwe aanmelding: Systeem (huishouden)"
    check_page(session, "11 aanmelding huishouden")
    page.get_by_role("button", name="Aanmelding indienen").click()
    assert page.locator(".utrecht-form-field-error-message, [role=alert]").first.is_visible()
    check_page(session, "12 aanmelding met fouten")
    assert Case.objects.count() == 0
    _fill_household(page)
    page.get_by_role("button", name="Aanmelding indienen").click()
    page.wait_for_url(f"{live_server.url}/casussen/*")
    case = Case.objects.get()
    assert case.reference in page.get_by_role("heading", level=1).inner_text()
    check_page(session, "13 casus na aanmelding")
    assert page.get_by_text("Ingediend").first.is_visible()
    assert sorted(case.persons.values_list("first_name", flat=True)) == ["Lisa", "Sandra"]


def test_intake_form_with_the_keyboard_alone(live_server, browser_session):
    w = h.world()
    TOTPDevice.objects.create(user=w.partner, name="app", confirmed=True)
    session = browser_session()
    log_in(session, live_server.url, w.partner)
    _household_form(session, live_server.url)
    page = session.page
    controls = page.locator(f"main form[method=post] >> {CONTROLS}")
    wanted = {controls.nth(i).get_attribute("id") or controls.nth(i).inner_text() for i in range(controls.count())}
    radios = {c for c in wanted if c and c.startswith("id_people_informed_")}
    page.locator("#id_persons-0-first_name").focus()
    reached: list[str] = []
    for _ in range(len(wanted) + 40):
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.innerText"))
        if page.evaluate("document.activeElement.type") == "submit":
            break
        page.keyboard.press("Tab")
    assert reached[-1] == "Aanmelding indienen", "Tab never reached the submit button"
    # A radio group is one tab stop; its other options are reached with the arrow keys.
    missing = wanted - set(reached) - (radios - {radios and sorted(radios)[0]})
    assert not missing, f"not reachable with Tab: {sorted(missing)}"
    _fill_household(page)
    page.locator("#id_persons-1-last_name").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/casussen/*")
    assert Case.objects.count() == 1
    print(f"keyboard: {len(set(reached))} controls reached with Tab, submitted with Enter")
