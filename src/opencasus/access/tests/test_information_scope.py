"""Information items by sharing scope: who sees which contribution (policy.visible_information_items)."""

from typing import Any

import pytest
from django.utils import timezone

from opencasus.access.policy import CaseAccess, case_access, visible_information_items
from opencasus.accounts.models import User
from opencasus.cases.models import InformationItem
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory
from opencasus.cases.vocabulary import SharingScope
from opencasus.cases.workflow import Status
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member

pytestmark = pytest.mark.django_db


def test_scopes() -> None:
    house = HouseFactory.create()
    case = CaseFactory.create(house=house, status=Status.ADMITTED, purpose="Doel", admitted_at=timezone.now())
    police, care, housing = OrganisationFactory.create(), OrganisationFactory.create(), OrganisationFactory.create()
    users = {}
    for name, org in [("police", police), ("care", care), ("housing", housing)]:
        users[name] = member(house, Role.PARTNER_PROFESSIONAL, org)
        ParticipantFactory.create(case=case, organisation=org, user=users[name])
    director = member(house, Role.PROCESS_DIRECTOR)

    def add(org, scope: Any, text: str, named=()) -> None:
        item = InformationItem.objects.create(case=case, organisation=org, author=users["police"],
                                              life_domain="housing", text=text, sharing_scope=scope,
                                              legal_basis="Convenant")
        item.shared_with.set(named)

    add(police, SharingScope.TRIAGE_TABLE, "police-triage")
    add(police, SharingScope.NAMED_ORGANISATIONS, "police-to-care", named=[care])
    add(care, SharingScope.ALL_PARTICIPANTS, "care-all")

    def seen(user: User) -> list[str]:
        level = case_access(actor=user, case=case)
        return sorted(i.text for i in visible_information_items(actor=user, case=case, level=level))

    assert seen(director) == ["care-all", "police-to-care", "police-triage"]
    assert seen(users["police"]) == ["care-all", "police-to-care", "police-triage"]  # its own contributions
    assert seen(users["care"]) == ["care-all", "police-to-care"]
    assert seen(users["housing"]) == ["care-all"]
    assert case_access(actor=users["housing"], case=case) == CaseAccess.PARTICIPANT
