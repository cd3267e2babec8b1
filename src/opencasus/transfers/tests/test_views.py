"""The Dutch pages of transfers: proposing from the case, the incoming list, deciding, co-direction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.transfers.models import CoDirector, Transfer
from opencasus.transfers.tests.factories import make_transfer_world, propose
from opencasus.transfers.vocabulary import TransferStatus

pytestmark = pytest.mark.django_db


def test_the_workspace_offers_the_transfer_to_core_staff(verified_client: Callable[[User], Client]) -> None:
    w = make_transfer_world()
    html = verified_client(w.director_a).get(reverse("cases:detail", args=[w.case.pk])).content.decode()
    assert "Overdragen" in html
    assert reverse("transfers:propose", args=[w.case.pk]) in html
    partner = verified_client(w.partner_a).get(reverse("cases:detail", args=[w.case.pk])).content.decode()
    assert reverse("transfers:propose", args=[w.case.pk]) not in partner


def test_propose_page(verified_client: Callable[[User], Client]) -> None:
    w = make_transfer_world()
    client = verified_client(w.director_a)
    url = reverse("transfers:propose", args=[w.case.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "De casus overdragen aan een ander huis" in html
    assert w.house_b.name in html
    assert w.shared_item.legal_basis in html
    assert w.kept_item.legal_basis not in html  # not marked transferable
    bad = client.post(url, {"to_house": w.house_b.pk, "reason": "", "move_date": ""})
    assert bad.status_code == 400
    assert "Dit veld is verplicht" in bad.content.decode()
    move = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    response = client.post(url, {"to_house": w.house_b.pk, "reason": "Verhuizing naar Almere.", "move_date": move,
                                 "include_purpose": "on", "information_items": [w.shared_item.pk]})
    transfer = Transfer.objects.get(case=w.case)
    assert response.status_code == 302
    assert response["Location"] == reverse("transfers:detail", args=[transfer.pk])
    again = client.get(url).content.decode()
    assert "Er is al een overdracht van deze casus voorgesteld." in again


def test_incoming_list_and_start_page(verified_client: Callable[[User], Client]) -> None:
    w = make_transfer_world()
    transfer = propose(w)
    client = verified_client(w.director_b)
    page = client.get(reverse("transfers:list") + "?direction=incoming")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Overdrachten tussen huizen" in html
    assert w.case.reference in html
    assert reverse("transfers:detail", args=[transfer.pk]) in html
    start = client.get("/").content.decode()
    assert "Inkomende voorstellen tot overdracht" in start
    assert verified_client(w.partner_b).get(reverse("transfers:list")).status_code == 404


def test_decline_on_the_page(verified_client: Callable[[User], Client]) -> None:
    w = make_transfer_world()
    transfer = propose(w)
    client = verified_client(w.director_b)
    url = reverse("transfers:detail", args=[transfer.pk])
    page = client.get(url).content.decode()
    assert "Wat meegaat" in page
    assert "1 doel" in page
    assert "1 openstaande afspraak" in page
    refused = client.post(url, {"decision": "decline", "reason": "", "version": 1})
    assert refused.status_code == 400
    assert "Geef de reden van de afwijzing." in refused.content.decode()
    stale = client.post(url, {"decision": "decline", "reason": "Niet hier.", "version": 9})
    assert stale.status_code == 409
    assert client.post(url, {"decision": "decline", "reason": "Niet hier.", "version": 1}).status_code == 302
    transfer.refresh_from_db()
    assert transfer.status == TransferStatus.DECLINED


def test_item_transferable_by_its_contributor(verified_client: Callable[[User], Client]) -> None:
    w = make_transfer_world()
    url = reverse("transfers:item-transferable", args=[w.kept_item.pk])
    assert verified_client(w.director_a).post(url, {"transferable": "on"}).status_code == 404
    tab = verified_client(w.partner_a).get(reverse("cases:detail", args=[w.case.pk]) + "?tab=informatie")
    assert "Mag mee bij een overdracht" in tab.content.decode()
    assert verified_client(w.partner_a).post(url, {"transferable": "on"}).status_code == 302
    w.kept_item.refresh_from_db()
    assert w.kept_item.transferable


def test_co_director_page(verified_client: Callable[[User], Client]) -> None:
    w = make_transfer_world()
    client = verified_client(w.director_a)
    url = reverse("transfers:co-directors", args=[w.case.pk])
    page = client.get(url).content.decode()
    assert "Coregisseurs uit andere huizen" in page
    membership = w.director_b.memberships.get(house=w.house_b)
    assert client.post(url, {"action": "add", "membership": membership.pk}).status_code == 302
    co = CoDirector.objects.get(case=w.case)
    co_page = verified_client(w.director_b).get(url).content.decode()
    assert "Een organisatie van uw huis als deelnemer toevoegen" in co_page
    assert verified_client(w.director_b).post(
        url, {"action": "participant", "organisation": w.care_b.pk}).status_code == 302
    assert client.post(url, {"action": "end", "co_director": co.pk}).status_code == 302
    assert verified_client(w.director_b).get(url).status_code == 404
