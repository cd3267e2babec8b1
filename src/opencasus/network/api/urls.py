from django.urls import path
from rest_framework.routers import SimpleRouter

from opencasus.network.api import approaches, grants, limits, views

router = SimpleRouter(trailing_slash=False)
router.register("regions", views.RegionViewSet, basename="region")
router.register("municipalities", views.MunicipalityViewSet, basename="municipality")
router.register("houses", views.HouseViewSet, basename="house")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("role-grants", grants.RoleGrantViewSet, basename="role-grant")

urlpatterns = [
    *router.urls,
    path("houses/<int:houseId>/caseload-limits", limits.CaseloadLimitView.as_view(), name="house-caseload-limits"),
    path("houses/<int:houseId>/approaches", approaches.ApproachListView.as_view(), name="house-approaches"),
    path("houses/<int:houseId>/approaches/<str:approach>", approaches.ApproachView.as_view(), name="house-approach"),
    path("houses/<int:houseId>/crisis-lane-settings", approaches.CrisisLaneSettingsView.as_view(),
         name="house-crisis-lane-settings"),
]
