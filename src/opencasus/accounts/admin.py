from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opencasus.access.admin import SafeInitialMixin, admin_house_ids
from opencasus.accounts.audit import record_account_event
from opencasus.accounts.models import AccountEvent, AccountEventKind, User
from opencasus.accounts.passwords import password_reset_by_admin
from opencasus.accounts.typing import signed_in_user

if TYPE_CHECKING:
    _UserAdminBase = BaseUserAdmin[User]  # the admin classes are generic in the stubs only
else:
    _UserAdminBase = BaseUserAdmin

@admin.register(User)
class UserAdmin(SafeInitialMixin, _UserAdminBase):
    """Functional administrators manage the accounts of their own houses' members."""

    list_display = ["username", "first_name", "last_name", "email", "is_active", "is_system_client"]
    fieldsets = (*BaseUserAdmin.fieldsets, ("Open Casus", {"fields": ("is_system_client", "phone")}))  # type: ignore[misc]
    actions = ["reset_password_and_second_factor"]

    @admin.action(description=gettext_lazy("Reset password and second factor (sends a link)"))
    def reset_password_and_second_factor(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        """The administrator's only way to reset a password: `accounts.passwords.password_reset_by_admin`."""
        for user in queryset:
            try:
                password_reset_by_admin(actor=signed_in_user(request), user=user)
            except PermissionDenied:
                self.message_user(request, _("%(user)s: you may not reset this account.") % {"user": user},
                                  messages.ERROR)
            except ValidationError as error:
                self.message_user(request, f"{user}: {' '.join(error.messages)}", messages.ERROR)
            else:
                self.message_user(request, _(
                    "%(user)s: password and second factor reset; a link to choose a new password was sent.")
                    % {"user": user}, messages.SUCCESS)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """Saved in the admin's transaction, with its line in the audit trail of accounts."""
        super().save_model(request, obj, form, change)
        changed = ", ".join(f for f in form.changed_data if f != "password")
        record_account_event(actor=signed_in_user(request), subject=obj,
                             kind=AccountEventKind.USER_CHANGED if change else AccountEventKind.USER_CREATED,
                             detail=changed if change else "")

    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> HttpResponse:
        """Setting someone's password directly would let the administrator know it and skip the second
        factor's reset: only a superuser may; functional administrators use the reset action."""
        if not request.user.is_superuser:
            raise PermissionDenied
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and response.status_code == 302:
                subject = self.get_object(request, unquote(id))
                record_account_event(actor=signed_in_user(request), subject=subject, kind=AccountEventKind.USER_CHANGED,
                                     detail="password")
        return response

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        ids = admin_house_ids(request)
        if ids is None:
            return qs
        # Members of their houses, and the accounts they created themselves (which have no role yet).
        created = AccountEvent.objects.filter(actor_id=request.user.pk, kind=AccountEventKind.USER_CREATED).values(
            "subject_id")
        return qs.filter(Q(memberships__house__in=ids) | Q(pk__in=created), is_superuser=False).distinct()

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        fixed = ("is_superuser", "is_staff", "groups", "user_permissions", "last_login", "date_joined")
        # An administrator who could change someone's e-mail address could send that person's password-reset
        # link (accounts.passwords.password_reset_by_admin) to themselves and take the account over.
        return (*fixed, "email") if obj is not None else fixed

    def _is_admin(self, request: HttpRequest) -> bool:
        ids = admin_house_ids(request)
        return ids is None or bool(ids)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._is_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._is_admin(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._is_admin(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._is_admin(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser
