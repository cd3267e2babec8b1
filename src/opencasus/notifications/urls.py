from django.urls import path

from opencasus.notifications import views

app_name = "notifications"

urlpatterns = [
    path("meldingen", views.notification_list, name="list"),
    path("meldingen/gelezen", views.notification_read_all, name="read-all"),
    path("meldingen/<int:notification_id>/gelezen", views.notification_read, name="read"),
]
