"""Mandates at a meeting and confirmations beyond a mandate: request, answer, overdue, access matrix."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.meetings import mandates
from opencasus.meetings.models import ConfirmationStatus, Invitation, MandateScope
from opencasus.plans import services as plan_services
from opencasus.plans.models import Agreement
from opencasus.plans.tests.factories import World, a_meeting, in_days, world

pytestmark = pytest.mark.django_db


def _agreement(w: World) -> Agreement:
    return plan_services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                                          owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))


def test_mandate_is_recorded_for_an_invitee_with_a_limit() -> None:
    w = world()
    meeting_id = a_meeting(w)
    Invitation.objects.create(meeting_id=meeting_id, user=w.owner)
    with pytest.raises(ValidationError):
        mandates.mandate_record(actor=w.director, meeting_id=meeting_id, user_id=w.owner.pk,
                                organisation_id=w.police.pk, scope=MandateScope.LIMITED, limit=" ")
    with pytest.raises(ValidationError):
        mandates.mandate_record(actor=w.director, meeting_id=meeting_id, user_id=w.participant.pk,
                                organisation_id=w.care.pk, scope=MandateScope.FULL)  # not invited
    with pytest.raises(Http404):
        mandates.mandate_record(actor=w.owner, meeting_id=meeting_id, user_id=w.owner.pk,
                                organisation_id=w.police.pk, scope=MandateScope.FULL)
    mandate = mandates.mandate_record(actor=w.director, meeting_id=meeting_id, user_id=w.owner.pk,
                                      organisation_id=w.police.pk, scope=MandateScope.LIMITED,
                                      limit="Inzet wijkagent tot 4 uur per week")
    assert mandate.limit.startswith("Inzet")
    with pytest.raises(ValidationError) as exc:
        mandates.mandate_update(actor=w.director, mandate_id=mandate.pk, expected_version=9, scope="none")
    assert exc.value.code == "conflict"


def test_confirmation_waits_is_answered_by_the_organisation_and_is_signalled_when_overdue() -> None:
    w = world()
    agreement = _agreement(w)
    confirmation = mandates.confirmation_request(actor=w.director, agreement_id=agreement.pk, deadline=in_days(3),
                                                 reason="Gaat boven het mandaat van de wijkagent")
    assert confirmation.organisation == w.police
    assert confirmation.status == ConfirmationStatus.PENDING
    with pytest.raises(ValidationError):
        mandates.confirmation_request(actor=w.director, agreement_id=agreement.pk, deadline=in_days(3))
    assert not mandates.overdue_confirmations(actor=w.director).exists()
    assert list(mandates.overdue_confirmations(actor=w.director, today=in_days(4))) == [confirmation]
    with pytest.raises(PermissionDenied):
        mandates.confirmation_answer(actor=w.participant, confirmation_id=confirmation.pk, expected_version=None,
                                     confirmed=True)
    with pytest.raises(ValidationError):
        mandates.confirmation_answer(actor=w.colleague, confirmation_id=confirmation.pk, expected_version=None,
                                     confirmed=False)
    answered = mandates.confirmation_answer(actor=w.colleague, confirmation_id=confirmation.pk,
                                            expected_version=confirmation.version, confirmed=True)
    assert answered.status == ConfirmationStatus.CONFIRMED
    assert not mandates.overdue_confirmations(actor=w.director, today=in_days(4)).exists()
    with pytest.raises(ValidationError) as exc:
        mandates.confirmation_answer(actor=w.colleague, confirmation_id=confirmation.pk, expected_version=None,
                                     confirmed=False, note="toch niet")
    assert exc.value.code == "invalid_transition"


@pytest.mark.parametrize(("who", "sees"), [
    ("director", True), ("secretary", True), ("owner", True), ("colleague", True), ("participant", True),
    ("outsider", False), ("filer", False), ("manager", False), ("steering", False), ("municipality_officer", False),
    ("privacy_officer", False), ("administrator", False), ("other_house_director", False),
])
def test_access_matrix_of_a_confirmation(who: str, sees: bool) -> None:
    w = world()
    confirmation = mandates.confirmation_request(actor=w.director, agreement_id=_agreement(w).pk,
                                                 deadline=in_days(3))
    actor = getattr(w, who)
    if sees:
        assert mandates.confirmation_get(actor=actor, confirmation_id=confirmation.pk)[0] == confirmation
    else:
        with pytest.raises(Http404):
            mandates.confirmation_get(actor=actor, confirmation_id=confirmation.pk)
        assert not mandates.confirmation_list(actor=actor).exists()
    with pytest.raises(Http404):
        mandates.confirmation_get(actor=actor, confirmation_id=confirmation.pk + 1000)


def test_confirmation_through_the_api(api_client: Callable[[User], APIClient]) -> None:
    w = world()
    agreement = _agreement(w)
    created = api_client(w.director).post("/api/v1/confirmations", {"agreementId": agreement.pk,
                                                                     "deadline": in_days(2).isoformat()},
                                          format="json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert api_client(w.outsider).get(f"/api/v1/confirmations/{pk}").status_code == 404
    assert [c["id"] for c in api_client(w.colleague).get("/api/v1/confirmations?mine=true").json()] == [pk]
    answered = api_client(w.colleague).post(f"/api/v1/confirmations/{pk}/answer", {"confirmed": True},
                                            format="json")
    assert answered.status_code == 200
    assert answered.json()["status"] == "confirmed"
