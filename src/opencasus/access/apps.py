from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "opencasus.access"
    label = "access"
    verbose_name = "Access policy"
