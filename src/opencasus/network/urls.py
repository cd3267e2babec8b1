from django.urls import path

from opencasus.network import views

app_name = "network"

urlpatterns = [
    path("huizen/<int:house_id>/netwerk", views.network_overview, name="overview"),
]
