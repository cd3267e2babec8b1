from django.urls import path

from opencasus.groups.api import views

urlpatterns = [
    path("cases/<int:caseId>/group-members", views.MemberListView.as_view(), name="group-members"),
    path("cases/<int:caseId>/group-members/<int:memberId>", views.MemberDetailView.as_view(), name="group-member"),
    path("cases/<int:caseId>/group-members/<int:memberId>/end", views.MemberEndView.as_view(),
         name="group-member-end"),
    path("cases/<int:caseId>/group-members/<int:memberId>/case-link", views.CaseLinkView.as_view(),
         name="group-member-case-link"),
    path("cases/<int:caseId>/group-members/<int:memberId>/goals", views.MemberGoalsView.as_view(),
         name="group-member-goals"),
]
