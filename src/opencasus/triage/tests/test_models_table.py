"""Triage sessions and information requests change status only along their transition tables, whatever the
sequence of service calls."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.utils import timezone
from hypothesis import strategies as st

from opencasus.core.tests.state_machines import check_against_table
from opencasus.triage import services
from opencasus.triage.models import InformationRequest, TriageSession
from opencasus.triage.models_table import REQUEST_TRANSITIONS, SESSION_TRANSITIONS, SessionStatus
from opencasus.triage.tests.table_world import make_table

pytestmark = pytest.mark.django_db


def test_closed_and_cancelled_sessions_and_settled_requests_are_final() -> None:
    assert SESSION_TRANSITIONS.targets(SessionStatus.CLOSED) == frozenset()
    assert SESSION_TRANSITIONS.targets(SessionStatus.CANCELLED) == frozenset()
    assert REQUEST_TRANSITIONS.targets("answered") == frozenset()
    assert REQUEST_TRANSITIONS.targets("withdrawn") == frozenset()


def test_no_sequence_of_service_calls_leaves_the_session_table() -> None:
    table = make_table()
    world = table.world
    days = itertools.count(10)  # one session of the house per date

    def create() -> TriageSession:
        return services.session_create(actor=world.director, house_id=world.house.pk,
                                       date=timezone.localdate() + dt.timedelta(days=next(days)))

    def move(subject: TriageSession, choice: tuple[str, bool]) -> None:
        status, by_core_staff = choice
        services.session_transition(actor=world.director if by_core_staff else world.police_pro,
                                    session_id=subject.pk, to_status=status)

    def write_minutes(subject: TriageSession, text: str) -> None:
        services.session_minutes_save(actor=world.secretary, session_id=subject.pk, minutes=text)

    check_against_table(
        table=SESSION_TRANSITIONS, create=create, read=lambda subject: TriageSession.objects.get(pk=subject.pk).status,
        actions={"move": (move, st.tuples(st.sampled_from([*SessionStatus.values, "bogus"]), st.booleans())),
                 "minutes": (write_minutes, st.sampled_from(["", "Drie meldingen besproken."]))})


def test_no_sequence_of_service_calls_leaves_the_request_table() -> None:
    table = make_table()
    world = table.world
    person = table.listed.persons.first()
    assert person is not None

    def create() -> InformationRequest:
        return services.information_request_create(
            actor=world.director, case_id=table.listed.pk, organisation_id=table.municipality.pk,
            person_ids=[person.pk], life_domains=["housing"], question="Is er een huurachterstand?",
            due_date=timezone.localdate() + dt.timedelta(days=3))

    def answer(subject: InformationRequest, choice: tuple[bool, str]) -> None:
        by_addressee, legal_basis = choice
        services.information_request_answer(actor=table.municipality_pro if by_addressee else world.director,
                                            request_id=subject.pk, text="Geen achterstand bekend.",
                                            life_domains=[], legal_basis=legal_basis)

    def withdraw(subject: InformationRequest, by_core_staff: bool) -> None:
        services.information_request_withdraw(actor=world.director if by_core_staff else table.municipality_pro,
                                              request_id=subject.pk)

    check_against_table(
        table=REQUEST_TRANSITIONS, create=create,
        read=lambda subject: InformationRequest.objects.get(pk=subject.pk).status,
        actions={"answer": (answer, st.tuples(st.booleans(), st.sampled_from(["", "Convenant"]))),
                 "withdraw": (withdraw, st.booleans())}, max_examples=8)
