from rest_framework.routers import SimpleRouter

from opencasus.meetings.api.views import AgendaItemViewSet, MeetingViewSet, SelfReportViewSet

router = SimpleRouter(trailing_slash=False)
router.register("meetings", MeetingViewSet, basename="meeting")
router.register(r"meetings/(?P<meeting_id>[0-9]+)/agenda-items", AgendaItemViewSet, basename="agenda-item")
router.register("self-reports", SelfReportViewSet, basename="self-report")

urlpatterns = router.urls

from django.urls import path  # noqa: E402

from opencasus.meetings.api import views_mandates  # noqa: E402

urlpatterns += [
    path("meetings/<int:meetingId>/mandates", views_mandates.MandateListView.as_view(), name="meeting-mandates"),
    path("mandates/<int:mandateId>", views_mandates.MandateDetailView.as_view(), name="mandate"),
    path("confirmations", views_mandates.ConfirmationListView.as_view(), name="confirmations"),
    path("confirmations/<int:confirmationId>", views_mandates.ConfirmationDetailView.as_view(), name="confirmation"),
    path("confirmations/<int:confirmationId>/answer", views_mandates.ConfirmationAnswerView.as_view(),
         name="confirmation-answer"),
]
