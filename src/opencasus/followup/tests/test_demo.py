from __future__ import annotations

import pytest
from django.utils import timezone

from opencasus.followup.demo import load_demo_data
from opencasus.followup.models import CheckBack, Consultation, MonitoringPeriod
from opencasus.followup.tests.factories import make_followup_world
from opencasus.followup.vocabulary import CheckBackStatus, ConsultationStatus
from opencasus.plans import services as plans
from opencasus.plans.vocabulary import ClosureOutcome

pytestmark = pytest.mark.django_db


def test_demo_follow_through_is_idempotent() -> None:
    w = make_followup_world()
    plans.case_close(actor=w.director, case_id=w.running.pk, outcome=ClosureOutcome.GOALS_REACHED)
    load_demo_data(w.triage.house)
    assert CheckBack.objects.get(pk=w.check_back.pk).status == CheckBackStatus.CONFIRMED
    assert MonitoringPeriod.objects.get(case=w.running).last_check_date > timezone.localdate()
    assert sorted(Consultation.objects.values_list("status", flat=True)) == [
        ConsultationStatus.ANSWERED, ConsultationStatus.OPEN]
    counts = (CheckBack.objects.count(), MonitoringPeriod.objects.count(), Consultation.objects.count())
    load_demo_data(w.triage.house)
    assert counts == (CheckBack.objects.count(), MonitoringPeriod.objects.count(), Consultation.objects.count())
