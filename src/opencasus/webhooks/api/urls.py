from django.urls import path

from opencasus.webhooks.api import views

urlpatterns = [
    path("webhook-subscriptions", views.SubscriptionListView.as_view(), name="webhook-subscriptions"),
    path("webhook-subscriptions/<int:subscriptionId>", views.SubscriptionDetailView.as_view(),
         name="webhook-subscription"),
    path("webhook-deliveries", views.DeliveryListView.as_view(), name="webhook-deliveries"),
    path("webhook-deliveries/<int:deliveryId>/attempts", views.DeliveryAttemptsView.as_view(),
         name="webhook-delivery-attempts"),
    path("webhook-deliveries/<int:deliveryId>/retry", views.DeliveryRetryView.as_view(), name="webhook-delivery-retry"),
]
