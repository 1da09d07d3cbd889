"""Linking an article's claims to the rest: relations (agree / conflict / same claim) and disputes.

A claim's candidates are its nearest neighbours by meaning: the ``LINK_NEIGHBOURS`` closest
stored claims by cosine distance between sentence embeddings, read through the HNSW index
(one index scan per claim, ``LIMIT`` inside the scan, filters after), so the cost of linking an
article does not grow with the size of the database. The learned relation model
(``claims.nlp.relation``) judges each candidate pair; only what it calls agree, conflict or the
same claim is stored, with its score and its reason. Nothing is implied: every link anyone reads
is a stored `Relation`. Disputes are built from those relations (`claims.services.disputes`).

Curator decisions survive every re-run: a pair a curator confirmed, rejected or made is never
judged again (a rejected pair is never re-created), curator memberships are not moved and
curator labels are not renamed.

Two workers may link overlapping articles at once. Writes are upserts on the unique keys (a
claim pair, a claim's membership), and a row a curator decided is never written over.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from articles.models import Article
from claims.models import Claim, Origin, Relation
from claims.naming import normalize_speaker_name
from common.exceptions import ApplicationError

from .embedding import claims_embed_missing, embed_contents

LINKABLE = (Article.Status.EXTRACTED, Article.Status.LINKED)
# What a pair judgement reads of a claim, besides its embedding; candidates load nothing else.
FACT_FIELDS = (
    "id",
    "article_id",
    "article__outlet_id",
    "speaker_id",
    "speaker_mention",
    "content",
    "content_start",
    "entities",
    "states_clause",
    "names_thing",
    "cue",
    "cue_lemma",
    "polarity",
    "cue_class",
    "review_status",
)
RELATED = {"agree": Relation.Type.AGREE, "conflict": Relation.Type.CONFLICT, "same_claim": Relation.Type.SAME_CLAIM}


@dataclass
class LinkSummary:
    claims: int = 0
    candidates: int = 0
    relations: int = 0
    disputes_created: int = 0
    memberships: int = 0


@dataclass
class LinkRun:
    """One article's linking: claims read once, pairs judged in one batch, everything written at the end."""

    article: Article
    claims: dict[int, Claim] = field(default_factory=dict)  # the article's claims and their candidates
    own: list[Claim] = field(default_factory=list)
    judged: set[tuple[int, int]] = field(default_factory=set)  # pairs the model looked at in this run
    # Pairs the model relates: (type, score, reason).
    relations: dict[tuple[int, int], tuple[str, float, str]] = field(default_factory=dict)
    decided: dict[tuple[int, int], str] = field(default_factory=dict)  # curator pairs: pair -> type or "rejected"
    summary: LinkSummary = field(default_factory=LinkSummary)


# ---- entry points ------------------------------------------------------------------------------


@transaction.atomic
def claims_link_for_article(*, article: Article) -> LinkSummary:
    """Link the article's claims to their nearest stored claims; mark the article linked.

    Machine links of the article's claims are rebuilt; curator ones stay. The article must have
    been extracted (a FAILED or FETCHED article has nothing to link).
    """
    from .disputes import disputes_update_for_run

    Article.objects.select_for_update().filter(pk=article.pk).first()  # one linking per article at a time
    if article.status not in LINKABLE:
        raise ApplicationError(f"Article {article.pk} is {article.status}: extract its claims before linking.")
    run = LinkRun(article=article)
    run.own = _load(run, _linkable(article.claims.all()).order_by("content_start", "id"))
    claims_embed_missing(claims=run.own)
    candidates = claims_nearest(claims=run.own)
    _load(run, Claim.objects.filter(pk__in={c for found in candidates.values() for c, _ in found}))
    run.decided = _decided_pairs([c.pk for c in run.own])
    pairs = _pairs_to_judge(run, candidates)
    run.summary.candidates = len(pairs)
    _judge(run, pairs)
    run.summary.relations = _relations_store(run)
    disputes_update_for_run(run)
    run.summary.claims = len(run.own)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.LINKED)
    article.status = Article.Status.LINKED
    return run.summary


