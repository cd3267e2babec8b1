"""Writes of the triage: each service is atomic and records its processing in the same transaction."""

from opencasus.triage.services.assessment import AssessmentInput, assessment_save
from opencasus.triage.services.decision import DecisionInput, decision_record
from opencasus.triage.services.participants import participant_add, participant_end

__all__ = ["AssessmentInput", "DecisionInput", "assessment_save", "decision_record", "participant_add",
           "participant_end"]
