"""Reads for the privacy officer. Every read starts from the officer's own houses (404 otherwise)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from opencasus.access import roles
from opencasus.access.privacy import privacy_houses
from opencasus.cases.models import Case, Person
from opencasus.cases.names import name_key
from opencasus.core.identifiers import identifier_hash
from opencasus.logbook import purposes
from opencasus.logbook.chains import candidate_chains, house_of_chain
from opencasus.logbook.models import Action, ActivityCode, ProcessingRecord
from opencasus.logbook.services import record_processing
from opencasus.network.models import House, Membership, Organisation, Role
from opencasus.privacy.log_signals import refused_attempts
from opencasus.privacy.models import (
    OPEN_REQUEST_STATUSES,
    LogVerification,
    PrivacySettings,
    RetentionPolicy,
    RetentionRun,
    RightsRequest,
    SubjectAccessRequest,
)

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def privacy_settings_for(house: House) -> PrivacySettings:
    settings_, _ = PrivacySettings.objects.get_or_create(house=house)
    return settings_


def retention_policy_list(*, actor: User, house: House | None = None) -> QuerySet[RetentionPolicy]:
    qs = RetentionPolicy.objects.filter(house__in=privacy_houses(actor=actor)).select_related("house")
    return qs.filter(house=house) if house is not None else qs


def retention_run_list(*, actor: User, house: House | None = None) -> QuerySet[RetentionRun]:
    qs = RetentionRun.objects.filter(house__in=privacy_houses(actor=actor)).select_related("house")
    return qs.filter(house=house) if house is not None else qs


def retention_policy_get(*, actor: User, policy_id: int) -> RetentionPolicy:
    """One retention policy shown (logged)."""
    policy = retention_policy_list(actor=actor).filter(pk=policy_id).first()
    if policy is None:
        raise Http404
    record_privacy_view(actor=actor, houses=[policy.house], object_type="retention-policy", object_id=policy.pk)
    return policy


def retention_run_get(*, actor: User, run_id: int, house: House | None = None) -> RetentionRun:
    """One retention run (of `house`, when given) shown (logged)."""
    run = retention_run_list(actor=actor, house=house).filter(pk=run_id).first()
    if run is None:
        raise Http404
    record_privacy_view(actor=actor, houses=[run.house], object_type="retention-run", object_id=run.pk)
    return run


def rights_request_list(*, actor: User, house: House | None = None, open_only: bool = False) -> QuerySet[RightsRequest]:
    qs = RightsRequest.objects.filter(house__in=privacy_houses(actor=actor)).select_related("house")
    if house is not None:
        qs = qs.filter(house=house)
    if open_only:
        qs = qs.filter(status__in=list(OPEN_REQUEST_STATUSES))
    return qs


def rights_request_check(*, actor: User, request_id: int, house: House | None = None) -> RightsRequest:
    """A rights request (of `house`, when given) the actor may handle (not logged: the write that follows is)."""
    item = rights_request_list(actor=actor, house=house).filter(pk=request_id).first()
    if item is None:
        raise Http404
    return item


def rights_request_get(*, actor: User, request_id: int, house: House | None = None) -> RightsRequest:
    """One rights request shown, with the persons it concerns (logged)."""
    item = rights_request_check(actor=actor, request_id=request_id, house=house)
    record_privacy_view(actor=actor, houses=[item.house], object_type="rights-request", object_id=item.pk,
                        data_subjects=item.pseudonyms)
    return item


def overdue_requests(*, actor: User, house: House, today: dt.date | None = None) -> list[RightsRequest]:
    today = today or timezone.localdate()
    return [r for r in rights_request_list(actor=actor, house=house, open_only=True) if r.is_overdue(today)]


def subject_access_request_list(*, actor: User, house: House | None = None) -> QuerySet[SubjectAccessRequest]:
    qs = SubjectAccessRequest.objects.filter(house__in=privacy_houses(actor=actor)).select_related("house")
    return qs.filter(house=house) if house is not None else qs


def subject_access_request_check(*, actor: User, request_id: int,
                                 house: House | None = None) -> SubjectAccessRequest:
    """A subject access request (of `house`, when given) the actor may handle (not logged: the export that
    follows is)."""
    item = subject_access_request_list(actor=actor, house=house).filter(pk=request_id).first()
    if item is None:
        raise Http404
    return item


def subject_access_request_get(*, actor: User, request_id: int,
                               house: House | None = None) -> SubjectAccessRequest:
    """One subject access request shown, with the persons it concerns (logged)."""
    item = subject_access_request_check(actor=actor, request_id=request_id, house=house)
    record_privacy_view(actor=actor, houses=[item.house], object_type="subject-access-request", object_id=item.pk,
                        data_subjects=item.pseudonyms)
    return item


def log_verification_list(*, actor: User, house: House) -> QuerySet[LogVerification]:
    """Runs of the house's own chain: on demand for the house, and the scheduled runs over all chains."""
    return LogVerification.objects.filter(Q(house=house) | Q(house__isnull=True))


def chain_result(verification: LogVerification, house_id: int) -> dict[str, Any] | None:
    """The part of a verification that concerns the chains of one house (a house sees only its own)."""
    reports = [r for r in verification.reports if house_of_chain(int(r.get("chain", 0))) == house_id]
    if not reports:
        return None
    return {"chain": house_id, "records": sum(int(r.get("records", 0)) for r in reports),
            "problems": [problem for r in reports for problem in r.get("problems", [])]}


