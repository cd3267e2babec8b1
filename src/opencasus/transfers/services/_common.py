"""Helpers of the transfer services: the processing log of both houses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from opencasus.access import roles
from opencasus.cases.models import Case
from opencasus.cases.services import case_subjects
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import record_processing

if TYPE_CHECKING:
    from opencasus.accounts.models import User
    from opencasus.transfers.models import Transfer


def log_both(*, actor: User, transfer: Transfer, action: Action | str, subjects: list[str] | None = None) -> None:
    """One record in the sending house's log (the case's purpose) and one in the receiving house's log (the
    purpose of the transfer; the new case once there is one), with the persons of the case as data subjects."""
    case: Case = transfer.case
    subjects = subjects if subjects is not None else case_subjects(case)
    record_processing(
        action=action, activity_code=ActivityCode.ACTION_PLAN, purpose=case.purpose or case.requested_purpose,
        who=roles.who(actor, transfer.from_house_id), house_id=transfer.from_house_id, data_subjects=subjects,
        object_type="transfer", object_id=transfer.pk, case_id=case.pk)
    new_case = transfer.new_case
    record_processing(
        action=action, activity_code=ActivityCode.INTAKE,
        purpose=(new_case.purpose or new_case.requested_purpose) if new_case else purposes.TRANSFER,
        who=roles.who(actor, transfer.to_house_id), house_id=transfer.to_house_id,
        data_subjects=case_subjects(new_case) if new_case else subjects,
        object_type="transfer", object_id=transfer.pk, case_id=new_case.pk if new_case else None)
