"""Celery application. Defaults to the production settings, like `wsgi.py`; in the embedded demo tasks
run inline (CELERY_TASK_ALWAYS_EAGER) and no worker is started."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opencasus.settings.production")

app = Celery("opencasus")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    # Verifies every chain and stores the outcome for the privacy officers (privacy.LogVerification).
    "verify-processing-log": {"task": "opencasus.privacy.tasks.verify_processing_log", "schedule": crontab(minute=15)},
    "apply-retention": {"task": "opencasus.privacy.tasks.apply_retention", "schedule": crontab(hour=2, minute=30)},
    # Next year's partition of the processing log exists long before the year starts (idempotent).
    "ensure-log-partitions": {"task": "opencasus.logbook.tasks.ensure_log_partitions",
                              "schedule": crontab(hour=3, minute=10)},
    # Rebuilds the months of the dashboard summary that changes marked stale (reporting.summary).
    "refresh-dashboard-figures": {"task": "opencasus.reporting.tasks.refresh_dashboard_figures",
                                  "schedule": crontab(minute="*/10")},
    "plan-reminders": {"task": "opencasus.plans.tasks.send_plan_reminders", "schedule": crontab(hour=7, minute=0)},
    "information-request-reminders": {"task": "opencasus.triage.tasks.signal_overdue_information_requests",
                                      "schedule": crontab(hour=7, minute=5)},
    "confirmation-reminders": {"task": "opencasus.meetings.tasks.signal_overdue_confirmations",
                               "schedule": crontab(hour=7, minute=10)},
    "crisis-lane-reminders": {"task": "opencasus.meetings.tasks.signal_overdue_crisis_deadlines",
                              "schedule": crontab(hour=7, minute=15)},
    "aftercare-reminders": {"task": "opencasus.aftercare.tasks.signal_overdue_items",
                            "schedule": crontab(hour=7, minute=15)},
    "topx-review-reminders": {"task": "opencasus.topx.tasks.signal_overdue_reviews",
                              "schedule": crontab(hour=7, minute=15)},
}
