"""The services of the group approach: members, links, optimistic locking, the processing log."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from opencasus.cases.models import Person
from opencasus.cases.vocabulary import Relation
from opencasus.groups import services
from opencasus.groups.models import GroupMember
from opencasus.groups.tests.factories import group_case, make_group_world, person_case, switch_on
from opencasus.groups.vocabulary import MemberRole
from opencasus.logbook.models import ProcessingRecord
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member

pytestmark = pytest.mark.django_db


def test_a_youth_group_of_six_with_roles_and_two_linked_cases() -> None:
    w = make_group_world()
    members = GroupMember.objects.filter(case=w.group)
    assert members.count() == 6
    assert sorted(members.values_list("role", flat=True)) == sorted(
        ["leader", "core_member", "core_member", "follower", "follower", "follower"])
    linked = set(members.exclude(individual_case=None).values_list("individual_case_id", flat=True))
    assert linked == {w.case_a.pk, w.case_b.pk}


def test_a_new_member_by_name_is_recorded_as_a_person_of_the_group_case() -> None:
    w = make_group_world(linked=False)
    member_ = services.member_add(actor=w.director, case_id=w.group.pk, role=MemberRole.FOLLOWER, tier=3,
                                  start_date=dt.date(2026, 2, 1), first_name=" Sem ", last_name="de Vries")
    person = Person.objects.get(pk=member_.person_id)
    assert (person.case_id, person.relation, person.first_name) == (w.group.pk, Relation.GROUP_MEMBER, "Sem")
    record = ProcessingRecord.objects.filter(object_type="group-member", object_id=str(member_.pk),
                                             action="create").get()
    assert record.data_subject == str(person.pseudonym)
    assert record.purpose == w.group.purpose


def test_adding_checks_role_tier_dates_and_names() -> None:
    w = make_group_world(linked=False)
    base = {"actor": w.director, "case_id": w.group.pk, "start_date": dt.date(2026, 2, 1),
            "first_name": "Sem", "last_name": "Bakker"}
    with pytest.raises(ValidationError) as role:
        services.member_add(role="boss", tier=1, **base)  # type: ignore[arg-type]
    assert "role" in role.value.message_dict
    with pytest.raises(ValidationError) as tier:
        services.member_add(role=MemberRole.LEADER, tier=4, **base)  # type: ignore[arg-type]
    assert "tier" in tier.value.message_dict
    with pytest.raises(ValidationError) as future:
        services.member_add(role=MemberRole.LEADER, tier=1, **{**base, "start_date": timezone.localdate()
                                                               + dt.timedelta(days=1)})  # type: ignore[arg-type]
    assert "start_date" in future.value.message_dict
    with pytest.raises(ValidationError) as nameless:
        services.member_add(role=MemberRole.LEADER, tier=1, **{**base, "first_name": " "})  # type: ignore[arg-type]
    assert "first_name" in nameless.value.message_dict
    with pytest.raises(ValidationError) as twice:
        services.member_add(actor=w.director, case_id=w.group.pk, role=MemberRole.LEADER, tier=1,
                            start_date=dt.date(2026, 2, 1), person_id=w.members[0].person_id)
    assert "person_id" in twice.value.message_dict
    assert GroupMember.objects.filter(case=w.group).count() == 6


def test_a_person_of_another_case_is_refused() -> None:
    w = make_group_world(linked=False)
    with pytest.raises(ValidationError):
        services.member_add(actor=w.director, case_id=w.group.pk, role=MemberRole.LEADER, tier=1,
                            start_date=dt.date(2026, 2, 1), person_id=w.case_a.persons.get().pk)


def test_only_core_staff_change_members() -> None:
    w = make_group_world(linked=False)
    for actor in (w.world.police_pro, w.world.probation_pro, w.world.filer):
        with pytest.raises(Http404):
            services.member_add(actor=actor, case_id=w.group.pk, role=MemberRole.LEADER, tier=1,
                                start_date=dt.date(2026, 2, 1), first_name="A", last_name="B")
        with pytest.raises(Http404):
            services.member_update(actor=actor, case_id=w.group.pk, member_id=w.members[0].pk, expected_version=1,
                                   tier=3)


def test_update_is_versioned_and_logged() -> None:
    w = make_group_world(linked=False)
    m = w.members[3]
    changed = services.member_update(actor=w.director, case_id=w.group.pk, member_id=m.pk, expected_version=1,
                                     role=MemberRole.CORE_MEMBER, tier=1)
    assert (changed.role, changed.tier, changed.version) == (MemberRole.CORE_MEMBER, 1, 2)
    with pytest.raises(ValidationError) as stale:
        services.member_update(actor=w.director, case_id=w.group.pk, member_id=m.pk, expected_version=1, tier=2)
    assert stale.value.code == "conflict"
    assert ProcessingRecord.objects.filter(object_type="group-member", object_id=str(m.pk), action="update",
                                           data_subject=str(m.person.pseudonym)).count() == 1


def test_ending_a_membership() -> None:
    w = make_group_world(linked=False)
    m = w.members[5]
    with pytest.raises(ValidationError):
        services.member_end(actor=w.director, case_id=w.group.pk, member_id=m.pk, expected_version=1,
                            end_date=timezone.localdate() + dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        services.member_end(actor=w.director, case_id=w.group.pk, member_id=m.pk, expected_version=1,
                            end_date=dt.date(2025, 1, 1))
    ended = services.member_end(actor=w.director, case_id=w.group.pk, member_id=m.pk, expected_version=1,
                                end_date=timezone.localdate())
    assert ended.end_date == timezone.localdate()
    assert not ended.active
    with pytest.raises(ValidationError) as again:
        services.member_end(actor=w.director, case_id=w.group.pk, member_id=m.pk, expected_version=2,
                            end_date=timezone.localdate())
    assert again.value.code == "invalid_transition"


def test_linking_needs_a_person_case_of_the_house_seen_as_core_staff() -> None:
    w = make_group_world(linked=False)
    m = w.members[2]
    with pytest.raises(ValidationError):  # the group case itself is no person case
        services.member_link(actor=w.director, case_id=w.group.pk, member_id=m.pk, individual_case_id=w.group.pk,
                             expected_version=1)
    other_house = person_case(w.world, m.person)
    other_house.house = HouseFactory.create()
    other_house.save()
    with pytest.raises(Http404):
        services.member_link(actor=w.director, case_id=w.group.pk, member_id=m.pk,
                             individual_case_id=other_house.pk, expected_version=1)
    # A participant of both cases is not core staff: 404 on the group case's members.
    with pytest.raises(Http404):
        services.member_link(actor=w.world.probation_pro, case_id=w.group.pk, member_id=m.pk,
                             individual_case_id=w.case_a.pk, expected_version=1)
    linked = services.member_link(actor=w.director, case_id=w.group.pk, member_id=m.pk,
                                  individual_case_id=w.case_a.pk, expected_version=1)
    assert linked.individual_case_id == w.case_a.pk
    assert linked.linked_by == w.director
    with pytest.raises(ValidationError):  # one link per member
        services.member_link(actor=w.director, case_id=w.group.pk, member_id=m.pk, individual_case_id=w.case_b.pk,
                             expected_version=2)
    with pytest.raises(ValidationError):  # one member per linked case
        services.member_link(actor=w.director, case_id=w.group.pk, member_id=w.members[3].pk,
                             individual_case_id=w.case_a.pk, expected_version=1)
    unlinked = services.member_unlink(actor=w.director, case_id=w.group.pk, member_id=m.pk, expected_version=2)
    assert unlinked.individual_case_id is None
    assert ProcessingRecord.objects.filter(object_type="group-member-link", object_id=str(m.pk)).count() == 2
    with pytest.raises(Http404):
        services.member_unlink(actor=w.director, case_id=w.group.pk, member_id=m.pk, expected_version=3)


def test_a_house_with_the_group_approach_switched_off_accepts_nothing() -> None:
    w = make_group_world(linked=False)
    switch_on(w.world.house.pk, enabled=False)
    with pytest.raises(Http404):
        services.member_add(actor=w.director, case_id=w.group.pk, role=MemberRole.LEADER, tier=1,
                            start_date=dt.date(2026, 2, 1), first_name="A", last_name="B")


def test_a_person_case_is_no_group_case() -> None:
    w = make_group_world(linked=False)
    with pytest.raises(Http404):
        services.member_add(actor=w.director, case_id=w.case_a.pk, role=MemberRole.LEADER, tier=1,
                            start_date=dt.date(2026, 2, 1), first_name="A", last_name="B")


def test_core_staff_of_another_house_see_nothing() -> None:
    w = make_group_world(linked=False)
    outsider = member(HouseFactory.create(), Role.PROCESS_DIRECTOR, w.world.police)
    other_group = group_case(w.world)
    assert other_group.house_id == w.world.house.pk
    with pytest.raises(Http404):
        services.member_add(actor=outsider, case_id=w.group.pk, role=MemberRole.LEADER, tier=1,
                            start_date=dt.date(2026, 2, 1), first_name="A", last_name="B")
