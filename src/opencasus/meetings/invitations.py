"""Invitations by e-mail with an iCalendar attachment that holds only the invitee's own block.

- One VEVENT per invitee and meeting, from the start of their first item to the end of their last
  item; its description lists their items (time and case reference, nothing else about the case).
- UID stable per meeting and invitee; SEQUENCE goes up with every update or cancellation sent.
- METHOD:REQUEST for an invitation or an update (sent only when what the invitee would receive
  changed), METHOD:CANCEL when the meeting is cancelled or the invitee is no longer needed.
- No personal data of the people concerned: the case reference and the meeting only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from opencasus.cases.models import Participant
from opencasus.logbook.models import Action
from opencasus.meetings.models import AgendaItem, Invitation, InvitationStatus, Meeting, MeetingStatus
from opencasus.meetings.processing import log_case
from opencasus.meetings.selectors import meeting_get
from opencasus.notifications.mail import absolute
from opencasus.notifications.models import Kind
from opencasus.notifications.services import notify

if TYPE_CHECKING:
    from opencasus.accounts.models import User


@dataclass(frozen=True)
class Slot:
    starts_at: dt.datetime
    ends_at: dt.datetime
    case_reference: str


def _still_participating(user_id: int) -> Exists:
    return Exists(Participant.objects.active().filter(case_id=OuterRef("case_id"), user_id=user_id))


def invitee_slots(meeting: Meeting, user_id: int) -> list[tuple[AgendaItem, Slot]]:
    """The invitee's items: named on the item and still an active participant of its case."""
    start = meeting.starts_at()
    items = (AgendaItem.objects.filter(meeting=meeting, professionals__pk=user_id)
             .filter(_still_participating(user_id)).select_related("case").order_by("position", "id"))
    return [(item, Slot(start + dt.timedelta(minutes=item.start_offset),
                        start + dt.timedelta(minutes=item.end_offset), item.case.reference)) for item in items]


def _summary(meeting: Meeting) -> str:
    return _("Case conference %(type)s — %(house)s") % {"type": meeting.meeting_type.name,
                                                         "house": meeting.house.name}


def _description(meeting: Meeting, slots: list[Slot]) -> str:
    lines = [_summary(meeting), "", _("Your items:")]
    for slot in slots:
        lines.append(f"{timezone.localtime(slot.starts_at):%H:%M}-{timezone.localtime(slot.ends_at):%H:%M}  "
                     + _("case %(reference)s") % {"reference": slot.case_reference})
    if meeting.video_link:
        lines += ["", _("Video link: %(link)s") % {"link": meeting.video_link}]
    lines += ["", _("Your items and times in Open Casus: %(url)s") % {"url": absolute(reverse("meetings:mine"))}]
    return "\n".join(lines)


def build_ics(*, meeting: Meeting, invitation: Invitation, slots: list[Slot], method: str) -> bytes:
    """The calendar object for one invitee: one VEVENT spanning their block."""
    cal = Calendar()
    cal.add("prodid", "-//Open Casus//Casusoverleg//NL")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", invitation.uid)
    event.add("sequence", invitation.sequence)
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    if slots:
        starts, ends = slots[0].starts_at, slots[-1].ends_at
    else:  # a cancellation for someone no longer needed: the meeting's start
        starts = ends = meeting.starts_at()
    event.add("dtstart", starts.astimezone(dt.UTC))
    event.add("dtend", (ends if ends > starts else starts + dt.timedelta(minutes=1)).astimezone(dt.UTC))
    event.add("summary", _summary(meeting))
    event.add("description", _description(meeting, slots))
    location = meeting.location or meeting.video_link
    if location:
        event.add("location", vText(location))
    organiser = vCalAddress(f"mailto:{meeting.house.email or settings.DEFAULT_FROM_EMAIL}")
    organiser.params["cn"] = vText(meeting.house.name)
    event.add("organizer", organiser)
    attendee = vCalAddress(f"mailto:{invitation.user.email}")
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    event.add("attendee", attendee)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    cal.add_component(event)
    ical: bytes = cal.to_ical()  # icalendar has no type information
    return ical


def _digest(meeting: Meeting, slots: list[Slot]) -> str:
    payload = [meeting.meeting_type.name, meeting.location, meeting.video_link,
               [(s.starts_at.isoformat(), s.ends_at.isoformat(), s.case_reference) for s in slots]]
    return hashlib.sha256(json.dumps(payload).encode()).hexdigest()


def _send(*, meeting: Meeting, invitation: Invitation, slots: list[Slot], method: str) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        ics = build_ics(meeting=meeting, invitation=invitation, slots=slots, method=method)
        when = timezone.localtime(slots[0].starts_at if slots else meeting.starts_at())
        if method == "CANCEL":
            subject = _("Cancelled: case conference %(type)s on %(date)s") % {
                "type": meeting.meeting_type.name, "date": date_format(when, "j F Y")}
            body = _("You are no longer expected at this case conference.") + "\n\n" + _summary(meeting)
        else:
            subject = _("Invitation: case conference %(type)s on %(date)s at %(time)s") % {
                "type": meeting.meeting_type.name, "date": date_format(when, "j F Y"), "time": f"{when:%H:%M}"}
            body = _description(meeting, slots)
    message = EmailMessage(subject=subject, body=body, to=[invitation.user.email])
    message.attach("casusoverleg.ics", ics, f"text/calendar; charset=utf-8; method={method}")
    transaction.on_commit(lambda: message.send(fail_silently=False))


@dataclass
class SendResult:
    invited: int = 0
    updated: int = 0
    cancelled: int = 0
    unchanged: int = 0


@transaction.atomic
def invitations_send(*, actor: User, meeting_id: int) -> SendResult:
    """Send invitations, updates and cancellations so every invitee's calendar matches the agenda."""
    meeting = meeting_get(actor=actor, meeting_id=meeting_id, core=True, for_update=True)
    if meeting.status != MeetingStatus.PLANNED:
        from django.core.exceptions import ValidationError

        raise ValidationError(_("Invitations go out for a planned meeting only."), code="not_planned")
    result = SendResult()
    named = AgendaItem.professionals.through.objects.filter(agendaitem__meeting=meeting).filter(Exists(
        Participant.objects.active().filter(case_id=OuterRef("agendaitem__case_id"), user_id=OuterRef("user_id"))))
    needed = set(named.values_list("user_id", flat=True))
    existing = {inv.user_id: inv for inv in Invitation.objects.select_for_update().filter(meeting=meeting)}
    from opencasus.accounts.models import User

    for user in User.objects.filter(pk__in=needed | set(existing)).order_by("pk"):
        invitation = existing.get(user.pk)
        if user.pk not in needed:
            if invitation is not None and invitation.status == InvitationStatus.INVITED:
                _cancel(meeting, invitation)
                result.cancelled += 1
            continue
        pairs = invitee_slots(meeting, user.pk)
        slots = [slot for _, slot in pairs]
        digest = _digest(meeting, slots)
        if invitation is None:
            invitation = Invitation.objects.create(meeting=meeting, user=user)
            result.invited += 1
        elif invitation.status == InvitationStatus.INVITED and invitation.digest == digest:
            result.unchanged += 1
            continue
        else:
            invitation.sequence += 1
            invitation.status = InvitationStatus.INVITED
            result.updated += 1
        invitation.digest, invitation.sent_at = digest, timezone.now()
        invitation.save()
        _send(meeting=meeting, invitation=invitation, slots=slots, method="REQUEST")
        notify(user_ids=[user.pk], kind=Kind.INVITATION, link=reverse("meetings:mine"), house_id=meeting.house_id,
               on_date=timezone.localtime(slots[0].starts_at).date() if slots else meeting.date,
               subject_key=f"invitation-{invitation.pk}-{invitation.sequence}")
        for item, _slot in pairs:
            log_case(actor=actor, case=item.case, action=Action.EXPORT, object_type="invitation",
                     object_id=invitation.pk)
    return result


def _cancel(meeting: Meeting, invitation: Invitation) -> None:
    invitation.sequence += 1
    invitation.status = InvitationStatus.CANCELLED
    invitation.digest, invitation.sent_at = "", timezone.now()
    invitation.save()
    _send(meeting=meeting, invitation=invitation, slots=[], method="CANCEL")


def invitations_cancel_all(*, actor: User, meeting: Meeting) -> int:
    """Within the caller's transaction: cancel every outstanding invitation of a cancelled meeting."""
    count = 0
    for invitation in Invitation.objects.select_for_update().filter(meeting=meeting,
                                                                     status=InvitationStatus.INVITED):
        slots = [slot for _, slot in invitee_slots(meeting, invitation.user_id)]
        invitation.sequence += 1
        invitation.status = InvitationStatus.CANCELLED
        invitation.digest, invitation.sent_at = "", timezone.now()
        invitation.save()
        _send(meeting=meeting, invitation=invitation, slots=slots, method="CANCEL")
        count += 1
    return count
