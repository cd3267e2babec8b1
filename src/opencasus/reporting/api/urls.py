from django.urls import path

from opencasus.reporting.api import views, views_national

urlpatterns = [
    path("dashboards/national", views_national.NationalDashboardView.as_view(), name="reporting-national-dashboard"),
    path("dashboards/houses/<int:house_id>", views.HouseDashboardView.as_view(), name="reporting-house-dashboard"),
    path("dashboards/municipalities/<str:code>", views.MunicipalityDashboardView.as_view(),
         name="reporting-municipality-dashboard"),
    path("dashboards/regions/<str:code>", views.RegionDashboardView.as_view(), name="reporting-region-dashboard"),
    path("reports/municipal-annual/<str:code>/<int:year>", views.AnnualReportView.as_view(),
         name="reporting-annual-report"),
    path("reports/municipal-annual/<str:code>/<int:year>/xlsx", views.AnnualReportXlsxView.as_view(),
         name="reporting-annual-report-xlsx"),
    path("reports/municipal-annual/<str:code>/<int:year>/pdf", views.AnnualReportPdfView.as_view(),
         name="reporting-annual-report-pdf"),
    path("recidivism", views.RecidivismView.as_view(), name="reporting-recidivism"),
    path("recidivism-key-lists", views.KeyListExportView.as_view(), name="reporting-recidivism-key-lists"),
    path("recidivism-imports", views.IncidentImportListView.as_view(), name="reporting-recidivism-imports"),
    path("recidivism-imports/<int:import_id>", views.IncidentImportDetailView.as_view(),
         name="reporting-recidivism-import"),
    path("trend-signals", views.TrendSignalsView.as_view(), name="reporting-trend-signals"),
    path("advice", views.AdviceView.as_view(), name="reporting-advice"),
]
