"""Pages: my notifications, mark one or all read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.notifications import selectors, services


@login_required
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = Paginator(selectors.notification_list(actor=request.user), 25).get_page(request.GET.get("page"))
    selectors.record_notification_list_view(actor=request.user, notifications=page.object_list)
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def notification_read(request: AuthenticatedHttpRequest, notification_id: int) -> HttpResponse:
    notification = services.notification_mark_read(actor=request.user, notification_id=notification_id)
    if request.POST.get("open") and url_has_allowed_host_and_scheme(notification.link, allowed_hosts=None):
        return redirect(notification.link)
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read_all(request: AuthenticatedHttpRequest) -> HttpResponse:
    services.notifications_mark_all_read(actor=request.user)
    return redirect("notifications:list")
