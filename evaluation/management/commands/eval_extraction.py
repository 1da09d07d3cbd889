"""manage.py eval_extraction: claims F1 on the evaluation sets, and extraction speed.

Run it on a scratch database (`make eval` does): with --reset it empties the database first.
"""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.models import Article
from claims.nlp.attribution.tagger import chosen_tagger
from evaluation.extraction import eval_sets, export_for_job, ingest_eval_set, load_scorer, measure_speed


class Command(BaseCommand):
    help = "Ingest evaluation articles through the normal path, export, score with ../shared/eval, time extraction."

    def add_arguments(self, parser):
        parser.add_argument("--set", dest="sets", action="append", choices=["seeds", "polnear", "polnear-heldout"],
                            help="Which set(s) to run (default: seeds and polnear). polnear-heldout: the "
                            "84 training articles the tagger never trained on, for tuning the combination.")
        parser.add_argument("--reset", action="store_true",
                            help="Empty the database first (only on a database whose name ends in _eval).")
        parser.add_argument("--no-speed", action="store_true", help="Skip the speed measurement.")

    def handle(self, *args, sets: list[str] | None, reset: bool, no_speed: bool, **options) -> str:
        if reset:
            self._reset()
        scorer = load_scorer()
        self.stdout.write(f"attribution tagger: {chosen_tagger()} (ATTRIBUTION_MODEL: off or a tagger folder)")
        for name in sets or ["seeds", "polnear"]:
            eval_set = eval_sets()[name]
            if not eval_set.articles.exists():
                raise CommandError(f"{name}: {eval_set.articles} not found (is ../shared beside the project?)")
            job = ingest_eval_set(eval_set)
            result = scorer.score(export_for_job(job), eval_set.gold_claims())
            self.stdout.write(f"{name}: {self._claims_line(result)}")
            if not no_speed:
                texts = list(Article.objects.filter(ingest_items__job=job).values_list("body", flat=True))
                speed = measure_speed(texts)
                self.stdout.write(
                    f"{name}: speed {speed.words} words, extraction {speed.extract_wps:,.0f} words/s, "
                    f"bare nlp.pipe {speed.bare_wps:,.0f} words/s, ratio {speed.ratio:.2f}"
                )
        return ""

    def _reset(self) -> None:
        name = connection.settings_dict["NAME"]
        if not name.endswith("_eval"):
            raise CommandError(f"--reset empties the database: refusing on {name!r} (name must end in _eval)")
        call_command("flush", interactive=False, verbosity=0)

    @staticmethod
    def _claims_line(result: dict) -> str:
        c, r = result["claims"], result["relations"]
        return (
            f"claims P={c['p']:.3f} R={c['r']:.3f} F1={c['f1']:.3f} "
            f"(predicted {c['predicted']}, matched {c['matched']}, gold {c['gold_required']}, "
            f"speaker-wrong {c['span_right_speaker_wrong']}) | "
            f"conflict F1={r['conflict']['f1']:.3f} | agree F1={r['agree']['f1']:.3f}"
        )
