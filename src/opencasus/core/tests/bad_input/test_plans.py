"""Bad input for the integrated plan: goals, interventions, agreements, notes, adoption, evaluation,
escalation, closure and re-opening."""

from __future__ import annotations

from typing import Any

from opencasus.cases.models import Case
from opencasus.cases.vocabulary import LifeDomain
from opencasus.core.tests.bad_input.common import (
    DROP,
    Endpoint,
    Target,
    catalogue,
    choice,
    date,
    line,
    listing,
    ref,
    text,
)
from opencasus.network.models import Role
from opencasus.network.tests.factories import member
from opencasus.plans import services
from opencasus.plans.models import Agreement, Escalation, Goal, Plan
from opencasus.plans.tests.factories import in_days, world
from opencasus.plans.vocabulary import EscalationLevel

SOON = in_days(14).isoformat()
TODAY = in_days(0).isoformat()


def _planned() -> tuple[Any, Plan, Goal, Agreement]:
    w = world()
    services.plan_update(actor=w.director, case_id=w.case.pk, expected_version=None, director_organisation=w.police,
                         director_user=w.owner, evaluation_date=in_days(30))
    goal = services.goal_add(actor=w.director, case_id=w.case.pk, life_domain=LifeDomain.HOUSING,
                             description="Woning houden")
    agreement = services.agreement_create(actor=w.director, case_id=w.case.pk, description="Huisbezoek",
                                          owner_organisation=w.police, owner_user=w.owner, deadline=in_days(7))
    return w, Plan.objects.get(case=w.case), goal, Agreement.objects.get(pk=agreement.pk)


def _escalation() -> tuple[Any, Escalation]:
    w, _plan, _goal, _agreement = _planned()
    escalation = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=EscalationLevel.TACTICAL,
                                           organisation=w.police, reason="Levert niet")
    return w, Escalation.objects.get(pk=escalation.pk)


def _national() -> tuple[Any, Any, Escalation]:
    """An escalation raised to the national level, and a national programme officer."""
    w, _plan, _goal, _agreement = _planned()
    previous = None
    for level in (EscalationLevel.OPERATIONAL, EscalationLevel.TACTICAL, EscalationLevel.STRATEGIC,
                  EscalationLevel.NATIONAL):
        previous = services.escalation_raise(actor=w.director, case_id=w.case.pk, level=level, organisation=w.police,
                                             previous_id=previous.pk if previous else None, reason="Levert niet")
    assert previous is not None
    return w, member(w.house, Role.NATIONAL_OFFICER), Escalation.objects.get(pk=previous.pk)


def _national_respond() -> Target:
    _w, officer, escalation = _national()
    return Target(officer, f"/api/v1/national-escalations/{escalation.pk}", {
        "version": escalation.version, "response": "Opgepakt.", "outcome": "resolved"}, method="patch")


def _national_page() -> Target:
    _w, officer, escalation = _national()
    return Target(officer, f"/landelijk/opschalingen/{escalation.pk}", {
        "version": escalation.version, "response": "Opgepakt.", "outcome": "resolved"})


def _closed() -> Any:
    w = world()
    services.case_close(actor=w.director, case_id=w.case.pk, outcome="goals_reached")
    return w


def _version(w: Any) -> int:
    return Case.objects.get(pk=w.case.pk).version


def _plan() -> Target:
    w, plan, goal, _agreement = _planned()
    return Target(w.director, f"/api/v1/cases/{w.case.pk}/plan", {
        "version": plan.version, "directorOrganisationId": w.police.pk, "directorUserId": w.owner.pk,
        "evaluationDate": SOON,
        "goals": [{"id": goal.pk, "lifeDomain": "housing", "personId": w.persons[2].pk,
                   "description": "Woning houden"}],
        "interventions": [{"line": "care", "organisationId": w.care.pk, "personId": None,
                           "description": "Begeleiding thuis"}]}, method="put")


def _adopt() -> Target:
    w, plan, _goal, _agreement = _planned()
    return Target(w.director, f"/api/v1/cases/{w.case.pk}/plan/adopt",
                  {"version": plan.version, "meetingId": None, "note": "In het overleg vastgesteld."})


def _evaluation() -> Target:
    w, _plan, goal, _agreement = _planned()
    return Target(w.director, f"/api/v1/cases/{w.case.pk}/plan/evaluations", {
        "evaluatedOn": TODAY, "note": "Goed op weg.", "nextEvaluationDate": in_days(60).isoformat(),
        "results": [{"goalId": goal.pk, "result": "partly", "note": "Bijna."}]})


def _closure() -> Target:
    w = world()
    return Target(w.director, f"/api/v1/cases/{w.case.pk}/closure", {
        "version": _version(w), "outcome": "transferred", "handedOverToId": w.care.pk, "note": "Naar Rotterdam."})


def _reopen() -> Target:
    w = _closed()
    return Target(w.director, f"/api/v1/cases/{w.case.pk}/reopen", {"version": _version(w),
                                                                    "reason": "Nieuwe meldingen."})


