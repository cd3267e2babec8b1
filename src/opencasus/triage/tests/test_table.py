"""The triage table with its partners, end to end: standing members see the session's intakes and nothing else,
an information request to the municipality is answered and visible to the table only, and after a "route"
decision the standing members lose access."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.cases.vocabulary import LifeDomain
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import member
from opencasus.notifications.models import Kind, Notification
from opencasus.triage import selectors_table, services
from opencasus.triage.models import AnswerScope, RequestStatus, SessionStatus
from opencasus.triage.services import DecisionInput
from opencasus.triage.tests.factories import meets
from opencasus.triage.tests.table_world import Table, make_table, members

pytestmark = pytest.mark.django_db

PageClient = Callable[[User], Client]
ApiClient = Callable[[User], APIClient]


@pytest.fixture
def table() -> Table:
    return make_table()


def _ask_municipality(table: Table) -> int:
    person = table.listed.persons.first()
    assert person is not None
    request = services.information_request_create(
        actor=table.world.director, case_id=table.listed.pk, organisation_id=table.municipality.pk,
        person_ids=[person.pk], life_domains=[LifeDomain.HOUSING, LifeDomain.INCOME_MONEY],
        question="Is er een huurachterstand of schuldhulp?", due_date=timezone.localdate() + dt.timedelta(days=1))
    return request.pk


def test_the_done_when_scenario(table: Table, verified_client: PageClient, api_client: ApiClient) -> None:
    listed, other = table.listed, table.other
    for user in members(table):
        page, api = verified_client(user), api_client(user)
        assert page.get(reverse("triage:table-intake", args=[listed.pk])).status_code == 200
        assert api.get(f"/api/v1/triage-intakes/{listed.pk}").status_code == 200
        assert page.get(reverse("triage:table-intake", args=[other.pk])).status_code == 404
        assert api.get(f"/api/v1/triage-intakes/{other.pk}").status_code == 404
        assert page.get(reverse("triage:assessment", args=[listed.pk])).status_code == 404
        assert page.get(reverse("cases:detail", args=[listed.pk])).status_code == 404
        session_page = page.get(reverse("triage:session", args=[table.session.pk]))
        assert session_page.status_code == 200
        assert listed.reference.encode() in session_page.content
        assert other.reference.encode() not in session_page.content
        listing = api.get("/api/v1/triage-sessions").json()
        assert [s["id"] for s in listing] == [table.session.pk]

    # The municipality (no seat) is asked; its professional sees the request and the person asked about.
    request_id = _ask_municipality(table)
    assert Notification.objects.filter(user=table.municipality_pro, kind=Kind.INFORMATION_REQUEST).exists()
    municipality = api_client(table.municipality_pro)
    seen = municipality.get(f"/api/v1/information-requests/{request_id}")
    assert seen.status_code == 200
    assert seen.json()["reference"] == listed.reference
    assert "reason" not in seen.json()
    assert verified_client(table.municipality_pro).get(
        reverse("triage:table-intake", args=[listed.pk])).status_code == 404
    answered = municipality.post(f"/api/v1/information-requests/{request_id}/answer", {
        "text": "Huurachterstand van drie maanden; aangemeld bij schuldhulp.",
        "legalBasis": "Convenant Zorg- en Veiligheidshuis, artikel 5"}, format="json")
    assert answered.status_code == 201, answered.content
    assert answered.json()["sharingScope"] == AnswerScope.TRIAGE_TABLE

    # Visible to the table only.
    for user in members(table):
        body = api_client(user).get(f"/api/v1/triage-intakes/{listed.pk}").json()
        assert [a["text"] for a in body["answers"]] == ["Huurachterstand van drie maanden; aangemeld bij schuldhulp."]
    outsider = api_client(table.housing_pro)
    assert outsider.get(f"/api/v1/triage-intakes/{listed.pk}").status_code == 404
    assert outsider.get(f"/api/v1/information-requests/{request_id}").status_code == 404
    assert outsider.get("/api/v1/information-requests").json() == []
    assessment = verified_client(table.world.director).get(reverse("triage:assessment", args=[listed.pk]))
    assert b"Huurachterstand van drie maanden" in assessment.content
    assert b"Is er een huurachterstand" in assessment.content

    # A contribution of the police.
    police = api_client(table.world.police_pro)
    created = police.post(f"/api/v1/cases/{listed.pk}/triage-contributions", {
        "text": "Twee aanhoudingen dit jaar.", "lifeDomains": ["offence_history"]}, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["organisationName"] == table.world.police.name

    # Route: the standing members lose access; the session shows the decision, not the persons.
    services.assessment_save(actor=table.world.director, case_id=listed.pk, data=meets())
    services.decision_record(actor=table.world.director, case_id=listed.pk, data=DecisionInput(
        outcome="route", grounds="Past bij het ZSM-overleg.", routed_to="zsm"), notify_filer=False)
    person = listed.persons.first()
    assert person is not None
    for user in [*members(table), table.municipality_pro]:
        api = api_client(user)
        assert api.get(f"/api/v1/triage-intakes/{listed.pk}").status_code == 404
        assert api.get(f"/api/v1/cases/{listed.pk}/triage-contributions").status_code == 404
        assert api.get(f"/api/v1/information-requests/{request_id}").status_code == 404
    session = api_client(table.om_pro).get(f"/api/v1/triage-sessions/{table.session.pk}").json()
    assert session["items"] == [{"caseId": listed.pk, "reference": listed.reference, "status": "routed",
                                 "waiting": False, "subjects": [], "outcome": "route",
                                 "decidedAt": session["items"][0]["decidedAt"]}]
    page = verified_client(table.om_pro).get(reverse("triage:session", args=[table.session.pk]))
    assert person.last_name.encode() not in page.content


def test_reads_and_writes_at_the_table_are_logged_as_triage(table: Table, api_client: ApiClient) -> None:
    before = ProcessingRecord.objects.filter(case_id=table.listed.pk, activity_code="triage").count()
    api_client(table.om_pro).get(f"/api/v1/triage-intakes/{table.listed.pk}")
    services.contribution_add(actor=table.om_pro, case_id=table.listed.pk, text="Lopende strafzaak.",
                              life_domains=["current_offence"])
    records = ProcessingRecord.objects.filter(case_id=table.listed.pk, activity_code="triage")
    assert records.count() >= before + 2
    assert records.filter(object_type="triage-table-intake", action="view").exists()
    assert records.filter(object_type="triage-contribution", action="create").exists()


def test_a_named_professional_sits_alone_and_an_ended_seat_gives_nothing(table: Table) -> None:
    world = table.world
    colleague = member(world.house, Role.PARTNER_PROFESSIONAL, table.housing)
    services.standing_member_add(actor=world.director, house_id=world.house.pk, organisation_id=table.housing.pk,
                                 user_id=table.housing_pro.pk)
    assert selectors_table.table_intake_get(actor=table.housing_pro, case_id=table.listed.pk).case == table.listed
    with pytest.raises(Http404):
        selectors_table.table_intake_get(actor=colleague, case_id=table.listed.pk)
    seat = next(m for m in selectors_table.standing_members(actor=world.director, house_id=world.house.pk)
                if m.organisation_id == table.om.pk)
    services.standing_member_end(actor=world.director, member_id=seat.pk, reason="Andere vertegenwoordiging.")
    with pytest.raises(Http404):
        selectors_table.table_intake_get(actor=table.om_pro, case_id=table.listed.pk)


def test_standing_members_are_managed_by_the_director_and_the_house_manager_only(table: Table) -> None:
    world = table.world
    manager = member(world.house, Role.HOUSE_MANAGER, table.municipality)
    services.standing_member_add(actor=manager, house_id=world.house.pk, organisation_id=table.housing.pk,
                                 meeting_type_id=world.meeting_type.pk)
    for actor in (world.secretary, world.police_pro):
        with pytest.raises(Http404):
            services.standing_member_add(actor=actor, house_id=world.house.pk, organisation_id=table.housing.pk)
    with pytest.raises(ValidationError) as refused:
        services.standing_member_add(actor=world.director, house_id=world.house.pk, organisation_id=table.om.pk)
    assert "organisation" in refused.value.message_dict
    with pytest.raises(ValidationError) as uncovered:
        services.standing_member_add(actor=world.director, house_id=world.house.pk,
                                     organisation_id=world.no_covenant.pk)
    assert "organisation" in uncovered.value.message_dict
    # A seat at a conference type gives no access to the table.
    with pytest.raises(Http404):
        selectors_table.table_intake_get(actor=table.housing_pro, case_id=table.listed.pk)


def test_information_requests_are_validated_and_overdue_ones_are_signalled(table: Table) -> None:
    world = table.world
    with pytest.raises(ValidationError) as bad:
        services.information_request_create(actor=world.director, case_id=table.listed.pk,
                                            organisation_id=world.no_covenant.pk, person_ids=[], life_domains=["x"],
                                            question=" ", due_date=timezone.localdate() - dt.timedelta(days=1))
    assert set(bad.value.message_dict) == {"organisation", "persons", "life_domains", "question", "due_date"}
    request_id = _ask_municipality(table)
    with pytest.raises(PermissionDenied):
        services.information_request_answer(actor=world.director, request_id=request_id, text="x",
                                            life_domains=[], legal_basis="y")
    with pytest.raises(Http404):
        services.information_request_answer(actor=world.police_pro, request_id=request_id, text="x",
                                            life_domains=[], legal_basis="y")
    with pytest.raises(ValidationError) as missing:
        services.information_request_answer(actor=table.municipality_pro, request_id=request_id, text="Geen.",
                                            life_domains=[], legal_basis=" ")
    assert "legal_basis" in missing.value.message_dict
    later = timezone.localdate() + dt.timedelta(days=5)
    assert services.signal_overdue_requests(today=later) == 1
    assert services.signal_overdue_requests(today=later) == 0  # once
    told = set(Notification.objects.filter(kind=Kind.INFORMATION_REQUEST_OVERDUE).values_list("user_id", flat=True))
    assert {table.municipality_pro.pk, world.director.pk} <= told
    assert selectors_table.request_counts(actor=world.director, today=later)["overdue"] == 1
    assert [r.pk for r in selectors_table.request_list(actor=world.director, overdue=True, today=later)] == [request_id]
    services.information_request_answer(actor=table.municipality_pro, request_id=request_id, text="Geen.",
                                        life_domains=[], legal_basis="Convenant")
    answered = selectors_table.request_detail(actor=world.director, request_id=request_id)
    assert answered.request.status == RequestStatus.ANSWERED
    assert answered.answer is not None
    assert answered.answer.life_domains == ["housing", "income_money"]
    with pytest.raises(ValidationError):
        services.information_request_answer(actor=table.municipality_pro, request_id=request_id, text="Nog eens.",
                                            life_domains=[], legal_basis="Convenant")


def test_an_answer_for_core_staff_only_is_not_shown_to_the_table(table: Table) -> None:
    request_id = _ask_municipality(table)
    services.information_request_answer(actor=table.municipality_pro, request_id=request_id, text="Vertrouwelijk.",
                                        life_domains=[], legal_basis="Convenant", sharing_scope=AnswerScope.CORE_STAFF)
    assert selectors_table.table_intake_get(actor=table.om_pro, case_id=table.listed.pk).answers == []
    assert len(selectors_table.table_intake_get(actor=table.world.director, case_id=table.listed.pk).answers) == 1


def test_the_session_follows_its_transition_table_and_keeps_its_minutes(table: Table) -> None:
    world = table.world
    session = table.session
    with pytest.raises(PermissionDenied):
        services.session_minutes_save(actor=table.om_pro, session_id=session.pk, minutes="x")
    with pytest.raises(ValidationError) as stale:
        services.session_minutes_save(actor=world.secretary, session_id=session.pk, minutes="x", expected_version=9)
    assert stale.value.code == "conflict"
    services.session_transition(actor=world.secretary, session_id=session.pk, to_status=SessionStatus.HELD)
    with pytest.raises(ValidationError):
        services.session_transition(actor=world.secretary, session_id=session.pk, to_status=SessionStatus.CLOSED)
    saved = services.session_minutes_save(actor=world.secretary, session_id=session.pk, expected_version=2,
                                          minutes="Aanwezig: OM, politie, reclassering. Eén intake besproken.")
    services.session_transition(actor=world.secretary, session_id=session.pk, to_status=SessionStatus.CLOSED,
                                expected_version=saved.version)
    with pytest.raises(ValidationError) as closed:
        services.session_minutes_save(actor=world.secretary, session_id=session.pk, minutes="Later.")
    assert closed.value.code == "invalid_transition"
    with pytest.raises(ValidationError):
        services.session_add_intakes(actor=world.secretary, session_id=session.pk, case_ids=[table.other.pk])


def test_only_queue_intakes_of_the_house_go_on_the_list(table: Table) -> None:
    world = table.world
    services.assessment_save(actor=world.director, case_id=table.other.pk, data=meets())
    services.decision_record(actor=world.director, case_id=table.other.pk, notify_filer=False,
                             data=DecisionInput(outcome="decline", grounds="Geen complexe problematiek."))
    with pytest.raises(ValidationError) as refused:
        services.session_add_intakes(actor=world.director, session_id=table.session.pk, case_ids=[table.other.pk])
    assert "cases" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.session_create(actor=world.director, house_id=world.house.pk, date=table.session.date)


def test_pages_render_for_the_people_who_use_them(table: Table, verified_client: PageClient) -> None:
    request_id = _ask_municipality(table)
    director = verified_client(table.world.director)
    for url in (reverse("triage:sessions"), reverse("triage:session", args=[table.session.pk]),
                reverse("triage:standing-members"), reverse("triage:requests"),
                reverse("triage:request", args=[request_id]),
                reverse("triage:request-new", args=[table.listed.pk]),
                reverse("triage:table-intake", args=[table.listed.pk])):
        assert director.get(url).status_code == 200, url
    municipality = verified_client(table.municipality_pro)
    page = municipality.get(reverse("triage:request", args=[request_id]))
    assert page.status_code == 200
    assert b'name="legal_basis"' in page.content
    posted = municipality.post(reverse("triage:request", args=[request_id]), {
        "version": "1", "text": "Bekend bij schuldhulp.", "sharing_scope": "triage_table", "legal_basis": ""})
    assert posted.status_code == 400
    assert b"Bekend bij schuldhulp." in posted.content  # the input is kept
    om = verified_client(table.om_pro)
    assert om.get(reverse("triage:sessions")).status_code == 200
    added = om.post(reverse("triage:table-intake", args=[table.listed.pk]), {
        "organisation": str(table.om.pk), "text": "Zaak ligt bij de officier.", "life_domains": ["current_offence"]})
    assert added.status_code == 302
    start = om.get("/")
    assert start.status_code == 200
    assert b"Intakes aan de weegtafel" in start.content or b"Intakes at the triage table" in start.content
