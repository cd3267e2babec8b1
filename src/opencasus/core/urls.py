from django.urls import path

from opencasus.core import views

app_name = "core"

urlpatterns = [
    path("", views.start, name="start"),
    path("gezondheid", views.health, name="health"),
    # Browsers ask for /favicon.ico on pages that do not name an icon (the admin).
    path("favicon.ico", views.favicon, name="favicon"),
]
