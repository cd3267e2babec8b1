"""Fill the embedded database with the demo: a realistic, synthetic network (and, per app, cases)."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from opencasus.network.demo import DEMO_PASSWORD, load_network
from opencasus.network.models import Role

QUIET_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def demo_steps() -> list[Any]:
    """Each app may have `demo.py` with `load_demo_data(house)` (idempotent); called in INSTALLED_APPS order."""
    steps = []
    for config in apps.get_app_configs():
        if not config.name.startswith("opencasus.") or config.name == "opencasus.network":
            continue
        module_name = f"{config.name}.demo"
        if find_spec(module_name) is not None:
            module = import_module(module_name)
            if hasattr(module, "load_demo_data"):
                steps.append(module.load_demo_data)
    return steps


class Command(BaseCommand):
    help = "Load the demo data (idempotent) and print a login for every role."

    def handle(self, *args: Any, **options: Any) -> None:
        if (settings.SETTINGS_MODULE or "").endswith(".production"):
            raise CommandError("The demo data is never loaded in production.")
        # The demo sends invitations and reminders while it loads: keep those e-mails in memory, so
        # that the console shows only the logins below.
        with override_settings(EMAIL_BACKEND=QUIET_EMAIL_BACKEND), transaction.atomic():
            house, logins = load_network()
            for step in demo_steps():
                step(house)
        labels = dict(Role.choices)
        self.stdout.write(self.style.SUCCESS(f"Demo loaded: {house.name}"))
        self.stdout.write(f"Password for every demo login: {DEMO_PASSWORD}")
        self.stdout.write("Second factor: add the TOTP key to an authenticator app, or print the current code")
        self.stdout.write("with: .venv/bin/python manage.py totp_code <username>")
        self.stdout.write("")
        self.stdout.write(f"{'username':28} {'role':34} {'TOTP key':34} organisation")
        for login in logins:
            role = str(labels[login.role])
            self.stdout.write(f"{login.username:28} {role:34} {login.totp_secret:34} {login.organisation}")
