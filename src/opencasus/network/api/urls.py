from django.urls import path
from rest_framework.routers import SimpleRouter

from opencasus.network.api import approaches, directory, grants, identity, limits, views

router = SimpleRouter(trailing_slash=False)
router.register("regions", views.RegionViewSet, basename="region")
router.register("municipalities", views.MunicipalityViewSet, basename="municipality")
router.register("houses", views.HouseViewSet, basename="house")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("role-grants", grants.RoleGrantViewSet, basename="role-grant")

urlpatterns = [
    *router.urls,
    path("identity-providers", identity.ProviderListView.as_view(), name="identity-providers"),
    path("identity-providers/<int:providerId>", identity.ProviderDetailView.as_view(), name="identity-provider"),
    path("houses/<int:houseId>/caseload-limits", limits.CaseloadLimitView.as_view(), name="house-caseload-limits"),
    path("houses/<int:houseId>/meeting-types", directory.MeetingTypeListView.as_view(), name="house-meeting-types"),
    path("houses/<int:houseId>/target-groups", directory.TargetGroupListView.as_view(), name="house-target-groups"),
    path("houses/<int:houseId>/local-criteria", directory.LocalCriterionListView.as_view(),
         name="house-local-criteria"),
    path("houses/<int:houseId>/professionals", directory.ProfessionalListView.as_view(), name="house-professionals"),
    path("houses/<int:houseId>/approaches", approaches.ApproachListView.as_view(), name="house-approaches"),
    path("houses/<int:houseId>/approaches/<str:approach>", approaches.ApproachView.as_view(), name="house-approach"),
    path("houses/<int:houseId>/crisis-lane-settings", approaches.CrisisLaneSettingsView.as_view(),
         name="house-crisis-lane-settings"),
]
