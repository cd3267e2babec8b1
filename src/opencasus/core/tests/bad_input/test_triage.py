"""Bad input for the triage: the assessment, the decision and the participants (API and pages)."""

from __future__ import annotations

from opencasus.cases.models import Participant
from opencasus.core.tests.bad_input.common import (
    Endpoint,
    Target,
    catalogue,
    choice,
    line,
    listing,
    ref,
    text,
)
from opencasus.network.models import Organisation, Role
from opencasus.network.tests.factories import OrganisationFactory, member
from opencasus.triage import services
from opencasus.triage.tests.factories import admit, intake, make_world, meets


def _assessment() -> Target:
    w = make_world()
    case = intake(w)
    body = {"criteria": [{"criterion": "multiple_problems", "answer": "yes", "explanation": "Schulden."},
                         {"criterion": "multiple_chains", "answer": "yes", "explanation": "Zorg en straf."},
                         {"criterion": "system_impact", "answer": "yes", "explanation": "Kinderen."},
                         {"criterion": "area_safety", "answer": "unknown"}],
            "lifeDomains": [{"lifeDomain": "housing", "note": "Huurachterstand."}],
            "localCriteria": [{"criterionId": w.criterion.pk, "answer": "yes", "explanation": "Twee kinderen."}]}
    return Target(w.director, f"/api/v1/cases/{case.pk}/triage-assessment", body, method="put")


def _in_triage() -> tuple[object, object]:
    w = make_world()
    case = intake(w)
    services.assessment_save(actor=w.director, case_id=case.pk, data=meets())
    return w, case


def _decision() -> Target:
    w, case = _in_triage()
    body = {"outcome": "admit", "grounds": "Voldoet.", "purpose": "Recidive voorkomen.", "questions": "Regie?",
            "meetingTypeId": w.meeting_type.pk, "organisationIds": [w.police.pk],  # type: ignore[attr-defined]
            "professionals": [{"userId": w.police_pro.pk, "organisationId": w.police.pk}],  # type: ignore[attr-defined]
            "messageToFiler": "Dank voor de aanmelding."}
    return Target(w.director, f"/api/v1/cases/{case.pk}/triage-decision", body)  # type: ignore[attr-defined]


def _admitted() -> tuple[object, object]:
    w, case = _in_triage()
    services.decision_record(actor=w.director, case_id=case.pk, data=admit(w))  # type: ignore[attr-defined,arg-type]
    return w, case


def _newcomer(w: object) -> Organisation:
    """An organisation of the house with a covenant that does not yet take part in the case."""
    organisation = OrganisationFactory.create()
    member(w.house, Role.PARTNER_PROFESSIONAL, organisation)  # type: ignore[attr-defined]
    return organisation


def _participant_add() -> Target:
    w, case = _admitted()
    return Target(w.director, f"/api/v1/cases/{case.pk}/participants",  # type: ignore[attr-defined]
                  {"organisationId": _newcomer(w).pk, "reason": "Toezicht nodig."})


def _participant_end() -> Target:
    w, case = _admitted()
    row = Participant.objects.get(case=case, user=w.police_pro)  # type: ignore[attr-defined]
    return Target(w.director, f"/api/v1/cases/{case.pk}/participants/{row.pk}/end",  # type: ignore[attr-defined]
                  {"reason": "Niet meer nodig."})


