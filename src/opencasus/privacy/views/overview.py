"""Start page, retention runs (dry run), log verification and signals."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings as django_settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencasus.access import privacy as privacy_access
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.start import Count, Link, Section
from opencasus.network.models import House
from opencasus.privacy import log_signals, selectors, services
from opencasus.privacy.forms import DryRunForm
from opencasus.privacy.models import RetentionCategory
from opencasus.privacy.views.common import privacy_view

if TYPE_CHECKING:
    from opencasus.accounts.models import User


def start_sections(user: Any) -> list[Section]:
    sections = []
    for house in privacy_access.privacy_houses(actor=user):
        overdue = len(selectors.overdue_requests(actor=user, house=house))
        text = (_("%(count)s request(s) past their deadline.") % {"count": overdue}) if overdue else ""
        requests_url = reverse("privacy:rights-requests", args=[house.pk])
        counts = [
            Count(_("Open rights requests"), selectors.rights_request_list(actor=user, house=house, open_only=True)
                  .count(), f"{requests_url}?open=on"),
            Count(_("Signals in the processing log"),
                  len(log_signals.signals_for(house, selectors.privacy_settings_for(house))),
                  reverse("privacy:signals", args=[house.pk])),
        ]
        sections.append(Section(title=_("Privacy — %(house)s") % {"house": house.name}, text=text, order=50,
                                counts=counts, links=[
            Link(_("Privacy overview"), reverse("privacy:house", args=[house.pk])),
            Link(_("Subject access"), reverse("privacy:subject-access", args=[house.pk])),
            Link(_("Rights requests"), reverse("privacy:rights-requests", args=[house.pk])),
            Link(_("Search the processing log"), reverse("privacy:log", args=[house.pk])),
            Link(_("Signals"), reverse("privacy:signals", args=[house.pk])),
        ]))
    return sections


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    houses = list(privacy_access.privacy_houses(actor=request.user))
    if not houses:
        raise Http404
    if len(houses) == 1:
        return redirect("privacy:house", houses[0].pk)
    return render(request, "privacy/index.html", {"houses": houses})


def _policy_rows(actor: User, house: House) -> list[dict[str, Any]]:
    by_category = {p.category: p for p in selectors.retention_policy_list(actor=actor, house=house)}
    return [{"category": label, "policy": by_category.get(value)} for value, label in RetentionCategory.choices]


@privacy_view
def house_overview(request: AuthenticatedHttpRequest, house: House) -> HttpResponse:
    verifications = list(selectors.log_verification_list(actor=request.user, house=house)[:5])
    rows = [{"run": v, "result": selectors.chain_result(v, house.pk)} for v in verifications]
    selectors.record_privacy_view(actor=request.user, houses=[house], object_type="privacy-overview",
                                  object_id=house.pk)
    return render(request, "privacy/house.html", {
        "house": house, "policies": _policy_rows(request.user, house), "verifications": rows,
        "runs": selectors.retention_run_list(actor=request.user, house=house)[:10],
        "overdue": selectors.overdue_requests(actor=request.user, house=house),
        "dry_run_form": DryRunForm(),
    })


@privacy_view
@require_POST
def dry_run(request: AuthenticatedHttpRequest, house: House) -> HttpResponse:
    form = DryRunForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a valid date for the dry run."))
        return redirect("privacy:house", house.pk)
    run = services.retention_dry_run(actor=request.user, house=house, run_date=form.cleaned_data["run_date"])
    return redirect("privacy:retention-run", house.pk, run.pk)


@privacy_view
def retention_run(request: AuthenticatedHttpRequest, house: House, run_id: int) -> HttpResponse:
    run = selectors.retention_run_get(actor=request.user, run_id=run_id, house=house)
    labels = dict(RetentionCategory.choices)
    items = [{**item, "categoryLabel": labels.get(item["category"], item["category"])} for item in run.items]
    summary = [(labels.get(k, k), v) for k, v in run.summary.items()]
    return render(request, "privacy/retention_run.html", {"house": house, "run": run, "items": items,
                                                           "summary": summary})


@privacy_view
@require_POST
def verify(request: AuthenticatedHttpRequest, house: House) -> HttpResponse:
    verification = services.verification_run(actor=request.user, house=house)
    if verification.problem_count:
        messages.error(request, _("The processing log is NOT intact: see the problems below."))
    else:
        messages.success(request, _("The processing log of this house is intact (%(count)s records checked).")
                         % {"count": verification.record_count})
    return redirect("privacy:house", house.pk)


@privacy_view
def signals(request: AuthenticatedHttpRequest, house: House) -> HttpResponse:
    settings_ = selectors.privacy_settings_for(house)
    found = log_signals.signals_for(house, settings_)
    refused, refused_user = selectors.refused_access_list(house=house, settings=settings_,
                                                          user=request.GET.get("refused_user", ""))
    selectors.record_privacy_view(actor=request.user, houses=[house], object_type="log-signals",
                                  object_id=house.pk)
    return render(request, "privacy/signals.html", {
        "house": house, "signals": found, "settings": settings_, "refused": refused, "refused_user": refused_user,
        "refused_limit": selectors.REFUSED_ACCESS_SHOWN,
        "refused_count": django_settings.OPENCASUS_REFUSED_ACCESS_COUNT,
        "refused_minutes": django_settings.OPENCASUS_REFUSED_ACCESS_WINDOW_MINUTES})
