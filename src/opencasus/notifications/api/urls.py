from rest_framework.routers import SimpleRouter

from opencasus.notifications.api import views

router = SimpleRouter(trailing_slash=False)
router.register("notifications", views.NotificationViewSet, basename="notification")

urlpatterns = router.urls
