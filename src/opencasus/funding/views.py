"""Pages of the funding register: the national contribution and its key, a region's split over its houses,
the inhabitants, a house's co-financing and contribution in kind, and the annual funding reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.access import funding as access
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.forms import apply_errors
from opencasus.funding import exports, report, selectors, services
from opencasus.funding.forms import CoFinancingForm, FundingYearForm, InhabitantsForm, InKindForm, RegionSplitForm
from opencasus.funding.models import CoFinancing, InKind
from opencasus.funding.money import cents_of_euros, euros_of_cents
from opencasus.reporting.exports import CSV_TYPE, PDF_TYPE, XLSX_TYPE, export_filename, html_to_pdf


def _crumbs(year: int | None, *more: tuple[str, str]) -> list[tuple[str, str]]:
    from django.urls import reverse

    crumbs = [(_("Funding"), reverse("funding:index"))]
    if year is not None:
        crumbs.append((str(year), reverse("funding:year", args=[year])))
    return [*crumbs, *more]


def _render(request: AuthenticatedHttpRequest, template: str, context: dict[str, Any],
            *forms: Any) -> HttpResponse:
    status = 400 if any(f is not None and f.errors for f in forms) else 200
    return render(request, f"funding/{template}", context, status=status)


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    years = selectors.funding_year_list(actor=request.user)
    this_year = timezone.localdate().year
    return render(request, "funding/index.html", {
        "years": years, "this_year": this_year, "known": {y.year for y in years},
        "may_edit": access.can_edit_funding_key(request.user), "breadcrumbs": _crumbs(None),
        "regions": access.visible_regions(request.user),
        "houses": selectors.houses_for(actor=request.user),
        "municipalities": selectors.municipalities_for(actor=request.user),
        "report_regions": selectors.report_regions_for(actor=request.user)})


@login_required
def year(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    view = selectors.funding_year_get(actor=request.user, year=year)
    return render(request, "funding/year.html", {"view": view, "breadcrumbs": _crumbs(year),
                                                 "regions": set(access.region_read_ids(request.user))})


@login_required
def year_edit(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    view = selectors.funding_year_get(actor=request.user, year=year)
    if not view.may_edit:
        raise PermissionDenied
    regions = [line.region for line in view.lines]
    initial: dict[str, Any] = {"version": view.version, "key_year": year}
    if view.row is not None:
        initial.update(amount=euros_of_cents(view.row.amount_cents), amount_source=view.row.amount_source,
                       key_source=view.row.key_source, key_year=view.row.key_year, example_key=view.row.example_key)
        initial.update({f"share_{line.region.code}": line.share for line in view.lines})
    form = FundingYearForm(request.POST or None, initial=initial, regions=regions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.funding_year_save(
                actor=request.user, year=year, amount_cents=cents_of_euros(data["amount"]),
                amount_source=data["amount_source"], key_source=data["key_source"], key_year=data["key_year"],
                example_key=data["example_key"], shares=form.shares(), expected_version=data["version"])
        except ValidationError as exc:
            apply_errors(form, _field_names(exc, {"amount_cents": "amount"}, "share_"))
        else:
            messages.success(request, _("The national contribution and its key have been saved."))
            return redirect("funding:year", year=year)
    return _render(request, "year_form.html", {"view": view, "form": form, "breadcrumbs": _crumbs(
        year, (_("Change"), ""))}, form)


def _field_names(exc: ValidationError, renames: dict[str, str], share_prefix: str) -> ValidationError:
    """A service's errors under the form's field names (`shares.VR01` → `share_VR01`)."""
    if not hasattr(exc, "error_dict"):
        return exc
    named: dict[str, list[str]] = {}
    for name, texts in exc.message_dict.items():
        if name.startswith("shares."):
            name = share_prefix + name.removeprefix("shares.")
        elif name == "shares":
            name = "__all__"
        named.setdefault(renames.get(name, name), []).extend(texts)
    return ValidationError({k if k != "__all__" else "__all__": v for k, v in named.items()})


@login_required
def region_split(request: AuthenticatedHttpRequest, year: int, code: str) -> HttpResponse:
    view = selectors.region_split_get(actor=request.user, year=year, code=code)
    if request.method == "POST" and not view.may_edit:
        raise PermissionDenied
    form = None
    if view.may_edit:
        initial: dict[str, Any] = {"version": view.version, "decided_on": timezone.localdate()}
        if view.split is not None:
            initial.update(decided_on=view.split.decided_on, reference=view.split.reference, text=view.split.text)
            initial.update({f"share_{line.house.pk}": line.share for line in view.lines})
        form = RegionSplitForm(request.POST or None, initial=initial, houses=[line.house for line in view.lines])
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.region_split_save(actor=request.user, year=year, region_code=code,
                                           decided_on=data["decided_on"], reference=data["reference"],
                                           text=data["text"], shares=form.shares(), expected_version=data["version"])
            except ValidationError as exc:
                apply_errors(form, _field_names(exc, {}, "share_"))
            else:
                messages.success(request, _("The split over the houses has been saved."))
                return redirect("funding:region-split", year=year, code=code)
    return _render(request, "region_split.html", {"view": view, "form": form, "breadcrumbs": _crumbs(
        year, (view.region.name, ""))}, form)


@login_required
def inhabitants(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    rows = selectors.inhabitants_list(actor=request.user, year=year)
    may_edit = access.can_edit_funding_key(request.user)
    if request.method == "POST" and not may_edit:
        raise PermissionDenied
    form = InhabitantsForm(request.POST or None, initial={"version": 0},
                           municipalities=selectors.municipality_choices()) if may_edit else None
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.inhabitants_save(actor=request.user, municipality_code=data["municipality"].code, year=year,
                                      count=data["count"], source=data["source"], expected_version=data["version"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The number of inhabitants has been saved."))
            return redirect("funding:inhabitants", year=year)
    versions = {r.municipality_id: r.version for r in rows}
    return _render(request, "inhabitants.html", {"year": year, "rows": rows, "form": form, "versions": versions,
                                                 "breadcrumbs": _crumbs(year, (_("Inhabitants"), ""))}, form)


@login_required
def house(request: AuthenticatedHttpRequest, year: int, house_id: int) -> HttpResponse:
    view = selectors.house_funding_get(actor=request.user, house_id=house_id, year=year)
    if request.method == "POST" and not view.may_edit:
        raise PermissionDenied
    cofinancing_form = in_kind_form = None
    if view.may_edit:
        post = request.POST if request.method == "POST" else None
        which = request.POST.get("form") if post is not None else None
        cofinancing_form = CoFinancingForm(post if which == "cofinancing" else None, prefix="cofinancing",
                                           initial={"version": 0}, municipalities=selectors.municipality_choices())
        in_kind_form = InKindForm(post if which == "in-kind" else None, prefix="inkind", initial={"version": 0},
                                  organisations=selectors.house_organisations(house=view.house))
        if which == "cofinancing" and cofinancing_form.is_valid():
            data = cofinancing_form.cleaned_data
            try:
                services.cofinancing_create(actor=request.user, house_id=house_id,
                                            municipality_code=data["municipality"].code, year=year,
                                            method=data["method"], cents=cents_of_euros(data["amount"]),
                                            agreement=data["agreement"])
            except ValidationError as exc:
                apply_errors(cofinancing_form, _field_names(exc, {"cents": "amount"}, ""))
            else:
                messages.success(request, _("The co-financing has been saved."))
                return redirect("funding:house", year=year, house_id=house_id)
        if which == "in-kind" and in_kind_form.is_valid():
            data = in_kind_form.cleaned_data
            try:
                services.in_kind_create(actor=request.user, house_id=house_id, organisation_id=data["organisation"],
                                        year=year, hours=data["hours"],
                                        hourly_rate_cents=cents_of_euros(data["hourly_rate"]), note=data["note"])
            except ValidationError as exc:
                apply_errors(in_kind_form, _field_names(exc, {"hourly_rate_cents": "hourly_rate"}, ""))
            else:
                messages.success(request, _("The contribution in kind has been saved."))
                return redirect("funding:house", year=year, house_id=house_id)
    return _render(request, "house.html", {
        "view": view, "cofinancing_form": cofinancing_form, "in_kind_form": in_kind_form,
        "breadcrumbs": _crumbs(year, (view.house.name, ""))}, cofinancing_form, in_kind_form)


@dataclass(frozen=True)
class RowEdit:
    """What the change page of a co-financing or a contribution in kind needs to know of it."""

    title: str
    crumb: str
    saved: str
    removed: str
    save: Callable[[dict[str, Any]], object]
    delete: Callable[[int | None], None]
    renames: dict[str, str]


def _row_page(request: AuthenticatedHttpRequest, row: CoFinancing | InKind, form: Any, edit: RowEdit) -> HttpResponse:
    """Change or remove a row of a house (functional administrator), back to the house's page when done."""
    if not access.may_edit_house(request.user, row.house_id):
        raise PermissionDenied
    back = redirect("funding:house", year=row.year, house_id=row.house_id)
    if request.method == "POST" and "delete" in request.POST:
        try:
            edit.delete(_int(request.POST.get("version")))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, edit.removed)
        return back
    if request.method == "POST" and form.is_valid():
        try:
            edit.save(form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, _field_names(exc, edit.renames, ""))
        else:
            messages.success(request, edit.saved)
            return back
    return _render(request, "row_form.html", {"form": form, "row": row, "title": edit.title, "breadcrumbs": _crumbs(
        row.year, (row.house.name, back.url), (edit.crumb, ""))}, form)


