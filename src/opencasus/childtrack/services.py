"""Writes of the Kindspoor: a child check per minor, the domestic-violence flag of a case, and which target
groups of a house count as domestic violence. Each write of a check or flag is logged in its transaction with
the case's purpose and the child (or the case's people) as data subjects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import childtrack as access
from opencasus.access import roles
from opencasus.cases.models import Case
from opencasus.cases.services import case_subjects
from opencasus.childtrack import selectors
from opencasus.childtrack.models import ChildCheck, DomesticViolenceFlag, DomesticViolenceTargetGroup, SafetyOutcome
from opencasus.logbook.models import Action
from opencasus.logbook.services import record_processing
from opencasus.network.models import TargetGroup

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@dataclass(frozen=True)
class ChildCheckInput:
    """The answers of a child check; None or "" is "not answered yet" (a check may be saved incomplete)."""

    seen_and_heard: bool | None = None
    seen_on: dt.date | None = None
    seen_by: str = ""
    safety_outcome: str = ""
    safety_note: str = ""
    help_offered: bool | None = None
    help_organisation_id: int | None = None
    veilig_thuis_involved: bool | None = None
    veilig_thuis_reason: str = ""
    board_involved: bool | None = None
    board_reason: str = ""


def _conflict() -> ValidationError:
    return ValidationError(_("This record was changed by someone else in the meantime. Reload the page, check "
                             "their changes and make yours again."), code="conflict")


def _clean(data: ChildCheckInput, *, house_id: int, filed_on: dt.date) -> dict[str, object]:
    errors: dict[str, str] = {}
    seen_by = (data.seen_by or "").strip()
    seen_on = data.seen_on
    if data.seen_and_heard is not True:
        if seen_on is not None or seen_by:
            errors["seen_on"] = _("A date and a name belong to a child that was seen and heard: answer yes, or "
                                  "leave them empty.")
    else:
        today = timezone.localdate()
        if seen_on is not None and seen_on > today:
            errors["seen_on"] = _("The date the child was seen and heard cannot lie in the future.")
        elif seen_on is not None and seen_on < filed_on - dt.timedelta(days=366):
            errors["seen_on"] = _("The date lies more than a year before the intake: check it.")
    if data.safety_outcome and data.safety_outcome not in SafetyOutcome.values:
        errors["safety_outcome"] = _("Choose an outcome from the list.")
    organisation_id = data.help_organisation_id
    if data.help_offered is not True and organisation_id is not None:
        errors["help_organisation"] = _("Name an organisation only when help was offered.")
    if organisation_id is not None and organisation_id not in {o for o, _n in selectors.help_organisations(
            house_id=house_id)}:
        errors["help_organisation"] = _("Choose an organisation of this house.")
    if errors:
        raise ValidationError(errors, code="invalid")
    return {
        "seen_and_heard": data.seen_and_heard, "seen_on": seen_on, "seen_by": seen_by,
        "safety_outcome": data.safety_outcome or "", "safety_note": (data.safety_note or "").strip(),
        "help_offered": data.help_offered, "help_organisation_id": organisation_id,
        "veilig_thuis_involved": data.veilig_thuis_involved,
        "veilig_thuis_reason": (data.veilig_thuis_reason or "").strip(),
        "board_involved": data.board_involved, "board_reason": (data.board_reason or "").strip(),
    }


def _log(*, actor: User, case: Case, action: Action, subjects: list[str], object_type: str, object_id: int) -> None:
    record_processing(action=action, activity_code=selectors.ACTIVITY, purpose=case.purpose or case.requested_purpose,
                      who=roles.who(actor, case.house_id), house_id=case.house_id, data_subjects=subjects or [""],
                      object_type=object_type, object_id=object_id, case_id=case.pk)


@transaction.atomic
def child_check_record(*, actor: User, case_id: int, person_id: int, data: ChildCheckInput,
                       expected_version: int | None) -> ChildCheck:
    """Create or update the check of one minor of the case (version 0 creates it). Core staff and participants."""
    case, _level = selectors.case_for_checks(actor=actor, case_id=case_id, minimum=access.RECORD_LEVEL)
    person = next((p for p in selectors.minors(case) if p.pk == person_id), None)
    if person is None:
        raise ValidationError({"person_id": _("Choose a child of this case (under 18 on the date of the intake).")},
                              code="invalid")
    check = ChildCheck.objects.select_for_update().filter(person=person).first()
    current = check.version if check is not None else 0
    if expected_version is not None and int(expected_version) != current:
        raise _conflict()
    values = _clean(data, house_id=case.house_id, filed_on=selectors.filing_date(case))
    now = timezone.now()
    if check is None:
        check = ChildCheck.objects.create(case=case, house_id=case.house_id, person=person, recorded_by=actor,
                                          updated_by=actor, recorded_at=now, updated_at=now, **values)
        action = Action.CREATE
    else:
        for name, value in values.items():
            setattr(check, name, value)
        check.updated_by, check.updated_at = actor, now
        check.version += 1
        check.save()
        action = Action.UPDATE
    _log(actor=actor, case=case, action=action, subjects=[str(person.pseudonym)], object_type="child-check",
         object_id=check.pk)
    return check


@transaction.atomic
def domestic_violence_flag_set(*, actor: User, case_id: int, flagged: bool,
                               note: str = "") -> DomesticViolenceFlag | None:
    """Core staff mark a case as domestic violence ("huiselijk geweld"), or take the mark away."""
    case, level = selectors.case_for_checks(actor=actor, case_id=case_id, minimum=access.READ_LEVEL)
    if not access.may_flag(level):
        raise Http404
    existing = DomesticViolenceFlag.objects.select_for_update().filter(case=case).first()
    if flagged:
        if existing is not None:
            return existing
        flag = DomesticViolenceFlag.objects.create(case=case, house_id=case.house_id, note=(note or "").strip(),
                                                   flagged_by=actor)
        _log(actor=actor, case=case, action=Action.CREATE, subjects=case_subjects(case),
             object_type="domestic-violence-flag", object_id=flag.pk)
        return flag
    if existing is not None:
        pk = existing.pk
        existing.delete()
        _log(actor=actor, case=case, action=Action.DELETE, subjects=case_subjects(case),
             object_type="domestic-violence-flag", object_id=pk)
    return None


@transaction.atomic
def configuration_set(*, actor: User, house_id: int, target_group_ids: Iterable[int]) -> set[int]:
    """Which target groups of the house count as domestic violence (house configuration, no personal data)."""
    if not access.may_configure(actor, house_id) or not selectors.running(house_id):
        raise Http404
    wanted = {int(pk) for pk in target_group_ids}
    known = set(TargetGroup.objects.filter(house_id=house_id, pk__in=wanted).values_list("pk", flat=True))
    if wanted - known:
        raise ValidationError({"target_groups": _("Choose target groups of this house.")}, code="invalid")
    DomesticViolenceTargetGroup.objects.filter(house_id=house_id).exclude(target_group_id__in=wanted).delete()
    have = selectors.domestic_violence_target_group_ids(house_id)
    DomesticViolenceTargetGroup.objects.bulk_create([
        DomesticViolenceTargetGroup(house_id=house_id, target_group_id=pk) for pk in sorted(wanted - have)])
    return wanted
