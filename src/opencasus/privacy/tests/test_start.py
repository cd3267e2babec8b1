"""The privacy officer's work inbox: open rights requests and log signals, linking to the lists behind them."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member
from opencasus.privacy import services
from opencasus.privacy.models import RightsRequest, RightsRequestStatus
from opencasus.privacy.tests.factories import officer
from opencasus.privacy.views import start_sections

pytestmark = pytest.mark.django_db


def test_open_rights_requests_count_and_filtered_list(verified_client: Callable[[User], Client]) -> None:
    house = HouseFactory.create()
    fg = officer(house)
    for name in ("Open Verzoeker", "Klaar Verzoeker"):
        services.rights_request_create(actor=fg, house=house, kind="access", requester_name=name,
                                       received_on=dt.date.today(), description="Inzage")
    RightsRequest.objects.filter(requester_name="Klaar Verzoeker").update(status=RightsRequestStatus.GRANTED)
    (section,) = start_sections(fg)
    counts = {c.label: (c.value, c.url) for c in section.counts}
    value, url = counts["Openstaande verzoeken van betrokkenen"]
    assert value == 1
    assert url == reverse("privacy:rights-requests", args=[house.pk]) + "?open=on"
    assert counts["Signalen in het verwerkingenlogboek"][1] == reverse("privacy:signals", args=[house.pk])
    client = verified_client(fg)
    body = client.get(url).content.decode()
    assert "Open Verzoeker" in body
    assert "Klaar Verzoeker" not in body
    assert "Klaar Verzoeker" in client.get(reverse("privacy:rights-requests", args=[house.pk])).content.decode()


def test_other_roles_get_no_privacy_inbox() -> None:
    house = HouseFactory.create()
    officer(house)
    for role in (Role.PROCESS_DIRECTOR, Role.HOUSE_MANAGER, Role.PARTNER_PROFESSIONAL):
        assert start_sections(member(house, role)) == []
