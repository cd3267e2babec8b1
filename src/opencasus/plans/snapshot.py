"""The frozen content of an adopted plan version (goals, interventions, agreements) as JSON."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from opencasus.cases.vocabulary import LifeDomain
from opencasus.plans.models import Plan
from opencasus.plans.vocabulary import AgreementStatus, InterventionLine


def _name(obj: Any) -> str:
    return str(obj) if obj is not None else ""


def build_snapshot(plan: Plan) -> dict[str, Any]:
    """Everything the plan says at this moment. Labels are stored in Dutch as the meeting saw them."""
    goals = plan.goals.select_related("person").order_by("id")
    interventions = plan.interventions.select_related("organisation", "person").order_by("line", "id")
    agreements = plan.agreements.select_related("owner_organisation", "owner_user").order_by("deadline", "id")
    return {
        "takenAt": timezone.now().isoformat(),
        "directorOrganisation": _name(plan.director_organisation),
        "directorUser": _name(plan.director_user),
        "evaluationDate": plan.evaluation_date.isoformat() if plan.evaluation_date else None,
        "goals": [
            {"id": g.pk, "lifeDomain": g.life_domain, "lifeDomainLabel": str(LifeDomain(g.life_domain).label),
             "person": _name(g.person), "description": g.description}
            for g in goals
        ],
        "interventions": [
            {"id": i.pk, "line": i.line, "lineLabel": str(InterventionLine(i.line).label),
             "organisation": _name(i.organisation), "person": _name(i.person), "description": i.description}
            for i in interventions
        ],
        "agreements": [
            {"id": a.pk, "description": a.description, "ownerOrganisation": _name(a.owner_organisation),
             "ownerUser": _name(a.owner_user), "deadline": a.deadline.isoformat(), "status": a.status,
             "statusLabel": str(AgreementStatus(a.status).label)}
            for a in agreements
        ],
    }
