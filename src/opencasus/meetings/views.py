"""Pages for the meeting planner, the agenda and the invitee's own meetings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Sequence
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencasus.access import capacities
from opencasus.access import meetings as meeting_access
from opencasus.access.houses import narrow_to_current_house
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.forms import apply_errors
from opencasus.core.versions import version_missing
from opencasus.meetings import invitations as invitation_services
from opencasus.meetings import optimiser, selectors, services
from opencasus.meetings.forms import AgendaItemAddForm, AgendaItemForm, MeetingForm
from opencasus.meetings.models import AgendaItem, Meeting, MeetingStatus
from opencasus.meetings.optimiser import LEAVE_AFTER_MINUTES, compare
from opencasus.meetings.recurrence import recurrence_text
from opencasus.meetings.start import this_week


def error_message(request: AuthenticatedHttpRequest, error: ValidationError) -> None:
    for text in (error.messages if not hasattr(error, "error_dict") else
                 [m for msgs in error.message_dict.values() for m in msgs]):
        messages.error(request, text)


def posted_version(request: AuthenticatedHttpRequest, default: int | None = None) -> int | None:
    """The version a form was built from; one that is not a number matches no version (a conflict), never
    a server error."""
    value = request.POST.get("version", "")
    if value == "":
        return default
    return int(value) if value.isdigit() and len(value) < 10 else -1


@login_required
def meeting_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The planner: meetings of the actor's houses (core staff) and the meetings that need them."""
    core_houses = capacities.core_staff_houses(request.user)
    form = None
    if core_houses:
        form = MeetingForm(request.POST or None, houses=list(core_houses))
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                meeting = services.meeting_create(
                    actor=request.user, house_id=data["house"].pk, meeting_type=data["meeting_type"],
                    date=data["date"], start_time=data["start_time"], location=data["location"],
                    video_link=data["video_link"], chair=data["chair"], secretary=data["secretary"])
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The meeting has been planned."))
                return redirect("meetings:agenda", meeting.pk)
    elif request.method == "POST":
        raise Http404
    week = request.GET.get("week") == "deze"
    meetings_qs = selectors.meeting_list(actor=request.user, dates=this_week() if week else None)
    meetings = list(narrow_to_current_house(request, meetings_qs))
    selectors.record_meeting_list_view(actor=request.user, meetings=meetings)
    today = timezone.localdate()
    return render(request, "meetings/meeting_list.html", {
        "upcoming": [m for m in meetings if m.date >= today][::-1],
        "past": [m for m in meetings if m.date < today], "form": form, "week": week})


@login_required
def my_meetings(request: AuthenticatedHttpRequest) -> HttpResponse:
    """For an invitee: their own items in upcoming meetings, with their times."""
    items = selectors.my_meetings_view(actor=request.user, today=timezone.localdate())
    rows = [(item, *_times(item.meeting, item)) for item in items]
    return render(request, "meetings/my_meetings.html", {"rows": rows})


def _times(meeting: Meeting, item: AgendaItem) -> tuple[Any, Any]:
    start = meeting.starts_at()
    return (timezone.localtime(start + dt.timedelta(minutes=item.start_offset)),
            timezone.localtime(start + dt.timedelta(minutes=item.end_offset)))


def _attendee_names(items: Sequence[AgendaItem]) -> dict[Hashable, str]:
    names: dict[Hashable, str] = {}
    for item in items:
        for user in item.professionals.all():
            names[("user", user.pk)] = user.get_full_name() or user.username
        for org in item.organisations.all():
            names[("organisation", org.pk)] = _("%(organisation)s (organisation)") % {"organisation": org.name}
    return names


def _figures(items: Sequence[AgendaItem]) -> dict[str, Any]:
    comparison = compare(services.optimiser_items(items))
    names = _attendee_names(items)
    rows = []
    for key, attendance in comparison.current.per_attendee.items():
        baseline = comparison.target_group.per_attendee[key]
        rows.append({"name": names.get(key, "?"), "minutes": attendance.minutes, "blocks": len(attendance.blocks),
                     "baseline": baseline.minutes, "saving": difference_text(baseline.minutes - attendance.minutes)})
    rows.sort(key=lambda r: str(r["name"]))
    return {"comparison": comparison, "attendance_rows": rows, "leave_after": LEAVE_AFTER_MINUTES,
            "comparison_text": comparison_text(comparison)}


def difference_text(saving: int) -> str:
    """A saving in words: never a negative number of minutes saved."""
    if saving > 0:
        return _("%(n)s min. less") % {"n": saving}
    if saving < 0:
        return _("%(n)s min. more") % {"n": -saving}
    return _("the same")


def comparison_text(comparison: optimiser.Comparison) -> str:
    current, baseline = comparison.current.total_minutes, comparison.target_group.total_minutes
    saving = comparison.saving_minutes
    if saving > 0:
        return _("Total attendance in this order: %(current)s minutes. Ordered by target group it would be "
                 "%(baseline)s minutes: this order saves %(n)s minutes.") % {
            "current": current, "baseline": baseline, "n": saving}
    if saving < 0:
        return _("Total attendance in this order: %(current)s minutes. Ordered by target group it would be "
                 "%(baseline)s minutes: this order takes %(n)s minutes more.") % {
            "current": current, "baseline": baseline, "n": -saving}
    return _("Total attendance in this order: %(current)s minutes, the same as ordered by target group.") % {
        "current": current}


