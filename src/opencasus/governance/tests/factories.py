"""Test set-up for steering: a house with every role and partners (as triage needs), two priority themes of its
region's agenda for this year, a strategic meeting, and a steering-group member of another region."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.core.tests.world import EVERY_ROLE, Member, Partner, World, add_case, build_world
from opencasus.governance import services
from opencasus.governance.models import GovernanceMeeting, MeetingLevel, PriorityTheme
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member, region
from opencasus.plans.models import Escalation
from opencasus.plans.vocabulary import EscalationLevel


@dataclass
class SteeringWorld:
    world: World
    themes: list[PriorityTheme]
    meeting: GovernanceMeeting
    other_region_steering: User
    other_region_theme: PriorityTheme

    @property
    def steering(self) -> User:
        return self.world.members["steering"]

    @property
    def manager(self) -> User:
        return self.world.members["manager"]


def make_steering_world() -> SteeringWorld:
    w = build_world(
        gemeente="Gemeente {pk}",
        partners=[Partner("police", "Politie {pk}"), Partner("probation", "Reclassering {pk}")],
        members={"police_pro": Member(Role.PARTNER_PROFESSIONAL, "police"),
                 "probation_pro": Member(Role.PARTNER_PROFESSIONAL, "probation"),
                 "filer": Member(Role.PARTNER_PROFESSIONAL, "police"), **EVERY_ROLE},
        other_house=True,
    )
    steering = w.members["steering"]
    year = timezone.localdate().year
    themes = [services.theme_create(actor=steering, region_id=w.house.region_id, year=year, name=name, aims=aims)
              for name, aims in (("Ondermijning", "Signalen vroeg herkennen."),
                                 ("Huiselijk geweld", "Het kind in beeld in elke casus."))]
    other_house = HouseFactory.create(region=region("VR01"))
    other_steering = member(other_house, Role.STEERING_GROUP_MEMBER)
    other_theme = services.theme_create(actor=other_steering, region_id=other_house.region_id, year=year,
                                        name="Ondermijning", aims="Elders.")
    meeting = services.meeting_create(actor=steering, level=MeetingLevel.STRATEGIC, house_id=w.house.pk,
                                      date=timezone.localdate(), title="Stuurgroep")
    return SteeringWorld(w, themes, meeting, other_steering, other_theme)


def escalated_case(sw: SteeringWorld, level: str = EscalationLevel.STRATEGIC) -> tuple[Case, Escalation]:
    """An admitted case of the house with a person named Vermeer and an escalation at `level`."""
    w = sw.world
    from opencasus.cases.workflow import Status
    from opencasus.core.tests.world import PersonSpec

    case = add_case(w, stage=Status.ADMITTED, purpose="Veiligheid herstellen.",
                    persons=[PersonSpec({"first_name": "Ria", "last_name": "Vermeer"})])
    escalation = Escalation.objects.create(case=case, level=level, organisation=w.police,
                                           reason="Ria Vermeer krijgt geen woning.", addressed_to="Teamchef",
                                           raised_by=w.director, raised_at=timezone.now() - dt.timedelta(days=3))
    return case, escalation
