"""manage.py eval_linking: how well and how fast claims are linked, on a scratch database.

1. Seeds (measuring only, nothing is tuned on them): ingest ``fixtures/seeds`` through the normal
   ingest path (extraction, embedding, linking), export, and print ../shared/eval/score_claims.py's
   conflict / agree pair scores against the gold file; then where gold pairs are lost: extracted,
   candidate (nearest neighbours), related by the model, right label, stored so.
2. ``--news``: ingest ../shared/eval/polnear_dev/articles the same way and print relations per
   claim, the share of claims in the largest dispute, the five largest disputes, and write
   ``--sample`` random agree/conflict relations to ``--sample-out`` for a person to read.
3. Cost: the ingested articles extracted, embedded and relinked again, each stage timed; linking
   (embedding + candidates + classification) as a share of extraction.
4. Scaling (not with ``--news``; ``--scaling-only`` skips everything else): relink the seed articles at about 1,000 and about 100,000 stored
   claims (synthetic claims from real sentences, with their real embeddings perturbed, HNSW index
   built); the ratio of the median times per article.
5. Peak resident memory of a worker-like process (models loaded, a batch extracted and judged).

The scratch database is created next to the configured one (``<name>_eval_linking``) and dropped
at the end (``--keep-db`` keeps it), so the configured database is never touched.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.ingest.files import read_sources
from articles.models import Article
from claims.exports import export_document
from claims.models import Claim, Proposition, Relation
from claims.nlp.meaning import backend_for
from evaluation import linking as measure
from evaluation.extraction import as_scored_relation, load_scorer, read_gold
from pipeline.services import ingest_job_create, ingest_job_run, ingest_job_summary


class Command(BaseCommand):
    help = "Score linking on the seeds (and news), its cost against extraction, its scaling and memory (scratch database)."

    def add_arguments(self, parser):
        eval_dir = Path(settings.CLAIMTRACK_EVAL_DIR)
        parser.add_argument("--seeds", default=str(Path(settings.BASE_DIR) / "fixtures" / "seeds"))
        parser.add_argument("--gold", default=str(eval_dir / "seed_claims.jsonl"))
        parser.add_argument("--scorer", default=str(eval_dir / "score_claims.py"))
        parser.add_argument("--news", action="store_true", help="Also ingest and measure the PolNeAR dev articles.")
        parser.add_argument("--news-dir", default=str(eval_dir / "polnear_dev" / "articles"))
        parser.add_argument("--sample", type=int, default=50, help="Agree/conflict relations written for reading.")
        parser.add_argument("--sample-out", default="/tmp/claimtrack_linking_sample.txt")
        parser.add_argument("--sizes", default="1000,100000", help="Stored claim counts for scaling.")
        parser.add_argument(
            "--repeat", type=int, default=5, help="Relinking runs at each size; each article's fastest counts."
        )
        parser.add_argument("--skip-scaling", action="store_true")
        parser.add_argument(
            "--scaling-only",
            action="store_true",
            help="Ingest the seeds and measure scaling alone (no scores, cost or memory): for profiling the ratio.",
        )
        parser.add_argument("--keep-db", action="store_true", help="Keep the scratch database afterwards.")
        parser.add_argument("--rss-probe", default=None, help=argparse.SUPPRESS)

    def handle(self, *args, **options) -> str:
        if options["rss_probe"]:
            return _rss_probe(Path(options["rss_probe"]))
        options["sizes"] = _sizes(options["sizes"])
        for path in (options["seeds"], options["gold"], options["scorer"]):
            if not Path(path).exists():
                raise CommandError(f"{path} does not exist.")
        original = connection.settings_dict["NAME"]
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{original}_eval_linking"
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            self._run(options)
        finally:
            connection.creation.destroy_test_db(original, verbosity=0, keepdb=options["keep_db"])
        return "Done."

    def _run(self, options: dict) -> None:
        self.stdout.write(
            f"Model: embeddings {settings.EMBEDDING_MODEL} on {backend_for(settings.EMBEDDING_MODEL)}, "
            f"k={settings.LINK_NEIGHBOURS}, "
            f"similarity floor {settings.LINK_MIN_SIMILARITY}, ef_search {settings.LINK_EF_SEARCH}"
        )
        if options["scaling_only"]:
            articles, _ = _ingest(Path(options["seeds"]))
            self.scaling(options["sizes"], articles, max(1, options["repeat"]))
            return
        seeds = self.seeds(Path(options["seeds"]), Path(options["gold"]), Path(options["scorer"]))
        measured = seeds
        if options["news"]:
            measured = self.news(Path(options["news_dir"]), options["sample"], Path(options["sample_out"]))
        self.cost(measured)
        if not options["news"] and not options["skip_scaling"]:
            self.scaling(options["sizes"], seeds, max(1, options["repeat"]))
        self.memory(Path(options["news_dir"] if options["news"] else options["seeds"]))

    # ---- seeds ---------------------------------------------------------------------------------
    def seeds(self, folder: Path, gold_path: Path, scorer_path: Path) -> list[Article]:
        articles, took = _ingest(folder)
        document = export_document()
        self.stdout.write(
            f"Seeds ({folder.name}: {len(articles)} articles, {Claim.objects.count()} claims; data for measuring only): "
            f"{Relation.objects.count()} relations, {Proposition.objects.count()} disputes; ingest {took:.1f} s"
        )
        scorer = load_scorer(scorer_path)
        gold = read_gold(gold_path)
        result = scorer.score(document, gold)
        claims, rel = result["claims"], result["relations"]
        self.stdout.write(f"  claims   P={claims['p']:.2f} R={claims['r']:.2f} F1={claims['f1']:.2f}")
        for kind in ("conflict", "agree"):
            r = rel[kind]
            self.stdout.write(
                f"  {kind:8s} P={r['p']:.2f} R={r['r']:.2f} F1={r['f1']:.2f} "
                f"(tp {r['tp']}, predicted {r['predicted']}, gold {r['gold']})"
            )
        self._same_claim_as_agree(document, gold, scorer)
        stages = measure.stage_losses(gold, measure.gold_claim_map(gold, scorer))
        self.stdout.write("  where gold pairs are lost (gold / both claims extracted / candidate / related / label / stored):")
        for kind, c in stages.items():
            self.stdout.write(
                f"    {kind:8s} {c.gold} / {c.both_found} / {c.candidate} / {c.related} / {c.right_label} / {c.stored_right}"
            )
        return articles

    def _same_claim_as_agree(self, document: dict, gold: list[dict], scorer) -> None:  # type: ignore[no-untyped-def]
        """The agree score again with "same claim reported again" counted as agreement."""
        relations = [as_scored_relation(r) for r in document["relations"]]
        r = scorer.score({**document, "relations": relations}, gold)["relations"]["agree"]
        self.stdout.write(f"  agree, same-claim counted as agree: P={r['p']:.2f} R={r['r']:.2f} F1={r['f1']:.2f}")

    # ---- news ----------------------------------------------------------------------------------
    def news(self, folder: Path, sample: int, out: Path) -> list[Article]:
        articles, took = _ingest(folder)
        ids = [a.pk for a in articles]
        stats = measure.news_statistics(ids)
        n = max(1, stats["claims"])
        self.stdout.write(
            f"News ({folder.parent.name}/{folder.name}: {len(articles)} articles, "
            f"{stats['claims']} claims; ingest {took:.1f} s)"
        )
        self.stdout.write(
            f"  relations {stats['relations']} {stats['by_type']}: {stats['relations'] / n:.3f} per claim, "
            f"{stats['claims_related']} claims ({stats['claims_related'] / n:.1%}) have one"
        )
        top = stats["largest"][0][0] if stats["largest"] else 0
        self.stdout.write(
            f"  disputes {stats['disputes']}, {stats['in_disputes']} claims in them; "
            f"largest holds {top} claims = {top / n:.2%} of the claims"
        )
        for size, label in stats["largest"]:
            self.stdout.write(f"    {size:4d}  {label[:110]}")
        picked = measure.sample_relations(ids, sample, seed=12)
        measure.write_sample(picked, out)
        self.stdout.write(f"  {len(picked)} random agree/conflict relations written to {out} (read them)")
        return articles

    # ---- cost ----------------------------------------------------------------------------------
    def cost(self, articles: list[Article]) -> None:
        costs = measure.stage_costs(articles)
        added = costs["embed"] + costs["link"]
        self.stdout.write(
            f"Cost ({len(articles)} articles): extraction {costs['extract']:.1f} s, embedding {costs['embed']:.1f} s, "
            f"candidates + classification + storage {costs['link']:.1f} s -> linking adds "
            f"{added / max(costs['extract'], 1e-9):.0%} of extraction time"
        )

    # ---- scaling -------------------------------------------------------------------------------
    def scaling(self, sizes: list[int], articles: list[Article], repeat: int) -> None:
        medians = []
        for size in sizes:
            background = size - Claim.objects.count()
            if background > 0:
                call_command("make_synthetic_claims", claims=background, seed=size, stdout=_Null())
            began = time.monotonic()
            vectors = measure.give_synthetic_vectors()
            times, candidates = measure.relink_times(articles, repeat)
            medians.append(statistics.median(times))
            self.stdout.write(
                f"Scaling: {Claim.objects.count()} stored claims ({vectors} synthetic vectors set, index built in "
                f"{time.monotonic() - began:.0f} s): relinking {len(articles)} seed articles ({candidates} candidate "
                f"pairs judged), median {1000 * medians[-1]:.0f} ms an article (each the fastest of {repeat} runs: "
                f"{', '.join(f'{1000 * t:.0f}' for t in times)} ms)"
            )
        if len(medians) >= 2 and medians[0] > 0:
            self.stdout.write(f"  ratio largest/smallest (median per article): {medians[-1] / medians[0]:.2f}")

    # ---- memory --------------------------------------------------------------------------------
    def memory(self, folder: Path) -> None:
        line = measure.fresh_process_probe("eval_linking", "--rss-probe", str(folder))
        self.stdout.write(f"Memory of a worker-like process: {line}")


def _ingest(folder: Path) -> tuple[list[Article], float]:
    before = set(Article.objects.values_list("id", flat=True))
    began = time.monotonic()
    job = ingest_job_create(sources=read_sources([folder], max_bytes=settings.CLAIMTRACK_MAX_ARTICLE_BYTES))
    ingest_job_run(job=job)
    ingest_job_summary(job=job)
    took = time.monotonic() - began
    return list(Article.objects.exclude(id__in=before).order_by("id")), took


def _rss_probe(folder: Path) -> str:
    """Load every model a worker loads, extract and embed the folder's texts one article at a time
    (as the ingest stage does) and judge pairs of their claims; report the peak resident memory."""
    from claims.nlp.relation import ClaimFacts, RelationModel
    from pipeline.services import extract_texts

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    model = RelationModel.load()
    for text in texts:
        found = [c for r in extract_texts([text]) if isinstance(r, list) for c in r]
        facts = [ClaimFacts(text=c.content, embedding=c.embedding) for c in found if c.embedding is not None]
        model.judge_many(list(zip(facts, facts[1:], strict=False)))
    torch = "torch loaded" if "torch" in sys.modules else "no torch"
    return f"peak RSS {measure.peak_rss_mb():.0f} MB ({len(texts)} texts; encoder on {backend_for()}, {torch})"


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise CommandError(f"--sizes takes whole numbers separated by commas, not {text!r}.") from exc
    if not sizes or min(sizes) < 1:
        raise CommandError("--sizes needs at least one positive number.")
    return sizes



class _Null:
    def write(self, *args, **kwargs) -> None:
        pass

    def flush(self) -> None:
        pass