@login_required
def cofinancing_edit(request: AuthenticatedHttpRequest, cofinancing_id: int) -> HttpResponse:
    row = selectors.cofinancing_get(actor=request.user, cofinancing_id=cofinancing_id)
    form = CoFinancingForm(request.POST or None, initial={
        "version": row.version, "method": row.method, "amount": euros_of_cents(row.cents), "agreement": row.agreement})
    return _row_page(request, row, form, RowEdit(
        title=_("Co-financing of %(municipality)s") % {"municipality": row.municipality.name},
        crumb=_("Co-financing"), saved=_("The co-financing has been saved."),
        removed=_("The co-financing has been removed."),
        save=lambda data: services.cofinancing_update(
            actor=request.user, cofinancing_id=row.pk, method=data["method"], cents=cents_of_euros(data["amount"]),
            agreement=data["agreement"], expected_version=data["version"]),
        delete=lambda version: services.cofinancing_delete(actor=request.user, cofinancing_id=row.pk,
                                                           expected_version=version),
        renames={"cents": "amount"}))


@login_required
def in_kind_edit(request: AuthenticatedHttpRequest, in_kind_id: int) -> HttpResponse:
    row = selectors.in_kind_get(actor=request.user, in_kind_id=in_kind_id)
    form = InKindForm(request.POST or None, initial={
        "version": row.version, "hours": row.hours, "hourly_rate": euros_of_cents(row.hourly_rate_cents),
        "note": row.note})
    return _row_page(request, row, form, RowEdit(
        title=_("Contribution in kind of %(organisation)s") % {"organisation": row.organisation.name},
        crumb=_("Contribution in kind"), saved=_("The contribution in kind has been saved."),
        removed=_("The contribution in kind has been removed."),
        save=lambda data: services.in_kind_update(
            actor=request.user, in_kind_id=row.pk, hours=data["hours"],
            hourly_rate_cents=cents_of_euros(data["hourly_rate"]), note=data["note"],
            expected_version=data["version"]),
        delete=lambda version: services.in_kind_delete(actor=request.user, in_kind_id=row.pk,
                                                       expected_version=version),
        renames={"hourly_rate_cents": "hourly_rate"}))


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except ValueError:
        raise ValidationError(_("This form lacks the version of the page you changed. Reload the page and make "
                                "your change again."), code="version_required") from None