def claims_link_all(*, articles: Iterable[Article] | None = None) -> LinkSummary:
    """Link every extracted article in id order (an article at a time, each in its own transaction)."""
    total = LinkSummary()
    queryset = articles if articles is not None else Article.objects.filter(status__in=LINKABLE).order_by("id")
    for article in queryset:
        done = claims_link_for_article(article=article)
        for name in (f.name for f in dataclasses.fields(LinkSummary)):
            setattr(total, name, getattr(total, name) + getattr(done, name))
    return total


# ---- candidates --------------------------------------------------------------------------------

# For each given claim, its nearest claims by cosine distance: a LATERAL HNSW index scan per claim
# with the LIMIT inside it (so the index stops after k rows), filters applied to those k rows.
# ``hnsw.ef_search`` (SET LOCAL, this transaction only) bounds the graph walk: the cost of one scan
# grows with log(n), not with the table. Below a few thousand claims the planner prefers a
# sequential scan with an exact sort, which reads (and detoasts) every stored vector once per
# article claim: about 5 ms a claim at 1,600 claims against 0.3 ms through the index. Sequential
# scans are switched off for this query alone, so a small database walks the same index as a
# large one (same approximate neighbours at every size).
_NEAREST_SQL = """
SELECT q.id, near.id, 1 - near.distance
FROM claims_claim q
CROSS JOIN LATERAL (
    SELECT c.id, c.review_status, c.embedding <=> q.embedding AS distance
    FROM claims_claim c
    ORDER BY c.embedding <=> q.embedding
    LIMIT %(limit)s
) AS near
WHERE q.id = ANY(%(ids)s) AND q.embedding IS NOT NULL
  AND near.id <> q.id AND near.review_status <> %(rejected)s AND near.distance <= %(max_distance)s
ORDER BY q.id, near.distance
"""


def claims_nearest(*, claims: Sequence[Claim], k: int | None = None) -> dict[int, list[tuple[int, float]]]:
    """Each claim's nearest stored claims as (id, cosine similarity), closest first (at most ``k``).

    Claims below ``LINK_MIN_SIMILARITY`` and claims a curator rejected are left out. Must run
    inside a transaction (``SET LOCAL``).
    """
    k = k or settings.LINK_NEIGHBOURS
    found: dict[int, list[tuple[int, float]]] = {c.pk: [] for c in claims}
    if not claims:
        return found
    params = {
        "ids": [c.pk for c in claims],
        "limit": k + 1,  # the claim itself comes first
        "rejected": Claim.ReviewStatus.REJECTED.value,
        "max_distance": 1 - settings.LINK_MIN_SIMILARITY,
    }
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL hnsw.ef_search = %s", [max(settings.LINK_EF_SEARCH, k + 1)])
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(_NEAREST_SQL, params)
        rows = cursor.fetchall()
        cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")  # the rest of the linking plans as usual
        for claim_id, other_id, similarity in rows:
            if len(found[claim_id]) < k:
                found[claim_id].append((other_id, float(similarity)))
    return found


