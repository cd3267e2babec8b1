from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from opencasus.access.admin import HouseScopedAdmin, SafeInitialMixin, admin_house_ids
from opencasus.accounts.typing import signed_in_user
from opencasus.core.forms import ModelForm
from opencasus.logbook.register import ensure_default_activities
from opencasus.network import grants, models


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


class MembershipAdminForm(ModelForm):
    """A new membership is a request through `grants.membership_request` (four eyes); the checks of the
    service are shown as form errors."""

    request: HttpRequest

    class Meta:
        model = models.Membership
        fields = ["user", "house", "organisation", "role", "municipality", "started_on", "ended_on"]

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        actor = signed_in_user(self.request)
        if self.instance.pk is None:
            user, house = data.get("user"), data.get("house")
            if user is not None and user.pk == actor.pk:
                self.add_error("user", _("Nobody can grant themselves a role."))
            if house is not None and not grants.may_request(actor, house):
                self.add_error("house", _("You cannot grant roles in this house."))
        elif self.instance.user_id == actor.pk:
            raise forms.ValidationError(_("Nobody can change their own role."))
        return data


@admin.register(models.Membership)
class MembershipAdmin(HouseScopedAdmin):
    form = MembershipAdminForm
    list_display = ["user", "role", "organisation", "house", "approval", "started_on", "ended_on"]
    list_filter = ["role", "approval"]
    search_fields = ["user__username", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation", "municipality"]
    readonly_fields = ["approval", "requested_by", "requested_at", "decided_by", "decided_at", "decision_reason"]

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        form.request = request  # type: ignore[attr-defined]
        return form

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = list(super().get_fields(request, obj))
        # A new grant has no decision yet: its state is set by the service (pending or, for an aggregate
        # role, approved), never by the form.
        return fields if obj is not None else [f for f in fields if f not in self.readonly_fields]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ()
        # Another person, house, organisation or role is a new grant, with its own approval.
        return ["user", "house", "organisation", "role", "started_on", *self.readonly_fields]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:
            saved = grants.membership_change(actor=signed_in_user(request), membership=obj,
                                             ended_on=form.cleaned_data.get("ended_on"),
                                             municipality=form.cleaned_data.get("municipality"))
        else:
            saved = grants.membership_request(
                actor=signed_in_user(request), user=obj.user, house=obj.house, organisation=obj.organisation,
                role=obj.role, municipality=obj.municipality, started_on=obj.started_on)
            if obj.ended_on:
                saved = grants.membership_change(actor=signed_in_user(request), membership=saved, ended_on=obj.ended_on,
                                                 municipality=saved.municipality)
        obj.pk = saved.pk
        obj.approval = saved.approval

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # a role is ended (end date), so that the audit trail keeps it


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