def _agreement_create() -> Target:
    w, _plan, _goal, _agreement = _planned()
    return Target(w.director, "/api/v1/agreements", {
        "caseId": w.case.pk, "description": "Nieuw gesprek", "ownerOrganisationId": w.care.pk,
        "ownerUserId": None, "deadline": SOON, "source": "Casusoverleg"})


def _agreement_patch() -> Target:
    w, _plan, _goal, agreement = _planned()
    return Target(w.director, f"/api/v1/agreements/{agreement.pk}", {
        "version": agreement.version, "description": "Huisbezoek met wijkagent", "ownerOrganisationId": w.police.pk,
        "deadline": SOON, "status": "done", "progressNote": "Afgerond."}, method="patch")


def _note() -> Target:
    w, _plan, _goal, agreement = _planned()
    return Target(w.owner, f"/api/v1/agreements/{agreement.pk}/notes", {"text": "Gebeld, geen gehoor."})


def _escalation_create() -> Target:
    w, _plan, _goal, agreement = _planned()
    return Target(w.director, "/api/v1/escalations", {
        "caseId": w.case.pk, "level": "operational", "organisationId": w.care.pk, "agreementId": agreement.pk,
        "reason": "Levert niet.", "addressedTo": "Teamleider GGZ"})


def _escalation_respond() -> Target:
    w, escalation = _escalation()
    return Target(w.manager, f"/api/v1/escalations/{escalation.pk}", {
        "version": escalation.version, "response": "Opgepakt.", "outcome": "resolved"}, method="patch")


API = {
    "plan": Endpoint(_plan, [
        ("version as text", "version", "twee"), *ref("directorOrganisationId", required=False),
        *ref("directorUserId", required=False), *date("evaluationDate", required=False), *listing("goals"),
        ("goals: missing", "goals", DROP), *choice("goals.0.lifeDomain"), *ref("goals.0.personId", required=False),
        *text("goals.0.description"), ("goals: id of another plan's goal", "goals.0.id", 987654321),
        *listing("interventions"), *choice("interventions.0.line"), *ref("interventions.0.organisationId"),
        *text("interventions.0.description")],
        legitimate=["goals.0.description", "interventions.0.description"]),
    "adopt": Endpoint(_adopt, [("version as text", "version", "twee"),
                               *ref("meetingId", required=False),
                               *text("note", required=False)], legitimate=["note"]),
    "evaluation": Endpoint(_evaluation, [
        *date("evaluatedOn"), ("evaluatedOn: in the future", "evaluatedOn", SOON), *text("note", required=False),
        *date("nextEvaluationDate", required=False), *listing("results"), *ref("results.0.goalId"),
        *choice("results.0.result"), *line("results.0.note", required=False)],
        legitimate=["note"], names=["results.0.note"]),
    "closure": Endpoint(_closure, [
        ("version as text", "version", "twee"), *choice("outcome"), *ref("handedOverToId", required=False),
        *text("note", required=False)], legitimate=["note"]),
    "reopen": Endpoint(_reopen, [("version as text", "version", "twee"), *text("reason")], legitimate=["reason"]),
    "agreement create": Endpoint(_agreement_create, [
        *ref("caseId"), *text("description"), *ref("ownerOrganisationId"), *ref("ownerUserId", required=False),
        *date("deadline"), *line("source", required=False, limit=200)], legitimate=["description"], names=["source"]),
    "agreement update": Endpoint(_agreement_patch, [
        ("version as text", "version", "twee"), *text("description", required=False),
        *ref("ownerOrganisationId", required=False), *date("deadline", required=False),
        *choice("status", required=False), *text("progressNote", required=False)],
        legitimate=["description", "progressNote"]),
    "agreement note": Endpoint(_note, text("text"), legitimate=["text"]),
    "escalation raise": Endpoint(_escalation_create, [
        *ref("caseId"), *choice("level"), *ref("organisationId", required=False),
        *ref("agreementId", required=False), *ref("previousId", required=False), *text("reason"),
        *line("addressedTo", required=False, limit=300)], legitimate=["reason"], names=["addressedTo"]),
    "escalation response": Endpoint(_escalation_respond, [
        ("version as text", "version", "twee"), *text("response"), *choice("outcome")], legitimate=["response"]),
    "national escalation response": Endpoint(_national_respond, [
        ("version as text", "version", "twee"), *text("response"), *choice("outcome")], legitimate=["response"]),
}


def _page(path: str, data: dict[str, Any], user: str = "director", setup: Any = None) -> Any:
    def make() -> Target:
        w, plan, goal, agreement = _planned()
        values = {"case": w.case.pk, "agreement": agreement.pk, "goal": goal.pk}
        filled = {k.format(**values): (v(w, plan, goal, agreement) if callable(v) else v) for k, v in data.items()}
        return Target(getattr(w, user), path.format(**values), filled)
    return make


def _escalation_page() -> Target:
    w, escalation = _escalation()
    return Target(w.manager, f"/opschalingen/{escalation.pk}", {"version": escalation.version,
                                                                "response": "Opgepakt.", "outcome": "resolved"})


def _close_page() -> Target:
    w = world()
    return Target(w.director, f"/casussen/{w.case.pk}/afsluiten", {
        "version": _version(w), "outcome": "transferred", "handed_over_to": w.care.pk, "note": "Naar Rotterdam."})


