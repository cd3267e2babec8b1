"""Pages of the caseload: the workload per process director, its course over the months, and the process
director of one case (assign, reassign, history)."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from opencasus.access.houses import current_house_id
from opencasus.accounts.models import User
from opencasus.cases.caseload import history, selectors, services
from opencasus.cases.caseload.forms import AssignForm
from opencasus.core.forms import apply_errors
from opencasus.network.models import House


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)  # signed in (login_required)


def _house(request: HttpRequest, houses: list[House]) -> House:
    """The house asked for (?huis=), else the current one, else the first; 404 for a house not offered."""
    if not houses:
        raise Http404
    wanted = request.GET.get("huis", "")
    if wanted:
        found = next((h for h in houses if str(h.pk) == wanted), None)
        if found is None:
            raise Http404
        return found
    current = current_house_id(request)
    return next((h for h in houses if h.pk == current), houses[0])


@login_required
def workload(request: HttpRequest) -> HttpResponse:
    houses = selectors.workload_houses(actor=_user(request))
    house = _house(request, houses)
    data = selectors.workload(actor=_user(request), house_id=house.pk)
    mine = next((d for d in data.directors if d.director_id == request.user.pk), None)
    return render(request, "cases/caseload/workload.html", {
        "workload": data, "houses": houses, "house": house, "mine": mine,
        "breadcrumbs": [(_("Workload"), "")]})


@login_required
def workload_history(request: HttpRequest) -> HttpResponse:
    houses = selectors.workload_houses(actor=_user(request))
    house = _house(request, houses)
    months = request.GET.get("maanden", "12")
    data = history.load_history(actor=_user(request), house_id=house.pk,
                                months=int(months) if months.isdigit() else 12)
    return render(request, "cases/caseload/history.html", {
        "history": data, "houses": houses, "house": house, "month_options": [6, 12, 24, 36],
        "breadcrumbs": [(_("Workload"), f"{reverse('cases:workload')}?huis={house.pk}"), (_("Load over time"), "")]})


@login_required
def direction(request: HttpRequest, case_id: int) -> HttpResponse:
    view = selectors.direction_get(actor=_user(request), case_id=case_id)
    case = view.case
    form = AssignForm(request.POST or None, directors=view.directors,
                      initial={"version": case.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.director_assign(actor=_user(request), case_id=case.pk, director_id=form.cleaned_data["director"],
                                     reason=form.cleaned_data["reason"], expected_version=form.cleaned_data["version"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The process director has been recorded."))
            return redirect("cases:direction", case_id=case.pk)
    return render(request, "cases/caseload/direction.html", {
        "view": view, "case": case, "form": form,
        "breadcrumbs": [(case.reference, reverse("cases:detail", args=[case.pk])), (_("Process director"), "")]})
