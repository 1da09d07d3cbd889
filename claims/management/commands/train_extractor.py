"""manage.py train_extractor --train DIR [--dev DIR] [--out DIR] [--max-steps N]: the attribution tagger."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.nlp.attribution.tagger import MODEL_DIR
from claims.nlp.attribution.training import train_extractor


class Command(BaseCommand):
    help = (
        "Train the SOURCE/CUE/CONTENT tagger with spaCy on a brat corpus (articles/*.txt, attributions/*.ann) "
        "using claims/nlp/attribution/config.cfg; --dev only measures the result."
    )

    def add_arguments(self, parser):
        parser.add_argument("--train", required=True, help="Training corpus (e.g. ../shared/eval/polnear_train).")
        parser.add_argument("--dev", help="Corpus to measure exact-span scores on after training (never trained on).")
        parser.add_argument("--out", default=str(MODEL_DIR), help=f"Where the model goes (default {MODEL_DIR}).")
        parser.add_argument("--max-steps", type=int, help="Stop after this many updates (default: the config's).")
        parser.add_argument("--eval-frequency", type=int, help="Updates between checkpoint choices.")

    def handle(self, *args, train: str, dev: str | None, out: str, max_steps: int | None, **options) -> str:
        train_root = Path(train)
        if not (train_root / "attributions").is_dir():
            raise CommandError(f"{train_root}/attributions not found")
        model_dir, scores = train_extractor(
            train_root,
            Path(out),
            dev_root=Path(dev) if dev else None,
            max_steps=max_steps,
            eval_frequency=options.get("eval_frequency"),
        )
        for label, values in (scores or {}).items():
            self.stdout.write(f"{label}: " + " ".join(f"{k}={v:.3f}" for k, v in values.items()))
        return f"Tagger saved to {model_dir}."
