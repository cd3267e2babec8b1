"""Writes of the triage: each service is atomic and records its processing in the same transaction."""

from opencasus.triage.services.assessment import AssessmentInput, assessment_save
from opencasus.triage.services.decision import WITHOUT_ASSESSMENT, DecisionInput, decision_record
from opencasus.triage.services.participants import participant_add, participant_end
from opencasus.triage.services.requests import (
    information_request_answer,
    information_request_create,
    information_request_withdraw,
    signal_overdue_requests,
)
from opencasus.triage.services.table import (
    contribution_add,
    session_add_intakes,
    session_create,
    session_minutes_save,
    session_remove_intake,
    session_transition,
    standing_member_add,
    standing_member_end,
)

__all__ = ["WITHOUT_ASSESSMENT", "AssessmentInput", "DecisionInput", "assessment_save", "contribution_add",
           "decision_record",
           "information_request_answer", "information_request_create", "information_request_withdraw",
           "participant_add", "participant_end", "session_add_intakes", "session_create", "session_minutes_save",
           "session_remove_intake", "session_transition", "signal_overdue_requests", "standing_member_add",
           "standing_member_end"]
