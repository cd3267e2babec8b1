"""The audit trail of accounts in the API, for privacy officers (404 for anyone else)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, serializers

from opencasus.access.privacy import privacy_houses
from opencasus.accounts import audit
from opencasus.accounts.models import AccountEvent, AccountEventKind
from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.serializers import ModelSerializer
from opencasus.network import grants
from opencasus.network.models import Role
from opencasus.privacy.api.views import HOUSE_PARAM, PrivacyViewSet


class AccountEventSerializer(ModelSerializer):  # type: ignore[type-arg]
    kind = serializers.ChoiceField(choices=AccountEventKind.choices, read_only=True)
    role = serializers.CharField(read_only=True, help_text="The role concerned (empty when none)")

    class Meta:
        model = AccountEvent
        fields = ["id", "at", "kind", "actor_name", "subject_name", "house_id", "house_name", "role",
                  "approved_by_name", "detail"]
        read_only_fields = fields


@extend_schema_view(list=extend_schema(summary="Search the audit trail of accounts", tags=["privacy"], parameters=[
    HOUSE_PARAM,
    OpenApiParameter("person", OpenApiTypes.STR, description="Part of the name or username of the actor, the "
                     "person concerned or the approver"),
    OpenApiParameter("role", OpenApiTypes.STR, enum=Role.values, description="The role concerned"),
    OpenApiParameter("kind", OpenApiTypes.STR, enum=AccountEventKind.values, description="The kind of event"),
    OpenApiParameter("fromDate", OpenApiTypes.DATE, description="From this day (inclusive)"),
    OpenApiParameter("toDate", OpenApiTypes.DATE, description="Until this day (inclusive)"),
]))
class AccountEventViewSet(mixins.ListModelMixin, PrivacyViewSet):
    request: AuthenticatedRequest
    serializer_class = AccountEventSerializer
    queryset = AccountEvent.objects.none()

    def _date(self, name: str) -> dt.date | None:
        value = self.request.query_params.get(name)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise exceptions.ValidationError({name: "Geef een datum als JJJJ-MM-DD."}) from None

    def _choice(self, name: str, allowed: list[str]) -> str:
        value = self.request.query_params.get(name) or ""
        if value and value not in allowed:
            raise exceptions.ValidationError({name: "Kies een waarde uit de lijst."})
        return value

    def get_queryset(self) -> QuerySet[AccountEvent]:
        house = self.query_house()
        houses = [house] if house is not None else list(privacy_houses(actor=self.request.user))
        base = AccountEvent.objects.none()
        for h in houses:
            base = base | grants.house_account_events(house_id=h.pk)
        person = self.request.query_params.get("person", "")
        if len(person) > 150:
            raise exceptions.ValidationError({"person": "Geef hoogstens 150 tekens."})
        return audit.account_events(base=base, person=person, role=self._choice("role", list(Role.values)),
                                    kind=self._choice("kind", list(AccountEventKind.values)),
                                    since=self._date("fromDate"), until=self._date("toDate"))
