"""The intake in a real browser: a partner files a household intake (axe-clean pages, the
validation messages, the case page), and the form works with the keyboard alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.live_server_helper import LiveServer

from opencasus.cases.models import Case
from opencasus.cases.tests import helpers as h
from opencasus.core.tests.e2e import browser as b
from opencasus.core.tests.e2e.browser import check_page
from opencasus.core.tests.e2e.flow import fill_household, log_in, open_household_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTROLS = ("input:not([type=hidden]):visible, select:visible, textarea:visible, button[type=submit]:visible")


def test_partner_files_a_household_intake(live_server: LiveServer, browser_session: Callable[[], b.Session]) -> None:
    w = h.world()
    TOTPDevice.objects.create(user=w.partner, name="app", confirmed=True)
    session = browser_session()
    log_in(session, live_server.url, w.partner)
    open_household_form(session, live_server.url)
    page = session.page
    assert page.get_by_role("heading", level=1).inner_text() == "Nieuwe aanmelding: Systeem (huishouden)"
    check_page(session, "11 aanmelding huishouden")
    page.get_by_role("button", name="Aanmelding indienen").click()
    assert page.locator(".utrecht-form-field-error-message, [role=alert]").first.is_visible()
    check_page(session, "12 aanmelding met fouten")
    assert Case.objects.count() == 0
    fill_household(page)
    page.get_by_role("button", name="Aanmelding indienen").click()
    page.wait_for_url(f"{live_server.url}/casussen/*")
    case = Case.objects.get()
    assert case.reference in page.get_by_role("heading", level=1).inner_text()
    check_page(session, "13 casus na aanmelding")
    assert page.get_by_text("Ingediend").first.is_visible()
    assert sorted(case.persons.values_list("first_name", flat=True)) == ["Lisa", "Sandra"]


def test_intake_form_with_the_keyboard_alone(live_server: LiveServer, browser_session: Callable[[], b.Session]) -> None:
    w = h.world()
    TOTPDevice.objects.create(user=w.partner, name="app", confirmed=True)
    session = browser_session()
    log_in(session, live_server.url, w.partner)
    open_household_form(session, live_server.url)
    page = session.page
    controls = page.locator(f"main form[method=post] >> {CONTROLS}")
    wanted = {controls.nth(i).get_attribute("id") or controls.nth(i).inner_text() for i in range(controls.count())}
    radios = {c for c in wanted if c and c.startswith("id_people_informed_")}
    page.locator("#id_persons-0-first_name").focus()
    reached: list[str] = []
    for _ in range(len(wanted) + 40):
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.innerText"))
        if page.evaluate("document.activeElement.type") == "submit" and reached[-1] == "Aanmelding indienen":
            break  # the row buttons ("Persoon toevoegen", "Deze persoon verwijderen") are reached on the way
        page.keyboard.press("Tab")
    assert reached[-1] == "Aanmelding indienen", "Tab never reached the submit button"
    # A radio group is one tab stop; its other options are reached with the arrow keys.
    missing = wanted - set(reached) - (radios - {radios and sorted(radios)[0]})
    assert not missing, f"not reachable with Tab: {sorted(missing)}"
    fill_household(page)
    page.locator("#id_persons-1-last_name").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/casussen/*")
    assert Case.objects.count() == 1
    print(f"keyboard: {len(set(reached))} controls reached with Tab, submitted with Enter")
