"""Pages of the Top X approach: the lists, a list with its candidates, proposing, importing the police list,
the decision of the triage table and the reviews. Lists and candidates of a house that does not run Top X
answer 404 (the access filters leave them out)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from opencasus.access import topx as access
from opencasus.access.houses import narrow_to_current_house
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.unset import UNSET
from opencasus.plans.views._helpers import run, version_of
from opencasus.topx import selectors, services
from opencasus.topx.filters import CandidateFilter
from opencasus.topx.forms import (
    DecisionForm,
    ImportForm,
    ProposalForm,
    ReviewForm,
    TopXListEditForm,
    TopXListForm,
    lines,
)
from opencasus.topx.models import Candidate

PAGE_SIZE = 25
LISTS = "/topx"


def _rows(request: AuthenticatedHttpRequest, qs: Any) -> tuple[Any, list[dict[str, Any]]]:
    page = Paginator(narrow_to_current_house(request, qs), PAGE_SIZE).get_page(request.GET.get("page"))
    items: list[Candidate] = list(page.object_list)
    selectors.record_candidate_list_view(actor=request.user, candidates=items)
    levels = selectors.candidate_levels(actor=request.user, candidates=items)
    last = selectors.last_reviews(candidate_ids=[c.pk for c in items if levels[c.pk] > access.CandidateAccess.PROPOSER])
    return page, [{"candidate": c, "level": int(levels[c.pk]), "last_review": last.get(c.pk)} for c in items]


@login_required
def list_index(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.may_see_lists(request.user):
        raise Http404
    lists = list(narrow_to_current_house(request, selectors.topx_list_list(actor=request.user)))
    return render(request, "topx/lists.html", {
        "lists": lists, "may_create": bool(selectors.keeper_houses(actor=request.user)),
        "breadcrumbs": [(_("Top X lists"), "")]})


@login_required
@require_http_methods(["GET", "POST"])
def list_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    houses = selectors.keeper_houses(actor=request.user)
    if not houses:
        raise Http404
    municipalities = selectors.municipality_choices(house_ids=[h for h, _n in houses])
    form = TopXListForm(request.POST or None, houses=houses, municipalities=municipalities)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            criteria = [services.CriterionData(text, data["max_score"]) for text in lines(data["criteria"])]
            topx_list, status = run(form, lambda: services.topx_list_create(
                actor=request.user, house_id=data["house"], name=data["name"], theme=data["theme"],
                municipality_id=data["municipality"], review_cycle_months=data["review_cycle_months"],
                criteria=criteria, exit_criteria=lines(data["exit_criteria"])))
            if status == 200:
                messages.success(request, _("The Top X list was created."))
                return redirect("topx:list", list_id=topx_list.pk)
        else:
            status = 400
    return render(request, "topx/list_form.html", {
        "form": form, "title": _("New Top X list"),
        "breadcrumbs": [(_("Top X lists"), LISTS), (_("New list"), "")]}, status=status)


@login_required
def list_detail(request: AuthenticatedHttpRequest, list_id: int) -> HttpResponse:
    topx_list = selectors.topx_list_get(actor=request.user, list_id=list_id)
    filterset = CandidateFilter(data=request.GET or None)
    values = dict(filterset.form.cleaned_data) if filterset.is_valid() else {}
    qs = selectors.candidate_list(actor=request.user, list_id=topx_list.pk, stage=values.get("stage") or None,
                                  overdue=bool(values.get("overdue")), mine=bool(values.get("mine")))
    page, rows = _rows(request, qs)
    may_work = selectors.may_work(actor=request.user, topx_list=topx_list)
    return render(request, "topx/list.html", {
        "topx_list": topx_list, "filter": filterset, "page_obj": page, "rows": rows, "may_work": may_work,
        "may_keep": selectors.may_keep(actor=request.user, topx_list=topx_list),
        "may_propose": bool(selectors.proposing_organisations(actor=request.user, house_id=topx_list.house_id)),
        "counts": selectors.stage_counts(topx_list=topx_list) if may_work else None,
        "imports": list(selectors.candidate_import_list(actor=request.user, list_id=topx_list.pk)[:5]),
        "breadcrumbs": [(_("Top X lists"), LISTS), (topx_list.name, "")]})


@login_required
@require_http_methods(["GET", "POST"])
def list_edit(request: AuthenticatedHttpRequest, list_id: int) -> HttpResponse:
    topx_list = selectors.topx_list_get(actor=request.user, list_id=list_id)
    if not selectors.may_keep(actor=request.user, topx_list=topx_list):
        raise Http404
    initial = {"version": topx_list.version, "name": topx_list.name, "theme": topx_list.theme,
               "review_cycle_months": topx_list.review_cycle_months, "active": topx_list.active,
               "exit_criteria": "\n".join(c.text for c in topx_list.exit_criteria.all())}
    form = TopXListEditForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            exits = lines(data["exit_criteria"])
            current = [c.text for c in topx_list.exit_criteria.all()]
            _result, status = run(form, lambda: services.topx_list_update(
                actor=request.user, list_id=topx_list.pk, expected_version=version_of(form), name=data["name"],
                theme=data["theme"], review_cycle_months=data["review_cycle_months"], active=data["active"],
                exit_criteria=exits if exits != current else UNSET))
            if status == 200:
                messages.success(request, _("The Top X list was saved."))
                return redirect("topx:list", list_id=topx_list.pk)
        else:
            status = 400
    return render(request, "topx/list_form.html", {
        "form": form, "title": _("Change the list"), "topx_list": topx_list,
        "breadcrumbs": [(_("Top X lists"), LISTS), (topx_list.name, f"{LISTS}/{topx_list.pk}"), (_("Change"), "")]},
        status=status)


@login_required
@require_http_methods(["GET", "POST"])
def propose(request: AuthenticatedHttpRequest, list_id: int) -> HttpResponse:
    topx_list = selectors.topx_list_get(actor=request.user, list_id=list_id)
    organisations = selectors.proposing_organisations(actor=request.user, house_id=topx_list.house_id)
    if not organisations:
        raise Http404
    form = ProposalForm(request.POST or None, organisations=organisations, criteria=list(topx_list.criteria.all()))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            person = services.PersonInput(data["first_name"], data["last_name"], data["date_of_birth"], data["bsn"])
            candidate, status = run(form, lambda: services.candidate_propose(
                actor=request.user, list_id=topx_list.pk, organisation_id=data["organisation"], person=person,
                scores=form.scores(), motivation=data["motivation"]))
            if status == 200:
                messages.success(request, _("The candidate was proposed; the triage table decides."))
                return redirect("topx:candidate", candidate_id=candidate.pk)
        else:
            status = 400
    return render(request, "topx/propose.html", {
        "form": form, "topx_list": topx_list,
        "breadcrumbs": [(_("Top X lists"), LISTS), (topx_list.name, f"{LISTS}/{topx_list.pk}"),
                        (_("Propose a candidate"), "")]}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: AuthenticatedHttpRequest, list_id: int) -> HttpResponse:
    topx_list = selectors.topx_list_get(actor=request.user, list_id=list_id)
    if not selectors.may_work(actor=request.user, topx_list=topx_list):
        raise Http404
    organisations = selectors.supplying_organisations(house_id=topx_list.house_id)
    form = ImportForm(request.POST or None, request.FILES or None, organisations=organisations)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            job, status = run(form, lambda: services.candidates_import(
                actor=request.user, list_id=topx_list.pk, organisation_id=form.cleaned_data["organisation"],
                filename=upload.name or "", content=upload.read()))
            if status == 200:
                return redirect("topx:import", import_id=job.pk)
        else:
            status = 400
    from opencasus.topx.services.imports import header_for

    return render(request, "topx/import.html", {
        "form": form, "topx_list": topx_list, "header": ",".join(header_for(topx_list)),
        "breadcrumbs": [(_("Top X lists"), LISTS), (topx_list.name, f"{LISTS}/{topx_list.pk}"),
                        (_("Read in the police list"), "")]}, status=status)


@login_required
def import_report(request: AuthenticatedHttpRequest, import_id: int) -> HttpResponse:
    job = selectors.candidate_import_get(actor=request.user, import_id=import_id)
    return render(request, "topx/import_report.html", {
        "job": job, "breadcrumbs": [(_("Top X lists"), LISTS), (job.topx_list.name, f"{LISTS}/{job.topx_list_id}"),
                                    (_("Import report"), "")]})


@login_required
def candidate_index(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.may_see_lists(request.user):
        raise Http404
    filterset = CandidateFilter(data=request.GET or None)
    values = dict(filterset.form.cleaned_data) if filterset.is_valid() else {}
    qs = selectors.candidate_list(actor=request.user, stage=values.get("stage") or None,
                                  overdue=bool(values.get("overdue")), mine=bool(values.get("mine")))
    page, rows = _rows(request, qs)
    return render(request, "topx/candidates.html", {
        "filter": filterset, "page_obj": page, "rows": rows, "may_propose": bool(access.proposing_pairs(request.user)),
        "breadcrumbs": [(_("Top X lists"), LISTS), (_("Candidates"), "")]})


def _decision_form(request: AuthenticatedHttpRequest, candidate: Candidate, data: Any = None) -> DecisionForm:
    cases = [(c.pk, c.reference) for c in selectors.linkable_cases(actor=request.user, candidate=candidate)[:200]]
    municipalities = selectors.municipality_choices(house_ids=[candidate.house_id])
    return DecisionForm(data, prefix="decision", cases=cases, municipalities=municipalities,
                        initial={"version": candidate.version,
                                 "municipality": candidate.topx_list.municipality_id})


def _review_form(candidate: Candidate, data: Any = None) -> ReviewForm:
    return ReviewForm(data, prefix="review", exit_criteria=list(candidate.topx_list.exit_criteria.all()),
                      initial={"version": candidate.version, "reviewed_on": timezone.localdate()})


def _decide(request: AuthenticatedHttpRequest, candidate: Candidate, form: DecisionForm) -> int:
    data = form.cleaned_data
    include = data["decision"] == "include"
    existing = include and data["case_choice"] == "existing"
    new_case = None
    if include and not existing:
        new_case = services.NewCase(requested_purpose=data["requested_purpose"],
                                    people_informed=data["people_informed"],
                                    not_informed_reason=data["not_informed_reason"],
                                    municipality_id=data["municipality"])
    if existing and data["case"] is None:
        form.add_error("case", _("Choose the running case of this person."))
        return 400
    _result, status = run(form, lambda: services.candidate_decide(
        actor=request.user, candidate_id=candidate.pk, include=include, grounds=data["grounds"],
        case_id=data["case"] if existing else None, new_case=new_case, expected_version=version_of(form)))
    return status


@login_required
@require_http_methods(["GET", "POST"])
def candidate_detail(request: AuthenticatedHttpRequest, candidate_id: int) -> HttpResponse:
    candidate, level = selectors.candidate_get(actor=request.user, candidate_id=candidate_id)
    core = level == access.CandidateAccess.CORE
    decision_form = _decision_form(request, candidate) if core and candidate.stage == "proposed" else None
    review_form = _review_form(candidate) if core and candidate.stage == "included" else None
    status = 200
    if request.method == "POST":
        if not core:
            raise Http404
        if "decision-decision" in request.POST or (decision_form is not None and "review-outcome" not in request.POST):
            decision_form = _decision_form(request, candidate, request.POST)
            status = _decide(request, candidate, decision_form) if decision_form.is_valid() else 400
            if status == 200:
                messages.success(request, _("The decision was recorded."))
                return redirect("topx:candidate", candidate_id=candidate.pk)
        else:
            review_form = _review_form(candidate, request.POST)
            if review_form.is_valid():
                data = review_form.cleaned_data
                _result, status = run(review_form, lambda: services.review_record(
                    actor=request.user, candidate_id=candidate.pk, outcome=data["outcome"], grounds=data["grounds"],
                    exit_criterion_id=data["exit_criterion"], reviewed_on=data["reviewed_on"],
                    expected_version=version_of(review_form)))
                if status == 200:
                    messages.success(request, _("The review was recorded."))
                    return redirect("topx:candidate", candidate_id=candidate.pk)
            else:
                status = 400
    reviews = selectors.candidate_reviews(candidate=candidate) if level > access.CandidateAccess.PROPOSER else []
    return render(request, "topx/candidate.html", {
        "candidate": candidate, "level": int(level), "core": core, "reviews": reviews,
        "decision_form": decision_form, "review_form": review_form,
        "breadcrumbs": [(_("Top X lists"), LISTS), (candidate.topx_list.name, f"{LISTS}/{candidate.topx_list_id}"),
                        (candidate.name, "")]}, status=status)
