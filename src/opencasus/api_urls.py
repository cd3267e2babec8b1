"""The REST API, version 1. Each app contributes its own routes."""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView

from opencasus.access.api.views import MeView

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(authentication_classes=[], permission_classes=[]),
         name="openapi"),
    path("me", MeView.as_view(), name="me"),
    path("", include("opencasus.accounts.api.urls")),
    path("", include("opencasus.network.api.urls")),
    path("", include("opencasus.cases.api.urls")),
    path("", include("opencasus.triage.api.urls")),
    path("", include("opencasus.meetings.api.urls")),
    path("", include("opencasus.plans.api.urls")),
    path("", include("opencasus.followup.api.urls")),
    path("", include("opencasus.zsm.api.urls")),
    path("", include("opencasus.peers.api.urls")),
    path("", include("opencasus.aftercare.api.urls")),
    path("", include("opencasus.childtrack.api.urls")),
    path("", include("opencasus.groups.api.urls")),
    path("", include("opencasus.topx.api.urls")),
    path("", include("opencasus.transfers.api.urls")),
    path("", include("opencasus.privacy.api.urls")),
    path("", include("opencasus.governance.api.urls")),
    path("", include("opencasus.reporting.api.urls")),
    path("", include("opencasus.regiescan.api.urls")),
    path("", include("opencasus.funding.api.urls")),
    path("", include("opencasus.notifications.api.urls")),
    path("", include("opencasus.webhooks.api.urls")),
]
