"""The embedded demo: SQLite, inline tasks, console e-mail. Never for production."""

import os

from .base import *  # noqa: F403
from .base import DEVELOPMENT_APPS, INSTALLED_APPS, env_bool

# The data generator and benchmarks (not part of a production install).
INSTALLED_APPS = [*INSTALLED_APPS, *DEVELOPMENT_APPS]

# DEBUG is off unless asked for (DEBUG=true): the demo shows the Dutch 403/404/500 pages, not Django's
# technical pages. Static files are served by WhiteNoise from the app directories (WHITENOISE_USE_FINDERS).
DEBUG = env_bool("DEBUG", False)
# Without DEBUG WhiteNoise would keep serving a static file as it was at start-up.
WHITENOISE_AUTOREFRESH = True
SECRET_KEY = os.environ.get("SECRET_KEY", "demo-only-secret-key-not-for-production-use-0123456789")
OPENCASUS_FIELD_KEY = os.environ.get("OPENCASUS_FIELD_KEY", "demo-only-field-key-not-for-production")
# The demo may switch the second factor off explicitly; production refuses this setting.
OPENCASUS_REQUIRE_SECOND_FACTOR = not env_bool("OPENCASUS_DEMO_WITHOUT_SECOND_FACTOR", False)
CELERY_TASK_ALWAYS_EAGER = True

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

OPENCASUS_OIDC_ALLOW_HTTP = True
