"""Searching and exporting the processing log."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.network.models import House
from opencasus.privacy import selectors, services
from opencasus.privacy.forms import LogSearchForm
from opencasus.privacy.views.common import add_errors, privacy_view


def _form(request: AuthenticatedHttpRequest, house: House, *, bound: bool = False) -> LogSearchForm:
    users, organisations = selectors.house_professionals(house)
    return LogSearchForm(request.GET if bound else (request.GET or None), users=users, organisations=organisations)


def filters_from(form: LogSearchForm, house: House) -> selectors.LogFilters:
    data = form.cleaned_data
    subjects: list[str] | None = None
    if data.get("pseudonym"):
        subjects = [str(data["pseudonym"])]
    elif data.get("bsn") or data.get("first_name") or data.get("last_name") or data.get("date_of_birth"):
        subjects = services.find_pseudonyms(house=house, bsn=data.get("bsn") or "",
                                            first_name=data.get("first_name") or "",
                                            last_name=data.get("last_name") or "",
                                            date_of_birth=data.get("date_of_birth"))
    case_id = None
    if data.get("case"):
        case_id = selectors.case_id_for_reference(house=house, reference=data["case"])
        if case_id is None:
            raise ValidationError({"case": _("There is no case with this reference in this house.")})
    return selectors.LogFilters(
        data_subjects=subjects, user_id=data.get("user"), organisation_id=data.get("organisation"),
        case_id=case_id, action=data.get("action") or "", from_date=data.get("from_date"),
        to_date=data.get("to_date"))


@privacy_view
def log_search(request: AuthenticatedHttpRequest, house: House) -> HttpResponse:
    form = _form(request, house)
    context: dict[str, Any] = {"house": house, "form": form, "searched": False}
    if form.is_bound and form.is_valid():
        try:
            filters = filters_from(form, house)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            page = Paginator(selectors.processing_log_search(house=house, filters=filters), 50).get_page(
                request.GET.get("page"))
            names = selectors.organisation_names({r.audit.organisation_id for r in page if r.audit.organisation_id})
            references = selectors.case_references({r.case_id for r in page if r.case_id})
            for record in page:
                record.organisation_name = names.get(record.audit.organisation_id or 0, "")  # type: ignore[attr-defined]
                record.case_reference = references.get(record.case_id or 0, "")  # type: ignore[attr-defined]
            context.update(searched=True, page=page, query=_query_without_page(request))
            selectors.record_privacy_view(actor=request.user, houses=[house], action="search",
                                          object_type="processing-log",
                                          data_subjects=filters.data_subjects or [""], case_id=filters.case_id)
    if not context["searched"]:
        selectors.record_privacy_view(actor=request.user, houses=[house], object_type="processing-log")
    return render(request, "privacy/log_search.html", context)


def _query_without_page(request: AuthenticatedHttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@privacy_view
def log_export(request: AuthenticatedHttpRequest, house: House) -> HttpResponse:
    form = _form(request, house, bound=True)
    if not form.is_valid():
        return render(request, "privacy/log_search.html", {"house": house, "form": form, "searched": False},
                      status=400)
    try:
        filters = filters_from(form, house)
    except ValidationError as exc:
        add_errors(form, exc)
        return render(request, "privacy/log_search.html", {"house": house, "form": form, "searched": False},
                      status=400)
    content = services.processing_log_export(
        actor=request.user, house=house, records=selectors.processing_log_search(house=house, filters=filters))
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="verwerkingenlogboek.csv"'
    return response
