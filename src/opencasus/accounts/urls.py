from django.urls import path

from opencasus.accounts import password_views, views

app_name = "accounts"

urlpatterns = [
    path("inloggen", views.LoginView.as_view(), name="login"),
    path("uitloggen", views.LogoutView.as_view(), name="logout"),
    path("tweede-factor/instellen", views.enrol, name="enrol"),
    path("tweede-factor", views.verify, name="verify"),
    path("account/api-token", views.api_token, name="api-token"),
    path("wachtwoord-vergeten", password_views.PasswordResetRequestView.as_view(), name="password-reset"),
    path("wachtwoord-vergeten/verstuurd", password_views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path("wachtwoord-herstellen/gelukt", password_views.PasswordResetCompleteView.as_view(),
         name="password-reset-complete"),
    path("wachtwoord-herstellen/<uidb64>/<token>", password_views.PasswordResetConfirmView.as_view(),
         name="password-reset-confirm"),
    path("account/instellingen", views.settings_view, name="settings"),
]
