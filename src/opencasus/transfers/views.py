"""Pages of transfers between houses and of co-direction."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from opencasus.access import transfers as access
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.plans.views._helpers import run, version_of
from opencasus.transfers import selectors, services
from opencasus.transfers.filters import TransferFilter
from opencasus.transfers.forms import CoDirectorForm, CoParticipantForm, DecisionForm, ProposeForm

PAGE_SIZE = 25


def _crumbs(case_reference: str, case_id: int, label: str) -> list[tuple[str, str]]:
    return [(_("Cases"), reverse("cases:list")), (case_reference, reverse("cases:detail", args=[case_id])),
            (label, "")]


@login_required
@require_http_methods(["GET", "POST"])
def propose(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case = selectors.proposal_case(actor=request.user, case_id=case_id, log=request.method == "GET")
    houses = selectors.proposable_houses(actor=request.user, case=case)
    items = selectors.transferable_items(case=case)
    form = ProposeForm(request.POST or None, houses=houses, items=items)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            transfer, status = run(form, lambda: services.transfer_propose(
                actor=request.user, case_id=case.pk, to_house_id=data["to_house"].pk, reason=data["reason"],
                move_date=data["move_date"], include_purpose=data["include_purpose"],
                include_plan=data["include_plan"], information_item_ids=[i.pk for i in data["information_items"]]))
            if status == 200:
                messages.success(request, _("The transfer was proposed."))
                return redirect("transfers:detail", transfer_id=transfer.pk)
        else:
            status = 400
    return render(request, "transfers/propose.html", {
        "case": case, "form": form, "open_transfer": selectors.open_transfer(case=case),
        "breadcrumbs": _crumbs(case.reference, case.pk, _("Transfer"))}, status=status)


@login_required
def transfer_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.may_see_transfers(request.user):
        raise Http404
    filterset = TransferFilter(data=request.GET or None)
    values = dict(filterset.form.cleaned_data) if filterset.is_valid() else {}
    qs = selectors.transfer_list(actor=request.user, direction=values.get("direction") or None,
                                 status=values.get("status") or None)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.record_transfer_list_view(actor=request.user, transfers=page.object_list)
    return render(request, "transfers/list.html", {
        "page_obj": page, "filter": filterset, "breadcrumbs": [(_("Transfers"), "")]})


@login_required
@require_http_methods(["GET", "POST"])
def transfer_detail(request: AuthenticatedHttpRequest, transfer_id: int) -> HttpResponse:
    if request.method == "POST":  # only the receiving house's process directors decide: 404 before any read
        checked = selectors.transfer_check(actor=request.user, transfer_id=transfer_id)
        if not selectors.may_decide(actor=request.user, transfer=checked):
            raise Http404
    transfer = selectors.transfer_get(actor=request.user, transfer_id=transfer_id)
    may_decide = selectors.may_decide(actor=request.user, transfer=transfer)
    municipalities = selectors.region_municipalities(transfer=transfer)
    form = (DecisionForm(request.POST or None, municipalities=municipalities,
                         initial={"version": transfer.version}) if may_decide else None)
    status = 200
    if request.method == "POST" and form is not None:
        if form.is_valid():
            data = form.cleaned_data
            if data["decision"] == "accept":
                result, status = run(form, lambda: services.transfer_accept(
                    actor=request.user, transfer_id=transfer.pk, reason=data["reason"],
                    municipality_id=data["municipality"].pk if data["municipality"] else None,
                    expected_version=version_of(form)))
                done = _("The transfer was accepted; the case now runs in your house.")
            else:
                result, status = run(form, lambda: services.transfer_decline(
                    actor=request.user, transfer_id=transfer.pk, reason=data["reason"],
                    expected_version=version_of(form)))
                done = _("The transfer was declined.")
            if status == 200:
                messages.success(request, done)
                if result.new_case_id:
                    return redirect("cases:detail", result.new_case_id)
                return redirect("transfers:detail", transfer_id=transfer.pk)
        else:
            status = 400
    return render(request, "transfers/detail.html", {
        "transfer": transfer, "items": selectors.transfer_items(transfer), "form": form,
        "incoming": transfer.to_house_id in access.director_house_ids(request.user),
        "breadcrumbs": [(_("Transfers"), reverse("transfers:list")), (transfer.case_reference, "")]}, status=status)


@login_required
@require_POST
def item_transferable(request: AuthenticatedHttpRequest, item_id: int) -> HttpResponse:
    item = services.information_item_mark_transferable(
        actor=request.user, item_id=item_id, transferable=request.POST.get("transferable") == "on")
    messages.success(request, _("Saved whether this information may go along with a transfer."))
    return redirect(f"{reverse('cases:detail', args=[item.case_id])}?tab=informatie#informatie-{item.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def co_directors(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, may_add, mine = selectors.co_director_case(actor=request.user, case_id=case_id)
    form = CoDirectorForm(candidates=selectors.co_director_candidates(case=case)) if may_add else None
    participant_form = (CoParticipantForm(organisations=selectors.co_house_organisations(co=mine))
                        if mine is not None else None)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add" and form is not None:
            form = CoDirectorForm(request.POST, candidates=selectors.co_director_candidates(case=case))
            if form.is_valid():
                membership = form.cleaned_data["membership"]
                _r, status = run(form, lambda: services.co_director_add(
                    actor=request.user, case_id=case.pk, user_id=membership.user_id, house_id=membership.house_id))
                if status == 200:
                    messages.success(request, _("The co-director was added."))
                    return redirect("transfers:co-directors", case_id=case.pk)
            else:
                status = 400
        elif action == "end" and may_add:
            try:
                co_id = int(request.POST.get("co_director", ""))
            except ValueError:
                raise Http404 from None
            services.co_director_end(actor=request.user, co_director_id=co_id)
            messages.success(request, _("The co-direction was ended."))
            return redirect("transfers:co-directors", case_id=case.pk)
        elif action == "participant" and mine is not None and participant_form is not None:
            participant_form = CoParticipantForm(request.POST, organisations=selectors.co_house_organisations(co=mine))
            if participant_form.is_valid():
                organisation = participant_form.cleaned_data["organisation"]
                _r, status = run(participant_form, lambda: services.co_participant_add(
                    actor=request.user, case_id=case.pk, co_director_id=mine.pk, organisation_id=organisation.pk))
                if status == 200:
                    messages.success(request, _("The organisation now takes part in the case."))
                    return redirect("transfers:co-directors", case_id=case.pk)
            else:
                status = 400
        else:
            raise Http404
    _case, items = selectors.co_director_list(actor=request.user, case_id=case.pk)
    return render(request, "transfers/co_directors.html", {
        "case": case, "co_directors": items, "form": form, "participant_form": participant_form,
        "may_add": may_add, "breadcrumbs": _crumbs(case.reference, case.pk, _("Co-directors"))}, status=status)
