"""Participants of an admitted case: who may see it, from when until when. Every change is recorded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access.policy import CaseAccess, case_get
from opencasus.cases.models import Participant
from opencasus.cases.workflow import Status
from opencasus.logbook.models import Action
from opencasus.triage.models import ParticipantEvent
from opencasus.triage.services.common import check_participants, log_case
from opencasus.triage.services.decision import add_participants

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@transaction.atomic
def participant_add(*, actor: User, case_id: int, organisation_id: int, user_id: int | None = None,
                    reason: str = "") -> list[Participant]:
    """Add an organisation (covenant in force) and optionally a named professional of it to an admitted case."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE, for_update=True)
    if case.status != Status.ADMITTED:
        raise ValidationError(_("Participants can only be added to an admitted case."), code="invalid_transition")
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why this participant is needed.")]})
    professionals = [(user_id, organisation_id)] if user_id else []
    organisations, pairs = check_participants(case.house, [organisation_id], professionals)
    if user_id and Participant.objects.active().filter(case=case, user_id=user_id,
                                                       organisation_id=organisation_id).exists():
        raise ValidationError({"professionals": [_("This professional already takes part in the case.")]})
    if not user_id and Participant.objects.active().filter(case=case, user__isnull=True,
                                                           organisation_id=organisation_id).exists():
        raise ValidationError({"organisations": [_("This organisation already takes part in the case.")]})
    return add_participants(actor=actor, case=case, organisation_ids=list(organisations), pairs=pairs,
                             reason=reason.strip())


@transaction.atomic
def participant_end(*, actor: User, case_id: int, participant_id: int, reason: str) -> list[Participant]:
    """End a participation; ending an organisation ends its named professionals too. Access ends with it."""
    case, _level = case_get(actor=actor, case_id=case_id, minimum=CaseAccess.CORE, for_update=True)
    participant = Participant.objects.select_for_update().filter(case=case, pk=participant_id).first()
    if participant is None:
        raise Http404
    if participant.ended_at is not None:
        raise ValidationError(_("This participation has already ended."), code="invalid_transition")
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why this participation ends.")]})
    ending = [participant]
    if participant.user_id is None:
        ending += list(Participant.objects.active().select_for_update()
                       .filter(case=case, organisation_id=participant.organisation_id, user__isnull=False))
    now = timezone.now()
    for row in ending:
        row.ended_at = now
        row.save(update_fields=["ended_at"])
        ParticipantEvent.objects.create(participant=row, kind=ParticipantEvent.Kind.ENDED, by=actor, at=now,
                                        reason=reason.strip())
        log_case(actor=actor, case=case, action=Action.UPDATE, object_type="participant", object_id=row.pk)
    return ending
