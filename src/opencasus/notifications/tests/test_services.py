"""Notifications: emitted by the services where the events happen; read and marked read by the owner only."""

import datetime as dt

import pytest
from django.core import mail
from django.http import Http404
from django.test import override_settings
from pytest_django import DjangoCaptureOnCommitCallbacks

from opencasus.accounts.models import User
from opencasus.notifications import selectors, services
from opencasus.notifications.models import Kind, Notification
from opencasus.plans import services as plans
from opencasus.plans.services.monitoring import send_reminders
from opencasus.plans.tests.factories import in_days, world
from opencasus.plans.vocabulary import ClosureOutcome, EscalationLevel

pytestmark = pytest.mark.django_db


def kinds(user: User) -> list[str]:
    return sorted(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_agreement_assigned_notifies_the_owner_with_reference_and_link_only() -> None:
    w = world()
    agreement = plans.agreement_create(actor=w.director, case_id=w.case.pk, description="Geheime behandeling",
                                       owner_organisation=w.care, owner_user=w.participant, deadline=in_days(5))
    note = Notification.objects.get(user=w.participant)
    assert note.kind == Kind.AGREEMENT_ASSIGNED
    assert note.link == f"/afspraken/{agreement.pk}"
    assert w.case.reference in note.title
    assert "Geheime" not in note.title
    assert "toegewezen" in note.title  # Dutch, with a Dutch date
    assert kinds(w.director) == []  # who assigns it is not notified
    # Reassigning notifies the new owner once; saving again does not repeat it.
    plans.agreement_update(actor=w.director, agreement_id=agreement.pk, expected_version=1, owner_organisation=w.police,
                           owner_user=w.owner)
    plans.agreement_update(actor=w.director, agreement_id=agreement.pk, expected_version=2, deadline=in_days(6))
    assert kinds(w.owner) == [Kind.AGREEMENT_ASSIGNED]


def test_escalation_notifies_the_addressees_of_its_level() -> None:
    w = world()
    plans.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.TACTICAL, organisation=w.care,
                           reason="Levert niet.")
    assert kinds(w.manager) == [Kind.ESCALATION]
    assert kinds(w.steering) == []
    assert kinds(w.participant) == []
    plans.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.OPERATIONAL,
                           organisation=w.care, reason="Geen intake.")
    assert kinds(w.participant) == [Kind.ESCALATION]  # the care professional in the case
    assert kinds(w.owner) == []  # police: not concerned


def test_hand_over_notifies_the_organisation_that_takes_over() -> None:
    w = world()
    plans.case_close(actor=w.director, case_id=w.case.pk, outcome=ClosureOutcome.REGULAR_CARE, handed_over_to=w.care)
    assert kinds(w.participant) == [Kind.HANDOVER]
    assert kinds(w.owner) == []
    assert kinds(w.outsider) == []


@override_settings(OPENCASUS_SITE_URL="https://casus.example.nl/")
def test_overdue_agreement_notifies_the_owner_once_and_the_mail_has_a_title_and_site_links() -> None:
    w = world()
    agreement = plans.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                                       owner_organisation=w.police, owner_user=w.owner, deadline=in_days(1))
    later = dt.date.today() + dt.timedelta(days=3)
    send_reminders(today=later)
    send_reminders(today=later)
    assert kinds(w.owner) == [Kind.AGREEMENT_ASSIGNED, Kind.AGREEMENT_OVERDUE]
    body = next(m.body for m in mail.outbox if w.owner.email in m.to)
    assert f"https://casus.example.nl/afspraken/{agreement.pk}" in body
    assert f"Afspraak {agreement.pk} " not in body
    assert str(w.police.name) in body
    assert "Huisbezoek" not in body


def test_notify_skips_empty_users_and_repeats_per_subject() -> None:
    w = world()
    made = services.notify(user_ids=[None, w.owner.pk, w.owner.pk], kind=Kind.HANDOVER, link="/x",
                           case_reference="R-1", subject_key="closure-1")
    assert len(made) == 1
    assert services.notify(user_ids=[w.owner.pk], kind=Kind.HANDOVER, link="/x", subject_key="closure-1") == []


def test_mark_read_own_only_and_all() -> None:
    w = world()
    mine = services.notify(user_ids=[w.owner.pk, w.participant.pk], kind=Kind.HANDOVER, link="/x",
                           case_reference="R-1")
    own = next(n for n in mine if n.user_id == w.owner.pk)
    theirs = next(n for n in mine if n.user_id == w.participant.pk)
    with pytest.raises(Http404):
        services.notification_mark_read(actor=w.owner, notification_id=theirs.pk)
    assert selectors.unread_count(actor=w.owner) == 1
    services.notification_mark_read(actor=w.owner, notification_id=own.pk)
    assert selectors.unread_count(actor=w.owner) == 0
    assert selectors.unread_count(actor=w.participant) == 1
    services.notify(user_ids=[w.participant.pk], kind=Kind.ESCALATION, link="/y", case_reference="R-2")
    assert services.notifications_mark_all_read(actor=w.participant) == 2
    assert selectors.unread_count(actor=w.participant) == 0


def test_triage_outcome_notifies_the_filer(django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks) -> None:
    from opencasus.triage import services as triage
    from opencasus.triage.models import Outcome
    from opencasus.triage.services import DecisionInput
    from opencasus.triage.tests.factories import does_not_meet, intake, make_world

    w = make_world()
    case = intake(w)
    triage.assessment_save(actor=w.director, case_id=case.pk, data=does_not_meet())
    with django_capture_on_commit_callbacks(execute=True):
        triage.decision_record(actor=w.director, case_id=case.pk, data=DecisionInput(
            outcome=Outcome.DECLINE, grounds="Reguliere hulp volstaat."))
    note = Notification.objects.get(user=w.filer)
    assert note.kind == Kind.TRIAGE_OUTCOME
    assert note.link == f"/casussen/{case.pk}"
    assert case.reference in note.title
    assert kinds(w.director) == []


@override_settings(OPENCASUS_SITE_URL="https://casus.example.nl")
def test_invitation_notifies_each_invitee_once_per_version(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    from opencasus.meetings import invitations
    from opencasus.meetings import services as meetings
    from opencasus.meetings.tests.factories import admitted_case, meeting, setting

    s = setting()
    m = meeting(s, date=dt.date.today() + dt.timedelta(days=7), start_time=dt.time(9, 0))
    case = admitted_case(s, [0])
    meetings.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=case.pk, minutes=20)
    with django_capture_on_commit_callbacks(execute=True):
        invitations.invitations_send(actor=s.director, meeting_id=m.pk)
        invitations.invitations_send(actor=s.director, meeting_id=m.pk)  # unchanged: no second notification
    notes = list(Notification.objects.filter(kind=Kind.INVITATION))
    assert len(notes) == 1
    assert notes[0].on_date == m.date
    assert notes[0].link == "/overleggen/mijn/"
    (message,) = mail.outbox
    assert "https://casus.example.nl/overleggen/mijn/" in message.body
    assert f"{m.date.day} " in message.subject
    assert "-20" not in message.subject  # a Dutch date, not 08-12-2026