def _report(request: AuthenticatedHttpRequest, kind: str, key: str, year: int) -> report.FundingReport:
    if kind == "house":
        if not key.isdigit():
            raise Http404
        return report.house_report(actor=request.user, house_id=int(key), year=year)
    if kind == "municipality":
        return report.municipality_report(actor=request.user, code=key, year=year)
    return report.region_report(actor=request.user, code=key, year=year)


@login_required
def annual_report(request: AuthenticatedHttpRequest, kind: str, key: str, year: int) -> HttpResponse:
    data = _report(request, kind, key, year)
    return render(request, "funding/report.html", {
        "report": data, "kind": kind, "years": range(year - 2, year + 2),
        "breadcrumbs": _crumbs(year, (data.label, ""))})


@login_required
def annual_report_export(request: AuthenticatedHttpRequest, kind: str, key: str, year: int,
                         fmt: str) -> HttpResponse:
    data = _report(request, kind, key, year)
    name = export_filename("financiering", data.label, year)
    if fmt == "pdf":
        content = html_to_pdf("funding/report_pdf.html", {"report": data}, base_url=request.build_absolute_uri("/"))
        content_type, filename = PDF_TYPE, f"{name}.pdf"
    elif fmt == "xlsx":
        content, content_type, filename = exports.report_xlsx(data), XLSX_TYPE, f"{name}.xlsx"
    else:
        content, content_type, filename = exports.report_csv(data), CSV_TYPE, f"{name}.csv"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


