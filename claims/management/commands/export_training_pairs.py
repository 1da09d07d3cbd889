"""manage.py export_training_pairs [--out FILE.csv]: curator decisions on relations as training pairs."""

import csv
import sys

from django.core.management.base import BaseCommand

from claims.exports import TRAINING_PAIR_COLUMNS, training_pairs


class Command(BaseCommand):
    help = (
        "Write confirmed, curator-made and rejected relations as CSV (text_a, text_b, label, group), "
        "the format train_relation_model --curated reads."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", default="-", help="Output file; '-' (the default) writes to stdout.")

    def handle(self, *args, out: str, **options) -> str:
        if out == "-":
            self._write(sys.stdout)
            return ""
        with open(out, "w", encoding="utf-8", newline="") as handle:
            count = self._write(handle)
        return f"Wrote {count} curated pairs to {out}."

    def _write(self, handle) -> int:  # type: ignore[no-untyped-def]
        writer = csv.DictWriter(handle, fieldnames=TRAINING_PAIR_COLUMNS)
        writer.writeheader()
        count = 0
        for row in training_pairs():
            writer.writerow(row)
            count += 1
        return count
