from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.accounts import services
from opencasus.accounts.forms import LoginForm, SettingsForm, TokenForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


@login_required
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    """Enrol a TOTP authenticator by QR code. Once confirmed, the session counts as verified."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists() and not user.is_verified():  # type: ignore[union-attr]
        return redirect("accounts:verify")
    device = services.totp_device_pending(user=user)  # type: ignore[arg-type]
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.totp_confirm(user=user, device=device, token=form.cleaned_data["token"]):  # type: ignore[arg-type]
            otp_login(request, device)
            messages.success(request, _("Your authenticator app is set up."))
            return redirect("core:start")
        form.add_error("token", _("That code is not correct. Check the time on your phone and try again."))
    return render(request, "accounts/enrol.html", {
        "form": form,
        "qr": services.totp_qr_data_uri(device=device),
        "secret": services.totp_secret_base32(device=device),
    })


@login_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect("accounts:enrol")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _info = device.verify_is_allowed()
        if not allowed:
            form.add_error("token", _("Too many wrong codes. Wait a moment and try again."))
        elif device.verify_token(form.cleaned_data["token"]):
            otp_login(request, device)
            return redirect(request.GET.get("next") or "core:start")
        else:
            form.add_error("token", _("That code is not correct. Check the time on your phone and try again."))
    return render(request, "accounts/verify.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def api_token(request: HttpRequest) -> HttpResponse:
    """Issue an API token; only reachable after the second factor (middleware)."""
    token = None
    if request.method == "POST":
        token = services.api_token_renew(user=request.user)  # type: ignore[arg-type]
    return render(request, "accounts/api_token.html", {"token": token})


@login_required
@require_http_methods(["GET", "POST"])
def settings_view(request: HttpRequest) -> HttpResponse:
    """The professional's own settings: the interface language."""
    user = request.user
    form = SettingsForm(request.POST or None, initial={"language": getattr(user, "language", "nl")})
    if request.method == "POST" and form.is_valid():
        services.user_language_set(user=user, language=form.cleaned_data["language"])  # type: ignore[arg-type]
        translation.activate(form.cleaned_data["language"])
        messages.success(request, _("Your settings have been saved."))
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})
