"""Helpers shared by the plan services: access checks, optimistic locking and the processing log."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from opencasus.access import roles
from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.models import Case, Participant
from opencasus.cases.services import case_subjects
from opencasus.cases.workflow import Status
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Who, record_processing

if TYPE_CHECKING:
    from opencasus.accounts.models import User

ACTIVITY = ActivityCode.ACTION_PLAN


def log(*, actor: User | None, case: Case, action: Action | str, object_type: str, object_id: int | str,
        who: Who | None = None) -> None:
    """One processing-log record per person of the case, for the action-plan activity."""
    record_processing(
        action=action, activity_code=ACTIVITY, purpose=case.purpose or case.requested_purpose,
        who=who or roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=case_subjects(case),
        object_type=object_type, object_id=object_id, case_id=case.pk,
    )


def check_version(*, current: int, expected: int | None, what: str) -> None:
    """Optimistic locking: refuse a write based on an older read."""
    if expected is not None and int(expected) != current:
        raise ValidationError(
            _("This %(what)s was changed by someone else in the meantime. Reload the page, check their "
              "changes and make yours again.") % {"what": what},
            code="conflict")


def core_case(*, actor: User, case_id: int, running: bool = True) -> Case:
    """The case, for core staff only (404 for everyone else); locked; with `running` it must be admitted."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE, for_update=True)
    if running and case.status != Status.ADMITTED:
        raise ValidationError(_("The plan can only be changed while the case is running (admitted)."),
                              code="not_running")
    return case


def participant_case(*, actor: User, case_id: int) -> tuple[Case, CaseAccess]:
    """The case for anyone who may see its plan: core staff and participants (404 otherwise)."""
    return case_get(actor=actor, case_id=case_id, minimum=CaseAccess.PARTICIPANT)


def require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied(_("You may not do this."))


def validate_participant(*, case: Case, organisation: Any, user: Any = None, field: str = "owner_organisation",
                         user_field: str = "owner_user") -> None:
    """An owner or director must take part in the case: their organisation, and the professional for it."""
    active = Participant.objects.active().filter(case=case)
    if organisation is None or not active.filter(organisation=organisation).exists():
        raise ValidationError({field: _("This organisation does not take part in the case.")}, code="invalid")
    if user is not None and not active.filter(organisation=organisation, user=user).exists():
        raise ValidationError({user_field: _("This professional does not take part in the case for this "
                                             "organisation.")}, code="invalid")
