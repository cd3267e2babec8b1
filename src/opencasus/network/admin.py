from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from opencasus.access.admin import HouseScopedAdmin, SafeInitialMixin, admin_house_ids
from opencasus.logbook.register import ensure_default_activities
from opencasus.network import models


@admin.register(models.House)
class HouseAdmin(HouseScopedAdmin):
    house_field = "pk"
    list_display = ["name", "city", "region"]
    search_fields = ["name", "city"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        ensure_default_activities(house_id=obj.pk)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser


@admin.register(models.Partnership)
class PartnershipAdmin(HouseScopedAdmin):
    list_display = ["organisation", "house", "ring", "covenant_signed_on", "covenant_ended_on"]
    list_filter = ["ring"]
    search_fields = ["organisation__name"]
    autocomplete_fields = ["organisation"]


@admin.register(models.Membership)
class MembershipAdmin(HouseScopedAdmin):
    list_display = ["user", "role", "organisation", "house", "started_on", "ended_on"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation", "municipality"]


@admin.register(models.MeetingType)
class MeetingTypeAdmin(HouseScopedAdmin):
    list_display = ["name", "house", "usual_chair", "cadence", "active"]


@admin.register(models.TargetGroup)
class TargetGroupAdmin(HouseScopedAdmin):
    list_display = ["name", "house", "active"]


@admin.register(models.LocalCriterion)
class LocalCriterionAdmin(HouseScopedAdmin):
    list_display = ["text", "house", "active"]


@admin.register(models.Organisation)
class OrganisationAdmin(HouseScopedAdmin):
    """Organisations are shared between houses; a functional administrator edits those of their network."""

    house_field = "partnerships__house"
    list_display = ["name", "type", "municipality"]
    list_filter = ["type"]
    search_fields = ["name"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser


@admin.register(models.Region)
class RegionAdmin(SafeInitialMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["number", "code", "name", "seat_municipality"]
    autocomplete_fields = ["seat_municipality"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return admin_house_ids(request) is None or bool(admin_house_ids(request))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        ids = admin_house_ids(request)
        if ids is None:
            return True
        return obj is not None and obj.houses.filter(pk__in=ids).exists()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(models.Municipality)
class MunicipalityAdmin(SafeInitialMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["code", "name", "region", "active"]
    list_filter = ["region", "active"]
    search_fields = ["name", "code"]

    def has_module_permission(self, request: HttpRequest) -> bool:
        return admin_house_ids(request) is None or bool(admin_house_ids(request))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
