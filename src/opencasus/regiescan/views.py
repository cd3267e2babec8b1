"""Pages of the regie scan: the officer's scans (start, answer, submit, results), the house manager's overview
and the house's questionnaire."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.forms import apply_errors
from opencasus.regiescan import selectors, services
from opencasus.regiescan.forms import AnswersForm, QuestionForm, SettingsForm, StartForm, ThemeForm


def _crumbs(*items: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("Regie scan"), reverse("regiescan:index")), *items]


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    fillable = selectors.fillable(actor=request.user)
    scans = selectors.scan_list(actor=request.user)
    configurable = selectors.config_houses(actor=request.user)
    if not (fillable or scans or configurable or selectors.overview_houses(actor=request.user)):
        raise Http404
    form = StartForm(fillable=fillable, initial={"year": selectors.current_year()})
    return render(request, "regiescan/index.html", {
        "fillable": fillable, "scans": scans, "scores": selectors.scores_of(scans), "configurable": configurable,
        "form": form, "breadcrumbs": [(_("Regie scan"), "")]})


@login_required
@require_POST
def start(request: AuthenticatedHttpRequest) -> HttpResponse:
    fillable = selectors.fillable(actor=request.user)
    if not fillable:
        raise Http404
    form = StartForm(request.POST, fillable=fillable)
    if form.is_valid():
        house_id, municipality_id = form.target_ids()
        try:
            submission = services.scan_start(actor=request.user, house_id=house_id, municipality_id=municipality_id,
                                             year=form.cleaned_data["year"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The regie scan has been started."))
            return redirect("regiescan:detail", scan_id=submission.pk)
    scans = selectors.scan_list(actor=request.user)
    return render(request, "regiescan/index.html", {
        "fillable": fillable, "scans": scans, "scores": selectors.scores_of(scans),
        "configurable": selectors.config_houses(actor=request.user), "form": form,
        "breadcrumbs": [(_("Regie scan"), "")]}, status=400)


@login_required
def detail(request: AuthenticatedHttpRequest, scan_id: int) -> HttpResponse:
    view = selectors.scan_get(actor=request.user, scan_id=scan_id)
    form = AnswersForm(view=view, initial={"version": view.version})
    status = 200
    if request.method == "POST":
        if not view.may_edit:
            raise PermissionDenied
        form = AnswersForm(request.POST, view=view)
        if form.is_valid():
            submit = "submit" in request.POST
            try:
                services.scan_answers_save(actor=request.user, scan_id=scan_id, answers=form.answers(),
                                           expected_version=form.cleaned_data["version"], submit=submit)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The regie scan has been submitted.") if submit
                                 else _("Your answers have been saved."))
                return redirect("regiescan:detail", scan_id=scan_id)
        status = 400
    s = view.submission
    return render(request, "regiescan/detail.html", {
        "view": view, "form": form, "sections": form.sections(view),
        "breadcrumbs": _crumbs((f"{s.municipality.name} {s.year}", ""))}, status=status)


@login_required
def config(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    qn = selectors.config_get(actor=request.user, house_id=house_id)
    form = SettingsForm(initial={"version": qn.settings.version, "scale_points": qn.settings.scale_points,
                                 "tip_below": qn.settings.tip_below})
    if request.method == "POST":
        form = SettingsForm(request.POST)
        if form.is_valid():
            try:
                services.settings_update(actor=request.user, house_id=house_id,
                                         scale_points=form.cleaned_data["scale_points"],
                                         tip_below=form.cleaned_data["tip_below"],
                                         expected_version=form.cleaned_data["version"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The settings have been saved."))
                return redirect("regiescan:config", house_id=house_id)
    return render(request, "regiescan/config.html", {
        "qn": qn, "form": form,
        "breadcrumbs": _crumbs((_("Questionnaire of %(house)s") % {"house": qn.house.name}, ""))},
        status=400 if form.errors else 200)


@login_required
def theme(request: AuthenticatedHttpRequest, house_id: int, theme_id: int | None = None) -> HttpResponse:
    qn = selectors.config_get(actor=request.user, house_id=house_id)
    current = selectors.theme_for_config(actor=request.user, house_id=house_id, theme_id=theme_id) \
        if theme_id is not None else None
    form = ThemeForm(initial={"version": current.version, "name": current.name, "tip": current.tip,
                              "position": current.position, "active": current.active} if current else
                     {"version": 0, "active": True, "position": len(qn.themes) + 1})
    if request.method == "POST":
        form = ThemeForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.theme_save(actor=request.user, house_id=house_id, theme_id=theme_id, name=d["name"],
                                    tip=d["tip"], active=d["active"], position=d["position"],
                                    expected_version=d["version"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The theme has been saved."))
                return redirect("regiescan:config", house_id=house_id)
    return render(request, "regiescan/edit.html", {
        "form": form, "title": current.name if current else _("New theme"),
        "back": reverse("regiescan:config", args=[house_id]),
        "breadcrumbs": _crumbs((_("Questionnaire of %(house)s") % {"house": qn.house.name},
                                reverse("regiescan:config", args=[house_id])),
                               (current.name if current else _("New theme"), ""))},
        status=400 if form.errors else 200)


@login_required
def question(request: AuthenticatedHttpRequest, house_id: int, question_id: int | None = None) -> HttpResponse:
    qn = selectors.config_get(actor=request.user, house_id=house_id)
    current = selectors.question_for_config(actor=request.user, house_id=house_id, question_id=question_id) \
        if question_id is not None else None
    themes = [(t.pk, t.name) for t in qn.themes]
    initial_theme = request.GET.get("thema", "")
    form = QuestionForm(themes=themes, initial={
        "version": current.version, "theme": current.theme_id, "text": current.text, "weight": current.weight,
        "active": current.active} if current else {"version": 0, "weight": 1, "active": True,
                                                     "theme": initial_theme if initial_theme.isdigit() else None})
    if request.method == "POST":
        form = QuestionForm(request.POST, themes=themes)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.question_save(actor=request.user, house_id=house_id, question_id=question_id,
                                       theme_id=d["theme"], text=d["text"], weight=d["weight"], active=d["active"],
                                       expected_version=d["version"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("The question has been saved."))
                return redirect("regiescan:config", house_id=house_id)
    title = _("Change the question") if current else _("New question")
    return render(request, "regiescan/edit.html", {
        "form": form, "title": title, "back": reverse("regiescan:config", args=[house_id]),
        "breadcrumbs": _crumbs((_("Questionnaire of %(house)s") % {"house": qn.house.name},
                                reverse("regiescan:config", args=[house_id])), (title, ""))},
        status=400 if form.errors else 200)
