from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from opencasus.cases.models import Case
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory, PersonFactory
from opencasus.cases.vocabulary import Urgency
from opencasus.cases.workflow import Status
from opencasus.meetings.demo import PAST_PLACE, TODAY_PLACE, UPCOMING_PLACE, load_demo_data
from opencasus.meetings.models import Invitation, Meeting, Minutes, SelfReport
from opencasus.network.demo import load_network
from opencasus.network.models import Membership, Role
from opencasus.triage.crisis import DeadlineState, triage_deadlines

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
    # The three admitted cases and the crisis demo's admitted crisis case, half today and half next time.
    assert today.agenda_items.count() == 2
    assert upcoming.status == "planned"
    assert upcoming.agenda_items.count() == 2
    invited = Invitation.objects.filter(meeting__in=[today, upcoming]).count()
    assert invited >= len(partners)
    assert len(mail.outbox) == invited
    assert past.status == "held"
    assert Minutes.objects.get(agenda_item__meeting=past).status == "approved"
    assert SelfReport.objects.filter(meeting=past).count() == 1


def test_the_crisis_demo_has_one_intake_triaged_in_time_and_one_overdue() -> None:
    house, _logins = load_network()
    load_demo_data(house)
    load_demo_data(house)
    crisis_cases = list(Case.objects.filter(house=house, urgency=Urgency.CRISIS))
    assert len(crisis_cases) == 2
    triage = {d.state for d in triage_deadlines(crisis_cases).values()}
    assert triage == {DeadlineState.MET, DeadlineState.OVERDUE}
