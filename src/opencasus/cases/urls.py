from django.urls import path

from opencasus.cases import views

app_name = "cases"

urlpatterns = [
    path("casussen", views.case_list, name="list"),
    path("zoeken", views.case_search, name="search"),
    path("casussen/<int:case_id>", views.case_detail, name="detail"),
    path("casussen/<int:case_id>/informatie/nieuw", views.information_add, name="information-add"),
    path("casussen/<int:case_id>/bijlagen/nieuw", views.attachment_add, name="attachment-add"),
    path("casussen/<int:case_id>/bijlagen/<int:attachment_id>", views.attachment_download,
         name="attachment-download"),
    path("aanmeldingen/nieuw", views.intake_start, name="intake-start"),
    path("aanmeldingen/nieuw/<slug:kind>", views.intake_create, name="intake-create"),
]
