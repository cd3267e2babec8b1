"""The AVG art. 15 export: everything the house holds about one person, and nothing about anyone else.

Per case in which the person is recorded: the case's purpose, route, status and dates, the person's
own data (never the BSN itself: only whether one is recorded), the information items that concern
this person, the organisations that received it (participants and sharing), the source and the
retention period; and the processing-log records whose data subject is one of the person's
pseudonyms, summarised per organisation and month (each record in an annex). Other people in the
same case, and information items about them or about the case in general, are left out: the
privacy officer adds what else the law requires after review.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from opencasus.cases.models import InformationItem, Participant, Person
from opencasus.cases.vocabulary import SharingScope
from opencasus.logbook.chains import candidate_chains
from opencasus.logbook.models import AuditRecord, ProcessingActivity, ProcessingRecord
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
        "participants": _participations(participants),
    }


def _participations(participants: list[Participant]) -> list[dict[str, Any]]:
    """Each organisation once (it may take part with several professionals, or more than once): from its
    first start to its last end, no end while one of its participations runs."""
    per_org: dict[str, list[Participant]] = {}
    for participant in participants:
        per_org.setdefault(participant.organisation.name, []).append(participant)
    result = []
    for name, rows in sorted(per_org.items()):
        ended = [p.ended_at for p in rows]
        result.append({"organisation": name, "startedAt": _iso(min(p.started_at for p in rows)),
                       "endedAt": None if None in ended else _iso(max(e for e in ended if e is not None))})
    return result


def log_entries(*, house: House, pseudonyms: list[str]) -> list[dict[str, Any]]:
    records = list(ProcessingRecord.objects.filter(chain__in=candidate_chains(house.pk), data_subject__in=pseudonyms)
                   .order_by("started_at", "sequence"))
    audits = AuditRecord.objects.in_bulk([r.pk for r in records])
    names = selectors.organisation_names({a.organisation_id for a in audits.values() if a.organisation_id})
    activities = dict(ProcessingActivity.objects.filter(house=house).values_list("code", "name"))
    entries = []
    for record in records:
        audit = audits.get(record.pk)
        entries.append({
            "at": _iso(record.started_at),
            "action": record.get_action_display(),
            "activity": record.activity_code,
            "activityName": activities.get(record.activity_code, ""),
            "purpose": record.purpose,
            "outcome": record.get_outcome_display(),
            "organisation": names.get(audit.organisation_id) if audit and audit.organisation_id else None,
            "automatic": bool(audit and audit.username.startswith("system:")),
            "role": audit.role if audit else "",
            "caseId": record.case_id,
            "traceId": record.trace_id,
        })
    return entries


def log_summary(entries: list[dict[str, Any]], house_name: str) -> list[dict[str, Any]]:
    """The log rows per organisation and month (the details go in an annex): who used the data, when,
    and how often for what. Processing without an organisation is the house's own (or automatic)."""
    groups: dict[tuple[str, str], Counter[str]] = {}
    for entry in entries:
        organisation = entry["organisation"] or (
            _("%(house)s (automatic processing)") % {"house": house_name} if entry["automatic"] else house_name)
        groups.setdefault((str(organisation), entry["at"][:7]), Counter())[entry["action"]] += 1
    return [{"organisation": organisation, "month": month, "count": sum(actions.values()),
             "actions": [{"action": action, "count": n} for action, n in sorted(actions.items())]}
            for (organisation, month), actions in sorted(groups.items(), key=lambda g: (g[0][1], g[0][0]))]


def build_export(request: SubjectAccessRequest) -> dict[str, Any]:
    house = request.house
    persons = list(selectors.persons_by_pseudonym(house=house, pseudonyms=request.pseudonyms))
    recipients = sorted({name for p in persons for name in _all_recipients(p)})
    entries = log_entries(house=house, pseudonyms=[str(p) for p in request.pseudonyms])
    return {
        "house": house.name,
        "requesterName": request.requester_name,
        "receivedDate": _iso(request.received_on),
        "deadlineDate": _iso(request.deadline),
        "producedAt": _iso(timezone.now()),
        "cases": [_case_section(p, house) for p in persons],
        "recipients": recipients,
        "processingLogSummary": log_summary(entries, house.name),
        "processingLog": entries,
    }


def _all_recipients(person: Person) -> set[str]:
    names = {p.organisation.name for p in Participant.objects.filter(case=person.case).select_related("organisation")}
    for item in InformationItem.objects.filter(case=person.case, person=person).prefetch_related("shared_with"):
        names |= {o.name for o in item.shared_with.all()}
    return names


_DATES = ("receivedDate", "deadlineDate", "dateOfBirth")
_MOMENTS = ("producedAt", "filedAt", "closedAt", "createdAt", "startedAt", "endedAt", "at")


def _readable(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _readable(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_readable(v) for v in value]
    if isinstance(value, str) and value:
        if key in _DATES:
            return dt.date.fromisoformat(value)
        if key in _MOMENTS:
            return dt.datetime.fromisoformat(value)
        if key == "month":
            return dt.date.fromisoformat(f"{value}-01")
    return value


def for_reading(export: dict[str, Any]) -> dict[str, Any]:
    """The export with real dates, for the page and the PDF (which show them in Dutch words)."""
    readable: dict[str, Any] = _readable(export)
    return readable


def render_pdf(export: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    with translation.override(translation.get_language() or settings.LANGUAGE_CODE):
        html = render_to_string("privacy/subject_access_pdf.html", {"export": for_reading(export)})
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
