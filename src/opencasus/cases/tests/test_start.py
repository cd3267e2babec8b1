"""Work inbox counts of the cases app for partner professionals, and the case-list filters behind them."""

import pytest
from django.urls import reverse
from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.start import case_sections
from opencasus.cases.tests.factories import CaseFactory, ParticipantFactory
from opencasus.cases.workflow import Status
from opencasus.core.tests.clients import VerifiedClient
from opencasus.network.models import House, Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member

pytestmark = pytest.mark.django_db


def counts(user: User) -> dict[str, tuple[int, str]]:
    return {c.label: (c.value, c.url) for s in case_sections(user) for c in s.counts}


@pytest.fixture
def w() -> tuple[House, User, User]:
    house = HouseFactory.create()
    police = OrganisationFactory.create()
    partner = member(house, Role.PARTNER_PROFESSIONAL, police)
    other = member(house, Role.PARTNER_PROFESSIONAL, police)
    CaseFactory.create(house=house, reference="FB-1", filed_by=partner, filed_by_organisation=police,
                status=Status.DECLINED, feedback_at=timezone.now(), feedback_to_filer="Niet opgenomen.")
    CaseFactory.create(house=house, reference="FB-2", filed_by=partner, filed_by_organisation=police)
    added = CaseFactory.create(house=house, reference="IN-1", status=Status.ADMITTED)
    ParticipantFactory.create(case=added, organisation=police, user=partner)
    CaseFactory.create(house=house, reference="NIET-1", status=Status.ADMITTED)
    return house, partner, other


def test_partner_counts_and_the_lists_behind_them(w: tuple[House, User, User], verified_client: VerifiedClient) -> None:
    _house, partner, other = w
    c = counts(partner)
    assert c["Mijn aanmeldingen met terugkoppeling"][0] == 1
    assert c["Casussen waaraan ik ben toegevoegd"][0] == 1
    client = verified_client(partner)
    feedback = client.get(c["Mijn aanmeldingen met terugkoppeling"][1]).content.decode()
    assert "FB-1" in feedback
    assert "FB-2" not in feedback
    assert "IN-1" not in feedback
    added = client.get(c["Casussen waaraan ik ben toegevoegd"][1]).content.decode()
    assert "IN-1" in added
    assert "FB-1" not in added
    assert "NIET-1" not in added
    assert counts(other) == {"Mijn aanmeldingen met terugkoppeling": (0, reverse("cases:list") + "?feedback=on"),
                             "Casussen waaraan ik ben toegevoegd": (0, reverse("cases:list") + "?participating=on")}


def test_core_staff_get_no_partner_counts(w: tuple[House, User, User]) -> None:
    house, _partner, _other = w
    assert case_sections(member(house, Role.PROCESS_DIRECTOR)) == []
