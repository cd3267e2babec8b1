"""The pages of a house's identity providers ("Inlogdiensten"), for its functional administrator."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.forms import apply_errors
from opencasus.network.identity import selectors, services
from opencasus.network.identity.forms import ProviderForm
from opencasus.network.identity.models import IdentityProvider


def _breadcrumbs(house_id: int, house_name: str, last: str | None = None) -> list[tuple[str, str]]:
    crumbs = [(house_name, reverse("network:overview", args=[house_id])),
              (_("Sign-in services"), reverse("network:identity-providers", args=[house_id]))]
    return [*crumbs, (last, "")] if last else crumbs


@login_required
def provider_list(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    house = selectors.managed_house_get(actor=request.user, house_id=house_id)
    return render(request, "network/identity_providers.html", {
        "house": house, "providers": selectors.provider_list(actor=request.user, house_id=house.pk),
        "callback_url": request.build_absolute_uri(reverse("network:oidc-callback")),
        "breadcrumbs": _breadcrumbs(house.pk, house.name),
    })


def _form_page(request: AuthenticatedHttpRequest, form: ProviderForm, *, house_id: int, house_name: str,
               provider: IdentityProvider | None) -> HttpResponse:
    title = _("Edit sign-in service") if provider else _("Add a sign-in service")
    return render(request, "network/identity_provider_form.html", {
        "form": form, "provider": provider, "title": title, "house_id": house_id,
        "breadcrumbs": _breadcrumbs(house_id, house_name, title),
    }, status=400 if form.errors else 200)


def _saved(form: ProviderForm, write: Callable[[], IdentityProvider]) -> bool:
    """Run the service; its ValidationError goes on the form (which keeps the input)."""
    try:
        write()
    except ValidationError as exc:
        apply_errors(form, exc)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def provider_add(request: AuthenticatedHttpRequest, house_id: int) -> HttpResponse:
    house = selectors.managed_house_get(actor=request.user, house_id=house_id)
    form = ProviderForm(request.POST or None, house_id=house.pk, secret_required=True)
    if request.method == "POST" and form.is_valid() and _saved(form, lambda: services.provider_create(
            actor=request.user, house_id=house.pk, config=form.provider_settings())):
        messages.success(request, _("The sign-in service is added."))
        return redirect("network:identity-providers", house.pk)
    return _form_page(request, form, house_id=house.pk, house_name=house.name, provider=None)


@login_required
@require_http_methods(["GET", "POST"])
def provider_edit(request: AuthenticatedHttpRequest, provider_id: int) -> HttpResponse:
    provider = selectors.provider_get(actor=request.user, provider_id=provider_id)
    initial = {"version": provider.version, "organisation": provider.organisation_id, "issuer": provider.issuer,
               "client_id": provider.client_id, "scopes": provider.scopes, "claim": provider.claim,
               "match_field": provider.match_field,
               "second_factor_values": " ".join(provider.second_factor_values)}
    form = ProviderForm(request.POST or None, initial=initial, house_id=provider.house_id, secret_required=False)
    if request.method == "POST" and form.is_valid() and _saved(form, lambda: services.provider_update(
            actor=request.user, provider_id=provider.pk, config=form.provider_settings(),
            version=form.cleaned_data["version"])):
        messages.success(request, _("The sign-in service is saved."))
        return redirect("network:identity-providers", provider.house_id)
    return _form_page(request, form, house_id=provider.house_id, house_name=provider.house.name, provider=provider)


@login_required
@require_POST
def provider_status(request: AuthenticatedHttpRequest, provider_id: int) -> HttpResponse:
    provider = selectors.provider_get(actor=request.user, provider_id=provider_id)
    enabled = request.POST.get("enabled") == "1"
    version = request.POST.get("version", "")
    try:
        services.provider_set_enabled(actor=request.user, provider_id=provider.pk, enabled=enabled,
                                      version=int(version) if version.isdigit() else None)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The sign-in service is enabled.") if enabled
                         else _("The sign-in service is disabled."))
    return redirect("network:identity-providers", provider.house_id)
