"""Measuring linking: seed pair scores with a stage-by-stage loss count, news statistics, cost and scaling.

Used by ``manage.py eval_linking``. Everything here reads or writes the scratch database the
command created; nothing is tuned on what it measures.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, islice
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q

from articles.models import Article
from claims.models import Claim, Origin, Proposition, PropositionMember, Relation
from claims.services.embedding import embed_contents, extracted_with_embeddings
from claims.services.extraction import extract_from_texts
from claims.services.linking import claims_link_for_article, claims_nearest, judge_pairs
from evaluation.extraction import scored_type
from evaluation.synthetic import SYNTHETIC_PREFIX

EXTRACT_BATCH = 16


# ---- seeds: where gold pairs are lost ------------------------------------------------------------


def gold_claim_map(gold: list[dict], scorer) -> dict[int, Claim]:  # type: ignore[no-untyped-def]
    """Each gold claim's best-overlapping stored claim in its article (the scorer's span rule)."""
    by_file: dict[str, list[Claim]] = {}
    for claim in Claim.objects.select_related("article").exclude(review_status=Claim.ReviewStatus.REJECTED):
        name = Path(claim.article.source_file or "").name
        by_file.setdefault(name, []).append(claim)
    found: dict[int, Claim] = {}
    for index, item in enumerate(gold):
        best, best_fit = None, 0.0
        for claim in by_file.get(item["article"], []):
            cover, purity = scorer.overlap(item["content"], claim.content)
            if cover >= 0.6 and purity >= 0.3 and cover + purity > best_fit:
                best, best_fit = claim, cover + purity
        if best is not None:
            found[index] = best
    return found


@dataclass
class StageCounts:
    gold: int = 0
    both_found: int = 0
    candidate: int = 0
    related: int = 0
    right_label: int = 0
    stored_right: int = 0


def stage_losses(gold: list[dict], found: dict[int, Claim]) -> dict[str, StageCounts]:
    """Per gold type (agree / conflict): pairs whose claims were extracted, were candidates of each
    other, were judged related by the model, got the right label, and were stored so."""
    counts = {"agree": StageCounts(), "conflict": StageCounts()}
    pairs = []
    for a, b in combinations([i for i, g in enumerate(gold) if g.get("proposition")], 2):
        if gold[a]["proposition"] != gold[b]["proposition"]:
            continue
        kind = "agree" if gold[a]["stance"] == gold[b]["stance"] else "conflict"
        counts[kind].gold += 1
        if a in found and b in found and found[a].pk != found[b].pk:
            counts[kind].both_found += 1
            pairs.append((kind, found[a], found[b]))
    claims = list({c.pk: c for _, a, b in pairs for c in (a, b)}.values())
    with transaction.atomic():
        near = claims_nearest(claims=claims)
    loaded = Claim.objects.select_related("article").in_bulk([c.pk for c in claims])
    judgements = judge_pairs([(loaded[a.pk], loaded[b.pk]) for _, a, b in pairs])
    stored = {(r.claim_a_id, r.claim_b_id): r.type for r in Relation.objects.exclude(review_status="rejected")}
    for (kind, a, b), judgement in zip(pairs, judgements, strict=True):
        row = counts[kind]
        row.candidate += any(o == b.pk for o, _ in near[a.pk]) or any(o == a.pk for o, _ in near[b.pk])
        row.related += judgement.label != "unrelated"
        row.right_label += scored_type(judgement.label) == kind
        row.stored_right += scored_type(stored.get((min(a.pk, b.pk), max(a.pk, b.pk)), "")) == kind
    return counts


# ---- news: what linking made ---------------------------------------------------------------------


def news_statistics(article_ids: Sequence[int]) -> dict:
    claims = Claim.objects.filter(article_id__in=article_ids).exclude(review_status=Claim.ReviewStatus.REJECTED)
    ids = set(claims.values_list("id", flat=True))
    relations = Relation.objects.filter(Q(claim_a__in=ids) | Q(claim_b__in=ids)).exclude(review_status="rejected")
    by_type = Counter(relations.values_list("type", flat=True))
    disputes = (
        Proposition.objects.filter(members__claim__in=ids).annotate(n=Count("members", distinct=True)).order_by("-n")
    )
    largest = list(disputes[:5])
    related_claims = {c for pair in relations.values_list("claim_a_id", "claim_b_id") for c in pair} & ids
    return {
        "claims": len(ids),
        "relations": sum(by_type.values()),
        "by_type": dict(by_type),
        "claims_related": len(related_claims),
        "disputes": disputes.count(),
        "in_disputes": PropositionMember.objects.filter(claim__in=ids).count(),
        "largest": [(p.n, p.label) for p in largest],
    }


def sample_relations(article_ids: Sequence[int], count: int, seed: int) -> list[Relation]:
    claims = Claim.objects.filter(article_id__in=article_ids)
    found = list(
        Relation.objects.filter(Q(claim_a__in=claims) | Q(claim_b__in=claims), type__in=["agree", "conflict"])
        .select_related("claim_a__speaker", "claim_b__speaker", "claim_a__article", "claim_b__article")
        .order_by("id")
    )
    return random.Random(seed).sample(found, min(count, len(found)))


def write_sample(relations: Sequence[Relation], path: Path) -> None:
    lines = []
    for number, r in enumerate(relations, 1):
        lines += [
            f"#{number} [{r.type}] score {r.score:.2f}  (relation {r.pk})",
            f"  A ({_who(r.claim_a)}, {Path(r.claim_a.article.source_file).name}): {r.claim_a.content}",
            f"  B ({_who(r.claim_b)}, {Path(r.claim_b.article.source_file).name}): {r.claim_b.content}",
            f"  reason: {r.explanation}",
            "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


def _who(claim: Claim) -> str:
    return claim.speaker.name if claim.speaker_id else (claim.speaker_mention or "unattributed")


# ---- cost: linking against extraction --------------------------------------------------------------


def stage_costs(articles: Sequence[Article]) -> dict[str, float]:
    """Seconds spent extracting the articles, embedding their claims, and linking them (nearest
    neighbours and the relation model, storage included), each article relinked at the database's
    current size. Extraction and embedding run in the pipeline's batches."""
    extract = embed = 0.0
    for start in range(0, len(articles), EXTRACT_BATCH):
        bodies = [a.body for a in articles[start : start + EXTRACT_BATCH]]
        began = time.perf_counter()
        extracted = extract_from_texts(bodies)
        extract += time.perf_counter() - began
        began = time.perf_counter()
        extracted_with_embeddings(extracted)
        embed += time.perf_counter() - began
    link = 0.0
    for article in articles:
        Article.objects.filter(pk=article.pk).update(status=Article.Status.EXTRACTED)
        article.status = Article.Status.EXTRACTED
        began = time.perf_counter()
        claims_link_for_article(article=article)
        link += time.perf_counter() - began
    return {"extract": extract, "embed": embed, "link": link}


