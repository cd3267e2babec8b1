"""Done when: a steering group with two priority themes; triage marks matching intakes; the annual report counts
them; a strategic meeting records a decision and an action."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from opencasus.cases.models import Case
from opencasus.cases.workflow import Status
from opencasus.core.tests.world import in_days
from opencasus.governance import services
from opencasus.governance.models import ItemKind
from opencasus.governance.tests.factories import make_steering_world
from opencasus.plans.models import CaseClosure
from opencasus.plans.vocabulary import ClosureOutcome
from opencasus.reporting.selectors.annual import municipal_annual_report
from opencasus.triage import services as triage
from opencasus.triage.tests.factories import admit, intake, meets

pytestmark = pytest.mark.django_db


def _rows(report: Any, slug: str) -> dict[str, list[Any]]:
    table = next(t for t in report.tables if t.slug == slug)
    return {row.label: row.values for row in table.rows}


def test_themes_marked_at_triage_are_counted_in_the_annual_report_and_a_meeting_records_decisions(
        api_client: Any) -> None:
    sw = make_steering_world()
    w = sw.world
    undermining, domestic = sw.themes
    marked = []
    for _ in range(6):
        case = intake(w)
        triage.assessment_save(actor=w.director, case_id=case.pk, data=meets())
        triage.decision_record(actor=w.director, case_id=case.pk, notify_filer=False,
                               data=admit(w, priority_theme_id=undermining.pk))
        marked.append(case)
    routed = intake(w)
    triage.decision_record(actor=w.director, case_id=routed.pk, notify_filer=False, data=triage.DecisionInput(
        outcome="decline", grounds="Dubbele aanmelding.", priority_theme_id=domestic.pk))
    unmarked = intake(w)
    triage.decision_record(actor=w.director, case_id=unmarked.pk, notify_filer=False,
                           data=triage.DecisionInput(outcome="decline", grounds="Niet voor het huis."))
    for case in marked[:5]:  # five closed after ten days, goals reached
        closed_at = case.filed_at + dt.timedelta(days=10)
        Case.objects.filter(pk=case.pk).update(status=Status.CLOSED, closed_at=closed_at)
        CaseClosure.objects.create(case=case, outcome=ClosureOutcome.GOALS_REACHED, closed_by=w.director,
                                   closed_at=closed_at)

    report = municipal_annual_report(actor=sw.steering, code=marked[0].municipality.code,
                                     year=timezone.localdate().year)
    rows = _rows(report, "priority-themes")
    intakes, admitted, closed, median = rows["Ondermijning"]
    assert (intakes.value, admitted.value, closed.value, median) == (6, 6, 5, 10.0)
    assert rows["Huiselijk geweld"][0].suppressed  # one intake: below the threshold of 5
    assert rows["Huiselijk geweld"][1].value == 0
    assert rows["Huiselijk geweld"][3] is None
    outcomes = _rows(report, "priority-theme-outcomes")
    assert outcomes == {"Ondermijning: Doelen bereikt": [outcomes["Ondermijning: Doelen bereikt"][0]]}
    assert outcomes["Ondermijning: Doelen bereikt"][0].value == 5
    assert "Ondermijning" not in str(report.scope.label)

    meeting = sw.meeting
    decision = services.item_add(actor=sw.steering, meeting_id=meeting.pk, kind=ItemKind.DECISION,
                                 text="Ondermijningssignalen markeren op de weegtafel.", theme_id=undermining.pk)
    services.action_add(actor=sw.steering, meeting_id=meeting.pk, description="Werkafspraak opstellen.",
                        owner_id=sw.manager.pk, deadline=in_days(14), decision_id=decision.pk)
    body = api_client(sw.steering).get(f"/api/v1/governance-meetings/{meeting.pk}").json()
    assert [d["text"] for d in body["decisions"]] == ["Ondermijningssignalen markeren op de weegtafel."]
    assert body["decisions"][0]["themeName"] == "Ondermijning"
    assert [(a["description"], a["ownerId"], a["status"], a["decisionId"]) for a in body["actions"]] == [
        ("Werkafspraak opstellen.", sw.manager.pk, "open", decision.pk)]
    assert body["level"] == "strategic"
    assert body["mayEdit"] is True
