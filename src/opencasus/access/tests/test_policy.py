"""`visible_cases` combines its branches (core staff, participant, filer) as a union of case ids."""

from __future__ import annotations

import pytest

from opencasus.access.policy import CaseAccess, visible_cases
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory
from opencasus.cases.workflow import Status
from opencasus.network.models import Membership, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member

pytestmark = pytest.mark.django_db


def test_partner_sees_cases_they_take_part_in_and_intakes_they_filed_nothing_else() -> None:
    house, org = HouseFactory.create(), OrganisationFactory.create()
    partner = member(house, Role.PARTNER_PROFESSIONAL, org)
    taking_part = CaseFactory.create(house=house, status=Status.ADMITTED)
    ParticipantFactory.create(case=taking_part, organisation=org, user=partner)
    filed = CaseFactory.create(house=house, status=Status.SUBMITTED, filed_by=partner, filed_by_organisation=org)
    CaseFactory.create(house=house, status=Status.ADMITTED)  # someone else's
    visible = visible_cases(actor=partner)
    assert set(visible) == {taking_part, filed}
    assert visible.count() == 2
    assert list(visible.order_by("-last_activity_at", "-pk").filter(status=Status.SUBMITTED)) == [filed]
    assert set(visible_cases(actor=partner, minimum=CaseAccess.PARTICIPANT)) == {taking_part}
    assert not visible_cases(actor=partner, minimum=CaseAccess.CORE).exists()


def test_core_staff_see_their_house_and_what_they_filed_elsewhere() -> None:
    home, other = HouseFactory.create(), HouseFactory.create()
    director = member(home, Role.PROCESS_DIRECTOR)
    org = OrganisationFactory.create()
    Membership.objects.create(user=director, house=other, organisation=org, role=Role.PARTNER_PROFESSIONAL,
                              started_on="2024-01-01")
    own = [CaseFactory.create(house=home), CaseFactory.create(house=home, status=Status.ADMITTED)]
    filed_elsewhere = CaseFactory.create(house=other, filed_by=director, filed_by_organisation=org)
    CaseFactory.create(house=other)
    assert set(visible_cases(actor=director)) == {*own, filed_elsewhere}
    assert set(visible_cases(actor=director, minimum=CaseAccess.CORE)) == set(own)


def test_filer_loses_sight_after_leaving_the_filing_organisation() -> None:
    house, org = HouseFactory.create(), OrganisationFactory.create()
    partner = member(house, Role.PARTNER_PROFESSIONAL, org)
    CaseFactory.create(house=house, filed_by=partner, filed_by_organisation=OrganisationFactory.create())
    assert not visible_cases(actor=partner).exists()
