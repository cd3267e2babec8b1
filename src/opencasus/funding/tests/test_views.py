from __future__ import annotations

from decimal import Decimal

import pytest

from opencasus.funding.models import CoFinancing, FundingYear
from opencasus.funding.tests.factories import cofinancing, funding_year, in_kind, key_shares, region_split
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, OrganisationFactory, member, municipality, region

pytestmark = pytest.mark.django_db


def test_the_pages_and_exports_for_the_functional_administrator(verified_client) -> None:  # type: ignore[no-untyped-def]
    zhz = region("VR18")
    house, second = HouseFactory.create(region=zhz), HouseFactory.create(region=zhz)
    funding_year(2026)
    region_split(2026, {house: Decimal(60), second: Decimal(40)})
    cofinancing(house, municipality("GM0505"))
    in_kind(house, OrganisationFactory.create())
    client = verified_client(member(house, Role.FUNCTIONAL_ADMINISTRATOR))
    for url in ("/financiering/", "/financiering/2026", "/financiering/2026/bewerken", "/financiering/2026/inwoners",
                "/financiering/2026/verdeling/VR18", f"/financiering/2026/huis/{house.pk}",
                f"/financiering/2026/jaarverslag/huizen/{house.pk}", "/financiering/2026/jaarverslag/regios/VR18",
                "/financiering/2026/jaarverslag/gemeenten/GM0505"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "€" in response.content.decode() or url.endswith(("inwoners", "bewerken", "/financiering/")), url
    csv = client.get(f"/financiering/2026/jaarverslag/huizen/{house.pk}.csv")
    assert csv["Content-Type"].startswith("text/csv")
    assert "Kosten per toegelaten casus" in csv.content.decode("utf-8")
    xlsx = client.get(f"/financiering/2026/jaarverslag/huizen/{house.pk}.xlsx")
    assert xlsx.content[:2] == b"PK"
    pdf = client.get("/financiering/2026/jaarverslag/regios/VR18.pdf")
    assert pdf.content[:4] == b"%PDF"


def test_the_key_form_saves_and_refuses_a_key_that_does_not_add_up(verified_client) -> None:  # type: ignore[no-untyped-def]
    house = HouseFactory.create()
    client = verified_client(member(house, Role.FUNCTIONAL_ADMINISTRATOR))
    shares = key_shares()
    body = {"version": "0", "amount": "7700000.00", "amount_source": "Rijk", "key_source": "BVS", "key_year": "2025",
            **{f"share_{c}": str(s) for c, s in shares.items()}}
    wrong = client.post("/financiering/2026/bewerken", {**body, "share_VR01": str(shares["VR01"] + 1)})
    assert wrong.status_code == 400
    assert "tellen op tot 101" in wrong.content.decode()
    assert not FundingYear.objects.exists()
    assert client.post("/financiering/2026/bewerken", body).status_code == 302
    assert FundingYear.objects.get().amount_cents == 770_000_000


def test_cofinancing_is_added_on_the_house_page_and_hidden_from_others(verified_client) -> None:  # type: ignore[no-untyped-def]
    house = HouseFactory.create()
    client = verified_client(member(house, Role.FUNCTIONAL_ADMINISTRATOR))
    gemeente = municipality("GM0505")
    response = client.post(f"/financiering/2026/huis/{house.pk}", {
        "form": "cofinancing", "cofinancing-version": "0", "cofinancing-municipality": str(gemeente.pk),
        "cofinancing-method": "per_inhabitant", "cofinancing-amount": "1.25", "cofinancing-agreement": "SOK 2026"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert CoFinancing.objects.get().cents == 125
    director = verified_client(member(house, Role.PROCESS_DIRECTOR))
    assert director.get(f"/financiering/2026/huis/{house.pk}").status_code == 404
    manager = verified_client(member(house, Role.HOUSE_MANAGER))
    assert manager.get(f"/financiering/2026/huis/{house.pk}").status_code == 200
    assert manager.post(f"/financiering/2026/huis/{house.pk}", {"form": "cofinancing"}).status_code == 403
