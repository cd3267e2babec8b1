"""The case workspace: tabs per role (hidden = 404), htmx partials, the no-JavaScript fallback, the log."""

import re

import pytest
from django.urls import reverse

from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.tests.clients import VerifiedClient
from opencasus.core.tests.world import World
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans import services as plan_services
from opencasus.plans.models import Goal, Plan
from opencasus.plans.tests.factories import in_days, world

pytestmark = pytest.mark.django_db

CORE = {"director", "secretary"}
PARTICIPANTS = {"owner", "colleague", "participant"}
EVERYONE = ["director", "secretary", "owner", "colleague", "participant", "outsider", "filer", "manager", "steering",
            "municipality_officer", "privacy_officer", "administrator", "other_house_director"]
TABS = {
    "overzicht": CORE | PARTICIPANTS | {"filer"},
    "personen": CORE | PARTICIPANTS,
    "informatie": CORE | PARTICIPANTS,
    "plan": CORE | PARTICIPANTS,
    "afspraken": CORE | PARTICIPANTS,
    "overleggen": CORE | PARTICIPANTS,
    "documenten": CORE | PARTICIPANTS | {"filer"},
    "logboek": CORE,
}
HTMX = {"HX-Request": "true", "HX-Target": "werkruimte"}


@pytest.fixture
def w() -> World:
    w = world()
    plan_services.goal_add(actor=w.director, case_id=w.case.pk, life_domain=LifeDomain.HOUSING,
                           description="Woning behouden", person=w.persons[0])
    plan_services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek afleggen",
                                   owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))
    return w


def url(w: World, tab: str | None = None) -> str:
    base = reverse("cases:detail", args=[w.case.pk])
    return f"{base}?tab={tab}" if tab else base


def visible_text(html: str) -> str:
    body = re.sub(r"(?s)<script.*?</script>|<[^>]+>", " ", html)
    return body


@pytest.mark.parametrize("role", EVERYONE)
def test_tab_access_matrix(w: World, role: str, verified_client: VerifiedClient) -> None:
    client = verified_client(getattr(w, role))
    for tab, allowed in TABS.items():
        for headers in ({}, HTMX):
            response = client.get(url(w, tab), headers=headers)
            assert response.status_code == (200 if role in allowed else 404), (tab, role, bool(headers))
    assert client.get(url(w, "onbekend")).status_code == 404


def test_each_tab_load_is_logged_per_person(w: World, verified_client: VerifiedClient) -> None:
    client = verified_client(w.owner)
    client.get(url(w, "personen"))
    assert ProcessingRecord.objects.filter(case_id=w.case.pk, action="view",
                                           object_type="case-personen").count() == len(w.persons)


def test_hidden_tab_reads_and_logs_nothing(w: World, verified_client: VerifiedClient) -> None:
    before = ProcessingRecord.objects.count()
    assert verified_client(w.owner).get(url(w, "logboek")).status_code == 404
    assert ProcessingRecord.objects.count() == before


def test_header_names_the_system_for_participants_only(w: World, verified_client: VerifiedClient) -> None:
    page = verified_client(w.owner).get(url(w)).content.decode()
    assert "Systeem Vermeer" in page
    assert "Dagen open" in page
    filer = verified_client(w.filer).get(url(w)).content.decode()
    assert "Vermeer" not in filer
    assert "Ontvangstbewijs van uw aanmelding" in filer
    assert "Aanmeldende organisatie" in filer
    assert w.case.filed_by_organisation.name in filer


def test_no_code_values_on_any_tab(w: World, verified_client: VerifiedClient) -> None:
    client = verified_client(w.director)
    for tab in TABS:
        text = visible_text(client.get(url(w, tab)).content.decode())
        for code in ("admitted", "process_director", "all_participants", "housing", "case-conference", "None"):
            assert code not in text, (tab, code)


def test_htmx_gets_only_the_tab_region(w: World, verified_client: VerifiedClient) -> None:
    client = verified_client(w.owner)
    partial = client.get(url(w, "plan"), headers=HTMX).content.decode()
    assert "<html" not in partial
    assert 'id="werkruimte"' in partial
    assert "Woning behouden" in partial
    assert 'aria-current="page">Plan<' in partial
    full = client.get(url(w, "plan")).content.decode()
    assert "<html" in full
    assert f'href="{url(w, "plan")}"' in full
    assert "Woning behouden" in full


def test_information_tab_says_why_the_reader_sees_an_item(w: World, verified_client: VerifiedClient) -> None:
    from opencasus.cases import services

    services.information_item_add(actor=w.participant, case_id=w.case.pk, organisation_id=w.care.pk,
                                  life_domain=LifeDomain.HOUSING, text="Huurachterstand",
                                  sharing_scope="named_organisations", shared_with_ids=[w.police.pk],
                                  legal_basis="Convenant, art. 6")
    page = verified_client(w.owner).get(url(w, "informatie")).content.decode()
    assert "Huurachterstand" in page
    assert "Convenant, art. 6" in page
    assert f"Met naam gedeeld met uw organisatie ({w.police.name})" in page


def _info(w: World) -> dict[str, object]:
    return {"organisation": w.police.pk, "person": "", "life_domain": "housing", "text": "Nieuwe melding",
            "sharing_scope": "all_participants", "legal_basis": "Convenant"}


