"""Pages of the webhooks: the house's subscriptions, the delivery log and the dead letters with "retry now"
(functional administrator of the house)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from opencasus.access import webhooks as access
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.webhooks import selectors, services

RECENT = 50


def _require_admin(request: AuthenticatedHttpRequest) -> None:
    if not access.may_see_any(request.user):
        raise Http404


@login_required
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_admin(request)
    return render(request, "webhooks/overview.html", {
        "subscriptions": selectors.subscription_list(actor=request.user),
        "dead_letters": selectors.dead_letters(actor=request.user)[:RECENT],
        "deliveries": selectors.delivery_list(actor=request.user).prefetch_related("attempt_log")[:RECENT],
        "breadcrumbs": [(_("Webhooks"), "")]})


@login_required
@require_POST
def retry(request: AuthenticatedHttpRequest, delivery_id: int) -> HttpResponse:
    _require_admin(request)
    selectors.delivery_get(actor=request.user, delivery_id=delivery_id)
    try:
        services.dead_letter_retry(actor=request.user, delivery_id=delivery_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The event is being sent again."))
    return redirect("webhooks:overview")
