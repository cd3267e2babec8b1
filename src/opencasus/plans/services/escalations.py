"""Escalation (opschaling) when a partner does not deliver: operational → tactical → strategic → national."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import escalations as escalation_access
from opencasus.cases.models import Participant, Person
from opencasus.core import events
from opencasus.logbook.models import Action
from opencasus.network.models import Membership
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify
from opencasus.plans.models import Agreement, Escalation
from opencasus.plans.services._common import check_version, core_case, log, require, validate_participant
from opencasus.plans.state_tables import ESCALATION_TRANSITIONS
from opencasus.plans.vocabulary import (
    LEVEL_ORDER,
    EscalationLevel,
    EscalationOutcome,
    EscalationStatus,
)

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def default_addressee(level: str, organisation: Any, region: Any) -> str:
    if level == EscalationLevel.TACTICAL:
        return _("The house manager and the management of %(org)s") % {"org": organisation}
    if level == EscalationLevel.STRATEGIC:
        return _("The regional steering group %(region)s") % {"region": region}
    if level == EscalationLevel.NATIONAL:
        return _("The national programme")
    return _("The professional and team leader at %(org)s") % {"org": organisation}


@transaction.atomic
def escalation_raise(*, actor: User, case_id: int, level: str, organisation: Any, reason: str,
                     addressed_to: str = "", agreement_id: int | None = None,
                     previous_id: int | None = None) -> Escalation:
    """Core staff escalate; a next level continues an earlier escalation of the same case."""
    case = core_case(actor=actor, case_id=case_id)
    if level not in EscalationLevel.values:
        raise ValidationError({"level": _("Choose a level.")}, code="invalid")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the escalation.")}, code="required")
    agreement = None
    if agreement_id is not None:
        agreement = Agreement.objects.filter(case=case, pk=agreement_id).first()
        if agreement is None:
            raise ValidationError({"agreement": _("This agreement is not part of the case.")}, code="invalid")
        organisation = organisation or agreement.owner_organisation
    validate_participant(case=case, organisation=organisation, field="organisation")
    if level == EscalationLevel.NATIONAL:
        if previous_id is None:
            raise ValidationError({"level": _("Only a strategic escalation goes to the national level.")},
                                  code="invalid")
        check_national_question(case=case, text=reason)
    previous = None
    if previous_id is not None:
        previous = Escalation.objects.select_for_update().filter(case=case, pk=previous_id).first()
        if previous is None:
            raise ValidationError({"previous": _("This escalation is not part of the case.")}, code="invalid")
        if not ESCALATION_TRANSITIONS.allowed(previous.status, EscalationStatus.ESCALATED):
            raise ValidationError({"previous": _("This escalation is closed or already escalated.")},
                                  code="invalid_transition")
        expected = LEVEL_ORDER.index(EscalationLevel(previous.level)) + 1
        if expected >= len(LEVEL_ORDER) or LEVEL_ORDER[expected] != level:
            raise ValidationError({"level": _("An escalation goes up one level at a time.")}, code="invalid")
        agreement = agreement or previous.agreement
        previous.status = EscalationStatus.ESCALATED
        previous.version += 1
        previous.save(update_fields=["status", "version"])
    escalation = Escalation.objects.create(
        case=case, agreement=agreement, previous=previous, level=level, organisation=organisation, reason=reason,
        addressed_to=(addressed_to or "").strip()[:300] or default_addressee(level, organisation, case.house.region),
        raised_by=actor)
    log(actor=actor, case=case, action=Action.CREATE, object_type="escalation", object_id=escalation.pk)
    national = level == EscalationLevel.NATIONAL
    notify(user_ids=escalation_addressees(escalation, case.house_id), kind=Kind.ESCALATION,
           link=reverse("plans:national-escalation" if national else "plans:escalation", args=[escalation.pk]),
           case_reference="" if national else case.reference,
           house_id=case.house_id, subject_key=f"escalation-{escalation.pk}")
    events.publish(events.EscalationRaised(escalation_id=escalation.pk, case_id=case.pk, house_id=case.house_id,
                                           actor_id=actor.pk))
    return escalation


def check_national_question(*, case: Any, text: str) -> None:
    """The national programme reads the question of a national escalation, but never the case: refuse a text
    that names a person of the case or carries a citizen service number or a date."""
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", text)}
    names = {part.casefold() for first, last in Person.objects.filter(case=case).values_list("first_name", "last_name")
             for part in re.findall(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", f"{first} {last}")
             if len(part) > 2 and part.casefold() not in NAME_PARTICLES}
    if words & names or NUMBER_OR_DATE.search(text):
        raise ValidationError({"reason": _("The national programme must not read personal data: leave out the "
                                           "names of the persons, numbers and dates of birth.")}, code="invalid")


# Parts of Dutch and other surnames that are ordinary words too ("van der Berg": only "Berg" is the name).
NAME_PARTICLES = frozenset({"van", "der", "den", "het", "ten", "ter", "aan", "bij", "uit", "voor", "von", "del",
                            "dos", "das", "los", "las"})
# A citizen service number (eight or nine digits) or a date such as 3-12-2010 or 03/12/2010.
NUMBER_OR_DATE = re.compile(r"\b\d{8,9}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")


def escalation_addressees(escalation: Escalation, house_id: int) -> list[int]:
    """Who answers an escalation at its level: the house managers or steering-group members of the house;
    at the operational level the professionals of the partner concerned who take part in the case."""
    allowed = escalation_access.RESPONDER_ROLES.get(escalation.level, ())
    if escalation.level == EscalationLevel.NATIONAL:  # the national grant is not bound to the case's house
        return list(Membership.objects.active().filter(role__in=allowed).values_list("user_id", flat=True).distinct())
    if allowed:
        return list(Membership.objects.active().filter(house_id=house_id, role__in=allowed)
                    .values_list("user_id", flat=True))
    return list(Participant.objects.active().filter(
        case_id=escalation.case_id, organisation_id=escalation.organisation_id, user__isnull=False)
        .values_list("user_id", flat=True))


@transaction.atomic
def escalation_respond(*, actor: User, escalation_id: int, expected_version: int | None, response: str,
                       outcome: str) -> Escalation:
    """Record the answer and outcome: core staff, or the manager/steering group addressed at that level."""
    escalation = Escalation.objects.select_for_update().select_related("case").filter(pk=escalation_id).first()
    if escalation is None:
        raise Http404
    case = escalation.case
    if not escalation_access.may_respond(actor=actor, escalation=escalation, house_id=case.house_id):
        if not escalation_access.is_visible(actor=actor, escalation=escalation):
            raise Http404
        require(False)
    check_version(current=escalation.version, expected=expected_version, what=_("escalation"))
    if outcome in EscalationOutcome.values:
        new_status = EscalationStatus.CLOSED if outcome == EscalationOutcome.RESOLVED else EscalationStatus.ANSWERED
        if not ESCALATION_TRANSITIONS.allowed(escalation.status, new_status):
            raise ValidationError(_("This escalation is closed or already escalated."), code="invalid_transition")
    response = (response or "").strip()
    if not response:
        raise ValidationError({"response": _("Write the response.")}, code="required")
    if outcome not in EscalationOutcome.values:
        raise ValidationError({"outcome": _("Choose an outcome.")}, code="invalid")
    escalation.response, escalation.outcome = response, outcome
    escalation.responded_by, escalation.responded_at = actor, timezone.now()
    escalation.status = EscalationStatus.CLOSED if outcome == EscalationOutcome.RESOLVED else EscalationStatus.ANSWERED
    escalation.version += 1
    escalation.save()
    log(actor=actor, case=case, action=Action.UPDATE, object_type="escalation", object_id=escalation.pk)
    return escalation


@transaction.atomic
def escalation_close(*, actor: User, escalation_id: int, reason: str) -> Escalation:
    """Close a still open escalation without a partner's answer (core staff), with the reason on record.

    Used when the case itself is closed: an escalation of a closed case no longer awaits a response.
    """
    escalation = Escalation.objects.select_for_update().select_related("case").filter(pk=escalation_id).first()
    if escalation is None:
        raise Http404
    case = core_case(actor=actor, case_id=escalation.case_id, running=False)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for closing the escalation.")}, code="required")
    if escalation.status in (EscalationStatus.CLOSED, EscalationStatus.ESCALATED):
        raise ValidationError(_("This escalation is closed or already escalated."), code="invalid")
    escalation.response = "\n\n".join(part for part in (escalation.response, reason) if part)
    escalation.responded_by, escalation.responded_at = actor, timezone.now()
    escalation.status = EscalationStatus.CLOSED
    escalation.version += 1
    escalation.save()
    log(actor=actor, case=case, action=Action.UPDATE, object_type="escalation", object_id=escalation.pk)
    return escalation
