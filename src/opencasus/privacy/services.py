"""Writes of the privacy officer. Each is atomic and leaves its processing-log record (activity "privacy")."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import roles
from opencasus.cases.names import name_key
from opencasus.core.identifiers import bsn_is_valid, identifier_hash
from opencasus.logbook.chains import house_chains
from opencasus.logbook.models import Action, ProcessingRecord
from opencasus.logbook.services import Who
from opencasus.logbook.verification import verify_all, verify_chain
from opencasus.network.models import House, Role
from opencasus.privacy import deletion, selectors, subject_access
from opencasus.privacy.models import (
    OPEN_REQUEST_STATUSES,
    LogVerification,
    RetentionRun,
    RightsRequest,
    RightsRequestKind,
    RightsRequestStatus,
    SubjectAccessRequest,
    VerificationTrigger,
)
from opencasus.privacy.workflow import RIGHTS_REQUEST_TRANSITIONS

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def who(actor: User, house_id: int) -> Who:
    result: Who = roles.who(actor, house_id, prefer=(Role.PRIVACY_OFFICER,))
    return result


def log_privacy(*, actor: User, house: House, action: str = Action.VIEW, object_type: str, object_id: Any = "",
                data_subjects: Iterable[str] = ("",), case_id: int | None = None) -> None:
    """A write or an export of privacy work, recorded like a view (`selectors.record_privacy_view`)."""
    selectors.record_privacy_view(actor=actor, houses=[house], action=action, object_type=object_type,
                                  object_id=object_id, data_subjects=data_subjects, case_id=case_id)


def legal_deadline(received_on: dt.date) -> dt.date:
    """One month after receipt (AVG art. 12 lid 3)."""
    result: dt.date = received_on + relativedelta(months=1)
    return result


def _check_received(received_on: dt.date) -> None:
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("The date of receipt cannot lie in the future.")})


def find_pseudonyms(*, house: House, bsn: str = "", first_name: str = "", last_name: str = "",
                    date_of_birth: dt.date | None = None) -> list[str]:
    if bsn:
        if not bsn_is_valid(bsn):
            raise ValidationError({"bsn": _("This is not a valid BSN: it must have 9 digits and pass the "
                                            "eleven-test.")})
    elif not (first_name.strip() and last_name.strip() and date_of_birth):
        raise ValidationError(_("Search by BSN, or by first name, last name and date of birth."))
    persons = selectors.person_search(house=house, bsn=bsn, first_name=first_name, last_name=last_name,
                                      date_of_birth=date_of_birth)
    return [str(p) for p in persons.values_list("pseudonym", flat=True)]


@transaction.atomic
def subject_access_request_create(*, actor: User, house: House, requester_name: str, received_on: dt.date,
                                  bsn: str = "", first_name: str = "", last_name: str = "",
                                  date_of_birth: dt.date | None = None) -> SubjectAccessRequest:
    """Register an access request, find the person and register it as a rights request with its deadline."""
    if not requester_name.strip():
        raise ValidationError({"requester_name": _("Fill in the name of the data subject.")})
    _check_received(received_on)
    pseudonyms = find_pseudonyms(house=house, bsn=bsn, first_name=first_name, last_name=last_name,
                                 date_of_birth=date_of_birth)
    deadline = legal_deadline(received_on)
    rights = RightsRequest.objects.create(
        house=house, kind=RightsRequestKind.ACCESS, requester_name=requester_name.strip(), pseudonyms=pseudonyms,
        received_on=received_on, deadline=deadline, registered_by=actor,
        description=_("Access to the personal data (AVG art. 15)."), status=RightsRequestStatus.IN_PROGRESS)
    request = SubjectAccessRequest.objects.create(
        house=house, requester_name=requester_name.strip(), bsn_hash=identifier_hash(bsn) if bsn else "",
        name_key=name_key(first_name, last_name) if not bsn else "", date_of_birth=date_of_birth if not bsn else None,
        pseudonyms=pseudonyms, received_on=received_on, deadline=deadline, rights_request=rights,
        registered_by=actor)
    log_privacy(actor=actor, house=house, action=Action.SEARCH, object_type="subject-access-request",
                object_id=request.pk, data_subjects=pseudonyms)
    return request


@transaction.atomic
def subject_access_export(*, actor: User, request: SubjectAccessRequest, fmt: str) -> tuple[dict[str, Any], bytes]:
    """The export as data and as bytes (JSON or PDF); the export itself is logged per person."""
    import json

    export = subject_access.build_export(request)
    content = (subject_access.render_pdf(export) if fmt == "pdf"
               else json.dumps(export, ensure_ascii=False, indent=2).encode())
    log_privacy(actor=actor, house=request.house, action=Action.EXPORT if fmt == "json" else Action.PRINT,
                object_type="subject-access-request", object_id=request.pk, data_subjects=request.pseudonyms)
    return export, content


@transaction.atomic
def rights_request_create(*, actor: User, house: House, kind: str, requester_name: str, received_on: dt.date,
                          description: str, pseudonyms: list[str] | None = None) -> RightsRequest:
    if kind not in RightsRequestKind.values:
        raise ValidationError({"kind": _("Choose a kind of request.")})
    if not requester_name.strip():
        raise ValidationError({"requester_name": _("Fill in the name of the data subject.")})
    if not description.strip():
        raise ValidationError({"description": _("Describe what is asked.")})
    _check_received(received_on)
    request = RightsRequest.objects.create(
        house=house, kind=kind, requester_name=requester_name.strip(), pseudonyms=pseudonyms or [],
        received_on=received_on, deadline=legal_deadline(received_on), description=description.strip(),
        registered_by=actor)
    log_privacy(actor=actor, house=house, action=Action.CREATE, object_type="rights-request", object_id=request.pk,
                data_subjects=request.pseudonyms)
    return request


@transaction.atomic
def rights_request_update(*, actor: User, request_id: int, expected_version: int, status: str, handling: str,
                          decided_on: dt.date | None = None, extended_until: dt.date | None = None,
                          extension_reason: str = "") -> RightsRequest:
    """Record the handling. A decision needs its date; an extension (max. two months more) its reason."""
    request = selectors.rights_request_list(actor=actor).select_for_update().filter(pk=request_id).first()
    if request is None:
        from django.http import Http404

        raise Http404
    if request.version != expected_version:
        raise ValidationError(_("This request was changed by someone else in the meantime. Reload and try again."),
                              code="conflict")
    if status not in RightsRequestStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    RIGHTS_REQUEST_TRANSITIONS.check(request.status, status)
    closed = status not in OPEN_REQUEST_STATUSES
    if closed and decided_on is None:
        decided_on = timezone.localdate()
    if decided_on is not None and decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("The decision cannot lie in the future.")})
    if decided_on is not None and decided_on < request.received_on:
        raise ValidationError({"decided_on": _("The decision cannot be earlier than the receipt.")})
    if extended_until is not None:
        if extended_until <= request.deadline or extended_until > request.deadline + relativedelta(months=2):
            raise ValidationError({"extended_until": _(
                "An extension lies after the deadline and at most two months later (AVG art. 12 lid 3).")})
        if not extension_reason.strip():
            raise ValidationError({"extension_reason": _("Give the reason for the extension.")})
    if closed and not handling.strip():
        raise ValidationError({"handling": _("Describe how the request was handled.")})
    request.status, request.handling = status, handling.strip()
    request.decided_on = decided_on if closed else None
    request.extended_until, request.extension_reason = extended_until, extension_reason.strip()
    request.version += 1
    request.save()
    log_privacy(actor=actor, house=request.house, action=Action.UPDATE, object_type="rights-request",
                object_id=request.pk, data_subjects=request.pseudonyms)
    return request


@transaction.atomic
def retention_dry_run(*, actor: User, house: House, run_date: dt.date | None = None) -> RetentionRun:
    run = deletion.run_retention(house=house, today=run_date, dry_run=True, actor=actor)
    log_privacy(actor=actor, house=house, action=Action.CREATE, object_type="retention-run", object_id=run.pk)
    return run


def verification_run(*, actor: User | None = None, house: House | None = None) -> LogVerification:
    """Verify the hash chains (all, or one house's) and store the outcome."""
    started = timezone.now()
    reports = [verify_chain(chain) for chain in house_chains(house.pk)] if house is not None else verify_all()
    with transaction.atomic():
        verification = LogVerification.objects.create(
            house=house, trigger=VerificationTrigger.ON_DEMAND if actor is not None else VerificationTrigger.SCHEDULE,
            requested_by=actor, started_at=started, finished_at=timezone.now(), chain_count=len(reports),
            record_count=sum(r.records for r in reports), problem_count=sum(len(r.problems) for r in reports),
            reports=[{"chain": r.chain, "records": r.records, "problems": r.problems} for r in reports])
        if actor is not None and house is not None:
            log_privacy(actor=actor, house=house, action=Action.CREATE, object_type="log-verification",
                        object_id=verification.pk)
    return verification


LOG_EXPORT_FIELDS = ["chain", "sequence", "startedAt", "action", "outcome", "activity", "purpose", "objectType",
                     "objectId", "caseId", "dataSubject", "username", "organisation", "role", "traceId"]
MAX_EXPORT_ROWS = 50000


def _cell(value: Any) -> Any:
    """Keep spreadsheet programs from reading a cell as a formula."""
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value


@transaction.atomic
def processing_log_export(*, actor: User, house: House, records: Iterable[ProcessingRecord]) -> str:
    """The search result as CSV; the export is logged with every data subject in it."""
    rows = list(records)[:MAX_EXPORT_ROWS]
    names = selectors.organisation_names({r.audit.organisation_id for r in rows if r.audit.organisation_id})
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(LOG_EXPORT_FIELDS)
    for r in rows:
        at = timezone.localtime(r.started_at).isoformat(timespec="seconds")
        writer.writerow([_cell(v) for v in [
            r.chain, r.sequence, at, r.action, r.outcome, r.activity_code, r.purpose, r.object_type, r.object_id,
            r.case_id or "", r.data_subject, r.audit.username, names.get(r.audit.organisation_id or 0, ""),
            r.audit.role, r.trace_id]])
    subjects = sorted({r.data_subject for r in rows if r.data_subject})
    log_privacy(actor=actor, house=house, action=Action.EXPORT, object_type="processing-log",
                object_id=len(rows), data_subjects=subjects)
    return out.getvalue()
