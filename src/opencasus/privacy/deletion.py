"""The retention job: delete what has expired, keep anonymised figures, log the deletion.

Each case is deleted in its own transaction, after re-reading it under a row lock and re-checking
that it has expired (a case re-opened in the meantime stays). Files of attachments are removed from
storage only after the transaction commits.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from opencasus.cases.models import Attachment, Case, StatusChange
from opencasus.cases.services import case_subjects
from opencasus.cases.vocabulary import Relation
from opencasus.cases.workflow import TRIAGE_OUTCOMES
from opencasus.core import events
from opencasus.core.events import CaseFiguresChanged
from opencasus.logbook import purposes
from opencasus.logbook.chains import house_chains
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.retention import purge_expired
from opencasus.logbook.services import Who, record_processing
from opencasus.network.models import House
from opencasus.privacy import retention
from opencasus.privacy.models import AnonymisedCaseRecord, RetentionRun

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def _month(moment: dt.datetime | None) -> dt.date | None:
    if moment is None:
        return None
    return retention.local_day(moment).replace(day=1)


def anonymise(case: Case, *, category: str, today: dt.date) -> AnonymisedCaseRecord:
    """The figures reporting keeps of a case: categories and months, counts of persons; nothing else."""
    triage = (StatusChange.objects.filter(case=case, to_status__in=list(TRIAGE_OUTCOMES))
              .order_by("changed_at", "id").first())
    persons = case.persons.all()
    return AnonymisedCaseRecord.objects.create(
        house_id=case.house_id, municipality_id=case.municipality_id, route=case.route,
        subject_type=case.subject_type, target_group_id=case.target_group_id,
        meeting_type_id=case.meeting_type_id,
        filing_organisation_id=case.filed_by_organisation_id, urgency=case.urgency, final_status=case.status,
        triage_outcome=triage.to_status if triage else "",
        filed_month=retention.local_day(case.filed_at).replace(day=1),
        triage_month=_month(triage.changed_at) if triage else None, closed_month=_month(case.closed_at),
        person_count=persons.count(), child_count=persons.filter(relation=Relation.CHILD).count(),
        retention_category=category, deleted_month=today.replace(day=1),
    )


def _who(actor: User | None, house_id: int) -> Who:
    if actor is None:
        return Who.system("retention")
    from opencasus.access import roles

    result: Who = roles.who(actor, house_id)
    return result


def _remove_files(names: list[str], storage: Any) -> None:
    for name in names:
        if name and storage.exists(name):
            storage.delete(name)


@transaction.atomic
def case_delete_expired(*, case_id: int, today: dt.date, actor: User | None = None) -> bool:
    """Delete one case whose retention has passed; False when it no longer qualifies."""
    case = Case.objects.select_for_update().filter(pk=case_id).first()
    if case is None:
        return False
    expiry = retention.case_expiry(case, retention.policies(case.house))
    if expiry is None or expiry[1] > today:
        return False
    category = expiry[0]
    anonymise(case, category=category, today=today)
    subjects = case_subjects(case)
    files = [a.file.name or "" for a in Attachment.objects.filter(case=case)]
    storage = Attachment._meta.get_field("file").storage
    house_id, pk = case.house_id, case.pk
    events.publish(CaseFiguresChanged(case_id=pk))  # from now on it counts through its anonymised record
    case.delete()
    record_processing(action=Action.DELETE, activity_code=ActivityCode.PRIVACY, purpose=purposes.RETENTION_DELETION,
                      who=_who(actor, house_id), house_id=house_id, data_subjects=subjects, object_type="case",
                      object_id=pk, case_id=pk)
    transaction.on_commit(lambda: _remove_files(files, storage))
    return True


@transaction.atomic
def attachment_delete_expired(*, attachment_id: int, today: dt.date, actor: User | None = None) -> bool:
    attachment = Attachment.objects.select_for_update().select_related("case", "case__house").filter(
        pk=attachment_id).first()
    if attachment is None:
        return False
    expires_on = retention.attachment_expiry(attachment)
    if expires_on is None or expires_on > today:
        return False
    case, name = attachment.case, attachment.file.name or ""
    storage = attachment.file.storage
    attachment.delete()
    record_processing(action=Action.DELETE, activity_code=ActivityCode.PRIVACY, purpose=purposes.RETENTION_DELETION,
                      who=_who(actor, case.house_id), house_id=case.house_id, data_subjects=case_subjects(case),
                      object_type="attachment", object_id=attachment_id, case_id=case.pk)
    transaction.on_commit(lambda: _remove_files([name], storage))
    return True


@transaction.atomic
def log_purge_expired(*, house: House, today: dt.date, months: int, actor: User | None = None) -> int:
    # Other houses' moments let a year partition that has expired for every house go as a whole.
    expired_before = retention.log_expired_before(today, months)
    others = retention.log_expired_before_by_chain(today)
    return sum(purge_expired(chain=chain, expired_before=expired_before, who=_who(actor, house.pk),
                             others_expired_before=others)
               for chain in house_chains(house.pk))


def run_retention(*, house: House, today: dt.date | None = None, dry_run: bool,
                  actor: User | None = None) -> RetentionRun:
    """One (dry) run for one house; the run, its items and any errors are stored."""
    today = today or timezone.localdate()
    run = RetentionRun.objects.create(house=house, run_date=today, dry_run=dry_run,
                                      requested_by=actor if getattr(actor, "pk", None) else None)
    items = retention.collect(house, today, horizon_days=retention.REPORT_HORIZON_DAYS if dry_run else 0)
    errors: list[dict[str, str]] = []
    done: list[dict[str, Any]] = []
    policy_by_category = retention.policies(house)
    for item in items:
        if not item.due:
            continue
        if dry_run:
            done.append(item.as_json())
            continue
        try:
            deleted = _execute(item, house=house, today=today, actor=actor, policies=policy_by_category)
        except ProtectedError as exc:
            errors.append({"objectType": item.object_type, "objectId": item.object_id,
                           "reason": f"protected by {len(exc.protected_objects)} related record(s)"})
            continue
        if deleted:
            done.append(item.as_json())
    run.items = done + ([i.as_json() for i in items if not i.due] if dry_run else [])
    run.summary = _summary(done)
    run.errors = errors
    run.finished_at = timezone.now()
    run.save(update_fields=["items", "summary", "errors", "finished_at"])
    return run


def _execute(item: retention.Item, *, house: House, today: dt.date, actor: User | None,
             policies: dict[str, Any]) -> bool:
    if item.object_type == "case":
        return case_delete_expired(case_id=int(item.object_id), today=today, actor=actor)
    if item.object_type == "attachment":
        return attachment_delete_expired(attachment_id=int(item.object_id), today=today, actor=actor)
    if item.object_type == "processing-log":
        return log_purge_expired(house=house, today=today, months=policies[item.category].period_months,
                                 actor=actor) > 0
    deleter = retention._deleters.get(item.category)
    if deleter is None:
        return False
    with transaction.atomic():
        deleter(item, actor)
    return True


def _summary(items: list[dict[str, Any]]) -> dict[str, int]:
    summary: dict[str, int] = {}
    for item in items:
        summary[item["category"]] = summary.get(item["category"], 0) + int(item.get("count", 1))
    return summary
