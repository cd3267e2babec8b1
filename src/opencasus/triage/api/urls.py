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

# The triage table with its partners.
from opencasus.triage.api import table  # noqa: E402

urlpatterns += [
    path("triage-standing-members", table.StandingMembersView.as_view(), name="triage-standing-members"),
    path("triage-standing-members/<int:memberId>/end", table.StandingMemberEndView.as_view(),
         name="triage-standing-member-end"),
    path("triage-sessions", table.SessionsView.as_view(), name="triage-sessions"),
    path("triage-sessions/<int:sessionId>", table.SessionView.as_view(), name="triage-session"),
    path("triage-sessions/<int:sessionId>/items", table.SessionItemsView.as_view(), name="triage-session-items"),
    path("triage-sessions/<int:sessionId>/items/<int:caseId>", table.SessionItemView.as_view(),
         name="triage-session-item"),
    path("triage-sessions/<int:sessionId>/status", table.SessionStatusView.as_view(), name="triage-session-status"),
    path("triage-intakes/<int:caseId>", table.TableIntakeView.as_view(), name="triage-intake"),
    path("cases/<int:caseId>/triage-contributions", table.ContributionsView.as_view(),
         name="triage-contributions"),
    path("information-requests", table.InformationRequestsView.as_view(), name="information-requests"),
    path("information-requests/<int:requestId>", table.InformationRequestView.as_view(),
         name="information-request"),
    path("information-requests/<int:requestId>/answer", table.InformationAnswerView.as_view(),
         name="information-request-answer"),
    path("information-requests/<int:requestId>/withdrawal", table.InformationWithdrawalView.as_view(),
         name="information-request-withdrawal"),
]
