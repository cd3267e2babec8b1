import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from opencasus.cases.models import CaseHit, Participant
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.cases.vocabulary import Urgency
from opencasus.cases.workflow import Status
from opencasus.core.tests.clients import VerifiedClient
from opencasus.core.tests.world import World
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.triage import selectors, services
from opencasus.triage.models import Assessment, Decision
from opencasus.triage.tests.factories import admit, intake, meets

pytestmark = pytest.mark.django_db



def test_queue_lists_waiting_intakes_with_age_hits_urgency_and_date(world: World,
                                                                    verified_client: VerifiedClient) -> None:
    old = intake(world, filed_at=timezone.now() - dt.timedelta(days=9), urgency=Urgency.CRISIS)
    new = intake(world)
    decided = intake(world, status=Status.DECLINED)
    other_house_case = CaseFactory.create()
    CaseHit.objects.create(case=old, person=old.persons.get(), matched_by="bsn", house=HouseFactory.create(),
                           where="running_case")
    response = verified_client(world.director).get(reverse("triage:queue"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Weegoverleg" in html
    assert "Volgend weegoverleg" in html
    assert old.reference in html
    assert new.reference in html
    assert decided.reference not in html
    assert other_house_case.reference not in html
    assert "Crisis" in html or "crisis" in html.lower()
    assert '<span class="oc-badge oc-badge--bad">1</span>' in html
    assert ProcessingRecord.objects.filter(object_type="triage-queue", case_id=old.pk, action="view").count() == 1
    assert ProcessingRecord.objects.filter(object_type="triage-queue", case_id=new.pk).count() == 1


def test_queue_is_404_for_non_core_staff(world: World, verified_client: VerifiedClient) -> None:
    assert verified_client(world.police_pro).get(reverse("triage:queue")).status_code == 404


def test_menu_link_and_start_section_for_core_staff_only(world: World, verified_client: VerifiedClient) -> None:
    intake(world)
    intake(world)
    page = verified_client(world.director).get(reverse("core:start")).content.decode()
    assert reverse("triage:queue") in page
    assert f"{world.house.name}: 2 wachtend, volgend weegoverleg" in page
    page = verified_client(world.police_pro).get(reverse("core:start")).content.decode()
    assert reverse("triage:queue") not in page


def test_assessment_page_runs_the_hit_check_and_saves(world: World, verified_client: VerifiedClient) -> None:
    case = intake(world)
    twin = case.persons.get()
    elsewhere = CaseFactory.create(house=HouseFactory.create(), status=Status.ADMITTED)
    PersonFactory.create(case=elsewhere, first_name=twin.first_name, last_name=twin.last_name,
                  date_of_birth=twin.date_of_birth)
    client = verified_client(world.director)
    url = reverse("triage:assessment", args=[case.pk])
    page = client.get(url).content.decode()
    assert "Hitcheck (nu opnieuw uitgevoerd)" in page
    assert elsewhere.house.name in page
    assert elsewhere.reference not in page
    assert ProcessingRecord.objects.filter(object_type="hit-check", case_id=case.pk).exists()
    data = {"multiple_problems": "yes", "multiple_problems_explanation": "Schulden, verslaving, overlast.",
            "multiple_chains": "yes", "multiple_chains_explanation": "Zorg en strafrecht.",
            "system_impact": "yes", "system_impact_explanation": "Kinderen in het gezin.",
            "area_safety": "unknown", "area_safety_explanation": "",
            "domain_housing": "on", "domain_housing_note": "Huurachterstand.",
            f"local_{world.criterion.pk}_answer": "yes", f"local_{world.criterion.pk}_explanation": "Twee kinderen."}
    response = client.post(url, data)
    assert response.status_code == 302
    assessment = Assessment.objects.get(case=case)
    assert assessment.verdict == "meets"
    case.refresh_from_db()
    assert case.status == Status.IN_TRIAGE
    page = client.get(url).content.decode()
    assert "Voldoet aan de criteria" in page


def test_assessment_form_shows_dutch_errors(world: World, verified_client: VerifiedClient) -> None:
    case = intake(world)
    response = verified_client(world.director).post(reverse("triage:assessment", args=[case.pk]), {
        "multiple_problems": "yes", "multiple_chains": "unknown", "system_impact": "unknown",
        "area_safety": "unknown", "domain_drugs": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Licht dit antwoord toe." in html
    assert "Geef bij elk aangekruist leefgebied een toelichting." in html
    assert not Assessment.objects.filter(case=case).exists()


def test_decision_page_admits_with_participants_and_informs_the_filer(
    world: World, verified_client: VerifiedClient, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    case.refresh_from_db()
    client = verified_client(world.director)
    url = reverse("triage:decision", args=[case.pk])
    page = client.get(url).content.decode()
    assert "geen privacyconvenant van kracht" in page  # the organisation without a covenant is marked
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {
            "version": case.version, "outcome": "admit", "grounds": "Voldoet aan de criteria.",
            "purpose": "Stabiliseren en recidive voorkomen.", "questions": "Wie heeft de regie?",
            "meeting_type": world.meeting_type.pk, "organisations": [world.police.pk],
            "professionals": [f"{world.police_pro.pk}:{world.police.pk}"]})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.ADMITTED
    assert case.purpose == "Stabiliseren en recidive voorkomen."
    assert Participant.objects.filter(case=case, user=world.police_pro).exists()
    assert len(mail.outbox) == 1
    assert case.reference in mail.outbox[0].subject
    page = client.get(url).content.decode()
    assert "Toelaten tot een casusoverleg" in page


def test_decision_page_refuses_an_organisation_without_covenant(world: World, verified_client: VerifiedClient) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    case.refresh_from_db()
    response = verified_client(world.director).post(reverse("triage:decision", args=[case.pk]), {
        "version": case.version, "outcome": "admit", "grounds": "Voldoet.", "purpose": "Doel.",
        "questions": "Vragen.", "meeting_type": world.meeting_type.pk,
        "organisations": [world.police.pk, world.no_covenant.pk]})
    assert response.status_code == 200
    assert "geen privacyconvenant dat van kracht is" in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.IN_TRIAGE
    assert not Participant.objects.filter(case=case).exists()


def test_second_decision_from_a_stale_form_gets_the_conflict_message(world: World,
                                                                     verified_client: VerifiedClient) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    case.refresh_from_db()
    stale = case.version
    services.decision_record(actor=world.director, case_id=case.pk, data=admit(world))
    response = verified_client(world.secretary).post(reverse("triage:decision", args=[case.pk]), {
        "version": stale, "outcome": "decline", "grounds": "Niet complex."})
    assert response.status_code == 200
    assert "intussen door iemand anders gewijzigd" in response.content.decode()
    assert Decision.objects.get(case=case).outcome == "admit"


def test_participants_page_add_and_end(world: World, verified_client: VerifiedClient) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    services.decision_record(actor=world.director, case_id=case.pk,
                             data=admit(world, organisation_ids=[world.police.pk], professionals=[]))
    client = verified_client(world.director)
    url = reverse("triage:participants", args=[case.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"participant": f"pro:{world.probation_pro.pk}:{world.probation.pk}",
                                 "reason": "Toezicht loopt."})
    assert response.status_code == 302
    row = Participant.objects.get(case=case, user=world.probation_pro)
    response = client.post(url, {"participant": f"org:{world.no_covenant.pk}", "reason": "Nodig."})
    assert "geen privacyconvenant dat van kracht is" in response.content.decode()
    end_url = reverse("triage:participant-end", args=[case.pk, row.pk])
    assert client.post(end_url, {"reason": ""}).status_code == 400
    assert client.post(end_url, {"reason": "Toezicht afgerond."}).status_code == 302
    row.refresh_from_db()
    assert row.ended_at is not None
    assert "Toezicht afgerond." in client.get(url).content.decode()


def test_other_house_core_staff_get_404_everywhere(world: World, verified_client: VerifiedClient) -> None:
    case = intake(world)
    outsider = member(HouseFactory.create(), Role.PROCESS_DIRECTOR)
    client = verified_client(outsider)
    for name in ("triage:assessment", "triage:decision", "triage:participants"):
        assert client.get(reverse(name, args=[case.pk])).status_code == 404


def test_decision_page_groups_fields_per_outcome_and_keeps_only_the_chosen_outcomes(
    world: World, verified_client: VerifiedClient,
) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    case.refresh_from_db()
    client = verified_client(world.director)
    url = reverse("triage:decision", args=[case.pk])
    page = client.get(url).content.decode()
    # Without JavaScript every group is shown, each under the outcome it belongs to.
    assert 'data-oc-show-when="outcome=admit"' in page
    assert 'data-oc-show-when="outcome=advice"' in page
    assert 'data-oc-show-when="outcome=route"' in page
    assert 'data-oc-show-when="routed_to=other"' in page
    assert "Bij toelating tot een casusoverleg" in page
    assert "(toelating)" not in page
    # A professional carries the organisation it belongs to, for the picker to show only the chosen ones.
    assert f'value="{world.police_pro.pk}:{world.police.pk}"' in page
    assert f'data-oc-group="{world.police.pk}"' in page
    assert 'data-oc-filter-by="organisations"' in page
    # Advice: what was typed in the hidden admission fields is not kept.
    response = client.post(url, {
        "version": case.version, "outcome": "advice", "grounds": "Past beter bij het wijkteam.",
        "advice": "Schakel het wijkteam in.", "purpose": "Achtergebleven doel", "questions": "Vraag",
        "meeting_type": world.meeting_type.pk, "organisations": [world.police.pk]})
    assert response.status_code == 302
    case.refresh_from_db()
    decision = Decision.objects.get(case=case)
    assert case.status == Status.ADVICE_GIVEN
    assert decision.advice == "Schakel het wijkteam in."
    assert case.purpose == ""
    assert not Participant.objects.filter(case=case).exists()


def test_decision_page_validates_the_chosen_outcomes_fields(world: World, verified_client: VerifiedClient) -> None:
    case = intake(world)
    services.assessment_save(actor=world.director, case_id=case.pk, data=meets())
    case.refresh_from_db()
    url = reverse("triage:decision", args=[case.pk])
    response = verified_client(world.director).post(url, {
        "version": case.version, "outcome": "route", "grounds": "Hoort bij ZSM.", "advice": "Niet van belang"})
    assert response.status_code == 200
    assert "Kies waar de casus wordt belegd." in response.content.decode()
    case.refresh_from_db()
    assert case.status == Status.IN_TRIAGE


def test_assessment_page_shows_a_domain_note_with_its_domain(world: World, verified_client: VerifiedClient) -> None:
    case = intake(world)
    page = verified_client(world.director).get(reverse("triage:assessment", args=[case.pk])).content.decode()
    assert 'data-oc-show-when="domain_family_relations"' in page
    assert 'id="id_domain_family_relations_note"' in page  # shown without JavaScript


def test_a_submitted_intake_can_be_declined_as_a_duplicate_from_the_decision_page(
        world: World, verified_client: VerifiedClient) -> None:
    case = intake(world)
    client = verified_client(world.director)
    url = reverse("triage:decision", args=[case.pk])
    page = client.get(url).content.decode()
    assert 'value="decline"' in page
    assert 'value="route"' in page
    assert 'value="admit"' not in page
    assert 'value="advice"' not in page
    response = client.post(url, {"version": case.version, "outcome": "decline",
                                 "grounds": "Dubbele aanmelding: loopt al in dit huis."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.DECLINED


def test_queue_page_is_paged_and_logs_only_its_page(world: World, verified_client: VerifiedClient,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selectors, "QUEUE_PAGE_SIZE", 2)
    cases = [intake(world) for _ in range(3)]
    client = verified_client(world.director)
    first = client.get(reverse("triage:queue")).content.decode()
    assert "Wachtende aanmeldingen: 3" in first
    on_first = {c.pk for c in cases if c.reference in first}
    assert len(on_first) == 2
    logged = ProcessingRecord.objects.filter(object_type="triage-queue").values_list("case_id", flat=True)
    assert set(logged) == on_first
    second = client.get(reverse("triage:queue"), {"page": 2}).content.decode()
    assert {c.pk for c in cases if c.reference in second} == {c.pk for c in cases} - on_first
    assert client.get(reverse("triage:queue"), {"page": "x"}).status_code == 200
