"""The work inbox counts of the plans app, per role, and the filtered lists they link to."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.plans import services
from opencasus.plans.models import Agreement
from opencasus.plans.start import inbox_sections
from opencasus.plans.tests.factories import World, in_days, world
from opencasus.plans.vocabulary import AgreementStatus, EscalationLevel

pytestmark = pytest.mark.django_db


def counts(user: User) -> dict[str, tuple[object, str]]:
    return {c.label: (c.value, c.url) for s in inbox_sections(user) for c in s.counts}


@pytest.fixture
def w() -> World:
    w = world()
    services.agreement_create(actor=w.director, case_id=w.case.pk, description="Binnenkort",
                              owner_organisation=w.police, owner_user=w.owner, deadline=in_days(3))
    late = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Verlopen huisbezoek",
                                     owner_organisation=w.police, owner_user=w.owner, deadline=in_days(3))
    Agreement.objects.filter(pk=late.pk).update(deadline=in_days(-2), status=AgreementStatus.LATE)
    services.agreement_create(actor=w.director, case_id=w.case.pk, description="Later", owner_organisation=w.care,
                              owner_user=w.participant, deadline=in_days(40))
    services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.TACTICAL,
                              organisation=w.police, reason="Levert niet.")
    return w


def test_partner_sees_their_agreements_due_and_overdue(w: World) -> None:
    c = counts(w.owner)
    assert c["Mijn afspraken binnen twee weken"][0] == 1
    assert c["Mijn afspraken over de deadline"][0] == 1
    assert counts(w.participant)["Mijn afspraken binnen twee weken"][0] == 0
    assert counts(w.outsider)["Mijn afspraken binnen twee weken"][0] == 0


def test_core_staff_see_house_overdue_and_open_escalations(w: World) -> None:
    c = counts(w.director)
    assert c["Afspraken over de termijn"][0] == 1
    assert c["Opschalingen die op reactie wachten"][0] == 1
    assert c["Opschalingen die op reactie wachten"][1] == reverse("plans:escalations") + "?status=open"
    assert counts(w.other_house_director).get("Afspraken over de termijn", (0,))[0] == 0


def test_managers_see_escalations_addressed_to_them_not_case_content(w: World) -> None:
    assert counts(w.manager)["Opschalingen aan u gericht"][0] == 1
    assert counts(w.steering)["Opschalingen aan u gericht"][0] == 0  # tactical: not the steering group's
    assert counts(w.privacy_officer) == {}


def test_counts_link_to_lists_that_show_the_same_number(w: World, verified_client: Callable[[User], Client]) -> None:
    client = verified_client(w.owner)
    due = client.get(counts(w.owner)["Mijn afspraken binnen twee weken"][1]).content.decode()
    assert "Binnenkort" in due
    assert "Verlopen huisbezoek" not in due
    late = client.get(counts(w.owner)["Mijn afspraken over de deadline"][1]).content.decode()
    assert "Verlopen huisbezoek" in late
    assert "Binnenkort" not in late
    house = verified_client(w.director).get(counts(w.director)["Afspraken over de termijn"][1]).content.decode()
    assert "Verlopen huisbezoek" in house
    assert "Binnenkort" not in house


def test_start_page_shows_the_inbox(w: World, verified_client: Callable[[User], Client]) -> None:
    body = verified_client(w.director).get(reverse("core:start")).content.decode()
    assert "Afspraken en opschalingen" in body
    assert "oc-inbox__count" in body
    other = verified_client(w.privacy_officer).get(reverse("core:start")).content.decode()
    assert "Afspraken en opschalingen" not in other
