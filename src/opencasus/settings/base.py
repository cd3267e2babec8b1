"""Settings shared by every environment. Values come from environment variables."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent  # src/opencasus
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("OPENCASUS_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    # The project's apps come first: translations of apps listed earlier win, so our own wording
    # ("Inloggen", "Uitloggen") is used rather than the admin's ("Aanmelden", "Afmelden").
    "opencasus.core",
    "opencasus.accounts",
    "opencasus.network",
    "opencasus.logbook",
    "opencasus.access",
    "opencasus.cases",
    "opencasus.triage",
    "opencasus.meetings",
    "opencasus.plans",
    "opencasus.followup",
    "opencasus.zsm",
    "opencasus.peers",
    "opencasus.aftercare",
    "opencasus.childtrack",
    "opencasus.groups",
    "opencasus.topx",
    "opencasus.transfers",
    "opencasus.privacy",
    "opencasus.governance",
    "opencasus.reporting",
    "opencasus.regiescan",
    "opencasus.funding",
    "opencasus.notifications",
    "opencasus.webhooks",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "rest_framework.authtoken",  # only for its migrations: the old plain-text tokens were revoked
    "knox",
    "drf_spectacular",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

# Follow-through: a routed or advised intake is checked back on this many days after the decision, unless the
# decision names another date.
OPENCASUS_CHECK_BACK_DAYS = int(os.environ.get("OPENCASUS_CHECK_BACK_DAYS", "28"))

# Mandates: a decision beyond a participant's mandate waits for the organisation's confirmation this many working
# days (Monday to Friday) unless core staff give another deadline.
OPENCASUS_CONFIRMATION_WORKING_DAYS = int(os.environ.get("OPENCASUS_CONFIRMATION_WORKING_DAYS", "10"))

# Apps for development only: the national data generator and the benchmarks (`make bench-data`,
# `make bench`, `make loadtest`). The demo and test settings add them; production does not.
DEVELOPMENT_APPS = ["opencasus.scale"]

# A request body beyond Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) is refused; a file upload may carry an
# attachment of up to 10 MB (cases.services.attachments.MAX_ATTACHMENT_BYTES) and its form fields.
OPENCASUS_MAX_UPLOAD_REQUEST_BYTES = 11 * 1024 * 1024

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "opencasus.core.db_outage.DatabaseOutageMiddleware",
    "opencasus.core.middleware.RejectNulBytesMiddleware",
    "opencasus.core.api.limits.ApiRequestLimitsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "opencasus.accounts.middleware.SessionIdleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The language is the user's choice (accounts.User.language), not the browser's header.
    "opencasus.accounts.middleware.UserLanguageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "opencasus.core.middleware.RequestContextMiddleware",
    "opencasus.logbook.refusals.RefusedAccessMiddleware",
    "opencasus.accounts.middleware.SecondFactorRequiredMiddleware",
    "opencasus.core.middleware.SecurityHeadersMiddleware",
    "opencasus.core.api.versioning.ApiVersionHeaderMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "opencasus.urls"
WSGI_APPLICATION = "opencasus.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "opencasus.core.context_processors.navigation",
                "opencasus.access.context_processors.houses",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'opencasus.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite (the embedded demo) with a small team at once: in WAL mode readers go on while one connection
# writes; every transaction takes the write lock when it begins (IMMEDIATE) and waits up to the busy
# timeout for another writer, instead of failing with "database is locked" (a 503) when a transaction
# that began by reading tries to write.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT_SECONDS", "20")),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
# A PostgreSQL streaming replica for management information (opencasus.core.db_router): only code marked
# `@reads_from_replica` reads there, while the replica is reachable and at most OPENCASUS_REPLICA_MAX_LAG
# seconds behind (asked at most every OPENCASUS_REPLICA_CHECK_SECONDS per process). Without
# DATABASE_REPLICA_URL everything reads the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    if DATABASES["replica"]["ENGINE"] == "django.db.backends.postgresql":
        # A replica that does not answer is given up quickly; the report then reads the primary.
        DATABASES["replica"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["opencasus.core.db_router.ReplicaRouter"]
OPENCASUS_REPLICA_MAX_LAG = float(os.environ.get("OPENCASUS_REPLICA_MAX_LAG", "10"))
OPENCASUS_REPLICA_CHECK_SECONDS = float(os.environ.get("OPENCASUS_REPLICA_CHECK_SECONDS", "5"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Sign-in through an organisation's identity provider (OpenID Connect), chosen per request.
    "opencasus.network.identity.backend.ProviderBackend",
]
# mozilla-django-oidc: the provider, its endpoints and client come from the database (network.identity);
# these settings are the ones common to every provider. Accounts are matched, never created.
OIDC_AUTHENTICATION_CALLBACK_URL = "network:oidc-callback"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
# Plain http for a provider's address only in development and tests.
OPENCASUS_OIDC_ALLOW_HTTP = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "opencasus.accounts.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A password-reset link works once and for 24 hours (accounts.passwords).
PASSWORD_RESET_TIMEOUT = 24 * 3600
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:start"
LOGOUT_REDIRECT_URL = "accounts:login"

# The second factor. Only the demo settings may switch it off; production refuses that.
OPENCASUS_REQUIRE_SECOND_FACTOR = True
OTP_TOTP_ISSUER = "Open Casus"

# Login throttling (django-axes): lock the username+address after 5 failures for 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_USERNAME_CALLABLE = "opencasus.core.middleware.axes_username"

# Sessions live in the database, which every application node shares (not in a per-process cache).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Sessions end after 30 minutes of inactivity and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", "1800"))
# A used session is written (and its expiry moved) at most once a minute, not on every request:
# accounts.middleware.SessionIdleMiddleware.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_TOUCH_SECONDS = int(os.environ.get("SESSION_TOUCH_SECONDS", "60"))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS: list[Path] = []
# Dutch dates as "3 december 2026" (opencasus/core/formats/nl/formats.py).
FORMAT_MODULE_PATH = ["opencasus.core.formats"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media-not-served/"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@opencasus.invalid")
# Where links in e-mails point to (no personal data in e-mails: only a reference and a link).
OPENCASUS_SITE_URL = os.environ.get("OPENCASUS_SITE_URL", os.environ.get("OPENCASUS_BASE_URL",
                                                                        "http://127.0.0.1:8000"))
OPENCASUS_BASE_URL = OPENCASUS_SITE_URL  # the former name
# Webhooks (CloudEvents): the installation's source URN or URL, and the API address the events link to.
WEBHOOK_SOURCE = os.environ.get("WEBHOOK_SOURCE", "urn:nld:opencasus")
WEBHOOK_API_BASE_URL = os.environ.get("WEBHOOK_API_BASE_URL", f"{OPENCASUS_SITE_URL.rstrip('/')}/api/v1")

# Hash chains of the processing log per house: concurrent requests of one house append to different
# chains instead of queueing for one lock (see opencasus.logbook.chains). At least the number of
# request threads that may log at once for one house.
OPENCASUS_LOG_CHAINS_PER_HOUSE = int(os.environ.get("OPENCASUS_LOG_CHAINS_PER_HOUSE", "16"))

# The privacy officer's signal for someone trying case numbers: more than this many refused attempts
# to open a case (hidden or missing) by one professional within this many minutes.
OPENCASUS_REFUSED_ACCESS_COUNT = int(os.environ.get("OPENCASUS_REFUSED_ACCESS_COUNT", "10"))
OPENCASUS_REFUSED_ACCESS_WINDOW_MINUTES = int(os.environ.get("OPENCASUS_REFUSED_ACCESS_WINDOW_MINUTES", "10"))

# Key for encrypting and hashing identifiers (BSN). Production must set its own.
OPENCASUS_FIELD_KEY = os.environ.get("OPENCASUS_FIELD_KEY", "")
# The hit check across installations (see `opencasus.peers.config`): off unless all three are set.
OPENCASUS_INSTALLATION_NAME = os.environ.get("OPENCASUS_INSTALLATION_NAME", "")
OPENCASUS_PEER_PSEUDONYM_KEY = os.environ.get("OPENCASUS_PEER_PSEUDONYM_KEY", "")
OPENCASUS_PEERS = json.loads(os.environ.get("OPENCASUS_PEERS", "[]"))

# API tokens (django-rest-knox): only a hash is stored. A professional's token ends after
# OPENCASUS_TOKEN_IDLE_HOURS without use (each use moves the expiry on); a system client's token ends on
# the date the functional administrator set (see opencasus.core.api.authentication).
REST_KNOX = {
    "AUTH_HEADER_PREFIX": "Bearer",
    "TOKEN_TTL": dt.timedelta(hours=int(os.environ.get("OPENCASUS_TOKEN_IDLE_HOURS", "12"))),
    "AUTO_REFRESH": True,
    "MIN_REFRESH_INTERVAL": 60,
    "TOKEN_LIMIT_PER_USER": None,
}
OPENCASUS_SYSTEM_TOKEN_MAX_DAYS = int(os.environ.get("OPENCASUS_SYSTEM_TOKEN_MAX_DAYS", "366"))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "opencasus.core.api.authentication.BearerTokenAuthentication",
        "opencasus.core.api.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["opencasus.core.api.wire.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "opencasus.core.api.parsers.JSONParser",
        "opencasus.core.api.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "opencasus.core.api.problems.problem_exception_handler",
    "DEFAULT_PAGINATION_CLASS": "opencasus.core.api.pagination.Pagination",
    "PAGE_SIZE": 25,
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_RATES": {"anon": "60/min", "user": "1200/min", "token": "10/min"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Open Casus API",
    "DESCRIPTION": "Case collaboration for Dutch (Zorg- en) Veiligheidshuizen.",
    "VERSION": "1.0.0",
    "CONTACT": {"name": "Open Casus", "email": "api@opencasus.invalid", "url": "https://opencasus.invalid"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVERS": [{"url": "/api/v1", "description": "This installation"}],
    "POSTPROCESSING_HOOKS": [
        "opencasus.core.api.wire.schema_field_names",
        "drf_spectacular.hooks.postprocess_schema_enums",
        "opencasus.core.api.schema.adr_postprocess",
    ],
    "ENUM_NAME_OVERRIDES": {
        "RegieScanStatusEnum": "opencasus.regiescan.models.ScanStatus",
        "CaseStatusEnum": "opencasus.cases.workflow.Status",
        "MeetingStatusEnum": "opencasus.meetings.models.MeetingStatus",
        "InvitationStatusEnum": "opencasus.meetings.models.InvitationStatus",
        "MinutesStatusEnum": "opencasus.meetings.models.MinutesStatus",
        "RightsRequestStatusEnum": "opencasus.privacy.models.RightsRequestStatus",
        "RightsRequestKindEnum": "opencasus.privacy.models.RightsRequestKind",
        "TriageVerdictEnum": "opencasus.triage.models.Verdict",
        "TriageSessionStatusEnum": "opencasus.triage.models.SessionStatus",
        "InformationRequestStatusEnum": "opencasus.triage.models.RequestStatus",
        "LifeDomainEnum": "opencasus.cases.vocabulary.LifeDomain",
        "AgreementStatusEnum": "opencasus.plans.vocabulary.AgreementStatus",
        "EscalationStatusEnum": "opencasus.plans.vocabulary.EscalationStatus",
        "EscalationOutcomeEnum": "opencasus.plans.vocabulary.EscalationOutcome",
        "ClosureOutcomeEnum": "opencasus.plans.vocabulary.ClosureOutcome",
        "LastCheckResultEnum": "opencasus.followup.vocabulary.LastCheckResult",
        "GroupMemberRoleEnum": "opencasus.groups.vocabulary.MemberRole",
        "RoleEnum": "opencasus.network.models.Role",
        "CheckBackStatusEnum": "opencasus.followup.vocabulary.CheckBackStatus",
        "MonitoringStatusEnum": "opencasus.followup.vocabulary.MonitoringStatus",
        "ConsultationStatusEnum": "opencasus.followup.vocabulary.ConsultationStatus",
        "AftercareItemStatusEnum": "opencasus.aftercare.vocabulary.ItemStatus",
        "AftercareItemKindEnum": "opencasus.aftercare.vocabulary.ItemKind",
        "ReleaseMatchEnum": "opencasus.aftercare.vocabulary.ReleaseMatch",
        "SafetyOutcomeEnum": "opencasus.childtrack.models.SafetyOutcome",
        "TopxReviewOutcomeEnum": "opencasus.topx.vocabulary.ReviewOutcome",
        "TopxSourceEnum": "opencasus.topx.vocabulary.Source",
        "EscalationLevelEnum": "opencasus.plans.vocabulary.EscalationLevel",
        "GovernanceMeetingLevelEnum": "opencasus.governance.models.MeetingLevel",
        "MeetingActionStatusEnum": "opencasus.governance.models.ActionStatus",
    },
}

# A cache shared by all workers (request throttling: the API's rates, password-reset requests). Without
# CACHE_URL each process counts for itself.
if os.environ.get("CACHE_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["CACHE_URL"]}}

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", True)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
# Several schedulers (beat, one per node) may run: each sends a periodic task once per due time
# (opencasus.core.beat: a lock in the shared cache per task and due time).
CELERY_BEAT_SCHEDULER = "opencasus.core.beat:SingleRunScheduler"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "opencasus.core.log_filters.RedactIdentifiersFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
# DEBUG: one line per report, read from the replica or from the primary (opencasus.core.db_router).
if os.environ.get("OPENCASUS_DB_ROUTER_LOG_LEVEL"):
    LOGGING["loggers"] = {"opencasus.core.db_router": {"level": os.environ["OPENCASUS_DB_ROUTER_LOG_LEVEL"]}}
