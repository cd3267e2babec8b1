from django.urls import path

from opencasus.followup.api import views

urlpatterns = [
    path("check-backs", views.CheckBackListView.as_view(), name="check-backs"),
    path("check-backs/<int:checkBackId>", views.CheckBackDetailView.as_view(), name="check-back"),
    path("check-backs/<int:checkBackId>/resolution", views.CheckBackResolutionView.as_view(),
         name="check-back-resolution"),
    path("monitoring-periods", views.MonitoringListView.as_view(), name="monitoring-periods"),
    path("monitoring-periods/<int:monitoringPeriodId>", views.MonitoringDetailView.as_view(),
         name="monitoring-period"),
    path("monitoring-periods/<int:monitoringPeriodId>/last-check", views.LastCheckView.as_view(),
         name="monitoring-last-check"),
    path("closure-feedback", views.ClosureFeedbackListView.as_view(), name="closure-feedback-list"),
    path("closure-feedback/<int:closureFeedbackId>", views.ClosureFeedbackDetailView.as_view(),
         name="closure-feedback"),
    path("consultations", views.ConsultationListView.as_view(), name="consultations"),
    path("consultations/<int:consultationId>", views.ConsultationDetailView.as_view(), name="consultation"),
    path("consultations/<int:consultationId>/advice", views.AdviceView.as_view(), name="consultation-advice"),
]
