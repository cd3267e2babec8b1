from django.contrib import admin
from django.urls import include, path
from knox.models import AuthToken

# Tokens are issued and revoked through opencasus.accounts.tokens (audit trail), not knox's own admin.
if admin.site.is_registered(AuthToken):
    admin.site.unregister(AuthToken)

urlpatterns = [
    path("", include("opencasus.core.urls")),
    path("", include("opencasus.access.urls")),
    path("", include("opencasus.accounts.urls")),
    path("", include("opencasus.network.urls")),
    path("", include("opencasus.cases.urls")),
    path("", include("opencasus.triage.urls")),
    path("", include("opencasus.meetings.urls")),
    path("", include("opencasus.plans.urls")),
    path("", include("opencasus.followup.urls")),
    path("", include("opencasus.webhooks.urls")),
    path("", include("opencasus.zsm.urls")),
    path("", include("opencasus.aftercare.urls")),
    path("", include("opencasus.childtrack.urls")),
    path("", include("opencasus.groups.urls")),
    path("", include("opencasus.topx.urls")),
    path("", include("opencasus.transfers.urls")),
    path("", include("opencasus.privacy.urls")),
    path("", include("opencasus.governance.urls")),
    path("", include("opencasus.reporting.urls")),
    path("", include("opencasus.regiescan.urls")),
    path("", include("opencasus.funding.urls")),
    path("", include("opencasus.notifications.urls")),
    path("beheer/", admin.site.urls),
    path("api/v1/", include("opencasus.api_urls")),
]

handler404 = "opencasus.core.views.not_found"
handler500 = "opencasus.core.views.server_error"
