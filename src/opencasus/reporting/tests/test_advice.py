from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.cases.tests.factories import CaseFactory, PersonFactory
from opencasus.logbook.models import ProcessingRecord
from opencasus.reporting.models import Advice
from opencasus.reporting.services import advice_record
from opencasus.reporting.tests.conftest import World

pytestmark = pytest.mark.django_db


def test_core_staff_record_advice_for_area_cases_only(world: World) -> None:
    area = CaseFactory.create(house=world.house, subject_type="area", municipality=world.gorinchem,
                              target_group=world.theme)
    person_case = CaseFactory.create(house=world.house)
    PersonFactory.create(case=person_case)
    advice = advice_record(actor=world.users["director"], case_id=area.pk, text="  Meer jongerenwerk.  ")
    assert advice.municipality == world.gorinchem
    assert advice.text == "Meer jongerenwerk."
    assert advice.target_group == world.theme
    record = ProcessingRecord.objects.filter(object_type="advice").get()
    assert record.case_id == area.pk
    assert record.action == "create"
    with pytest.raises(ValidationError, match="alleen bij gebieds- en themacasussen"):
        advice_record(actor=world.users["director"], case_id=person_case.pk, text="x")
    with pytest.raises(ValidationError, match="Schrijf het advies"):
        advice_record(actor=world.users["director"], case_id=area.pk, text=" ")
    with pytest.raises(ValidationError, match="Onbekende gemeente"):
        advice_record(actor=world.users["director"], case_id=area.pk, text="x", municipality_code="GM9999")
    for role in ("manager", "officer_gorinchem", "partner", "other_director"):
        with pytest.raises(Http404):
            advice_record(actor=world.users[role], case_id=area.pk, text="x")
    assert Advice.objects.count() == 1


def test_advice_form_and_list_per_municipality(world: World, verified_client: Callable[[User], Client]) -> None:
    area = CaseFactory.create(house=world.house, subject_type="area", municipality=world.gorinchem)
    client = verified_client(world.users["director"])
    url = reverse("reporting:advice-new", args=[world.house.pk])
    assert area.reference in client.get(url).content.decode()
    response = client.post(url, {"case": area.pk, "municipality": "", "text": "Verlichting in het park."})
    assert response.status_code == 302
    empty = client.post(url, {"case": area.pk, "municipality": "", "text": ""})
    assert "Dit veld is verplicht." in empty.content.decode()
    gorinchem = verified_client(world.users["officer_gorinchem"]).get(
        reverse("reporting:advice-list", args=["GM0512"])).content.decode()
    assert "Verlichting in het park." in gorinchem
    assert area.reference not in gorinchem
    dordrecht = verified_client(world.users["officer_dordrecht"])
    assert dordrecht.get(reverse("reporting:advice-list", args=["GM0512"])).status_code == 404
    assert "Verlichting" not in verified_client(world.users["manager"]).get(
        reverse("reporting:advice-list", args=["GM0505"])).content.decode()
