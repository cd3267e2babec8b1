from django.urls import path

from opencasus.childtrack.api import views

urlpatterns = [
    path("cases/<int:caseId>/child-track", views.ChildTrackView.as_view(), name="case-child-track"),
    path("cases/<int:caseId>/domestic-violence-flag", views.DomesticViolenceFlagView.as_view(),
         name="case-domestic-violence-flag"),
    path("cases/<int:caseId>/child-checks", views.CaseChildCheckListView.as_view(), name="case-child-checks"),
    path("child-checks/<int:childCheckId>", views.ChildCheckDetailView.as_view(), name="child-check"),
]
