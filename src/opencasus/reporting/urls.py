from django.urls import path

from opencasus.reporting import views, views_data, views_national

app_name = "reporting"

urlpatterns = [
    path("managementinformatie", views.index, name="index"),
    # Before the dashboards' <kind>/<key>: "landelijk/export.csv" would match them.
    path("managementinformatie/landelijk", views_national.national_dashboard, name="national"),
    path("managementinformatie/landelijk/export.<str:fmt>", views_national.national_dashboard_export,
         name="national-export"),
    path("managementinformatie/<str:kind>/<str:key>", views.dashboard, name="dashboard"),
    path("managementinformatie/<str:kind>/<str:key>/export.<str:fmt>", views.dashboard_export,
         name="dashboard-export"),
    path("managementinformatie/gemeenten/<str:code>/jaarverslag/<int:year>", views.annual_report,
         name="annual-report"),
    path("managementinformatie/gemeenten/<str:code>/jaarverslag/<int:year>.<str:fmt>", views.annual_report_export,
         name="annual-report-export"),
    path("managementinformatie/gemeenten/<str:code>/adviezen", views_data.advice_list_view, name="advice-list"),
    path("managementinformatie/huizen/<int:house_id>/adviezen/nieuw", views_data.advice_new, name="advice-new"),
    path("managementinformatie/huizen/<int:house_id>/recidive", views_data.recidivism_view, name="recidivism"),
    path("managementinformatie/huizen/<int:house_id>/recidive/import", views_data.incident_upload,
         name="incident-upload"),
    path("managementinformatie/huizen/<int:house_id>/recidive/sleutellijst", views_data.key_list_view,
         name="key-list"),
    path("managementinformatie/recidive/imports/<int:import_id>", views_data.incident_import_view,
         name="incident-import"),
    path("managementinformatie/huizen/<int:house_id>/trendsignalen", views_data.trends, name="trends"),
]
