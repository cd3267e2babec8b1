"""The ZSM API: the advice with its version, and the question of the ZSM table."""

from __future__ import annotations

import pytest

from opencasus.core.tests.clients import ApiClient
from opencasus.zsm.tests.factories import BSN, zsm_world

pytestmark = pytest.mark.django_db


def test_the_advice_is_recorded_with_the_version_and_withdrawn(api_client: ApiClient) -> None:
    z = zsm_world()
    client = api_client(z.w.director)
    url = f"/api/v1/cases/{z.case.pk}/zsm-advice"
    first = client.get(url)
    assert first["ETag"] == '"0"'
    assert first.json()["text"] is None
    assert client.put(url, {"text": "Sepot."}, format="json").status_code == 428
    response = client.put(url, {"text": "Sepot."}, format="json", HTTP_IF_MATCH='"0"')
    assert response.status_code == 200
    assert response.json()["text"] == "Sepot."
    assert response["ETag"] == '"1"'
    assert client.put(url, {"text": "Taakstraf.", "version": 0}, format="json").status_code == 409
    assert client.delete(url, HTTP_IF_MATCH='"1"').status_code == 204
    assert client.get(url).json()["version"] == 0


def test_the_zsm_table_asks_by_bsn_and_learns_the_advice_and_the_contact_only(api_client: ApiClient) -> None:
    z = zsm_world()
    client = api_client(z.client)
    assert client.post("/api/v1/zsm-queries", {"bsn": BSN}, format="json").json() == {"known": False, "answers": []}
    api_client(z.w.director).put(f"/api/v1/cases/{z.case.pk}/zsm-advice", {"text": "Sepot.", "version": 0},
                                 format="json")
    body = client.post("/api/v1/zsm-queries", {"bsn": BSN}, format="json").json()
    assert body["known"] is True
    assert [sorted(a) for a in body["answers"]] == [["advice", "contact", "houseName", "recordedAt"]]
    text = str(body)
    for secret in (z.case.reference, z.person.first_name, z.person.last_name, BSN):
        assert secret not in text
