"""The national dashboard in the API (the national programme only; 404 for anyone else)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from opencasus.accounts.typing import AuthenticatedRequest
from opencasus.logbook import purposes
from opencasus.reporting.api.serializers_national import NationalDashboardSerializer
from opencasus.reporting.api.views import PERIOD_PARAMETERS, _period
from opencasus.reporting.selectors.national import national_dashboard_view


class NationalDashboardView(APIView):
    @extend_schema(summary="Every safety region side by side, aggregated and suppressed (national programme)",
                   tags=["reporting"], parameters=PERIOD_PARAMETERS, responses=NationalDashboardSerializer,
                   operation_id="dashboards_national_retrieve")
    def get(self, request: AuthenticatedRequest) -> Response:
        period = _period(request)
        data = national_dashboard_view(actor=request.user, date_from=period.date_from, date_to=period.date_to,
                                       purpose=purposes.NATIONAL_DASHBOARD_API)
        return Response(data.as_json())