# ---- scaling: synthetic claims with realistic vectors -------------------------------------------------

_INDEX_SQL = (
    "CREATE INDEX claim_embedding_hnsw ON claims_claim USING hnsw (embedding vector_cosine_ops) "
    "WITH (m = 16, ef_construction = 64)"
)


# Per-dimension noise on a synthetic claim's vector: 0.06 puts it near 0.65 cosine from its source
# sentence, a claim on the same topic, below the linking floor. The synthetic claims are built from a
# few hundred seed sentences, so with less noise every seed claim would have hundreds of
# restatements above the floor: a database of copies, not of 100,000 claims on many stories.
SYNTHETIC_NOISE = 0.06


def give_synthetic_vectors(*, noise: float = SYNTHETIC_NOISE, seed: int = 3) -> int:
    """Synthetic claims get their content's real embedding plus noise (renormalised), so they
    crowd round the real claims as claims on their topic do; the HNSW index is rebuilt over them."""
    rows = list(
        Claim.objects.filter(article__source_file__startswith=SYNTHETIC_PREFIX, embedding__isnull=True).values_list(
            "id", "content"
        )
    )
    if not rows:
        return 0
    contents = sorted({content for _, content in rows})
    base = dict(zip(contents, embed_contents(contents), strict=True))
    rng = np.random.default_rng(seed)
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS claim_embedding_hnsw")
        for chunk in _chunks(rows, 5000):
            vectors = np.stack([base[c] for _, c in chunk]) + rng.normal(0, noise, (len(chunk), base[contents[0]].size))
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            texts = ["[" + ",".join(f"{x:.5f}" for x in v) + "]" for v in vectors]
            cursor.execute(
                "UPDATE claims_claim c SET embedding = v.e::vector FROM unnest(%s::bigint[], %s::text[]) AS v(id, e) "
                "WHERE c.id = v.id",
                [[i for i, _ in chunk], texts],
            )
        cursor.execute("SET maintenance_work_mem = '512MB'")
        cursor.execute(_INDEX_SQL)
        # Every synthetic row was just rewritten: vacuumed now, not by autovacuum in the middle of
        # the timing (at 100,000 claims it reads the whole HNSW index).
        cursor.execute("VACUUM (ANALYZE) claims_claim")
    return len(rows)


def _chunks(rows: list, size: int):  # type: ignore[no-untyped-def]
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def relink_times(articles: Sequence[Article], repeat: int) -> tuple[list[float], int]:
    """Seconds each article took to relink, the fastest of its ``repeat`` runs (other load on a
    shared machine only adds time, and it comes and goes within a run: the fastest run of each
    article is nearer its own cost than the fastest run of all articles together), and the
    candidate pairs judged in a run (the work, to compare sizes like for like).

    An untimed run comes first, so every timed run finds the pages it reads in memory at every
    size: a freshly built index at 100,000 claims would otherwise be read back from disk in the
    first run and not at 1,000 (warm at both sizes, not warm at one and cold at the other)."""
    for article in articles:
        unlink(article)
        claims_link_for_article(article=article)
    fastest = [float("inf")] * len(articles)
    candidates = 0
    for _ in range(repeat):
        candidates = 0
        for index, article in enumerate(articles):
            unlink(article)
            began = time.perf_counter()
            candidates += claims_link_for_article(article=article).candidates
            fastest[index] = min(fastest[index], time.perf_counter() - began)
    return fastest, candidates


def unlink(article: Article) -> None:
    """The article's machine links gone, as if just extracted."""
    claims = Claim.objects.filter(article=article)
    Relation.objects.filter(Q(claim_a__in=claims) | Q(claim_b__in=claims), origin=Origin.MACHINE).delete()
    PropositionMember.objects.filter(claim__in=claims, origin=Origin.MACHINE).delete()
    Proposition.objects.filter(members__isnull=True, origin=Origin.MACHINE).delete()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.EXTRACTED)
    article.status = Article.Status.EXTRACTED


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's VmHWM belongs to the process's own address space, so it starts afresh at exec;
    getrusage's ru_maxrss does not: a probe started by a large parent would report the parent's
    size (the fork's pages) as its own peak.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fresh_process_probe(*command: str) -> str:
    """The last line a ``manage.py`` command prints when run in a process of its own (a memory
    probe must not count its parent's pages), or the end of its error output when it prints none."""
    probe = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    return (probe.stdout.strip().splitlines() or [probe.stderr.strip()[-300:]])[-1]
