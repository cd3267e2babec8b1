"""Open Casus: case collaboration for Dutch (Zorg- en) Veiligheidshuizen."""

from opencasus.celery import app as celery_app

__all__ = ["celery_app"]
