"""The AVG art. 15 export: everything the house holds about one person, and nothing about anyone else.

Per case in which the person is recorded: the case's purpose, route, status and dates, the person's
own data (never the BSN itself: only whether one is recorded), the information items that concern
this person, the organisations that received it (participants and sharing), the source and the
retention period; and the processing-log records whose data subject is one of the person's
pseudonyms. Other people in the same case, and information items about them or about the case in
general, are left out: the privacy officer adds what else the law requires after review.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from opencasus.cases.models import InformationItem, Participant, Person
from opencasus.cases.vocabulary import SharingScope
from opencasus.logbook.chains import candidate_chains
from opencasus.logbook.models import AuditRecord, ProcessingRecord
from opencasus.network.models import House
from opencasus.privacy import retention, selectors
from opencasus.privacy.models import SubjectAccessRequest


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return str(value.isoformat())


def _recipients(item: InformationItem, participant_orgs: list[str]) -> list[str]:
    if item.sharing_scope == SharingScope.ALL_PARTICIPANTS:
        return participant_orgs
    if item.sharing_scope == SharingScope.NAMED_ORGANISATIONS:
        return sorted(o.name for o in item.shared_with.all())
    return []


def _case_section(person: Person, house: House) -> dict[str, Any]:
    case = person.case
    participants = list(Participant.objects.filter(case=case).select_related("organisation")
                        .order_by("organisation__name", "started_at"))
    participant_orgs = sorted({p.organisation.name for p in participants})
    items = (InformationItem.objects.filter(case=case, person=person).select_related("organisation")
             .prefetch_related("shared_with").order_by("created_at"))
    policy = retention.policies(house).get(retention.CASE_CATEGORY_BY_STATUS.get(case.status, ""))
    return {
        "reference": case.reference,
        "status": case.get_status_display(),
        "filedAt": _iso(case.filed_at),
        "closedAt": _iso(case.closed_at),
        "route": case.get_route_display(),
        "municipality": case.municipality.name,
        "source": case.filed_by_organisation.name,
        "purpose": case.purpose or case.requested_purpose,
        "retention": ({"periodMonths": policy.period_months, "source": policy.source,
                       "isExample": policy.is_example} if policy else None),
        "person": {
            "pseudonym": str(person.pseudonym),
            "relation": person.get_relation_display(),
            "firstName": person.first_name,
            "lastName": person.last_name,
            "dateOfBirth": _iso(person.date_of_birth),
            "address": person.address,
            "municipality": person.municipality.name if person.municipality else None,
            "bsnRecorded": bool(person.bsn_hash),
        },
        "informationItems": [{
            "lifeDomain": item.get_life_domain_display(),
            "organisation": item.organisation.name,
            "text": item.text,
            "sharedWith": item.get_sharing_scope_display(),
            "recipients": _recipients(item, participant_orgs),
            "legalBasis": item.legal_basis,
            "createdAt": _iso(item.created_at),
        } for item in items],
        "participants": [{
            "organisation": p.organisation.name,
            "startedAt": _iso(p.started_at),
            "endedAt": _iso(p.ended_at),
        } for p in participants],
    }


def log_entries(*, house: House, pseudonyms: list[str]) -> list[dict[str, Any]]:
    records = list(ProcessingRecord.objects.filter(chain__in=candidate_chains(house.pk), data_subject__in=pseudonyms)
                   .order_by("started_at", "sequence"))
    audits = AuditRecord.objects.in_bulk([r.pk for r in records])
    names = selectors.organisation_names({a.organisation_id for a in audits.values() if a.organisation_id})
    entries = []
    for record in records:
        audit = audits.get(record.pk)
        entries.append({
            "at": _iso(record.started_at),
            "action": record.get_action_display(),
            "activity": record.activity_code,
            "purpose": record.purpose,
            "outcome": record.get_outcome_display(),
            "organisation": names.get(audit.organisation_id) if audit and audit.organisation_id else None,
            "role": audit.role if audit else "",
            "caseId": record.case_id,
            "traceId": record.trace_id,
        })
    return entries


def build_export(request: SubjectAccessRequest) -> dict[str, Any]:
    house = request.house
    persons = list(selectors.persons_by_pseudonym(house=house, pseudonyms=request.pseudonyms))
    recipients = sorted({name for p in persons for name in _all_recipients(p)})
    return {
        "house": house.name,
        "requesterName": request.requester_name,
        "receivedDate": _iso(request.received_on),
        "deadlineDate": _iso(request.deadline),
        "producedAt": _iso(timezone.now()),
        "cases": [_case_section(p, house) for p in persons],
        "recipients": recipients,
        "processingLog": log_entries(house=house, pseudonyms=[str(p) for p in request.pseudonyms]),
    }


def _all_recipients(person: Person) -> set[str]:
    names = {p.organisation.name for p in Participant.objects.filter(case=person.case).select_related("organisation")}
    for item in InformationItem.objects.filter(case=person.case, person=person).prefetch_related("shared_with"):
        names |= {o.name for o in item.shared_with.all()}
    return names


def render_pdf(export: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    html = render_to_string("privacy/subject_access_pdf.html", {"export": export})
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
