"""manage.py eval_linking: how well and how fast claims are linked, on a scratch database.

1. Seeds: ingest ``fixtures/seeds`` through the normal ingest path (extraction and linking),
   export, and print ../shared/eval/score_claims.py's relation scores against the gold file.
2. Scaling: time linking the same new articles into databases of about 1,000 and about 100,000
   synthetic claims (``make_synthetic_claims``, real sentences) and print the ratio.

The scratch database is created next to the configured one (``<name>_eval_linking``) and dropped
at the end (``--keep-db`` keeps it), so the configured database is never touched.
"""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.ingest.files import read_sources
from articles.models import Article
from articles.services import ingest_job_create, ingest_job_run, ingest_job_summary
from claims.exports import export_document
from claims.models import Claim, Origin, Proposition, PropositionMember, Relation
from claims.services.linking import claims_link_for_article

EVAL_DIR = Path(settings.BASE_DIR).parent / "shared" / "eval"
SYNTHETIC_PREFIX = "synthetic/"


class Command(BaseCommand):
    help = "Score linking on the seed articles and time it at two database sizes (scratch database)."

    def add_arguments(self, parser):
        parser.add_argument("--seeds", default=str(Path(settings.BASE_DIR) / "fixtures" / "seeds"))
        parser.add_argument("--gold", default=str(EVAL_DIR / "seed_claims.jsonl"))
        parser.add_argument("--scorer", default=str(EVAL_DIR / "score_claims.py"))
        parser.add_argument("--sizes", default="1000,100000", help="Background claim counts, comma-separated.")
        parser.add_argument("--new-articles", type=int, default=100, help="Articles linked at each size.")
        parser.add_argument("--skip-scaling", action="store_true")
        parser.add_argument("--keep-db", action="store_true", help="Keep the scratch database afterwards.")

    def handle(self, *args, **options) -> str:
        sizes = _sizes(options["sizes"])
        for path in (options["seeds"], options["gold"], options["scorer"]):
            if not Path(path).exists():
                raise CommandError(f"{path} does not exist.")
        original = connection.settings_dict["NAME"]
        connection.settings_dict.setdefault("TEST", {})["NAME"] = f"{original}_eval_linking"
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            self.seeds(Path(options["seeds"]), Path(options["gold"]), Path(options["scorer"]))
            if not options["skip_scaling"]:
                self.scaling(sizes, options["new_articles"])
        finally:
            connection.creation.destroy_test_db(original, verbosity=0, keepdb=options["keep_db"])
        return "Done."

    # ---- seeds ---------------------------------------------------------------------------------
    def seeds(self, folder: Path, gold_path: Path, scorer_path: Path) -> None:
        import json

        started = time.monotonic()
        job = ingest_job_create(sources=read_sources([folder], max_bytes=settings.CLAIMTRACK_MAX_ARTICLE_BYTES))
        ingest_job_run(job=job)
        summary = ingest_job_summary(job=job)
        took = time.monotonic() - started
        self.stdout.write(
            f"Seeds: {summary.created} articles, {summary.claims} claims, {Relation.objects.count()} relations, "
            f"{Proposition.objects.count()} disputes (ingest with extraction and linking: {took:.1f} s)"
        )
        scorer = _load(scorer_path)
        gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
        result = scorer.score(export_document(), gold)
        claims, rel = result["claims"], result["relations"]
        self.stdout.write(f"  claims   P={claims['p']:.2f} R={claims['r']:.2f} F1={claims['f1']:.2f}")
        for kind in ("conflict", "agree"):
            r = rel[kind]
            self.stdout.write(
                f"  {kind:8s} P={r['p']:.2f} R={r['r']:.2f} F1={r['f1']:.2f} "
                f"(tp {r['tp']}, predicted {r['predicted']}, gold {r['gold']})"
            )

    # ---- scaling -------------------------------------------------------------------------------
    def scaling(self, sizes: list[int], new_articles: int) -> None:
        timings = []
        for size in sizes:
            call_command("make_synthetic_claims", claims=size, seed=1, clear=True, stdout=_Null())
            call_command(
                "make_synthetic_claims", claims=new_articles * 10, articles=new_articles, seed=2, stdout=_Null()
            )
            articles = _as_new(new_articles)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE claims_claim")
            seconds, candidates = _time_linking(articles)
            total = Claim.objects.count()
            timings.append(seconds)
            self.stdout.write(
                f"Scaling: {total} claims in the database, linking {len(articles)} new articles took {seconds:.2f} s "
                f"({1000 * seconds / len(articles):.1f} ms an article, {candidates} candidates looked at)"
            )
        if len(timings) >= 2 and timings[0] > 0:
            self.stdout.write(f"  ratio largest/smallest: {timings[-1] / timings[0]:.2f}")


def _as_new(count: int) -> list[Article]:
    """The newest synthetic articles, stripped of the links the generator gave them."""
    ids = list(
        Article.objects.filter(source_file__startswith=SYNTHETIC_PREFIX).order_by("-id").values_list("id", flat=True)
    )[:count]
    claims = Claim.objects.filter(article_id__in=ids)
    Relation.objects.filter(claim_a__in=claims).delete()
    Relation.objects.filter(claim_b__in=claims).delete()
    PropositionMember.objects.filter(claim__in=claims).delete()
    Proposition.objects.filter(members__isnull=True, origin=Origin.MACHINE).delete()
    Article.objects.filter(id__in=ids).update(status=Article.Status.EXTRACTED)
    return list(Article.objects.filter(id__in=ids).order_by("id"))


def _time_linking(articles: list[Article]) -> tuple[float, int]:
    started = time.monotonic()
    candidates = 0
    for article in articles:
        candidates += claims_link_for_article(article=article).candidates
    return time.monotonic() - started, candidates


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise CommandError(f"--sizes takes whole numbers separated by commas, not {text!r}.") from exc
    if not sizes or min(sizes) < 1:
        raise CommandError("--sizes needs at least one positive number.")
    return sizes


def _load(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_claims", path)
    if spec is None or spec.loader is None:
        raise CommandError(f"Cannot load the scorer {path}.")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Null:
    def write(self, *args, **kwargs) -> None:
        pass

    def flush(self) -> None:
        pass
