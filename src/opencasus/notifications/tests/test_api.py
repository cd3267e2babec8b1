"""GET /api/v1/notifications (own only), PATCH /api/v1/notifications/{id} to mark read; another user's is 404."""

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from opencasus.accounts.models import User
from opencasus.notifications.models import Kind, Notification
from opencasus.notifications.services import notify
from opencasus.plans.tests.factories import World, world

pytestmark = pytest.mark.django_db

ROLES = ["director", "secretary", "owner", "participant", "manager", "steering", "municipality_officer",
         "privacy_officer", "administrator", "other_house_director"]


@pytest.fixture
def w() -> World:
    w = world()
    for role in ROLES:
        notify(user_ids=[getattr(w, role).pk], kind=Kind.ESCALATION, link="/opschalingen/1",
               case_reference=f"REF-{role}"[:30], house_id=w.house.pk)
    return w


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_and_marks_only_its_own(w: World, api_client: Callable[[User], APIClient], role: str) -> None:
    user = getattr(w, role)
    client = api_client(user)
    response = client.get("/api/v1/notifications")
    assert response.status_code == 200
    items = response.json()["results"] if "results" in response.json() else response.json()
    assert [i["caseReference"] for i in items] == [f"REF-{role}"[:30]]
    assert items[0]["url"].endswith("/opschalingen/1")
    assert items[0]["read"] is False
    own = Notification.objects.get(user=user)
    for other in Notification.objects.exclude(user=user):
        assert client.get(f"/api/v1/notifications/{other.pk}").status_code == 404
        assert client.patch(f"/api/v1/notifications/{other.pk}", {"read": True}, format="json").status_code == 404
    response = client.patch(f"/api/v1/notifications/{own.pk}", {"read": True}, format="json")
    assert response.status_code == 200
    assert response.json()["read"] is True
    assert Notification.objects.filter(read_at__isnull=False).count() == 1
    assert client.get("/api/v1/notifications?unread=true").json()["results"] == []


def test_bad_input(w: World, api_client: Callable[[User], APIClient]) -> None:
    own = Notification.objects.get(user=w.owner)
    client = api_client(w.owner)
    assert client.patch(f"/api/v1/notifications/{own.pk}", {"read": False}, format="json").status_code == 400
    assert client.patch(f"/api/v1/notifications/{own.pk}", {}, format="json").status_code == 400
    assert client.patch(f"/api/v1/notifications/{own.pk}", {"read": "misschien"}, format="json").status_code == 400
    assert client.get("/api/v1/notifications/999999").status_code == 404
    own.refresh_from_db()
    assert own.read_at is None


def test_anonymous_is_refused(w: World) -> None:
    assert APIClient().get("/api/v1/notifications").status_code == 401
