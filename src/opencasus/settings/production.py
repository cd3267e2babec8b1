"""Production: PostgreSQL, Redis, HTTPS. Refuses to start when anything essential is missing."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
OPENCASUS_FIELD_KEY = os.environ.get("OPENCASUS_FIELD_KEY", "")

if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("demo-", "test-", "django-insecure")):
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of at least 50 characters.")
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the hosts this installation serves.")
if len(OPENCASUS_FIELD_KEY) < 32:
    raise ImproperlyConfigured("OPENCASUS_FIELD_KEY must be set to a random value of at least 32 characters.")
if env_bool("OPENCASUS_DEMO_WITHOUT_SECOND_FACTOR") or env_bool("DEBUG"):
    raise ImproperlyConfigured("DEBUG and switching off the second factor are not allowed in production.")
OPENCASUS_REQUIRE_SECOND_FACTOR = True

CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)

# Every node shares one cache (request throttling, password-reset limits, the schedulers' locks): Redis,
# never a cache per process. Without CACHE_URL the broker's Redis server, database 1. Sessions are in the
# database (SESSION_ENGINE), shared by every node too.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                      "LOCATION": os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/1")}}

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")}}  # noqa: F405
