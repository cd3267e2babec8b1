from __future__ import annotations

from typing import Any

from opencasus.access import regiescan as access


def nav_visible(user: Any) -> bool:
    return access.uses_scan(user)
