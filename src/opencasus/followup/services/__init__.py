"""Writes of the follow-through: check-backs, monitoring periods, closure feedback, anonymous consultations."""

from opencasus.followup.services.check_backs import (
    check_back_for_decision,
    check_back_reschedule,
    check_back_resolve,
    default_check_back_date,
)
from opencasus.followup.services.consultations import consultation_advise, consultation_ask
from opencasus.followup.services.feedback import closure_feedback_send
from opencasus.followup.services.monitoring import monitoring_last_check, monitoring_reschedule, monitoring_start

__all__ = [
    "check_back_for_decision", "check_back_reschedule", "check_back_resolve", "closure_feedback_send",
    "consultation_advise", "consultation_ask", "default_check_back_date", "monitoring_last_check",
    "monitoring_reschedule", "monitoring_start",
]
