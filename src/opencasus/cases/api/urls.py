from rest_framework.routers import SimpleRouter

from opencasus.cases.api import views

router = SimpleRouter(trailing_slash=False)
router.register("cases", views.CaseViewSet, basename="case")
router.register("case-searches", views.CaseSearchViewSet, basename="case-search")
router.register(r"cases/(?P<caseId>[0-9]+)/information-items", views.InformationItemViewSet,
                basename="case-information-item")
router.register(r"cases/(?P<caseId>[0-9]+)/attachments", views.AttachmentViewSet, basename="case-attachment")

urlpatterns = router.urls
