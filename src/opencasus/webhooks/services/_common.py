from __future__ import annotations

from typing import TYPE_CHECKING

from opencasus.access import roles
from opencasus.logbook import purposes
from opencasus.logbook.models import Action, ActivityCode
from opencasus.logbook.services import Who, record_processing

if TYPE_CHECKING:
    from opencasus.accounts.models import User

SYSTEM = Who.system("webhooks")


def log(*, actor: User | None, house_id: int, action: Action | str, object_type: str, object_id: int) -> None:
    """Subscriptions and deliveries hold no personal data: one record without a data subject."""
    record_processing(action=action, activity_code=ActivityCode.NETWORK, purpose=purposes.WEBHOOKS,
                      who=roles.who(actor, house_id) if actor is not None else SYSTEM, house_id=house_id,
                      object_type=object_type, object_id=object_id)
