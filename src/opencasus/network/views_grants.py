"""Pending role grants: the second person approves or refuses them (four eyes)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.forms import Form
from opencasus.network import grants


class DecisionForm(Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500,
                             widget=forms.TextInput(attrs={"class": "utrecht-textbox"}))


def _visible(request: AuthenticatedHttpRequest) -> bool:
    return grants.sees_grants(request.user) or grants.grants_for(request.user).exists()


@login_required
@require_http_methods(["GET"])
def grant_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not _visible(request):
        raise Http404
    pending = grants.pending_grants(request.user)
    for m in pending:
        m.may_decide = grants.may_decide(request.user, m)  # type: ignore[attr-defined]
    decided = grants.decided_grants(request.user)
    return render(request, "network/grants.html", {"pending": pending, "decided": decided, "form": DecisionForm()})


@login_required
@require_POST
def grant_decide(request: AuthenticatedHttpRequest, membership_id: int, decision: str) -> HttpResponse:
    membership = grants.grant_find(request.user, membership_id)
    if membership is None or decision not in {"approve", "refuse"}:
        raise Http404
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("The reason is too long or contains characters that are not allowed."))
        return redirect("network:grants")
    try:
        if decision == "approve":
            grants.membership_approve(actor=request.user, membership=membership, reason=form.cleaned_data["reason"])
            messages.success(request, gettext("The role is approved and takes effect."))
        else:
            grants.membership_refuse(actor=request.user, membership=membership, reason=form.cleaned_data["reason"])
            messages.success(request, gettext("The role is refused."))
    except grants.GrantError as exc:
        messages.error(request, str(exc.message))
    return redirect("network:grants")
