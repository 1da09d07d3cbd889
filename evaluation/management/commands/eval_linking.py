"""manage.py eval_linking: how well and how fast claims are linked, on a scratch database.

1. Seeds: ingest ``fixtures/seeds`` through the normal ingest path (extraction and linking),
   export, and print ../shared/eval/score_claims.py's relation scores against the gold file.
2. Scaling: time linking the same 100 new articles (about 1,000 claims of their own) into databases
   holding about 1,000 and about 100,000 claims (the seeds' plus synthetic ones from
   ``make_synthetic_claims``, real sentences); print the time per article and the ratio of the
   medians. Each size runs ``--repeat`` times and the fastest run counts: other load on the
   machine only ever adds time.

The scratch database is created next to the configured one (``<name>_eval_linking``) and dropped
at the end (``--keep-db`` keeps it), so the configured database is never touched.
"""

from __future__ import annotations

import importlib.util
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Q

from articles.ingest.files import read_sources
from articles.models import Article
from claims.exports import export_document
from claims.models import Claim, Origin, Proposition, PropositionMember, Relation
from claims.services.linking import claims_link_for_article
from evaluation.synthetic import SYNTHETIC_PREFIX, synthetic_clear
from pipeline.services import ingest_job_create, ingest_job_run, ingest_job_summary

EVAL_DIR = Path(settings.BASE_DIR).parent / "shared" / "eval"


class Command(BaseCommand):
    help = "Score linking on the seed articles and time it at two database sizes (scratch database)."

    def add_arguments(self, parser):
        parser.add_argument("--seeds", default=str(Path(settings.BASE_DIR) / "fixtures" / "seeds"))
        parser.add_argument("--gold", default=str(EVAL_DIR / "seed_claims.jsonl"))
        parser.add_argument("--scorer", default=str(EVAL_DIR / "score_claims.py"))
        parser.add_argument("--sizes", default="1000,100000", help="Background claim counts, comma-separated.")
        parser.add_argument("--new-articles", type=int, default=100, help="Articles linked at each size.")
        parser.add_argument("--repeat", type=int, default=2, help="Linking runs at each size; the fastest counts.")
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
                self.scaling(sizes, options["new_articles"], max(1, options["repeat"]))
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
        document = export_document()
        self.stdout.write(
            f"Seeds: {summary.created} articles, {summary.claims} claims, {Proposition.objects.count()} disputes, "
            f"{Relation.objects.count()} stored relations (direct evidence), {len(document['relations'])} links with "
            f"those the disputes imply (ingest with extraction and linking: {took:.1f} s)"
        )
        scorer = _load(scorer_path)
        gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
        result = scorer.score(document, gold)
        claims, rel = result["claims"], result["relations"]
        self.stdout.write(f"  claims   P={claims['p']:.2f} R={claims['r']:.2f} F1={claims['f1']:.2f}")
        for kind in ("conflict", "agree"):
            r = rel[kind]
            self.stdout.write(
                f"  {kind:8s} P={r['p']:.2f} R={r['r']:.2f} F1={r['f1']:.2f} "
                f"(tp {r['tp']}, predicted {r['predicted']}, gold {r['gold']})"
            )

    # ---- scaling -------------------------------------------------------------------------------
    def scaling(self, sizes: list[int], new_articles: int, repeat: int) -> None:
        medians = []
        for size in sizes:
            before, added = _fill_to(size, new_articles)
            articles = _as_new(new_articles)
            per_article = _best_of(repeat, articles)
            medians.append(statistics.median(per_article))
            self.stdout.write(
                f"Scaling: {before} claims in the database, then {len(articles)} new articles ({added} claims) "
                f"linked: median {1000 * medians[-1]:.1f} ms an article, mean {1000 * statistics.mean(per_article):.1f} "
                f"ms, total {sum(per_article):.2f} s (best of {repeat})"
            )
        if len(medians) >= 2 and medians[0] > 0:
            self.stdout.write(f"  ratio largest/smallest (median per article): {medians[-1] / medians[0]:.2f}")


def _fill_to(size: int, new_articles: int) -> tuple[int, int]:
    """Synthetic claims so that the database holds about ``size`` claims, then the new articles' claims.

    Returns (claims before the new articles, claims of the new articles).
    """
    synthetic_clear()
    background = size - Claim.objects.count()
    if background > 0:
        call_command("make_synthetic_claims", claims=background, seed=1, stdout=_Null())
    before = Claim.objects.count()
    call_command("make_synthetic_claims", claims=new_articles * 10, articles=new_articles, seed=2, stdout=_Null())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return before, Claim.objects.count() - before


def _best_of(repeat: int, articles: list[Article]) -> list[float]:
    """Seconds per article of the fastest of ``repeat`` runs (the machine's other load only adds time)."""
    best: list[float] = []
    for _ in range(repeat):
        _unlink(articles)
        times = []
        for article in articles:
            started = time.perf_counter()
            claims_link_for_article(article=article)
            times.append(time.perf_counter() - started)
        if not best or sum(times) < sum(best):
            best = times
    return best


def _as_new(count: int) -> list[Article]:
    """The newest synthetic articles: the ones to link."""
    ids = list(
        Article.objects.filter(source_file__startswith=SYNTHETIC_PREFIX).order_by("-id").values_list("id", flat=True)
    )[:count]
    return list(Article.objects.filter(id__in=ids).order_by("id"))


def _unlink(articles: list[Article]) -> None:
    """Strip the articles of every link (the generator's, or an earlier run's), as if just extracted."""
    ids = [a.pk for a in articles]
    claims = Claim.objects.filter(article_id__in=ids)
    Relation.objects.filter(Q(claim_a__in=claims) | Q(claim_b__in=claims))._raw_delete(Relation.objects.db)
    PropositionMember.objects.filter(claim__in=claims)._raw_delete(PropositionMember.objects.db)
    Proposition.objects.filter(members__isnull=True, origin=Origin.MACHINE).delete()
    Article.objects.filter(id__in=ids).update(status=Article.Status.EXTRACTED)
    for article in articles:
        article.status = Article.Status.EXTRACTED


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
