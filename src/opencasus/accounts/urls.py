from django.urls import path

from opencasus.accounts import views

app_name = "accounts"

urlpatterns = [
    path("inloggen", views.LoginView.as_view(), name="login"),
    path("uitloggen", views.LogoutView.as_view(), name="logout"),
    path("tweede-factor/instellen", views.enrol, name="enrol"),
    path("tweede-factor", views.verify, name="verify"),
    path("account/api-token", views.api_token, name="api-token"),
    path("account/instellingen", views.settings_view, name="settings"),
]
