from rest_framework.routers import SimpleRouter

from opencasus.privacy.api import accounts, views

router = SimpleRouter(trailing_slash=False)
router.register("processing-log", views.ProcessingLogViewSet, basename="processing-log")
router.register("subject-access-requests", views.SubjectAccessRequestViewSet, basename="subject-access-request")
router.register("rights-requests", views.RightsRequestViewSet, basename="rights-request")
router.register("retention-policies", views.RetentionPolicyViewSet, basename="retention-policy")
router.register("retention-runs", views.RetentionRunViewSet, basename="retention-run")
router.register("log-verifications", views.LogVerificationViewSet, basename="log-verification")

router.register("account-events", accounts.AccountEventViewSet, basename="account-event")

urlpatterns = router.urls
