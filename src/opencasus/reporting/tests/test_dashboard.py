import datetime as dt

import pytest
from django.http import Http404

from opencasus.access.reporting import municipality_scope
from opencasus.cases.workflow import Status
from opencasus.core.aggregates import Count
from opencasus.reporting.figures import Cell, Table
from opencasus.reporting.selectors.dashboard import Dashboard, dashboard_for, house_dashboard
from opencasus.reporting.selectors.period import Period
from opencasus.reporting.tests.conftest import World
from opencasus.reporting.tests.factories import at, triaged

pytestmark = pytest.mark.django_db

YEAR_2025 = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def table(dashboard: Dashboard, slug: str) -> Table:
    return next(t for t in dashboard.all_tables() if t.slug == slug)


def as_count(cell: Cell) -> Count:
    assert isinstance(cell, Count)
    return cell


def values(t: Table) -> dict[str, int | None]:
    return {r.key: as_count(r.values[0]).value for r in t.rows}


def test_house_dashboard_counts_and_suppression(world: World) -> None:
    d = house_dashboard(actor=world.users["manager"], house_id=world.house.pk, date_from=dt.date(2025, 1, 1),
                        date_to=dt.date(2025, 12, 31))
    assert values(table(d, "headline")) == {"filed": 15, "triaged": 12, "open": 12, "closed": 0}
    routes = values(table(d, "intakes-by-route"))
    assert routes["zsm"] == 9
    assert routes["care_track"] is None
    assert routes["veilig_thuis"] is None
    assert routes["aftercare"] == 0  # zero is not suppressed
    municipalities = values(table(d, "intakes-by-municipality"))
    # 3 Gorinchem intakes are suppressed; with the total of 15 published, Dordrecht's 12 would give
    # them back, so it is suppressed as well (secondary suppression).
    assert municipalities == {"GM0505": None, "GM0512": None}
    assert as_count(table(d, "intakes-by-municipality").rows[0].values[0]).secondary
    assert not as_count(table(d, "intakes-by-municipality").rows[1].values[0]).secondary
    outcomes = values(table(d, "triage-outcomes"))
    assert outcomes[Status.ADMITTED] is None
    assert outcomes[Status.DECLINED] is None
    assert outcomes[Status.ROUTED] == 0
    statuses = values(table(d, "status-at-end"))
    assert statuses[Status.ADMITTED] == 9
    assert statuses[Status.SUBMITTED] is None  # declined (3) too
    throughput = table(d, "throughput")
    filed_triaged = next(r for r in throughput.rows if r.key == "filed-triaged")
    assert as_count(filed_triaged.values[0]).value == 12
    # Days from filing to decision: 5..10 (admitted) and 3,3,3 (declined), 3 Gorinchem at 7.
    assert filed_triaged.values[1] == 7.0
    filed_closed = next(r for r in throughput.rows if r.key == "filed-closed")
    assert as_count(filed_closed.values[0]).value == 0
    assert filed_closed.values[1] is None  # withheld: too few


def test_status_at_end_of_period_uses_history(world: World) -> None:
    early = Period(dt.date(2025, 1, 1), dt.date(2025, 3, 4))
    scope = municipality_scope(actor=world.users["manager"], code="GM0505")
    d = dashboard_for(scope, early)
    # Filed 1-4 March: cases 1..4, all still in triage on 4 March at 23:59 (decisions after 5 days).
    statuses = values(table(d, "status-at-end"))
    assert statuses[Status.IN_TRIAGE] is None  # 4 < 5: suppressed
    assert sum(1 for v in statuses.values() if v) == 0


def test_threshold_is_the_houses(world: World) -> None:
    world.house.small_count_threshold = 2
    world.house.save()
    d = house_dashboard(actor=world.users["director"], house_id=world.house.pk, date_from=dt.date(2025, 1, 1),
                        date_to=dt.date(2025, 12, 31))
    assert values(table(d, "intakes-by-municipality")) == {"GM0505": 12, "GM0512": 3}


def test_municipality_scope_counts_only_that_municipality(world: World) -> None:
    scope = municipality_scope(actor=world.users["officer_dordrecht"], code="GM0505")
    d = dashboard_for(scope, YEAR_2025)
    assert values(table(d, "headline"))["filed"] == 12
    assert values(table(d, "intakes-by-municipality")) == {"GM0505": 12}


def test_closures_and_throughput(world: World) -> None:
    for i in range(5):
        case = triaged(world.house, at(2025, 5, 1), Status.ADMITTED, days=10)
        from opencasus.cases.models import StatusChange

        StatusChange.objects.create(case=case, house_id=case.house_id,
                                    from_status=Status.ADMITTED, to_status=Status.CLOSED,
                                    changed_at=at(2025, 5, 21 + i))
    d = house_dashboard(actor=world.users["manager"], house_id=world.house.pk, date_from=dt.date(2025, 1, 1),
                        date_to=dt.date(2025, 12, 31))
    assert values(table(d, "headline"))["closed"] == 5
    row = next(r for r in table(d, "throughput").rows if r.key == "filed-closed")
    assert as_count(row.values[0]).value == 5
    assert row.values[1] == 22.0
    assert row.values[2] == pytest.approx(23.6)


