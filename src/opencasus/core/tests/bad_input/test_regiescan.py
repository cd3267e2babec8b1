"""Bad input for the regie scan (API and pages): starting a scan, its answers, the house's questionnaire."""

from __future__ import annotations

from django.utils import timezone

from opencasus.core.tests.bad_input.common import Endpoint, Target, catalogue, text
from opencasus.regiescan import selectors, services
from opencasus.regiescan.tests.factories import scan_world

YEAR = timezone.localdate().year


def _start() -> Target:
    z = scan_world()
    return Target(z.officer, "/api/v1/regie-scans",
                  {"houseId": z.house.pk, "municipalityCode": z.municipalities[0].code, "year": YEAR})


def _answers() -> Target:
    z = scan_world()
    scan = services.scan_start(actor=z.officer, house_id=z.house.pk, municipality_id=z.municipalities[0].pk,
                               year=YEAR)
    question = selectors.questionnaire(house_id=z.house.pk).active_questions[0]
    return Target(z.officer, f"/api/v1/regie-scans/{scan.pk}/answers",
                  {"answers": [{"questionId": question.pk, "value": 3}], "version": 1}, method="put")


def _theme() -> Target:
    z = scan_world()
    return Target(z.w.manager, f"/api/v1/houses/{z.house.pk}/regie-scan-themes",
                  {"name": "Preventie", "tip": "Begin vroeg."})


def _question() -> Target:
    z = scan_world()
    theme = selectors.questionnaire(house_id=z.house.pk).themes[0]
    return Target(z.w.manager, f"/api/v1/houses/{z.house.pk}/regie-scan-questions",
                  {"themeId": theme.pk, "text": "Kent u de cijfers?", "weight": 1})


def _settings() -> Target:
    z = scan_world()
    selectors.questionnaire(house_id=z.house.pk)
    return Target(z.w.manager, f"/api/v1/houses/{z.house.pk}/regie-scan-settings",
                  {"scalePoints": 5, "tipBelow": 60, "version": 1}, method="put")


API = {
    "regie scan start": Endpoint(_start, [
        ("year in the future", "year", YEAR + 1), ("year as text", "year", "dit jaar"), ("year 1999", "year", 1999),
        ("municipality code malformed", "municipalityCode", "Gorinchem"), ("houseId as text", "houseId", "een")]),
    "regie scan answers": Endpoint(_answers, [
        ("value above the scale", "answers.0.value", 6), ("value zero", "answers.0.value", 0),
        ("value as text", "answers.0.value", "veel"), ("questionId as text", "answers.0.questionId", "eerste"),
        ("answers not a list", "answers", "alles 3")]),
    "regie scan theme": Endpoint(_theme, [*text("name", limit=200), *text("tip", required=False, limit=10000)],
                                 legitimate=["tip"], names=["name"]),
    "regie scan question": Endpoint(_question, [*text("text", limit=1000), ("weight 6", "weight", 6),
                                                ("weight 0", "weight", 0)], legitimate=["text"]),
    "regie scan settings": Endpoint(_settings, [("scale 2", "scalePoints", 2), ("scale 11", "scalePoints", 11),
                                                ("tipBelow 101", "tipBelow", 101),
                                                ("tipBelow negative", "tipBelow", -1)]),
}


def _theme_page() -> Target:
    z = scan_world()
    return Target(z.w.manager, f"/huizen/{z.house.pk}/regiescan/themas/nieuw",
                  {"version": "0", "name": "Preventie", "tip": "Begin vroeg.", "position": "7", "active": "on"})


def _start_page() -> Target:
    z = scan_world()
    return Target(z.officer, "/regiescan/starten", {"target": f"{z.house.pk}:{z.municipalities[0].pk}",
                                                    "year": str(YEAR)})


PAGES = {
    "regie scan theme": Endpoint(_theme_page, [*text("name", limit=200, api=False),
                                               ("position as text", "position", "eerste")], names=["name"]),
    "regie scan start": Endpoint(_start_page, [("year in the future", "year", str(YEAR + 1)),
                                               ("another municipality", "target", "1:999999")]),
}


test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
