"""A triage table with partners: the house of `factories.make_world` with the OM, the police and the probation
organisation as standing members, a session with one intake on its list and one intake that is not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.network.models import Organisation, Role
from opencasus.network.tests.factories import OrganisationFactory, member
from opencasus.triage import services
from opencasus.triage.models import TriageSession
from opencasus.triage.tests.factories import World, intake, make_world


@dataclass
class Table:
    world: World
    om: Organisation
    om_pro: User
    municipality: Organisation
    municipality_pro: User
    housing: Organisation
    housing_pro: User
    session: TriageSession
    listed: Case
    other: Case


def make_table() -> Table:
    world = make_world()
    municipality = Organisation.objects.get(name=f"Gemeente bij {world.house.name}")
    om = OrganisationFactory(name=f"OM bij {world.house.name}")
    om_pro = member(world.house, Role.PARTNER_PROFESSIONAL, om)
    municipality_pro = member(world.house, Role.PARTNER_PROFESSIONAL, municipality)
    housing = OrganisationFactory(name=f"Woningcorporatie bij {world.house.name}")
    housing_pro = member(world.house, Role.PARTNER_PROFESSIONAL, housing)
    for organisation in (om, world.police, world.probation):
        services.standing_member_add(actor=world.director, house_id=world.house.pk, organisation_id=organisation.pk)
    listed, other = intake(world), intake(world)
    session = services.session_create(actor=world.director, house_id=world.house.pk,
                                      date=timezone.localdate() + dt.timedelta(days=2))
    services.session_add_intakes(actor=world.secretary, session_id=session.pk, case_ids=[listed.pk])
    return Table(world, om, om_pro, municipality, municipality_pro, housing, housing_pro, session, listed, other)


def members(table: Table) -> list[User]:
    return [table.om_pro, table.world.police_pro, table.world.probation_pro]
