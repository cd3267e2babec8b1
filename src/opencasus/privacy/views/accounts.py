"""The audit trail of accounts for the privacy officer: search and CSV export."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from opencasus.accounts import audit
from opencasus.accounts.models import AccountEvent, AccountEventKind
from opencasus.core.forms import Form
from opencasus.network import grants
from opencasus.network.models import House, Role
from opencasus.privacy.views.common import privacy_view

DATE = forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}, format="%Y-%m-%d")


class AccountEventSearchForm(Form):
    person = forms.CharField(label=_("Person (name or username)"), required=False, max_length=150)
    role = forms.ChoiceField(label=_("Role"), required=False, choices=[("", "—"), *Role.choices])
    kind = forms.ChoiceField(label=_("Event"), required=False, choices=[("", "—"), *AccountEventKind.choices])
    since = forms.DateField(label=_("From"), required=False, widget=DATE)
    until = forms.DateField(label=_("Up to and including"), required=False, widget=DATE)

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("The end of the period lies before its start."))
        return data


def _events(form: AccountEventSearchForm, house: House) -> QuerySet[AccountEvent]:
    data = form.cleaned_data
    return audit.account_events(base=grants.house_account_events(house_id=house.pk), person=data.get("person") or "",
                                role=data.get("role") or "", kind=data.get("kind") or "",
                                since=data.get("since"), until=data.get("until"))


@privacy_view
def account_log(request: HttpRequest, house: House) -> HttpResponse:
    form = AccountEventSearchForm(request.GET or None)
    context: dict[str, Any] = {"house": house, "form": form}
    status = 200
    if form.is_bound and not form.is_valid():
        status = 400
    else:
        if not form.is_bound:
            form = AccountEventSearchForm({})
            form.is_valid()
        events = _events(form, house)
        if request.GET.get("export") == "csv":
            content = audit.account_events_csv(events, role_labels=dict(Role.choices))
            response = HttpResponse(content, content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="accountlogboek-huis-{house.pk}.csv"'
            return response
        query = request.GET.copy()
        query.pop("page", None)
        page = Paginator(events, 50).get_page(request.GET.get("page"))
        labels = dict(Role.choices)
        for event in page:
            event.role_label = labels.get(event.role, "")  # type: ignore[attr-defined]
        context.update(page=page, query=query.urlencode())
    return render(request, "privacy/account_log.html", context, status=status)
