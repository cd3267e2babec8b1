"""Pages of the triage table with its partners: standing members, sessions, the intake at the table and
information requests. Reads through `selectors_table`, writes through the services."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencasus.access.houses import current_house_id
from opencasus.access.information_requests import RequestAccess
from opencasus.access.triage_table import TableAccess, table_house_ids
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.dates import long_date
from opencasus.core.forms import apply_errors
from opencasus.triage import selectors, selectors_table, services
from opencasus.triage.forms_table import (
    AnswerForm,
    ContributionForm,
    EndForm,
    MinutesForm,
    RequestForm,
    SessionForm,
    SessionIntakesForm,
    StandingMemberForm,
)
from opencasus.triage.models import SESSION_TRANSITIONS, RequestStatus, SessionStatus
from opencasus.triage.services.table import OPEN_SESSION_STATUSES

if TYPE_CHECKING:
    pass


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


# Standing members ------------------------------------------------------------------------------------------

@login_required
def standing_members(request: AuthenticatedHttpRequest) -> HttpResponse:
    actor = request.user
    houses = list(selectors_table.managed_houses(actor=actor))
    if not houses:
        raise Http404
    house_id = _int(request.GET.get("huis")) or current_house_id(request)
    house = next((h for h in houses if h.pk == house_id), houses[0])
    form = StandingMemberForm(request.POST or None, organisations=selectors_table.house_organisations(house.pk),
                              meeting_types=selectors_table.house_meeting_types(house.pk),
                              professionals=selectors.eligible_professionals(house))
    if request.method == "POST" and form.is_valid():
        try:
            services.standing_member_add(actor=actor, house_id=house.pk,
                                         organisation_id=form.cleaned_data["organisation"],
                                         user_id=form.cleaned_data["user"],
                                         meeting_type_id=form.cleaned_data["meeting_type"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The standing member has been added."))
            return redirect(f"{reverse('triage:standing-members')}?huis={house.pk}")
    members = selectors_table.standing_members(actor=actor, house_id=house.pk)
    return render(request, "triage/standing_members.html", {
        "houses": houses, "house": house, "form": form,
        "table_members": [m for m in members if m.meeting_type_id is None],
        "conference_members": [m for m in members if m.meeting_type_id is not None],
        "breadcrumbs": [(_("Triage meeting"), reverse("triage:sessions")), (_("Standing members"), "")],
    }, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def standing_member_end(request: AuthenticatedHttpRequest, member_id: int) -> HttpResponse:
    form = EndForm(request.POST)
    # The service decides access first (a seat of another house is 404, however the form was filled in).
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        member = services.standing_member_end(actor=request.user, member_id=member_id, reason=reason)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("triage:standing-members")
    messages.success(request, _("The seat has ended; the access it gave ends with it."))
    return redirect(f"{reverse('triage:standing-members')}?huis={member.house_id}")


# Sessions --------------------------------------------------------------------------------------------------

@login_required
def sessions(request: AuthenticatedHttpRequest) -> HttpResponse:
    actor = request.user
    core = list(selectors.core_houses(actor=actor))
    rows = selectors_table.session_list(actor=actor)
    if not table_house_ids(actor):
        raise Http404
    form = SessionForm(request.POST or None, houses=core) if core else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                session = services.session_create(actor=actor, house_id=form.cleaned_data["house"],
                                                  date=form.cleaned_data["date"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The triage session has been planned."))
                return redirect("triage:session", session_id=session.pk)
    intakes = selectors_table.table_intakes(actor=actor) if not core else []
    return render(request, "triage/sessions.html", {
        "sessions": rows, "form": form, "intakes": intakes,
        "breadcrumbs": [(_("Triage meeting"), reverse("triage:queue") if core else ""), (_("Triage sessions"), "")],
    }, status=400 if request.method == "POST" else 200)


def _session_context(request: AuthenticatedHttpRequest, session_id: int, **forms: Any) -> dict[str, Any]:
    actor = request.user
    session, level, rows = selectors_table.session_detail(actor=actor, session_id=session_id)
    core = level >= TableAccess.CORE
    editable = core and session.status in OPEN_SESSION_STATUSES
    return {
        "session": session, "rows": rows, "core": core, "editable": editable,
        "minutes_form": forms.get("minutes_form") or (MinutesForm(initial={"version": session.version,
                                                                          "minutes": session.minutes})
                                                      if editable else None),
        "intakes_form": forms.get("intakes_form") or (SessionIntakesForm(
            cases=selectors_table.queue_for_session(actor=actor, session=session)) if editable else None),
        "transitions": [(s, SessionStatus(s).label) for s in sorted(SESSION_TRANSITIONS.targets(session.status))]
        if core else [],
        "breadcrumbs": [(_("Triage sessions"), reverse("triage:sessions")), (long_date(session.date), "")],
    }


@login_required
def session(request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
    context = _session_context(request, session_id)
    if request.method == "POST":
        if not context["core"]:
            raise PermissionDenied
        form = MinutesForm(request.POST)
        if form.is_valid():
            try:
                services.session_minutes_save(actor=request.user, session_id=session_id,
                                              minutes=form.cleaned_data["minutes"],
                                              expected_version=form.cleaned_data["version"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The minutes have been saved."))
                return redirect("triage:session", session_id=session_id)
        context["minutes_form"] = form
        return render(request, "triage/session.html", context, status=400)
    return render(request, "triage/session.html", context)


@login_required
@require_POST
def session_intakes(request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
    context = _session_context(request, session_id)
    if not context["core"]:
        raise PermissionDenied
    form = SessionIntakesForm(request.POST, cases=selectors_table.queue_for_session(actor=request.user,
                                                                                      session=context["session"]))
    if form.is_valid():
        try:
            services.session_add_intakes(actor=request.user, session_id=session_id,
                                         case_ids=form.cleaned_data["cases"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The intakes have been put on the list."))
            return redirect("triage:session", session_id=session_id)
    context["intakes_form"] = form
    return render(request, "triage/session.html", context, status=400)


@login_required
@require_POST
def session_intake_remove(request: AuthenticatedHttpRequest, session_id: int, case_id: int) -> HttpResponse:
    try:
        services.session_remove_intake(actor=request.user, session_id=session_id, case_id=case_id)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The intake has been taken off the list."))
    return redirect("triage:session", session_id=session_id)


@login_required
@require_POST
def session_status(request: AuthenticatedHttpRequest, session_id: int) -> HttpResponse:
    try:
        services.session_transition(actor=request.user, session_id=session_id,
                                    to_status=request.POST.get("status", ""),
                                    expected_version=_int(request.POST.get("version")))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The status of the session has changed."))
    return redirect("triage:session", session_id=session_id)


# The intake at the table -----------------------------------------------------------------------------------

@login_required
def table_intake(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    actor = request.user
    intake = selectors_table.table_intake_get(actor=actor, case_id=case_id)
    form = ContributionForm(request.POST or None, organisations=intake.own_organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.contribution_add(actor=actor, case_id=case_id, text=form.cleaned_data["text"],
                                      life_domains=form.cleaned_data["life_domains"],
                                      organisation_id=form.cleaned_data["organisation"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Your contribution has been added."))
            return redirect("triage:table-intake", case_id=case_id)
    return render(request, "triage/table_intake.html", {
        "intake": intake, "case": intake.case, "form": form, "core": intake.level >= TableAccess.CORE,
        "breadcrumbs": [(_("Triage sessions"), reverse("triage:sessions")), (intake.case.reference, "")],
    }, status=400 if request.method == "POST" else 200)


# Information requests --------------------------------------------------------------------------------------

@login_required
def requests(request: AuthenticatedHttpRequest) -> HttpResponse:
    actor = request.user
    overdue = request.GET.get("te-laat") == "1"
    status = request.GET.get("status")
    status = status if status in RequestStatus.values else None
    rows = selectors_table.request_list(actor=actor, overdue=True if overdue else None, status=status)
    return render(request, "triage/requests.html", {
        "rows": rows, "overdue": overdue, "status": status,
        "breadcrumbs": [(_("Information requests"), "")],
    })


@login_required
def request_new(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    actor = request.user
    case, _assessment = selectors.assessment_get(actor=actor, case_id=case_id)
    form = RequestForm(request.POST or None, organisations=selectors_table.house_organisations(case.house_id),
                       persons=case.persons.all())
    if request.method == "POST" and form.is_valid():
        try:
            services.information_request_create(
                actor=actor, case_id=case.pk, organisation_id=form.cleaned_data["organisation"],
                person_ids=form.cleaned_data["persons"], life_domains=form.cleaned_data["life_domains"],
                question=form.cleaned_data["question"], due_date=form.cleaned_data["due_date"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The information request has been sent."))
            return redirect(f"{reverse('triage:assessment', args=[case.pk])}#verzoeken")
    return render(request, "triage/request_new.html", {
        "case": case, "form": form,
        "breadcrumbs": [(_("Triage meeting"), reverse("triage:queue")),
                        (case.reference, reverse("triage:assessment", args=[case.pk])),
                        (_("New information request"), "")],
    }, status=400 if request.method == "POST" else 200)


@login_required
def request_detail(request: AuthenticatedHttpRequest, request_id: int) -> HttpResponse:
    actor = request.user
    view = selectors_table.request_detail(actor=actor, request_id=request_id)
    can_answer = view.level == RequestAccess.ADDRESSEE and view.request.status == RequestStatus.OPEN
    form = AnswerForm(request.POST or None, initial={"version": view.request.version}) if can_answer else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.information_request_answer(
                    actor=actor, request_id=request_id, text=form.cleaned_data["text"],
                    life_domains=form.cleaned_data["life_domains"], legal_basis=form.cleaned_data["legal_basis"],
                    sharing_scope=form.cleaned_data["sharing_scope"], expected_version=form.cleaned_data["version"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Your answer has been sent to the triage table."))
                return redirect("triage:request", request_id=request_id)
    return render(request, "triage/request_detail.html", {
        "view": view, "req": view.request, "form": form, "core": view.level == RequestAccess.CORE,
        "overdue": view.request.is_overdue(),
        "breadcrumbs": [(_("Information requests"), reverse("triage:requests")), (view.request.case.reference, "")],
    }, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def request_withdraw(request: AuthenticatedHttpRequest, request_id: int) -> HttpResponse:
    try:
        services.information_request_withdraw(actor=request.user, request_id=request_id,
                                              expected_version=_int(request.POST.get("version")))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The information request has been withdrawn."))
    return redirect("triage:request", request_id=request_id)
