"""The management-information API: aggregates only, with the same access rules and logging as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.access import reporting as access
from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.core.api.filters import filter_values
from opencasus.core.api.parsers import MultiPartParser
from opencasus.logbook import purposes
from opencasus.logbook.models import Action
from opencasus.reporting import exports
from opencasus.reporting.api import serializers as s
from opencasus.reporting.filters import AdviceFilter, HouseFilter, PeriodFilter, TrendSignalFilter
from opencasus.reporting.imports import incident_import_start
from opencasus.reporting.keylist import key_list_export
from opencasus.reporting.models import IncidentImport
from opencasus.reporting.selectors import reads
from opencasus.reporting.selectors.annual import AnnualReport
from opencasus.reporting.selectors.period import Period, default_period, make_period
from opencasus.reporting.services import advice_record
from opencasus.reporting.tasks import run_incident_import

PERIOD_PARAMETERS = [
    OpenApiParameter("dateFrom", OpenApiTypes.DATE, description="First day of the period (default: a year ago)"),
    OpenApiParameter("dateTo", OpenApiTypes.DATE, description="Last day of the period, inclusive (default: today)"),
]
HOUSE_PARAMETER = OpenApiParameter("houseId", OpenApiTypes.INT, required=True, description="The house")


def _period(request: Request) -> Period:
    values = filter_values(PeriodFilter, request.query_params)
    default = default_period()
    try:
        return make_period(values["dateFrom"] or default.date_from, values["dateTo"] or default.date_to)
    except ValidationError as error:
        raise serializers.ValidationError({"dateFrom": error.messages}) from None


class _DashboardView(APIView):
    kind = ""

    def _respond(self, request: AuthenticatedRequest, key: str) -> Response:
        period = _period(request)
        scope = access.scope_for(actor=request.user, kind=self.kind, key=key)
        data = reads.dashboard_view(actor=request.user, scope=scope, period=period, purpose=purposes.DASHBOARD_API)
        return Response(data.as_json())


class HouseDashboardView(_DashboardView):
    kind = "house"

    @extend_schema(summary="Dashboard of one house (location)", tags=["reporting"], parameters=PERIOD_PARAMETERS,
                   responses=s.DashboardSerializer, operation_id="dashboards_houses_retrieve")
    def get(self, request: AuthenticatedRequest, house_id: int) -> Response:
        return self._respond(request, str(house_id))


class MunicipalityDashboardView(_DashboardView):
    kind = "municipality"

    @extend_schema(summary="Dashboard of one municipality", tags=["reporting"], parameters=PERIOD_PARAMETERS,
                   responses=s.DashboardSerializer, operation_id="dashboards_municipalities_retrieve")
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        return self._respond(request, code)


class RegionDashboardView(_DashboardView):
    kind = "region"

    @extend_schema(summary="Dashboard of one region (steering group)", tags=["reporting"],
                   parameters=PERIOD_PARAMETERS, responses=s.DashboardSerializer,
                   operation_id="dashboards_regions_retrieve")
    def get(self, request: AuthenticatedRequest, code: str) -> Response:
        return self._respond(request, code)


def _annual(request: AuthenticatedRequest, code: str, year: int, fmt: str) -> AnnualReport:
    action = Action.VIEW if fmt == "json" else Action.PRINT if fmt == "pdf" else Action.EXPORT
    try:
        return reads.annual_report_view(actor=request.user, code=code, year=year, action=action,
                                        purpose=purposes.ANNUAL_REPORT_API.format(fmt=fmt))
    except ValidationError:
        raise Http404 from None


class AnnualReportView(APIView):
    @extend_schema(summary="The municipal annual report for co-financing", tags=["reporting"],
                   responses=s.AnnualReportSerializer, operation_id="reports_municipal_annual_retrieve")
    def get(self, request: AuthenticatedRequest, code: str, year: int) -> Response:
        return Response(_annual(request, code, year, "json").as_json())


class AnnualReportFileView(APIView):
    fmt = "xlsx"

    def get(self, request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
        report = _annual(request, code, year, self.fmt)
        heading = [f"Jaarverslag {year}", report.scope.label,
                   f"Aantallen onder {report.scope.threshold} zijn onderdrukt."]
        name = exports.export_filename("jaarverslag", report.scope.label, year)
        if self.fmt == "pdf":
            from opencasus.reporting.views import _panels

            content = exports.html_to_pdf("reporting/annual_report_pdf.html",
                                          {"report": report, "panels": _panels(report.tables)},
                                          base_url=request.build_absolute_uri("/"))
            content_type = exports.PDF_TYPE
        else:
            content = exports.tables_to_xlsx(heading, report.tables)
            content_type = exports.XLSX_TYPE
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}.{self.fmt}"'
        return response


class AnnualReportXlsxView(AnnualReportFileView):
    fmt = "xlsx"

    @extend_schema(summary="The municipal annual report as a spreadsheet", tags=["reporting"],
                   responses={(200, exports.XLSX_TYPE): OpenApiTypes.BINARY},
                   operation_id="reports_municipal_annual_xlsx")
    def get(self, request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
        return super().get(request, code, year)


class AnnualReportPdfView(AnnualReportFileView):
    fmt = "pdf"

    @extend_schema(summary="The municipal annual report as PDF", tags=["reporting"],
                   responses={(200, exports.PDF_TYPE): OpenApiTypes.BINARY},
                   operation_id="reports_municipal_annual_pdf")
    def get(self, request: AuthenticatedRequest, code: str, year: int) -> HttpResponse:
        return super().get(request, code, year)


class RecidivismView(APIView):
    @extend_schema(summary="Police incidents before and after the action plan, per group", tags=["reporting"],
                   parameters=[HOUSE_PARAMETER], responses=s.RecidivismSerializer, operation_id="recidivism_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        data = reads.recidivism_view(actor=request.user, purpose=purposes.RECIDIVISM_API,
                                     house_id=filter_values(HouseFilter, request.query_params)["houseId"])
        return Response(data.as_json())


class KeyListExportView(APIView):
    @extend_schema(
        summary="Export the pseudonym key list of a recidivism measurement for the police (house manager; CSV)",
        description="The measurement is the house and the period in which the plans were first adopted. Each "
                    "export is a processing-log record with the persons as data subjects; a second export of the "
                    "same measurement needs a new reason (409 otherwise).",
        tags=["reporting"], request=s.KeyListExportCreateSerializer,
        responses={(201, "text/csv"): OpenApiTypes.BINARY}, operation_id="recidivism_key_lists_create")
    def post(self, request: AuthenticatedRequest) -> HttpResponse:
        given = s.KeyListExportCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        key_list = key_list_export(actor=request.user, house_id=data["house_id"], date_from=data["date_from"],
                                   date_to=data["date_to"], reason=data["reason"],
                                   purpose=purposes.RECIDIVISM_KEY_LIST_API)
        response = HttpResponse(key_list.content, content_type=exports.CSV_TYPE, status=status.HTTP_201_CREATED)
        response["Content-Disposition"] = f'attachment; filename="{key_list.filename}"'
        return response


def _import_json(job: IncidentImport) -> dict[str, Any]:
    return {"id": job.pk, "house_id": job.house_id, "filename": job.filename, "uploaded_at": job.uploaded_at,
            "status": job.status, "total_rows": job.total_rows, "processed_rows": job.processed_rows,
            "accepted_rows": job.accepted_rows, "rejected": job.rejected, "finished_at": job.finished_at}


class IncidentImportListView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(summary="Import police incident counts (CSV, see docs/reporting.md)", tags=["reporting"],
                   request={"multipart/form-data": s.IncidentUploadSerializer},
                   responses={202: s.IncidentImportSerializer}, operation_id="recidivism_imports_create")
    def post(self, request: AuthenticatedRequest) -> Response:
        upload = request.FILES.get("file")
        data: Any = request.data
        raw_house = str(data.get("house_id") or data.get("houseId") or "")
        if upload is None or not raw_house.isdigit():
            raise serializers.ValidationError({"file": [_("Choose a file and a house (houseId).")]})
        job = incident_import_start(actor=request.user, house_id=int(raw_house), filename=upload.name or "import.csv",
                                    content=upload.read())
        run_incident_import.delay(job.pk)
        job.refresh_from_db()
        return Response(_import_json(job), status=status.HTTP_202_ACCEPTED)


class IncidentImportDetailView(APIView):
    @extend_schema(summary="Progress and rejected rows of a police data import", tags=["reporting"],
                   responses=s.IncidentImportSerializer, operation_id="recidivism_imports_retrieve")
    def get(self, request: AuthenticatedRequest, import_id: int) -> Response:
        job = reads.incident_import_view(actor=request.user, import_id=import_id,
                                         purpose=purposes.RECIDIVISM_IMPORT_PROGRESS_API)
        return Response(_import_json(job))


class TrendSignalsView(APIView):
    @extend_schema(summary="Trend signals: intake rates that changed against their own history",
                   tags=["reporting"], parameters=[
                       HOUSE_PARAMETER,
                       OpenApiParameter("month", OpenApiTypes.STR, description="Month to test, YYYY-MM "
                                        "(default: the last complete month)")],
                   responses=s.TrendReportSerializer, operation_id="trend_signals_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        values = filter_values(TrendSignalFilter, request.query_params)
        data = reads.trend_signals_view(actor=request.user, house_id=values["houseId"], month=values["month"],
                                        purpose=purposes.TRENDS_API)
        return Response(data.as_json())


class AdviceView(APIView):
    @extend_schema(summary="Advice given to a municipality's administrators", tags=["reporting"], parameters=[
        OpenApiParameter("municipalityCode", OpenApiTypes.STR, required=True, description="CBS code, e.g. GM0505")],
        responses=s.AdviceSerializer(many=True), operation_id="advice_list")
    def get(self, request: AuthenticatedRequest) -> Response:
        code = filter_values(AdviceFilter, request.query_params)["municipalityCode"]
        _scope, advice = reads.advice_list_view(actor=request.user, municipality_code=code,
                                               purpose=purposes.ADVICE_LIST_API)
        return Response(s.AdviceSerializer(advice[:500], many=True).data)

    @extend_schema(summary="Record advice that concludes an area or theme case (core staff)", tags=["reporting"],
                   request=s.AdviceCreateSerializer, responses={201: s.AdviceSerializer},
                   operation_id="advice_create")
    def post(self, request: AuthenticatedRequest) -> Response:
        given = s.AdviceCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        advice = advice_record(actor=request.user, case_id=given.validated_data["case_id"],
                               text=given.validated_data["text"],
                               municipality_code=given.validated_data.get("municipality_code") or None)
        return Response(s.AdviceSerializer(advice).data, status=status.HTTP_201_CREATED)
