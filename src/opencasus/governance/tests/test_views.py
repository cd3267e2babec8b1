"""The steering pages end to end: the agenda, a new meeting, an action's status, and the owner's start page."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from opencasus.core.tests.world import in_days
from opencasus.governance import services
from opencasus.governance.models import ActionStatus, GovernanceMeeting, MeetingAction, PriorityTheme
from opencasus.governance.tests.factories import make_steering_world

pytestmark = pytest.mark.django_db


def test_the_agenda_page_lists_and_adds_themes_and_keeps_bad_input(verified_client: Any) -> None:
    sw = make_steering_world()
    client = verified_client(sw.steering)
    year = timezone.localdate().year
    page = client.get("/sturing/").content.decode()
    assert "Ondermijning" in page
    assert "Huiselijk geweld" in page
    assert "Stuurgroep" in page
    data = {"region": sw.world.house.region_id, "year": year, "name": "Ondermijning", "aims": "Dubbel."}
    refused = client.post("/sturing/", data).content.decode()
    assert "al een thema met deze naam" in refused
    assert "Dubbel." in refused
    assert client.post("/sturing/", {**data, "name": "Wijk Crabbehof"}).status_code == 302
    assert PriorityTheme.objects.filter(name="Wijk Crabbehof", year=year).exists()
    assert verified_client(sw.world.director).post("/sturing/", {**data, "name": "X"}).status_code == 403


def test_a_meeting_is_recorded_on_the_page_and_the_owner_reports_done(verified_client: Any) -> None:
    sw = make_steering_world()
    response = verified_client(sw.manager).post("/sturing/overleggen/nieuw", {
        "level": "tactical", "house": sw.world.house.pk, "date": timezone.localdate().isoformat(),
        "title": "Tactisch overleg januari"})
    meeting = GovernanceMeeting.objects.get(title="Tactisch overleg januari")
    assert response.status_code == 302
    assert meeting.house_id == sw.world.house.pk
    owner = sw.world.members["police_pro"]
    verified_client(sw.manager).post(f"/sturing/overleggen/{meeting.pk}", {
        "form": "action", "action-description": "Capaciteit regelen.", "action-owner": owner.pk,
        "action-deadline": in_days(3).isoformat()})
    action = MeetingAction.objects.get(meeting=meeting)
    page = verified_client(owner).post(f"/sturing/acties/{action.pk}", {"status": "done", "version": 1})
    assert page.status_code == 302
    assert MeetingAction.objects.get(pk=action.pk).status == ActionStatus.DONE


def test_overdue_actions_show_on_the_owners_start_page_with_a_count(verified_client: Any) -> None:
    sw = make_steering_world()
    action = services.action_add(actor=sw.steering, meeting_id=sw.meeting.pk, description="Rapportage opstellen.",
                                 owner_id=sw.manager.pk, deadline=in_days(1))
    MeetingAction.objects.filter(pk=action.pk).update(deadline=in_days(-2))
    page = verified_client(sw.manager).get("/").content.decode()
    assert "Mijn verlopen acties uit overleggen" in page
    assert "Rapportage opstellen." in page
    assert "Rapportage opstellen." not in verified_client(sw.steering).get("/").content.decode()
    listing = verified_client(sw.manager).get("/sturing/acties?overdue=1&mine=1").content.decode()
    assert "Rapportage opstellen." in listing
