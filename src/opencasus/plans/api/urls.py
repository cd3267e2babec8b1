from django.urls import path

from opencasus.plans.api import views_agreements, views_direction, views_escalations, views_national, views_plan

urlpatterns = [
    path("cases/<int:caseId>/plan", views_plan.PlanView.as_view(), name="plan"),
    path("cases/<int:caseId>/plan/versions", views_plan.PlanVersionsView.as_view(), name="plan-versions"),
    path("cases/<int:caseId>/plan/adopt", views_plan.PlanAdoptView.as_view(), name="plan-adopt"),
    path("cases/<int:caseId>/plan/proposals", views_direction.ProposalListView.as_view(), name="plan-proposals"),
    path("plan-proposals/<int:proposalId>", views_direction.ProposalDetailView.as_view(), name="plan-proposal"),
    path("plan-proposals/<int:proposalId>/submission", views_direction.ProposalSubmissionView.as_view(),
         name="plan-proposal-submission"),
    path("plan-proposals/<int:proposalId>/withdrawal", views_direction.ProposalWithdrawalView.as_view(),
         name="plan-proposal-withdrawal"),
    path("plan-proposals/<int:proposalId>/return", views_direction.ProposalReturnView.as_view(),
         name="plan-proposal-return"),
    path("plan-proposals/<int:proposalId>/adoption", views_direction.ProposalAdoptionView.as_view(),
         name="plan-proposal-adoption"),
    path("cases/<int:caseId>/plan/evaluations", views_plan.PlanEvaluationsView.as_view(), name="plan-evaluations"),
    path("cases/<int:caseId>/plan/pdf", views_plan.PlanPdfView.as_view(), name="plan-pdf"),
    path("cases/<int:caseId>/closure", views_escalations.ClosureView.as_view(), name="case-closure"),
    path("cases/<int:caseId>/reopen", views_escalations.ReopenView.as_view(), name="case-reopen"),
    path("agreements", views_agreements.AgreementListView.as_view(), name="agreements"),
    path("agreements/<int:agreementId>", views_agreements.AgreementDetailView.as_view(), name="agreement"),
    path("agreements/<int:agreementId>/notes", views_agreements.AgreementNotesView.as_view(), name="agreement-notes"),
    path("escalations", views_escalations.EscalationListView.as_view(), name="escalations"),
    path("escalations/<int:escalationId>", views_escalations.EscalationDetailView.as_view(), name="escalation"),
    path("national-escalations", views_national.NationalEscalationListView.as_view(), name="national-escalations"),
    path("national-escalations/<int:escalationId>", views_national.NationalEscalationDetailView.as_view(),
         name="national-escalation"),
]
