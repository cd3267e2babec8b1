"""Cross-regional work without moving: a process director of another house as co-director of a case, and
organisations partnered with that house as participants."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import policy, roles
from opencasus.access import transfers as access
from opencasus.accounts.models import User as UserModel
from opencasus.cases.models import Case, Participant
from opencasus.cases.services import case_subjects
from opencasus.cases.workflow import Status
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing
from opencasus.network.models import Membership, Partnership, Role
from opencasus.transfers.models import CoDirector

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def _log(*, actor: User, case: Case, house_id: int, action: Action | str, object_type: str, object_id: int) -> None:
    record_processing(
        action=action, activity_code=ActivityCode.ACTION_PLAN, purpose=case.purpose or case.requested_purpose,
        who=roles.who(actor, house_id), house_id=house_id, data_subjects=case_subjects(case),
        object_type=object_type, object_id=object_id, case_id=case.pk)


def _directed_case(*, actor: User, case_id: int) -> Case:
    case, _level = policy.case_get(actor=actor, case_id=case_id, minimum=policy.CaseAccess.CORE, for_update=True)
    if not access.may_direct(actor, case):
        raise Http404
    if case.status != Status.ADMITTED:
        raise ValidationError(_("Only a running (admitted) case can get a co-director."), code="invalid_transition")
    return case


@transaction.atomic
def co_director_add(*, actor: User, case_id: int, user_id: int | None, house_id: int | None) -> CoDirector:
    """Add a process director of another house as co-director (process direction of the case's house). The
    record goes to the logs of both houses."""
    case = _directed_case(actor=actor, case_id=case_id)
    user = UserModel.objects.filter(pk=user_id).first() if user_id else None
    if user is None or house_id is None or not access.may_co_direct(user, house_id=house_id, case=case):
        raise ValidationError({"user": _("Choose a process director of another house.")}, code="invalid")
    if CoDirector.objects.active().filter(case=case, user=user).exists():
        raise ValidationError({"user": _("This process director already co-directs the case.")}, code="invalid")
    co = CoDirector.objects.create(case=case, user=user, house_id=house_id, added_by=actor)
    for house in (case.house_id, house_id):
        _log(actor=actor, case=case, house_id=house, action=Action.CREATE, object_type="co-director", object_id=co.pk)
    return co


@transaction.atomic
def co_director_end(*, actor: User, co_director_id: int) -> CoDirector:
    """End a co-direction (process direction of the case's house): the co-director's access ends with it."""
    co = CoDirector.objects.select_for_update().filter(pk=co_director_id, ended_at__isnull=True).first()
    if co is None:
        raise Http404
    case = _directed_case(actor=actor, case_id=co.case_id)
    co.ended_at = timezone.now()
    co.version += 1
    co.save(update_fields=["ended_at", "version"])
    for house in (case.house_id, co.house_id):
        _log(actor=actor, case=case, house_id=house, action=Action.UPDATE, object_type="co-director", object_id=co.pk)
    return co


@transaction.atomic
def co_participant_add(*, actor: User, case_id: int, co_director_id: int, organisation_id: int | None,
                       user_id: int | None = None) -> Participant:
    """A co-director names an organisation of their own house (covenant in force), and optionally one of its
    partner professionals there, as participant of the case."""
    co = CoDirector.objects.active().filter(pk=co_director_id, case_id=case_id, user=actor).first()
    if co is None:
        raise Http404
    case, _level = policy.case_get(actor=actor, case_id=case_id, minimum=policy.CaseAccess.CORE, for_update=True)
    if case.status != Status.ADMITTED:
        raise ValidationError(_("Only a running (admitted) case can get participants."), code="invalid_transition")
    today = timezone.localdate()
    if organisation_id is None or not Partnership.objects.covenant_in_force(today).filter(
            house_id=co.house_id, organisation_id=organisation_id).exists():
        raise ValidationError({"organisation": _("Choose an organisation of your house that signed the covenant.")},
                              code="invalid")
    if user_id is not None and not Membership.objects.active(today).filter(
            user_id=user_id, house_id=co.house_id, organisation_id=organisation_id,
            role=Role.PARTNER_PROFESSIONAL).exists():
        raise ValidationError({"user": _("This professional is not a partner professional of the organisation in "
                                         "your house.")}, code="invalid")
    if Participant.objects.active().filter(case=case, organisation_id=organisation_id, user=user_id).exists():
        raise ValidationError({"organisation": _("This organisation already takes part in the case.")},
                              code="invalid")
    participant = Participant.objects.create(case=case, organisation_id=organisation_id, user_id=user_id)
    for house in (case.house_id, co.house_id):
        _log(actor=actor, case=case, house_id=house, action=Action.CREATE, object_type="participant",
             object_id=participant.pk)
    return participant
