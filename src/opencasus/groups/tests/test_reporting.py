"""Management information on the group approach: group cases and members per role, suppressed like every count."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from opencasus.access.reporting import house_scope
from opencasus.accounts.models import User
from opencasus.groups import services
from opencasus.groups.tests.factories import make_group_world, switch_on
from opencasus.groups.vocabulary import MemberRole
from opencasus.network.models import Role
from opencasus.network.tests.factories import member
from opencasus.reporting.selectors.groups import group_tables
from opencasus.reporting.selectors.period import make_period

pytestmark = pytest.mark.django_db


def _values(actor: User, house_id: int) -> dict[str, dict[str, str]]:
    today = timezone.localdate()
    tables = group_tables(house_scope(actor=actor, house_id=house_id), make_period(today.replace(day=1), today))
    return {t.slug: {row.key: str(row.values[0]) for row in t.rows} for t in tables}


def test_members_per_role_are_counted_and_small_counts_suppressed() -> None:
    w = make_group_world()
    manager = member(w.world.house, Role.HOUSE_MANAGER, w.world.gemeente)
    for index in range(4):  # five leaders, so that count shows; the others stay below the threshold
        services.member_add(actor=w.director, case_id=w.group.pk, role=MemberRole.LEADER, tier=1,
                            start_date=dt.date(2026, 2, 1), first_name=f"Leider{index}", last_name="Test")
    values = _values(manager, w.world.house.pk)
    assert values["group-roles"]["leader"] == "5"
    assert values["group-roles"]["core_member"] != "2"  # suppressed, never the small value
    assert values["group-roles"]["follower"] != "3"
    assert values["group-approach"]["group_cases"] != "1"
    services.member_end(actor=w.director, case_id=w.group.pk, member_id=w.members[0].pk, expected_version=2,
                        end_date=dt.date(2026, 3, 1))
    assert _values(manager, w.world.house.pk)["group-roles"]["leader"] == "< 5"


def test_no_table_for_a_house_without_the_group_approach() -> None:
    w = make_group_world()
    manager = member(w.world.house, Role.HOUSE_MANAGER, w.world.gemeente)
    switch_on(w.world.house.pk, enabled=False)
    assert _values(manager, w.world.house.pk) == {}


def test_the_dashboard_shows_the_group_section(verified_client: Callable[[User], Client]) -> None:
    w = make_group_world()
    manager = member(w.world.house, Role.HOUSE_MANAGER, w.world.gemeente)
    url = reverse("reporting:dashboard", args=["huizen", w.world.house.pk])
    html = verified_client(manager).get(url).content.decode()
    assert "Groepsleden per rol" in html
    assert w.members[0].person.last_name not in html
