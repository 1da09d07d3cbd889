"""manage.py train_extractor --train DIR [--kind encoder|spacy] [--dev DIR] [--out DIR]: the attribution tagger."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.nlp.attribution.tagger import MODEL_DIR
from claims.nlp.attribution.training import train_extractor

KINDS = ("spacy", "encoder")


class Command(BaseCommand):
    help = (
        "Train the SOURCE/CUE/CONTENT tagger on a brat corpus (articles/*.txt, attributions/*.ann): "
        "'spacy' (the shipped kind) trains claims/nlp/attribution/config.cfg; 'encoder' fine-tunes the "
        "sentence model's MiniLM encoder (experimental, not shipped: see the model card), to use with "
        "ATTRIBUTION_MODEL=<its folder>. Both hold out the same 10%% of the training articles to choose "
        "the checkpoint; --dev only measures the result."
    )

    def add_arguments(self, parser):
        parser.add_argument("--train", required=True, help="Training corpus (e.g. ../shared/eval/polnear_train).")
        parser.add_argument("--kind", choices=KINDS, default="spacy", help="Which tagger (default spacy).")
        parser.add_argument("--dev", help="Corpus to measure exact-span scores on after training (never trained on).")
        parser.add_argument("--out", help=f"Where the model goes (default {MODEL_DIR}; required for --kind encoder).")
        parser.add_argument("--epochs", type=int, default=3, help="encoder: passes over the training articles.")
        parser.add_argument(
            "--max-steps", type=int, help="spacy: stop after this many updates (default: the config's)."
        )
        parser.add_argument("--eval-frequency", type=int, help="spacy: updates between checkpoint choices.")

    def handle(self, *args, train: str, kind: str, dev: str | None, out: str | None, **options) -> str:
        train_root = Path(train)
        if not (train_root / "attributions").is_dir():
            raise CommandError(f"{train_root}/attributions not found")
        if kind == "encoder" and not out:
            raise CommandError("--kind encoder needs --out: the shipped folder holds the spaCy tagger")
        out_dir = Path(out) if out else MODEL_DIR
        dev_root = Path(dev) if dev else None
        if kind == "encoder":
            scores = self._train_encoder(train_root, out_dir, dev_root, options["epochs"])
        else:
            out_dir, scores = train_extractor(
                train_root,
                out_dir,
                dev_root=dev_root,
                max_steps=options.get("max_steps"),
                eval_frequency=options.get("eval_frequency"),
            )
        for label, values in (scores or {}).items():
            self.stdout.write(f"{label}: " + " ".join(f"{k}={v:.3f}" for k, v in values.items()))
        return f"Tagger saved to {out_dir}."

    def _train_encoder(self, train_root: Path, out_dir: Path, dev_root: Path | None, epochs: int):
        from claims.nlp.attribution.encoder_training import TrainingSettings, score_tagger, train_encoder_tagger
        from claims.nlp.meaning import model_dir, prepare_torch

        prepare_torch()
        train_encoder_tagger(
            train_root,
            out_dir,
            base_dir=model_dir(settings.EMBEDDING_MODEL),
            base_model=settings.EMBEDDING_MODEL,
            settings=TrainingSettings(epochs=epochs),
            log=lambda line: self.stdout.write(line),
        )
        return score_tagger(out_dir, dev_root) if dev_root else None
