"""Writes to cases. Each service is atomic and records its processing in the same transaction."""

from opencasus.cases.services.attachments import attachment_add, validate_upload
from opencasus.cases.services.information import information_item_add
from opencasus.cases.services.intake import PartnerData, PersonData, intake_file
from opencasus.cases.services.transitions import ACTIVITY_BY_STATUS, case_subjects, case_transition, subjects_by_case

__all__ = [
    "ACTIVITY_BY_STATUS", "PartnerData", "PersonData", "attachment_add", "case_subjects", "case_transition",
    "information_item_add", "intake_file", "subjects_by_case", "validate_upload",
]
