from django.urls import path

from opencasus.aftercare.api import views

urlpatterns = [
    path("cases/<int:caseId>/aftercare-timeline", views.CaseTimelineView.as_view(), name="aftercare-timeline"),
    path("aftercare-items", views.ItemListView.as_view(), name="aftercare-items"),
    path("aftercare-items/<int:itemId>", views.ItemDetailView.as_view(), name="aftercare-item"),
    path("aftercare-items/<int:itemId>/handover", views.HandoverView.as_view(), name="aftercare-item-handover"),
    path("expected-releases", views.ReleaseListView.as_view(), name="expected-releases"),
    path("expected-releases/<int:releaseId>", views.ReleaseDetailView.as_view(), name="expected-release"),
    path("expected-releases/<int:releaseId>/intake", views.ReleaseIntakeView.as_view(),
         name="expected-release-intake"),
    path("release-imports", views.ReleaseImportListView.as_view(), name="release-imports"),
    path("release-imports/<int:importId>", views.ReleaseImportDetailView.as_view(), name="release-import"),
    path("houses/<int:houseId>/aftercare-settings", views.SettingsView.as_view(), name="aftercare-settings"),
    path("houses/<int:houseId>/aftercare-figures", views.FiguresView.as_view(), name="aftercare-figures"),
]
