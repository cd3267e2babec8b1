"""The monthly dashboard summary gives exactly the figures counted from the case records."""

from __future__ import annotations

import datetime as dt
import io
import random
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opencasus.access.reporting import house_scope
from opencasus.cases.models import StatusChange
from opencasus.cases.vocabulary import Route
from opencasus.cases.workflow import Status
from opencasus.network.models import MeetingType, TargetGroup
from opencasus.network.tests.factories import OrganisationFactory, municipality
from opencasus.plans.models import Agreement, CaseClosure, Plan, PlanVersion
from opencasus.plans.vocabulary import AgreementStatus, ClosureOutcome
from opencasus.reporting import staleness, summary
from opencasus.reporting.models import MonthlyFigure, SummaryMonth
from opencasus.reporting.selectors.dashboard import dashboard_for, house_dashboard
from opencasus.reporting.selectors.period import Period
from opencasus.reporting.stats import add_months
from opencasus.reporting.tasks import refresh_dashboard_figures
from opencasus.reporting.tests.conftest import World
from opencasus.reporting.tests.factories import case_with_history

pytestmark = pytest.mark.django_db

MONTHS_BACK = 26


def _moment(rng: random.Random, earliest: dt.datetime, latest: dt.datetime) -> dt.datetime:
    span = (latest - earliest).total_seconds()
    return earliest + dt.timedelta(seconds=rng.random() * span)  # microseconds too


def make_history(world: World, seed: int = 7) -> None:
    """Cases over the last 26 months up to now: random categories, triage outcomes, plans, agreements
    (some due in the future), closures with and without a recorded outcome, a re-opened closure."""
    rng = random.Random(seed)
    house, director = world.house, world.users["director"]
    now = timezone.now()
    earliest = timezone.make_aware(dt.datetime.combine(add_months(timezone.localdate().replace(day=1),
                                                                  -MONTHS_BACK), dt.time(0, 30)))
    municipalities = [world.dordrecht, world.gorinchem, municipality("GM0513")]
    themes = [world.theme, TargetGroup.objects.create(house=house, name="ouderen"),
              TargetGroup.objects.create(house=house, name="Jongeren"), None]
    meeting_types = [MeetingType.objects.create(house=house, name=name) for name in ("Casusoverleg", "ambtelijk")]
    owners = [OrganisationFactory.create(name=name) for name in ("GGD Zuid", "ggz Breburg", "Politie", "Élan wonen")]
    for _i in range(90):
        filed = _moment(rng, earliest, now)
        steps: list[tuple[str, dt.datetime]] = []
        triage_at = filed + dt.timedelta(hours=rng.uniform(2, 72))
        decided = triage_at + dt.timedelta(days=rng.uniform(1, 30))
        outcome = rng.choice([Status.ADMITTED, Status.ADMITTED, Status.DECLINED, Status.ROUTED, Status.ADVICE_GIVEN])
        if triage_at < now:
            steps.append((Status.IN_TRIAGE, triage_at))
        if decided < now:
            steps.append((outcome, decided))
        adopted = decided + dt.timedelta(days=rng.uniform(3, 40))
        closed = adopted + dt.timedelta(days=rng.uniform(10, 200))
        if steps and steps[-1][0] == Status.ADMITTED and closed < now:
            steps.append((Status.CLOSED, closed))
        case = case_with_history(house, filed, *steps, route=rng.choice(list(Route)),
                                 municipality=rng.choice(municipalities), target_group=rng.choice(themes),
                                 meeting_type=rng.choice([*meeting_types, None]))
        if not steps or steps[-1][0] not in (Status.ADMITTED, Status.CLOSED):
            continue
        plan = Plan.objects.create(case=case)
        if adopted < now:
            PlanVersion.objects.create(plan=plan, number=1, adopted_at=adopted, adopted_by=director, snapshot={})
            if rng.random() < 0.3:
                PlanVersion.objects.create(plan=plan, number=2, adopted_at=adopted + dt.timedelta(days=9),
                                           adopted_by=director, snapshot={})
        for _a in range(rng.randint(0, 4)):
            deadline = (adopted + dt.timedelta(days=rng.randint(-5, 120))).date()
            status = rng.choice(list(AgreementStatus))
            completed = None
            if status == AgreementStatus.DONE:
                completed = timezone.make_aware(dt.datetime.combine(
                    deadline + dt.timedelta(days=rng.choice([-4, 0, 3])), dt.time(rng.randint(0, 23))))
            Agreement.objects.create(plan=plan, case=case, house_id=house.pk, description="Afspraak",
                                     owner_organisation=rng.choice(owners), deadline=deadline, status=status,
                                     completed_at=completed)
        if steps[-1][0] == Status.CLOSED and rng.random() < 0.85:
            closure = CaseClosure.objects.create(case=case, outcome=rng.choice(list(ClosureOutcome)),
                                                 closed_by=director, closed_at=closed)
            if rng.random() < 0.1:
                closure.reopened_at = closed + dt.timedelta(days=2)
                closure.save()


