"""The notification pages and the bell: own notifications only, another user's is missing (404)."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from opencasus.accounts.models import User
from opencasus.logbook.models import ProcessingRecord
from opencasus.notifications.models import Kind, Notification
from opencasus.notifications.services import notify
from opencasus.plans.tests.factories import World, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    w = world()
    notify(user_ids=[w.owner.pk], kind=Kind.HANDOVER, link=f"/casussen/{w.case.pk}", case_reference=w.case.reference,
           house_id=w.house.pk)
    notify(user_ids=[w.participant.pk], kind=Kind.ESCALATION, link="/opschalingen/1", case_reference="ANDER-1",
           house_id=w.house.pk)
    return w


def test_bell_shows_the_unread_count_and_the_list_only_own(w: World, verified_client: Callable[[User], Client]) -> None:
    client = verified_client(w.owner)
    start = client.get(reverse("core:start")).content.decode()
    assert "1 ongelezen" in start
    assert reverse("notifications:list") in start
    page = client.get(reverse("notifications:list")).content.decode()
    assert w.case.reference in page
    assert "ANDER-1" not in page
    assert "overgedragen" in page
    assert ProcessingRecord.objects.filter(object_type="notification-list", house_id=w.house.pk).exists()


def test_mark_read_opens_the_link_and_another_users_is_404(w: World, verified_client: Callable[[User], Client]) -> None:
    own = Notification.objects.get(user=w.owner)
    theirs = Notification.objects.get(user=w.participant)
    client = verified_client(w.owner)
    assert client.post(reverse("notifications:read", args=[theirs.pk])).status_code == 404
    response = client.post(reverse("notifications:read", args=[own.pk]), {"open": "1"})
    assert response.status_code == 302
    assert response["Location"] == own.link
    own.refresh_from_db()
    theirs.refresh_from_db()
    assert own.read_at is not None
    assert theirs.read_at is None
    assert "ongelezen" not in client.get(reverse("core:start")).content.decode()
    assert client.get(reverse("notifications:read", args=[own.pk])).status_code == 405


def test_mark_all_read(w: World, verified_client: Callable[[User], Client]) -> None:
    notify(user_ids=[w.owner.pk], kind=Kind.ESCALATION, link="/opschalingen/2", case_reference="X")
    client = verified_client(w.owner)
    assert client.post(reverse("notifications:read-all")).status_code == 302
    assert not Notification.objects.filter(user=w.owner, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=w.participant, read_at__isnull=True).exists()


@pytest.mark.parametrize("role", ["director", "secretary", "owner", "participant", "manager", "steering",
                                  "municipality_officer", "privacy_officer", "administrator",
                                  "other_house_director"])
def test_access_matrix_pages(w: World, verified_client: Callable[[User], Client], role: str) -> None:
    """Every role reaches its own list; nobody reaches another user's notification."""
    user = getattr(w, role)
    client = verified_client(user)
    assert client.get(reverse("notifications:list")).status_code == 200
    for note in Notification.objects.exclude(user=user):
        assert client.post(reverse("notifications:read", args=[note.pk])).status_code == 404


def test_anonymous_is_sent_to_login(w: World, client: Client) -> None:
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
