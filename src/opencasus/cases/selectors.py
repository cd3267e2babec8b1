"""Reads of cases, always through `opencasus.access.policy`, each logged as a processing.

Logging of lists: "Mijn casussen" shows reference, house, subject type, route, status and dates:
no person data. It therefore logs one record per house shown, without a data subject
(object type "case-list", the page's case ids are not needed to reconstruct who was seen because
nobody was). A case detail logs one VIEW record per person of the case, with the case's purpose
(the requested purpose before admission).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import Http404

from opencasus.access import attachments as attachment_access
from opencasus.access import capacities, policy, roles
from opencasus.access import intake as intake_access
from opencasus.access.policy import CaseAccess
from opencasus.cases.hitcheck import Hit, stored_hits
from opencasus.cases.models import Attachment, Case, InformationItem, InvolvedPartner, Participant, Person, StatusChange
from opencasus.cases.services.transitions import case_subjects
from opencasus.cases.workflow import Status
from opencasus.core.identifiers import decrypt_identifier, mask_bsn
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.network.models import Municipality

if TYPE_CHECKING:
    from opencasus.accounts.models import User

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def case_list(*, actor: User, status: str | None = None, subject_type: str | None = None,
              route: str | None = None, filed_with_feedback: bool = False,
              participating: bool = False, directing: bool = False) -> QuerySet[Case]:
    """"My cases": core staff their house's cases; partners the cases they take part in and intakes they filed.

    `filed_with_feedback`: only intakes the actor filed that have feedback; `participating`: only cases where
    the actor is a named participant; `directing`: only cases the actor directs as process director."""
    qs = policy.visible_cases(actor=actor, minimum=CaseAccess.FILER).select_related("house")
    if filed_with_feedback:
        qs = qs.filter(filed_by=actor, feedback_at__isnull=False)
    if participating:
        qs = qs.filter(pk__in=policy.visible_cases(actor=actor, minimum=CaseAccess.PARTICIPANT).filter(
            pk__in=Participant.objects.active().filter(user=actor).values("case_id")).order_by().values("pk"))
    if directing:
        qs = qs.filter(process_director=actor)
    if status:
        qs = qs.filter(status=status)
    if subject_type:
        qs = qs.filter(subject_type=subject_type)
    if route:
        qs = qs.filter(route=route)
    return qs.order_by("-last_activity_at", "-pk")


def record_case_list_view(*, actor: User, cases: Iterable[Case]) -> None:
    """Log a page of "my cases": one record per house shown, without a data subject (no person data shown)."""
    for house_id in sorted({c.house_id for c in cases}):
        record_processing(action=Action.VIEW, activity_code=ActivityCode.INTAKE, purpose=purposes.MY_CASES,
                          who=roles.who(actor, house_id), house_id=house_id, object_type="case-list")


@dataclass
class CaseView:
    """What one actor may see of one case; fields above their level are left empty."""

    case: Case
    level: CaseAccess
    status_changes: list[StatusChange] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    information_items: list[InformationItem] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    involved_partners: list[InvolvedPartner] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    actor_id: int | None = None

    @property
    def is_core(self) -> bool:
        return self.level >= CaseAccess.CORE

    @property
    def shows_feedback(self) -> bool:
        """The feedback is for the filer (and core staff who wrote it), not for other participants."""
        return self.level == CaseAccess.FILER or self.level >= CaseAccess.CORE or (
            self.case.filed_by_id == self.actor_id)

    @property
    def may_upload(self) -> bool:
        return attachment_access.may_upload(self.case, self.level)

    @property
    def is_participant(self) -> bool:
        return self.level >= CaseAccess.PARTICIPANT


def case_check(*, actor: User, case_id: int, minimum: CaseAccess) -> tuple[Case, CaseAccess]:
    """Only the access decision (404 below `minimum`); reads no personal data, so nothing to log."""
    return policy.case_get(actor=actor, case_id=case_id, minimum=minimum)


def _purpose(case: Case) -> str:
    return case.purpose or case.requested_purpose


def _log_view(actor: User, case: Case, object_type: str = "case", object_id: Any = None,
              subjects: Sequence[str] | None = None) -> None:
    record_processing(
        action=Action.VIEW, activity_code=_activity(case), purpose=_purpose(case),
        who=roles.who(actor, case.house_id), house_id=case.house_id,
        data_subjects=subjects if subjects is not None else case_subjects(case),
        object_type=object_type, object_id=case.pk if object_id is None else object_id, case_id=case.pk)


def _activity(case: Case) -> ActivityCode:
    if case.status == Status.SUBMITTED:
        return ActivityCode.INTAKE
    if case.status == Status.IN_TRIAGE or not case.admitted_at:
        return ActivityCode.TRIAGE
    return ActivityCode.CASE_CONFERENCE


def _visible_attachments(actor: User, case: Case, level: CaseAccess) -> QuerySet[Attachment]:
    return attachment_access.visible_attachments(actor=actor, case=case, level=level).select_related("uploaded_by")


def with_masked_bsn(persons: Iterable[Person]) -> list[Person]:
    result = []
    for person in persons:
        masked = mask_bsn(decrypt_identifier(person.bsn_encrypted)) if person.bsn_encrypted else ""
        setattr(person, "bsn_masked", masked)  # noqa: B010 - display only, never stored
        result.append(person)
    return result


def case_detail(*, actor: User, case_id: int, object_type: str | Callable[[CaseAccess], str] = "case",
                minimum: CaseAccess = CaseAccess.FILER) -> CaseView:
    """One case as `actor` may see it (404 when hidden or below `minimum`); the view is logged as
    `object_type`. That may be a function of the reader's level, called before anything is read: it names
    what the reader opens, or raises Http404 (a part of the case they may not open reads and logs nothing)."""
    case, level = policy.case_get(actor=actor, case_id=case_id, minimum=minimum)
    if callable(object_type):
        object_type = object_type(level)
    view = CaseView(case=case, level=level, actor_id=actor.pk,
                    status_changes=list(case.status_changes.order_by("changed_at", "id")))
    if level >= CaseAccess.PARTICIPANT:
        persons = list(case.persons.select_related("municipality").order_by("id"))
        view.persons = with_masked_bsn(persons) if level >= CaseAccess.CORE else persons
        view.participants = list(case.participants.active().select_related("organisation", "user"))
        view.information_items = list(
            policy.visible_information_items(actor=actor, case=case, level=level)
            .select_related("organisation", "author", "person").prefetch_related("shared_with")
            .order_by("created_at", "id"))
        view.attachments = list(_visible_attachments(actor, case, level))
    if level >= CaseAccess.CORE:
        view.involved_partners = list(case.involved_partners.select_related("organisation"))
        view.hits = stored_hits(case)
    _log_view(actor, case, object_type=object_type)
    return view


def information_item_list(*, actor: User, case_id: int) -> list[InformationItem]:
    case, level = policy.case_get(actor=actor, case_id=case_id, minimum=CaseAccess.PARTICIPANT)
    items = list(policy.visible_information_items(actor=actor, case=case, level=level)
                 .select_related("organisation", "author", "person").prefetch_related("shared_with")
                 .order_by("created_at", "id"))
    _log_view(actor, case, object_type="information-item-list")
    return items


def attachment_list(*, actor: User, case_id: int) -> list[Attachment]:
    case, level = policy.case_get(actor=actor, case_id=case_id, minimum=CaseAccess.PARTICIPANT)
    attachments = list(_visible_attachments(actor, case, level))
    _log_view(actor, case, object_type="attachment-list")
    return attachments


def attachment_get(*, actor: User, case_id: int, attachment_id: int) -> Attachment:
    """One attachment for download; 404 when the case or the attachment is hidden. The download is logged."""
    case, level = policy.case_get(actor=actor, case_id=case_id, minimum=CaseAccess.PARTICIPANT)
    attachment = _visible_attachments(actor, case, level).filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    _log_view(actor, case, object_type="attachment", object_id=attachment.pk)
    return attachment


def case_hits(*, actor: User, case_id: int) -> list[Hit]:
    """The hits of the latest hit check: core staff of the case's house only."""
    case, _level = policy.case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE)
    hits = stored_hits(case)
    _log_view(actor, case, object_type="hit-list")
    return hits