def _pairs_to_judge(run: LinkRun, candidates: dict[int, list[tuple[int, float]]]) -> list[tuple[int, int]]:
    """Unique pairs of an article claim and a candidate, minus those a curator decided.

    Two parts of one speaker's statement in one article are not compared: they are one claim's
    continuation, not two sources. Nor are two claims of one article whose words overlap: one
    statement nested in another ("Carson said [CNN's Moody had tweeted that [he was staying in the
    race]]") or attributed twice is one set of words, not two sources agreeing. Nor is a content that states nothing (`Claim.states_something`:
    "Clinton", "the issue of tax reform"): a dispute is about a statement, and a name or a topic
    is near every claim that mentions it. A position on a thing ("criticized [the plan to close the
    hospitals]", `Claim.position`) is compared with other positions only: its content names the
    thing and says nothing of it.
    """
    pairs: dict[tuple[int, int], None] = {}
    for claim_id, found in candidates.items():
        claim = run.claims[claim_id]
        if not claim.states_something and claim.position is None:
            continue
        for other_id, _ in found:
            other = run.claims.get(other_id)
            pair = _pair(claim_id, other_id)
            if other is None or pair in run.decided or pair in pairs or not _comparable(claim, other):
                continue
            if other.article_id == claim.article_id and (
                _speaker_identity(other) == _speaker_identity(claim) or _spans_overlap(claim, other)
            ):
                continue
            pairs[pair] = None
    return list(pairs)


# ---- judging -----------------------------------------------------------------------------------


def claim_facts(claim: Claim):  # -> ClaimFacts
    """What the relation model reads of a stored claim."""
    from claims.nlp.relation import ClaimFacts

    return ClaimFacts(
        text=claim.content,
        embedding=np.asarray(claim.embedding, dtype=np.float32),
        entities=tuple(claim.entities or ()),
        negated=claim.polarity == Claim.Polarity.NEGATED,
        cue_class=claim.cue_class,
        speaker=_speaker_identity(claim),
        outlet=str(claim.article.outlet_id) if claim.article.outlet_id else None,
        position=claim.position,
        cue=claim.cue,
        cue_lemma=claim.cue_lemma,
    )


def judge_pairs(pairs: Sequence[tuple[Claim, Claim]]) -> list:  # -> list[Judgement]
    """The relation model's judgement of each pair of stored (embedded) claims, in one batch."""
    if not pairs:
        return []
    from claims.nlp.relation import RelationModel
    from claims.nlp.relation.denial import agreements_denied, conflicts_resting_on_denial
    from claims.nlp.relation.positions import judge_positions

    model = RelationModel.load()
    # A claim is in many pairs (an article claim in one per candidate): its facts are built once.
    claims = {claim.pk: claim for pair in pairs for claim in pair}
    facts = {pk: claim_facts(claim) for pk, claim in claims.items()}
    judged = [(facts[a.pk], facts[b.pk]) for a, b in pairs]
    # Two positions on a thing are judged by the sides their cues take; the rest by the model.
    positions = {i: judge_positions(a, b) for i, (a, b) in enumerate(judged) if a.position and b.position}
    statements = [pair for i, pair in enumerate(judged) if i not in positions]
    # News conflicts above the floor are mostly a shared topic and a stray "not": each must rest
    # on its denial; and an agreement one side denies, by words the model read apart from the
    # shared ones, is a conflict by the same test (the few asked are embedded again).
    share = settings.LINK_CONFLICT_MIN_DENIAL_SHARE
    judgements = conflicts_resting_on_denial(
        statements, model.judge_many(statements), embed=embed_contents, min_share=share
    )
    verdicts = iter(agreements_denied(statements, judgements, embed=embed_contents, min_share=share))
    return [positions[i] if i in positions else next(verdicts) for i in range(len(judged))]


def _judge(run: LinkRun, pairs: Sequence[tuple[int, int]]) -> None:
    judgements = judge_pairs([(run.claims[a], run.claims[b]) for a, b in pairs])
    for pair, judgement in zip(pairs, judgements, strict=True):
        run.judged.add(pair)
        if judgement.label in RELATED:
            run.relations[pair] = (RELATED[judgement.label], float(judgement.score), judgement.reason)


# ---- storage -----------------------------------------------------------------------------------


