"""Bad input for case conferences: meetings, agenda items, attendance, minutes and self-reports."""

from __future__ import annotations

import datetime as dt

from opencasus.core.tests.bad_input.common import (
    DROP,
    Endpoint,
    Target,
    catalogue,
    choice,
    date,
    line,
    listing,
    number,
    ref,
    text,
)
from opencasus.core.tests.world import World
from opencasus.meetings import invitations, minutes, services
from opencasus.meetings.models import AgendaItem, Meeting
from opencasus.meetings.tests.factories import admitted_case, meeting, setting

IN_A_WEEK = (dt.date.today() + dt.timedelta(days=7)).isoformat()


def _agenda() -> tuple[World, Meeting, AgendaItem]:
    s = setting()
    m = meeting(s)
    item = services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=admitted_case(s, [0, 1]).pk)
    return s, Meeting.objects.get(pk=m.pk), item


def _held() -> tuple[World, Meeting, AgendaItem]:
    """An agenda whose meeting took place yesterday: attendance and minutes follow the meeting."""
    s, m, item = _agenda()
    Meeting.objects.filter(pk=m.pk).update(date=dt.date.today() - dt.timedelta(days=1))
    return s, Meeting.objects.get(pk=m.pk), item


def _with_minutes() -> tuple[World, Meeting, AgendaItem]:
    s, m, item = _held()
    minutes.minutes_save(actor=s.director, meeting_id=m.pk, item_id=item.pk, picture_forming="Beeld",
                         judgement="Oordeel", decisions=[])
    return s, m, item


def _meeting_create() -> Target:
    s = setting()
    return Target(s.director, "/api/v1/meetings", {
        "houseId": s.house.pk, "meetingTypeId": s.meeting_type.pk, "date": IN_A_WEEK, "startTime": "14:00",
        "location": "Zaal 1", "videoLink": "https://video.example/overleg", "chairId": s.director.pk,
        "secretaryId": s.secretary.pk})


def _meeting_update() -> Target:
    s, m, _item = _agenda()
    return Target(s.director, f"/api/v1/meetings/{m.pk}", {"location": "Zaal 9", "date": IN_A_WEEK,
                                                          "startTime": "10:00", "version": m.version},
                  method="patch")


def _item_add() -> Target:
    s = setting()
    m = meeting(s)
    case = admitted_case(s, [0, 1])
    return Target(s.director, f"/api/v1/meetings/{m.pk}/agenda-items", {
        "caseId": case.pk, "minutes": 25, "organisationIds": [s.organisations[0].pk],
        "professionalIds": [s.professionals[0].pk]})


def _item_update() -> Target:
    s, m, item = _agenda()
    return Target(s.director, f"/api/v1/meetings/{m.pk}/agenda-items/{item.pk}", {
        "minutes": 30, "organisationIds": [s.organisations[0].pk], "professionalIds": [s.professionals[0].pk]},
        method="patch")


def _reorder() -> Target:
    s, m, item = _agenda()
    other = services.agenda_item_add(actor=s.director, meeting_id=m.pk, case_id=admitted_case(s, [2]).pk)
    return Target(s.director, f"/api/v1/meetings/{m.pk}/agenda-items/reorder", {"itemIds": [other.pk, item.pk]})


def _attendance() -> Target:
    s, m, _item = _held()
    invitations.invitations_send(actor=s.director, meeting_id=m.pk)
    return Target(s.director, f"/api/v1/meetings/{m.pk}/attendance",
                  {"attendance": [{"userId": s.professionals[0].pk, "attended": True}]}, method="put")


def _minutes() -> Target:
    s, m, item = _held()
    return Target(s.director, f"/api/v1/meetings/{m.pk}/agenda-items/{item.pk}/minutes", {
        "pictureForming": "Beeld", "judgement": "Oordeel", "decisions": [
            {"description": "Stopgesprek", "ownerOrganisationId": s.organisations[0].pk, "deadline": IN_A_WEEK}]},
        method="put")


