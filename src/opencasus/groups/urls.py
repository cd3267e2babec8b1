from django.urls import path

from opencasus.groups import views

app_name = "groups"

urlpatterns = [
    path("casussen/<int:case_id>/groep", views.group_page, name="group"),
    path("casussen/<int:case_id>/groep/leden/nieuw", views.member_new, name="member-new"),
    path("casussen/<int:case_id>/groep/leden/<int:member_id>", views.member_detail, name="member"),
]