def _relations_store(run: LinkRun) -> int:
    """Write the relations found; drop the article's machine relations no longer found.

    A pair is no longer found when the model judged it again and called it unrelated, or when both
    claims are the article's own (every such pair close enough was judged). A machine relation to
    another article's claim that was not among this run's candidates stays as the linking that
    made it left it (nearest neighbours are not symmetric).
    """
    ids = {c.pk for c in run.own}
    stored = Relation.objects.filter(
        Q(claim_a__in=ids) | Q(claim_b__in=ids), origin=Origin.MACHINE, review_status=Relation.ReviewStatus.MACHINE
    ).values_list("pk", "claim_a_id", "claim_b_id")
    gone = [
        pk
        for pk, a, b in stored
        if (a, b) not in run.relations and ((a, b) in run.judged or (a in ids and b in ids))
    ]
    if gone:
        _delete_locked(
            Relation.objects.filter(pk__in=gone, origin=Origin.MACHINE, review_status=Relation.ReviewStatus.MACHINE)
        )
    return relations_upsert([(a, b, kind, score, why) for (a, b), (kind, score, why) in run.relations.items()])


def _delete_locked(machine_rows: QuerySet) -> None:
    """Delete the rows that still match once locked: one a curator took over meanwhile no longer
    matches (READ COMMITTED re-checks the filter on a row it waited for) and stays. Django's
    ``delete()`` reads its rows without a lock, hence the locking read first."""
    ids = list(machine_rows.select_for_update().order_by("pk").values_list("pk", flat=True))
    if ids:
        machine_rows.model.objects.filter(pk__in=ids).delete()


# A stored verdict is rewritten when its type changes or its score moves by more than this.
RESCORE_TOLERANCE = 0.01

# New and changed relations, and their history rows, in one statement. A pair another worker
# linked since this run read the relations is a conflict on the unique pair: its row is updated
# as this run's own would have been (only where the verdict changed), and only while it is still
# the machine's: a relation a curator made or reviewed is never written here. ``xmax = 0`` marks
# the rows inserted rather than updated (PostgreSQL sets xmax on the row an ON CONFLICT update
# replaces): history type "+" or "~", as django-simple-history's bulk_history_create writes them.
# The history is written from the returned rows in SQL because building a model instance per
# relation and row cost more than the upsert (about 0.2 ms a relation, hundreds an article).
# Claim order makes two workers writing overlapping pairs wait for each other in one order.
_RELATIONS_UPSERT_SQL = """
WITH written AS (
    INSERT INTO claims_relation AS r
        (created_at, updated_at, claim_a_id, claim_b_id, type, score, explanation, origin, review_status)
    SELECT %(now)s, %(now)s, v.a, v.b, v.type, v.score, v.explanation, %(machine)s, %(unreviewed)s
    FROM unnest(%(a)s::bigint[], %(b)s::bigint[], %(types)s::varchar[], %(scores)s::float8[], %(explanations)s::text[])
         AS v(a, b, type, score, explanation)
    ORDER BY v.a, v.b
    ON CONFLICT ON CONSTRAINT relation_unique_pair DO UPDATE
    SET type = EXCLUDED.type, score = EXCLUDED.score, explanation = EXCLUDED.explanation, updated_at = EXCLUDED.updated_at
    WHERE r.origin = %(machine)s AND r.review_status = %(unreviewed)s
      AND (r.type <> EXCLUDED.type OR abs(r.score - EXCLUDED.score) > %(tolerance)s OR r.explanation <> EXCLUDED.explanation)
    RETURNING r.*, r.xmax = 0 AS inserted
), history AS (
    INSERT INTO {history_table} ({columns}, history_date, history_change_reason, history_type, history_user_id)
    SELECT {columns}, %(now)s, '', CASE WHEN inserted THEN '+' ELSE '~' END, %(user)s
    FROM written
    WHERE %(keep_history)s
)
SELECT count(*) FROM written
"""


