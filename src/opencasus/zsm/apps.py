from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZsmConfig(AppConfig):
    name = "opencasus.zsm"
    label = "zsm"
    verbose_name = _("ZSM")
