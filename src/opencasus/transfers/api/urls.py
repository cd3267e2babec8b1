from django.urls import path

from opencasus.transfers.api import views

urlpatterns = [
    path("transfers", views.TransferListView.as_view(), name="transfers"),
    path("transfers/<int:transferId>", views.TransferDetailView.as_view(), name="transfer"),
    path("transfers/<int:transferId>/acceptance", views.TransferAcceptanceView.as_view(), name="transfer-acceptance"),
    path("transfers/<int:transferId>/refusal", views.TransferRefusalView.as_view(), name="transfer-refusal"),
    path("information-items/<int:informationItemId>/transferability", views.TransferabilityView.as_view(),
         name="information-item-transferability"),
    path("cases/<int:caseId>/co-directors", views.CoDirectorListView.as_view(), name="case-co-directors"),
    path("cases/<int:caseId>/co-directors/<int:coDirectorId>", views.CoDirectorDetailView.as_view(),
         name="case-co-director"),
    path("cases/<int:caseId>/co-directors/<int:coDirectorId>/participants", views.CoParticipantView.as_view(),
         name="case-co-director-participants"),
]