def _approve() -> Target:
    s, m, item = _with_minutes()
    return Target(s.director, f"/api/v1/meetings/{m.pk}/agenda-items/{item.pk}/minutes/approve", {"version": 1})


def _self_report() -> Target:
    s, m, item = _agenda()
    return Target(s.director, "/api/v1/self-reports", {
        "caseId": item.case_id, "meetingId": m.pk, "kind": "conference", "goalsScore": 4, "cooperationScore": 5,
        "note": "Goed overleg."})


TIME = [("startTime: hour 25", "startTime", "25:00"), ("startTime: minute 60", "startTime", "14:60"),
        ("startTime: words", "startTime", "middag"), ("startTime: a number", "startTime", 1400)]
LINK = [("videoLink: javascript", "videoLink", "javascript:alert(1)"), ("videoLink: not a link", "videoLink", "zaal"),
        ("videoLink: 10,000 characters", "videoLink", "https://video.example/" + "a" * 10_000)]

API = {
    "meeting create": Endpoint(_meeting_create, [
        *ref("houseId"), *ref("meetingTypeId"), *date("date"), *TIME, ("startTime: missing", "startTime", DROP),
        *line("location", required=False, limit=200), *LINK, *ref("chairId", required=False),
        *ref("secretaryId", required=False)], names=["location"]),
    "meeting update": Endpoint(_meeting_update, [
        *date("date", required=False), *TIME, *line("location", required=False, limit=200), *LINK,
        ("version as text", "version", "twee"), ("chairId: no such user", "chairId", 987654321)],
        names=["location"]),
    "agenda item add": Endpoint(_item_add, [
        *ref("caseId"), *number("minutes", low=5, high=240, required=False), *listing("organisationIds"),
        ("organisationIds: no such organisation", "organisationIds", [987654321]), *listing("professionalIds"),
        ("professionalIds: text", "professionalIds", ["een"])]),
    "agenda item update": Endpoint(_item_update, [
        *number("minutes", low=5, high=240, required=False), *listing("organisationIds"),
        ("professionalIds: no such user", "professionalIds", [987654321])]),
    "reorder": Endpoint(_reorder, [*listing("itemIds"), ("itemIds: empty", "itemIds", []),
                                   ("itemIds: text", "itemIds", ["een"]), ("itemIds: missing", "itemIds", DROP),
                                   ("itemIds: no such item", "itemIds", [987654321])]),
    "attendance": Endpoint(_attendance, [
        *listing("attendance"), *ref("attendance.0.userId"),
        ("attended: words", "attendance.0.attended", "misschien"), ("attended: a list", "attendance.0.attended", [1]),
        ("attendance: missing", "attendance", DROP)]),
    "minutes": Endpoint(_minutes, [
        *text("pictureForming", required=False), *text("judgement", required=False), *listing("decisions"),
        *text("decisions.0.description"), *ref("decisions.0.ownerOrganisationId", required=False),
        *date("decisions.0.deadline", required=False), ("version as text", "version", "twee")],
        legitimate=["pictureForming", "judgement", "decisions.0.description"]),
    "approve": Endpoint(_approve, [("version as text", "version", "twee"), ("version as list", "version", [1])]),
    "self-report": Endpoint(_self_report, [
        *ref("caseId"), *ref("meetingId", required=False), *choice("kind"),
        *number("goalsScore", low=1, high=5), *number("cooperationScore", low=1, high=5),
        *text("note", required=False)], legitimate=["note"]),
}


def _meeting_create_page() -> Target:
    s = setting()
    return Target(s.director, "/overleggen/", {
        "house": s.house.pk, "meeting_type": s.meeting_type.pk, "date": IN_A_WEEK, "start_time": "14:00",
        "location": "Zaal 1", "video_link": "https://video.example/overleg", "chair": s.director.pk,
        "secretary": s.secretary.pk})


def _meeting_edit_page() -> Target:
    s, m, _item = _agenda()
    return Target(s.director, f"/overleggen/{m.pk}/bewerken/", {
        "meeting_type": s.meeting_type.pk, "date": IN_A_WEEK, "start_time": "10:00", "location": "Zaal 9",
        "video_link": "", "chair": s.director.pk, "secretary": s.secretary.pk, "version": m.version})


