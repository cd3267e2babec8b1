"""The whole process in a real browser, from intake to management information.

A partner files a household intake; the process director triages and admits it, plans a case
conference with the case on the agenda, writes and approves the minutes and turns the decision into
an agreement; drafts and adopts the action plan; the partner who owns the agreement marks it done;
the director closes the case; the house manager, the municipality officer and the steering-group
member open their dashboards and the municipal annual report. Every page is checked the same way:
what the user sees, axe-core at WCAG 2.1 A/AA (0 violations), no console or CSP errors, a screenshot.

Only the people and their memberships are set up with factories; every step of the process itself
goes through the pages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone, translation
from django.utils.text import capfirst
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from opencasus.cases.models import Case
from opencasus.cases.tests import helpers as h
from opencasus.cases.workflow import Status
from opencasus.core.tests.e2e import browser as b
from opencasus.core.tests.e2e.browser import Session, check_page
from opencasus.core.tests.e2e.flow import fill_household, log_in, menu, open_household_form
from opencasus.network.models import MeetingType, Role
from opencasus.network.tests.factories import member
from opencasus.plans.vocabulary import AgreementStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sentence(text: Any) -> str:
    """A label of the plan forms: Dutch, in sentence case."""
    return capfirst(dutch(text))


def dutch(text: Any) -> str:
    """A label as the Dutch user sees it (msgids and lazy choice labels alike)."""
    with translation.override("nl"):
        return translation.gettext(text) if isinstance(text, str) else str(text)


def h1(session: Session) -> str:
    return str(session.page.get_by_role("heading", level=1).inner_text())


def notice(session: Session) -> str:
    """The message the page shows after a form was sent."""
    return str(session.page.get_by_role("status").inner_text())


def go(session: Session, link: str, name: str, *, exact: bool = True) -> None:
    """Follow a link as the user does, then check the page that opens."""
    if exact and session.page.get_by_role("navigation").get_by_role("link", name=link, exact=True).count():
        menu(session, link)  # a main-menu item, perhaps folded under "Meer"
    else:
        session.page.get_by_role("link", name=link, exact=exact).first.click()
    session.page.wait_for_load_state("load")
    check_page(session, name)


def submit(session: Session, button: str, name: str) -> None:
    session.page.get_by_role("button", name=button, exact=True).click()
    session.page.wait_for_load_state("load")
    check_page(session, name)


def sign_in(open_session: Any, live_url: str, user: Any, role: str) -> Session:
    """A new browser for the user: the login pages and the start page are checked like every other."""
    session: Session = open_session()
    log_in(session, live_url, user, check=True)
    assert h1(session) == f"Welkom, {user.get_full_name()}"
    check_page(session, f"start {role}")
    return session


def file_intake(session: Session, live_url: str) -> Case:
    open_household_form(session, live_url)
    page = session.page
    # A radio group is announced as one group named by its question (fieldset and legend).
    told = page.get_by_role("group", name=dutch("Were the people concerned told about this intake?"))
    assert told.get_by_role("radio").count() >= 2
    fill_household(page)
    submit(session, "Aanmelding indienen", "20 casus na aanmelding")
    case = Case.objects.get()
    assert case.reference in h1(session)
    assert case.status == Status.SUBMITTED
    return case


def triage(session: Session, case: Case, w: Any, meeting_type: MeetingType) -> None:
    page = session.page
    go(session, "Weegoverleg", "21 weegoverleg wachtrij")
    assert h1(session) == "Weegoverleg"
    row = page.get_by_role("row").filter(has_text=case.reference)
    assert "Systeem (huishouden)" in row.inner_text()
    assert dutch(Status.SUBMITTED.label) in row.inner_text()
    go(session, case.reference, "22 weegoverleg beoordeling")
    assert h1(session) == f"Beoordeling weegoverleg van {case.reference}"
    for criterion, answer in (("multiple_problems", "yes"), ("multiple_chains", "yes"), ("system_impact", "yes"),
                              ("area_safety", "no")):
        page.check(f"input[name={criterion}][value={answer}]")
        page.fill(f"#id_{criterion}_explanation", "Besproken aan de weegtafel.")
    page.check("#id_domain_family_relations")
    page.fill("#id_domain_family_relations_note", "Huiselijk geweld; de kinderen zijn getuige.")
    submit(session, "Beoordeling opslaan", "23 weegoverleg beoordeling opgeslagen")
    assert notice(session) == "De beoordeling is opgeslagen."
    assert "Voldoet aan de criteria" in page.get_by_role("main").inner_text()
    go(session, "Besluit", "24 weegoverleg besluit")
    assert h1(session) == f"Besluit weegoverleg over {case.reference}"
    outcome = page.get_by_role("group", name=dutch("Outcome"))
    outcome.get_by_role("radio", name=dutch("Admit to a case conference")).check()
    # The help text under a field is its accessible description.
    expect(page.locator("#id_grounds")).to_have_accessible_description(
        dutch("Always on record, whatever the outcome."))
    page.fill("#id_grounds", "Voldoet aan de landelijke criteria; zorg en straf lopen naast elkaar.")
    page.fill("#id_purpose", "Een veilige thuissituatie voor Lisa en een samenhangend plan voor het gezin.")
    page.fill("#id_questions", "Wie neemt de regie? Welke hulp is nodig?")
    page.select_option("#id_meeting_type", label=meeting_type.name)
    page.get_by_role("checkbox", name=w.police.name, exact=True).check()
    page.get_by_role("checkbox", name=w.partner.get_full_name(), exact=False).check()
    page.fill("#id_message_to_filer", "Toegelaten; u wordt uitgenodigd voor het casusoverleg.")
    submit(session, "Besluit vastleggen", "25 weegoverleg besluit vastgelegd")
    assert notice(session) == "Het besluit is vastgelegd en de aanmelder is geïnformeerd."
    assert "Toelaten tot een casusoverleg" in page.get_by_role("main").inner_text()
    case.refresh_from_db()
    assert case.status == Status.ADMITTED


def case_conference(session: Session, case: Case, w: Any, meeting_type: MeetingType) -> None:
    page = session.page
    go(session, "Overleggen", "30 overleggen")
    assert h1(session) == "Overleggen"
    page.select_option("#id_meeting_type", label=meeting_type.name)
    page.fill("#id_date", timezone.localdate().isoformat())
    # Minutes follow the meeting: it starts a minute ago (or at midnight, in the first minute of the day).
    now = timezone.localtime()
    page.fill("#id_start_time", "00:00" if now.hour == 0 and now.minute == 0
              else (now - dt.timedelta(minutes=1)).strftime("%H:%M"))
    page.fill("#id_location", "Stadskantoor, zaal 3")
    page.select_option("#id_chair", str(w.director.pk))
    page.select_option("#id_secretary", str(w.secretary.pk))
    submit(session, "Plannen", "31 overleg agenda leeg")
    assert notice(session) == "Het overleg is gepland."
    assert h1(session).startswith(meeting_type.name)
    assert page.get_by_text("Nog geen casussen op de agenda.").is_visible()
    page.select_option("#id_case", label=case.reference)
    submit(session, "Toevoegen", "32 overleg agenda met casus")
    assert notice(session) == "De casus is geagendeerd."
    row = page.get_by_role("row").filter(has_text=case.reference)
    assert row.count() == 1
    submit(session, "Markeren als gehouden", "33 overleg gehouden")
    assert "Gehouden" in page.get_by_role("main").inner_text()
    page.get_by_role("row").filter(has_text=case.reference).get_by_role("link", name="Verslag").click()
    check_page(session, "34 verslag invullen")
    assert h1(session) == f"Verslag: casus {case.reference}"
    page.fill("#id_picture_forming", "Moeder en dochter wonen samen; vader heeft een contactverbod.")
    page.fill("#id_judgement", "Risico op herhaling; de school ziet verbetering.")
    page.fill("#id_decisions-0-description", "Gezinsgesprek met moeder en Lisa voeren")
    page.select_option("#id_decisions-0-owner_organisation", str(w.police.pk))
    page.select_option("#id_decisions-0-owner_user", str(w.partner.pk))
    page.fill("#id_decisions-0-deadline", (timezone.localdate() + dt.timedelta(days=14)).isoformat())
    submit(session, "Verslag opslaan", "35 verslag opgeslagen")
    assert notice(session) == "Het verslag is opgeslagen."
    submit(session, "Verslag vaststellen", "36 verslag vastgesteld")
    assert notice(session) == "Het verslag is vastgesteld."
    assert page.get_by_role("cell", name="Gezinsgesprek met moeder en Lisa voeren").is_visible()
    submit(session, "Afspraak maken in het plan", "37 besluit wordt afspraak")
    assert notice(session) == "Het besluit is nu een afspraak in het plan van de casus."
    assert page.get_by_role("cell", name="Afspraak in het plan").is_visible()


def action_plan(session: Session, live_url: str, case: Case, w: Any) -> None:
    page = session.page
    page.goto(f"{live_url}/casussen/{case.pk}")
    check_page(session, "40 casus toegelaten")
    go(session, "Plan van aanpak", "41 plan van aanpak concept")
    assert h1(session) == f"Plan van aanpak voor casus {case.reference}"
    assert page.get_by_role("link", name="Gezinsgesprek met moeder en Lisa voeren").is_visible()
    page.select_option("#id_director_organisation", str(w.police.pk))
    page.fill("#id_evaluation_date", (timezone.localdate() + dt.timedelta(days=90)).isoformat())
    submit(session, "Opslaan", "42 plan regie opgeslagen")
    assert notice(session) == "Het plan is opgeslagen."
    goal = page.locator("form", has=page.get_by_role("heading", name="Doel toevoegen"))
    goal.get_by_role("combobox", name=sentence("life domain")).select_option("family_relations")
    goal.get_by_role("combobox", name=sentence("family member")).select_option(label="Lisa Jansen")
    goal.get_by_role("textbox", name=sentence("goal"), exact=True).fill("Lisa voelt zich thuis veilig.")
    goal.get_by_role("button", name="Toevoegen").click()
    page.wait_for_load_state("load")
    check_page(session, "43 plan doel toegevoegd")
    assert notice(session) == "Het doel is toegevoegd."
    intervention = page.locator("form", has=page.get_by_role("heading", name="Interventie toevoegen"))
    intervention.get_by_role("combobox", name=sentence("line"), exact=True).select_option("care")
    intervention.get_by_role("combobox", name=sentence("responsible organisation")).select_option(str(w.police.pk))
    intervention.get_by_role("textbox", name=sentence("intervention"), exact=True).fill("Gezinscoach via het wijkteam.")
    intervention.get_by_role("button", name="Toevoegen").click()
    page.wait_for_load_state("load")
    check_page(session, "44 plan interventie toegevoegd")
    assert notice(session) == "De interventie is toegevoegd."
    go(session, "Plan vaststellen", "45 plan vaststellen")
    assert h1(session) == f"Plan van casus {case.reference} vaststellen"
    submit(session, "Vaststellen", "46 plan versies")
    assert notice(session) == "Versie 1 van het plan is vastgesteld."


def agreement_done(session: Session, case: Case) -> None:
    page = session.page
    go(session, "Mijn afspraken", "50 mijn afspraken")
    assert h1(session) == "Mijn afspraken"
    go(session, "Gezinsgesprek met moeder en Lisa voeren", "51 afspraak")
    assert h1(session) == f"Afspraak in casus {case.reference}"
    done = dutch(AgreementStatus.DONE.label)
    page.select_option("#id_status", "done")
    page.fill("#id_progress_note", "Gesprek gevoerd op school; vervolg via de gezinscoach.")
    submit(session, "Opslaan", "52 afspraak klaar")
    assert notice(session) == "De afspraak is opgeslagen."
    assert page.get_by_role("definition").filter(has_text=re.compile(f"^{done}$")).count() == 1
    assert page.get_by_text("Gesprek gevoerd op school").is_visible()


def close_case(session: Session, live_url: str, case: Case) -> None:
    page = session.page
    page.goto(f"{live_url}/casussen/{case.pk}/plan")
    check_page(session, "59 plan van aanpak vastgesteld")
    go(session, "Casus afsluiten", "60 casus afsluiten")
    assert h1(session) == f"Casus {case.reference} afsluiten"
    page.select_option("#id_outcome", "goals_reached")
    page.fill("#id_note", "Doelen bereikt; de gezinscoach blijft betrokken.")
    submit(session, "Casus afsluiten", "61 casus afgesloten")
    assert notice(session) == "De casus is afgesloten."
    assert f"{dutch('Status of the case')}: {dutch(Status.CLOSED.label)}" in page.get_by_role("main").inner_text()
    case.refresh_from_db()
    assert case.status == Status.CLOSED


def dashboards(open_session: Any, live_url: str, w: Any) -> None:
    manager = member(w.house, Role.HOUSE_MANAGER, first_name="Hanna", last_name="Huismanager")
    officer = member(w.house, Role.MUNICIPALITY_OFFICER, first_name="Guus", last_name="Gemeente",
                     municipality=h.dordrecht())
    steering = member(w.house, Role.STEERING_GROUP_MEMBER, first_name="Stella", last_name="Stuurgroep")
    for user in (manager, officer, steering):
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    year = timezone.localdate().year

    session = sign_in(open_session, live_url, manager, "huismanager")
    go(session, "Managementinformatie", "70 managementinformatie huismanager")
    go(session, w.house.name, "71 dashboard huis")
    assert h1(session) == f"Managementinformatie: {w.house.name}"
    assert session.page.get_by_role("table").first.is_visible()

    session = sign_in(open_session, live_url, officer, "gemeente")
    go(session, "Managementinformatie", "72 managementinformatie gemeente")
    go(session, "Dordrecht", "73 dashboard gemeente")
    assert h1(session).startswith("Managementinformatie: ")
    assert "Dordrecht" in h1(session)
    assert session.page.get_by_role("table").first.is_visible()
    go(session, "Managementinformatie", "74 managementinformatie gemeente terug")
    go(session, "jaarverslag", "75 jaarverslag gemeente")
    assert h1(session) == f"Jaarverslag {year} voor de gemeente Dordrecht"

    session = sign_in(open_session, live_url, steering, "stuurgroep")
    go(session, "Managementinformatie", "76 managementinformatie stuurgroep")
    region = w.house.region
    go(session, region.name, "77 dashboard regio")
    assert h1(session) == f"Managementinformatie: {region.name}"
    assert session.page.get_by_role("table").first.is_visible()


def test_whole_process_from_intake_to_dashboards(live_server: LiveServer, browser_session: Callable[[],
                                                 b.Session]) -> None:
    w = h.world()
    meeting_type = MeetingType.objects.create(house=w.house, name="Casusoverleg Zorg en Veiligheid")
    for user in (w.partner, w.director):
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    url = live_server.url

    partner = sign_in(browser_session, url, w.partner, "partner")
    case = file_intake(partner, url)

    director = sign_in(browser_session, url, w.director, "procesregisseur")
    triage(director, case, w, meeting_type)
    partner.page.reload()
    check_page(partner, "26 casus toegelaten voor aanmelder")
    assert dutch(Status.ADMITTED.label) in partner.page.get_by_role("main").inner_text()
    assert partner.page.get_by_text("Toegelaten; u wordt uitgenodigd voor het casusoverleg.").is_visible()
    case_conference(director, case, w, meeting_type)
    action_plan(director, url, case, w)

    agreement_done(partner, case)
    close_case(director, url, case)
    dashboards(browser_session, url, w)