def periods() -> list[Period]:
    today = timezone.localdate()
    first = add_months(today.replace(day=1), -MONTHS_BACK)
    return [
        Period(first - dt.timedelta(days=40), today),  # ends today: the current month counted live
        Period(first + dt.timedelta(days=17), add_months(today.replace(day=1), -3) + dt.timedelta(days=9)),
        Period(add_months(first, 3), add_months(first, 15) - dt.timedelta(days=1)),  # whole months only
        Period(add_months(today.replace(day=1), -1), today + dt.timedelta(days=400)),  # into the future
        Period(add_months(first, 5) + dt.timedelta(days=3), add_months(first, 5) + dt.timedelta(days=20)),
    ]


def figures(world: World, threshold: int = 1) -> list[dict[str, Any]]:
    world.house.small_count_threshold = threshold
    world.house.save()
    scope = house_scope(actor=world.users["manager"], house_id=world.house.pk)
    return [dashboard_for(scope, p).as_json() for p in periods()]


def build(world: World) -> int:
    return summary.dashboard_figures_rebuild_history(house_id=world.house.pk)


def test_summary_gives_the_figures_counted_from_the_records(world: World) -> None:
    make_history(world)
    live = figures(world), figures(world, threshold=5)
    assert build(world) >= MONTHS_BACK
    last_complete = add_months(timezone.localdate().replace(day=1), -1)
    assert summary.fresh_months([world.house.pk], [last_complete]) == [last_complete]
    assert figures(world) == live[0]
    assert figures(world, threshold=5) == live[1]
    whole = next(t for t in live[0][2]["tables"] if t["slug"] == "throughput")
    assert sum(r["values"][0]["value"] or 0 for r in whole["rows"]) > 0  # durations were compared


def test_region_scope_sums_the_houses_summaries(world: World) -> None:
    from opencasus.access.reporting import region_scope

    make_history(world)
    steering = world.users["steering"]
    code = world.house.region.code
    before = [dashboard_for(region_scope(actor=steering, code=code), p).as_json() for p in periods()]
    build(world)
    summary.dashboard_figures_rebuild_history(house_id=world.other.pk)
    assert [dashboard_for(region_scope(actor=steering, code=code), p).as_json() for p in periods()] == before


def test_the_current_month_is_counted_live(world: World) -> None:
    make_history(world)
    build(world)
    assert not SummaryMonth.objects.filter(month__gte=timezone.localdate().replace(day=1)).exists()
    before = figures(world)[0]
    case_with_history(world.house, timezone.now() - dt.timedelta(seconds=5), municipality=world.gorinchem)
    after = figures(world)[0]
    assert after["tables"][0]["rows"][0]["values"][0]["value"] == before["tables"][0]["rows"][0]["values"][0][
        "value"] + 1


