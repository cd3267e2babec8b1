"""The production settings plus the benchmark tools, for `make loadtest` only (bench/run_load_test.sh):
its management commands (prepare_load_test) live in the development-only `scale` app."""

from .base import DEVELOPMENT_APPS
from .production import *  # noqa: F403
from .production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, *DEVELOPMENT_APPS]
