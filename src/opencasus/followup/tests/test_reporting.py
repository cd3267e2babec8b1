"""The follow-through in the management information: counts, suppressed below the house's threshold."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from opencasus.access.reporting import Scope
from opencasus.followup import services
from opencasus.followup.models import Consultation
from opencasus.followup.tests.factories import FollowupWorld, make_followup_world
from opencasus.network.models import OrganisationType, Role
from opencasus.network.tests.factories import OrganisationFactory, member
from opencasus.reporting.selectors.dashboard import dashboard_for
from opencasus.reporting.selectors.followup import consultation_table, follow_through_table
from opencasus.reporting.selectors.period import Period

pytestmark = pytest.mark.django_db


def scope_of(w: FollowupWorld) -> Scope:
    house = w.triage.house
    return Scope("house", str(house.pk), house.name, frozenset({house.pk}), None, 5)


def this_year() -> Period:
    today = timezone.localdate()
    return Period(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31))


def test_consultations_counted_per_month_and_organisation_type_with_suppression() -> None:
    w = make_followup_world()
    police = OrganisationFactory(type=OrganisationType.POLICE)
    care = OrganisationFactory(type=OrganisationType.GGZ)
    askers = {org: member(w.triage.house, Role.PARTNER_PROFESSIONAL, org) for org in (police, care)}
    for org, n in ((police, 6), (care, 2)):
        for i in range(n):
            services.consultation_ask(actor=askers[org], house_id=w.triage.house.pk, organisation_id=org.pk,
                                      question=f"Vraag {i} zonder namen.")
    table = consultation_table(scope_of(w), this_year())
    assert [c.key for c in table.columns] == [OrganisationType.GGZ, OrganisationType.POLICE, "total"]
    (row,) = table.rows
    ggz, police_count, total = row.values
    assert ggz.suppressed  # 2 < 5
    assert police_count.suppressed  # secondary: the total would give the 2 back
    assert total.value == 8
    assert Consultation.objects.count() == 8


def test_follow_through_figures_in_the_dashboard() -> None:
    w = make_followup_world()
    services.check_back_resolve(actor=w.director, check_back_id=w.check_back.pk, status="confirmed", note="",
                                expected_version=1)
    dashboard = dashboard_for(scope_of(w), this_year())
    slugs = [t.slug for t in dashboard.all_tables()]
    assert "follow-through" in slugs
    assert "consultations" in slugs
    table = follow_through_table(scope_of(w), Period(dt.date(2000, 1, 1), dt.date(2100, 12, 31)))
    shown = {r.key: r.values[0] for r in table.rows}
    assert shown["check_backs_due"].suppressed  # one, below the threshold
    assert shown["reopened"].value == 0  # zero stays zero
    assert "follow-through" in [t["slug"] for t in dashboard.as_json()["tables"]]


def test_a_municipality_scope_counts_its_own_cases_only() -> None:
    from opencasus.network.tests.factories import municipality

    w = make_followup_world()
    house = w.triage.house
    everything = Period(dt.date(2000, 1, 1), dt.date(2100, 12, 31))
    for code, expected in (("GM0503", 1), ("GM0505", 0)):
        scope = Scope("municipality", code, code, frozenset({house.pk}), municipality(code).pk, 1)
        shown = {r.key: r.values[0].value for r in follow_through_table(scope, everything).rows}
        assert shown["check_backs_due"] == expected, code
