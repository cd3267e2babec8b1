from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from opencasus.aftercare.demo import load_demo_data
from opencasus.aftercare.models import ExpectedRelease, ReleaseImport, Timeline, TimelineItem
from opencasus.aftercare.tests.factories import make_aftercare_world
from opencasus.aftercare.vocabulary import ItemKind, ItemStatus

pytestmark = pytest.mark.django_db


def test_demo_after_care_is_idempotent() -> None:
    w = make_aftercare_world(released_in_days=20)
    load_demo_data(w.triage.house)
    timeline = Timeline.objects.get(case=w.running)
    assert timeline.release_date == timezone.localdate() + dt.timedelta(days=35)
    assert TimelineItem.objects.get(timeline=timeline, kind=ItemKind.IDENTITY).status == ItemStatus.DONE
    assert ReleaseImport.objects.count() == 1
    counts = (Timeline.objects.count(), TimelineItem.objects.count(), ReleaseImport.objects.count(),
              ExpectedRelease.objects.count())
    load_demo_data(w.triage.house)
    assert counts == (Timeline.objects.count(), TimelineItem.objects.count(), ReleaseImport.objects.count(),
                      ExpectedRelease.objects.count())
