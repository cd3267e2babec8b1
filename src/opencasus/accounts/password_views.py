"""Pages of the self-service password reset: ask for a link, choose a new password. Neither signs in."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from opencasus.accounts import passwords
from opencasus.accounts.forms import NewPasswordForm, ResetRequestForm
from opencasus.core.middleware import client_address


class PasswordResetRequestView(auth_views.PasswordResetView):
    """The same answer whether or not an account belongs to the address; throttled."""

    template_name = "accounts/password_reset_form.html"
    form_class = ResetRequestForm
    success_url = reverse_lazy("accounts:password-reset-done")

    def form_valid(self, form: Any) -> HttpResponse:
        email = form.cleaned_data["email"]
        if not passwords.reset_request_allowed(client_address=client_address(self.request), email=email):
            return render(self.request, "accounts/password_reset_throttled.html", status=429)
        for user in form.get_users(email):
            passwords.send_reset_mail(user=user)
        return redirect(self.success_url)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Sets the new password and sends the user to log in: password, then the second factor."""

    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    post_reset_login = False
    success_url = reverse_lazy("accounts:password-reset-complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