def test_months_without_summary_are_counted_live(world: World) -> None:
    make_history(world)
    expected = figures(world)
    build(world)
    SummaryMonth.objects.filter(pk__in=SummaryMonth.objects.order_by("month").values("pk")[:5]).delete()
    MonthlyFigure.objects.filter(month__lt=add_months(timezone.localdate().replace(day=1), -6)).delete()
    # Figures of a month whose summary month is gone or stale are never read.
    SummaryMonth.objects.filter(month__lt=add_months(timezone.localdate().replace(day=1), -6)).update(stale=True)
    assert figures(world) == expected


def test_rebuild_is_idempotent(world: World) -> None:
    make_history(world)
    build(world)

    def rows() -> list[tuple[Any, ...]]:
        return sorted(MonthlyFigure.objects.filter(house=world.house)
                      .values_list("month", "kind", "key", "count", "durations"), key=str)

    first = rows()
    assert first
    build(world)
    summary.dashboard_figures_rebuild(house_id=world.house.pk, month_from=dt.date(2000, 1, 1),
                                      month_to=dt.date(2100, 1, 1))
    assert rows() == first


def test_a_late_change_through_a_service_marks_its_month_stale_and_the_refresh_rebuilds_it(world: World) -> None:
    from opencasus.plans.services import agreement_update

    make_history(world)
    build(world)
    past = add_months(timezone.localdate().replace(day=1), -2)
    case = case_with_history(world.house, summary.month_bounds(past)[0] + dt.timedelta(days=3),
                             (Status.IN_TRIAGE, summary.month_bounds(past)[0] + dt.timedelta(days=4)),
                             (Status.ADMITTED, summary.month_bounds(past)[0] + dt.timedelta(days=6)),
                             municipality=world.dordrecht)
    plan = Plan.objects.create(case=case)
    owner = OrganisationFactory.create(name="Reclassering")
    late = Agreement.objects.create(plan=plan, case=case, house_id=world.house.pk, description="Afspraak",
                                    owner_organisation=owner, deadline=past + dt.timedelta(days=20),
                                    status=AgreementStatus.LATE)
    # Written around the services (as a migration or an import would): the summary must be rebuilt.
    summary.dashboard_figures_rebuild_history(house_id=world.house.pk)
    expected = figures(world)
    from opencasus.cases.models import Participant

    Participant.objects.create(case=case, organisation=owner, user=world.users["partner"])
    late = agreement_update(actor=world.users["director"], agreement_id=late.pk, expected_version=late.version,
                            progress_note="Besproken in het overleg")
    assert not SummaryMonth.objects.get(house=world.house, month=past).stale  # a note changes no figure
    agreement_update(actor=world.users["director"], agreement_id=late.pk, expected_version=late.version,
                     status=AgreementStatus.CANCELLED, reason="De partner is gestopt")
    assert SummaryMonth.objects.get(house=world.house, month=past).stale
    changed = figures(world)
    assert changed != expected  # the cancelled agreement no longer counts, straight away
    refresh_dashboard_figures()
    assert not SummaryMonth.objects.get(house=world.house, month=past).stale
    assert figures(world) == changed


def test_a_status_change_marks_every_month_that_counts_the_case(world: World) -> None:
    from opencasus.cases.services import case_transition

    make_history(world)
    build(world)
    closed = StatusChange.objects.filter(house=world.house, to_status=Status.CLOSED).order_by("changed_at").first()
    assert closed is not None
    expected_months = staleness.case_months(closed.case_id)[1]
    case_transition(actor=world.users["director"], case_id=closed.case_id, to_status=Status.ADMITTED,
                    reason="Opnieuw")
    stale = set(SummaryMonth.objects.filter(house=world.house, stale=True).values_list("month", flat=True))
    assert stale == {m for m in expected_months if m < timezone.localdate().replace(day=1)}
    expected = figures(world)
    refresh_dashboard_figures()
    assert not SummaryMonth.objects.filter(stale=True).exists()
    assert figures(world) == expected


