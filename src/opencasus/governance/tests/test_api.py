"""The steering API's lists: who reads which priority themes and meeting records, and the filters."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from opencasus.governance.tests.factories import make_steering_world

pytestmark = pytest.mark.django_db


def _ids(response: Any) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


# Who reads the strategic meeting and the two priority themes of the house's region (access/governance.py).
READERS = {"steering": (True, True), "manager": (True, True), "director": (True, True),
           "municipality_officer": (False, False), "privacy_officer": (False, False),
           "administrator": (False, False), "police_pro": (False, False)}


@pytest.mark.parametrize(("who", "reads"), READERS.items())
def test_lists_show_each_reader_only_the_records_of_their_region(api_client: Any, who: str,
                                                                 reads: tuple[bool, bool]) -> None:
    sw = make_steering_world()
    w = sw.world
    user = w.director if who == "director" else w.members[who]
    client = api_client(user)
    themes, meetings = _ids(client.get("/api/v1/priority-themes")), _ids(client.get("/api/v1/governance-meetings"))
    assert themes == ({t.pk for t in sw.themes} if reads[0] else set())
    assert meetings == ({sw.meeting.pk} if reads[1] else set())
    assert sw.other_region_theme.pk not in themes


def test_the_region_level_and_year_filters(api_client: Any) -> None:
    sw = make_steering_world()
    client = api_client(sw.steering)
    region = sw.world.house.region_id
    year = timezone.localdate().year
    assert _ids(client.get("/api/v1/governance-meetings", {"regionId": region, "level": "strategic",
                                                            "year": year})) == {sw.meeting.pk}
    assert _ids(client.get("/api/v1/governance-meetings", {"level": "tactical"})) == set()
    assert _ids(client.get("/api/v1/governance-meetings", {"regionId": sw.other_region_theme.region_id})) == set()
    assert _ids(client.get("/api/v1/governance-meetings", {"year": year - 1})) == set()
    assert _ids(client.get("/api/v1/priority-themes", {"regionId": region})) == {t.pk for t in sw.themes}
    # The other region's steering group reads only its own theme.
    assert _ids(api_client(sw.other_region_steering).get("/api/v1/priority-themes")) == {sw.other_region_theme.pk}


@pytest.mark.parametrize("params", [{"regionId": "abc"}, {"regionId": "-1"}, {"level": "national"},
                                    {"year": "1800"}])
def test_unreadable_filters_are_refused_with_the_parameter_named(api_client: Any, params: dict[str, str]) -> None:
    sw = make_steering_world()
    client = api_client(sw.steering)
    for path in ("/api/v1/governance-meetings", "/api/v1/priority-themes"):
        if path.endswith("themes") and "level" in params:
            continue
        response = client.get(path, params)
        assert response.status_code == 400, (path, params, response.content)
        assert response["Content-Type"].startswith("application/problem+json")
        assert [p["name"] for p in response.json()["invalidParams"]] == list(params)
