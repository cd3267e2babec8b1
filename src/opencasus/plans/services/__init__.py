"""Writes to the action plan. Each service is atomic, access-checked and logged in the same transaction."""

from opencasus.plans.services.agreements import (
    agreement_create,
    agreement_note_add,
    agreement_update,
    is_owner,
    movers,
)
from opencasus.plans.services.closure import case_close, case_reopen
from opencasus.plans.services.escalations import (
    escalation_close,
    escalation_raise,
    escalation_respond,
)
from opencasus.plans.services.monitoring import send_reminders
from opencasus.plans.services.plan import (
    UNSET,
    evaluation_record,
    goal_add,
    goal_delete,
    goal_update,
    intervention_add,
    intervention_delete,
    plan_adopt,
    plan_replace,
    plan_update,
)

__all__ = [
    "UNSET",
    "agreement_create",
    "agreement_note_add",
    "agreement_update",
    "case_close",
    "case_reopen",
    "escalation_close",
    "escalation_raise",
    "escalation_respond",
    "evaluation_record",
    "goal_add",
    "goal_delete",
    "goal_update",
    "intervention_add",
    "intervention_delete",
    "is_owner",
    "movers",
    "plan_adopt",
    "plan_replace",
    "plan_update",
    "send_reminders",
]
