"""API of the funding register (`/api/v1/funding-years`, `…/co-financings`, `…/in-kind-contributions`) and of
the annual funding reports. Domain errors go through `core.api.problems`."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.paths import SnakeCaseKwargsAPIView
from opencasus.core.api.versions import IF_MATCH, required_version, with_etag
from opencasus.funding import report, selectors, services
from opencasus.funding.api.serializers import (
    CoFinancingChangeSerializer,
    CoFinancingSerializer,
    FundingReportSerializer,
    FundingYearListSerializer,
    FundingYearSerializer,
    InhabitantsSerializer,
    InKindChangeSerializer,
    InKindSerializer,
    RegionSplitSerializer,
)

TAGS = ["funding"]
YEAR = OpenApiParameter("year", OpenApiTypes.INT, OpenApiParameter.PATH, description="The year (2000 to 2100).")
REGION = OpenApiParameter("regionCode", OpenApiTypes.STR, OpenApiParameter.PATH, description="The region (VR01…).")
MUNICIPALITY = OpenApiParameter("municipalityCode", OpenApiTypes.STR, OpenApiParameter.PATH,
                                description="The municipality's CBS code (GM…).")
HOUSE = OpenApiParameter("houseId", OpenApiTypes.INT, OpenApiParameter.PATH, description="The house.")
COFINANCING = OpenApiParameter("coFinancingId", OpenApiTypes.INT, OpenApiParameter.PATH,
                               description="The co-financing.")
IN_KIND = OpenApiParameter("inKindContributionId", OpenApiTypes.INT, OpenApiParameter.PATH,
                           description="The contribution in kind.")


def _year_data(view: selectors.YearView) -> dict[str, Any]:
    row = view.row
    return {"year": view.year, "amount_cents": row.amount_cents if row else None,
            "amount_source": row.amount_source if row else "", "key_source": row.key_source if row else "",
            "key_year": row.key_year if row else None, "example_key": row.example_key if row else False,
            "regions": view.lines, "version": view.version, "may_edit": view.may_edit}


class FundingYearListView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The years with a national contribution", tags=TAGS,
                   responses=FundingYearListSerializer(many=True))
    def get(self, request: AuthenticatedRequest) -> Response:
        return Response(FundingYearListSerializer(selectors.funding_year_list(actor=request.user), many=True).data)


class FundingYearView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="A year's national contribution, its key and each seat municipality's share", tags=TAGS,
                   parameters=[YEAR], responses=FundingYearSerializer)
    def get(self, request: AuthenticatedRequest, year: int) -> Response:
        view = selectors.funding_year_get(actor=request.user, year=year)
        return with_etag(Response(FundingYearSerializer(_year_data(view)).data), view.version)

    @extend_schema(summary="Set a year's national contribution and key (functional administrator)", tags=TAGS,
                   parameters=[YEAR, IF_MATCH], request=FundingYearSerializer, responses=FundingYearSerializer)
    def put(self, request: AuthenticatedRequest, year: int) -> Response:
        selectors.funding_year_get(actor=request.user, year=year)
        incoming = FundingYearSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        services.funding_year_save(
            actor=request.user, year=year, amount_cents=data["amount_cents"], amount_source=data["amount_source"],
            key_source=data["key_source"], key_year=data["key_year"], example_key=data["example_key"],
            shares={s["region_code"]: s["share"] for s in data["shares"]},
            expected_version=required_version(request, data))
        view = selectors.funding_year_get(actor=request.user, year=year)
        return with_etag(Response(FundingYearSerializer(_year_data(view)).data), view.version)


class RegionSplitView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="A region's split of its share over its houses", tags=TAGS, parameters=[YEAR, REGION],
                   responses=RegionSplitSerializer)
    def get(self, request: AuthenticatedRequest, year: int, region_code: str) -> Response:
        view = selectors.region_split_get(actor=request.user, year=year, code=region_code)
        return with_etag(Response(RegionSplitSerializer(_split_data(view)).data), view.version)

    @extend_schema(summary="Record the steering group's split over the houses (functional administrator of the "
                           "region)", tags=TAGS, parameters=[YEAR, REGION, IF_MATCH], request=RegionSplitSerializer,
                   responses=RegionSplitSerializer)
    def put(self, request: AuthenticatedRequest, year: int, region_code: str) -> Response:
        selectors.region_split_get(actor=request.user, year=year, code=region_code)
        incoming = RegionSplitSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        services.region_split_save(actor=request.user, year=year, region_code=region_code,
                                   decided_on=data["decided_on"], reference=data["reference"], text=data["text"],
                                   shares={s["house_id"]: s["share"] for s in data["shares"]},
                                   expected_version=required_version(request, data))
        view = selectors.region_split_get(actor=request.user, year=year, code=region_code)
        return with_etag(Response(RegionSplitSerializer(_split_data(view)).data), view.version)


def _split_data(view: selectors.SplitView) -> dict[str, Any]:
    split = view.split
    return {"year": view.year, "region": view.region, "region_cents": view.region_cents,
            "decided_on": split.decided_on if split else None, "reference": split.reference if split else "",
            "text": split.text if split else "", "lines": view.lines, "version": view.version,
            "may_edit": view.may_edit}


class InhabitantsListView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="The municipalities' inhabitants of a year", tags=TAGS, parameters=[YEAR],
                   responses=InhabitantsSerializer(many=True))
    def get(self, request: AuthenticatedRequest, year: int) -> Response:
        rows = selectors.inhabitants_list(actor=request.user, year=year)
        return Response(InhabitantsSerializer(rows, many=True).data)


class InhabitantsView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Set a municipality's inhabitants of a year, with the source (functional "
                           "administrator)", tags=TAGS, parameters=[YEAR, MUNICIPALITY, IF_MATCH],
                   request=InhabitantsSerializer, responses=InhabitantsSerializer)
    def put(self, request: AuthenticatedRequest, year: int, municipality_code: str) -> Response:
        selectors.inhabitants_list(actor=request.user, year=year)
        selectors.municipality_get(code=municipality_code)
        incoming = InhabitantsSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        row = services.inhabitants_save(actor=request.user, municipality_code=municipality_code, year=year,
                                        count=data["count"], source=data["source"],
                                        expected_version=required_version(request, data))
        return with_etag(Response(InhabitantsSerializer(row).data), row.version)


class CoFinancingListView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Co-financing of the houses the caller may see", tags=TAGS,
                   responses=CoFinancingSerializer(many=True))
    def get(self, request: AuthenticatedRequest) -> Response:
        return Response(CoFinancingSerializer(selectors.cofinancing_list(actor=request.user), many=True).data)

    @extend_schema(summary="Record a municipality's co-financing of a house (functional administrator)", tags=TAGS,
                   request=CoFinancingSerializer, responses={201: CoFinancingSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        incoming = CoFinancingSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        row = services.cofinancing_create(actor=request.user, house_id=data["house_id"],
                                          municipality_code=data["municipality"]["code"], year=data["year"],
                                          method=data["method"], cents=data["cents"], agreement=data["agreement"])
        return with_etag(Response(CoFinancingSerializer(row).data, status=status.HTTP_201_CREATED), row.version)


class CoFinancingView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One co-financing", tags=TAGS, parameters=[COFINANCING], responses=CoFinancingSerializer)
    def get(self, request: AuthenticatedRequest, co_financing_id: int) -> Response:
        row = selectors.cofinancing_get(actor=request.user, cofinancing_id=co_financing_id)
        return with_etag(Response(CoFinancingSerializer(row).data), row.version)

    @extend_schema(summary="Change a co-financing (functional administrator)", tags=TAGS,
                   parameters=[COFINANCING, IF_MATCH], request=CoFinancingChangeSerializer,
                   responses=CoFinancingSerializer)
    def put(self, request: AuthenticatedRequest, co_financing_id: int) -> Response:
        selectors.cofinancing_get(actor=request.user, cofinancing_id=co_financing_id)
        incoming = CoFinancingChangeSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        row = services.cofinancing_update(actor=request.user, cofinancing_id=co_financing_id, method=data["method"],
                                          cents=data["cents"], agreement=data["agreement"],
                                          expected_version=required_version(request, data))
        return with_etag(Response(CoFinancingSerializer(row).data), row.version)

    @extend_schema(summary="Remove a co-financing (functional administrator)", tags=TAGS,
                   parameters=[COFINANCING, IF_MATCH], responses={204: None})
    def delete(self, request: AuthenticatedRequest, co_financing_id: int) -> Response:
        selectors.cofinancing_get(actor=request.user, cofinancing_id=co_financing_id)
        services.cofinancing_delete(actor=request.user, cofinancing_id=co_financing_id,
                                    expected_version=required_version(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class InKindListView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="Contributions in kind to the houses the caller may see", tags=TAGS,
                   responses=InKindSerializer(many=True))
    def get(self, request: AuthenticatedRequest) -> Response:
        return Response(InKindSerializer(selectors.in_kind_list(actor=request.user), many=True).data)

    @extend_schema(summary="Record a partner's staff hours for a house (functional administrator)", tags=TAGS,
                   request=InKindSerializer, responses={201: InKindSerializer})
    def post(self, request: AuthenticatedRequest) -> Response:
        incoming = InKindSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        row = services.in_kind_create(actor=request.user, house_id=data["house_id"],
                                      organisation_id=data["organisation_id"], year=data["year"],
                                      hours=data["hours"], hourly_rate_cents=data["hourly_rate_cents"],
                                      note=data["note"])
        return with_etag(Response(InKindSerializer(row).data, status=status.HTTP_201_CREATED), row.version)


class InKindView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="One contribution in kind", tags=TAGS, parameters=[IN_KIND], responses=InKindSerializer)
    def get(self, request: AuthenticatedRequest, in_kind_contribution_id: int) -> Response:
        row = selectors.in_kind_get(actor=request.user, in_kind_id=in_kind_contribution_id)
        return with_etag(Response(InKindSerializer(row).data), row.version)

    @extend_schema(summary="Change a contribution in kind (functional administrator)", tags=TAGS,
                   parameters=[IN_KIND, IF_MATCH], request=InKindChangeSerializer, responses=InKindSerializer)
    def put(self, request: AuthenticatedRequest, in_kind_contribution_id: int) -> Response:
        selectors.in_kind_get(actor=request.user, in_kind_id=in_kind_contribution_id)
        incoming = InKindChangeSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        row = services.in_kind_update(actor=request.user, in_kind_id=in_kind_contribution_id, hours=data["hours"],
                                      hourly_rate_cents=data["hourly_rate_cents"], note=data["note"],
                                      expected_version=required_version(request, data))
        return with_etag(Response(InKindSerializer(row).data), row.version)

    @extend_schema(summary="Remove a contribution in kind (functional administrator)", tags=TAGS,
                   parameters=[IN_KIND, IF_MATCH], responses={204: None})
    def delete(self, request: AuthenticatedRequest, in_kind_contribution_id: int) -> Response:
        selectors.in_kind_get(actor=request.user, in_kind_id=in_kind_contribution_id)
        services.in_kind_delete(actor=request.user, in_kind_id=in_kind_contribution_id,
                                expected_version=required_version(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class HouseReportView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="A house's annual funding report: income by source, contribution in kind, cost per "
                           "intake and per admitted case", tags=TAGS, parameters=[HOUSE, YEAR],
                   responses=FundingReportSerializer)
    def get(self, request: AuthenticatedRequest, house_id: int, year: int) -> Response:
        return Response(FundingReportSerializer(report.house_report(actor=request.user, house_id=house_id,
                                                                    year=year)).data)


class MunicipalityReportView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="A municipality's annual funding report: its co-financing against its intakes and "
                           "admitted cases", tags=TAGS, parameters=[MUNICIPALITY, YEAR],
                   responses=FundingReportSerializer)
    def get(self, request: AuthenticatedRequest, municipality_code: str, year: int) -> Response:
        return Response(FundingReportSerializer(report.municipality_report(actor=request.user,
                                                                           code=municipality_code, year=year)).data)


class RegionReportView(SnakeCaseKwargsAPIView):
    @extend_schema(summary="A region's annual funding report (the steering group): its houses together",
                   tags=TAGS, parameters=[REGION, YEAR], responses=FundingReportSerializer)
    def get(self, request: AuthenticatedRequest, region_code: str, year: int) -> Response:
        return Response(FundingReportSerializer(report.region_report(actor=request.user, code=region_code,
                                                                     year=year)).data)
