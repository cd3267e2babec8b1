from django.urls import path

from opencasus.zsm.api import views

urlpatterns = [
    path("cases/<int:caseId>/zsm-advice", views.AdviceView.as_view(), name="case-zsm-advice"),
    path("zsm-queries", views.ZsmQueryView.as_view(), name="zsm-queries"),
]
