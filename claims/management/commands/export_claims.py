"""manage.py export_claims --out FILE.json: articles, claims and relations as one JSON document."""

import json
import sys

from django.core.management.base import BaseCommand

from claims.exports import export_document


class Command(BaseCommand):
    help = "Write every article, claim and relation as JSON (the format ../shared/eval/score_claims.py reads)."

    def add_arguments(self, parser):
        parser.add_argument("--out", default="-", help="Output file; '-' (the default) writes to stdout.")

    def handle(self, *args, out: str, **options) -> str:
        document = export_document()
        if out == "-":
            json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
            return ""
        with open(out, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
        counts = {key: len(value) for key, value in document.items()}
        return f"Wrote {counts['articles']} articles, {counts['claims']} claims, {counts['relations']} relations to {out}."
