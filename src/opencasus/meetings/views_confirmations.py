"""Pages for mandates (on the attendance page of a meeting) and for confirmations of decisions beyond a mandate:
the list (`/bevestigingen/`) and one confirmation, where the organisation asked confirms or refuses."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencasus.access import capacities
from opencasus.access.confirmations import ConfirmationAccess
from opencasus.access.houses import narrow_to_current_house
from opencasus.core.forms import apply_errors
from opencasus.meetings import mandates, selectors
from opencasus.meetings.filters import ConfirmationFilter
from opencasus.meetings.forms import ConfirmationAnswerForm
from opencasus.meetings.models import ConfirmationStatus, MandateScope

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def _actor(request: HttpRequest) -> User:
    return cast("User", request.user)


def attendance_context(request: HttpRequest, meeting: Any, *, posted: dict[str, dict[str, str]] | None = None,
                       errors: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The attendance page's mandate rows, with what was posted and its errors when a save failed."""
    rows = []
    for row in mandates.mandate_rows(actor=_actor(request), meeting=meeting):
        values = (posted or {}).get(row.key) or {
            "scope": row.mandate.scope if row.mandate else "", "limit": row.mandate.limit if row.mandate else ""}
        rows.append({"row": row, "values": values, "errors": (errors or {}).get(f"mandate-{row.key}", [])})
    return {"mandate_rows": rows, "scopes": MandateScope.choices,
            "mandate_errors": [m for ms in (errors or {}).values() for m in ms]}


@login_required
@require_POST
def mandates_save(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Core staff record per invitee whether they may commit their organisation (and up to what)."""
    meeting = selectors.meeting_get(actor=_actor(request), meeting_id=meeting_id, core=True)
    rows = mandates.mandate_rows(actor=_actor(request), meeting=meeting)
    posted: dict[str, dict[str, str]] = {}
    inputs = []
    for row in rows:
        scope = request.POST.get(f"scope-{row.key}", "")
        limit = request.POST.get(f"limit-{row.key}", "")[:1000]
        version = request.POST.get(f"version-{row.key}", "")
        posted[row.key] = {"scope": scope, "limit": limit}
        inputs.append(mandates.MandateInput(
            user_id=row.invitation.user_id, organisation_id=row.organisation.pk, scope=scope, limit=limit,
            version=int(version) if version.isdigit() and len(version) < 10 else None))
    try:
        changed = mandates.mandates_save(actor=_actor(request), meeting_id=meeting.pk, rows=inputs)
    except ValidationError as error:
        errors = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        invitations = list(selectors.invitations(actor=_actor(request), meeting=meeting))
        return render(request, "meetings/attendance.html", {
            "meeting": meeting, "invitations": invitations,
            **attendance_context(request, meeting, posted=posted, errors=errors)}, status=400)
    if changed:
        messages.success(request, _("The mandates have been saved."))
    else:
        messages.info(request, _("No mandate was changed."))
    return redirect(reverse("meetings:attendance", args=[meeting.pk]) + "#mandaten")


@login_required
def confirmation_list(request: HttpRequest) -> HttpResponse:
    """The organisation asked: what waits for its confirmation; core staff: all of their house (filterable)."""
    actor = _actor(request)
    core = bool(capacities.core_staff_house_ids(actor))
    # Without parameters: those still waiting (the API list's parameters, the same FilterSet).
    filters = ConfirmationFilter(request.GET or {"status": ConfirmationStatus.PENDING})
    form = filters.form
    if not core:
        del form.fields["mine"]  # a partner professional sees what their organisation is asked for
    status: str | None = None
    overdue: bool | None = None
    mine = not core
    if form.is_valid():
        status = form.cleaned_data["status"] or None
        overdue = True if form.cleaned_data["overdue"] else None
        mine = bool(form.cleaned_data.get("mine")) or not core
    found = list(narrow_to_current_house(
        request, mandates.confirmation_list(actor=actor, status=status, overdue=overdue, mine=mine,
                                   core_houses=core and not mine),
        "house_id")[:200])
    mandates.log_list(actor=actor, confirmations=found)
    return render(request, "meetings/confirmation_list.html", {
        "confirmations": found, "form": form, "core": core, "today": timezone.localdate()})


@login_required
def confirmation_detail(request: HttpRequest, confirmation_id: int) -> HttpResponse:
    actor = _actor(request)
    found, access = mandates.confirmation_get(actor=actor, confirmation_id=confirmation_id)
    may_answer = access == ConfirmationAccess.ORGANISATION and found.status == ConfirmationStatus.PENDING
    form = None
    if may_answer:
        form = ConfirmationAnswerForm(request.POST or None, initial={"version": found.version})
        if request.method == "POST" and form.is_valid():
            confirmed = form.cleaned_data["answer"] == "confirm"
            try:
                mandates.confirmation_answer(actor=actor, confirmation_id=found.pk,
                                             expected_version=form.cleaned_data["version"], confirmed=confirmed,
                                             note=form.cleaned_data["note"])
            except ValidationError as error:
                apply_errors(form, error)
            except PermissionDenied as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Your organisation has confirmed the decision.") if confirmed
                                 else _("Your organisation has not confirmed the decision; the reason is recorded."))
                return redirect("meetings:confirmation", found.pk)
    elif request.method == "POST":
        messages.error(request, _("This confirmation is already answered.") if access == ConfirmationAccess.ORGANISATION
                       else _("Only the organisation asked confirms or refuses."))
        return redirect("meetings:confirmation", found.pk)
    return render(request, "meetings/confirmation_detail.html", {
        "confirmation": found, "form": form, "core": access == ConfirmationAccess.CORE,
        "overdue": found.status == ConfirmationStatus.PENDING and found.deadline < timezone.localdate(),
        "today": timezone.localdate(),
        "breadcrumbs": [(_("Confirmations"), reverse("meetings:confirmations")),
                        (found.case.reference, "")]})
