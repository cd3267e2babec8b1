"""The reads of the group approach: what each reader gets, and what is logged."""

from __future__ import annotations

import pytest
from django.http import Http404

from opencasus.access.policy import CaseAccess
from opencasus.groups import selectors
from opencasus.groups.tests.factories import make_group_world
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans.models import Goal, Plan

pytestmark = pytest.mark.django_db


def test_group_view_splits_goals_per_member_and_for_the_group() -> None:
    w = make_group_world()
    plan = Plan.objects.create(case=w.group)
    group_goal = Goal.objects.create(plan=plan, life_domain="friends", description="Geen overlast.")
    own = Goal.objects.create(plan=plan, life_domain="education_work", person=w.members[2].person,
                              description="Stage gevonden.")
    view = selectors.group_view(actor=w.director, case_id=w.group.pk)
    assert view.group_goals == [group_goal]
    by_member = {row.member.pk: row.goals for row in view.members}
    assert by_member[w.members[2].pk] == [own]
    assert all(goals == [] for pk, goals in by_member.items() if pk != w.members[2].pk)
    assert view.may_manage
    assert len(view.current) == 6


def test_links_are_shown_as_the_reader_may_see_the_linked_case() -> None:
    w = make_group_world()
    seen = {row.member.pk: row.link for row in selectors.group_view(actor=w.world.probation_pro,
                                                                    case_id=w.group.pk).members}
    a, b = seen[w.members[0].pk], seen[w.members[1].pk]
    assert a is not None
    assert (a.visible, a.reference) == (True, w.case_a.reference)
    assert b is not None
    assert (b.visible, b.reference, b.status, b.url, b.case_id) == (False, "", "", "", None)
    assert seen[w.members[2].pk] is None


def test_the_filer_and_a_switched_off_house_get_404() -> None:
    w = make_group_world()
    with pytest.raises(Http404):
        selectors.group_view(actor=w.world.filer, case_id=w.group.pk)
    with pytest.raises(Http404):
        selectors.member_get(actor=w.world.police_pro, case_id=w.case_a.pk, member_id=w.members[0].pk)


def test_a_member_of_another_group_is_missing() -> None:
    w = make_group_world()
    other = make_group_world()
    with pytest.raises(Http404):
        selectors.member_get(actor=w.director, case_id=w.group.pk, member_id=other.members[0].pk)


def test_reads_log_the_members_as_data_subjects_and_checks_log_nothing() -> None:
    w = make_group_world()
    before = ProcessingRecord.objects.count()
    selectors.group_check(actor=w.world.police_pro, case_id=w.group.pk)
    selectors.member_check(actor=w.director, case_id=w.group.pk, member_id=w.members[0].pk,
                           minimum=CaseAccess.CORE)
    assert ProcessingRecord.objects.count() == before
    selectors.member_get(actor=w.world.police_pro, case_id=w.group.pk, member_id=w.members[3].pk)
    record = ProcessingRecord.objects.get(object_type="group-member", object_id=str(w.members[3].pk), action="view")
    assert record.data_subject == str(w.members[3].person.pseudonym)
    assert record.purpose == w.group.purpose


def test_summary_counts_current_members_per_role() -> None:
    w = make_group_world()
    summary = selectors.group_summary(actor=w.director, case=w.group, level=CaseAccess.CORE)
    assert summary is not None
    assert (summary.members, summary.linked) == (6, 2)
    assert [n for _label, n in summary.by_role] == [1, 2, 3]
    assert selectors.group_summary(actor=w.world.filer, case=w.group, level=CaseAccess.FILER) is None
    assert selectors.group_summary(actor=w.director, case=w.case_a, level=CaseAccess.CORE) is None


def test_linkable_cases_are_person_cases_of_the_house_not_linked_yet() -> None:
    w = make_group_world(linked=False)
    ids = [pk for pk, _label in selectors.linkable_cases(actor=w.director, case=w.group)]
    assert w.case_a.pk in ids
    assert w.case_b.pk in ids
    assert w.group.pk not in ids
