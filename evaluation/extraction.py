"""Extraction benchmark: ingest an evaluation folder through the product, export, score, time.

The gold files and the scorer live in ../shared/eval (research data, never copied into the
project); the scorer is imported from there so the figures are the ones it prints.
"""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from django.conf import settings

from articles.ingest.files import read_sources
from claims.exports import export_document
from claims.nlp.types import RelationType
from pipeline.models import IngestItem, IngestJob
from pipeline.services import ingest_job_create, ingest_job_run


@dataclass(frozen=True)
class EvalSet:
    name: str
    articles: Path
    gold: Path
    only: frozenset[str] | None = None  # article file names to use from ``articles``; None: all

    def article_paths(self) -> list[Path]:
        if self.only is None:
            return [self.articles]
        return [self.articles / name for name in sorted(self.only)]

    def gold_claims(self) -> list[dict]:
        gold = read_gold(self.gold)
        return gold if self.only is None else [g for g in gold if g["article"] in self.only]


def eval_sets() -> dict[str, EvalSet]:
    from claims.nlp.attribution.training import held_out_names

    shared = Path(settings.CLAIMTRACK_EVAL_DIR)
    train = shared / "polnear_train"
    held_out = frozenset(f"{stem}.txt" for stem in held_out_names(train)) if train.exists() else frozenset()
    return {
        "seeds": EvalSet("seeds", Path(settings.BASE_DIR) / "fixtures" / "seeds", shared / "seed_claims.jsonl"),
        "polnear": EvalSet("polnear", shared / "polnear_dev" / "articles", shared / "polnear_dev" / "gold.jsonl"),
        # The training articles the tagger never trained on: the set that tunes tagger + rules.
        "polnear-heldout": EvalSet("polnear-heldout", train / "articles", train / "gold.jsonl", held_out),
    }


def load_scorer(path: Path | None = None) -> ModuleType:
    """``score_claims.py`` from the evaluation folder (or ``path``), imported in place, never copied."""
    path = path or Path(settings.CLAIMTRACK_EVAL_DIR) / "score_claims.py"
    spec = importlib.util.spec_from_file_location("score_claims", path)
    if spec is None or spec.loader is None or not path.exists():
        raise FileNotFoundError(f"scorer not found at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ingest_eval_set(eval_set: EvalSet) -> IngestJob:
    """Ingest the set's articles through the normal path (readers, job, extraction, storage)."""
    sources = read_sources(eval_set.article_paths(), max_bytes=settings.CLAIMTRACK_MAX_ARTICLE_BYTES)
    job = ingest_job_create(sources=sources, description=f"eval: {eval_set.name}")
    return ingest_job_run(job=job)


def export_for_job(job: IngestJob) -> dict:
    """The export document restricted to the articles this job stored or found again."""
    article_ids = set(
        job.items.exclude(outcome=IngestItem.Outcome.FAILED).values_list("article_id", flat=True)
    )
    document = export_document()
    return {
        "articles": [a for a in document["articles"] if a["id"] in article_ids],
        "claims": [c for c in document["claims"] if c["article_id"] in article_ids],
        "relations": [as_scored_relation(relation) for relation in document["relations"]],
    }


def scored_type(label: str) -> str:
    """A relation type in the scorer's terms, agree or conflict: the same claim reported again is an
    agreement (one proposition, one stance), which the scorer would otherwise pass over."""
    return RelationType.AGREE.value if label == RelationType.SAME_CLAIM else label


def as_scored_relation(relation: dict) -> dict:
    """The exported relation with its type in the scorer's terms (`scored_type`)."""
    return {**relation, "type": scored_type(relation.get("type", ""))}


def read_gold(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass(frozen=True)
class SpeedFigures:
    words: int
    extract_wps: float
    bare_wps: float

    @property
    def ratio(self) -> float:
        return self.extract_wps / self.bare_wps if self.bare_wps else 0.0


def measure_speed(texts: Sequence[str], *, repeats: int = 3) -> SpeedFigures:
    """Words per second of full extraction vs bare ``nlp.pipe`` with the same components.

    Runs alternate (bare, extract, bare, extract…) in this process and keep the best of each,
    so both see the same warm caches and machine load.
    """
    from claims.nlp.extract import NEEDED_COMPONENTS, extract_claims_many
    from claims.nlp.loader import get_nlp

    nlp = get_nlp(settings.SPACY_MODEL)
    disable = [name for name in nlp.pipe_names if name not in NEEDED_COMPONENTS]
    words = sum(len(text.split()) for text in texts)

    def bare() -> None:
        for _ in nlp.pipe(texts, disable=disable, batch_size=32):
            pass

    def extract() -> None:
        for _ in extract_claims_many(texts, nlp=nlp):
            pass

    bare()  # warm-up: first calls pay for lazy initialisation
    bare_times, extract_times = [], []
    for _ in range(repeats):
        bare_times.append(_timed(bare))
        extract_times.append(_timed(extract))
    return SpeedFigures(words=words, extract_wps=words / min(extract_times), bare_wps=words / min(bare_times))


def _timed(function: Callable[[], None]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start
