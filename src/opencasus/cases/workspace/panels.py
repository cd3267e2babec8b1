"""What each workspace tab shows, read through the access policy and the apps' selectors.

The caller (`workspace.page`) has opened the case with `policy.case_get` and knows the reader's level;
nothing here widens it: participants get what is shared with them, the filer only status and feedback.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import capacities
from opencasus.access.policy import CaseAccess, participating_organisation_ids
from opencasus.cases.models import Case, InformationItem
from opencasus.cases.selectors import CaseView
from opencasus.cases.vocabulary import SharingScope

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def agenda_items(*, actor: User, case: Case, level: CaseAccess) -> list[Any]:
    """The case's agenda items this reader may see: all for core staff, those that need them otherwise."""
    from opencasus.meetings.selectors import case_agenda_items

    return case_agenda_items(actor=actor, case=case, level=level)


@dataclass
class Event:
    at: dt.datetime
    title: str
    detail: str = ""
    url: str = ""


def _aware(day: dt.date, time: dt.time | None = None) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time or dt.time(0, 0)))


def timeline(*, actor: User, view: CaseView, items: list[Any]) -> list[Event]:
    """Status changes, triage decision, meetings, plan versions, information items and escalations, newest first."""
    from opencasus.plans.selectors import case_escalations, plan_versions
    from opencasus.triage.selectors import case_decision

    case, level = view.case, view.level
    events: list[Event] = []
    for change in view.status_changes:
        detail = change.reason if level >= CaseAccess.CORE else ""
        events.append(Event(change.changed_at, _("Status: %(status)s") % {"status": change.get_to_status_display()},
                            detail))
    if level < CaseAccess.PARTICIPANT:
        return sorted(events, key=lambda e: e.at, reverse=True)
    decision = case_decision(case)
    if decision is not None:
        events.append(Event(decision.decided_at, _("Triage decision: %(outcome)s")
                            % {"outcome": decision.get_outcome_display()},
                            decision.grounds if level >= CaseAccess.CORE else ""))
    for item in items:
        meeting = item.meeting
        events.append(Event(_aware(meeting.date, meeting.start_time),
                            _("On the agenda of %(meeting)s") % {"meeting": meeting.meeting_type.name},
                            meeting.get_status_display(), reverse("meetings:item", args=[meeting.pk, item.pk])))
    for version in plan_versions(case):
        events.append(Event(version.adopted_at, _("Plan version %(n)s adopted") % {"n": version.number}, "",
                            reverse("plans:version", args=[case.pk, version.number])))
    for info in view.information_items:
        events.append(Event(info.created_at, _("Information added by %(org)s") % {"org": info.organisation.name},
                            info.get_life_domain_display(), f"{reverse('cases:detail', args=[case.pk])}"
                            f"?tab=informatie#informatie-{info.pk}"))
    for esc in case_escalations(case):
        events.append(Event(esc.raised_at, _("Escalation (%(level)s): %(org)s")
                            % {"level": esc.get_level_display(), "org": esc.organisation.name},
                            esc.get_status_display(), reverse("plans:escalation", args=[esc.pk])))
    return sorted(events, key=lambda e: e.at, reverse=True)


def why_visible(*, item: InformationItem, level: CaseAccess, own_orgs: set[int]) -> str:
    """Why this reader sees this item: their role, or the sharing scope that includes their organisation."""
    if level >= CaseAccess.CORE:
        return _("You are core staff of this house: the triage table sees all information of its cases.")
    if item.organisation_id in own_orgs:
        return _("Shared by your own organisation.")
    if item.sharing_scope == SharingScope.ALL_PARTICIPANTS:
        return _("Shared with all participants, and you take part in this case.")
    names = [o.name for o in item.shared_with.all() if o.pk in own_orgs]
    return _("Shared by name with your organisation (%(orgs)s).") % {"orgs": ", ".join(names)}


def information(*, actor: User, view: CaseView) -> list[tuple[InformationItem, str]]:
    own = (set(capacities.acting_organisation_ids(actor, view.case.house_id)) if view.level >= CaseAccess.CORE
           else participating_organisation_ids(actor=actor, case=view.case))
    return [(item, why_visible(item=item, level=view.level, own_orgs=own)) for item in view.information_items]


def plan(*, actor: User, view: CaseView) -> dict[str, Any]:
    """Goals per family member and life domain, interventions per line, and the agreements."""
    from opencasus.plans import selectors as plan_selectors
    from opencasus.plans.gates import adoption_blockers
    from opencasus.plans.vocabulary import InterventionLine

    _case, _level, the_plan = plan_selectors.plan_get(actor=actor, case_id=view.case.pk)
    goals = list(the_plan.goals.all()) if the_plan else []
    by_person: OrderedDict[str, OrderedDict[str, list[Any]]] = OrderedDict()
    for goal in sorted(goals, key=lambda g: (g.person_id or 0, g.life_domain, g.pk)):
        person = str(goal.person) if goal.person else _("The whole system")
        by_person.setdefault(person, OrderedDict()).setdefault(goal.get_life_domain_display(), []).append(goal)
    interventions = list(the_plan.interventions.all()) if the_plan else []
    lines = [(label, [i for i in interventions if i.line == value]) for value, label in InterventionLine.choices]
    all_agreements = list(plan_selectors.plan_agreements(the_plan))
    for goal in goals:
        setattr(goal, "served_by", [a for a in all_agreements if a.goal_id == goal.pk])  # noqa: B010 - display only
    return {"plan": the_plan, "goal_groups": by_person, "goal_count": len(goals), "lines": lines,
            "agreements": [a for a in all_agreements if a.goal_id is None], "all_agreements": all_agreements,
            "plan_version": the_plan.version if the_plan else 0, "adoption_blockers": adoption_blockers(view.case)}


def agreements(*, actor: User, view: CaseView) -> list[Any]:
    from opencasus.plans import selectors as plan_selectors

    return list(plan_selectors.agreement_list(actor=actor, case_id=view.case.pk)
                .select_related("goal").prefetch_related("notes__organisation", "status_changes__changed_by"))


def documents(*, actor: User, view: CaseView) -> dict[str, Any]:
    from opencasus.plans.selectors import plan_versions

    versions = plan_versions(view.case) if view.level >= CaseAccess.PARTICIPANT else []
    return {"attachments": view.attachments, "versions": versions,
            "is_filer": view.case.filed_by_id == actor.pk}
