"""manage.py make_synthetic_claims: fill the database with realistic-looking claims for benchmarks.

How they are made: ``evaluation.synthetic``. ``--clear`` removes earlier synthetic data first.
"""

from __future__ import annotations

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from evaluation.synthetic import source_sentences, synthetic_clear, synthetic_create


class Command(BaseCommand):
    help = "Create synthetic articles, speakers, claims, relations and disputes from real sentences (bulk)."

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=10_000, help="How many claims to create.")
        parser.add_argument("--articles", type=int, default=None, help="How many articles (default claims/10).")
        parser.add_argument("--speakers", type=int, default=None, help="How many speakers (default claims/200, 40+).")
        parser.add_argument("--seed", type=int, default=None, help="Random seed, for a reproducible data set.")
        parser.add_argument("--clear", action="store_true", help="Delete earlier synthetic data first.")

    def handle(self, *args, claims: int, articles: int | None, speakers: int | None, seed, clear: bool, **opts) -> str:
        if claims < 1:
            raise CommandError("--claims must be at least 1.")
        articles = max(1, min(claims, articles or claims // 10))
        speakers = max(2, speakers or max(40, claims // 200))
        rng = random.Random(seed)
        started = time.monotonic()
        if clear:
            self.stdout.write(f"Removed {synthetic_clear()} synthetic articles (and their claims).")
        sentences = source_sentences()
        with transaction.atomic():
            counts = synthetic_create(rng=rng, sentences=sentences, claims=claims, articles=articles, speakers=speakers)
        took = time.monotonic() - started
        return (
            f"Created {counts['articles']} articles, {counts['speakers']} speakers, {counts['claims']} claims, "
            f"{counts['relations']} relations and {counts['disputes']} disputes in {took:.1f} s."
        )
