from django.urls import path

from opencasus.plans.views import agreements, closure, direction, escalations, national, plan

app_name = "plans"

urlpatterns = [
    path("casussen/<int:case_id>/plan", plan.plan_detail, name="plan"),
    path("casussen/<int:case_id>/plan/regie", plan.plan_header, name="plan-header"),
    path("casussen/<int:case_id>/plan/doelen", plan.goal_add, name="goal-add"),
    path("casussen/<int:case_id>/plan/interventies", plan.intervention_add, name="intervention-add"),
    path("casussen/<int:case_id>/plan/afspraken", plan.agreement_add, name="agreement-add"),
    path("casussen/<int:case_id>/plan/doelen/<int:item_id>/verwijderen", plan.item_delete, {"kind": "goal"},
         name="goal-delete"),
    path("casussen/<int:case_id>/plan/interventies/<int:item_id>/verwijderen", plan.item_delete,
         {"kind": "intervention"}, name="intervention-delete"),
    path("casussen/<int:case_id>/plan/vaststellen", plan.adopt, name="adopt"),
    path("casussen/<int:case_id>/plan/voorstellen", direction.proposal_start, name="proposal-start"),
    path("plan-voorstellen/<int:proposal_id>", direction.proposal_detail, name="proposal"),
    path("plan-voorstellen/<int:proposal_id>/bewerken", direction.proposal_edit, name="proposal-edit"),
    path("plan-voorstellen/<int:proposal_id>/voorstellen", direction.proposal_submit, name="proposal-submit"),
    path("plan-voorstellen/<int:proposal_id>/intrekken", direction.proposal_withdraw, name="proposal-withdraw"),
    path("plan-voorstellen/<int:proposal_id>/terugsturen", direction.proposal_return, name="proposal-return"),
    path("plan-voorstellen/<int:proposal_id>/vaststellen", direction.proposal_adopt, name="proposal-adopt"),
    path("casussen/<int:case_id>/plan/versies", plan.versions, name="versions"),
    path("casussen/<int:case_id>/plan/versies/<int:number>", plan.version_detail, name="version"),
    path("casussen/<int:case_id>/plan/evaluatie", plan.evaluation, name="evaluation"),
    path("casussen/<int:case_id>/plan/pdf", plan.pdf, name="pdf"),
    path("casussen/<int:case_id>/afspraken", agreements.case_agreements, name="case-agreements"),
    path("casussen/<int:case_id>/opschalen", escalations.escalation_raise, name="escalation-raise"),
    path("casussen/<int:case_id>/afsluiten", closure.close, name="close"),
    path("casussen/<int:case_id>/heropenen", closure.reopen, name="reopen"),
    path("afspraken", agreements.my_agreements, name="my-agreements"),
    path("afspraken/<int:agreement_id>", agreements.agreement_detail, name="agreement"),
    path("afspraken/<int:agreement_id>/status", agreements.agreement_status, name="agreement-status"),
    path("afspraken/<int:agreement_id>/wijzigen", agreements.agreement_edit, name="agreement-edit"),
    path("afspraken/<int:agreement_id>/notities", agreements.agreement_note, name="agreement-note"),
    path("opschalingen", escalations.escalation_overview, name="escalations"),
    path("opschalingen/<int:escalation_id>", escalations.escalation_detail, name="escalation"),
    path("landelijk/opschalingen", national.national_escalations, name="national-escalations"),
    path("landelijk/opschalingen/<int:escalation_id>", national.national_escalation, name="national-escalation"),
]
