"""Reads for the case workspace's Logboek tab: who saw or changed what of one case (core staff only).

One row per request, actor and kind of processing: a page that showed four persons wrote four
records (one per data subject); the row counts them instead of repeating itself.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import Count, Min
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from opencasus.access.policy import CaseAccess
from opencasus.cases.models import Case
from opencasus.logbook.models import Action, ProcessingRecord
from opencasus.network.models import Organisation, Role

PER_PAGE = 50

OBJECT_LABELS = {
    "case": _("the case"),
    "case-overzicht": _("the case overview"),
    "case-personen": _("the persons"),
    "case-informatie": _("the information"),
    "case-plan": _("the plan"),
    "case-afspraken": _("the agreements"),
    "case-overleggen": _("the meetings"),
    "case-documenten": _("the documents"),
    "case-logboek": _("this log"),
    "information-item": _("an information item"),
    "information-item-list": _("the information"),
    "attachment": _("an attachment"),
    "attachment-list": _("the attachments"),
    "hit-list": _("the hits"),
    "intake-receipt": _("the intake receipt"),
    "intake-receipt-pdf": _("the intake receipt (PDF)"),
    "plan": _("the plan"),
    "plan-pdf": _("the plan (PDF)"),
    "agreement": _("an agreement"),
    "agreement-note": _("an agreement note"),
    "escalation": _("an escalation"),
    "case-closure": _("the closure"),
    "agenda": _("a meeting agenda"),
    "agenda-item": _("an agenda item"),
    "agreement-list": _("the agreements"),
    "agreement-notes": _("the notes of an agreement"),
    "attendance": _("the attendance"),
    "evaluation": _("an evaluation"),
    "evaluations": _("the evaluations"),
    "goal": _("a goal"),
    "hit-check": _("the hit check"),
    "information-form": _("the information form"),
    "intervention": _("an intervention"),
    "invitation": _("an invitation"),
    "minutes": _("the minutes"),
    "participant": _("a participant"),
    "participant-list": _("the participants"),
    "plan-version": _("a plan version"),
    "plan-versions": _("the plan versions"),
    "reminder": _("a reminder"),
    "self-report": _("a self-report"),
    "triage-assessment": _("the triage assessment"),
    "triage-decision": _("the triage decision"),
}


def case_log(*, case: Case, level: CaseAccess, page: Any) -> Page[Any]:
    """A page of the case's log rows, newest first; for core staff of the case's house only."""
    if level < CaseAccess.CORE:
        raise Http404
    rows = (ProcessingRecord.objects.filter(case_id=case.pk, house_id=case.house_id)
            .values("trace_id", "action", "object_type", "audit__user_id", "audit__username", "audit__role",
                    "audit__organisation_id")
            .annotate(at=Min("started_at"), subjects=Count("id"))
            .order_by("-at", "trace_id"))
    result: Page[Any] = Paginator(rows, PER_PAGE).get_page(page)
    raw: list[dict[str, Any]] = [dict(r) for r in result.object_list]
    org_ids = {r["audit__organisation_id"] for r in raw if r["audit__organisation_id"]}
    orgs = dict(Organisation.objects.filter(pk__in=org_ids).values_list("pk", "name"))
    user_ids = {r["audit__user_id"] for r in raw if r["audit__user_id"]}
    names = {u.pk: u.get_full_name() for u in get_user_model().objects.filter(pk__in=user_ids)}
    actions = dict(Action.choices)
    role_labels = dict(Role.choices)
    for row in raw:
        row["who"] = names.get(row["audit__user_id"]) or row["audit__username"] or "—"
        row["organisation"] = orgs.get(row["audit__organisation_id"], "")
        row["role"] = role_labels.get(row["audit__role"], "")
        row["action_label"] = actions.get(row["action"], "")
        row["what"] = OBJECT_LABELS.get(row["object_type"], _("other case data"))
    result.object_list = raw
    return result
