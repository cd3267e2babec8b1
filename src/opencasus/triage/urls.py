from django.urls import path

from opencasus.triage import views, views_table

app_name = "triage"

urlpatterns = [
    path("weegoverleg", views.queue, name="queue"),
    path("weegoverleg/zaken/<int:case_id>/beoordeling", views.assessment, name="assessment"),
    path("weegoverleg/zaken/<int:case_id>/besluit", views.decision, name="decision"),
    path("weegoverleg/zaken/<int:case_id>/deelnemers", views.participants, name="participants"),
    path("weegoverleg/zaken/<int:case_id>/deelnemers/<int:participant_id>/beeindigen", views.participant_end,
         name="participant-end"),
    # The triage table with its partners.
    path("weegoverleg/tafelleden", views_table.standing_members, name="standing-members"),
    path("weegoverleg/tafelleden/<int:member_id>/beeindigen", views_table.standing_member_end,
         name="standing-member-end"),
    path("weegoverleg/sessies", views_table.sessions, name="sessions"),
    path("weegoverleg/sessies/<int:session_id>", views_table.session, name="session"),
    path("weegoverleg/sessies/<int:session_id>/intakes", views_table.session_intakes, name="session-intakes"),
    path("weegoverleg/sessies/<int:session_id>/intakes/<int:case_id>/verwijderen", views_table.session_intake_remove,
         name="session-intake-remove"),
    path("weegoverleg/sessies/<int:session_id>/status", views_table.session_status, name="session-status"),
    path("weegoverleg/tafel/zaken/<int:case_id>", views_table.table_intake, name="table-intake"),
    path("weegoverleg/zaken/<int:case_id>/informatieverzoeken/nieuw", views_table.request_new, name="request-new"),
    path("weegoverleg/informatieverzoeken", views_table.requests, name="requests"),
    path("weegoverleg/informatieverzoeken/<int:request_id>", views_table.request_detail, name="request"),
    path("weegoverleg/informatieverzoeken/<int:request_id>/intrekken", views_table.request_withdraw,
         name="request-withdraw"),
]
