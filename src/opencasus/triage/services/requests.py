"""Information requests before triage: the process director asks partners, a partner answers."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import roles
from opencasus.access.information_requests import RequestAccess, request_get
from opencasus.access.policy import CaseAccess, case_get
from opencasus.access.triage_table import QUEUE_STATUSES
from opencasus.cases.models import Person
from opencasus.logbook.models import Action
from opencasus.logbook.services import record_processing
from opencasus.network.models import CORE_STAFF_ROLES, Membership, Role
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify
from opencasus.triage.models import (
    AnswerScope,
    InformationAnswer,
    InformationRequest,
    RequestStatus,
)
from opencasus.triage.models_table import REQUEST_TRANSITIONS
from opencasus.triage.services.common import ACTIVITY, case_purpose, conflict, organisations_with_covenant
from opencasus.triage.services.table import clean_life_domains

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def request_subjects(request: InformationRequest) -> list[str]:
    """The persons asked about: the data subjects of everything done with the request."""
    return [str(p) for p in request.persons.values_list("pseudonym", flat=True)] or [""]


def log_request(*, actor: User, request: InformationRequest, action: Action | str, object_type: str,
                object_id: int) -> None:
    record_processing(action=action, activity_code=ACTIVITY, purpose=case_purpose(request.case),
                      who=roles.who(actor, request.house_id), house_id=request.house_id,
                      data_subjects=request_subjects(request), object_type=object_type, object_id=object_id,
                      case_id=request.case_id)


def addressed_professionals(house_id: int, organisation_id: int) -> list[int]:
    return list(Membership.objects.active().filter(
        house_id=house_id, organisation_id=organisation_id, role=Role.PARTNER_PROFESSIONAL,
        user__is_active=True, user__is_system_client=False).values_list("user_id", flat=True).distinct())


@transaction.atomic
def information_request_create(*, actor: User, case_id: int, organisation_id: int, person_ids: list[int],
                               life_domains: list[str], question: str, due_date: dt.date | None,
                               today: dt.date | None = None) -> InformationRequest:
    """Ask an organisation (covenant in force) for information about persons of an intake, by a date.
    Core staff of the house; the organisation's professionals are notified."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE, for_update=True)
    if case.status not in QUEUE_STATUSES:
        raise ValidationError(_("The triage of this intake is finished; no more information is asked for it."),
                              code="invalid_transition")
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if organisation_id not in organisations_with_covenant(case.house):
        errors.setdefault("organisation", []).append(
            _("This organisation has no privacy covenant in force with this house; it cannot be asked."))
    persons = list(Person.objects.filter(case=case, pk__in=person_ids))
    if not person_ids:
        errors.setdefault("persons", []).append(_("Choose the persons the question is about."))
    elif len(persons) != len(set(person_ids)):
        errors.setdefault("persons", []).append(_("Choose persons of this intake."))
    domains = clean_life_domains(life_domains, "life_domains", errors)
    if not question.strip():
        errors.setdefault("question", []).append(_("Write the question."))
    if due_date is None:
        errors.setdefault("due_date", []).append(_("Say by when the answer is needed."))
    elif due_date < today:
        errors.setdefault("due_date", []).append(_("The due date cannot lie in the past."))
    if errors:
        raise ValidationError(errors)
    assert due_date is not None
    request = InformationRequest.objects.create(
        case=case, house_id=case.house_id, organisation_id=organisation_id, life_domains=domains,
        question=question.strip(), due_date=due_date, requested_by=actor)
    request.persons.set(persons)
    log_request(actor=actor, request=request, action=Action.CREATE, object_type="triage-information-request",
                object_id=request.pk)
    notify(user_ids=addressed_professionals(case.house_id, organisation_id), kind=Kind.INFORMATION_REQUEST,
           link=reverse("triage:request", args=[request.pk]), case_reference=case.reference,
           house_id=case.house_id, on_date=due_date, subject_key=f"information-request-{request.pk}")
    return request


@transaction.atomic
def information_request_answer(*, actor: User, request_id: int, text: str, life_domains: list[str],
                               legal_basis: str, sharing_scope: str = AnswerScope.TRIAGE_TABLE,
                               expected_version: int | None = None) -> InformationAnswer:
    """The addressed organisation's answer, shared with the triage table only unless it says otherwise."""
    request, level = request_get(actor=actor, request_id=request_id, for_update=True)
    if level != RequestAccess.ADDRESSEE:
        raise PermissionDenied(_("Only a professional of the organisation asked answers this request."))
    if expected_version is not None and expected_version != request.version:
        raise conflict()
    REQUEST_TRANSITIONS.check(request.status, RequestStatus.ANSWERED)
    errors: dict[str, list[str]] = {}
    if not text.strip():
        errors.setdefault("text", []).append(_("Write the answer."))
    domains = clean_life_domains(life_domains, "life_domains", errors, required=False)
    if not legal_basis.strip():
        errors.setdefault("legal_basis", []).append(_("State the legal basis on which you share this."))
    if sharing_scope not in AnswerScope.values:
        errors.setdefault("sharing_scope", []).append(_("Choose with whom the answer is shared."))
    if errors:
        raise ValidationError(errors)
    answer = InformationAnswer.objects.create(
        request=request, organisation_id=request.organisation_id, author=actor, text=text.strip(),
        life_domains=domains or list(request.life_domains), sharing_scope=sharing_scope,
        legal_basis=legal_basis.strip())
    request.status = RequestStatus.ANSWERED
    request.version += 1
    request.save(update_fields=["status", "version"])
    log_request(actor=actor, request=request, action=Action.CREATE, object_type="triage-information-answer",
                object_id=answer.pk)
    return answer


@transaction.atomic
def information_request_withdraw(*, actor: User, request_id: int,
                                 expected_version: int | None = None) -> InformationRequest:
    request, level = request_get(actor=actor, request_id=request_id, for_update=True)
    if level != RequestAccess.CORE:
        raise PermissionDenied(_("Only the process director and the secretary withdraw a request."))
    if expected_version is not None and expected_version != request.version:
        raise conflict()
    REQUEST_TRANSITIONS.check(request.status, RequestStatus.WITHDRAWN)
    request.status = RequestStatus.WITHDRAWN
    request.version += 1
    request.save(update_fields=["status", "version"])
    log_request(actor=actor, request=request, action=Action.UPDATE, object_type="triage-information-request",
                object_id=request.pk)
    return request


def signal_overdue_requests(*, today: dt.date | None = None) -> int:
    """Notify the addressed organisation's professionals and the house's core staff, once per request, of every
    open request past its due date. Notifications carry no content. Returns the number of requests signalled."""
    today = today or timezone.localdate()
    overdue = (InformationRequest.objects.filter(status=RequestStatus.OPEN, due_date__lt=today,
                                                 case__status__in=QUEUE_STATUSES)
               .select_related("case"))
    count = 0
    for request in overdue:
        with transaction.atomic():
            core = Membership.objects.active().filter(house_id=request.house_id, role__in=CORE_STAFF_ROLES)
            users = set(addressed_professionals(request.house_id, request.organisation_id))
            users |= set(core.values_list("user_id", flat=True))
            created = notify(user_ids=users, kind=Kind.INFORMATION_REQUEST_OVERDUE,
                             link=reverse("triage:request", args=[request.pk]),
                             case_reference=request.case.reference, house_id=request.house_id,
                             on_date=request.due_date, subject_key=f"information-request-{request.pk}")
            count += bool(created)
    return count
