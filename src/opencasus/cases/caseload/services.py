"""Writes of the caseload: the process director of a case (picked up, assigned at triage, reassigned) and the
confirmation of an admission past a house maximum. Each is atomic and logs its processing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import capacities, roles
from opencasus.access import caseload as caseload_access
from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.caseload.load import Load, load_for
from opencasus.cases.models import AssignmentKind, Case, DirectorAssignment, OverLimitAdmission
from opencasus.cases.services.transitions import ACTIVITY_BY_STATUS, case_subjects
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing

if TYPE_CHECKING:
    from opencasus.accounts.models import User

MAX_REASON = 1000


def _conflict() -> ValidationError:
    return ValidationError(_("This case was changed by someone else in the meantime. Reload and try again."),
                           code="conflict")


def _log(*, actor: User, case: Case, action: str, object_type: str, object_id: int) -> None:
    record_processing(
        action=action, activity_code=ACTIVITY_BY_STATUS.get(case.status, ActivityCode.INTAKE),
        purpose=case.purpose or case.requested_purpose, who=roles.who(actor, case.house_id), house_id=case.house_id,
        data_subjects=case_subjects(case), object_type=object_type, object_id=object_id, case_id=case.pk)


def _assign(*, actor: User, case: Case, director_id: int, kind: str, reason: str) -> DirectorAssignment:
    """Set the director on a locked case and keep the history row (the caller validated)."""
    assignment = DirectorAssignment.objects.create(
        case=case, house_id=case.house_id, kind=kind, from_director_id=case.process_director_id,
        to_director_id=director_id, at=timezone.now(), by=actor, reason=reason)
    case.process_director_id = director_id
    case.version += 1
    case.save(update_fields=["process_director", "version"])
    _log(actor=actor, case=case, action=Action.UPDATE, object_type="process-director", object_id=assignment.pk)
    return assignment


def director_errors(*, house_id: int, director_id: int | None, field: str = "director") -> dict[str, list[str]]:
    if director_id is None:
        return {}
    if director_id not in caseload_access.director_ids(house_id):
        return {field: [_("Choose a process director of this house.")]}
    return {}


@transaction.atomic
def director_assign(*, actor: User, case_id: int, director_id: int, reason: str,
                    expected_version: int | None = None) -> DirectorAssignment:
    """Assign (or reassign) the process director of a case (core staff of its house).

    A reassignment needs a reason; the history keeps who, when, from whom, to whom and why."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE, for_update=True)
    if expected_version is not None and case.version != expected_version:
        raise _conflict()
    reason = (reason or "").strip()
    errors = director_errors(house_id=case.house_id, director_id=director_id)
    if not errors and case.process_director_id == director_id:
        errors["director"] = [_("This process director already directs the case.")]
    if case.process_director_id is not None and not reason:
        errors.setdefault("reason", []).append(_("Say why the case gets another process director."))
    if len(reason) > MAX_REASON:
        errors.setdefault("reason", []).append(_("Keep the reason under %(max)s characters.") % {"max": MAX_REASON})
    if errors:
        raise ValidationError(errors)
    kind = AssignmentKind.INTAKE if case.process_director_id is None else AssignmentKind.REASSIGNMENT
    return _assign(actor=actor, case=case, director_id=director_id, kind=kind, reason=reason)


def director_pick_up(*, actor: User, case: Case) -> DirectorAssignment | None:
    """A process director who picks up an intake (starts its assessment) directs it when nobody does yet.

    Runs inside the caller's transaction, on the case the caller locked."""
    if case.process_director_id is not None or not capacities.is_process_director(actor, case.house_id):
        return None
    return _assign(actor=actor, case=case, director_id=actor.pk, kind=AssignmentKind.INTAKE,
                   reason=_("Picked up the intake."))


def triage_director(*, actor: User, case: Case, director_id: int | None) -> int | None:
    """The director a triage decision names: the one chosen, else the case's, else the deciding process director."""
    if director_id is not None:
        return director_id
    if case.process_director_id is not None:
        return case.process_director_id
    return actor.pk if capacities.is_process_director(actor, case.house_id) else None


def triage_check(*, actor: User, case: Case, director_id: int | None, admitting: bool,
                 confirmed: bool) -> tuple[dict[str, list[str]], Load | None]:
    """Validate the director of a triage decision and, at an admission, the house's maximums.

    An admission past a maximum is refused until the warning is confirmed (`confirm_over_limit`)."""
    errors = director_errors(house_id=case.house_id, director_id=director_id, field="process_director")
    if errors or not admitting:
        return errors, None
    chosen = triage_director(actor=actor, case=case, director_id=director_id)
    load = load_for(house_id=case.house_id, director_id=chosen, exclude_case_id=case.pk)
    if load.over_limit and not confirmed:
        errors["confirm_over_limit"] = [*load.warnings(), _("Confirm that the case is admitted all the same.")]
    return errors, load


def triage_record(*, actor: User, case: Case, director_id: int | None, load: Load | None) -> None:
    """After a triage decision (in its transaction, on the locked case): set the director it names and keep
    the confirmation of an admission past a maximum."""
    chosen = triage_director(actor=actor, case=case, director_id=director_id)
    if chosen is not None and chosen != case.process_director_id:
        case.refresh_from_db(fields=["version", "process_director"])
        _assign(actor=actor, case=case, director_id=chosen, kind=AssignmentKind.TRIAGE,
                reason=_("Named at the triage decision."))
    if load is not None and load.over_limit:
        record = OverLimitAdmission.objects.create(
            case=case, house_id=case.house_id, director_id=chosen,
            director_load=load.director_active if load.director_full else None, house_load=load.house_active,
            per_director=load.limits.per_director, per_house=load.limits.per_house, confirmed_by=actor,
            confirmed_at=timezone.now())
        _log(actor=actor, case=case, action=Action.CREATE, object_type="over-limit-admission", object_id=record.pk)
