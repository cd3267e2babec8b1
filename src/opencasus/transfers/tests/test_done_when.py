"""A transfer from a Fryslân house to a Flevoland house, accepted once and declined once: after acceptance A's
partners get 404 on B's case, B's participants see what went along and nothing else, and both houses'
processing-log chains verify."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.cases.models import Case, Participant
from opencasus.cases.workflow import Status
from opencasus.logbook.chains import house_chains
from opencasus.logbook.models import ChainHead, ProcessingRecord
from opencasus.logbook.verification import verify_chain
from opencasus.transfers.tests.factories import make_transfer_world, propose

pytestmark = pytest.mark.django_db


def test_fryslan_to_flevoland(verified_client: Callable[[User], Client],
                              api_client: Callable[[User], APIClient]) -> None:
    w = make_transfer_world()
    assert w.house_a.region.name == "Fryslân"
    assert w.house_b.region.name == "Flevoland"

    # Declined once: the case stays in Fryslân.
    first = propose(w)
    response = api_client(w.director_b).post(f"/api/v1/transfers/{first.pk}/refusal",
                                             {"reason": "Jan verhuist toch niet.", "version": 1}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "declined"
    w.case.refresh_from_db()
    assert w.case.status == Status.ADMITTED

    # Accepted once, through the page.
    second = propose(w, reason="Jan is per 1 maart ingeschreven in Lelystad.")
    director_b = verified_client(w.director_b)
    page = director_b.get(reverse("transfers:detail", args=[second.pk]))
    assert page.status_code == 200
    assert "Jan is per 1 maart ingeschreven in Lelystad." in page.content.decode()
    assert w.shared_item.text not in page.content.decode()  # the summary, not the content
    assert w.kept_item.text not in page.content.decode()
    decided = director_b.post(reverse("transfers:detail", args=[second.pk]),
                               {"decision": "accept", "reason": "Wij nemen het over.", "version": 1})
    assert decided.status_code == 302
    new = Case.objects.get(transferred_in__pk=second.pk)
    assert decided["Location"] == reverse("cases:detail", args=[new.pk])
    w.case.refresh_from_db()
    assert w.case.status == Status.CLOSED

    # A's partners get 404 on B's case, in the pages and the API.
    for user in (w.partner_a, w.director_a, w.secretary_a):
        assert verified_client(user).get(reverse("cases:detail", args=[new.pk])).status_code == 404
        assert api_client(user).get(f"/api/v1/cases/{new.pk}").status_code == 404

    # B's participants see what went along and nothing else.
    Participant.objects.create(case=new, organisation=w.care_b, user=w.partner_b)
    tab = verified_client(w.partner_b).get(reverse("cases:detail", args=[new.pk]) + "?tab=informatie")
    assert tab.status_code == 200
    html = tab.content.decode()
    assert w.shared_item.text in html
    assert w.shared_item.legal_basis in html
    assert w.kept_item.text not in html
    assert verified_client(w.partner_b).get(reverse("cases:detail", args=[w.case.pk])).status_code == 404
    log_tab = verified_client(w.director_b).get(reverse("cases:detail", args=[new.pk]) + "?tab=overzicht")
    assert f"Overgedragen van {w.case.reference}" in log_tab.content.decode()

    # Every step is in both houses' logs, and both chains verify.
    for house in (w.house_a, w.house_b):
        actions = set(ProcessingRecord.objects.filter(house_id=house.pk, object_type="transfer")
                      .values_list("action", flat=True))
        assert {"create", "view", "update"} <= actions
        chains = [c for c in house_chains(house.pk) if ChainHead.objects.filter(chain=c).exists()]
        assert chains
        for chain in chains:
            assert verify_chain(chain).ok
