"""The plan as a document for the meeting (PDF via WeasyPrint), showing only what its reader may see.

Core staff see everything; a participant sees the plan (goals, interventions, agreements are shared
with participants) and only the information items shared with them. Every export is logged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from opencasus.access.policy import CaseAccess, visible_information_items
from opencasus.cases.models import Case
from opencasus.logbook.models import Action
from opencasus.plans import selectors
from opencasus.plans.services._common import log

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def plan_document_html(*, actor: User, case_id: int) -> tuple[str, Case]:
    case, level, plan = selectors.plan_get(actor=actor, case_id=case_id)
    items = visible_information_items(actor=actor, case=case, level=level).select_related("organisation", "person")
    html = render_to_string("plans/plan_pdf.html", {
        "case": case, "plan": plan, "core": level >= CaseAccess.CORE,
        "goals": list(plan.goals.all()) if plan else [],
        "interventions": list(plan.interventions.all()) if plan else [],
        "agreements": selectors.plan_agreements(plan), "items": items, "persons": case.persons.all(),
        "reader": actor, "printed_at": timezone.now(),
    })
    return html, case


@transaction.atomic
def plan_pdf(*, actor: User, case_id: int) -> tuple[bytes, Case]:
    from weasyprint import HTML

    html, case = plan_document_html(actor=actor, case_id=case_id)
    data = HTML(string=html).write_pdf()
    assert data is not None
    log(actor=actor, case=case, action=Action.EXPORT, object_type="plan-pdf", object_id=case.pk)
    return bytes(data), case
