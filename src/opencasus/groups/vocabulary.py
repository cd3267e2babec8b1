"""The words of the group approach (Dutch in the catalogue): a member's role in the group and the tiers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberRole(models.TextChoices):
    LEADER = "leader", _("Leader")
    CORE_MEMBER = "core_member", _("Core member")
    FOLLOWER = "follower", _("Follower")


# Tiers of the group approach: 1 the hard core that needs an individual approach, 3 the outer ring.
MIN_TIER = 1
MAX_TIER = 3
