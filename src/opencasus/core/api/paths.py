"""Views whose path parameters are lowerCamelCase on the wire."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from rest_framework.views import APIView

from opencasus.core.api.wire import python_name


# A view whose path parameters are lowerCamelCase on the wire (`/cases/{caseId}/plan`) and whose handlers
# take them in snake_case (`case_id`). The URL patterns, and so the OpenAPI document, keep the wire names.
# (A comment, not a docstring: drf-spectacular would describe every operation of a subclass with it.)
class SnakeCaseKwargsAPIView(APIView):

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return super().dispatch(request, *args, **{python_name(key): value for key, value in kwargs.items()})
