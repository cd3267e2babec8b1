from django.urls import path

from opencasus.webhooks import views

app_name = "webhooks"

urlpatterns = [
    path("webhooks", views.overview, name="overview"),
    path("webhooks/bezorgingen/<int:delivery_id>/opnieuw", views.retry, name="retry"),
]
