"""Role grants in the API: list the grants the caller may see, approve or refuse pending ones."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.core.api.problems import Conflict, problem_response
from opencasus.core.api.serializers import ModelSerializer, Serializer
from opencasus.network import grants
from opencasus.network.filters import RoleGrantFilter
from opencasus.network.models import Approval, Membership, Role


class RoleGrantSerializer(ModelSerializer):  # type: ignore[type-arg]
    user = serializers.CharField(source="user.username", read_only=True)
    house_id = serializers.IntegerField(read_only=True)
    organisation = serializers.CharField(source="organisation.name", read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)
    approval = serializers.ChoiceField(choices=Approval.choices, read_only=True)
    requested_by = serializers.CharField(source="requested_by.username", read_only=True, allow_null=True)
    decided_by = serializers.CharField(source="decided_by.username", read_only=True, allow_null=True)

    class Meta:
        model = Membership
        fields = ["id", "user", "house_id", "organisation", "role", "approval", "started_on", "ended_on",
                  "requested_by", "requested_at", "decided_by", "decided_at", "decision_reason"]
        read_only_fields = fields


class RoleGrantDecisionSerializer(Serializer):  # type: ignore[type-arg]
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class RoleGrantRequestSerializer(Serializer):  # type: ignore[type-arg]
    user_id = serializers.IntegerField(min_value=1)
    house_id = serializers.IntegerField(min_value=1)
    organisation_id = serializers.IntegerField(min_value=1)
    role = serializers.ChoiceField(choices=Role.choices)
    municipality_id = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    start_date = serializers.DateField(required=False)


@extend_schema_view(
    list=extend_schema(summary="Role grants of the houses where you approve grants, and those you requested",
                       tags=["accounts"]),
    retrieve=extend_schema(summary="One role grant", tags=["accounts"]),
    create=extend_schema(
        summary="Grant a role to someone else (functional administrator); a role that sees case content or "
                "approves grants stays pending until a second person approves it", tags=["accounts"],
        request=RoleGrantRequestSerializer, responses={201: RoleGrantSerializer}),
)
class RoleGrantViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                       viewsets.GenericViewSet):  # type: ignore[type-arg]
    request: AuthenticatedRequest
    serializer_class = RoleGrantSerializer
    queryset = Membership.objects.none()  # the real one: get_queryset
    filter_backends = [FilterBackend]
    filterset_class = RoleGrantFilter

    def get_queryset(self) -> QuerySet[Membership]:
        approval = filter_values(RoleGrantFilter, self.request.query_params)["approval"] or None
        grant_list: QuerySet[Membership] = grants.grant_list(self.request.user, approval=approval)
        return grant_list

    def create(self, request: Request) -> Response:
        from opencasus.accounts.selectors import user_find
        from opencasus.network import selectors

        body = RoleGrantRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        house = selectors.house_find(data["house_id"])
        if house is None or not grants.may_request(self.request.user, house):
            raise exceptions.NotFound  # a house you do not administer is hidden, as a missing one
        user = user_find(data["user_id"])
        organisation = selectors.organisation_find(data["organisation_id"])
        municipality = None
        if data.get("municipality_id"):
            municipality = selectors.municipality_find(pk=data["municipality_id"])
            if municipality is None:
                raise exceptions.ValidationError({"municipality_id": ["Deze gemeente bestaat niet."]})
        if user is None:
            raise exceptions.ValidationError({"user_id": ["Deze professional bestaat niet."]})
        if organisation is None:
            raise exceptions.ValidationError({"organisation_id": ["Deze organisatie bestaat niet."]})
        try:
            membership = grants.membership_request(
                actor=self.request.user, user=user, house=house, organisation=organisation, role=data["role"],
                municipality=municipality, started_on=data.get("start_date"))
        except grants.GrantError as exc:
            field = {"user": "user_id", "house": "house_id"}.get(exc.field, exc.field or "non_field_errors")
            raise exceptions.ValidationError({field: [str(exc.message)]}) from exc
        return Response(RoleGrantSerializer(membership).data, status=status.HTTP_201_CREATED)

    def _decide(self, request: AuthenticatedRequest, decide: Any) -> Response:
        membership = self.get_object()
        body = RoleGrantDecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            saved = decide(actor=request.user, membership=membership, reason=body.validated_data["reason"])
        except grants.GrantError as exc:
            if exc.field:
                raise exceptions.ValidationError({exc.field: [str(exc.message)]}) from exc
            if membership.approval != Approval.PENDING:
                raise Conflict(detail=str(exc.message)) from exc
            return problem_response(403, str(exc.message), code="four-eyes")
        return Response(RoleGrantSerializer(saved).data)

    @extend_schema(summary="Approve a pending role grant (a second person: never the requester)",
                   tags=["accounts"], request=RoleGrantDecisionSerializer,
                   responses={200: RoleGrantSerializer,
                              403: OpenApiResponse(description="Not yours to decide")})
    @action(detail=True, methods=["post"], url_path="approval")
    def approval(self, request: AuthenticatedRequest, pk: Any = None) -> Response:
        return self._decide(request, grants.membership_approve)

    @extend_schema(summary="Refuse a pending role grant, with a reason", tags=["accounts"],
                   request=RoleGrantDecisionSerializer,
                   responses={200: RoleGrantSerializer,
                              403: OpenApiResponse(description="Not yours to decide")})
    @action(detail=True, methods=["post"], url_path="refusal")
    def refusal(self, request: AuthenticatedRequest, pk: Any = None) -> Response:
        return self._decide(request, grants.membership_refuse)
