import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.cases.vocabulary import LifeDomain
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans import services
from opencasus.plans.models import Agreement, Escalation, Goal, Plan
from opencasus.plans.tests.factories import World, a_meeting, in_days, world
from opencasus.plans.vocabulary import AgreementStatus, EscalationLevel

pytestmark = pytest.mark.django_db

CORE = {"director", "secretary"}
PARTICIPANTS = {"owner", "colleague", "participant"}
MANAGERS = {"manager", "steering"}
EVERYONE = ["director", "secretary", "owner", "colleague", "participant", "outsider", "filer", "manager", "steering",
            "municipality_officer", "privacy_officer", "administrator", "other_house_director"]


@pytest.fixture
def setup() -> tuple[World, Agreement, Escalation]:
    w = world()
    services.plan_update(actor=w.director, case_id=w.case.pk, expected_version=None, director_organisation=w.police,
                         director_user=w.owner, evaluation_date=in_days(30))
    services.goal_add(actor=w.director, case_id=w.case.pk, life_domain=LifeDomain.HOUSING, description="Woning houden")
    agreement = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                                          owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))
    plan = Plan.objects.get(case=w.case)
    services.plan_adopt(actor=w.director, case_id=w.case.pk, expected_version=plan.version)
    escalation = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.TACTICAL,
                                           organisation=w.police, agreement_id=agreement.pk,
                                           reason="Geheime reden over het gezin")
    return w, agreement, escalation


def _pages(w: World, agreement: Agreement, escalation: Escalation) -> dict[str, set[str]]:
    case = w.case.pk
    return {
        reverse("plans:plan", args=[case]): CORE | PARTICIPANTS,
        reverse("plans:case-agreements", args=[case]): CORE | PARTICIPANTS,
        reverse("plans:versions", args=[case]): CORE | PARTICIPANTS,
        reverse("plans:version", args=[case, 1]): CORE | PARTICIPANTS,
        reverse("plans:pdf", args=[case]): CORE | PARTICIPANTS,
        reverse("plans:adopt", args=[case]): CORE,
        reverse("plans:evaluation", args=[case]): CORE,
        reverse("plans:escalation-raise", args=[case]): CORE,
        reverse("plans:close", args=[case]): CORE,
        reverse("plans:reopen", args=[case]): CORE,
        reverse("plans:agreement", args=[agreement.pk]): CORE | PARTICIPANTS,
        reverse("plans:escalations"): CORE | MANAGERS | {"other_house_director"},  # their own house's list
        reverse("plans:escalation", args=[escalation.pk]): CORE | MANAGERS | PARTICIPANTS,
        reverse("plans:my-agreements"): set(EVERYONE),
    }


@pytest.mark.parametrize("who", EVERYONE)
def test_access_matrix_for_every_page(setup: tuple[World, Agreement, Escalation],
                                      verified_client: Callable[[User], Client], who: str) -> None:
    w, agreement, escalation = setup
    client = verified_client(getattr(w, who))
    for url, allowed in _pages(w, agreement, escalation).items():
        response = client.get(url)
        expected = 200 if who in allowed else 404
        assert response.status_code == expected, (who, url, response.status_code)
    overview = client.get(reverse("plans:escalations")).content.decode()
    assert (w.case.reference in overview) == (who in CORE | MANAGERS)


def test_missing_records_are_404_like_hidden_ones(setup: tuple[World, Agreement, Escalation],
                                                  verified_client: Callable[[User], Client]) -> None:
    w, _agreement, _escalation = setup
    client = verified_client(w.director)
    for url in (reverse("plans:plan", args=[999999]), reverse("plans:agreement", args=[999999]),
                reverse("plans:escalation", args=[999999]), reverse("plans:version", args=[w.case.pk, 9])):
        assert client.get(url).status_code == 404


def test_plan_page_in_dutch_and_logged(setup: tuple[World, Agreement, Escalation],
                                       verified_client: Callable[[User], Client]) -> None:
    w, _agreement, _escalation = setup
    response = verified_client(w.owner).get(reverse("plans:plan", args=[w.case.pk]))
    html = response.content.decode()
    assert "Plan van aanpak voor casus" in html
    assert "Woning houden" in html
    assert "Huisbezoek" in html
    assert "Doel toevoegen" not in html  # participants do not edit the plan
    assert ProcessingRecord.objects.filter(case_id=w.case.pk, object_type="plan", action="view",
                                           audit__username=w.owner.username).count() == 3
    html = verified_client(w.director).get(reverse("plans:plan", args=[w.case.pk])).content.decode()
    assert "Doel toevoegen" in html
    assert "Casus afsluiten" in html


