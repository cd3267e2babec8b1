from django.urls import path

from opencasus.governance import views

app_name = "governance"

urlpatterns = [
    path("sturing/", views.index, name="index"),
    path("sturing/themas/<int:theme_id>", views.theme_detail, name="theme"),
    path("sturing/overleggen/nieuw", views.meeting_new, name="meeting-new"),
    path("sturing/overleggen/<int:meeting_id>", views.meeting_detail, name="meeting"),
    path("sturing/acties", views.action_list, name="actions"),
    path("sturing/acties/<int:action_id>", views.action_detail, name="action"),
]