def relations_upsert(rows: list[tuple[int, int, str, float, str]]) -> int:
    """Insert or update machine relations (a, b, type, score, explanation), a < b, with their history rows."""
    if not rows:
        return 0
    history = Relation.history.model
    user = history.get_default_history_user(Relation())  # the request's user, if any: as simple-history does
    sql = _RELATIONS_UPSERT_SQL.format(
        history_table=connection.ops.quote_name(history._meta.db_table),
        columns=", ".join(connection.ops.quote_name(f.column) for f in history.tracked_fields),
    )
    a, b, types, scores, explanations = (list(column) for column in zip(*sorted(rows), strict=True))
    params = {
        "now": timezone.now(),
        "machine": Origin.MACHINE.value,
        "unreviewed": Relation.ReviewStatus.MACHINE.value,
        "tolerance": RESCORE_TOLERANCE,
        "a": a,
        "b": b,
        "types": [str(t) for t in types],
        "scores": scores,
        "explanations": [e[:2000] for e in explanations],
        "user": user.pk if user is not None else None,
        "keep_history": getattr(settings, "SIMPLE_HISTORY_ENABLED", True),
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def _decided_pairs(ids: Sequence[int]) -> dict[tuple[int, int], str]:
    """Pairs a curator decided, never judged again: pair -> the relation's type, or "rejected"."""
    rows = Relation.objects.filter(Q(claim_a__in=ids) | Q(claim_b__in=ids)).exclude(
        origin=Origin.MACHINE, review_status=Relation.ReviewStatus.MACHINE
    )
    return {
        (a, b): Relation.ReviewStatus.REJECTED.value if status == Relation.ReviewStatus.REJECTED else kind
        for a, b, kind, status in rows.values_list("claim_a_id", "claim_b_id", "type", "review_status")
    }


# ---- small helpers -----------------------------------------------------------------------------


def _load(run: LinkRun, claims: QuerySet) -> list[Claim]:
    """Read claims (the fields a judgement needs, and their embeddings) once per run."""
    loaded = list(claims.select_related("article").only(*FACT_FIELDS))
    vectors = claim_vectors([c.pk for c in loaded])
    for claim in loaded:
        claim.embedding = vectors.get(claim.pk)
        run.claims.setdefault(claim.pk, claim)
    return [run.claims[c.pk] for c in loaded]


# pgvector's binary form (vector_send): dimensions and a reserved word as int16, then big-endian
# float4s. Read as bytes it costs microseconds a vector; the text form the ORM reads is parsed a
# float at a time, about 160 us a vector, a third of loading a run's candidates.
_VECTORS_SQL = "SELECT id, vector_send(embedding) FROM claims_claim WHERE id = ANY(%s) AND embedding IS NOT NULL"


def claim_vectors(ids: Sequence[int]) -> dict[int, np.ndarray]:
    """The stored embeddings of the given claims (float32), by claim id; claims without one are left out."""
    if not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_VECTORS_SQL, [list(ids)])
        return {pk: np.frombuffer(data, dtype=">f4", offset=4).astype(np.float32) for pk, data in cursor.fetchall()}


def _linkable(queryset: QuerySet) -> QuerySet:
    return queryset.exclude(review_status=Claim.ReviewStatus.REJECTED)


def _comparable(a: Claim, b: Claim) -> bool:
    """Two statements, or two positions on things (not a statement and a position)."""
    if a.position is not None or b.position is not None:
        return a.position is not None and b.position is not None
    return a.states_something and b.states_something


def _spans_overlap(a: Claim, b: Claim) -> bool:
    """Two claims of one article share words of its text."""
    return a.content_start < b.content_end and b.content_start < a.content_end


def _speaker_identity(claim: Claim) -> str | None:
    """Who is speaking, as far as extraction knows across articles: a resolved speaker is one
    person or body everywhere; an unresolved mention ("officials", "he") only within its article."""
    if claim.speaker_id:
        return f"speaker:{claim.speaker_id}"
    mention = normalize_speaker_name(claim.speaker_mention)
    return f"article:{claim.article_id}:{mention}" if mention else None


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)