def person_search(*, house: House, bsn: str = "", first_name: str = "", last_name: str = "",
                  date_of_birth: dt.date | None = None) -> QuerySet[Person]:
    """Persons recorded in the house's cases: by BSN (keyed hash) or by name and date of birth."""
    qs = Person.objects.filter(case__house=house).select_related("case")
    if bsn:
        return qs.filter(bsn_hash=identifier_hash(bsn))
    if first_name and last_name and date_of_birth:
        return qs.filter(name_key=name_key(first_name, last_name), date_of_birth=date_of_birth)
    return qs.none()


def persons_by_pseudonym(*, house: House, pseudonyms: list[str]) -> QuerySet[Person]:
    return (Person.objects.filter(case__house=house, pseudonym__in=pseudonyms)
            .select_related("case", "case__municipality", "case__filed_by_organisation", "municipality")
            .order_by("case__filed_at", "pk"))


@dataclass
class LogFilters:
    data_subjects: list[str] | None = None
    user_id: int | None = None
    organisation_id: int | None = None
    case_id: int | None = None
    activity_code: str = ""
    action: str = ""
    from_date: dt.date | None = None
    to_date: dt.date | None = None


def processing_log_search(*, house: House, filters: LogFilters) -> QuerySet[ProcessingRecord]:
    """The house's processing log (its own chains), newest first, with the acting professional."""
    qs = ProcessingRecord.objects.filter(chain__in=candidate_chains(house.pk)).select_related("audit")
    if filters.data_subjects is not None:
        qs = qs.filter(data_subject__in=filters.data_subjects)
    if filters.user_id is not None:
        qs = qs.filter(audit__user_id=filters.user_id)
    if filters.organisation_id is not None:
        qs = qs.filter(audit__organisation_id=filters.organisation_id)
    if filters.case_id is not None:
        qs = qs.filter(case_id=filters.case_id)
    if filters.activity_code:
        qs = qs.filter(activity_code=filters.activity_code)
    if filters.action:
        qs = qs.filter(action=filters.action)
    if filters.from_date is not None:
        qs = qs.filter(started_at__gte=_day_start(filters.from_date))
    if filters.to_date is not None:
        qs = qs.filter(started_at__lt=_day_start(filters.to_date + dt.timedelta(days=1)))
    return qs.order_by(*log_order(filters))


def _by_actor(filters: LogFilters) -> bool:
    return filters.user_id is not None or filters.organisation_id is not None


def log_order(filters: LogFilters) -> tuple[str, str]:
    """Newest first; by the audit record's time when the search is by professional or organisation.

    By professional or organisation the search walks the audit index `(user_id | organisation_id,
    started_at)` (the audit row's copy of the record's time) newest first and looks each record up by id,
    stopping after a page; ties on the time go by id, which keeps the walk in index order. (Also joining on
    `started_at` would let PostgreSQL prune the record's partitions, but it estimates that join at one row,
    gives up the early stop and hashes every record of the house: 4.5 s instead of 1.5 ms at 20 million
    records, docs/performance.md.)
    """
    return ("-audit__started_at", "-id") if _by_actor(filters) else ("-started_at", "-sequence")


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def organisation_names(ids: set[int]) -> dict[int, str]:
    return dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name"))


def house_professionals(house: House) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The professionals and organisations of a house (current and former), for the log search."""
    memberships = Membership.objects.filter(house=house).select_related("user", "organisation")
    users = sorted({(m.user_id, f"{m.user.get_full_name() or m.user.username} ({m.user.username})")
                    for m in memberships}, key=lambda u: u[1])
    organisations = sorted({(m.organisation_id, m.organisation.name) for m in memberships}, key=lambda o: o[1])
    return users, organisations


REFUSED_ACCESS_SHOWN = 200


def refused_access_list(*, house: House, settings: PrivacySettings, user: str = "") -> tuple[list[Any], int | None]:
    """The latest refused attempts to open a case (hidden or missing) the house's privacy officer sees,
    over the look-back period, optionally of one professional (`user`: their id); and that id."""
    since = timezone.now() - dt.timedelta(days=settings.look_back_days)
    qs = refused_attempts(house, since)
    user_id = int(user) if user.isdigit() and len(user) < 19 else None
    if user_id is not None:
        qs = qs.filter(user_id=user_id)
    return list(qs.order_by("-at", "-pk")[:REFUSED_ACCESS_SHOWN]), user_id
def case_id_for_reference(*, house: House, reference: str) -> int | None:
    """The case of this house with this reference (case-insensitive), as the log stores it: by id."""
    return (Case.objects.filter(house=house, reference__iexact=reference.strip())
            .values_list("pk", flat=True).first())


def case_references(case_ids: set[int]) -> dict[int, str]:
    """The references of the cases a page of log records mentions (a deleted case has none)."""
    return dict(Case.objects.filter(pk__in=case_ids).values_list("pk", "reference"))


def record_privacy_view(*, actor: User, houses: Iterable[House], action: str = Action.VIEW, object_type: str,
                        object_id: Any = "", data_subjects: Iterable[str] = ("",), case_id: int | None = None) -> None:
    """A privacy page or endpoint shown (every view of one is itself processing): one record per house, with
    the persons it concerns (lists and searches without a subject show none). The `*_get` selectors above
    call it for a detail; a list, search or overview page, whose shown items only the page knows, calls it
    with what it showed (the `record_<x>_list_view` pattern of docs/development.md)."""
    subjects = list(data_subjects) or [""]
    for house in houses:
        record_processing(action=action, activity_code=ActivityCode.PRIVACY, purpose=purposes.PRIVACY_SUPERVISION,
                          who=roles.who(actor, house.pk, prefer=(Role.PRIVACY_OFFICER,)), house_id=house.pk,
                          data_subjects=subjects, object_type=object_type, object_id=object_id, case_id=case_id)
