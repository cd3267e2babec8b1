from django.urls import path

from opencasus.zsm import views

app_name = "zsm"

urlpatterns = [
    path("casussen/<int:case_id>/zsm-advies", views.advice, name="advice"),
    path("casussen/<int:case_id>/zsm-advies/intrekken", views.withdraw, name="withdraw"),
]
