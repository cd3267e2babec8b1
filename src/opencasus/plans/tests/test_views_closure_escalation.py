"""Regression tests: the close page's checklist, and the next escalation level prefilled."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.plans import services
from opencasus.plans.models import Agreement, Escalation
from opencasus.plans.tests.factories import World, in_days, world
from opencasus.plans.vocabulary import AgreementStatus, EscalationLevel, EscalationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def w_open() -> tuple[World, Agreement, Escalation]:
    w = world()
    agreement = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek afleggen",
                                          owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))
    escalation = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.OPERATIONAL,
                                           organisation=w.police, agreement_id=agreement.pk,
                                           reason="Het huisbezoek blijft uit")
    return w, agreement, escalation


def test_close_page_shows_the_checklist(w_open: tuple[World, Agreement, Escalation],
                                        verified_client: Callable[[User], Client]) -> None:
    w, _agreement, _escalation = w_open
    page = verified_client(w.director).get(reverse("plans:close", args=[w.case.pk])).content.decode()
    assert "Huisbezoek afleggen" in page
    assert "Open afspraken die het afsluiten annuleert: 1" in page
    assert "Open opschalingen die het afsluiten sluit: 1" in page
    assert "Het plan is nog niet geëvalueerd" in page


def test_closing_through_the_page_settles_agreements_and_escalations(
    w_open: tuple[World, Agreement, Escalation], verified_client: Callable[[User], Client],
) -> None:
    w, agreement, escalation = w_open
    response = verified_client(w.director).post(reverse("plans:close", args=[w.case.pk]),
                                                {"outcome": "moved_away", "version": w.case.version})
    assert response.status_code == 302
    assert Agreement.objects.get(pk=agreement.pk).status == AgreementStatus.CANCELLED
    assert Escalation.objects.get(pk=escalation.pk).status == EscalationStatus.CLOSED


def test_next_level_carries_case_organisation_and_reason(
    w_open: tuple[World, Agreement, Escalation], verified_client: Callable[[User], Client],
) -> None:
    w, agreement, escalation = w_open
    url = reverse("plans:escalation-raise", args=[w.case.pk]) + f"?vanuit={escalation.pk}"
    form = verified_client(w.director).get(url).context["form"]
    assert form.initial["level"] == EscalationLevel.TACTICAL
    assert form.initial["organisation"] == w.police.pk
    assert form.initial["reason"] == "Het huisbezoek blijft uit"
    assert form.initial["agreement"] == agreement.pk
    page = verified_client(w.director).get(url).content.decode()
    assert "Het huisbezoek blijft uit</textarea>" in page


def test_next_level_of_another_case_is_not_carried(
    w_open: tuple[World, Agreement, Escalation], verified_client: Callable[[User], Client],
) -> None:
    _w, _agreement, escalation = w_open
    other = world()
    url = reverse("plans:escalation-raise", args=[other.case.pk]) + f"?vanuit={escalation.pk}"
    form = verified_client(other.director).get(url).context["form"]
    assert "reason" not in form.initial
    assert "organisation" not in form.initial
