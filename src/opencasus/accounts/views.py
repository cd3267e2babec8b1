from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from opencasus.accounts import selectors as account_selectors
from opencasus.accounts import services, tokens
from opencasus.accounts.forms import LoginForm, SettingsForm, TokenForm
from opencasus.accounts.models import User
from opencasus.accounts.typing import AuthenticatedHttpRequest
from opencasus.core.forms import Form
from opencasus.network import grants
from opencasus.network.identity import selectors as identity_selectors


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["providers"] = identity_selectors.sign_in_providers()
        return context


class LogoutView(auth_views.LogoutView):
    pass


@login_required
@require_http_methods(["GET", "POST"])
def enrol(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Enrol a TOTP authenticator by QR code. Once confirmed, the session counts as verified."""
    user = request.user
    # django_otp's OTPMiddleware sets `is_verified` on the user object; the model does not declare it.
    if account_selectors.has_confirmed_totp_device(user) and not user.is_verified():  # type: ignore[attr-defined]
        return redirect("accounts:verify")
    device = services.totp_device_pending(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.totp_confirm(user=user, device=device, token=form.cleaned_data["token"]):
            otp_login(request, device)
            request.session.cycle_key()
            messages.success(request, _("Your authenticator app is set up."))
            return redirect("core:start")
        form.add_error("token", _("That code is not correct. Check the time on your phone and try again."))
    return render(request, "accounts/enrol.html", {
        "form": form,
        "qr": services.totp_qr_data_uri(device=device),
        "secret": services.totp_secret_base32(device=device),
    })


def safe_next(request: AuthenticatedHttpRequest) -> str:
    """The `next` address when it is a path on this site, else the start page."""
    target = request.GET.get("next") or ""
    plain = all(char.isprintable() and not char.isspace() for char in target)
    if (
        plain
        and target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    ):
        return target
    return reverse("core:start")


@login_required
@require_http_methods(["GET", "POST"])
def verify(request: AuthenticatedHttpRequest) -> HttpResponse:
    device = account_selectors.confirmed_totp_device(request.user)
    if device is None:
        return redirect("accounts:enrol")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _info = device.verify_is_allowed()
        if not allowed:
            form.add_error("token", _("Too many wrong codes. Wait a moment and try again."))
        elif device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            # A new session key once the second factor is passed (session fixation).
            request.session.cycle_key()
            return redirect(safe_next(request))
        else:
            form.add_error("token", _("That code is not correct. Check the time on your phone and try again."))
    return render(request, "accounts/verify.html", {"form": form})


class SystemTokenForm(Form):
    client = forms.ModelChoiceField(label=gettext_lazy("System client"), queryset=User.objects.none())
    expires_on = forms.DateField(label=gettext_lazy("Valid until"),
                                 widget=forms.DateInput(attrs={"type": "date", "class": "utrecht-textbox"}))

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        users = grants.administered_user_ids(actor)
        self.fields["client"].queryset = account_selectors.system_clients(user_ids=users)  # type: ignore[attr-defined]


@login_required
@require_http_methods(["GET", "POST"])
def api_token(request: AuthenticatedHttpRequest) -> HttpResponse:
    """API tokens: issue your own (only reachable after the second factor, see the middleware), list and
    revoke yours and those of the accounts you administer; a functional administrator issues a system
    client's token with an end date. A token is shown once; only its hash is stored."""
    actor = request.user
    issued = None
    administered = grants.administered_user_ids(actor)
    administers = administered is None or administered.exists()
    system_form = SystemTokenForm(actor=actor) if administers else None
    if request.method == "POST":
        action = request.POST.get("action", "new")
        if action == "revoke":
            key = request.POST.get("token_key", "")
            token = tokens.token_visible_get(actor=actor, administered=administered, token_key=key)
            if token is None:
                raise Http404
            tokens.token_revoke(actor=actor, token=token)
            messages.success(request, _("The token is revoked."))
            return redirect("accounts:api-token")
        if action == "system" and administers:
            system_form = SystemTokenForm(request.POST, actor=actor)
            if system_form.is_valid():
                try:
                    issued = tokens.system_token_issue(actor=actor, client=system_form.cleaned_data["client"],
                                                       administered=administered,
                                                       expires_on=system_form.cleaned_data["expires_on"])
                except tokens.TokenError as exc:
                    system_form.add_error("expires_on" if exc.field == "expires_on" else "client", str(exc.message))
        elif action == "new":
            issued = tokens.token_issue(actor=actor, user=actor)
    return render(request, "accounts/api_token.html", {
        "issued": issued[1] if issued else None,
        "tokens": tokens.tokens_visible(actor=actor, administered=administered),
        "system_form": system_form, "idle_hours": int(settings.REST_KNOX["TOKEN_TTL"].total_seconds() // 3600),  # type: ignore[attr-defined]
    }, status=400 if system_form is not None and system_form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def settings_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The professional's own settings: the interface language."""
    user = request.user
    form = SettingsForm(request.POST or None, initial={"language": getattr(user, "language", "nl")})
    if request.method == "POST" and form.is_valid():
        services.user_language_set(user=user, language=form.cleaned_data["language"])
        translation.activate(form.cleaned_data["language"])
        messages.success(request, _("Your settings have been saved."))
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})