def optimise_message(comparison: optimiser.Comparison) -> str:
    """What ordering did, against the order before it (not against the target-group ordering)."""
    after = comparison.current.total_minutes
    if comparison.improvement_minutes > 0:
        return _("The agenda has been ordered by needed partners: attendance went from %(before)s to %(after)s "
                 "minutes, %(saving)s minutes saved.") % {
            "before": after + comparison.improvement_minutes, "after": after,
            "saving": comparison.improvement_minutes}
    return _("The agenda was already in the best order found: %(after)s minutes of attendance.") % {"after": after}


@login_required
def agenda(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    """The agenda: everything for core staff; for an invitee, only their own items."""
    meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id)
    core = meeting_access.is_core(request.user, meeting)
    items = selectors.agenda_view(actor=request.user, meeting=meeting)
    context: dict[str, Any] = {"meeting": meeting, "core": core, "rows": [(i, *_times(meeting, i)) for i in items],
                               "planned": meeting.status == MeetingStatus.PLANNED}
    if core:
        context.update(_figures(items))
        context["add_form"] = AgendaItemAddForm(cases=selectors.admitted_cases(actor=request.user, meeting=meeting))
        context["invitations"] = list(selectors.invitations(actor=request.user, meeting=meeting))
    else:
        context["invitations"] = list(selectors.invitations(actor=request.user, meeting=meeting))
    context["recurrence"] = recurrence_text(meeting)
    return render(request, "meetings/agenda.html", context)


@login_required
def meeting_edit(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id, core=True)
    form = MeetingForm(request.POST or None, instance=meeting, houses=[meeting.house])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changes = services.MeetingChanges(
            meeting_type=data["meeting_type"], date=data["date"], start_time=data["start_time"],
            location=data["location"], video_link=data["video_link"], chair=data["chair"],
            secretary=data["secretary"])
        try:
            version = posted_version(request)
            if version is None:  # a post without the version would overwrite another user's change unseen
                raise version_missing()
            services.meeting_update(actor=request.user, meeting_id=meeting.pk, expected_version=version,
                                    changes=changes)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The meeting has been changed. Send the updates to the invitees."))
            return redirect("meetings:agenda", meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
@require_POST
def meeting_status(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    try:
        services.meeting_set_status(actor=request.user, meeting_id=meeting_id, status=request.POST.get("status", ""))
    except ValidationError as error:
        error_message(request, error)
    else:
        messages.success(request, _("The status of the meeting has been changed."))
    return redirect("meetings:agenda", meeting_id)


@login_required
@require_POST
def agenda_add(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id, core=True)
    form = AgendaItemAddForm(request.POST, cases=selectors.admitted_cases(actor=request.user, meeting=meeting))
    if form.is_valid():
        try:
            services.agenda_item_add(actor=request.user, meeting_id=meeting.pk, case_id=form.cleaned_data["case"].pk,
                                     minutes=form.cleaned_data["minutes"])
        except ValidationError as error:
            error_message(request, error)
        else:
            messages.success(request, _("The case has been put on the agenda."))
    else:
        messages.error(request, _("Choose an admitted case of this house."))
    return redirect("meetings:agenda", meeting.pk)


@login_required
@require_POST
def agenda_move(request: AuthenticatedHttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    step = -1 if request.POST.get("direction") == "up" else 1
    try:
        services.agenda_item_move(actor=request.user, meeting_id=meeting_id, item_id=item_id, step=step)
    except ValidationError as error:
        error_message(request, error)
    return redirect("meetings:agenda", meeting_id)


@login_required
@require_POST
def agenda_optimise(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    try:
        comparison = services.agenda_optimise(actor=request.user, meeting_id=meeting_id)
    except ValidationError as error:
        error_message(request, error)
    else:
        messages.success(request, optimise_message(comparison))
    return redirect("meetings:agenda", meeting_id)


@login_required
@require_POST
def invitations_send(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    try:
        result = invitation_services.invitations_send(actor=request.user, meeting_id=meeting_id)
    except ValidationError as error:
        error_message(request, error)
    else:
        messages.success(request, _("Invitations sent: %(invited)s new, %(updated)s updated, %(cancelled)s "
                                    "cancelled, %(unchanged)s unchanged.") % vars(result))
    return redirect("meetings:agenda", meeting_id)


@login_required
def agenda_item(request: AuthenticatedHttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    """Slot and needed participants of one item (core staff), or remove it from the agenda."""
    meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id, core=True)
    item = selectors.agenda_item_get(actor=request.user, meeting=meeting, item_id=item_id)
    initial = {"minutes": item.minutes, "organisations": list(item.organisations.all()),
               "professionals": list(item.professionals.all())}
    form = AgendaItemForm(request.POST or None, initial=initial, case_id=item.case_id)
    if request.method == "POST":
        try:
            if "remove" in request.POST:
                services.agenda_item_remove(actor=request.user, meeting_id=meeting.pk, item_id=item.pk)
                messages.success(request, _("The case has been taken off the agenda."))
                return redirect("meetings:agenda", meeting.pk)
            if form.is_valid():
                services.agenda_item_update(
                    actor=request.user, meeting_id=meeting.pk, item_id=item.pk,
                    minutes=form.cleaned_data["minutes"],
                    organisation_ids=[o.pk for o in form.cleaned_data["organisations"]],
                    professional_ids=[u.pk for u in form.cleaned_data["professionals"]])
                messages.success(request, _("The agenda item has been saved."))
                return redirect("meetings:agenda", meeting.pk)
        except ValidationError as error:
            apply_errors(form, error)
    else:
        selectors.record_agenda_item_view(actor=request.user, item=item)
    return render(request, "meetings/agenda_item.html", {"meeting": meeting, "item": item, "form": form})

