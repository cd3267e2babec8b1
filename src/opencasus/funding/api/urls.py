from django.urls import path

from opencasus.funding.api import views

urlpatterns = [
    path("funding-years", views.FundingYearListView.as_view(), name="funding-years"),
    path("funding-years/<int:year>", views.FundingYearView.as_view(), name="funding-year"),
    path("funding-years/<int:year>/region-splits/<str:regionCode>", views.RegionSplitView.as_view(),
         name="funding-region-split"),
    path("funding-years/<int:year>/inhabitants", views.InhabitantsListView.as_view(), name="funding-inhabitants"),
    path("funding-years/<int:year>/inhabitants/<str:municipalityCode>", views.InhabitantsView.as_view(),
         name="funding-inhabitant-count"),
    path("co-financings", views.CoFinancingListView.as_view(), name="co-financings"),
    path("co-financings/<int:coFinancingId>", views.CoFinancingView.as_view(), name="co-financing"),
    path("in-kind-contributions", views.InKindListView.as_view(), name="in-kind-contributions"),
    path("in-kind-contributions/<int:inKindContributionId>", views.InKindView.as_view(),
         name="in-kind-contribution"),
    path("houses/<int:houseId>/funding-reports/<int:year>", views.HouseReportView.as_view(),
         name="house-funding-report"),
    path("municipalities/<str:municipalityCode>/funding-reports/<int:year>", views.MunicipalityReportView.as_view(),
         name="municipality-funding-report"),
    path("regions/<str:regionCode>/funding-reports/<int:year>", views.RegionReportView.as_view(),
         name="region-funding-report"),
]
