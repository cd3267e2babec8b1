"""Django admin scoped to the functional administrator's own houses.

Superusers (the installation's technical administrators) see everything; a functional
administrator sees and edits only records of the houses where they hold that role. No admin
page shows case content.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from opencasus.access import roles
from opencasus.network.models import Role


def admin_house_ids(request: HttpRequest) -> set[int] | None:
    """None means: all houses (superuser)."""
    if request.user.is_superuser:
        return None
    return roles.house_ids_with_role(request.user, Role.FUNCTIONAL_ADMINISTRATOR)


class SafeInitialMixin:
    """Initial values from the query string (`add/?user=…`) that do not fit their field are dropped.

    Django's admin passes them to the form unchecked; an autocomplete widget then looks the value up
    and a non-numeric id raised a ValueError (500)."""

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        initial: dict[str, Any] = super().get_changeform_initial_data(request)  # type: ignore[misc]
        model = self.model  # type: ignore[attr-defined]
        for name, value in list(initial.items()):
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:  # not a model field: the form decides
                continue
            target = field.target_field if field.is_relation and field.many_to_one else None
            values = value if isinstance(value, list) else [value]
            try:
                for item in values:
                    (target or field).to_python(item)
            except (ValidationError, ValueError, TypeError):
                del initial[name]
        return initial


class HouseScopedAdmin(SafeInitialMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    house_field = "house"

    def _is_admin(self, request: HttpRequest) -> bool:
        ids = admin_house_ids(request)
        return ids is None or bool(ids)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        ids = admin_house_ids(request)
        if ids is None:
            return qs
        return qs.filter(**{f"{self.house_field}__in": ids}).distinct()

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        ids = admin_house_ids(request)
        if ids is not None and db_field.name == "house":
            from opencasus.network.models import House

            kwargs["queryset"] = House.objects.filter(pk__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._is_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._is_admin(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._is_admin(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._is_admin(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._is_admin(request)
