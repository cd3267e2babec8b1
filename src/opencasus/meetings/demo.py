"""Demo case conferences (idempotent; runs after the triage demo, which admits the demo cases).

- A Focusoverleg this afternoon with half of the house's admitted cases on the agenda, and the next one
  (next Tuesday) with the others, each ordered by the optimiser, with invitations sent.
- One past Focusoverleg, held, with approved minutes in BOB form and a Stappenmeter. Its invitees' mandates are
  recorded (one "up to a limit", one without a mandate), so two decisions wait for their organisation's
  confirmation; one of them is past its deadline.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Case, Participant
from opencasus.cases.workflow import Status
from opencasus.meetings import invitations, mandates, minutes, services
from opencasus.meetings.models import Confirmation, Invitation, MandateScope, Meeting, MeetingStatus, SelfReport
from opencasus.network.models import House, MeetingType

TODAY_PLACE = "Veiligheidshuis, vergaderzaal Het Wantij"
UPCOMING_PLACE = "Veiligheidshuis, vergaderzaal De Merwede"
PAST_PLACE = "Veiligheidshuis, vergaderzaal De Biesbosch"
MAX_ITEMS = 8


def _next_tuesday(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=(1 - today.weekday()) % 7 or 7)


def load_demo_data(house: House) -> None:
    from opencasus.meetings.demo_crisis import load_crisis_demo

    load_crisis_demo(house)  # before the conferences: its admitted crisis case goes on today's agenda
    director = User.objects.filter(username="procesregisseur").first()
    secretary = User.objects.filter(username="secretaris").first()
    meeting_type = (MeetingType.objects.filter(house=house, name__startswith="Focusoverleg").first()
                    or MeetingType.objects.filter(house=house, active=True).first())
    if director is None or secretary is None or meeting_type is None:
        return
    cases = list(Case.objects.filter(house=house, status=Status.ADMITTED).filter(
        participants__in=Participant.objects.active()).distinct().order_by("reference"))
    if not cases:
        return
    today = timezone.localdate()
    if not Meeting.objects.filter(house=house, location=PAST_PLACE).exists():
        _past_meeting(house, director, secretary, meeting_type, cases[0], today - dt.timedelta(days=14))
    # This week: the first cases are discussed today, the others at the next meeting.
    today_cases, later_cases = cases[:len(cases) // 2], cases[len(cases) // 2:]
    if today_cases and not Meeting.objects.filter(house=house, location=TODAY_PLACE).exists():
        _planned(house, director, secretary, meeting_type, today, dt.time(13, 30), TODAY_PLACE, today_cases)
    if not Meeting.objects.filter(house=house, location=UPCOMING_PLACE, date__gte=today).exists():
        _planned(house, director, secretary, meeting_type, _next_tuesday(today), dt.time(9, 0), UPCOMING_PLACE,
                 later_cases[:MAX_ITEMS])


def _planned(house: House, director: User, secretary: User, meeting_type: MeetingType, date: dt.date,
             start: dt.time, place: str, cases: list[Case]) -> None:
    meeting = services.meeting_create(
        actor=director, house_id=house.pk, meeting_type=meeting_type, date=date,
        start_time=start, location=place, chair=director, secretary=secretary)
    for case in cases:
        services.agenda_item_add(actor=director, meeting_id=meeting.pk, case_id=case.pk)
    services.agenda_optimise(actor=director, meeting_id=meeting.pk)
    invitations.invitations_send(actor=director, meeting_id=meeting.pk)


def _past_meeting(house: House, director: User, secretary: User, meeting_type: MeetingType, case: Case,
                  date: dt.date) -> None:
    meeting = services.meeting_create(
        actor=director, house_id=house.pk, meeting_type=meeting_type, date=date, start_time=dt.time(9, 0),
        location=PAST_PLACE, chair=director, secretary=secretary)
    item = services.agenda_item_add(actor=director, meeting_id=meeting.pk, case_id=case.pk, minutes=30)
    participants = list(Participant.objects.active().filter(case=case).order_by("pk"))
    owner = next((p for p in participants if p.user_id), participants[0])
    other = next((p for p in participants if p.user_id and p.organisation_id != owner.organisation_id), None)
    decisions = [minutes.DecisionInput(
        description="Huisbezoek samen met de wijkagent en afspraken vastleggen in het plan van aanpak.",
        owner_organisation_id=owner.organisation_id, owner_user_id=owner.user_id,
        deadline=timezone.localdate() + dt.timedelta(days=21), exceeds_mandate=True)]
    if other is not None:
        decisions.append(minutes.DecisionInput(
            description="Twee extra begeleidingsuren per week voor de moeder, te beginnen deze maand.",
            owner_organisation_id=other.organisation_id, owner_user_id=other.user_id,
            deadline=timezone.localdate() + dt.timedelta(days=28)))
    # The invitees and what they may commit their organisations to (recorded at the invitation).
    for participant, scope, limit in ((owner, MandateScope.LIMITED, "Inzet van de wijkagent tot 4 uur per week"),
                                      (other, MandateScope.NONE, "")):
        if participant is None or participant.user_id is None:
            continue
        Invitation.objects.get_or_create(meeting=meeting, user_id=participant.user_id)
        mandates.mandate_record(actor=director, meeting_id=meeting.pk, user_id=participant.user_id,
                                organisation_id=participant.organisation_id, scope=scope, limit=limit)
    minutes.minutes_save(
        actor=secretary, meeting_id=meeting.pk, item_id=item.pk,
        picture_forming=("Politie meldt drie incidenten in twee maanden; de school meldt verzuim; "
                         "de hulpverlening heeft sinds de zomer geen contact meer."),
        judgement=("De partners zien een oplopend risico. Beschermend: de grootmoeder is betrokken en "
                   "wil helpen. Nodig: één plan met zorg en een duidelijke grens."),
        decisions=decisions)
    minutes.minutes_approve(actor=director, meeting_id=meeting.pk, item_id=item.pk)  # beyond a mandate: confirm
    # Time passes: the confirmation of the decision without a mandate was due two days ago.
    late = Confirmation.objects.filter(meeting=meeting).order_by("-id").first()
    if late is not None and len(decisions) > 1:
        Confirmation.objects.filter(pk=late.pk).update(deadline=timezone.localdate() - dt.timedelta(days=2),
                                                       requested_at=timezone.now() - dt.timedelta(days=14))
    services.meeting_set_status(actor=director, meeting_id=meeting.pk, status=MeetingStatus.HELD)
    if not SelfReport.objects.filter(case=case, meeting=meeting).exists():
        minutes.self_report_create(actor=director, case_id=case.pk, meeting_id=meeting.pk, kind="conference",
                                   goals_score=3, cooperation_score=4,
                                   note="Goede inbreng van alle partners; de doelen zijn nog niet bereikt.")
