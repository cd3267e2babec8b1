"""Reads of the group approach. Each starts from `opencasus.access.groups` (the case policy on the group case);
a member outside a visible group case answers 404 like a missing one. Reads of member data are logged here, with
the group case's purpose and the members shown as data subjects; the `*_check` reads log nothing (they decide
access for a write or a form)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from opencasus.access import groups as access
from opencasus.access import roles
from opencasus.access.policy import CaseAccess
from opencasus.cases.models import Case, Person
from opencasus.cases.vocabulary import SubjectType
from opencasus.cases.workflow import Status
from opencasus.groups.models import GroupMember
from opencasus.groups.services import ACTIVITY
from opencasus.groups.vocabulary import MemberRole
from opencasus.logbook.models import Action
from opencasus.logbook.services import record_processing
from opencasus.plans.models import Goal

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@dataclass
class LinkView:
    """A member's linked individual case as this reader may see it: `visible` False means the reader learns only
    that a case is linked (no reference, no status, no address)."""

    visible: bool
    case_id: int | None = None
    reference: str = ""
    status: str = ""
    url: str = ""


@dataclass
class MemberView:
    member: GroupMember
    link: LinkView | None
    goals: list[Goal] = field(default_factory=list)

    @property
    def person(self) -> Person:
        return self.member.person


@dataclass
class GroupView:
    case: Case
    level: CaseAccess
    members: list[MemberView]
    group_goals: list[Goal]
    plan_id: int | None

    @property
    def may_manage(self) -> bool:
        return access.may_manage(self.level)

    @property
    def current(self) -> list[MemberView]:
        return [m for m in self.members if m.member.active]

    @property
    def former(self) -> list[MemberView]:
        return [m for m in self.members if not m.member.active]


def _log(*, actor: User, case: Case, members: list[GroupMember], object_type: str, object_id: int) -> None:
    if not members:
        return
    record_processing(
        action=Action.VIEW, activity_code=ACTIVITY, purpose=case.purpose or case.requested_purpose,
        who=roles.who(actor, case.house_id), house_id=case.house_id,
        data_subjects=[str(m.person.pseudonym) for m in members], object_type=object_type, object_id=object_id,
        case_id=case.pk)


def _members(case: Case) -> QuerySet[GroupMember]:
    return (GroupMember.objects.filter(case=case).select_related("person", "individual_case")
            .order_by("end_date", "tier", "role", "person__last_name", "id"))


def _link(*, actor: User, member: GroupMember) -> LinkView | None:
    linked = member.individual_case
    if linked is None:
        return None
    if not access.sees_linked_case(actor=actor, case=linked):
        return LinkView(visible=False)
    return LinkView(visible=True, case_id=linked.pk, reference=linked.reference,
                    status=str(Status(linked.status).label), url=reverse("cases:detail", args=[linked.pk]))


def _goals(case: Case) -> tuple[int | None, list[Goal]]:
    from opencasus.plans.models import Plan

    plan = Plan.objects.filter(case=case).first()
    if plan is None:
        return None, []
    return plan.pk, list(Goal.objects.filter(plan=plan).select_related("person").order_by("life_domain", "id"))


def group_check(*, actor: User, case_id: int, minimum: CaseAccess = access.SEE_MEMBERS) -> tuple[Case, CaseAccess]:
    """The group case at `minimum` level (404 otherwise). Reads no member and logs nothing."""
    return access.group_case_get(actor=actor, case_id=case_id, minimum=minimum)


def group_view(*, actor: User, case_id: int) -> GroupView:
    """The group page: the members with role, tier, dates and linked case (as the reader may see it), the goals
    per member and for the group. Logs one view with every member as data subject."""
    case, level = group_check(actor=actor, case_id=case_id)
    members = list(_members(case))
    plan_id, goals = _goals(case)
    by_person: dict[int, list[Goal]] = {}
    group_goals: list[Goal] = []
    for goal in goals:
        if goal.person_id is None:
            group_goals.append(goal)
        else:
            by_person.setdefault(goal.person_id, []).append(goal)
    views = [MemberView(m, _link(actor=actor, member=m), by_person.get(m.person_id, [])) for m in members]
    _log(actor=actor, case=case, members=members, object_type="group-members", object_id=case.pk)
    return GroupView(case, level, views, group_goals, plan_id)


def member_list(*, actor: User, case_id: int, active: bool | None = None) -> tuple[Case, list[MemberView]]:
    """The members for the API (not logged: the caller logs the page it shows with `record_member_list_view`)."""
    case, _level = group_check(actor=actor, case_id=case_id)
    qs = _members(case)
    today = timezone.localdate()
    members = list(qs)
    if active is not None:
        members = [m for m in members if (m.end_date is None or m.end_date > today) == active]
    return case, [MemberView(m, _link(actor=actor, member=m)) for m in members]


def record_member_list_view(*, actor: User, case: Case, members: list[MemberView]) -> None:
    _log(actor=actor, case=case, members=[m.member for m in members], object_type="group-members",
         object_id=case.pk)


def member_check(*, actor: User, case_id: int, member_id: int,
                 minimum: CaseAccess = access.SEE_MEMBERS) -> tuple[Case, CaseAccess]:
    """404 unless the member exists in a group case the actor sees at `minimum`. Logs nothing."""
    case, level = group_check(actor=actor, case_id=case_id, minimum=minimum)
    if not GroupMember.objects.filter(case=case, pk=member_id).exists():
        raise Http404
    return case, level


def member_get(*, actor: User, case_id: int, member_id: int) -> tuple[Case, CaseAccess, MemberView]:
    case, level = group_check(actor=actor, case_id=case_id)
    member = _members(case).filter(pk=member_id).first()
    if member is None:
        raise Http404
    _log(actor=actor, case=case, members=[member], object_type="group-member", object_id=member.pk)
    return case, level, MemberView(member, _link(actor=actor, member=member))


def member_goals(*, actor: User, case_id: int, member_id: int) -> tuple[GroupMember, list[Goal]]:
    """The plan's goals for one member (goals of the group case's plan naming the member's person)."""
    case, _level = group_check(actor=actor, case_id=case_id)
    member = _members(case).filter(pk=member_id).first()
    if member is None:
        raise Http404
    _plan_id, goals = _goals(case)
    _log(actor=actor, case=case, members=[member], object_type="group-member-goals", object_id=member.pk)
    return member, [g for g in goals if g.person_id == member.person_id]


