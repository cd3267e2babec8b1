from __future__ import annotations

from dataclasses import dataclass

import pytest

from opencasus.accounts.models import User
from opencasus.core.tests import world as shared
from opencasus.meetings import services
from opencasus.meetings.models import AgendaItem, Meeting
from opencasus.meetings.tests.factories import admitted_case, meeting, setting
from opencasus.network.models import Role
from opencasus.network.tests.factories import OrganisationFactory, member


@dataclass
class World:
    s: shared.World
    meeting: Meeting
    own: AgendaItem  # needs the invitee (professional 0) and professional 1
    other: AgendaItem  # needs professional 2 only
    users: dict[str, User]


@pytest.fixture
def world(db: None) -> World:
    s = setting()
    m = meeting(s)
    own = services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=admitted_case(s, [0, 1]).pk)
    other = services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=admitted_case(
        s, [2], target_group="Jeugd").pk)
    outsider = member(s.house, Role.PARTNER_PROFESSIONAL, OrganisationFactory.create())
    other_house = setting(organisations=0)
    users = {
        "process_director": s.director,
        "secretary": s.secretary,
        "invitee": s.professionals[0],
        "non_invitee": outsider,
        "other_house": other_house.director,
    }
    for role in (Role.HOUSE_MANAGER, Role.MUNICIPALITY_OFFICER, Role.STEERING_GROUP_MEMBER, Role.PRIVACY_OFFICER,
                 Role.FUNCTIONAL_ADMINISTRATOR):
        users[str(role)] = shared.add_member(s, str(role), shared.Member(role, "organisation0"))
    return World(s, m, own, other, users)


CORE = {"process_director", "secretary"}
ALL = ["process_director", "secretary", "invitee", "non_invitee", "other_house", "house_manager",
       "municipality_officer", "steering_group_member", "privacy_officer", "functional_administrator"]
