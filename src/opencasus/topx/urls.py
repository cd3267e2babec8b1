from django.urls import path

from opencasus.topx import views

app_name = "topx"

urlpatterns = [
    path("topx", views.list_index, name="lists"),
    path("topx/nieuw", views.list_new, name="list-new"),
    path("topx/kandidaten", views.candidate_index, name="candidates"),
    path("topx/kandidaten/<int:candidate_id>", views.candidate_detail, name="candidate"),
    path("topx/importen/<int:import_id>", views.import_report, name="import"),
    path("topx/<int:list_id>", views.list_detail, name="list"),
    path("topx/<int:list_id>/bewerken", views.list_edit, name="list-edit"),
    path("topx/<int:list_id>/voordragen", views.propose, name="propose"),
    path("topx/<int:list_id>/importeren", views.import_upload, name="import-upload"),
]
