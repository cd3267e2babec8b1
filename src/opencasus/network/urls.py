from django.urls import path

from opencasus.network import views, views_approaches, views_grants, views_identity, views_limits
from opencasus.network.identity import signin

app_name = "network"

urlpatterns = [
    path("inloggen/via/terug", signin.ProviderCallbackView.as_view(), name="oidc-callback"),
    path("inloggen/via/<int:provider_id>", signin.ProviderSignInView.as_view(), name="oidc-sign-in"),
    path("huizen/<int:house_id>/inlogdiensten", views_identity.provider_list, name="identity-providers"),
    path("huizen/<int:house_id>/inlogdiensten/nieuw", views_identity.provider_add, name="identity-provider-add"),
    path("inlogdiensten/<int:provider_id>", views_identity.provider_edit, name="identity-provider"),
    path("inlogdiensten/<int:provider_id>/status", views_identity.provider_status, name="identity-provider-status"),
    path("huizen/<int:house_id>/netwerk", views.network_overview, name="overview"),
    path("huizen/<int:house_id>/caseloadmaxima", views_limits.caseload_limits, name="caseload-limits"),
    path("huizen/<int:house_id>/werkwijzen", views_approaches.approaches, name="approaches"),
    path("rolaanvragen", views_grants.grant_list, name="grants"),
    path("rolaanvragen/<int:membership_id>/goedkeuren", views_grants.grant_decide, {"decision": "approve"},
         name="grant-approve"),
    path("rolaanvragen/<int:membership_id>/afwijzen", views_grants.grant_decide, {"decision": "refuse"},
         name="grant-refuse"),
]