def test_information_add_without_javascript_redirects_to_its_tab_and_anchor(w: World,
                                                                            verified_client: VerifiedClient) -> None:
    response = verified_client(w.owner).post(reverse("cases:information-add", args=[w.case.pk]), _info(w))
    item = w.case.information_items.get()
    assert response.status_code == 302
    assert response["Location"] == url(w, "informatie") + f"#informatie-{item.pk}"


def test_information_add_with_htmx_returns_the_tab(w: World, verified_client: VerifiedClient) -> None:
    client = verified_client(w.owner)
    response = client.post(reverse("cases:information-add", args=[w.case.pk]), _info(w), headers=HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body
    assert "Nieuwe melding" in body
    assert response["HX-Push-Url"] == url(w, "informatie")
    bad = client.post(reverse("cases:information-add", args=[w.case.pk]), {**_info(w), "text": ""}, headers=HTMX)
    assert bad.status_code == 400
    assert "<html" not in bad.content.decode()
    assert w.case.information_items.count() == 1


def test_goal_edit_in_place_with_htmx(w: World, verified_client: VerifiedClient) -> None:
    goal = Goal.objects.get(plan__case=w.case)
    client = verified_client(w.director)
    edit = reverse("cases:goal-edit", args=[w.case.pk, goal.pk])
    form = client.get(edit, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in form
    assert "Woning behouden</textarea>" in form
    version = Plan.objects.get(case=w.case).version
    response = client.post(edit, {"life_domain": "housing", "person": w.persons[0].pk,
                                  "description": "Woning behouden en huur betalen", "version": version},
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Woning behouden en huur betalen" in response.content.decode()
    goal.refresh_from_db()
    assert goal.description == "Woning behouden en huur betalen"
    stale = client.post(edit, {"life_domain": "housing", "description": "Ander doel", "version": version},
                        HTTP_HX_REQUEST="true")
    assert stale.status_code == 409
    assert Goal.objects.get(pk=goal.pk).description != "Ander doel"


def test_goal_edit_without_javascript(w: World, verified_client: VerifiedClient) -> None:
    goal = Goal.objects.get(plan__case=w.case)
    client = verified_client(w.director)
    edit = reverse("cases:goal-edit", args=[w.case.pk, goal.pk])
    opened = client.get(edit).content.decode()
    assert "<html" in opened
    assert f'action="{edit}"' in opened
    assert 'aria-current="page">Plan<' in opened
    page = client.get(url(w, "plan") + f"&doel={goal.pk}").content.decode()
    assert f'action="{edit}"' in page
    response = client.post(edit, {"life_domain": "drugs", "description": "Stoppen met gebruik",
                                  "version": Plan.objects.get(case=w.case).version})
    assert response.status_code == 302
    assert response["Location"] == url(w, "plan") + f"#doel-{goal.pk}"
    assert Goal.objects.get(pk=goal.pk).life_domain == "drugs"


@pytest.mark.parametrize("role", ["owner", "participant", "filer", "manager", "other_house_director"])
def test_only_core_staff_edit_goals(w: World, role: str, verified_client: VerifiedClient) -> None:
    goal = Goal.objects.get(plan__case=w.case)
    edit = reverse("cases:goal-edit", args=[w.case.pk, goal.pk])
    response = verified_client(getattr(w, role)).post(edit, {"life_domain": "drugs", "description": "x"})
    assert response.status_code == 404
    assert Goal.objects.get(pk=goal.pk).description == "Woning behouden"


def test_log_tab_shows_who_saw_the_case_and_pages(w: World, verified_client: VerifiedClient,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from opencasus.privacy import case_log as log

    verified_client(w.owner).get(url(w, "personen"))
    client = verified_client(w.director)
    page = client.get(url(w, "logboek")).content.decode()
    assert w.owner.get_full_name() in page
    assert "de personen" in page
    assert "Professional partnerorganisatie, Politie" in page
    monkeypatch.setattr(log, "PER_PAGE", 1)
    first = client.get(url(w, "logboek")).content.decode()
    second = client.get(url(w, "logboek") + "&pagina=2", headers=HTMX).content.decode()
    assert "pagina=2" in first
    assert "Pagina 1 van" in first
    assert "Pagina 2 van" in second
    assert "<html" not in second


def test_plan_tab_links_agreements_to_their_goal_and_keeps_status_history(w: World,
                                                                          verified_client: VerifiedClient) -> None:
    from opencasus.plans.models import Agreement
    from opencasus.plans.vocabulary import AgreementStatus

    goal = Goal.objects.get(plan__case=w.case)
    served = plan_services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huurschuld regelen",
                                            owner_organisation=w.police, deadline=in_days(9), goal=goal)
    plan_services.agreement_update(actor=w.owner, agreement_id=served.pk, expected_version=None,
                                   status=AgreementStatus.DONE, progress_note="Regeling getroffen")
    client = verified_client(w.participant)
    plan = client.get(url(w, "plan")).content.decode()
    goal_block = plan[plan.index(f'id="doel-{goal.pk}"'):plan.index("Interventies")]
    assert "Huurschuld regelen" in goal_block
    assert "Huisbezoek afleggen" not in goal_block
    agreements = client.get(url(w, "afspraken")).content.decode()
    assert "Open → Gedaan" in agreements or "Open → Afgerond" in agreements
    assert "Regeling getroffen" in agreements
    assert "Dient het doel: Woning behouden" in agreements
    assert Agreement.objects.get(pk=served.pk).status_changes.get().changed_by == w.owner
