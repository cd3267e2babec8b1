from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from opencasus.accounts import services
from opencasus.accounts.forms import LoginForm, TokenForm


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
            request.session.cycle_key()
            messages.success(request, _("Your authenticator app is set up."))
            return redirect("core:start")
        form.add_error("token", _("That code is not correct. Check the time on your phone and try again."))
    return render(request, "accounts/enrol.html", {
        "form": form,
        "qr": services.totp_qr_data_uri(device=device),
        "secret": services.totp_secret_base32(device=device),
    })


def safe_next(request: HttpRequest) -> str:
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
            # A new session key once the second factor is passed (session fixation).
            request.session.cycle_key()
            return redirect(safe_next(request))
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
