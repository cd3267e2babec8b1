"""Pages of the triage (weegoverleg): queue, assessment, decision and participants. Core staff only."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencasus.access.houses import current_house_id
from opencasus.access.policy import CaseAccess
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.cases.caseload import selectors as caseload
from opencasus.cases.models import Case
from opencasus.cases.vocabulary import Urgency
from opencasus.cases.workflow import Status
from opencasus.core.forms import apply_errors
from opencasus.triage import cadence, crisis, hits, selectors, selectors_table, services
from opencasus.triage.forms import (
    AssessmentForm,
    DecisionForm,
    ParticipantAddForm,
    ParticipantEndForm,
)
from opencasus.triage.services.assessment import OPEN_STATUSES


@login_required
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    houses = list(selectors.core_houses(actor=request.user))
    if not houses:
        raise Http404
    house_param = request.GET.get("huis", "")
    house_id = int(house_param) if house_param.isdigit() else current_house_id(request)
    if house_id is not None and all(h.pk != house_id for h in houses):
        house_id = None
    only = request.GET.get("toon")
    only = only if only in selectors.QUEUE_FILTERS else None
    items = selectors.triage_queue(actor=request.user, house_id=house_id, only=only)
    page_obj = Paginator(items, selectors.QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.record_queue_list_view(actor=request.user, items=list(page_obj.object_list))
    waiting = Counter(i.case.house_id for i in items)
    shown = [h for h in houses if house_id is None or h.pk == house_id]
    groups = [{"house": h, "next_date": cadence.next_table_date(h), "waiting": waiting[h.pk],
               "items": [i for i in page_obj.object_list if i.case.house_id == h.pk]} for h in shown]
    from opencasus.meetings.crisis import lane_house_ids

    return render(request, "triage/queue.html", {"groups": groups, "houses": houses, "house_id": house_id,
                                                 "only": only, "page_obj": page_obj,
                                                 "crisis_lane": bool(lane_house_ids(actor=request.user))})


@login_required
def assessment(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, current = selectors.assessment_get(actor=request.user, case_id=case_id)
    criteria = selectors.local_criteria(case.house_id)
    editable = case.status in OPEN_STATUSES
    form = AssessmentForm(request.POST or None, criteria=criteria, assessment=current)
    if request.method == "POST":
        if not editable:
            form.add_error(None, _("The triage of this intake is finished; the assessment can no longer change."))
        elif form.is_valid():
            try:
                services.assessment_save(actor=request.user, case_id=case.pk, data=form.to_input(),
                                         expected_version=form.cleaned_data["version"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The assessment has been saved."))
                return redirect("triage:assessment", case_id=case.pk)
    found = hits.check_again(actor=request.user, case=case) if editable else None
    return render(request, "triage/assessment.html", {
        "case": case, "assessment": current, "form": form, "editable": editable, "hits": found,
        "requests": list(selectors_table.case_requests(case)),
        "contributions": list(selectors_table.case_contributions(case)),
        "triage_date": cadence.planned_table_date(case.house, case.filed_at,
                                                  crisis=case.urgency == Urgency.CRISIS),
        "crisis_deadline": crisis.triage_deadlines([case]).get(case.pk),
    })


def _decision_form(request: AuthenticatedHttpRequest, case: Case, data: Any = None) -> DecisionForm:
    house = case.house
    return DecisionForm(
        data, initial={"version": case.version},
        outcomes=services.WITHOUT_ASSESSMENT if case.status == Status.SUBMITTED else None,
        meeting_types=selectors.meeting_types(house.pk),
        organisations=selectors.partner_organisations(house),
        professionals=selectors.eligible_professionals(house),
        directors=caseload.director_choices(house.pk), director_id=case.process_director_id,
        themes=selectors.theme_choices(case),
    )


@login_required
def decision(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, current = selectors.decision_get(actor=request.user, case_id=case_id)
    assessment = getattr(case, "triage_assessment", None)
    form = _decision_form(request, case, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_record(actor=request.user, case_id=case.pk, data=form.to_input(),
                                     expected_version=form.cleaned_data["version"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The decision has been recorded and the filer has been informed."))
            return redirect("triage:decision", case_id=case.pk)
    return render(request, "triage/decision.html", {
        "case": case, "decision": current, "assessment": assessment, "form": form,
        "can_decide": current is None and case.status in {Status.IN_TRIAGE, Status.SUBMITTED},
        "without_assessment": case.status == Status.SUBMITTED,
        "caseload": caseload.triage_load(actor=request.user, case=case) if current is None else None,
    })


def _participants_context(request: AuthenticatedHttpRequest, case_id: int, add_form: ParticipantAddForm | None = None,
                          end_error: str = "") -> dict[str, Any]:
    case, _level, participants = selectors.participant_list(actor=request.user, case_id=case_id,
                                                            minimum=CaseAccess.CORE)
    organisations = selectors.partner_organisations(case.house)
    professionals = selectors.eligible_professionals(case.house)
    return {"case": case, "participants": participants, "end_error": end_error,
            "can_change": case.status == Status.ADMITTED,
            "add_form": add_form or ParticipantAddForm(organisations=organisations, professionals=professionals)}


@login_required
def participants(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    context = _participants_context(request, case_id)
    if request.method == "POST":
        case: Case = context["case"]
        form = ParticipantAddForm(request.POST, organisations=selectors.partner_organisations(case.house),
                                  professionals=selectors.eligible_professionals(case.house))
        if form.is_valid():
            organisation_id, user_id = form.target()
            try:
                services.participant_add(actor=request.user, case_id=case_id, organisation_id=organisation_id,
                                         user_id=user_id, reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The participant has been added."))
                return redirect("triage:participants", case_id=case_id)
        context["add_form"] = form
    return render(request, "triage/participants.html", context)


@login_required
@require_POST
def participant_end(request: AuthenticatedHttpRequest, case_id: int, participant_id: int) -> HttpResponse:
    form = ParticipantEndForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            services.participant_end(actor=request.user, case_id=case_id, participant_id=participant_id,
                                     reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("The participation has ended; access ends with it."))
            return redirect("triage:participants", case_id=case_id)
    else:
        error = _("Say why this participation ends.")
    return render(request, "triage/participants.html", _participants_context(request, case_id, end_error=error),
                  status=400)
