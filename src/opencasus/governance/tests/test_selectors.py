"""What a meeting record shows of the escalations discussed, and what it logs."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from opencasus.governance import selectors, services
from opencasus.governance.tests.factories import escalated_case, make_steering_world
from opencasus.logbook.models import ProcessingRecord
from opencasus.plans.vocabulary import EscalationLevel

pytestmark = pytest.mark.django_db


def test_the_steering_group_sees_a_summary_without_the_case_and_core_staff_see_the_reference(
        verified_client: Any) -> None:
    sw = make_steering_world()
    case, escalation = escalated_case(sw)
    before = ProcessingRecord.objects.count()
    services.escalation_link(actor=sw.steering, meeting_id=sw.meeting.pk, escalation_id=escalation.pk)
    assert ProcessingRecord.objects.filter(case_id=case.pk, object_type="governance-escalation").exists()
    [summary] = selectors.meeting_escalations(actor=sw.steering, meeting=sw.meeting)
    assert (summary.case_reference, summary.url, summary.organisation) == ("", "", sw.world.police.name)
    [shown] = selectors.meeting_escalations(actor=sw.world.director, meeting=sw.meeting)
    assert shown.case_reference == case.reference
    assert shown.url
    assert ProcessingRecord.objects.filter(object_type="governance-meeting").count() == 2
    assert ProcessingRecord.objects.count() > before
    page = verified_client(sw.steering).get(f"/sturing/overleggen/{sw.meeting.pk}").content.decode()
    assert "Vermeer" not in page
    assert case.reference not in page
    assert "woning" not in page
    assert sw.world.police.name in page


def test_only_escalations_of_the_meetings_houses_at_its_level_are_linked() -> None:
    sw = make_steering_world()
    _case, tactical = escalated_case(sw, EscalationLevel.TACTICAL)
    assert selectors.escalation_choices(actor=sw.steering, meeting=sw.meeting) == []
    with pytest.raises(ValidationError) as refused:
        services.escalation_link(actor=sw.steering, meeting_id=sw.meeting.pk, escalation_id=tactical.pk)
    assert "escalation" in refused.value.message_dict
