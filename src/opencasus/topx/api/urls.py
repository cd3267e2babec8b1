from django.urls import path

from opencasus.topx.api import views

urlpatterns = [
    path("topx-lists", views.TopXListListView.as_view(), name="topx-lists"),
    path("topx-lists/<int:topxListId>", views.TopXListDetailView.as_view(), name="topx-list"),
    path("topx-lists/<int:topxListId>/criteria", views.CriteriaView.as_view(), name="topx-list-criteria"),
    path("topx-lists/<int:topxListId>/imports", views.ImportView.as_view(), name="topx-list-imports"),
    path("topx-imports/<int:topxImportId>", views.ImportDetailView.as_view(), name="topx-import"),
    path("topx-candidates", views.CandidateListView.as_view(), name="topx-candidates"),
    path("topx-candidates/<int:topxCandidateId>", views.CandidateDetailView.as_view(), name="topx-candidate"),
    path("topx-candidates/<int:topxCandidateId>/decision", views.DecisionView.as_view(), name="topx-decision"),
    path("topx-candidates/<int:topxCandidateId>/reviews", views.ReviewListView.as_view(), name="topx-reviews"),
]
