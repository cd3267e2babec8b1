"""The access matrix of the funding register: every role x every funding page and endpoint, in its own house,
in another region, and with a grant that is still pending. Hidden answers 404 like missing; a reader's change 403.
The register holds no case content, so nothing here writes or needs a processing-log record."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from opencasus.funding.tests.factories import cofinancing, funding_year, key_shares, region_split
from opencasus.network.models import MUNICIPALITY_ROLES, Approval, Membership, Role
from opencasus.network.tests.factories import HouseFactory, member, municipality, region

pytestmark = pytest.mark.django_db

HM, MO = Role.HOUSE_MANAGER, Role.MUNICIPALITY_OFFICER
SG, FA = Role.STEERING_GROUP_MEMBER, Role.FUNCTIONAL_ADMINISTRATOR
NO = Role.NATIONAL_OFFICER


@dataclass(frozen=True)
class Resource:
    name: str
    readers: frozenset[str]
    editors: frozenset[str] = frozenset()


RESOURCES = [
    Resource("year", frozenset({HM, MO, SG, FA, NO}), frozenset({FA, NO})),
    Resource("split", frozenset({HM, MO, SG, FA}), frozenset({FA})),
    Resource("house", frozenset({HM, SG, FA}), frozenset({FA})),
    Resource("house-report", frozenset({HM, SG, FA})),
    Resource("municipality-report", frozenset({HM, MO, SG, FA})),
    Resource("region-report", frozenset({SG, FA})),
]


@dataclass
class Scene:
    house: Any
    cofinancing_id: int


def _scene() -> Scene:
    zhz = region("VR18")
    house, second = HouseFactory.create(region=zhz), HouseFactory.create(region=zhz)
    funding_year(2026)
    region_split(2026, {house: Decimal(50), second: Decimal(50)})
    row = cofinancing(house, municipality("GM0505"))
    return Scene(house, row.pk)


def _reads(s: Scene, name: str) -> list[str]:
    return {
        "year": ["/financiering/2026", "/api/v1/funding-years/2026", "/api/v1/funding-years"],
        "split": ["/financiering/2026/verdeling/VR18", "/api/v1/funding-years/2026/region-splits/VR18"],
        "house": [f"/financiering/2026/huis/{s.house.pk}", f"/api/v1/co-financings/{s.cofinancing_id}"],
        "house-report": [f"/financiering/2026/jaarverslag/huizen/{s.house.pk}",
                         f"/financiering/2026/jaarverslag/huizen/{s.house.pk}.csv",
                         f"/api/v1/houses/{s.house.pk}/funding-reports/2026"],
        "municipality-report": ["/financiering/2026/jaarverslag/gemeenten/GM0505",
                                "/api/v1/municipalities/GM0505/funding-reports/2026"],
        "region-report": ["/financiering/2026/jaarverslag/regios/VR18", "/api/v1/regions/VR18/funding-reports/2026"],
    }[name]


def _write(s: Scene, name: str, client: Any) -> int | None:
    """The status of a valid change of the resource through the API (None: the resource has no change)."""
    if name == "year":
        body = {"amountCents": 770_000_000, "amountSource": "Rijk", "keySource": "BVS", "keyYear": 2026,
                "exampleKey": True, "version": 1,
                "shares": [{"regionCode": c, "share": str(v)} for c, v in key_shares().items()]}
        return int(client.put("/api/v1/funding-years/2026", body, format="json").status_code)
    if name == "split":
        body = {"decidedDate": "2026-01-05", "reference": "SG", "text": "Besluit", "version": 1,
                "shares": [{"houseId": h.pk, "share": "50.00"} for h in s.house.region.houses.all()]}
        return int(client.put("/api/v1/funding-years/2026/region-splits/VR18", body, format="json").status_code)
    if name == "house":
        body = {"method": "fixed", "cents": 5, "agreement": "Afspraak", "version": 1}
        return int(client.put(f"/api/v1/co-financings/{s.cofinancing_id}", body, format="json").status_code)
    return None


def _client(kind: str, path: str, api_client: Any, verified_client: Any, user: Any) -> Any:
    return api_client(user) if path.startswith("/api/") else verified_client(user)


@pytest.mark.parametrize("relation", ["own_house", "other_region", "grant_pending"])
@pytest.mark.parametrize("role", list(Role.values))
def test_funding_access(role: str, relation: str, api_client: Any, verified_client: Any) -> None:
    s = _scene()
    home = s.house if relation != "other_region" else HouseFactory.create(region=region("VR05"))
    extra: dict[str, Any] = {"municipality": municipality("GM0505" if relation != "other_region" else "GM0153")} \
        if role in MUNICIPALITY_ROLES else {}
    user = member(home, role, **extra)
    if relation == "grant_pending":
        Membership.objects.filter(user=user).update(approval=Approval.PENDING)
    active = relation == "own_house"
    for resource in RESOURCES:
        # The national year is national data: every reader of any region reads it.
        reads = role in resource.readers and (active or (resource.name == "year" and relation == "other_region"))
        for path in _reads(s, resource.name):
            response = _client(resource.name, path, api_client, verified_client, user).get(path)
            expected = 200 if reads else 404
            assert response.status_code == expected, (role, relation, path, response.status_code)
        status = _write(s, resource.name, api_client(user))
        if status is None:
            continue
        edits = role in resource.editors and (active or (resource.name == "year" and relation == "other_region"))
        assert status == (200 if edits else 403 if reads else 404), (role, relation, resource.name, status)
