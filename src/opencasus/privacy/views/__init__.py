"""The privacy officer's pages. Only the house's privacy officer reaches them (others: 404)."""

from opencasus.privacy.views.overview import start_sections

__all__ = ["start_sections"]
