"""The demo of the group approach: Jeugdgroep Crabbehof with six members and two linked individual cases."""

from __future__ import annotations

import pytest

from opencasus.groups.demo import load_demo_data
from opencasus.groups.models import GroupMember
from opencasus.network.demo import load_network
from opencasus.network.management.commands.load_demo import demo_steps

pytestmark = pytest.mark.django_db


def test_demo_youth_group_of_six_with_two_linked_cases() -> None:
    house, _logins = load_network()
    for step in demo_steps():
        step(house)
    members = GroupMember.objects.filter(house=house)
    assert members.count() == 6
    group = members.first()
    assert group is not None
    assert "Jeugdgroep Crabbehof" in group.case.area_description
    assert group.case.municipality.name == "Dordrecht"
    assert members.exclude(individual_case=None).count() == 2
    assert set(members.values_list("role", flat=True)) == {"leader", "core_member", "follower"}
    load_demo_data(house)  # idempotent
    assert GroupMember.objects.filter(house=house).count() == 6
