from django.urls import path

from opencasus.aftercare import views

app_name = "aftercare"

urlpatterns = [
    path("casussen/<int:case_id>/nazorg", views.timeline, name="timeline"),
    path("nazorg", views.item_list, name="items"),
    path("nazorg/onderdelen/<int:item_id>", views.item_detail, name="item"),
    path("nazorg/vrijlatingen", views.release_list, name="releases"),
    path("nazorg/vrijlatingen/<int:release_id>", views.release_detail, name="release"),
    path("nazorg/import", views.import_new, name="import"),
    path("nazorg/import/<int:import_id>", views.import_report, name="import-report"),
    path("nazorg/instellingen", views.settings_page, name="settings"),
    path("nazorg/cijfers", views.figures_page, name="figures"),
]
