from django.urls import path

from opencasus.regiescan.api import views

urlpatterns = [
    path("regie-scans", views.ScanListView.as_view(), name="regie-scans"),
    path("regie-scans/<int:regieScanId>", views.ScanDetailView.as_view(), name="regie-scan"),
    path("regie-scans/<int:regieScanId>/answers", views.ScanAnswersView.as_view(), name="regie-scan-answers"),
    path("regie-scans/<int:regieScanId>/submission", views.ScanSubmissionView.as_view(),
         name="regie-scan-submission"),
    path("houses/<int:houseId>/regie-scan-questionnaire", views.QuestionnaireView.as_view(),
         name="regie-scan-questionnaire"),
    path("houses/<int:houseId>/regie-scan-settings", views.SettingsView.as_view(), name="regie-scan-settings"),
    path("houses/<int:houseId>/regie-scan-themes", views.ThemeListView.as_view(), name="regie-scan-themes"),
    path("houses/<int:houseId>/regie-scan-themes/<int:themeId>", views.ThemeView.as_view(),
         name="regie-scan-theme"),
    path("houses/<int:houseId>/regie-scan-questions", views.QuestionListView.as_view(),
         name="regie-scan-questions"),
    path("houses/<int:houseId>/regie-scan-questions/<int:questionId>", views.QuestionView.as_view(),
         name="regie-scan-question"),
]
