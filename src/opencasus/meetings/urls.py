from django.urls import path

from opencasus.meetings import views, views_confirmations, views_crisis, views_minutes

app_name = "meetings"

urlpatterns = [
    path("overleggen/", views.meeting_list, name="list"),
    path("overleggen/mijn/", views.my_meetings, name="mine"),
    path("overleggen/<int:meeting_id>/", views.agenda, name="agenda"),
    path("overleggen/<int:meeting_id>/bewerken/", views.meeting_edit, name="edit"),
    path("overleggen/<int:meeting_id>/status/", views.meeting_status, name="status"),
    path("overleggen/<int:meeting_id>/agenda/toevoegen/", views.agenda_add, name="agenda-add"),
    path("overleggen/<int:meeting_id>/agenda/ordenen/", views.agenda_optimise, name="optimise"),
    path("overleggen/<int:meeting_id>/uitnodigingen/", views.invitations_send, name="invite"),
    path("overleggen/<int:meeting_id>/aanwezigheid/", views_minutes.attendance, name="attendance"),
    path("overleggen/<int:meeting_id>/mandaten/", views_confirmations.mandates_save, name="mandates"),
    path("crisisroute/", views_crisis.crisis_lane, name="crisis-lane"),
    path("bevestigingen/", views_confirmations.confirmation_list, name="confirmations"),
    path("bevestigingen/<int:confirmation_id>/", views_confirmations.confirmation_detail, name="confirmation"),
    path("overleggen/<int:meeting_id>/punten/<int:item_id>/", views.agenda_item, name="item"),
    path("overleggen/<int:meeting_id>/punten/<int:item_id>/verplaatsen/", views.agenda_move, name="move"),
    path("overleggen/<int:meeting_id>/punten/<int:item_id>/verslag/", views_minutes.minutes, name="minutes"),
    path("overleggen/<int:meeting_id>/punten/<int:item_id>/verslag/vaststellen/", views_minutes.minutes_approve,
         name="approve"),
    path("overleggen/<int:meeting_id>/punten/<int:item_id>/besluiten/<int:decision_id>/afspraak/",
         views_minutes.decision_agreement, name="agreement"),
    path("overleggen/<int:meeting_id>/punten/<int:item_id>/besluiten/<int:decision_id>/termijn/",
         views_minutes.decision_deadline, name="decision-deadline"),
    path("overleggen/<int:meeting_id>/punten/<int:item_id>/stappenmeter/", views_minutes.self_report,
         name="self-report"),
]
