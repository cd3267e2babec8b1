from django.urls import path

from opencasus.followup import views

app_name = "followup"

urlpatterns = [
    path("nacontroles", views.check_back_list, name="check-backs"),
    path("nacontroles/<int:check_back_id>", views.check_back_detail, name="check-back"),
    path("monitoring", views.monitoring_list, name="monitoring"),
    path("monitoring/nieuw", views.monitoring_new, name="monitoring-new"),
    path("monitoring/<int:period_id>", views.monitoring_detail, name="monitoring-period"),
    path("terugkoppelingen", views.feedback_list, name="feedback-list"),
    path("terugkoppelingen/<int:feedback_id>", views.feedback_detail, name="feedback"),
    path("adviesvragen", views.consultation_list, name="consultations"),
    path("adviesvragen/nieuw", views.consultation_new, name="consultation-new"),
    path("adviesvragen/<int:consultation_id>", views.consultation_detail, name="consultation"),
]
