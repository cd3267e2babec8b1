from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "opencasus.core"
    label = "core"
    verbose_name = "Open Casus"

    def ready(self) -> None:
        from opencasus.core.api import schema_extensions  # noqa: F401 - registers the extensions
