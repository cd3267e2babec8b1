"""Demo steering data: two priority themes on the demo region's agenda of this year, and one strategic meeting
with a decision and an action. Idempotent."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from opencasus.governance import services
from opencasus.governance.models import GovernanceMeeting, ItemKind, MeetingAction, MeetingLevel, PriorityTheme
from opencasus.network.models import House, Membership, Role

THEMES = [
    ("Ondermijning", "Signalen van ondermijning (drugs, uitbuiting, witwassen) vroeg herkennen en in de aanpak "
                     "combineren: strafrecht, bestuurlijke maatregelen en zorg."),
    ("Huiselijk geweld", "Een doorlopende aanpak van huiselijk geweld en kindermishandeling, met het kind in beeld "
                         "in elke casus (Kindspoor)."),
]
MEETING_TITLE = "Regionale stuurgroep, kwartaaloverleg"


def _member(house: House, role: str) -> Membership | None:
    return (Membership.objects.active().filter(house=house, role=role).select_related("user")
            .order_by("id").first())


def load_demo_data(house: House) -> None:
    steering = _member(house, Role.STEERING_GROUP_MEMBER)
    manager = _member(house, Role.HOUSE_MANAGER)
    if steering is None:
        return
    year = timezone.localdate().year
    themes = []
    for name, aims in THEMES:
        theme = PriorityTheme.objects.filter(region_id=house.region_id, year=year, name=name).first()
        if theme is None:
            theme = services.theme_create(actor=steering.user, region_id=house.region_id, year=year, name=name,
                                          aims=aims)
        themes.append(theme)
    if GovernanceMeeting.objects.filter(region_id=house.region_id, title=MEETING_TITLE).exists():
        return
    date = timezone.localdate() - dt.timedelta(days=21)
    if date.year != year:
        date = dt.date(year, 1, 2)
    meeting = services.meeting_create(actor=steering.user, level=MeetingLevel.STRATEGIC, house_id=house.pk,
                                      date=date, title=MEETING_TITLE)
    services.item_add(actor=steering.user, meeting_id=meeting.pk, kind=ItemKind.AGENDA, theme_id=themes[0].pk,
                      text="Voortgang aanpak ondermijning: signalen uit de casusoverleggen.")
    decision = services.item_add(
        actor=steering.user, meeting_id=meeting.pk, kind=ItemKind.DECISION, theme_id=themes[0].pk,
        text="De stuurgroep vraagt de huizen ondermijningssignalen voortaan op de weegtafel te markeren en per "
             "kwartaal te rapporteren.")
    owner = manager.user if manager is not None else steering.user
    if not MeetingAction.objects.filter(meeting=meeting).exists():
        services.action_add(actor=steering.user, meeting_id=meeting.pk, decision_id=decision.pk,
                            owner_id=owner.pk, deadline=date + dt.timedelta(days=14),
                            description="Werkafspraak over het markeren van ondermijningssignalen opstellen en "
                                        "aan de ketenpartners voorleggen.")
