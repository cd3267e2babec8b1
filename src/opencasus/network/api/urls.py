from rest_framework.routers import SimpleRouter

from opencasus.network.api import views

router = SimpleRouter(trailing_slash=False)
router.register("regions", views.RegionViewSet, basename="region")
router.register("municipalities", views.MunicipalityViewSet, basename="municipality")
router.register("houses", views.HouseViewSet, basename="house")
router.register("organisations", views.OrganisationViewSet, basename="organisation")

urlpatterns = router.urls
