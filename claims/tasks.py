"""Celery tasks of the claims app: thin wrappers of its services (queue nlp: they run the encoder)."""

from __future__ import annotations

from celery import shared_task
from django.db import InterfaceError, OperationalError


@shared_task(autoretry_for=(OperationalError, InterfaceError), retry_backoff=True, max_retries=5, acks_late=True)
def claim_embed(claim_id: int) -> None:
    """Embed a claim's content again, e.g. after a curator edited it."""
    from claims.services.embedding import claim_embed

    claim_embed(claim_id=claim_id)
