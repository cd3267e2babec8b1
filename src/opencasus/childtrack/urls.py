from django.urls import path

from opencasus.childtrack import views

app_name = "childtrack"

urlpatterns = [
    path("casussen/<int:case_id>/kindspoor/huiselijk-geweld", views.flag, name="flag"),
    path("casussen/<int:case_id>/kindspoor", views.case_child_track, name="case"),
    path("huizen/<int:house_id>/kindspoor", views.configuration, name="configuration"),
]
