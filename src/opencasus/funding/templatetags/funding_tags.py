from __future__ import annotations

from decimal import Decimal

from django import template

from opencasus.funding.money import format_euros

register = template.Library()


@register.filter
def euros(cents: int | None) -> str:
    """Cents as "€ 7.700.000,00"; "\u2013" when withheld or not known."""
    return format_euros(cents)


@register.filter
def percent(share: Decimal | None) -> str:
    """A share as "4,1234 %" (Dutch decimal comma); "\u2013" when not set."""
    if share is None:
        return "\u2013"
    return f"{share.normalize():f}".replace(".", ",") + " %"


@register.filter
def thousands(number: int | None) -> str:
    """121000 as "121.000" (Dutch thousands separator)."""
    return "" if number is None else f"{number:,}".replace(",", ".")