def _reopen_page() -> Target:
    w = _closed()
    return Target(w.director, f"/casussen/{w.case.pk}/heropenen", {"version": _version(w),
                                                                   "reason": "Nieuwe meldingen."})


def _evaluation_page() -> Target:
    w, _plan, goal, _agreement = _planned()
    return Target(w.director, f"/casussen/{w.case.pk}/plan/evaluatie", {
        "evaluated_on": TODAY, "note": "Goed op weg.", "next_evaluation_date": in_days(60).isoformat(),
        f"result_{goal.pk}": "partly", f"note_{goal.pk}": "Bijna."})


PAGES = {
    "plan header": Endpoint(_page("/casussen/{case}/plan/regie", {
        "version": lambda w, p, g, a: p.version, "director_organisation": lambda w, *_: w.police.pk,
        "director_user": lambda w, *_: w.owner.pk, "evaluation_date": SOON}), [
        ("version as text", "version", "twee"), *ref("director_organisation", required=False, api=False),
        *ref("director_user", required=False, api=False), *date("evaluation_date", required=False, api=False)]),
    "goal": Endpoint(_page("/casussen/{case}/plan/doelen", {
        "life_domain": "income_money", "person": lambda w, *_: w.persons[2].pk, "description": "Schulden saneren"}), [
        *choice("life_domain", api=False), *ref("person", required=False, api=False),
        *text("description", api=False)], legitimate=["description"]),
    "intervention": Endpoint(_page("/casussen/{case}/plan/interventies", {
        "line": "care", "organisation": lambda w, *_: w.care.pk, "description": "Begeleiding thuis"}), [
        *choice("line", api=False), *ref("organisation", api=False), *text("description", api=False)],
        legitimate=["description"]),
    "agreement": Endpoint(_page("/casussen/{case}/plan/afspraken", {
        "description": "Nieuw gesprek", "owner_organisation": lambda w, *_: w.care.pk, "deadline": SOON}), [
        *text("description", api=False), *ref("owner_organisation", api=False),
        *ref("owner_user", required=False, api=False), *date("deadline", api=False)], legitimate=["description"]),
    "adopt": Endpoint(_page("/casussen/{case}/plan/vaststellen", {
        "version": lambda w, p, g, a: p.version, "note": "Vastgesteld."}), [
        ("version as text", "version", "twee"), *ref("meeting_id", required=False, api=False),
        ("meeting_id: zero", "meeting_id", "0"),
        *text("note", required=False, api=False)], legitimate=["note"]),
    "evaluation": Endpoint(_evaluation_page, [
        *date("evaluated_on", api=False), ("evaluated_on: in the future", "evaluated_on", SOON),
        *text("note", required=False, api=False), *date("next_evaluation_date", required=False, api=False)],
        legitimate=["note"]),
    "close": Endpoint(_close_page, [("version as text", "version", "twee"), *choice("outcome", api=False),
                                    *ref("handed_over_to", required=False, api=False),
                                    *text("note", required=False, api=False)], legitimate=["note"]),
    "reopen": Endpoint(_reopen_page, [("version as text", "version", "twee"), *text("reason", api=False)],
                       legitimate=["reason"]),
    "escalation raise": Endpoint(_page("/casussen/{case}/opschalen", {
        "level": "operational", "organisation": lambda w, *_: w.care.pk, "agreement": lambda w, p, g, a: a.pk,
        "reason": "Levert niet.", "addressed_to": "Teamleider GGZ"}), [
        *choice("level", api=False), *ref("organisation", api=False), *ref("agreement", required=False, api=False),
        *text("reason", api=False), *line("addressed_to", required=False, limit=300, api=False)],
        legitimate=["reason"], names=["addressed_to"]),
    "agreement status": Endpoint(_page("/afspraken/{agreement}/status", {
        "version": lambda w, p, g, a: a.version, "status": "done", "progress_note": "Afgerond."}), [
        ("version as text", "version", "twee"), *choice("status", api=False),
        *text("progress_note", required=False, api=False)], legitimate=["progress_note"]),
    "agreement edit": Endpoint(_page("/afspraken/{agreement}/wijzigen", {
        "version": lambda w, p, g, a: a.version, "description": "Huisbezoek met wijkagent",
        "owner_organisation": lambda w, *_: w.police.pk, "deadline": SOON}), [
        ("version as text", "version", "twee"), *text("description", api=False),
        *ref("owner_organisation", api=False), *date("deadline", api=False)], legitimate=["description"]),
    "agreement note": Endpoint(_page("/afspraken/{agreement}/notities", {"text": "Gebeld."}, user="owner"),
                               text("text", api=False), legitimate=["text"]),
    "escalation response": Endpoint(_escalation_page, [
        ("version as text", "version", "twee"), *text("response", api=False), *choice("outcome", api=False)],
        legitimate=["response"]),
    "national escalation response": Endpoint(_national_page, [
        ("version as text", "version", "twee"), *text("response", api=False), *choice("outcome", api=False)],
        legitimate=["response"]),
}

test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
