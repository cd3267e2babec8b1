from django.urls import path

from opencasus.cases import views, views_caseload, views_workspace

app_name = "cases"

urlpatterns = [
    path("casussen", views.case_list, name="list"),
    path("zoeken", views.case_search, name="search"),
    path("casussen/<int:case_id>", views_workspace.case_detail, name="detail"),
    path("casussen/<int:case_id>/informatie/nieuw", views_workspace.information_add, name="information-add"),
    path("casussen/<int:case_id>/doelen/<int:goal_id>/wijzigen", views_workspace.goal_edit, name="goal-edit"),
    path("casussen/<int:case_id>/bijlagen/nieuw", views.attachment_add, name="attachment-add"),
    path("casussen/<int:case_id>/bijlagen/<int:attachment_id>", views.attachment_download,
         name="attachment-download"),
    path("casussen/<int:case_id>/procesregisseur", views_caseload.direction, name="direction"),
    path("werklast", views_caseload.workload, name="workload"),
    path("werklast/verloop", views_caseload.workload_history, name="workload-history"),
    path("aanmeldingen/<int:case_id>", views.intake_receipt, name="receipt"),
    path("aanmeldingen/<int:case_id>/pdf", views.intake_receipt_pdf, name="receipt-pdf"),
    path("aanmeldingen/nieuw", views.intake_start, name="intake-start"),
    path("aanmeldingen/nieuw/<slug:kind>", views.intake_create, name="intake-create"),
]
