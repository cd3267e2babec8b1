from rest_framework.routers import SimpleRouter

from opencasus.accounts.api import views

router = SimpleRouter(trailing_slash=False)
router.register("tokens", views.TokenViewSet, basename="token")
router.register("system-tokens", views.SystemTokenViewSet, basename="system-token")

urlpatterns = router.urls