def test_deleting_cases_under_retention_keeps_the_dashboard_exact(world: World) -> None:
    from opencasus.cases.models import Case
    from opencasus.privacy.deletion import case_delete_expired
    from opencasus.privacy.models import RetentionCategory
    from opencasus.privacy.tests.factories import RetentionPolicyFactory

    make_history(world)
    build(world)
    RetentionPolicyFactory.create(house=world.house, category=RetentionCategory.INTAKE_DECLINED, period_months=1)
    declined = list(Case.objects.filter(house=world.house, status=Status.DECLINED).values_list("pk", flat=True))
    assert declined
    for pk in declined:
        case_delete_expired(case_id=pk, today=dt.date(2040, 1, 1))
    assert SummaryMonth.objects.filter(house=world.house, stale=True).exists()
    counted_live = figures(world)
    refresh_dashboard_figures()
    assert figures(world) == counted_live
    SummaryMonth.objects.all().delete()
    assert figures(world) == counted_live


def test_access_is_unchanged_with_a_summary(world: World) -> None:
    make_history(world)
    build(world)
    for user in ("officer_dordrecht", "partner", "privacy", "admin", "other_director"):
        with pytest.raises(Http404):
            house_dashboard(actor=world.users[user], house_id=world.house.pk, date_from=dt.date(2025, 1, 1),
                            date_to=dt.date(2025, 12, 31))


def test_command_and_task(world: World) -> None:
    make_history(world)
    out = io.StringIO()
    since = add_months(timezone.localdate().replace(day=1), -4)
    call_command("rebuild_dashboard_figures", "--house", str(world.house.pk), "--since", f"{since:%Y-%m}",
                 stdout=out)
    assert "4 months" in out.getvalue()
    assert SummaryMonth.objects.filter(house=world.house, stale=False).count() == 4
    SummaryMonth.objects.filter(house=world.house, month=since).update(stale=True)
    out = io.StringIO()
    call_command("rebuild_dashboard_figures", "--house", str(world.house.pk), "--stale-only", stdout=out)
    assert "1 months" in out.getvalue()  # only the stale month
    assert not SummaryMonth.objects.filter(house=world.house, stale=True).exists()
    refreshed = refresh_dashboard_figures()
    assert refreshed[world.house.name] == 0  # nothing stale, the last complete month built
    assert refreshed[world.other.name] == 1  # the last complete month
    assert refresh_dashboard_figures()[world.other.name] == 0
    call_command("rebuild_dashboard_figures", stdout=io.StringIO())
    assert SummaryMonth.objects.filter(house=world.house, stale=False).count() >= MONTHS_BACK


def test_municipality_figures_are_counted_live(world: World) -> None:
    """Municipality figures are always counted live (the summary is per house)."""
    from opencasus.access.reporting import municipality_scope

    make_history(world)
    scope = municipality_scope(actor=world.users["manager"], code="GM0505")
    before = [dashboard_for(scope, p).as_json() for p in periods()]
    build(world)
    with CaptureQueriesContext(connection) as queries:
        assert [dashboard_for(scope, p).as_json() for p in periods()] == before
    assert not any("reporting_monthlyfigure" in q["sql"] for q in queries.captured_queries)


def test_first_adoptions_in_a_span_are_those_of_the_whole_history(world: World) -> None:
    from opencasus.cases.models import Case
    from opencasus.reporting import sources

    make_history(world)
    today = timezone.localdate().replace(day=1)
    for back in range(MONTHS_BACK, -1, -3):
        start, end = summary.month_bounds(add_months(today, -back))
        end = end + dt.timedelta(days=31 * (back % 2))
        expected = sources.plan_adoption_dates(Case.objects.filter(house=world.house).values("pk"), start=start,
                                               end=end)
        assert sources.first_adoptions_between([world.house.pk], None, start, end) == expected


def test_a_renamed_organisation_keeps_its_months(world: World) -> None:
    from opencasus.network.models import Organisation

    make_history(world)
    build(world)
    organisation = Organisation.objects.get(name="Politie")
    organisation.name = "Aa Politie Eenheid"
    organisation.save()
    from_summary = figures(world)
    SummaryMonth.objects.all().delete()
    assert figures(world) == from_summary
    rows = next(t for t in from_summary[0]["tables"] if t["slug"] == "agreements")["rows"]
    assert rows[0]["label"] == "Aa Politie Eenheid"
