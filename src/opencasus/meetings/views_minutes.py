"""Pages for minutes in BOB form, attendance and the chair's self-report (Stappenmeter)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencasus.access import meetings as meeting_access
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.forms import apply_errors
from opencasus.logbook import purposes
from opencasus.meetings import minutes as minute_services
from opencasus.meetings import selectors
from opencasus.meetings.forms import DecisionDeadlineForm, DecisionForm, MinutesForm, SelfReportForm
from opencasus.meetings.models import MinutesStatus, SelfReportKind
from opencasus.meetings.views import error_message, posted_version

DecisionFormSet = forms.formset_factory(DecisionForm, extra=2)


@login_required
def minutes(request: AuthenticatedHttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    """Core staff write (secretary) and approve (chair); an invitee reads approved minutes of their item."""
    meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id)
    item = selectors.agenda_item_get(actor=request.user, meeting=meeting, item_id=item_id)
    core = meeting_access.is_core(request.user, meeting)
    record = selectors.minutes_for(actor=request.user, item=item)
    decisions = selectors.minutes_decisions(record)
    editable = core and (record is None or record.status == MinutesStatus.DRAFT)
    form = formset = None
    if editable:
        initial = {"picture_forming": record.picture_forming if record else "",
                   "judgement": record.judgement if record else "", "version": record.version if record else None}
        form = MinutesForm(request.POST or None, initial=initial)
        formset = DecisionFormSet(request.POST or None, prefix="decisions", form_kwargs={"case_id": item.case_id},
                                  initial=[{"description": d.description, "owner_organisation": d.owner_organisation,
                                            "owner_user": d.owner_user, "deadline": d.deadline,
                                            "exceeds_mandate": d.exceeds_mandate} for d in decisions])
        if request.method == "POST" and form.is_valid() and formset.is_valid():
            rows = [minute_services.DecisionInput(
                description=f.cleaned_data["description"],
                owner_organisation_id=f.cleaned_data["owner_organisation"].pk
                if f.cleaned_data.get("owner_organisation") else None,
                owner_user_id=f.cleaned_data["owner_user"].pk if f.cleaned_data.get("owner_user") else None,
                deadline=f.cleaned_data.get("deadline"),
                exceeds_mandate=bool(f.cleaned_data.get("exceeds_mandate")),
            ) for f in formset.forms if f.cleaned_data.get("description", "").strip()]
            try:
                minute_services.minutes_save(
                    actor=request.user, meeting_id=meeting.pk, item_id=item.pk,
                    picture_forming=form.cleaned_data["picture_forming"], judgement=form.cleaned_data["judgement"],
                    decisions=rows, expected_version=form.cleaned_data["version"], version_required=True)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The minutes have been saved."))
                return redirect("meetings:minutes", meeting.pk, item.pk)
    elif request.method == "POST":
        messages.error(request, _("Approved minutes can no longer be changed."))
        return redirect("meetings:minutes", meeting.pk, item.pk)
    if request.method == "GET":
        selectors.record_minutes_view(actor=request.user, item=item, minutes=record)
    return render(request, "meetings/minutes.html", {
        "meeting": meeting, "item": item, "record": record, "decisions": decisions, "core": core,
        "form": form, "formset": formset, "today": timezone.localdate(),
        "may_correct": core and meeting_access.may_correct_decisions(request.user, meeting.house_id),
        "may_approve": core and record is not None and record.status == MinutesStatus.DRAFT
        and meeting_access.may_approve_minutes(request.user, meeting)})


@login_required
@require_POST
def minutes_approve(request: AuthenticatedHttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    try:
        minute_services.minutes_approve(actor=request.user, meeting_id=meeting_id, item_id=item_id,
                                        expected_version=posted_version(request))
    except ValidationError as error:
        error_message(request, error)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The minutes have been approved."))
    return redirect("meetings:minutes", meeting_id, item_id)


@login_required
@require_POST
def decision_agreement(request: AuthenticatedHttpRequest, meeting_id: int, item_id: int,
                       decision_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id, core=True)
    item = selectors.agenda_item_get(actor=request.user, meeting=meeting, item_id=item_id)
    selectors.decision_check(actor=request.user, item=item, decision_id=decision_id)
    try:
        minute_services.decision_to_agreement(actor=request.user, decision_id=decision_id)
    except ValidationError as error:
        error_message(request, error)
    else:
        messages.success(request, _("The decision is now an agreement in the case's plan."))
    return redirect("meetings:minutes", meeting_id, item_id)


@login_required
@require_POST
def decision_deadline(request: AuthenticatedHttpRequest, meeting_id: int, item_id: int,
                      decision_id: int) -> HttpResponse:
    """A process director corrects a decision's deadline (approved minutes stay otherwise read-only)."""
    meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id, core=True)
    item = selectors.agenda_item_get(actor=request.user, meeting=meeting, item_id=item_id)
    selectors.decision_check(actor=request.user, item=item, decision_id=decision_id)
    form = DecisionDeadlineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid date."))
        return redirect("meetings:minutes", meeting_id, item_id)
    try:
        minute_services.decision_deadline_correct(actor=request.user, decision_id=decision_id,
                                                  deadline=form.cleaned_data["deadline"])
    except ValidationError as error:
        error_message(request, error)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The deadline of the decision has been corrected."))
    return redirect("meetings:minutes", meeting_id, item_id)


@login_required
def attendance(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id, core=True)
    invitations = list(selectors.invitations(actor=request.user, meeting=meeting))
    if request.method == "POST":
        choices = {"yes": True, "no": False}
        values = {inv.user_id: choices.get(request.POST.get(f"attended-{inv.user_id}", "")) for inv in invitations}
        try:
            minute_services.attendance_record(actor=request.user, meeting_id=meeting.pk, attended=values)
        except ValidationError as error:
            error_message(request, error)
        else:
            messages.success(request, _("Attendance has been recorded."))
            return redirect("meetings:attendance", meeting.pk)
    else:
        selectors.record_attendance_view(actor=request.user, meeting=meeting, purpose=purposes.MEETING_ATTENDANCE)
    from opencasus.meetings.views_confirmations import attendance_context

    return render(request, "meetings/attendance.html", {"meeting": meeting, "invitations": invitations,
                                                        **attendance_context(request, meeting)})


@login_required
def self_report(request: AuthenticatedHttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    """The chair's Stappenmeter for one case of the meeting."""
    meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id, core=True)
    item = selectors.agenda_item_get(actor=request.user, meeting=meeting, item_id=item_id)
    form = SelfReportForm(request.POST or None, initial={"kind": SelfReportKind.CONFERENCE})
    if request.method == "POST" and form.is_valid():
        data: dict[str, Any] = form.cleaned_data
        try:
            minute_services.self_report_create(
                actor=request.user, case_id=item.case_id, meeting_id=meeting.pk, kind=data["kind"],
                goals_score=data["goals_score"], cooperation_score=data["cooperation_score"], note=data["note"])
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The self-report has been recorded."))
            return redirect("meetings:agenda", meeting.pk)
    reports = list(selectors.self_report_list(actor=request.user, case_id=item.case_id))
    if request.method == "GET":
        selectors.record_self_report_view(actor=request.user, item=item)
    return render(request, "meetings/self_report.html",
                  {"meeting": meeting, "item": item, "form": form, "reports": reports})
