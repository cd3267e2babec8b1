"""Every actor x every regie scan page and endpoint. The officer of the municipality reads and answers its scan;
the house manager reads it; the house manager and functional administrator set the questionnaire. Anyone else
gets 404, exactly like a scan or house that does not exist."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.regiescan import services
from opencasus.regiescan.tests.factories import ScanWorld, scan_world

pytestmark = pytest.mark.django_db

ACTORS = ["officer", "other_municipality_officer", "other_house_officer", "director", "secretary", "participant",
          "manager", "steering", "municipality_officer", "privacy_officer", "administrator", "other_house_director"]


def actor(z: ScanWorld, name: str) -> User:
    named = {"officer": z.officers[0], "other_municipality_officer": z.officers[1],
             "other_house_officer": z.other_officer}
    if name in named:
        return named[name]
    if name == "director":
        return z.w.director
    if name == "secretary":
        return z.w.secretary
    return z.w.members.get(name) or z.w.director


def calls(z: ScanWorld, scan_id: int) -> list[tuple[str, str, str, frozenset[str], dict[str, Any] | None, int]]:
    h = z.house.pk
    readers = frozenset({"officer", "manager"})
    config = frozenset({"manager", "administrator"})
    return [
        ("page", "get", f"/regiescan/{scan_id}", readers, None, 200),
        ("api", "get", f"/api/v1/regie-scans/{scan_id}", readers, None, 200),
        ("api", "put", f"/api/v1/regie-scans/{scan_id}/answers", frozenset({"officer"}),
         {"answers": [], "version": 1}, 200),
        ("page", "get", f"/huizen/{h}/regiescan", config, None, 200),
        ("api", "get", f"/api/v1/houses/{h}/regie-scan-questionnaire", config, None, 200),
        ("page", "get", f"/huizen/{h}/regiescan/themas/nieuw", config, None, 200),
        ("page", "get", f"/huizen/{h}/regiescan/vragen/nieuw", config, None, 200),
    ]


@pytest.mark.parametrize("who", ACTORS)
def test_access_matrix(who: str, verified_client: Callable[[User], Client],
                       api_client: Callable[[User], APIClient]) -> None:
    z = scan_world()
    z.w.members.setdefault("participant", z.w.director)
    scan = services.scan_start(actor=z.officer, house_id=z.house.pk, municipality_id=z.municipalities[0].pk,
                               year=timezone.localdate().year)
    user = actor(z, who)
    page, api = verified_client(user), api_client(user)
    for kind, method, path, sees, data, ok in calls(z, scan.pk):
        client: Any = page if kind == "page" else api
        kwargs = {"format": "json"} if kind == "api" and data is not None else {}
        response = client.get(path) if data is None else getattr(client, method)(path, data, **kwargs)
        if who in sees:
            want = ok
        elif method != "get" and who == "manager":
            want = 403  # the house manager reads the scan, so refusing the write is no disclosure
        else:
            want = 404
        assert response.status_code == want, (path, method, who, response.status_code)
    listed = api.get("/api/v1/regie-scans").json()
    assert (scan.pk in [s["id"] for s in listed["results"]]) == (who in {"officer", "manager"})