def _agenda_add_page() -> Target:
    s = setting()
    m = meeting(s)
    case = admitted_case(s, [0, 1])
    return Target(s.director, f"/overleggen/{m.pk}/agenda/toevoegen/", {"case": case.pk, "minutes": 25},
                  extra={"follow": True})


def _agenda_item_page() -> Target:
    s, m, item = _agenda()
    return Target(s.director, f"/overleggen/{m.pk}/punten/{item.pk}/", {
        "minutes": 30, "organisations": [s.organisations[0].pk], "professionals": [s.professionals[0].pk]})


def _minutes_page() -> Target:
    s, m, item = _held()
    return Target(s.director, f"/overleggen/{m.pk}/punten/{item.pk}/verslag/", {
        "picture_forming": "Beeld", "judgement": "Oordeel", "decisions-TOTAL_FORMS": "1",
        "decisions-INITIAL_FORMS": "0", "decisions-0-description": "Stopgesprek",
        "decisions-0-owner_organisation": s.organisations[0].pk, "decisions-0-deadline": IN_A_WEEK})


def _self_report_page() -> Target:
    s, m, item = _agenda()
    return Target(s.director, f"/overleggen/{m.pk}/punten/{item.pk}/stappenmeter/", {
        "kind": "conference", "goals_score": "4", "cooperation_score": "5", "note": "Goed overleg."})


def _status_page() -> Target:
    s, m, _item = _agenda()
    return Target(s.director, f"/overleggen/{m.pk}/status/", {"status": "held"}, extra={"follow": True})


def _approve_page() -> Target:
    s, m, item = _with_minutes()
    return Target(s.director, f"/overleggen/{m.pk}/punten/{item.pk}/verslag/vaststellen/", {"version": "1"},
                  extra={"follow": True})


PAGE_TIME = [("start_time: hour 25", "start_time", "25:00"), ("start_time: words", "start_time", "middag")]
PAGE_LINK = [("video_link: javascript", "video_link", "javascript:alert(1)"),
             ("video_link: 10,000 characters", "video_link", "https://video.example/" + "a" * 10_000)]

PAGES = {
    "meeting create": Endpoint(_meeting_create_page, [
        *ref("house", api=False), *ref("meeting_type", api=False), *date("date", api=False), *PAGE_TIME,
        *line("location", required=False, limit=200, api=False), *PAGE_LINK, *ref("chair", required=False, api=False)],
        names=["location"]),
    "meeting edit": Endpoint(_meeting_edit_page, [
        *date("date", api=False), *PAGE_TIME, *line("location", required=False, limit=200, api=False), *PAGE_LINK,
        ("version as text", "version", "twee")], names=["location"]),
    "agenda add": Endpoint(_agenda_add_page, [*ref("case", api=False),
                                              *number("minutes", low=5, high=240, required=False, api=False)]),
    "agenda item": Endpoint(_agenda_item_page, [
        *number("minutes", low=5, high=240, api=False), ("organisations: no such organisation", "organisations",
                                                         "987654321")]),
    "minutes": Endpoint(_minutes_page, [
        *text("picture_forming", required=False, api=False), *text("judgement", required=False, api=False),
        *text("decisions-0-description", required=False, api=False),
        *ref("decisions-0-owner_organisation", required=False, api=False),
        *date("decisions-0-deadline", required=False, api=False), ("version as text", "version", "twee")],
        legitimate=["picture_forming", "judgement", "decisions-0-description"]),
    "self-report": Endpoint(_self_report_page, [
        *choice("kind", api=False), *number("goals_score", low=1, high=5, api=False),
        *number("cooperation_score", low=1, high=5, api=False), *text("note", required=False, api=False)],
        legitimate=["note"]),
    "status": Endpoint(_status_page, [*choice("status", api=False)]),
    "approve": Endpoint(_approve_page, [("version as text", "version", "twee")]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
