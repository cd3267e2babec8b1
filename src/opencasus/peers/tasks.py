from celery import shared_task

from opencasus.peers import services


@shared_task(name="opencasus.peers.tasks.ask_peers")
def ask_peers(case_id: int) -> int:
    """Ask the peer installations about an intake's persons; returns the number of peers asked."""
    return len(services.peers_ask(case_id=case_id))
