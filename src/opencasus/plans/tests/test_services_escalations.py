import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from opencasus.plans import selectors, services
from opencasus.plans.models import Agreement
from opencasus.plans.tests.factories import World, in_days, world
from opencasus.plans.vocabulary import EscalationLevel, EscalationOutcome, EscalationStatus

pytestmark = pytest.mark.django_db


def _agreement(w: World) -> Agreement:
    return services.agreement_create(actor=w.director, case_id=w.case.pk, description="Behandeling starten",
                                     owner_organisation=w.care, owner_user=w.participant, deadline=in_days(5))


def test_escalation_goes_up_one_level_at_a_time() -> None:
    w = world()
    agreement = _agreement(w)
    op = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.OPERATIONAL,
                                   organisation=None, agreement_id=agreement.pk, reason="Geen intake gepland.")
    assert op.organisation == w.care
    assert str(w.care) in op.addressed_to
    with pytest.raises(ValidationError) as exc:
        services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.STRATEGIC,
                                  organisation=w.care, reason="x", previous_id=op.pk)
    assert "één niveau tegelijk" in str(exc.value)
    tactical = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.TACTICAL,
                                         organisation=w.care, reason="Nog steeds niets.", previous_id=op.pk)
    op.refresh_from_db()
    assert op.status == EscalationStatus.ESCALATED
    assert tactical.agreement_id == agreement.pk
    assert "manager" in tactical.addressed_to.lower()
    answered = services.escalation_respond(actor=w.manager, escalation_id=tactical.pk, expected_version=1,
                                           response="Teamleider zorgt voor intake binnen een week.",
                                           outcome=EscalationOutcome.RESOLVED)
    assert answered.status == EscalationStatus.CLOSED
    assert answered.responded_by == w.manager


def test_who_may_raise_and_respond() -> None:
    w = world()
    for user in (w.owner, w.participant, w.manager, w.steering, w.outsider, w.other_house_director):
        with pytest.raises(Http404):
            services.escalation_raise(actor=user, case_id=w.case.pk, level=EscalationLevel.OPERATIONAL,
                                      organisation=w.care, reason="x")
    tactical = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.TACTICAL,
                                         organisation=w.care, reason="Levert niet.")
    for user in (w.steering, w.participant):  # they see it, but tactical answers are not theirs to give
        with pytest.raises(PermissionDenied):
            services.escalation_respond(actor=user, escalation_id=tactical.pk, expected_version=1, response="x",
                                        outcome=EscalationOutcome.RESOLVED)
    for user in (w.outsider, w.other_house_director, w.municipality_officer):
        with pytest.raises(Http404):
            services.escalation_respond(actor=user, escalation_id=tactical.pk, expected_version=1, response="x",
                                        outcome=EscalationOutcome.RESOLVED)
    services.escalation_respond(actor=w.secretary, escalation_id=tactical.pk, expected_version=1, response="Besproken",
                                outcome=EscalationOutcome.NOT_RESOLVED)
    with pytest.raises(ValidationError) as exc:
        services.escalation_respond(actor=w.manager, escalation_id=tactical.pk, expected_version=1, response="y",
                                    outcome=EscalationOutcome.RESOLVED)
    assert exc.value.code == "conflict"


def test_overview_is_for_core_staff_and_managers_of_the_house() -> None:
    w = world()
    services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.OPERATIONAL,
                              organisation=w.care, reason="Levert niet.")
    for user in (w.director, w.secretary, w.manager, w.steering):
        assert selectors.escalation_overview(actor=user).count() == 1
    for user in (w.owner, w.participant, w.municipality_officer, w.privacy_officer, w.other_house_director):
        assert selectors.escalation_overview(actor=user).count() == 0
