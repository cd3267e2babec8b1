"""The national data generator at a tiny scale: counts, distributions and a working log chain (PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, F

from opencasus.cases.models import Case, Participant, Person, StatusChange
from opencasus.cases.tests.factories import CaseFactory
from opencasus.cases.workflow import SHARED_STATUSES, Status
from opencasus.logbook.models import ActivityCode, AuditRecord, ChainHead, ProcessingRecord
from opencasus.logbook.services import Who, record_processing
from opencasus.logbook.verification import verify_chain
from opencasus.network.models import House, Membership, Organisation, Role
from opencasus.plans.models import Agreement, Plan
from opencasus.scale.generator import generate
from opencasus.scale.network_data import HOUSE_PREFIX
from opencasus.scale.plan import Sizes

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL-only")
NOW = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.UTC)
SCALE = 0.0002  # the minimum sizes: 100 cases, 200 persons, 2,000 log records


@pytest.fixture
def generated(db: None) -> Sizes:
    report = generate(SCALE, seed=11, now=NOW)
    return report.sizes


@postgres_only
def test_generated_set_is_sane(generated: Sizes) -> None:
    """One generation, several checks (a generation takes about a minute, most of it the dashboard summary)."""
    check_counts_match_the_scale(generated)
    check_cases_follow_the_workflow()
    check_participants_only_in_shared_cases_and_members_of_the_house()
    check_persons_are_matchable_and_some_recur()
    check_plans_and_agreements(generated)
    check_dashboard_summary_is_built()
    check_log_history_is_ordered_per_house_and_new_records_chain_on()  # last: it adds a record


def check_counts_match_the_scale(generated: Sizes) -> None:
    houses = House.objects.filter(name__startswith=HOUSE_PREFIX)
    assert houses.count() == 25
    assert Organisation.objects.filter(partnerships__house__in=houses).distinct().count() == 25 * 16
    assert Membership.objects.filter(house__in=houses).values("user").distinct().count() >= generated.professionals
    cases = Case.objects.count()
    assert abs(cases - generated.cases) <= 25  # per-house rounding
    persons = Person.objects.count()
    assert 1.7 * cases <= persons <= 2.5 * cases
    records = ProcessingRecord.objects.count()
    assert abs(records - generated.log_records) / generated.log_records < 0.1
    assert AuditRecord.objects.count() == records


def check_cases_follow_the_workflow() -> None:
    statuses = Counter(Case.objects.values_list("status", flat=True))
    assert set(statuses) <= set(Status.values)
    decided = sum(statuses[s] for s in (Status.ADMITTED, Status.CLOSED, Status.ADVICE_GIVEN, Status.ROUTED,
                                        Status.DECLINED))
    assert 0.25 < (statuses[Status.ADMITTED] + statuses[Status.CLOSED]) / decided < 0.7
    # Every case starts with its intake; closed cases were admitted first.
    assert StatusChange.objects.filter(to_status=Status.SUBMITTED).count() == Case.objects.count()
    assert not Case.objects.filter(status=Status.CLOSED, admitted_at__isnull=True).exists()
    assert not Case.objects.filter(status=Status.CLOSED, closed_at__lt=F("admitted_at")).exists()
    assert not Case.objects.filter(last_activity_at__lt=F("filed_at")).exists()
    assert not Case.objects.filter(filed_at__gt=NOW).exists()


def check_participants_only_in_shared_cases_and_members_of_the_house() -> None:
    assert not Participant.objects.exclude(case__status__in=SHARED_STATUSES).exists()
    per_case = Counter(Participant.objects.values("case").annotate(n=Count("id")).values_list("n", flat=True))
    assert min(per_case) >= 1
    assert max(per_case) <= 7
    for p in Participant.objects.select_related("case")[:50]:
        assert p.user_id is not None
        assert Membership.objects.filter(user_id=p.user_id, house_id=p.case.house_id,
                                         organisation_id=p.organisation_id, role=Role.PARTNER_PROFESSIONAL).exists()


def check_persons_are_matchable_and_some_recur() -> None:
    with_bsn = Person.objects.exclude(bsn_hash="")
    assert 0.75 < with_bsn.count() / Person.objects.count() < 0.97
    assert all(len(h) == 64 for h in with_bsn.values_list("bsn_hash", flat=True)[:20])
    assert not Person.objects.filter(name_key="").exists()
    repeated = with_bsn.values("bsn_hash").annotate(n=Count("case", distinct=True)).filter(n__gt=1)
    assert repeated.exists()


def check_log_history_is_ordered_per_house_and_new_records_chain_on() -> None:
    house = House.objects.filter(name__startswith=HOUSE_PREFIX).order_by("pk").first()
    assert house is not None
    head = ChainHead.objects.get(chain=house.pk)
    records = list(ProcessingRecord.objects.filter(chain=house.pk).order_by("sequence")
                   .values_list("sequence", "started_at", "case_id", "object_type"))
    assert [r[0] for r in records] == list(range(1, len(records) + 1))
    # The generated history, then the (real, chained) record of building the dashboard summary.
    history, built = records[:-1], records[-1]
    assert built[3] == "dashboard-summary"
    assert all(a[1] <= b[1] for a, b in itertools.pairwise(history))
    assert head.purged_through_sequence == len(history)
    assert head.last_sequence == len(records)
    assert all(r[2] is not None for r in history)
    record_processing(action="view", activity_code=ActivityCode.TRIAGE, purpose="Toets", who=Who(username="t"),
                      house_id=house.pk, case_id=history[-1][2])
    report = verify_chain(house.pk)
    assert report.ok, report.problems
    assert report.records == 2


@postgres_only
@pytest.mark.django_db
def test_command_refuses_a_database_with_cases() -> None:
    CaseFactory.create()
    with pytest.raises(CommandError):
        call_command("generate_national_data", "--scale", str(SCALE))


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite refusal")
def test_command_refuses_sqlite() -> None:
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("generate_national_data", "--scale", str(SCALE))


def check_plans_and_agreements(generated: Sizes) -> None:
    admitted = Case.objects.filter(admitted_at__isnull=False, participants__isnull=False).distinct()
    assert Plan.objects.count() == admitted.count() > 0
    agreements = Agreement.objects.count()
    assert 0.6 * generated.agreements < agreements < 1.4 * generated.agreements
    assert not Agreement.objects.exclude(case_id=F("plan__case_id")).exists()
    assert not Agreement.objects.filter(case__status=Status.CLOSED, status__in=["open", "late"]).exists()


def check_dashboard_summary_is_built() -> None:
    """The generator builds the monthly dashboard summary; a ten-year dashboard reads it and still gives
    the figures counted from the case records."""
    from django.db import transaction

    from opencasus.access.reporting import Scope
    from opencasus.reporting.models import SummaryMonth
    from opencasus.reporting.selectors.dashboard import dashboard_for
    from opencasus.reporting.selectors.period import Period

    house = House.objects.filter(name__startswith=HOUSE_PREFIX).annotate(n=Count("cases")).order_by("-n").first()
    assert house is not None
    assert SummaryMonth.objects.filter(house=house, stale=False).count() >= 100
    scope = Scope("house", str(house.pk), house.name, frozenset([house.pk]), None, 1)
    today = dt.date.today()
    period = Period(today.replace(year=today.year - 10), today)
    from_summary = dashboard_for(scope, period).as_json()
    with transaction.atomic():
        SummaryMonth.objects.update(stale=True)
        assert dashboard_for(scope, period).as_json() == from_summary
        transaction.set_rollback(True)