@dataclass
class IntakeOptions:
    choices: list[tuple[Any, Any]]
    target_groups: QuerySet[Any]
    municipalities: QuerySet[Any]
    organisations: QuerySet[Any]


def intake_options(*, actor: User) -> IntakeOptions:
    """What the intake form offers: the (house, organisation) pairs the actor may file for, and lists."""
    from opencasus.network.models import Municipality, Organisation, TargetGroup

    choices = intake_access.filing_choices(actor)
    houses = {h.pk for h, _o in choices}
    regions = {h.region_id for h, _o in choices}
    return IntakeOptions(
        choices=choices,
        target_groups=TargetGroup.objects.filter(house_id__in=houses, active=True).select_related("house"),
        municipalities=Municipality.objects.filter(region_id__in=regions, active=True).order_by("name"),
        organisations=Organisation.objects.filter(partnerships__house_id__in=houses).distinct().order_by("name"),
    )


def information_form_options(*, actor: User, view: CaseView) -> dict[str, Any]:
    """Choices for adding information to a case the actor has opened (participant or core)."""
    from opencasus.network.models import Organisation

    if view.level >= CaseAccess.CORE:
        own = capacities.acting_organisation_ids(actor, view.case.house_id)
    else:
        own = policy.participating_organisation_ids(actor=actor, case=view.case)
    participating = {p.organisation_id for p in view.participants}
    return {
        "organisations": list(Organisation.objects.filter(pk__in=own).order_by("name")),
        "persons": view.persons,
        "participating": list(Organisation.objects.filter(pk__in=participating).order_by("name")),
    }


def search_municipalities(*, actor: User) -> QuerySet[Municipality]:
    """The municipalities of the regions of the actor's houses (the choices of the search form)."""
    house_ids = capacities.member_house_ids(actor)
    return Municipality.objects.filter(region__houses__pk__in=house_ids).distinct().order_by("name")


# Choices of the forms about one case (the view opened the case through the access policy first).

def participating_organisations(*, case_id: int) -> QuerySet[Any]:
    """The organisations of the case's active participants."""
    from opencasus.network.models import Organisation

    return Organisation.objects.filter(
        pk__in=Participant.objects.active().filter(case_id=case_id).values("organisation_id"))


def participating_professionals(*, case_id: int) -> QuerySet[Any]:
    """The professionals named among the case's active participants."""
    from opencasus.accounts.models import User

    return User.objects.filter(
        pk__in=Participant.objects.active().filter(case_id=case_id, user__isnull=False).values("user_id"))


def professional_organisations(*, case_id: int) -> list[tuple[int, int]]:
    """(professional, organisation) of each active participant who is named."""
    return list(Participant.objects.active().filter(case_id=case_id).exclude(user=None)
                .values_list("user_id", "organisation_id"))


def case_persons(*, case_id: int) -> QuerySet[Person]:
    return Person.objects.filter(case_id=case_id)
