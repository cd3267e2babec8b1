"""Subject access (AVG art. 15) and the register of rights requests."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.dates import long_date
from opencasus.network.models import House
from opencasus.privacy import selectors, services
from opencasus.privacy.forms import RightsRequestForm, RightsRequestHandleForm, SubjectSearchForm
from opencasus.privacy.models import SubjectAccessRequest
from opencasus.privacy.views.common import add_errors, privacy_view


@privacy_view
def subject_access(request: AuthenticatedHttpRequest, house: House) -> HttpResponse:
    form = SubjectSearchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sar = services.subject_access_request_create(
                actor=request.user, house=house, requester_name=data["requester_name"],
                received_on=data["received_on"], bsn=data["bsn"], first_name=data["first_name"],
                last_name=data["last_name"], date_of_birth=data["date_of_birth"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return redirect("privacy:subject-access-detail", house.pk, sar.pk)
    requests = selectors.subject_access_request_list(actor=request.user, house=house)[:50]
    selectors.record_privacy_view(actor=request.user, houses=[house], object_type="subject-access-request")
    return render(request, "privacy/subject_access.html", {"house": house, "form": form, "requests": requests})


def _sar(request: AuthenticatedHttpRequest, house: House, request_id: int, *, shown: bool) -> SubjectAccessRequest:
    read = selectors.subject_access_request_get if shown else selectors.subject_access_request_check
    return read(actor=request.user, request_id=request_id, house=house)


@privacy_view
def subject_access_detail(request: AuthenticatedHttpRequest, house: House, request_id: int) -> HttpResponse:
    from opencasus.privacy.subject_access import build_export, for_reading

    sar = _sar(request, house, request_id, shown=True)
    export = build_export(sar)
    return render(request, "privacy/subject_access_detail.html", {"house": house, "sar": sar,
                                                                    "export": for_reading(export)})


@privacy_view
def subject_access_download(request: AuthenticatedHttpRequest, house: House, request_id: int, fmt: str) -> HttpResponse:
    if fmt not in {"json", "pdf"}:
        raise Http404
    sar = _sar(request, house, request_id, shown=False)
    _export, content = services.subject_access_export(actor=request.user, request=sar, fmt=fmt)
    content_type = "application/pdf" if fmt == "pdf" else "application/json"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="inzage-{sar.pk}.{fmt}"'
    return response


@privacy_view
def rights_requests(request: AuthenticatedHttpRequest, house: House) -> HttpResponse:
    form = RightsRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            pseudonyms = []
            if data["bsn"] or data["first_name"] or data["last_name"] or data["date_of_birth"]:
                pseudonyms = services.find_pseudonyms(
                    house=house, bsn=data["bsn"], first_name=data["first_name"], last_name=data["last_name"],
                    date_of_birth=data["date_of_birth"])
            item = services.rights_request_create(
                actor=request.user, house=house, kind=data["kind"], requester_name=data["requester_name"],
                received_on=data["received_on"], description=data["description"], pseudonyms=pseudonyms)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The request was registered; the deadline is %(date)s.")
                             % {"date": long_date(item.deadline)})
            return redirect("privacy:rights-request", house.pk, item.pk)
    open_only = request.GET.get("open") == "on"
    items = list(selectors.rights_request_list(actor=request.user, house=house, open_only=open_only))
    today = timezone.localdate()
    selectors.record_privacy_view(actor=request.user, houses=[house], object_type="rights-request")
    return render(request, "privacy/rights_requests.html", {
        "house": house, "form": form, "rows": [{"item": r, "overdue": r.is_overdue(today)} for r in items],
        "open_only": open_only})


@privacy_view
def rights_request(request: AuthenticatedHttpRequest, house: House, request_id: int) -> HttpResponse:
    item = selectors.rights_request_check(actor=request.user, request_id=request_id, house=house)
    initial = {"version": item.version, "status": item.status, "handling": item.handling,
               "decided_on": item.decided_on, "extended_until": item.extended_until,
               "extension_reason": item.extension_reason}
    form = RightsRequestHandleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.rights_request_update(
                actor=request.user, request_id=item.pk, expected_version=data["version"], status=data["status"],
                handling=data["handling"], decided_on=data["decided_on"], extended_until=data["extended_until"],
                extension_reason=data["extension_reason"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The handling was saved."))
            return redirect("privacy:rights-request", house.pk, item.pk)
    item = selectors.rights_request_get(actor=request.user, request_id=request_id, house=house)  # shown: logged
    return render(request, "privacy/rights_request.html", {
        "house": house, "item": item, "form": form, "overdue": item.is_overdue(),
        "subject_access": getattr(item, "subject_access", None)})
