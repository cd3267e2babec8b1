"""Writes of the Top X approach."""

from opencasus.topx.services.candidates import NewCase, PersonInput, candidate_decide, candidate_propose
from opencasus.topx.services.imports import candidates_import
from opencasus.topx.services.lists import CriterionData, topx_list_create, topx_list_update
from opencasus.topx.services.reviews import review_record, signal_overdue_reviews

__all__ = ["CriterionData", "NewCase", "PersonInput", "candidate_decide", "candidate_propose", "candidates_import",
           "review_record", "signal_overdue_reviews", "topx_list_create", "topx_list_update"]
