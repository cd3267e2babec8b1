from django.urls import path

from opencasus.regiescan import views

app_name = "regiescan"

urlpatterns = [
    path("regiescan", views.index, name="index"),
    path("regiescan/starten", views.start, name="start"),
    path("regiescan/<int:scan_id>", views.detail, name="detail"),
    path("huizen/<int:house_id>/regiescan", views.config, name="config"),
    path("huizen/<int:house_id>/regiescan/themas/nieuw", views.theme, name="theme-new"),
    path("huizen/<int:house_id>/regiescan/themas/<int:theme_id>", views.theme, name="theme"),
    path("huizen/<int:house_id>/regiescan/vragen/nieuw", views.question, name="question-new"),
    path("huizen/<int:house_id>/regiescan/vragen/<int:question_id>", views.question, name="question"),
]
