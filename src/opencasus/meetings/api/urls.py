from rest_framework.routers import SimpleRouter

from opencasus.meetings.api.views import AgendaItemViewSet, MeetingViewSet, SelfReportViewSet

router = SimpleRouter(trailing_slash=False)
router.register("meetings", MeetingViewSet, basename="meeting")
router.register(r"meetings/(?P<meeting_id>[0-9]+)/agenda-items", AgendaItemViewSet, basename="agenda-item")
router.register("self-reports", SelfReportViewSet, basename="self-report")

urlpatterns = router.urls
