"""Pages of steering: the strategic agenda of a region and year, the records of tactical and strategic meetings,
and the meeting actions. Reads through `governance.selectors`, writes through `governance.services`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.api.filters import filter_values
from opencasus.core.forms import apply_errors
from opencasus.governance import selectors, services
from opencasus.governance.filters import ActionFilter
from opencasus.governance.forms import (
    ActionForm,
    ActionStatusForm,
    AgendaChoiceForm,
    EscalationForm,
    ItemForm,
    MeetingForm,
    ThemeChangeForm,
    ThemeForm,
)
from opencasus.governance.models import ActionStatus, GovernanceMeeting, ItemKind, MeetingLevel


def _crumbs(*pairs: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Steering"), reverse("governance:index")), *pairs]


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    regions = list(selectors.regions(actor=request.user))
    if not regions:
        if selectors.action_list(actor=request.user, mine=True).exists():
            return redirect("governance:actions")
        raise Http404
    source = request.POST if request.method == "POST" else request.GET
    choice = AgendaChoiceForm(source if "region" in source else None, regions=[(r.pk, r.name) for r in regions],
                              initial={"region": regions[0].pk, "year": timezone.localdate().year})
    region_id, year = regions[0].pk, timezone.localdate().year
    if choice.is_bound and choice.is_valid():
        region_id, year = choice.cleaned_data["region"], choice.cleaned_data["year"]
    region = next(r for r in regions if r.pk == region_id)
    may_edit = region.pk in selectors.edit_region_ids(actor=request.user)
    form = ThemeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.theme_create(actor=request.user, region_id=region.pk, year=year,
                                      name=form.cleaned_data["name"], aims=form.cleaned_data["aims"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The priority theme has been added to the agenda."))
                return redirect(f"{reverse('governance:index')}?region={region.pk}&year={year}")
    return render(request, "governance/index.html", {
        "choice": choice, "region": region, "year": year, "may_edit": may_edit, "form": form,
        "themes": list(selectors.theme_list(actor=request.user, region_id=region.pk, year=year)),
        "meetings": list(selectors.meeting_list(actor=request.user, region_id=region.pk, year=year)),
        "may_record": bool(selectors.meeting_houses(actor=request.user, level=MeetingLevel.TACTICAL).exists()
                           or selectors.meeting_houses(actor=request.user, level=MeetingLevel.STRATEGIC).exists()),
        "breadcrumbs": [(_("Steering"), "")],
    })


@login_required
def theme_detail(request: AuthenticatedHttpRequest, theme_id: int) -> HttpResponse:
    theme = selectors.theme_get(actor=request.user, theme_id=theme_id)
    may_edit = selectors.may_edit_theme(actor=request.user, theme=theme)
    form = ThemeChangeForm(request.POST if request.method == "POST" else None,
                           initial={"name": theme.name, "aims": theme.aims, "version": theme.version})
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.theme_update(actor=request.user, theme_id=theme.pk, name=form.cleaned_data["name"],
                                      aims=form.cleaned_data["aims"], expected_version=form.cleaned_data["version"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The priority theme has been saved."))
                return redirect("governance:theme", theme_id=theme.pk)
    return render(request, "governance/theme.html", {
        "theme": theme, "form": form, "may_edit": may_edit,
        "breadcrumbs": _crumbs((theme.name, ""))})


def _house_choices(request: AuthenticatedHttpRequest) -> list[tuple[int, str]]:
    houses = {h.pk: h.name for level in MeetingLevel.values
              for h in selectors.meeting_houses(actor=request.user, level=level)}
    return sorted(houses.items(), key=lambda item: item[1])


@login_required
def meeting_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    houses = _house_choices(request)
    if not houses:
        raise Http404
    form = MeetingForm(request.POST if request.method == "POST" else None, houses=houses,
                       initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.meeting_create(actor=request.user, level=data["level"], house_id=data["house"],
                                              date=data["date"], title=data["title"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The meeting has been recorded."))
            return redirect("governance:meeting", meeting_id=meeting.pk)
    return render(request, "governance/meeting_new.html", {
        "form": form, "breadcrumbs": _crumbs((_("New meeting"), ""))})


def _meeting_forms(request: AuthenticatedHttpRequest, meeting: GovernanceMeeting,
                   posted: str | None) -> dict[str, Any]:
    themes = [(t.pk, t.name) for t in selectors.meeting_themes(meeting)]
    data = request.POST if posted else None
    return {
        "agenda": ItemForm(data if posted == "agenda" else None, themes=themes, prefix="agenda"),
        "decision": ItemForm(data if posted == "decision" else None, themes=themes, prefix="decision"),
        "action": ActionForm(data if posted == "action" else None, prefix="action",
                             owners=selectors.owner_choices(meeting),
                             decisions=[(d.pk, d.text[:80]) for d in selectors.meeting_decisions(meeting)]),
        "escalation": EscalationForm(data if posted == "escalation" else None, prefix="escalation",
                                     escalations=selectors.escalation_choices(actor=request.user, meeting=meeting)),
    }


def _save_meeting_form(request: AuthenticatedHttpRequest, meeting: GovernanceMeeting, posted: str,
                       form: Any) -> bool:
    data = form.cleaned_data
    try:
        if posted in (ItemKind.AGENDA, ItemKind.DECISION):
            services.item_add(actor=request.user, meeting_id=meeting.pk, kind=posted, text=data["text"],
                              theme_id=data["theme"])
        elif posted == "action":
            services.action_add(actor=request.user, meeting_id=meeting.pk, description=data["description"],
                                owner_id=data["owner"], deadline=data["deadline"], decision_id=data["decision"])
        else:
            services.escalation_link(actor=request.user, meeting_id=meeting.pk, escalation_id=data["escalation"])
    except ValidationError as exc:
        apply_errors(form, exc)
        return False
    return True


@login_required
def meeting_detail(request: AuthenticatedHttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_get(actor=request.user, meeting_id=meeting_id)
    may_edit = selectors.may_edit_meeting(actor=request.user, meeting=meeting)
    posted = request.POST.get("form") if request.method == "POST" else None
    if posted is not None and not may_edit:
        raise PermissionDenied
    if posted not in (None, "agenda", "decision", "action", "escalation"):
        posted = None
    forms = _meeting_forms(request, meeting, posted)
    if posted is not None and forms[posted].is_valid() and _save_meeting_form(request, meeting, posted,
                                                                               forms[posted]):
        messages.success(request, _("The record of the meeting has been saved."))
        return redirect(f"{reverse('governance:meeting', args=[meeting.pk])}#{posted}")
    return render(request, "governance/meeting.html", {
        "meeting": meeting, "may_edit": may_edit, "forms": forms,
        "agenda_items": selectors.meeting_items(meeting, ItemKind.AGENDA),
        "decisions": selectors.meeting_items(meeting, ItemKind.DECISION),
        "actions": selectors.meeting_actions(meeting),
        "escalations": selectors.meeting_escalations(actor=request.user, meeting=meeting),
        "today": timezone.localdate(),
        "breadcrumbs": _crumbs((meeting.title, "")),
    })


@login_required
def action_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    values = filter_values(ActionFilter, request.GET)
    actions = list(selectors.action_list(actor=request.user, mine=bool(values["mine"]),
                                         overdue=bool(values["overdue"]))[:500])
    return render(request, "governance/actions.html", {
        "actions": actions, "filter": ActionFilter(request.GET or None), "today": timezone.localdate(),
        "breadcrumbs": _crumbs((_("Meeting actions"), ""))})


@login_required
def action_detail(request: AuthenticatedHttpRequest, action_id: int) -> HttpResponse:
    action = selectors.action_get(actor=request.user, action_id=action_id)
    targets = [(t, str(ActionStatus(t).label)) for t in selectors.action_targets(actor=request.user, action=action)]
    form = ActionStatusForm(request.POST if request.method == "POST" else None, targets=targets,
                            initial={"version": action.version})
    if request.method == "POST":
        if not targets:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.action_set_status(actor=request.user, action_id=action.pk,
                                           status=form.cleaned_data["status"],
                                           expected_version=form.cleaned_data["version"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The status of the action has been changed."))
                return redirect("governance:action", action_id=action.pk)
    return render(request, "governance/action.html", {
        "action": action, "form": form, "targets": targets, "overdue": selectors.is_overdue(action),
        "breadcrumbs": _crumbs((action.meeting.title, reverse("governance:meeting", args=[action.meeting_id])),
                               (_("Action"), ""))})