def member_candidates(*, actor: User, case: Case) -> list[tuple[int, str]]:
    """Persons recorded in the group case who are not members yet (for the add form; the caller is core staff
    and the form shows their names: logged as a view)."""
    persons = list(Person.objects.filter(case=case, group_membership__isnull=True).order_by("last_name", "id"))
    if persons:
        record_processing(
            action=Action.VIEW, activity_code=ACTIVITY, purpose=case.purpose or case.requested_purpose,
            who=roles.who(actor, case.house_id), house_id=case.house_id,
            data_subjects=[str(p.pseudonym) for p in persons], object_type="group-member-candidates",
            object_id=case.pk, case_id=case.pk)
    return [(p.pk, f"{p.first_name} {p.last_name}") for p in persons]


def linkable_cases(*, actor: User, case: Case) -> list[tuple[int, str]]:
    """Person cases of the group case's house to link (core staff only): references and status, no persons."""
    if not access.may_manage(access.group_case_get(actor=actor, case_id=case.pk)[1]):
        return []
    taken = GroupMember.objects.filter(case=case, individual_case__isnull=False).values("individual_case_id")
    qs = (Case.objects.filter(house_id=case.house_id, subject_type=SubjectType.PERSON)
          .exclude(status__in=[Status.DECLINED]).exclude(pk__in=taken).order_by("-filed_at", "-id")[:300])
    return [(c.pk, f"{c.reference} ({Status(c.status).label})") for c in qs]


@dataclass(frozen=True)
class GroupSummary:
    """Counts for the section on the group case's workspace (no names: not logged)."""

    case_id: int
    by_role: list[tuple[str, int]]
    members: int
    linked: int


def group_summary(*, actor: User, case: Case, level: CaseAccess) -> GroupSummary | None:
    """For the workspace of a case the caller opened: None unless it is a group case whose members they see."""
    if level < access.SEE_MEMBERS or not access.is_group_case(case):
        return None
    today = timezone.localdate()
    rows = list(GroupMember.objects.filter(case=case).values_list("role", "end_date", "individual_case_id"))
    current = [r for r in rows if r[1] is None or r[1] > today]
    counts = Counter(role for role, _end, _linked in current)
    return GroupSummary(case.pk, [(str(label), counts.get(value, 0)) for value, label in MemberRole.choices],
                        len(current), sum(1 for r in current if r[2] is not None))


def role_counts(*, house_ids: list[int], municipality_id: int | None, until: dt.date) -> dict[str, Any]:
    """Management information: group cases and current members per role on `until` (counts only)."""
    members = GroupMember.objects.filter(house_id__in=house_ids, start_date__lte=until).exclude(end_date__lte=until)
    cases = Case.objects.filter(house_id__in=house_ids, subject_type=SubjectType.AREA, group_members__isnull=False)
    if municipality_id is not None:
        members = members.filter(case__municipality_id=municipality_id)
        cases = cases.filter(municipality_id=municipality_id)
    counts = Counter(members.values_list("role", flat=True))
    return {"group_cases": cases.distinct().count(),
            "roles": {value: counts.get(value, 0) for value in MemberRole.values},
            "linked": members.filter(individual_case__isnull=False).count()}
