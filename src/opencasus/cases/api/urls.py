from django.urls import path
from rest_framework.routers import SimpleRouter

from opencasus.cases.api import caseload, views

router = SimpleRouter(trailing_slash=False)
router.register("cases", views.CaseViewSet, basename="case")
router.register("case-searches", views.CaseSearchViewSet, basename="case-search")
router.register(r"cases/(?P<caseId>[0-9]+)/information-items", views.InformationItemViewSet,
                basename="case-information-item")
router.register(r"cases/(?P<caseId>[0-9]+)/attachments", views.AttachmentViewSet, basename="case-attachment")

urlpatterns = [
    *router.urls,
    path("cases/<int:caseId>/director-assignments", caseload.CaseDirectorAssignmentsView.as_view(),
         name="case-director-assignments"),
    path("houses/<int:houseId>/workload", caseload.WorkloadView.as_view(), name="house-workload"),
    path("houses/<int:houseId>/workload-history", caseload.WorkloadHistoryView.as_view(),
         name="house-workload-history"),
]
