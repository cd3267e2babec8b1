from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import FilterBackend, filter_values
from opencasus.network import selectors
from opencasus.network.api.serializers import (
    HouseSerializer,
    MunicipalitySerializer,
    OrganisationSerializer,
    RegionSerializer,
)
from opencasus.network.filters import MunicipalityFilter
from opencasus.network.models import House, Municipality, Organisation, Region


@extend_schema_view(list=extend_schema(summary="List the 25 regions", tags=["network"]),
                    retrieve=extend_schema(summary="One region", tags=["network"]))
class RegionViewSet(viewsets.ReadOnlyModelViewSet[Region]):
    serializer_class = RegionSerializer
    lookup_field = "code"

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.region_list()


@extend_schema_view(
    list=extend_schema(summary="List municipalities with their region", tags=["network"]),
    retrieve=extend_schema(summary="One municipality", tags=["network"]),
)
class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet[Municipality]):
    serializer_class = MunicipalitySerializer
    lookup_field = "code"
    filter_backends = [FilterBackend]
    filterset_class = MunicipalityFilter

    def get_queryset(self) -> QuerySet[Any]:
        region = filter_values(MunicipalityFilter, self.request.query_params)["regionCode"] or None
        return selectors.municipality_list(region_code=region)


@extend_schema_view(list=extend_schema(summary="Houses the caller is a member of", tags=["network"]),
                    retrieve=extend_schema(summary="One house", tags=["network"]))
class HouseViewSet(viewsets.ReadOnlyModelViewSet[House]):
    request: AuthenticatedRequest
    serializer_class = HouseSerializer

    def get_queryset(self) -> QuerySet[House]:
        return selectors.house_list_for(actor=self.request.user)


@extend_schema_view(list=extend_schema(summary="Partner organisations", tags=["network"]),
                    retrieve=extend_schema(summary="One organisation", tags=["network"]))
class OrganisationViewSet(viewsets.ReadOnlyModelViewSet[Organisation]):
    serializer_class = OrganisationSerializer

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.organisation_list()
