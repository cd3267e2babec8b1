"""The ZSM advice page: the director records, changes and withdraws; errors keep the input; others read."""

from __future__ import annotations

import pytest

from opencasus.core.tests.clients import VerifiedClient
from opencasus.zsm.models import ZsmAdvice
from opencasus.zsm.tests.factories import zsm_world

pytestmark = pytest.mark.django_db


def test_the_director_records_and_withdraws_the_advice(verified_client: VerifiedClient) -> None:
    z = zsm_world()
    client = verified_client(z.w.director)
    url = f"/casussen/{z.case.pk}/zsm-advies"
    page = client.get(url).content.decode()
    assert "Voor deze casus is geen ZSM-advies vastgelegd." in page
    assert client.post(url, {"text": "Voorwaardelijk sepot.", "version": "0"}).status_code == 302
    page = client.get(url).content.decode()
    assert "Voorwaardelijk sepot." in page
    assert "Advies intrekken" in page
    assert client.post(f"{url}/intrekken", {"version": "1"}).status_code == 302
    assert not ZsmAdvice.objects.exists()


def test_a_stale_form_keeps_the_input_with_a_dutch_message(verified_client: VerifiedClient) -> None:
    z = zsm_world()
    client = verified_client(z.w.director)
    url = f"/casussen/{z.case.pk}/zsm-advies"
    client.post(url, {"text": "Eerste advies.", "version": "0"})
    response = client.post(url, {"text": "Mijn nieuwe tekst.", "version": "0"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "intussen door iemand anders gewijzigd" in page
    assert "Mijn nieuwe tekst." in page


def test_the_secretary_reads_without_a_form(verified_client: VerifiedClient) -> None:
    z = zsm_world()
    page = verified_client(z.w.secretary).get(f"/casussen/{z.case.pk}/zsm-advies").content.decode()
    assert "Een procesregisseur van het huis legt het ZSM-advies vast" in page
    assert "<textarea" not in page


def test_the_case_header_offers_the_zsm_advice_to_core_staff(verified_client: VerifiedClient) -> None:
    z = zsm_world()
    assert "ZSM-advies" in verified_client(z.w.director).get(f"/casussen/{z.case.pk}").content.decode()
    assert "ZSM-advies" not in verified_client(z.w.owner).get(f"/casussen/{z.case.pk}").content.decode()
