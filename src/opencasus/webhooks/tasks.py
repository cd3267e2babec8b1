from celery import shared_task

from opencasus.webhooks.services import delivery as delivery_services
from opencasus.webhooks.vocabulary import DeliveryStatus


@shared_task(name="opencasus.webhooks.tasks.deliver_webhook")
def deliver_webhook(delivery_id: int) -> str:
    """One attempt; a failure below the maximum schedules the next with exponential back-off."""
    delivery = delivery_services.attempt_delivery(delivery_id=delivery_id)
    if delivery.status == DeliveryStatus.RETRYING:
        deliver_webhook.apply_async(args=[delivery_id], countdown=delivery_services.backoff_seconds(delivery.attempts))
    return str(delivery.status)
