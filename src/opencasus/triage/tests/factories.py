"""A small triage world: a house with core staff, partners with and without a covenant, and intakes."""

from __future__ import annotations

from typing import Any

from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.core.tests.world import Member, Partner, World, add_case, build_world
from opencasus.network.models import Role
from opencasus.triage.models import Answer, Criterion
from opencasus.triage.services import AssessmentInput, DecisionInput


def make_world() -> World:
    """Professionals `police_pro`, `probation_pro` and `uncovered_pro` (of `no_covenant`, an organisation
    without a covenant), police professional `filer`, and one local criterion."""
    return build_world(
        gemeente="Gemeente bij {house}",
        partners=[Partner("police"), Partner("probation"), Partner("no_covenant", covenant=False)],
        members={
            "police_pro": Member(Role.PARTNER_PROFESSIONAL, "police"),
            "probation_pro": Member(Role.PARTNER_PROFESSIONAL, "probation"),
            "uncovered_pro": Member(Role.PARTNER_PROFESSIONAL, "no_covenant"),
            "filer": Member(Role.PARTNER_PROFESSIONAL, "police"),
        },
        criteria=["Er zijn minderjarige kinderen in het gezin"],
    )


def intake(world: World, **fields: Any) -> Case:
    """An intake (submitted unless `status` says otherwise) with one person, filed by the police's `filer`."""
    fields.setdefault("organisation", fields.pop("filed_by_organisation", world.police))
    fields.setdefault("filer", fields.pop("filed_by", world.filer))
    return add_case(world, stage=fields.pop("status", Status.SUBMITTED), **fields)


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
