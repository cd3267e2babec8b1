"""Bad input for the Kindspoor: a child check in the API (create and change) and on its page. Every answer may be
left open (a check may be saved incomplete), so nothing is required but the child."""

from __future__ import annotations

import datetime as dt

from opencasus.childtrack.tests.factories import check_url, make_child_world, record_complete
from opencasus.core.tests.bad_input.common import Endpoint, Target, catalogue, choice, date, name, ref, text

TODAY = dt.date.today().isoformat()
TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()


def _body() -> dict[str, object]:
    return {"seenAndHeard": True, "seenOn": TODAY, "seenBy": "J. de Boer, Veilig Thuis", "safetyOutcome": "safe",
            "safetyNote": "Veiligheidsplan opgesteld.", "helpOffered": False, "veiligThuisInvolved": True,
            "veiligThuisReason": "Deed de melding.", "boardInvolved": False, "boardReason": "Vrijwillige hulp."}


def _create() -> Target:
    w = make_child_world(with_plan=False)
    return Target(w.director, f"/api/v1/cases/{w.case.pk}/child-checks", {**_body(), "personId": w.older.pk})


def _update() -> Target:
    w = make_child_world(with_plan=False)
    check = record_complete(w, w.older)
    return Target(w.director, f"/api/v1/child-checks/{check.pk}", {**_body(), "version": check.version},
                  method="put")


def _fields(*, api: bool = True) -> list[tuple[str, str, object]]:
    seen_on, seen_by, outcome = ("seenOn", "seenBy", "safetyOutcome") if api else ("seen_on", "seen_by",
                                                                                   "safety_outcome")
    notes = ("safetyNote", "veiligThuisReason", "boardReason") if api else ("safety_note", "veilig_thuis_reason",
                                                                            "board_reason")
    return [*date(seen_on, required=False, api=api), (f"{seen_on}: in the future", seen_on, TOMORROW),
            (f"{seen_on}: years before the intake", seen_on, "2001-01-01"),
            *name(seen_by, required=False, api=api), *choice(outcome, required=False, api=api),
            *[case for note in notes for case in text(note, required=False, api=api)]]


API = {
    "child check": Endpoint(_create, [*ref("personId"), *_fields()],
                            legitimate=["safetyNote", "veiligThuisReason", "boardReason"], names=["seenBy"]),
    "child check change": Endpoint(_update, _fields(), legitimate=["safetyNote", "veiligThuisReason", "boardReason"],
                                   names=["seenBy"]),
}


def _page() -> Target:
    w = make_child_world(with_plan=False)
    return Target(w.director, check_url(w.case.pk, w.older.pk), {
        "version": 0, "seen_and_heard": "yes", "seen_on": TODAY, "seen_by": "J. de Boer", "safety_outcome": "safe",
        "safety_note": "Plan.", "help_offered": "no", "veilig_thuis_involved": "yes",
        "veilig_thuis_reason": "Deed de melding.", "board_involved": "no", "board_reason": "Vrijwillige hulp."})


PAGES = {
    "child check": Endpoint(_page, [*_fields(api=False), *choice("seen_and_heard", required=False, api=False),
                                    *ref("help_organisation", required=False, api=False)],
                            legitimate=["safety_note", "veilig_thuis_reason", "board_reason"], names=["seen_by"]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
