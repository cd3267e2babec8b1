from django.urls import path

from opencasus.network import views, views_approaches, views_grants, views_limits

app_name = "network"

urlpatterns = [
    path("huizen/<int:house_id>/netwerk", views.network_overview, name="overview"),
    path("huizen/<int:house_id>/caseloadmaxima", views_limits.caseload_limits, name="caseload-limits"),
    path("huizen/<int:house_id>/werkwijzen", views_approaches.approaches, name="approaches"),
    path("rolaanvragen", views_grants.grant_list, name="grants"),
    path("rolaanvragen/<int:membership_id>/goedkeuren", views_grants.grant_decide, {"decision": "approve"},
         name="grant-approve"),
    path("rolaanvragen/<int:membership_id>/afwijzen", views_grants.grant_decide, {"decision": "refuse"},
         name="grant-refuse"),
]
