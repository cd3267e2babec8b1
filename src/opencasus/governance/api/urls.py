from django.urls import path

from opencasus.governance.api import views

urlpatterns = [
    path("priority-themes", views.ThemeListView.as_view(), name="priority-themes"),
    path("priority-themes/<int:themeId>", views.ThemeDetailView.as_view(), name="priority-theme"),
    path("governance-meetings", views.MeetingListView.as_view(), name="governance-meetings"),
    path("governance-meetings/<int:meetingId>", views.MeetingDetailView.as_view(), name="governance-meeting"),
    path("governance-meetings/<int:meetingId>/agenda-items", views.AgendaItemView.as_view(),
         name="governance-meeting-agenda-items"),
    path("governance-meetings/<int:meetingId>/decisions", views.DecisionView.as_view(),
         name="governance-meeting-decisions"),
    path("governance-meetings/<int:meetingId>/actions", views.MeetingActionCreateView.as_view(),
         name="governance-meeting-actions"),
    path("governance-meetings/<int:meetingId>/escalations", views.MeetingEscalationView.as_view(),
         name="governance-meeting-escalations"),
    path("meeting-actions", views.ActionListView.as_view(), name="meeting-actions"),
    path("meeting-actions/<int:actionId>", views.ActionDetailView.as_view(), name="meeting-action"),
    path("meeting-actions/<int:actionId>/status-changes", views.ActionStatusView.as_view(),
         name="meeting-action-status"),
]