def test_hidden_dashboards_raise_404(world: World) -> None:
    for user in ("officer_dordrecht", "partner", "privacy", "admin", "other_director"):
        with pytest.raises(Http404):
            house_dashboard(actor=world.users[user], house_id=world.house.pk, date_from=dt.date(2025, 1, 1),
                            date_to=dt.date(2025, 12, 31))


def test_stappenmeter_means_and_small_groups(world: World) -> None:
    from opencasus.meetings.models import SelfReport

    cases = list(world.house.cases.all()[:6])
    for i, case in enumerate(cases):
        SelfReport.objects.create(case=case, kind="conference", goals_score=2 + i % 3, cooperation_score=4,
                                  reported_by=world.users["director"], reported_at=at(2025, 6, 1 + i))
    d = house_dashboard(actor=world.users["manager"], house_id=world.house.pk, date_from=dt.date(2025, 1, 1),
                        date_to=dt.date(2025, 12, 31))
    steps = table(d, "stappenmeter")
    assert steps.available
    assert [as_count(r.values[0]).value for r in steps.rows] == [6, 6]
    assert [r.values[1] for r in steps.rows] == [3.0, 4.0]  # goals 2,3,4,2,3,4; cooperation 4
    small = house_dashboard(actor=world.users["manager"], house_id=world.house.pk,
                            date_from=dt.date(2025, 6, 1), date_to=dt.date(2025, 6, 3))
    assert [r.values[1] for r in table(small, "stappenmeter").rows] == [None, None]


def test_counts_survive_the_deletion_of_cases(world: World) -> None:
    """A case deleted under its retention period still counts, by month, from its anonymised record."""
    from opencasus.cases.models import Case
    from opencasus.privacy.deletion import case_delete_expired
    from opencasus.privacy.models import RetentionCategory
    from opencasus.privacy.tests.factories import RetentionPolicyFactory

    def figures() -> dict[str, dict[str, int | None]]:
        d = house_dashboard(actor=world.users["manager"], house_id=world.house.pk, date_from=dt.date(2025, 1, 1),
                            date_to=dt.date(2025, 12, 31))
        return {slug: values(table(d, slug)) for slug in
                ("headline", "intakes-by-route", "intakes-by-municipality", "intakes-by-target-group",
                 "triage-outcomes", "admissions")}

    RetentionPolicyFactory.create(house=world.house, category=RetentionCategory.INTAKE_DECLINED, period_months=12)
    before = figures()
    declined = list(Case.objects.filter(house=world.house, status=Status.DECLINED).values_list("pk", flat=True))
    assert declined
    deleted = [pk for pk in declined if case_delete_expired(case_id=pk, today=dt.date(2040, 1, 1))]
    assert deleted == declined
    assert not Case.objects.filter(pk__in=deleted).exists()
    # Filed and decided in whole months of 2025, so the month-level records give the same figures.
    assert figures() == before


def test_deleted_cases_count_by_month(world: World) -> None:
    from opencasus.privacy.models import AnonymisedCaseRecord

    first_case = world.house.cases.first()
    assert first_case is not None
    for _i in range(6):
        AnonymisedCaseRecord.objects.create(
            house=world.house, municipality=first_case.municipality, route="aftercare",
            subject_type="person", final_status=Status.CLOSED, triage_outcome=Status.ADMITTED,
            filed_month=dt.date(2025, 2, 1), triage_month=dt.date(2025, 3, 1), closed_month=dt.date(2025, 9, 1),
            person_count=1, child_count=0, retention_category="case", deleted_month=dt.date(2030, 1, 1))
    d = house_dashboard(actor=world.users["manager"], house_id=world.house.pk, date_from=dt.date(2025, 1, 1),
                        date_to=dt.date(2025, 12, 31))
    assert values(table(d, "headline"))["filed"] == 21
    assert values(table(d, "headline"))["closed"] == 6
    assert values(table(d, "intakes-by-route"))["aftercare"] == 6
    assert values(table(d, "closures"))["deleted"] == 6
    assert values(table(d, "status-at-end"))[Status.CLOSED] == 6
    # A period that holds the decision month but not the first day of the filing month.
    d = house_dashboard(actor=world.users["manager"], house_id=world.house.pk, date_from=dt.date(2025, 2, 2),
                        date_to=dt.date(2025, 3, 31))
    assert values(table(d, "intakes-by-route"))["aftercare"] == 0
    assert values(table(d, "admissions"))["none"] == 6 + 6  # six live admissions in March, six deleted
