from __future__ import annotations

from decimal import Decimal

import pytest

from opencasus.funding.tests.factories import NATIONAL_CENTS, cofinancing, funding_year, key_shares
from opencasus.network.models import Role
from opencasus.network.tests.factories import HouseFactory, member, municipality, region

pytestmark = pytest.mark.django_db


def _body(shares: dict[str, Decimal]) -> dict[str, object]:
    return {"amountCents": NATIONAL_CENTS, "amountSource": "Rijk", "keySource": "BVS", "keyYear": 2025,
            "exampleKey": False, "shares": [{"regionCode": c, "share": str(s)} for c, s in shares.items()]}


def test_the_year_is_set_and_read_with_its_split_over_the_seat_municipalities(api_client) -> None:  # type: ignore[no-untyped-def]
    client = api_client(member(HouseFactory.create(), Role.FUNCTIONAL_ADMINISTRATOR))
    assert client.put("/api/v1/funding-years/2026", _body(key_shares()), format="json").status_code == 428
    created = client.put("/api/v1/funding-years/2026", {**_body(key_shares()), "version": 0}, format="json")
    assert created.status_code == 200, created.content
    assert created["ETag"] == '"1"'
    data = created.json()
    assert sum(r["amountCents"] for r in data["regions"]) == NATIONAL_CENTS
    assert len(data["regions"]) == 25
    stale = client.put("/api/v1/funding-years/2026", _body(key_shares()), format="json", HTTP_IF_MATCH='"0"')
    assert stale.status_code == 409
    shares = key_shares()
    shares["VR01"] += Decimal("0.5")
    wrong = client.put("/api/v1/funding-years/2026", _body(shares), format="json", HTTP_IF_MATCH='"1"')
    assert wrong.status_code == 400
    assert wrong["Content-Type"] == "application/problem+json"
    assert client.get("/api/v1/funding-years").json()[0]["year"] == 2026


def test_the_split_the_reports_and_who_gets_404(api_client) -> None:  # type: ignore[no-untyped-def]
    zhz = region("VR18")
    house, second = HouseFactory.create(region=zhz), HouseFactory.create(region=zhz)
    funding_year(2026)
    admin = api_client(member(house, Role.FUNCTIONAL_ADMINISTRATOR))
    body = {"decidedDate": "2026-01-05", "reference": "SG-3", "text": "Besluit", "version": 0,
            "shares": [{"houseId": house.pk, "share": "55.00"}, {"houseId": second.pk, "share": "45.00"}]}
    saved = admin.put("/api/v1/funding-years/2026/region-splits/VR18", body, format="json")
    assert saved.status_code == 200, saved.content
    houses = saved.json()["houses"]
    assert sum(h["amountCents"] for h in houses) == saved.json()["regionAmountCents"]
    cofinancing(house, municipality("GM0505"))
    report = admin.get(f"/api/v1/houses/{house.pk}/funding-reports/2026")
    assert report.status_code == 200
    assert report.json()["incomeCents"] == houses[[h["houseId"] for h in houses].index(house.pk)]["amountCents"] \
        + 1_000_000
    director = api_client(member(house, Role.PROCESS_DIRECTOR))
    assert director.get(f"/api/v1/houses/{house.pk}/funding-reports/2026").status_code == 404
    assert director.get("/api/v1/funding-years/2026").status_code == 404
    other = api_client(member(HouseFactory.create(region=region("VR17")), Role.HOUSE_MANAGER))
    assert other.get(f"/api/v1/houses/{house.pk}/funding-reports/2026").status_code == 404
    assert other.get("/api/v1/funding-years/2026/region-splits/VR18").status_code == 404
    steering = api_client(member(house, Role.STEERING_GROUP_MEMBER))
    assert steering.get("/api/v1/regions/VR18/funding-reports/2026").status_code == 200
    assert steering.put("/api/v1/funding-years/2026/region-splits/VR18", {**body, "version": 1},
                        format="json").status_code == 403
