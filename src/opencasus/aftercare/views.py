"""Pages of the after-care of ex-detainees: a case's timeline, an item, the open deadlines, the upcoming releases
per municipality, the import of expected releases, the settings of a house and the figures."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from opencasus.access import aftercare as access
from opencasus.access.houses import current_house_id, narrow_to_current_house
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.aftercare import selectors, services
from opencasus.aftercare.filters import ItemFilter, ReleaseFilter
from opencasus.aftercare.forms import (
    HandoverForm,
    ImportForm,
    ItemForm,
    ReleaseDateForm,
    ReleaseIntakeForm,
    SettingsForm,
)
from opencasus.aftercare.vocabulary import BASIC_CONDITIONS, ItemKind
from opencasus.plans.views._helpers import run, version_of

PAGE_SIZE = 25
MAX_UPLOAD_BYTES = 1_000_000


def _filtered(request: AuthenticatedHttpRequest, filterset_class: Any) -> tuple[Any, dict[str, Any]]:
    filterset = filterset_class(data=request.GET or None)
    values = dict(filterset.form.cleaned_data) if filterset.is_valid() else {}
    return filterset, values


def _timeline_crumbs(case: Any) -> list[tuple[str, str]]:
    return [(_("My cases"), reverse("cases:list")), (case.reference, reverse("cases:detail", args=[case.pk])),
            (_("After-care"), "")]


# A case's timeline -------------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def timeline(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    if request.method == "POST":
        selectors.case_timeline_check(actor=request.user, case_id=case_id, edit=True)
    view = selectors.case_timeline(actor=request.user, case_id=case_id)
    version = view.timeline.version if view.timeline else 0
    form = ReleaseDateForm(initial={"version": version, "release_date": view.case.release_date}, prefix="release")
    status = 200
    if request.method == "POST":
        if "create" in request.POST:
            _result, status = run(form, lambda: services.timeline_create(actor=request.user, case_id=case_id))
            if status == 200:
                messages.success(request, _("The after-care timeline was drawn up."))
                return redirect("aftercare:timeline", case_id=case_id)
        else:
            form = ReleaseDateForm(request.POST, prefix="release")
            if form.is_valid():
                date_form = form
                result, status = run(form, lambda: services.release_date_set(
                    actor=request.user, case_id=case_id, release_date=date_form.cleaned_data["release_date"],
                    expected_version=version_of(date_form)))
                if status == 200:
                    messages.success(request, _("The release date was recorded; %(n)s open deadlines moved along.")
                                     % {"n": result[1]})
                    return redirect("aftercare:timeline", case_id=case_id)
            else:
                status = 400
    return render(request, "aftercare/timeline.html", {
        "view": view, "case": view.case, "form": form, "breadcrumbs": _timeline_crumbs(view.case)}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def item_detail(request: AuthenticatedHttpRequest, item_id: int) -> HttpResponse:
    if request.method == "POST":
        selectors.require_item(actor=request.user, item_id=item_id)
    item = selectors.item_get(actor=request.user, item_id=item_id)
    organisations = selectors.partner_organisations(house_id=item.house_id)
    professionals = [(pk, name) for pk, name, _org in selectors.house_professionals(house_id=item.house_id)]
    is_handover = item.kind == ItemKind.HANDOVER
    form: Any
    if is_handover:
        form = HandoverForm(organisations=organisations, initial={
            "version": item.version, "by_organisation": item.owner_organisation_id,
            "to_organisation": item.receiver_organisation_id, "note": item.note,
            "done": "yes" if item.status == "done" else ""})
    else:
        form = ItemForm(organisations=organisations, professionals=professionals, initial={
            "version": item.version, "owner_organisation": item.owner_organisation_id,
            "owner_user": item.owner_user_id, "deadline": item.deadline, "status": item.status, "note": item.note})
    status = 200
    if request.method == "POST":
        if is_handover:
            form = HandoverForm(request.POST, organisations=organisations)
        else:
            form = ItemForm(request.POST, organisations=organisations, professionals=professionals)
        if form.is_valid():
            data, posted = form.cleaned_data, form
            if is_handover:
                call = lambda: services.handover_record(  # noqa: E731
                    actor=request.user, item_id=item.pk, by_organisation_id=data["by_organisation"],
                    to_organisation_id=data["to_organisation"], done=data["done"], note=data["note"],
                    expected_version=version_of(posted))
            else:
                call = lambda: services.item_update(  # noqa: E731
                    actor=request.user, item_id=item.pk, owner_organisation_id=data["owner_organisation"],
                    owner_user_id=data["owner_user"], deadline=data["deadline"], status=data["status"],
                    note=data["note"], expected_version=version_of(posted))
            _result, status = run(form, call)
            if status == 200:
                messages.success(request, _("The after-care item was saved."))
                return redirect("aftercare:timeline", case_id=item.case_id)
        else:
            status = 400
    return render(request, "aftercare/item.html", {
        "item": item, "case": item.case, "form": form, "is_handover": is_handover,
        "breadcrumbs": [*_timeline_crumbs(item.case)[:2],
                        (_("After-care"), reverse("aftercare:timeline", args=[item.case_id])),
                        (item.get_kind_display(), "")]}, status=status)


# Open deadlines ----------------------------------------------------------------------------------------------

@login_required
def item_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.core_house_ids(request.user):
        raise Http404
    filterset, values = _filtered(request, ItemFilter)
    qs = selectors.item_list(actor=request.user, due=values.get("due") or None, status=values.get("status") or None)
    page = Paginator(narrow_to_current_house(request, qs), PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.record_item_list_view(actor=request.user, items=list(page.object_list))
    return render(request, "aftercare/items.html", {
        "filter": filterset, "page_obj": page, "today": timezone.localdate(),
        "breadcrumbs": [(_("After-care"), reverse("aftercare:releases")), (_("After-care deadlines"), "")]})


# Upcoming releases -------------------------------------------------------------------------------------------

@login_required
def release_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.sees_releases(request.user):
        raise Http404
    filterset, values = _filtered(request, ReleaseFilter)
    house_id = current_house_id(request)
    releases = list(selectors.release_list(actor=request.user, match=values.get("match") or None,
                                           municipality_id=values.get("municipalityId"), house_id=house_id)[:500])
    selectors.record_release_list_view(actor=request.user, releases=releases)
    case_rows = selectors.case_release_list(actor=request.user, municipality_id=values.get("municipalityId"),
                                            house_id=house_id)
    selectors.record_case_release_list_view(actor=request.user, rows=case_rows)
    per_municipality = [(name, list(rows)) for name, rows in groupby(releases, key=lambda r: r.municipality.name)]
    cases_per_municipality = [(name, list(rows)) for name, rows in groupby(case_rows, key=lambda r: r.municipality)]
    return render(request, "aftercare/releases.html", {
        "filter": filterset, "per_municipality": per_municipality, "cases_per_municipality": cases_per_municipality,
        "is_core": bool(access.core_house_ids(request.user)), "today": timezone.localdate(),
        "may_import": bool(access.import_house_ids(request.user)),
        "breadcrumbs": [(_("Upcoming releases"), "")]})


@login_required
@require_http_methods(["GET", "POST"])
def release_detail(request: AuthenticatedHttpRequest, release_id: int) -> HttpResponse:
    if request.method == "POST":
        selectors.require_release(actor=request.user, release_id=release_id)
    release = selectors.release_get(actor=request.user, release_id=release_id)
    organisations = selectors.filing_organisations(actor=request.user, house_id=release.house_id)
    form = ReleaseIntakeForm(organisations=organisations, initial={
        "reason": _("Expected release on %(date)s from %(institution)s: after-care on return to %(municipality)s.")
        % {"date": release.release_date.strftime("%d-%m-%Y"), "institution": release.institution,
           "municipality": release.municipality.name},
        "requested_purpose": _("The basic conditions (identity document, income, housing, care, debts) arranged "
                               "before the release, and a warm hand-over on the release date.")})
    status = 200
    if request.method == "POST":
        form = ReleaseIntakeForm(request.POST, organisations=organisations)
        if form.is_valid():
            data = form.cleaned_data
            case, status = run(form, lambda: services.release_intake_file(
                actor=request.user, release_id=release.pk, organisation_id=data["organisation"],
                reason=data["reason"], requested_purpose=data["requested_purpose"],
                people_informed=data["people_informed"], not_informed_reason=data["not_informed_reason"]))
            if status == 200:
                messages.success(request, _("The intake %(reference)s was filed.") % {"reference": case.reference})
                return redirect("aftercare:release", release_id=release.pk)
        else:
            status = 400
    return render(request, "aftercare/release.html", {
        "release": release, "form": form if organisations and release.match == "unmatched" else None,
        "sees_case": selectors.sees_matched_case(actor=request.user, release=release),
        "breadcrumbs": [(_("Upcoming releases"), reverse("aftercare:releases")), (release.last_name, "")]},
        status=status)


# Import ------------------------------------------------------------------------------------------------------

@login_required
@require_http_methods(["GET", "POST"])
def import_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    houses = selectors.import_houses(actor=request.user)
    if not houses:
        raise Http404
    status = 200
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, houses=houses)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_UPLOAD_BYTES:
                form.add_error("file", _("The file is larger than %(max)s bytes; split it.")
                               % {"max": MAX_UPLOAD_BYTES})
                status = 400
            else:
                content = upload.read()
                job, status = run(form, lambda: services.release_import(
                    actor=request.user, house_id=form.cleaned_data["house"], filename=upload.name or "",
                    content=content))
                if status == 200:
                    return redirect("aftercare:import-report", import_id=job.pk)
        else:
            status = 400
    else:
        form = ImportForm(houses=houses)
    return render(request, "aftercare/import.html", {
        "form": form, "imports": selectors.import_list(actor=request.user)[:10],
        "breadcrumbs": [(_("Upcoming releases"), reverse("aftercare:releases")),
                        (_("Import expected releases"), "")]}, status=status)


@login_required
def import_report(request: AuthenticatedHttpRequest, import_id: int) -> HttpResponse:
    job = selectors.import_get(actor=request.user, import_id=import_id)
    return render(request, "aftercare/import_report.html", {
        "job": job, "breadcrumbs": [(_("Upcoming releases"), reverse("aftercare:releases")),
                                    (_("Import expected releases"), reverse("aftercare:import")),
                                    (job.filename or _("Report"), "")]})


# Settings and figures ----------------------------------------------------------------------------------------

def _house_choice(request: AuthenticatedHttpRequest, houses: list[tuple[int, str]]) -> int:
    if not houses:
        raise Http404
    ids = [pk for pk, _name in houses]
    wanted = request.GET.get("huis") or current_house_id(request)
    try:
        house_id = int(wanted) if wanted else ids[0]
    except (TypeError, ValueError):
        raise Http404 from None
    if house_id not in ids:
        raise Http404
    return house_id


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    houses = selectors.settings_houses(actor=request.user)
    house_id = _house_choice(request, houses)
    current = selectors.settings_get(actor=request.user, house_id=house_id)
    initial = {f"{kind}_days": current.days_before[kind] for kind in BASIC_CONDITIONS}
    form = SettingsForm(initial={**initial, "check_weeks": current.check_weeks, "version": current.version})
    status = 200
    if request.method == "POST":
        if not current.may_edit:
            raise Http404
        form = SettingsForm(request.POST)
        if form.is_valid():
            data, posted = form.cleaned_data, form
            _result, status = run(form, lambda: services.settings_update(
                actor=request.user, house_id=house_id,
                days_before={str(kind): data[f"{kind}_days"] for kind in BASIC_CONDITIONS},
                check_weeks=data["check_weeks"], expected_version=version_of(posted)))
            if status == 200:
                messages.success(request, _("The after-care settings were saved."))
                return redirect(f"{reverse('aftercare:settings')}?huis={house_id}")
        else:
            status = 400
    return render(request, "aftercare/settings.html", {
        "form": form, "current": current, "houses": houses, "house_id": house_id,
        "breadcrumbs": [(_("After-care settings"), "")]}, status=status)


@login_required
def figures_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    houses = selectors.figures_houses(actor=request.user)
    house_id = _house_choice(request, houses)
    year = timezone.localdate().year
    try:
        year = int(request.GET.get("jaar") or year)
    except ValueError:
        raise Http404 from None
    if not 2000 <= year <= 2100:
        raise Http404
    figures = selectors.figures(actor=request.user, house_id=house_id, year=year)
    return render(request, "aftercare/figures.html", {
        "figures": figures, "houses": houses, "house_id": house_id, "year": year,
        "breadcrumbs": [(_("After-care in figures"), "")]})
