"""Pages of the group approach: the group page of an area or group case, adding a member, and one member (role,
tier, dates, leaving, the link to an individual case). Reads go through `groups.selectors`, writes through
`groups.services`; a hidden case, a case that is no group case, or a house without the group approach answers 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from opencasus.access import groups as access
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.groups import selectors, services
from opencasus.groups.forms import NEW_PERSON, LinkForm, MemberAddForm, MemberEditForm, MemberEndForm, UnlinkForm
from opencasus.plans.forms import VersionForm
from opencasus.plans.views._helpers import run, version_of


def _crumbs(case_id: int, reference: str, *extra: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_("My cases"), reverse("cases:list")), (reference, reverse("cases:detail", args=[case_id])),
            *extra]


@login_required
def group_page(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    view = selectors.group_view(actor=request.user, case_id=case_id)
    return render(request, "groups/group.html", {
        "group": view, "case": view.case,
        "breadcrumbs": _crumbs(case_id, view.case.reference, (_("Group approach"), ""))})


@login_required
@require_http_methods(["GET", "POST"])
def member_new(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, _level = selectors.group_check(actor=request.user, case_id=case_id, minimum=access.MANAGE_MEMBERS)
    persons = selectors.member_candidates(actor=request.user, case=case)
    status = 200
    if request.method == "POST":
        form = MemberAddForm(request.POST, persons=persons)
        if form.is_valid():
            data = form.cleaned_data
            person = data["person"]
            _member, status = run(form, lambda: services.member_add(
                actor=request.user, case_id=case.pk, role=data["role"], tier=data["tier"],
                start_date=data["start_date"], person_id=int(person) if person != NEW_PERSON else None,
                first_name=data["first_name"], last_name=data["last_name"], date_of_birth=data["date_of_birth"]))
            if status == 200:
                messages.success(request, _("The member was added to the group."))
                return redirect("groups:group", case_id=case.pk)
        else:
            status = 400
    else:
        form = MemberAddForm(persons=persons, initial={"start_date": timezone.localdate(), "tier": 2})
    return render(request, "groups/member_new.html", {
        "form": form, "case": case,
        "breadcrumbs": _crumbs(case.pk, case.reference, (_("Group approach"), reverse("groups:group", args=[case.pk])),
                               (_("Add a member"), ""))}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def member_detail(request: AuthenticatedHttpRequest, case_id: int, member_id: int) -> HttpResponse:
    if request.method == "POST":  # writes are core staff's: 404 before anything is read or logged
        selectors.member_check(actor=request.user, case_id=case_id, member_id=member_id,
                               minimum=access.MANAGE_MEMBERS)
    case, level, view = selectors.member_get(actor=request.user, case_id=case_id, member_id=member_id)
    member = view.member
    may_manage = access.may_manage(level)
    edit_form = MemberEditForm(prefix="edit", initial={
        "version": member.version, "role": member.role, "tier": member.tier, "start_date": member.start_date,
        "end_date": member.end_date})
    end_form = MemberEndForm(prefix="end", initial={"version": member.version, "end_date": timezone.localdate()})
    cases = selectors.linkable_cases(actor=request.user, case=case) if may_manage else []
    link_form = LinkForm(prefix="link", cases=cases, initial={"version": member.version})
    unlink_form = UnlinkForm(prefix="unlink", initial={"version": member.version})
    status = 200
    if request.method == "POST":
        done = ""
        form: VersionForm
        if "edit-version" in request.POST:
            edit_form = MemberEditForm(request.POST, prefix="edit")
            form = edit_form
            if form.is_valid():
                data = form.cleaned_data
                _r, status = run(form, lambda: services.member_update(
                    actor=request.user, case_id=case.pk, member_id=member.pk, expected_version=version_of(form),
                    role=data["role"], tier=data["tier"], start_date=data["start_date"], end_date=data["end_date"]))
                done = _("The member was changed.")
            else:
                status = 400
        elif "end-version" in request.POST:
            end_form = MemberEndForm(request.POST, prefix="end")
            form = end_form
            if form.is_valid():
                _r, status = run(form, lambda: services.member_end(
                    actor=request.user, case_id=case.pk, member_id=member.pk,
                    end_date=end_form.cleaned_data["end_date"], expected_version=version_of(end_form)))
                done = _("The member's leaving the group was recorded.")
            else:
                status = 400
        elif "link-version" in request.POST:
            link_form = LinkForm(request.POST, prefix="link", cases=cases)
            form = link_form
            if form.is_valid():
                _r, status = run(form, lambda: services.member_link(
                    actor=request.user, case_id=case.pk, member_id=member.pk,
                    individual_case_id=link_form.cleaned_data["individual_case"],
                    expected_version=version_of(link_form)))
                done = _("The individual case was linked.")
            else:
                status = 400
        else:
            unlink_form = UnlinkForm(request.POST, prefix="unlink")
            form = unlink_form
            if form.is_valid():
                _r, status = run(form, lambda: services.member_unlink(
                    actor=request.user, case_id=case.pk, member_id=member.pk,
                    expected_version=version_of(unlink_form)))
                done = _("The link to the individual case was removed.")
            else:
                status = 400
        if status == 200:
            messages.success(request, done)
            return redirect("groups:member", case_id=case.pk, member_id=member.pk)
    return render(request, "groups/member.html", {
        "case": case, "view": view, "member": member, "may_manage": may_manage, "edit_form": edit_form,
        "end_form": end_form, "link_form": link_form, "unlink_form": unlink_form, "has_cases": bool(cases),
        "breadcrumbs": _crumbs(case.pk, case.reference, (_("Group approach"), reverse("groups:group", args=[case.pk])),
                               (f"{member.person.first_name} {member.person.last_name}", ""))}, status=status)
