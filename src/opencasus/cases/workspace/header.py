"""The workspace header: who/what the case is about, where it stands, and what this reader may do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access.policy import CaseAccess
from opencasus.cases.models import Case, Person
from opencasus.cases.vocabulary import Relation, SubjectType
from opencasus.cases.workflow import Status

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@dataclass
class Action:
    label: str
    url: str
    primary: bool = False


@dataclass
class Header:
    case: Case
    level: CaseAccess
    subject: str
    days_open: int
    process_director: str = ""
    case_director: str = ""
    next_meeting: Any = None
    next_meeting_url: str = ""
    actions: list[Action] = field(default_factory=list)
    crisis_deadlines: list[Any] = field(default_factory=list)  # core staff, in a house running the crisis lane

    @property
    def status_tone(self) -> str:
        tones: dict[str, str] = {Status.ADMITTED: "success", Status.CLOSED: "inactive", Status.DECLINED: "inactive",
                                 Status.SUBMITTED: "warning", Status.IN_TRIAGE: "warning"}
        return tones.get(self.case.status, "neutral")


def subject_name(case: Case, persons: list[Person], level: CaseAccess) -> str:
    """Names only for readers allowed to see them; a household is "Systeem <family name>"."""
    if case.subject_type == SubjectType.AREA:
        place = case.neighbourhood or (case.municipality.name if case.municipality_id else "")
        return place or str(SubjectType.AREA.label)
    if level < CaseAccess.PARTICIPANT or not persons:
        return str(SubjectType(case.subject_type).label)
    main = next((p for p in persons if p.relation in (Relation.SUBJECT, Relation.PARENT)), persons[0])
    if case.subject_type == SubjectType.SYSTEM:
        family = " ".join(part for part in (main.last_name,) if part)
        return _("System %(family)s") % {"family": family}
    return f"{main.first_name} {main.last_name}"


def _days_open(case: Case) -> int:
    end = case.closed_at or timezone.now()
    return max((timezone.localdate(end) - timezone.localdate(case.filed_at)).days, 0)


def _actions(case: Case, level: CaseAccess, actor: User, may_upload: bool) -> list[Action]:
    tab = reverse("cases:detail", args=[case.pk])
    actions: list[Action] = []
    if level >= CaseAccess.CORE:
        if case.status in (Status.SUBMITTED, Status.IN_TRIAGE):
            actions += [Action(_("Triage decision"), reverse("triage:decision", args=[case.pk]), primary=True),
                        Action(_("Triage assessment"), reverse("triage:assessment", args=[case.pk]))]
        elif case.status == Status.ADMITTED:
            actions += [Action(_("Action plan"), reverse("plans:plan", args=[case.pk]), primary=True),
                        Action(_("Manage participants"), reverse("triage:participants", args=[case.pk])),
                        Action(_("Escalate"), reverse("plans:escalation-raise", args=[case.pk])),
                        Action(_("ZSM advice"), reverse("zsm:advice", args=[case.pk])),
                        Action(_("Close the case"), reverse("plans:close", args=[case.pk])),
                        Action(_("Transfer"), reverse("transfers:propose", args=[case.pk])),
                        Action(_("Co-directors"), reverse("transfers:co-directors", args=[case.pk]))]
        elif case.status == Status.CLOSED:
            actions.append(Action(_("Re-open the case"), reverse("plans:reopen", args=[case.pk]), primary=True))
        actions.append(Action(_("Process director"), reverse("cases:direction", args=[case.pk])))
    elif level >= CaseAccess.PARTICIPANT and case.status == Status.ADMITTED:
        actions.append(Action(_("Add information"), f"{tab}?tab=informatie#informatie-toevoegen",
                              primary=True))
    if case.filed_by_id == actor.pk and level >= CaseAccess.FILER:
        actions.append(Action(_("Receipt of your intake"), reverse("cases:receipt", args=[case.pk]),
                              primary=not actions))
    if may_upload:
        actions.append(Action(_("Add an attachment"), reverse("cases:attachment-add", args=[case.pk])))
    return actions


def build_header(*, actor: User, case: Case, level: CaseAccess, persons: list[Person], may_upload: bool,
                 agenda_items: list[Any]) -> Header:
    """The header of a case the actor has opened (the caller applied the access policy)."""
    from opencasus.plans.selectors import case_plan
    from opencasus.triage.selectors import case_decision

    header = Header(case=case, level=level, subject=subject_name(case, persons, level), days_open=_days_open(case),
                    actions=_actions(case, level, actor, may_upload))
    if level >= CaseAccess.PARTICIPANT:
        decision = case_decision(case)
        if case.process_director is not None:
            header.process_director = case.process_director.get_full_name() or case.process_director.username
        elif decision is not None:
            header.process_director = decision.decided_by.get_full_name() or decision.decided_by.username
        plan = case_plan(case)
        if plan is not None and plan.director_organisation is not None:
            who = plan.director_user.get_full_name() if plan.director_user is not None else ""
            header.case_director = ", ".join(p for p in (who, plan.director_organisation.name) if p)
        today = timezone.localdate()
        upcoming = [i for i in agenda_items if i.meeting.date >= today and i.meeting.status == "planned"]
        if upcoming:
            item = min(upcoming, key=lambda i: (i.meeting.date, i.meeting.start_time))
            header.next_meeting = item.meeting
            header.next_meeting_url = reverse("meetings:item", args=[item.meeting_id, item.pk])
    if level >= CaseAccess.CORE:
        from opencasus.meetings.crisis import case_deadlines

        header.crisis_deadlines = case_deadlines([case]).get(case.pk, [])
    return header
