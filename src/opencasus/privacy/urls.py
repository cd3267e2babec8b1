from django.urls import path

from opencasus.privacy.views import accounts, log, overview, requests

app_name = "privacy"

H = "huizen/<int:house_id>/privacy"

urlpatterns = [
    path("privacy", overview.index, name="index"),
    path(H, overview.house_overview, name="house"),
    path(f"{H}/proefrun", overview.dry_run, name="dry-run"),
    path(f"{H}/bewaarruns/<int:run_id>", overview.retention_run, name="retention-run"),
    path(f"{H}/verificatie", overview.verify, name="verify"),
    path(f"{H}/signalen", overview.signals, name="signals"),
    path(f"{H}/inzage", requests.subject_access, name="subject-access"),
    path(f"{H}/inzage/<int:request_id>", requests.subject_access_detail, name="subject-access-detail"),
    path(f"{H}/inzage/<int:request_id>/<str:fmt>", requests.subject_access_download,
         name="subject-access-download"),
    path(f"{H}/verzoeken", requests.rights_requests, name="rights-requests"),
    path(f"{H}/verzoeken/<int:request_id>", requests.rights_request, name="rights-request"),
    path(f"{H}/logboek", log.log_search, name="log"),
    path(f"{H}/logboek/export", log.log_export, name="log-export"),
    path(f"{H}/accountlogboek", accounts.account_log, name="account-log"),
]
