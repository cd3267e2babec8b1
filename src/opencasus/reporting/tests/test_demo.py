"""On the demo data every dashboard renders with charts and tables."""

import io
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from opencasus.accounts.models import User
from opencasus.cases.models import Case
from opencasus.network.demo import HOUSE_NAME
from opencasus.network.models import House
from opencasus.reporting.models import Advice, PoliceIncident

pytestmark = pytest.mark.django_db


def test_every_dashboard_renders_on_the_demo_data(verified_client: Callable[[User], Client]) -> None:
    call_command("load_demo", stdout=io.StringIO())
    counts = (Case.objects.count(), Advice.objects.count(), PoliceIncident.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert counts == (Case.objects.count(), Advice.objects.count(), PoliceIncident.objects.count())
    assert counts[0] > 100
    assert counts[1] > 0
    assert counts[2] > 0
    house = House.objects.get(name=HOUSE_NAME)
    year = timezone.localdate().year
    manager = verified_client(User.objects.get(username="manager"))
    pages = [
        (manager, reverse("reporting:dashboard", args=["huizen", house.pk])),
        (manager, reverse("reporting:dashboard", args=["gemeenten", "GM0505"])),
        (manager, reverse("reporting:annual-report", args=["GM0505", year])),
        (manager, reverse("reporting:recidivism", args=[house.pk])),
        (verified_client(User.objects.get(username="gemeente.gorinchem")),
         reverse("reporting:dashboard", args=["gemeenten", "GM0512"])),
        (verified_client(User.objects.get(username="stuurgroep")),
         reverse("reporting:dashboard", args=["regios", house.region.code])),
    ]
    for client, url in pages:
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert html.count("<svg") >= 3, url
        assert html.count("<table") >= 3, url
        assert "Geen gegevens in deze periode." not in html.split("Instroom per route")[-1][:2000], url
    house_html = manager.get(reverse("reporting:dashboard", args=["huizen", house.pk])).content.decode()
    assert "Op tijd nagekomen afspraken per partnerorganisatie" in house_html
    assert "Operationeel" in house_html
    trends = manager.get(reverse("reporting:trends", args=[house.pk])).content.decode()
    assert "Huiselijk geweld: meer aanmeldingen dan gebruikelijk" in trends
    recidivism = manager.get(reverse("reporting:recidivism", args=[house.pk])).content.decode()
    assert "Vergelijkingsgroep (niet toegelaten, gematcht)" in recidivism
    assert "Bron: justitiële documentatie" in recidivism
