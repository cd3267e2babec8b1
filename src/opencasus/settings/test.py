"""Settings for the test suite: SQLite by default, PostgreSQL when DATABASE_URL is set."""

from .base import *  # noqa: F403
from .base import DEVELOPMENT_APPS, INSTALLED_APPS

# The data generator and benchmarks (not part of a production install).
INSTALLED_APPS = [*INSTALLED_APPS, *DEVELOPMENT_APPS]

SECRET_KEY = "test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
OPENCASUS_FIELD_KEY = "test-field-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
AXES_ENABLED = True
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
OTP_TOTP_THROTTLE_FACTOR = 0  # throttling of wrong codes is tested separately
WEBHOOK_ALLOW_LOCAL_HTTP = True  # the webhook tests deliver to a receiver on 127.0.0.1

OPENCASUS_OIDC_ALLOW_HTTP = True
