from django.urls import path

from opencasus.triage.api import views

urlpatterns = [
    path("triage-queue", views.TriageQueueView.as_view(), name="triage-queue"),
    path("cases/<int:caseId>/triage-assessment", views.AssessmentView.as_view(), name="triage-assessment"),
    path("cases/<int:caseId>/triage-decision", views.DecisionView.as_view(), name="triage-decision"),
    path("cases/<int:caseId>/participants", views.ParticipantsView.as_view(), name="case-participants"),
    path("cases/<int:caseId>/participants/<int:participantId>/end", views.ParticipantEndView.as_view(),
         name="case-participant-end"),
]
