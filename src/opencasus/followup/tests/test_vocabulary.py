"""Check-backs, monitoring periods and consultations change status only along their transition tables,
whatever the sequence of service calls."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from hypothesis import strategies as st

from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.core.tests.state_machines import check_against_table
from opencasus.followup import services
from opencasus.followup.models import CheckBack, Consultation, MonitoringPeriod
from opencasus.followup.tests.factories import make_followup_world, route
from opencasus.followup.vocabulary import (
    CHECK_BACK_TRANSITIONS,
    CONSULTATION_TRANSITIONS,
    MONITORING_TRANSITIONS,
    CheckBackStatus,
    LastCheckResult,
)
from opencasus.network.tests.factories import municipality
from opencasus.triage.tests.factories import intake

pytestmark = pytest.mark.django_db

NOTES = st.sampled_from(["", "De wijkagent heeft het overgenomen."])


def test_no_sequence_of_service_calls_leaves_the_check_back_table() -> None:
    w = make_followup_world()

    def resolve(subject: CheckBack, choice: tuple[str, str, bool]) -> None:
        status, note, by_director = choice
        services.check_back_resolve(actor=w.director if by_director else w.triage.police_pro,
                                    check_back_id=subject.pk, status=status, note=note, expected_version=None)

    def reschedule(subject: CheckBack, days: int) -> None:
        services.check_back_reschedule(actor=w.director, check_back_id=subject.pk, expected_version=None,
                                       due_date=timezone.localdate() + dt.timedelta(days=days))

    check_against_table(
        table=CHECK_BACK_TRANSITIONS,
        create=lambda: route(w.triage, intake(w.triage, municipality=municipality("GM0503"))),
        read=lambda subject: CheckBack.objects.get(pk=subject.pk).status,
        actions={"resolve": (resolve, st.tuples(st.sampled_from([*CheckBackStatus.values, "bogus"]), NOTES,
                                                st.booleans())),
                 "reschedule": (reschedule, st.sampled_from([-400, 14]))}, max_examples=8)


def test_no_sequence_of_service_calls_leaves_the_monitoring_table() -> None:
    w = make_followup_world()

    def create() -> MonitoringPeriod:
        case = CaseFactory.create(house=w.triage.house, status=Status.CLOSED, filed_by=w.triage.filer,
                                  filed_by_organisation=w.triage.police, municipality=municipality("GM0503"),
                                  purpose="Samen overlast en zorg aanpakken.", admitted_at=timezone.now())
        PersonFactory.create(case=case)
        return services.monitoring_start(actor=w.director, case_id=case.pk, local_approach="PGA Delft",
                                         last_check_date=timezone.localdate() + dt.timedelta(days=90))

    def last_check(subject: MonitoringPeriod, choice: tuple[str, str]) -> None:
        result, note = choice
        services.monitoring_last_check(actor=w.director, period_id=subject.pk, result=result, note=note,
                                       expected_version=None)

    def reschedule(subject: MonitoringPeriod, days: int) -> None:
        services.monitoring_reschedule(actor=w.director, period_id=subject.pk, expected_version=None,
                                       last_check_date=timezone.localdate() + dt.timedelta(days=days))

    check_against_table(
        table=MONITORING_TRANSITIONS, create=create,
        read=lambda subject: MonitoringPeriod.objects.get(pk=subject.pk).status,
        actions={"last check": (last_check, st.tuples(st.sampled_from([*LastCheckResult.values, "bogus"]), NOTES)),
                 "reschedule": (reschedule, st.sampled_from([-1, 120]))}, max_examples=8)


def test_no_sequence_of_service_calls_leaves_the_consultation_table() -> None:
    w = make_followup_world()

    def create() -> Consultation:
        return services.consultation_ask(actor=w.triage.police_pro, house_id=w.triage.house.pk,
                                         organisation_id=w.triage.police.pk, question="Zijn er genoeg criteria?")

    def advise(subject: Consultation, choice: tuple[str, bool]) -> None:
        advice, by_director = choice
        services.consultation_advise(actor=w.director if by_director else w.triage.police_pro,
                                     consultation_id=subject.pk, advice=advice, expected_version=None)

    check_against_table(
        table=CONSULTATION_TRANSITIONS, create=create,
        read=lambda subject: Consultation.objects.get(pk=subject.pk).status,
        actions={"advise": (advise, st.tuples(st.sampled_from(["", "Meld het bij het wijkteam.", "BSN 123456782"]),
                                              st.booleans()))}, max_examples=8)
