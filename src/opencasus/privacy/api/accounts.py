"""The audit trail of accounts in the API, for privacy officers (404 for anyone else)."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers

from opencasus.access import privacy as privacy_access
from opencasus.accounts import audit
from opencasus.accounts.models import AccountEvent, AccountEventKind
from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import filter_values
from opencasus.core.api.serializers import ModelSerializer
from opencasus.network import grants
from opencasus.privacy.api.views import HOUSE_PARAM, PrivacyViewSet
from opencasus.privacy.filters import AccountEventFilter


class AccountEventSerializer(ModelSerializer):  # type: ignore[type-arg]
    kind = serializers.ChoiceField(choices=AccountEventKind.choices, read_only=True)
    role = serializers.CharField(read_only=True, help_text="The role concerned (empty when none)")

    class Meta:
        model = AccountEvent
        fields = ["id", "at", "kind", "actor_name", "subject_name", "house_id", "house_name", "role",
                  "approved_by_name", "detail"]
        read_only_fields = fields


@extend_schema_view(list=extend_schema(summary="Search the audit trail of accounts", tags=["privacy"],
                                       parameters=[HOUSE_PARAM]))
class AccountEventViewSet(mixins.ListModelMixin, PrivacyViewSet):
    request: AuthenticatedRequest
    serializer_class = AccountEventSerializer
    queryset = AccountEvent.objects.none()
    filterset_class = AccountEventFilter

    def get_queryset(self) -> QuerySet[AccountEvent]:
        house = self.query_house()
        houses = [house] if house is not None else list(privacy_access.privacy_houses(actor=self.request.user))
        base = AccountEvent.objects.none()
        for h in houses:
            base = base | grants.house_account_events(house_id=h.pk)
        values = filter_values(AccountEventFilter, self.request.query_params)
        return audit.account_events(base=base, person=values["person"] or "", role=values["role"] or "",
                                    kind=values["kind"] or "", since=values["fromDate"], until=values["toDate"])
