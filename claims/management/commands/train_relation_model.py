"""manage.py train_relation_model [--emergent train.csv | --pairs pairs.csv] [--curated curated.csv]
[--news-gold gold.jsonl] [--out file]"""

from __future__ import annotations

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.nlp.meaning import embed_texts
from claims.nlp.relation import MODEL_FILE, EmbeddingCache, train_relation_model
from claims.nlp.relation.emergent import emergent_pairs, read_pair_rows, read_stance_rows
from claims.nlp.relation.negatives import HardNegatives


class Command(BaseCommand):
    help = "Train the relation model from Emergent (or a pairs file) plus curator pairs; write its JSON."

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group()
        source.add_argument(
            "--emergent", help="Emergent-format CSV (default: the evaluation kit's emergent/train.csv)."
        )
        source.add_argument("--pairs", help="A pairs CSV (textA, textB, relation, group) instead of Emergent.")
        parser.add_argument("--curated", help="Curator pairs CSV (textA, textB, relation[, group]).")
        parser.add_argument(
            "--news-gold",
            help="Attributed news claims (scorer gold format, e.g. the kit's polnear_train/gold.jsonl) to add "
            "news hard negatives; default none (see the model card for what they did).",
        )
        parser.add_argument("--out", default=str(MODEL_FILE), help="Where to write the model JSON.")

    def handle(self, *args, emergent=None, pairs=None, curated=None, news_gold=None, out: str, **options) -> str:
        started = time.monotonic()
        eval_dir = Path(settings.CLAIMTRACK_EVAL_DIR)
        stance_rows, described = [], {}
        try:
            if pairs:
                rows = read_pair_rows(Path(pairs))
                described["pairs_file"] = Path(pairs).name
            else:
                source = Path(emergent or eval_dir / "emergent" / "train.csv")
                rows = emergent_pairs(source, eval_dir / "emergent_pairs.py")
                stance_rows = [r for r in read_stance_rows(source) if r.stance]
                described["emergent_file"] = source.name
            curated_rows = read_pair_rows(Path(curated)) if curated else []
            embed = EmbeddingCache(embed_texts)
            news = Path(news_gold) if news_gold else None
            negatives = HardNegatives.build(news, embed)
        except (OSError, KeyError, ValueError) as exc:
            raise CommandError(f"Cannot read the training data: {exc}") from exc
        described["curated_pairs"] = len(curated_rows)
        described["news_negatives"] = f"{len(negatives.news)} from {news.parent.name}/{news.name}" if news else 0
        described["other_story_negatives_per_text"] = negatives.per_text
        try:
            model = train_relation_model(
                rows,
                curated=curated_rows,
                stance_rows=stance_rows,
                embed=embed,
                description=described,
                **negatives.training_arguments(),
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        model.save(out)
        return f"Trained on {model.training['pairs']} pairs in {time.monotonic() - started:.0f} s; wrote {out}."