def test_manager_sees_escalation_metadata_only(setup: tuple[World, Agreement, Escalation],
                                               verified_client: Callable[[User], Client]) -> None:
    w, _agreement, escalation = setup
    client = verified_client(w.manager)
    overview = client.get(reverse("plans:escalations")).content.decode()
    assert w.case.reference in overview
    assert "Tactisch" in overview
    assert "Geheime reden" not in overview
    detail = client.get(reverse("plans:escalation", args=[escalation.pk])).content.decode()
    assert "Geheime reden" not in detail
    assert "Huisbezoek" not in detail
    assert "Reactie vastleggen" in detail
    assert "Geheime reden" in verified_client(w.director).get(
        reverse("plans:escalation", args=[escalation.pk])).content.decode()
    response = client.post(reverse("plans:escalation", args=[escalation.pk]),
                           {"version": escalation.version, "response": "Opgepakt door teamleider",
                            "outcome": "resolved"})
    assert response.status_code == 302
    escalation.refresh_from_db()
    assert escalation.status == "closed"


def test_owner_sets_status_and_second_stale_save_gets_dutch_conflict(
    setup: tuple[World, Agreement, Escalation], verified_client: Callable[[User], Client],
) -> None:
    w, agreement, _escalation = setup
    director = verified_client(w.director)
    owner = verified_client(w.owner)
    # Both opened the page at version 1.
    response = director.post(reverse("plans:agreement-edit", args=[agreement.pk]), {
        "version": 1, "description": "Huisbezoek met wijkagent", "owner_organisation": w.police.pk,
        "owner_user": w.owner.pk, "deadline": in_days(10).isoformat()})
    assert response.status_code == 302
    response = owner.post(reverse("plans:agreement-status", args=[agreement.pk]),
                          {"version": 1, "status": "done", "progress_note": "Gedaan"})
    assert response.status_code == 409
    assert "intussen door iemand anders gewijzigd" in response.content.decode()
    assert "Gedaan" in response.content.decode()  # their input is kept
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.OPEN
    assert agreement.description == "Huisbezoek met wijkagent"
    response = owner.post(reverse("plans:agreement-status", args=[agreement.pk]),
                          {"version": 2, "status": "done", "progress_note": "Gedaan"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.DONE
    assert agreement.notes.get().kind == "progress"


def test_participant_comments_but_cannot_change_status(
    setup: tuple[World, Agreement, Escalation], verified_client: Callable[[User], Client],
) -> None:
    w, agreement, _escalation = setup
    client = verified_client(w.participant)
    html = client.get(reverse("plans:agreement", args=[agreement.pk])).content.decode()
    assert "Opmerking toevoegen" in html
    assert "Status en voortgang" not in html
    assert client.post(reverse("plans:agreement-status", args=[agreement.pk]),
                       {"version": 1, "status": "done"}).status_code == 403
    response = client.post(reverse("plans:agreement-note", args=[agreement.pk]), {"text": "Graag bellen"})
    assert response.status_code == 302
    assert agreement.notes.get().kind == "comment"
    outsider = verified_client(w.outsider)
    assert outsider.post(reverse("plans:agreement-note", args=[agreement.pk]), {"text": "x"}).status_code == 404


def test_plan_editor_forms(
    setup: tuple[World, Agreement, Escalation], verified_client: Callable[[User], Client],
) -> None:
    w, _agreement, _escalation = setup
    client = verified_client(w.director)
    plan = Plan.objects.get(case=w.case)
    response = client.post(reverse("plans:goal-add", args=[w.case.pk]), {
        "life_domain": LifeDomain.EDUCATION_WORK, "person": w.persons[2].pk, "description": "Sem naar school"})
    assert response.status_code == 302
    assert Goal.objects.filter(person=w.persons[2]).exists()
    response = client.post(reverse("plans:goal-add", args=[w.case.pk]), {"life_domain": "x", "description": ""})
    assert response.status_code == 400
    assert "Dit veld is verplicht" in response.content.decode()
    response = client.post(reverse("plans:plan-header", args=[w.case.pk]), {
        "version": plan.version, "director_organisation": w.care.pk, "director_user": w.participant.pk,
        "evaluation_date": in_days(20).isoformat()})
    assert response.status_code == 409
    assert "intussen door iemand anders gewijzigd" in response.content.decode()
    plan.refresh_from_db()
    response = client.post(reverse("plans:plan-header", args=[w.case.pk]), {
        "version": plan.version, "director_organisation": w.care.pk, "director_user": w.participant.pk,
        "evaluation_date": in_days(20).isoformat()})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.director_user == w.participant
    assert plan.changed_since_adoption
    response = client.post(reverse("plans:adopt", args=[w.case.pk]),
                           {"version": plan.version, "meeting_id": a_meeting(w)})
    assert response.status_code == 302
    assert client.get(reverse("plans:version", args=[w.case.pk, 2])).status_code == 200
    response = client.post(reverse("plans:agreement-add", args=[w.case.pk]), {
        "description": "Schoolbezoek", "owner_organisation": w.care.pk, "deadline": in_days(-3).isoformat()})
    assert response.status_code == 400
    assert "De deadline ligt in het verleden." in response.content.decode()
    assert not Agreement.objects.filter(description="Schoolbezoek").exists()


def test_close_and_reopen_pages(
    setup: tuple[World, Agreement, Escalation], verified_client: Callable[[User], Client],
) -> None:
    w, _agreement, _escalation = setup
    client = verified_client(w.director)
    response = client.post(reverse("plans:close", args=[w.case.pk]), {
        "version": w.case.version, "outcome": "regular_care", "handed_over_to": w.care.pk, "note": "Wijkteam"})
    assert response.status_code == 302
    html = client.get(reverse("plans:plan", args=[w.case.pk])).content.decode()
    assert "Reguliere zorg heeft het overgenomen" in html
    assert "Casus heropenen" in html
    w.case.refresh_from_db()
    response = client.post(reverse("plans:reopen", args=[w.case.pk]), {"version": w.case.version, "reason": ""})
    assert response.status_code == 400
    response = client.post(reverse("plans:reopen", args=[w.case.pk]), {"version": w.case.version,
                                                                         "reason": "Nieuwe zorgen"})
    assert response.status_code == 302
    w.case.refresh_from_db()
    assert w.case.status == "admitted"


def test_my_agreements_lists_own_only(setup: tuple[World, Agreement, Escalation],
                                      verified_client: Callable[[User], Client]) -> None:
    w, _agreement, _escalation = setup
    html = verified_client(w.colleague).get(reverse("plans:my-agreements")).content.decode()
    assert "Huisbezoek" in html  # the owner organisation's participant
    html = verified_client(w.participant).get(reverse("plans:my-agreements")).content.decode()
    assert "Huisbezoek" not in html
    assert "Geen afspraken." in html
    html = verified_client(w.owner).get(reverse("plans:my-agreements") + "?overdue=on").content.decode()
    assert "Huisbezoek" not in html


def test_a_form_post_without_the_version_is_refused_with_a_dutch_message(
    setup: tuple[World, Agreement, Escalation], verified_client: Callable[[User], Client],
) -> None:
    w, agreement, _escalation = setup
    response = verified_client(w.director).post(reverse("plans:agreement-edit", args=[agreement.pk]), {
        "description": "Overschreven", "owner_organisation": w.police.pk, "owner_user": w.owner.pk,
        "deadline": in_days(10).isoformat()})
    assert response.status_code == 400
    assert "mist de versie" in response.content.decode()
    assert "Overschreven" in response.content.decode()  # the input is kept
    agreement.refresh_from_db()
    assert agreement.description == "Huisbezoek"


def test_the_first_save_of_a_new_plan_is_not_a_conflict(verified_client: Callable[[User], Client]) -> None:
    """A freshly admitted case has no plan yet: the header form carries the version a new plan starts at."""
    w = world()
    assert not Plan.objects.filter(case=w.case).exists()
    client = verified_client(w.director)
    page = client.get(reverse("plans:plan", args=[w.case.pk])).content.decode()
    version = re.search(r'name="version" value="(\d+)"', page)
    assert version is not None
    response = client.post(reverse("plans:plan-header", args=[w.case.pk]), {
        "version": version.group(1), "director_organisation": w.police.pk, "evaluation_date": in_days(60).isoformat()})
    assert response.status_code == 302
    assert Plan.objects.get(case=w.case).director_organisation == w.police
