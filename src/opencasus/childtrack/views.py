"""Pages of the Kindspoor: one child's check (from the case workspace), the domestic-violence flag of a case,
and the house's choice of domestic-violence target groups."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from opencasus.access import childtrack as access
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.cases.views_workspace import tab_url
from opencasus.childtrack import selectors, services
from opencasus.childtrack.forms import ChildCheckForm, ConfigurationForm, FlagForm
from opencasus.plans.views._helpers import run, version_of

ANCHOR = "kindspoor"


def _person_id(request: AuthenticatedHttpRequest) -> int | None:
    value = request.GET.get("kind")
    if value is None:
        return None
    if not value.isdigit() or not 0 < int(value) < 2**63:
        raise Http404
    return int(value)


@login_required
@require_http_methods(["GET", "POST"])
def case_child_track(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    """The Kindspoor of a case (`?kind=<person id>`: the check form of that child)."""
    person_id = _person_id(request)
    if person_id is not None:
        return check_form(request, case_id, person_id)
    if request.method != "GET":
        raise Http404
    child_track = selectors.case_child_track(actor=request.user, case_id=case_id)
    case = child_track.case
    return render(request, "childtrack/case.html", {
        "case": case, "child_track": child_track,
        "breadcrumbs": [(_("My cases"), "/casussen"), (case.reference, tab_url(case.pk, "personen", ANCHOR)),
                        (_("Kindspoor"), "")]})


def check_form(request: AuthenticatedHttpRequest, case_id: int, person_id: int) -> HttpResponse:
    case, person, check = selectors.child_check_for_person(actor=request.user, case_id=case_id, person_id=person_id)
    organisations = selectors.help_organisations(house_id=case.house_id)
    status = 200
    if request.method == "POST":
        form = ChildCheckForm(request.POST, organisations=organisations)
        if form.is_valid():
            _result, status = run(form, lambda: services.child_check_record(
                actor=request.user, case_id=case.pk, person_id=person.pk, data=form.to_input(),
                expected_version=version_of(form)))
            if status == 200:
                messages.success(request, _("The child check was saved."))
                return redirect(tab_url(case.pk, "personen", ANCHOR))
        else:
            status = 400
    else:
        form = ChildCheckForm(initial=ChildCheckForm.initial_for(check), organisations=organisations)
    name = f"{person.first_name} {person.last_name}"
    return render(request, "childtrack/check_form.html", {
        "case": case, "person": person, "check": check, "form": form, "name": name,
        "back_url": tab_url(case.pk, "personen", ANCHOR),
        "breadcrumbs": [(_("My cases"), "/casussen"), (case.reference, tab_url(case.pk, "personen", ANCHOR)),
                        (_("Child check of %(name)s") % {"name": name}, "")]}, status=status)


@login_required
@require_POST
def flag(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    form = FlagForm(request.POST)
    if not form.is_valid():
        raise Http404
    services.domestic_violence_flag_set(actor=request.user, case_id=case_id, flagged=form.cleaned_data["flagged"],
                                        note=form.cleaned_data["note"])
    messages.success(request, _("The domestic-violence mark was saved."))
    return redirect(tab_url(case_id, "personen", ANCHOR))


@login_required
@require_http_methods(["GET", "POST"])
def configuration(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    groups = selectors.configuration_get(actor=request.user, house_id=house_id)
    choices = [(group.pk, group.name) for group, _chosen in groups]
    may_edit = access.may_configure(request.user, house_id)
    status = 200
    if request.method == "POST":
        if not may_edit:
            raise Http404
        form = ConfigurationForm(request.POST, groups=choices)
        if form.is_valid():
            _result, status = run(form, lambda: services.configuration_set(
                actor=request.user, house_id=house_id, target_group_ids=form.cleaned_data["target_groups"]))
            if status == 200:
                messages.success(request, _("The Kindspoor settings were saved."))
                return redirect("childtrack:configuration", house_id=house_id)
        else:
            status = 400
    else:
        form = ConfigurationForm(initial={"target_groups": [g.pk for g, chosen in groups if chosen]}, groups=choices)
    house_name = selectors.house_name(house_id=house_id)
    return render(request, "childtrack/configuration.html", {
        "form": form, "groups": groups, "may_edit": may_edit, "house_name": house_name,
        "breadcrumbs": [(_("Kindspoor settings"), "")]}, status=status)
