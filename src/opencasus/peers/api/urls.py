from django.urls import path

from opencasus.peers.api import views

urlpatterns = [
    path("peer-hit-checks", views.PeerHitCheckView.as_view(), name="peer-hit-checks"),
]
