"""Bad input for steering: priority themes, meetings, their items and actions, and an action's status (API and
pages)."""

from __future__ import annotations

from opencasus.core.tests.bad_input.common import Endpoint, Target, catalogue, choice, date, name, number, ref, text
from opencasus.core.tests.world import in_days
from opencasus.governance import services
from opencasus.governance.tests.factories import make_steering_world


def _theme() -> Target:
    sw = make_steering_world()
    return Target(sw.steering, "/api/v1/priority-themes",
                  {"regionId": sw.world.house.region_id, "year": 2026, "name": "Jeugdoverlast", "aims": "Minder."})


def _theme_change() -> Target:
    sw = make_steering_world()
    return Target(sw.manager, f"/api/v1/priority-themes/{sw.themes[0].pk}",
                  {"name": "Ondermijning", "aims": "Scherpere doelen.", "version": 1}, method="put")


def _meeting() -> Target:
    sw = make_steering_world()
    return Target(sw.steering, "/api/v1/governance-meetings",
                  {"level": "strategic", "houseId": sw.world.house.pk, "meetingDate": "2026-03-02",
                   "title": "Stuurgroep maart"})


def _decision() -> Target:
    sw = make_steering_world()
    return Target(sw.steering, f"/api/v1/governance-meetings/{sw.meeting.pk}/decisions",
                  {"text": "Besluit.", "themeId": sw.themes[0].pk})


def _action() -> Target:
    sw = make_steering_world()
    return Target(sw.steering, f"/api/v1/governance-meetings/{sw.meeting.pk}/actions",
                  {"description": "Actie.", "ownerId": sw.manager.pk, "deadlineDate": in_days(7).isoformat()})


def _status() -> Target:
    sw = make_steering_world()
    action = services.action_add(actor=sw.steering, meeting_id=sw.meeting.pk, description="Actie.",
                                 owner_id=sw.manager.pk, deadline=in_days(7))
    return Target(sw.manager, f"/api/v1/meeting-actions/{action.pk}/status-changes", {"status": "done"})


API = {
    "priority theme": Endpoint(_theme, [*name("name"), *text("aims"), *ref("regionId"),
                                        *number("year", low=2000, high=2100)],
                               legitimate=["aims"], names=["name"]),
    "priority theme change": Endpoint(_theme_change, [*name("name"), *text("aims"),
                                                      ("version as text", "version", "twee")], legitimate=["aims"]),
    "meeting": Endpoint(_meeting, [*choice("level"), *ref("houseId"), *date("meetingDate"), *name("title")],
                        names=["title"]),
    "decision": Endpoint(_decision, [*text("text"), *ref("themeId", required=False)], legitimate=["text"]),
    "action": Endpoint(_action, [*text("description"), *ref("ownerId"), *date("deadlineDate"),
                                 *ref("decisionId", required=False)], legitimate=["description"]),
    "action status": Endpoint(_status, [*choice("status"), ("version as text", "version", "twee")]),
}


def _theme_page() -> Target:
    sw = make_steering_world()
    return Target(sw.steering, "/sturing/", {"region": str(sw.world.house.region_id), "year": "2026",
                                             "name": "Jeugdoverlast", "aims": "Minder overlast."})


def _meeting_page() -> Target:
    sw = make_steering_world()
    return Target(sw.steering, "/sturing/overleggen/nieuw",
                  {"level": "strategic", "house": str(sw.world.house.pk), "date": "2026-03-02", "title": "Stuurgroep"})


def _action_page() -> Target:
    sw = make_steering_world()
    return Target(sw.steering, f"/sturing/overleggen/{sw.meeting.pk}",
                  {"form": "action", "action-description": "Actie.", "action-owner": str(sw.manager.pk),
                   "action-deadline": in_days(7).isoformat()})


PAGES = {
    "priority theme": Endpoint(_theme_page, [*name("name", api=False), *text("aims", api=False)],
                               legitimate=["aims"], names=["name"]),
    "meeting": Endpoint(_meeting_page, [*choice("level", api=False), *ref("house", api=False),
                                        *date("date", api=False), *name("title", api=False)], names=["title"]),
    "action": Endpoint(_action_page, [*text("action-description", api=False), *ref("action-owner", api=False),
                                      *date("action-deadline", api=False)], legitimate=["action-description"]),
}


test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
