from django.urls import path

from opencasus.access import views

app_name = "access"

urlpatterns = [
    path("huis-kiezen", views.house_switch, name="house-switch"),
]
