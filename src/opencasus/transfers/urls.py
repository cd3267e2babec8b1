from django.urls import path

from opencasus.transfers import views

app_name = "transfers"

urlpatterns = [
    path("casussen/<int:case_id>/overdragen", views.propose, name="propose"),
    path("casussen/<int:case_id>/coregie", views.co_directors, name="co-directors"),
    path("overdrachten", views.transfer_list, name="list"),
    path("overdrachten/<int:transfer_id>", views.transfer_detail, name="detail"),
    path("informatie/<int:item_id>/overdraagbaar", views.item_transferable, name="item-transferable"),
]
