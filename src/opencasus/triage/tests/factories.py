"""A small triage world: a house with core staff, partners with and without a covenant, and intakes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.network.models import House, LocalCriterion, MeetingType, Organisation, Partnership, Ring, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member
from opencasus.triage.models import Answer, Criterion
from opencasus.triage.services import AssessmentInput, DecisionInput


@dataclass
class World:
    house: House
    director: User
    secretary: User
    police: Organisation
    probation: Organisation
    no_covenant: Organisation
    police_pro: User
    probation_pro: User
    uncovered_pro: User
    filer: User
    meeting_type: MeetingType
    criterion: LocalCriterion


def make_world() -> World:
    house = HouseFactory()
    municipality = OrganisationFactory(name=f"Gemeente bij {house.name}")
    police = OrganisationFactory()
    probation = OrganisationFactory()
    no_covenant = OrganisationFactory()
    director = member(house, Role.PROCESS_DIRECTOR, municipality)
    secretary = member(house, Role.SECRETARY, municipality)
    police_pro = member(house, Role.PARTNER_PROFESSIONAL, police)
    probation_pro = member(house, Role.PARTNER_PROFESSIONAL, probation)
    uncovered_pro = member(house, Role.PARTNER_PROFESSIONAL, no_covenant)
    Partnership.objects.filter(house=house, organisation=no_covenant).update(covenant_signed_on=None)
    filer = member(house, Role.PARTNER_PROFESSIONAL, police)
    Partnership.objects.get_or_create(house=house, organisation=municipality, defaults={"ring": Ring.CORE})
    meeting_type = MeetingType.objects.create(house=house, name="Focusoverleg")
    criterion = LocalCriterion.objects.create(house=house, text="Er zijn minderjarige kinderen in het gezin")
    return World(house, director, secretary, police, probation, no_covenant, police_pro, probation_pro,
                  uncovered_pro, filer, meeting_type, criterion)


def intake(world: World, **fields: Any) -> Case:
    fields.setdefault("filed_by_organisation", world.police)
    fields.setdefault("filed_by", world.filer)
    case = CaseFactory(house=world.house, **fields)
    PersonFactory(case=case)
    return case


def meets() -> AssessmentInput:
    return AssessmentInput(
        answers={c.value: (Answer.YES, "Vastgesteld in het weegoverleg.") for c in Criterion
                 if c != Criterion.AREA_SAFETY}
        | {Criterion.AREA_SAFETY.value: (Answer.NO, "Geen gebiedsproblematiek.")},
        life_domains={"housing": "Dreigende huisuitzetting.", "drugs": "Dagelijks gebruik."},
    )


def does_not_meet() -> AssessmentInput:
    return AssessmentInput(answers={
        Criterion.MULTIPLE_PROBLEMS.value: (Answer.NO, "Eén leefgebied."),
        Criterion.AREA_SAFETY.value: (Answer.NO, "Geen gebiedsproblematiek."),
    })


def admit(world: World, **fields: Any) -> DecisionInput:
    data: dict[str, Any] = {
        "outcome": "admit", "grounds": "Voldoet aan de landelijke criteria.",
        "purpose": "Recidive voorkomen en de woonsituatie stabiliseren.",
        "questions": "Wie neemt de regie? Welke zorg is nodig?", "meeting_type_id": world.meeting_type.pk,
        "organisation_ids": [world.police.pk, world.probation.pk],
        "professionals": [(world.police_pro.pk, world.police.pk), (world.probation_pro.pk, world.probation.pk)],
    }
    data.update(fields)
    return DecisionInput(**data)