API = {
    "assessment": Endpoint(_assessment, [
        *listing("criteria"), *choice("criteria.0.criterion"), *choice("criteria.0.answer"),
        *text("criteria.0.explanation", required=False), *choice("lifeDomains.0.lifeDomain"),
        *text("lifeDomains.0.note", required=False), *ref("localCriteria.0.criterionId"),
        *text("localCriteria.0.explanation", required=False), *choice("overrideVerdict", required=False),
        ("version as text", "version", "twee"),
    ], legitimate=["criteria.0.explanation", "lifeDomains.0.note", "localCriteria.0.explanation"]),
    "decision": Endpoint(_decision, [
        *choice("outcome"), *text("grounds"), *text("purpose", required=False), *text("questions", required=False),
        *text("advice", required=False), *choice("routedTo", required=False),
        *line("routedToDetail", required=False, limit=200), *ref("meetingTypeId", required=False),
        *listing("organisationIds"), ("organisationIds: no such organisation", "organisationIds", [987654321]),
        ("organisationIds: text", "organisationIds", ["politie"]), *listing("professionals"),
        *ref("professionals.0.userId"), *text("messageToFiler", required=False),
        ("caseVersion as text", "caseVersion", "twee"),
    ], legitimate=["grounds", "purpose", "questions", "messageToFiler"]),
    "participant add": Endpoint(_participant_add, [*ref("organisationId"), *ref("userId", required=False),
                                                   *text("reason")], legitimate=["reason"]),
    "participant end": Endpoint(_participant_end, text("reason", limit=500), legitimate=["reason"]),
}



def _assessment_page() -> Target:
    w = make_world()
    case = intake(w)
    data = {"multiple_problems": "yes", "multiple_problems_explanation": "Schulden.", "multiple_chains": "yes",
            "multiple_chains_explanation": "Zorg en straf.", "system_impact": "no",
            "system_impact_explanation": "Geen.", "area_safety": "unknown", "domain_housing": "on",
            "domain_housing_note": "Huurachterstand.", f"local_{w.criterion.pk}_answer": "yes",
            f"local_{w.criterion.pk}_explanation": "Twee kinderen."}
    return Target(w.director, f"/weegoverleg/zaken/{case.pk}/beoordeling", data)


def _decision_page() -> Target:
    w, case = _in_triage()
    data = {"outcome": "admit", "grounds": "Voldoet.", "purpose": "Recidive voorkomen.", "questions": "Regie?",
            "meeting_type": w.meeting_type.pk, "organisations": [w.police.pk],  # type: ignore[attr-defined]
            "message_to_filer": "Dank."}
    return Target(w.director, f"/weegoverleg/zaken/{case.pk}/besluit", data)  # type: ignore[attr-defined]


def _participants_page() -> Target:
    w, case = _admitted()
    return Target(w.director, f"/weegoverleg/zaken/{case.pk}/deelnemers",  # type: ignore[attr-defined]
                  {"participant": f"org:{_newcomer(w).pk}", "reason": "Toezicht nodig."})


def _participant_end_page() -> Target:
    w, case = _admitted()
    row = Participant.objects.get(case=case, user=w.police_pro)  # type: ignore[attr-defined]
    return Target(w.director, f"/weegoverleg/zaken/{case.pk}/deelnemers/{row.pk}/beeindigen",  # type: ignore[attr-defined]
                  {"reason": "Niet meer nodig."})


PAGES = {
    "assessment": Endpoint(_assessment_page, [
        *choice("multiple_problems", api=False), *text("multiple_problems_explanation", required=False, api=False),
        *text("domain_housing_note", required=False, api=False), *choice("override_verdict", required=False, api=False),
        *text("override_grounds", required=False, api=False), ("version as text", "version", "twee"),
    ], legitimate=["multiple_problems_explanation", "domain_housing_note"]),
    "decision": Endpoint(_decision_page, [
        *choice("outcome", api=False), *text("grounds", api=False), *text("purpose", required=False, api=False),
        *text("advice", required=False, api=False), *line("routed_to_detail", required=False, limit=200, api=False),
        *ref("meeting_type", required=False, api=False), ("organisations: no such organisation", "organisations",
                                                          "987654321"),
        *text("message_to_filer", required=False, api=False),
    ], legitimate=["grounds", "purpose"]),
    "participants": Endpoint(_participants_page, [*choice("participant", api=False), *text("reason", api=False)],
                             legitimate=["reason"]),
    "participant end": Endpoint(_participant_end_page, text("reason", limit=500, api=False), legitimate=["reason"]),
}


test_api_refuses, test_api_keeps_legitimate_text, test_page_refuses, test_page_keeps_legitimate_text = catalogue(
    API, PAGES)
