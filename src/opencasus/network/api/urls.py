from django.urls import path
from rest_framework.routers import SimpleRouter

from opencasus.network.api import directory, grants, limits, views

router = SimpleRouter(trailing_slash=False)
router.register("regions", views.RegionViewSet, basename="region")
router.register("municipalities", views.MunicipalityViewSet, basename="municipality")
router.register("houses", views.HouseViewSet, basename="house")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("role-grants", grants.RoleGrantViewSet, basename="role-grant")

urlpatterns = [
    *router.urls,
    path("houses/<int:houseId>/caseload-limits", limits.CaseloadLimitView.as_view(), name="house-caseload-limits"),
    path("houses/<int:houseId>/meeting-types", directory.MeetingTypeListView.as_view(), name="house-meeting-types"),
    path("houses/<int:houseId>/target-groups", directory.TargetGroupListView.as_view(), name="house-target-groups"),
    path("houses/<int:houseId>/local-criteria", directory.LocalCriterionListView.as_view(),
         name="house-local-criteria"),
    path("houses/<int:houseId>/professionals", directory.ProfessionalListView.as_view(), name="house-professionals"),
]
