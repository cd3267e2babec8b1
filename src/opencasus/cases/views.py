"""Pages: file an intake, "my cases", the case page per access level, information, attachments."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from opencasus.access import attachments as attachment_access
from opencasus.access.houses import narrow_to_current_house
from opencasus.access.policy import CaseAccess
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.cases import receipt as receipt_reads
from opencasus.cases import search, selectors, services
from opencasus.cases.forms import (
    MAX_PARTNERS,
    MAX_PERSONS,
    AttachmentForm,
    CaseFilterForm,
    CaseSearchForm,
    IntakeForm,
    PartnerFormSet,
    person_formset,
    split_service_errors,
)
from opencasus.cases.vocabulary import Relation, SubjectType
from opencasus.core.enhance import quiet, row_action

SUBJECT_SLUGS = {"persoon": SubjectType.PERSON, "systeem": SubjectType.SYSTEM, "gebied": SubjectType.AREA}


@login_required
def case_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = CaseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    cases = selectors.case_list(actor=request.user, status=filters.get("status") or None,
                                subject_type=filters.get("subject_type") or None,
                                route=filters.get("route") or None,
                                filed_with_feedback=bool(filters.get("feedback")),
                                participating=bool(filters.get("participating")),
                                directing=bool(filters.get("directing")))
    cases = narrow_to_current_house(request, cases)
    page = Paginator(cases, 25).get_page(request.GET.get("page"))
    selectors.record_case_list_view(actor=request.user, cases=page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "cases/case_list.html", {"form": form, "page": page, "query": query.urlencode()})


@login_required
def intake_start(request: AuthenticatedHttpRequest) -> HttpResponse:
    options = selectors.intake_options(actor=request.user)
    if not options.choices:
        raise Http404
    from opencasus.triage.models import CUMULATIVE_CRITERIA, Criterion  # the national criteria (Landelijk kader §4.2)

    return render(request, "cases/intake_start.html", {"kinds": [
        ("persoon", SubjectType.PERSON.label), ("systeem", SubjectType.SYSTEM.label),
        ("gebied", SubjectType.AREA.label)],
        "cumulative_criteria": [c.label for c in CUMULATIVE_CRITERIA], "area_criterion": Criterion.AREA_SAFETY.label})


def _map_errors(errors: dict[str, list[str]], form: IntakeForm, persons: Any, person_forms: list[Any],
                partners: Any, partner_forms: list[Any]) -> None:
    rest: dict[str, list[str]] = {}
    for key, msgs in errors.items():
        parts = key.split(".")
        if parts[0] == "persons" and len(parts) == 3 and int(parts[1]) < len(person_forms):
            target = person_forms[int(parts[1])]
            for m in msgs:
                target.add_error(parts[2] if parts[2] in target.fields else None, m)
        elif parts[0] == "involved_partners" and len(parts) == 3 and int(parts[1]) < len(partner_forms):
            for m in msgs:
                partner_forms[int(parts[1])].add_error(None, m)
        elif parts[0] == "attachments":
            rest.setdefault("attachments", []).extend(msgs)
        elif parts[0] == "persons":
            for m in msgs:
                persons.add_non_form_error(m)
        else:
            rest[key] = msgs
    form.add_service_errors(rest)


@login_required
@require_http_methods(["GET", "POST"])
def intake_create(request: AuthenticatedHttpRequest, kind: str) -> HttpResponse:
    subject_type = SUBJECT_SLUGS.get(kind)
    options = selectors.intake_options(actor=request.user)
    if subject_type is None or not options.choices:
        raise Http404
    form_kwargs: dict[str, Any] = {"subject_type": subject_type, "choices": options.choices,
                   "target_groups": options.target_groups, "municipalities": options.municipalities}
    default_relation = {SubjectType.PERSON: Relation.SUBJECT, SubjectType.SYSTEM: Relation.HOUSEHOLD_MEMBER,
                        SubjectType.AREA: Relation.GROUP_MEMBER}[subject_type]
    person_kwargs = {"municipalities": options.municipalities, "default_relation": default_relation}
    persons_class = person_formset(subject_type)
    data: Any = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    # "Add a person" / "Remove" without JavaScript: the same page again with the rows changed.
    changed_rows = None
    if data is not None:
        changed_rows = ((row_action(data, "persons", max_rows=MAX_PERSONS) if subject_type != SubjectType.PERSON
                         else None) or row_action(data, "partners", max_rows=MAX_PARTNERS))
    if changed_rows:
        data, files = changed_rows.data, None
        if changed_rows.error:
            messages.error(request, changed_rows.error)
    form = IntakeForm(data, files, **form_kwargs)
    persons = persons_class(data, prefix="persons", form_kwargs=person_kwargs)
    partners = PartnerFormSet(data, prefix="partners", form_kwargs={"organisations": options.organisations})
    if changed_rows:
        quiet(form, persons, partners)
    elif request.method == "POST":
        forms_ok = form.is_valid() & persons.is_valid() & partners.is_valid()
        person_forms = [f for f in persons.forms if f.has_changed()]
        partner_forms = [f for f in partners.forms if f.has_changed()]
        if subject_type == SubjectType.PERSON and not person_forms:
            persons.add_non_form_error(_("Fill in the person the intake is about."))
            forms_ok = False
        if forms_ok:
            house, organisation = form.filing()
            d = form.cleaned_data
            try:
                case = services.intake_file(
                    actor=request.user, organisation=organisation, house=house, subject_type=subject_type,
                    persons=[f.data_object() for f in person_forms], reason=d["reason"],
                    requested_purpose=d["requested_purpose"], route=d["route"], release_date=d["release_date"],
                    target_group=d["target_group"], urgency=d["urgency"], municipality=d["municipality"],
                    neighbourhood=d["neighbourhood"], area_description=d.get("area_description", ""),
                    involved_partners=[f.data_object() for f in partner_forms],
                    running_trajectories=d["running_trajectories"], people_informed=d["people_informed"],
                    not_informed_reason=d["not_informed_reason"], attachments=d["attachments"])
            except ValidationError as exc:
                _map_errors(split_service_errors(exc), form, persons, person_forms, partners, partner_forms)
            else:
                messages.success(request, _("Your intake %(reference)s has been filed.")
                                 % {"reference": case.reference})
                return redirect("cases:detail", case_id=case.pk)
        messages.error(request, _("The intake has not been filed. Correct the fields marked below."))
    if changed_rows and request.FILES:
        messages.warning(request, _("Choose the attachments again: a browser does not keep chosen files."))
    return render(request, "cases/intake_form.html", {
        "form": form, "persons": persons, "partners": partners, "subject_type": subject_type,
        "rows_removable": subject_type != SubjectType.PERSON,
        "subject_label": SubjectType(subject_type).label})


@login_required
@require_http_methods(["GET", "POST"])
def attachment_add(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    case, level = selectors.case_check(actor=request.user, case_id=case_id, minimum=CaseAccess.FILER)
    if not attachment_access.may_upload(case, level):
        raise Http404
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.attachment_add(actor=request.user, case_id=case_id, upload=d["file"],
                                    description=d["description"], sharing_scope=d["sharing_scope"])
        except ValidationError as exc:
            errors = split_service_errors(exc)
            form.add_service_errors({("file" if k == "__all__" else k): v for k, v in errors.items()})
        else:
            messages.success(request, _("The attachment has been added."))
            return redirect("cases:detail", case_id=case_id)
    return render(request, "cases/attachment_form.html", {"form": form, "case": case})


@login_required
def attachment_download(request: AuthenticatedHttpRequest, case_id: int, attachment_id: int) -> FileResponse:
    attachment = selectors.attachment_get(actor=request.user, case_id=case_id, attachment_id=attachment_id)
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.filename,
                            content_type=attachment.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@login_required
def intake_receipt(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    receipt = receipt_reads.intake_receipt(actor=request.user, case_id=case_id)
    breadcrumbs = [(_("My cases"), reverse("cases:list")),
                   (receipt.case.reference, reverse("cases:detail", args=[case_id])), (_("Receipt"), "")]
    return render(request, "cases/receipt.html", {"receipt": receipt, "case": receipt.case,
                                                  "breadcrumbs": breadcrumbs})


@login_required
def intake_receipt_pdf(request: AuthenticatedHttpRequest, case_id: int) -> HttpResponse:
    data, case = receipt_reads.intake_receipt_pdf(actor=request.user, case_id=case_id)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="ontvangstbewijs-{case.reference}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def case_search(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Search for a case. The search is posted (a BSN or name never lands in an address or a server log)."""
    municipalities = selectors.search_municipalities(actor=request.user)
    form = CaseSearchForm(request.POST if request.method == "POST" else None, municipalities=municipalities)
    results = None
    if form.is_valid():
        d = form.cleaned_data
        q = (d["q"] or "").strip()
        criteria = search.SearchCriteria(
            reference=q if search.looks_like_reference(q) else "", name="" if search.looks_like_reference(q) else q,
            date_of_birth=d["date_of_birth"], bsn=d["bsn"], municipality_id=d["municipality"].pk if d["municipality"]
            else None, status=d["status"] or "")
        if criteria.is_empty:
            form.add_error(None, _("Fill in at least one search field."))
        else:
            results = search.case_search(actor=request.user, criteria=criteria)
    return render(request, "cases/search.html", {"form": form, "results": results})
