from django.urls import path

from opencasus.triage import views

app_name = "triage"

urlpatterns = [
    path("weegoverleg", views.queue, name="queue"),
    path("weegoverleg/zaken/<int:case_id>/beoordeling", views.assessment, name="assessment"),
    path("weegoverleg/zaken/<int:case_id>/besluit", views.decision, name="decision"),
    path("weegoverleg/zaken/<int:case_id>/deelnemers", views.participants, name="participants"),
    path("weegoverleg/zaken/<int:case_id>/deelnemers/<int:participant_id>/beeindigen", views.participant_end,
         name="participant-end"),
]
