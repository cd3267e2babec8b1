from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.childtrack.models import ChildCheck
from opencasus.childtrack.tests.factories import make_child_world, record_complete

pytestmark = pytest.mark.django_db


def _body(w, **changes: Any) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    body = {"seenAndHeard": True, "seenOn": timezone.localdate().isoformat(), "seenBy": "J. de Boer",
            "safetyOutcome": "safe", "helpOffered": True, "helpOrganisationId": w.youth.pk,
            "veiligThuisInvolved": False, "veiligThuisReason": "Geen signalen van acuut gevaar.",
            "boardInvolved": False, "boardReason": "Vrijwillige hulp loopt."}
    body.update(changes)
    return body


def test_create_get_update_with_etag(api_client: Callable[[User], APIClient]) -> None:
    w = make_child_world()
    api = api_client(w.participant)
    created = api.post(f"/api/v1/cases/{w.case.pk}/child-checks", {**_body(w), "personId": w.older.pk},
                       format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["complete"] is True
    assert data["childName"] == "Noor Jansen"
    assert data["missing"] == []
    assert created["ETag"] == '"1"'
    again = api.post(f"/api/v1/cases/{w.case.pk}/child-checks", {**_body(w), "personId": w.older.pk},
                     format="json")
    assert again.status_code == 409
    detail = api.get(f"/api/v1/child-checks/{data['id']}")
    assert detail.status_code == 200
    assert detail["ETag"] == '"1"'
    no_version = api.put(f"/api/v1/child-checks/{data['id']}", _body(w), format="json")
    assert no_version.status_code == 428
    updated = api.put(f"/api/v1/child-checks/{data['id']}", _body(w, boardInvolved=None), format="json",
                      HTTP_IF_MATCH='"1"')
    assert updated.status_code == 200
    assert updated.json()["complete"] is False
    assert updated.json()["missing"] == ["board"]
    assert updated["ETag"] == '"2"'
    stale = api.put(f"/api/v1/child-checks/{data['id']}", {**_body(w), "version": 1}, format="json")
    assert stale.status_code == 409
    assert stale["Content-Type"] == "application/problem+json"


def test_list_and_child_track(api_client: Callable[[User], APIClient]) -> None:
    w = make_child_world()
    record_complete(w, w.older)
    api = api_client(w.director)
    listed = api.get(f"/api/v1/cases/{w.case.pk}/child-checks")
    assert listed.status_code == 200
    assert [c["personId"] for c in listed.json()] == [w.older.pk]
    track = api.get(f"/api/v1/cases/{w.case.pk}/child-track").json()
    assert track["applies"] is True
    assert track["domesticViolence"] is True
    assert track["missing"] == ["Daan Jansen"]
    assert [(c["name"], c["complete"]) for c in track["children"]] == [("Noor Jansen", True), ("Daan Jansen", False)]


def test_bad_input_is_400(api_client: Callable[[User], APIClient]) -> None:
    w = make_child_world()
    api = api_client(w.director)
    path = f"/api/v1/cases/{w.case.pk}/child-checks"
    for body, name in [({**_body(w), "personId": w.parent.pk}, "personId"),
                       ({**_body(w), "personId": w.older.pk, "safetyOutcome": "fine"}, "safetyOutcome"),
                       ({**_body(w), "personId": w.older.pk, "helpOffered": False}, "helpOrganisation"),
                       ({**_body(w), "personId": w.older.pk, "seenBy": "x" * 201}, "seenBy")]:
        response = api.post(path, body, format="json")
        assert response.status_code == 400, (name, response.content)
        assert name in {p["name"] for p in response.json()["invalidParams"]}, (name, response.json())
    assert not ChildCheck.objects.exists()


def test_adoption_refused_in_the_api(api_client: Callable[[User], APIClient]) -> None:
    w = make_child_world()
    api = api_client(w.director)
    refused = api.post(f"/api/v1/cases/{w.case.pk}/plan/adopt", {}, format="json")
    assert refused.status_code == 400, refused.content
    assert "Noor Jansen" in refused.content.decode()
    record_complete(w, w.older)
    record_complete(w, w.younger)
    assert api.post(f"/api/v1/cases/{w.case.pk}/plan/adopt", {}, format="json").status_code in (200, 201)


def test_switched_off_answers_404(api_client: Callable[[User], APIClient]) -> None:
    w = make_child_world(enabled=False)
    api = api_client(w.director)
    assert api.get(f"/api/v1/cases/{w.case.pk}/child-checks").status_code == 404
    assert api.get(f"/api/v1/cases/{w.case.pk}/child-track").status_code == 404
    assert api.post(f"/api/v1/cases/{w.case.pk}/child-checks", {**_body(w), "personId": w.older.pk},
                    format="json").status_code == 404


def test_flag_through_the_api(api_client: Callable[[User], APIClient]) -> None:
    from opencasus.childtrack.models import DomesticViolenceFlag, DomesticViolenceTargetGroup

    w = make_child_world()
    DomesticViolenceTargetGroup.objects.all().delete()
    path = f"/api/v1/cases/{w.case.pk}/domestic-violence-flag"
    assert api_client(w.participant).put(path, {"flagged": True}, format="json").status_code == 404
    response = api_client(w.director).put(path, {"flagged": True, "note": "Bij triage gezien."}, format="json")
    assert response.status_code == 200
    assert response.json()["applies"] is True
    assert DomesticViolenceFlag.objects.filter(case=w.case).exists()
    assert api_client(w.director).put(path, {"flagged": False}, format="json").json()["domesticViolence"] is False
    assert api_client(w.director).put(path, {}, format="json").status_code == 400
