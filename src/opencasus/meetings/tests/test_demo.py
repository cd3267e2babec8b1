from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.workflow import Status
from opencasus.meetings.demo import PAST_PLACE, TODAY_PLACE, UPCOMING_PLACE, load_demo_data
from opencasus.meetings.models import Invitation, Meeting, Minutes, SelfReport
from opencasus.network.demo import load_network
from opencasus.network.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent(django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks) -> None:
    house, _logins = load_network()
    partners = list(Membership.objects.filter(house=house, role=Role.PARTNER_PROFESSIONAL).select_related(
        "user", "organisation")[:2])
    for index in range(3):
        case = CaseFactory.create(house=house, status=Status.ADMITTED, purpose="Demo")
        PersonFactory.create(case=case)
        for membership in partners[: index + 1]:
            ParticipantFactory.create(case=case, organisation=membership.organisation, user=membership.user)
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_data(house)
    load_demo_data(house)
    today = Meeting.objects.get(location=TODAY_PLACE)
    upcoming = Meeting.objects.get(location=UPCOMING_PLACE)
    past = Meeting.objects.get(location=PAST_PLACE)
    assert today.date == timezone.localdate()
    assert today.status == "planned"
    assert today.agenda_items.count() == 1
    assert upcoming.status == "planned"
    assert upcoming.agenda_items.count() == 2
    invited = Invitation.objects.filter(meeting__in=[today, upcoming]).count()
    assert invited >= len(partners)
    assert len(mail.outbox) == invited
    assert past.status == "held"
    assert Minutes.objects.get(agenda_item__meeting=past).status == "approved"
    assert SelfReport.objects.filter(meeting=past).count() == 1
