"""Linking an article's claims to the rest: relations (agree / conflict / same claim) and disputes.

Candidates come from the GIN indexes on ``Claim.terms`` / ``Claim.entities`` (an overlap query
with a limit, newest first), never from comparing every pair, so the cost of linking an article
follows the candidates it touches, not the size of the database. The pair logic is
`claims.nlp.compare`; this module only finds candidates and stores what it says.

Only direct evidence is stored as a `Relation`: a pair the comparison classified, a reply that
points back ("that was untrue"), a syndicated copy. The agreement and conflict *implied* by a
dispute (same side = agree, opposite sides = conflict) are not stored pair by pair, which would
grow with the square of the dispute's size: `claims.selectors.links` derives them from
membership where they are read (claim page, export).

Curator decisions survive every re-run: human-reviewed relations (`Relation.is_human_reviewed`)
are never replaced, a rejected relation is not used as evidence, curator memberships
(`PropositionMember.origin == curator`) are not moved, curator labels are not renamed.

Two workers may link overlapping articles at once, each having read the other's pairs before
either commits. Writes are therefore upserts on the unique keys (a claim pair, a claim's
membership): a relation the other worker stored is updated as this run's own would be, and only
while it is still the machine's; a claim the other worker put in a dispute stays there. Nothing
fails, and a curator's decision made meanwhile is never written over.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from articles.models import Article
from claims.models import Claim, Origin, Proposition, PropositionMember, Relation
from claims.naming import normalize_speaker_name
from claims.nlp import compare
from claims.nlp.compare import ClaimForm, PairVerdict
from common.exceptions import ApplicationError

# Newest claims sharing a key with the new one; older matches are reached through disputes.
CANDIDATES_PER_CLAIM = 120
# A reply ("that was untrue") answers a claim at most this many characters before it.
REPLY_WINDOW_CHARS = 700
MIN_CONFLICT_SCORE_TO_FOUND_DISPUTE = 0.6
MIN_AGREE_SCORE_TO_FOUND_DISPUTE = 0.85
MIN_DISPUTE_FIT = 0.45
DISPUTE_KEYS = 8
# Members read to learn a dispute's keys (the newest ones): enough to see what they share.
DISPUTE_KEY_SAMPLE = 200
# A verdict with a member brings a claim into that member's dispute only when it is this sure.
MIN_EVIDENCE_SCORE = 0.5
LINKABLE = (Article.Status.EXTRACTED, Article.Status.LINKED)
# What a claim's normal form and a reply lookup read; candidates load nothing else.
_FORM_FIELDS = (
    "id",
    "article_id",
    "speaker_id",
    "speaker_mention",
    "content",
    "content_start",
    "content_end",
    "terms",
    "entities",
    "polarity",
    "cue_class",
    "review_status",
)
# The candidate query brings each claim's dispute membership along (one query, not one per claim).
_MEMBER_FIELDS = tuple(
    f"dispute_membership__{name}"
    for name in (
        "id",
        "side",
        "origin",
        "proposition__id",
        "proposition__key_terms",
        "proposition__label",
        "proposition__origin",
    )
)


@dataclass
class LinkSummary:
    claims: int = 0
    candidates: int = 0
    relations: int = 0
    disputes_created: int = 0
    memberships: int = 0


@dataclass
class _Run:
    """One article's linking: forms and memberships read once, everything written at the end."""

    article: Article
    forms: dict[int, ClaimForm] = field(default_factory=dict)
    loaded: dict[int, Claim] = field(default_factory=dict)  # every claim seen: the article's and candidates
    candidate_ids: dict[int, list[int]] = field(default_factory=dict)  # per article claim, newest first
    # Each claim's dispute membership as this run leaves it (unsaved = new).
    members: dict[int, PropositionMember | None] = field(default_factory=dict)
    dropped: list[int] = field(default_factory=list)  # membership rows to delete (claims that moved)
    # The machine links the article's claims had before: rebuilt by the run, written only where they differ.
    previous_members: dict[int, PropositionMember] = field(default_factory=dict)
    previous_relations: dict[tuple[int, int], Relation] = field(default_factory=dict)
    relations: dict[tuple[int, int], PairVerdict] = field(default_factory=dict)
    decided: set[tuple[int, int]] = field(default_factory=set)  # pairs a curator created or reviewed
    rejected: set[tuple[int, int]] = field(default_factory=set)  # pairs a curator said are unrelated
    summary: LinkSummary = field(default_factory=LinkSummary)
    touched: set[int] = field(default_factory=set)  # disputes that gained members in this run
    created: set[int] = field(default_factory=set)  # disputes this run founded


# ---- entry points ------------------------------------------------------------------------------


@transaction.atomic
def claims_link_for_article(*, article: Article) -> LinkSummary:
    """Link the article's claims to each other and to stored claims; mark the article linked.

    Machine links of the article's claims are rebuilt from scratch; curator ones stay. The
    article must have been extracted (a FAILED or FETCHED article has nothing to link).
    """
    Article.objects.select_for_update().filter(pk=article.pk).first()  # one linking per article at a time
    if article.status not in LINKABLE:
        raise ApplicationError(f"Article {article.pk} is {article.status}: extract its claims before linking.")
    run = _Run(article=article)
    own = _with_members(run, _linkable(article.claims.all()).order_by("content_start", "id"))
    _set_aside_machine_links(run, own)
    run.decided, run.rejected = _decided_pairs(own)
    _load_candidates(run, own)
    for claim in own:
        _link_claim(run, claim, own)
    _memberships_store(run)
    run.summary.relations = _relations_store(run)
    _dispute_keys_refresh(run)
    run.summary.claims = len(own)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.LINKED)
    article.status = Article.Status.LINKED
    return run.summary


def claims_link_all(*, articles: Iterable[Article] | None = None) -> LinkSummary:
    """Link every extracted article in id order (an article at a time, each in its own transaction)."""
    total = LinkSummary()
    queryset = articles if articles is not None else Article.objects.filter(status__in=LINKABLE).order_by("id")
    for article in queryset:
        done = claims_link_for_article(article=article)
        for name in ("claims", "candidates", "relations", "disputes_created", "memberships"):
            setattr(total, name, getattr(total, name) + getattr(done, name))
    return total


def claim_form_for(claim: Claim) -> ClaimForm:
    """The comparable normal form of a stored claim."""
    speaker = str(claim.speaker_id) if claim.speaker_id else normalize_speaker_name(claim.speaker_mention)
    return compare.claim_form(
        text=claim.content,
        terms=claim.terms,
        entities=claim.entities,
        polarity=claim.polarity,
        cue_class=claim.cue_class,
        speaker=speaker,
        article=str(claim.article_id),
        position=claim.content_start,
        ident=claim.pk,
    )


# ---- one claim ---------------------------------------------------------------------------------


def _link_claim(run: _Run, claim: Claim, own: Sequence[Claim]) -> None:
    form = _form(run, claim)
    reply = _reply(run, claim, form, own)
    if reply is not None:
        previous, verdict = reply
        _note(run, claim, previous, verdict)
        _dispute_for_reply(run, claim, previous, verdict)
        return
    candidates = _candidates(run, claim, own)
    verdicts = [(c, v) for c in candidates if (v := compare.classify_pair(form, _form(run, c)))]
    verdicts = [(c, v) for c, v in verdicts if _pair(claim.pk, c.pk) not in run.rejected]
    for other, verdict in verdicts:
        _note(run, claim, other, verdict)
    _dispute_for(run, claim, form, candidates, verdicts)


def _candidates(run: _Run, claim: Claim, own: Sequence[Claim]) -> list[Claim]:
    """The article's other claims, and the claims sharing a content key with ``claim`` (newest first)."""
    found: list[Claim] = [c for c in own if c.pk != claim.pk]
    found += [run.loaded[i] for i in run.candidate_ids.get(claim.pk, ()) if i in run.loaded]
    run.summary.candidates += len(found)
    return found


# For each of the article's claims (one row of ``keys``), the newest claims of other articles whose
# terms or entities overlap its keys: one index-driven LATERAL subquery per claim, one round trip.
_CANDIDATES_SQL = """
SELECT keys.claim_id, found.id
FROM jsonb_to_recordset(%s::jsonb) AS keys(claim_id bigint, lemmas varchar[], names varchar[])
CROSS JOIN LATERAL (
    SELECT "claims_claim"."id" FROM "claims_claim"
    WHERE ("claims_claim"."terms" && keys.lemmas OR "claims_claim"."entities" && keys.names)
      AND "claims_claim"."article_id" <> %s AND "claims_claim"."review_status" <> %s
    ORDER BY "claims_claim"."id" DESC
    LIMIT %s
) AS found
"""


def _load_candidates(run: _Run, own: Sequence[Claim]) -> None:
    """Find every claim's candidates through the GIN indexes and read each candidate once."""
    rows = []
    for claim in own:
        lemmas, names = _lookup_values(_form(run, claim))
        if lemmas or names:
            rows.append({"claim_id": claim.pk, "lemmas": lemmas, "names": names})
    if not rows:
        return
    params = [json.dumps(rows), run.article.pk, Claim.ReviewStatus.REJECTED, CANDIDATES_PER_CLAIM]
    with connection.cursor() as cursor:
        cursor.execute(_CANDIDATES_SQL, params)
        for claim_id, candidate_id in cursor.fetchall():
            run.candidate_ids.setdefault(claim_id, []).append(candidate_id)
    wanted = {i for ids in run.candidate_ids.values() for i in ids} - run.loaded.keys()
    _with_members(run, Claim.objects.filter(pk__in=sorted(wanted)))


def _with_members(run: _Run, claims) -> list[Claim]:  # type: ignore[no-untyped-def]
    """Load claims (form fields only) with their memberships; the run keeps the first copy it sees."""
    loaded = list(claims.select_related("dispute_membership__proposition").only(*_FORM_FIELDS, *_MEMBER_FIELDS))
    for claim in loaded:
        if claim.pk not in run.loaded:
            run.loaded[claim.pk] = claim
            try:
                run.members[claim.pk] = claim.dispute_membership
            except ObjectDoesNotExist:
                run.members[claim.pk] = None
    return [run.loaded[c.pk] for c in loaded]


def _lookup_values(form: ClaimForm) -> tuple[list[str], list[str]]:
    """Stored spellings to look for: every surface form of each content key (``isis`` → isil, …)."""
    lemmas: set[str] = set()
    names: set[str] = set()
    for key in form.keys:
        if compare._is_generic(key):
            continue
        forms = compare.ALIASES.get(key) or compare.SYNONYMS.get(key) or (key,)
        lemmas.update(f for f in forms if " " not in f)
        lemmas.add(key)
        if key in form.anchors:
            shown = form.display.get(key, key)
            names.update({shown, *(f.title() for f in forms), *(f.upper() for f in forms if len(f) <= 5)})
    return sorted(lemmas), sorted(names)


def _reply(run: _Run, claim: Claim, form: ClaimForm, own: Sequence[Claim]) -> tuple[Claim, PairVerdict] | None:
    """A reply and the claim reported just before it in the same article, with the verdict."""
    before = [c for c in own if c.content_end <= claim.content_start and c.pk != claim.pk]
    if not before or compare.refers_back(form) is None:
        return None
    previous = before[-1]
    if claim.content_start - previous.content_end > REPLY_WINDOW_CHARS:
        return None
    verdict = compare.reply_verdict(form, _form(run, previous))
    return (previous, verdict) if verdict else None


# ---- disputes ----------------------------------------------------------------------------------


def _dispute_for_reply(run: _Run, claim: Claim, previous: Claim, verdict: PairVerdict) -> None:
    if _curated_membership(run, claim):
        return
    member = run.members.get(previous.pk)
    if member is None:
        proposition = _proposition_create(run, [previous], [_form(run, previous)])
        member = _join(run, previous, proposition, _side_of(_form(run, previous), ()))
        if member is None:
            return
    side = member.side if verdict.type == compare.AGREE else _other(member.side)
    _join(run, claim, member.proposition, side)


def _dispute_for(run: _Run, claim: Claim, form: ClaimForm, candidates: Sequence[Claim], verdicts) -> None:  # type: ignore[no-untyped-def]
    """Join the dispute the evidence points to, or found one on a strong conflict."""
    if _curated_membership(run, claim):
        return
    if compare.reports_other(form):  # it observes a dispute, it takes no side in one
        return
    members = {c.pk: m for c in candidates if (m := run.members.get(c.pk)) is not None}
    choice = _best_dispute(run, form, verdicts, members)
    if choice is not None:
        proposition, side = choice
        if member := _join(run, claim, proposition, side):
            _pull_in(run, claim, member, verdicts)
        return
    # Conflicts found disputes; a strong agreement founds a proposition with one side (so far).
    founding = [
        (c, v)
        for c, v in verdicts
        if (v.type == compare.CONFLICT and v.score >= MIN_CONFLICT_SCORE_TO_FOUND_DISPUTE)
        or (v.type == compare.AGREE and v.score >= MIN_AGREE_SCORE_TO_FOUND_DISPUTE)
    ]
    if not founding:
        return
    partner, verdict = max(founding, key=lambda cv: (cv[1].type == compare.CONFLICT, cv[1].score))
    founders = [partner, claim]
    proposition = _proposition_create(run, founders, [_form(run, c) for c in founders], verdict.shared)
    for founder in founders:
        _join(run, founder, proposition, _side_of(_form(run, founder), verdict.shared))
    _backfill(run, proposition, candidates)


def _pull_in(run: _Run, claim: Claim, member: PropositionMember, verdicts) -> None:  # type: ignore[no-untyped-def]
    """Candidates in no dispute that the claim has a sure verdict with, about the dispute's subject,
    join it on the side the verdict gives: evidence found later also places earlier claims."""
    subjects = set(member.proposition.key_terms) - compare.SETTING_ANCHORS
    form = _form(run, claim)
    for other, verdict in verdicts:
        if run.members.get(other.pk) is not None or verdict.type == compare.SAME_CLAIM:
            continue
        theirs = _form(run, other)
        if verdict.score < MIN_EVIDENCE_SCORE or compare.reports_other(theirs):
            continue
        if _about(form, theirs, verdict, subjects & (form.anchors | theirs.anchors)):
            _join(run, other, member.proposition, member.side if verdict.type == compare.AGREE else _other(member.side))


def _about(form: ClaimForm, other: ClaimForm, verdict: PairVerdict, subjects: set[str]) -> bool:
    """A verdict is evidence about a dispute when it is on one of the dispute's subjects, or on
    rival parties of one action (which the dispute's subject is one of)."""
    return bool(set(verdict.shared) & subjects) or compare.rival_parties(form, other, verdict.shared) is not None


def _best_dispute(run: _Run, form: ClaimForm, verdicts, members: dict[int, PropositionMember]):  # type: ignore[no-untyped-def]
    """(dispute, side) for the claim, or None.

    Options are the disputes of candidates the claim has a sure verdict with (side from the
    verdict and that member's side) and the disputes whose keys it fits (side from its stance).
    Between options, the surer wins, and an established dispute (more members seen) a little more.
    """
    options: list[tuple[float, Proposition, str]] = []
    for claim, verdict in verdicts:
        member = members.get(claim.pk)
        if member is None or verdict.type == compare.SAME_CLAIM or verdict.score < MIN_EVIDENCE_SCORE:
            continue
        subjects = _anchors(run, member.proposition, members) - compare.SETTING_ANCHORS
        if not _about(form, _form(run, claim), verdict, subjects):
            continue
        side = member.side if verdict.type == compare.AGREE else _other(member.side)
        options.append((verdict.score, member.proposition, side))
    for proposition in {m.proposition_id: m.proposition for m in members.values()}.values():
        fit = compare.dispute_fit(form, proposition.key_terms, _anchors(run, proposition, members))
        if fit and fit[0] >= MIN_DISPUTE_FIT:
            options.append((fit[0], proposition, fit[1]))
    if not options:
        return None
    seen = Counter(m.proposition_id for m in members.values())
    score, proposition, side = max(options, key=lambda o: o[0] + 0.05 * math.log2(1 + seen[o[1].pk]))
    return proposition, side


def _anchors(run: _Run, proposition: Proposition, members: dict[int, PropositionMember]) -> set[str]:
    """The dispute's keys that name who or what it is about (anchors of its members' forms)."""
    anchors: set[str] = set()
    for claim_id, member in members.items():
        if member.proposition_id == proposition.pk and claim_id in run.forms:
            anchors |= run.forms[claim_id].anchors
    return (anchors | set(compare.ALIASES)) & set(proposition.key_terms)


def _backfill(run: _Run, proposition: Proposition, candidates: Sequence[Claim]) -> None:
    """Bring in earlier candidates that fit the new dispute and belong to no dispute yet."""
    anchors = {k for k in proposition.key_terms if any(k in run.forms[c].anchors for c in run.forms)}
    for candidate in candidates:
        if run.members.get(candidate.pk) is not None:
            continue
        fit = compare.dispute_fit(_form(run, candidate), proposition.key_terms, anchors)
        if fit and fit[0] >= MIN_DISPUTE_FIT:
            _join(run, candidate, proposition, fit[1])


def _proposition_create(
    run: _Run, claims: Sequence[Claim], forms: Sequence[ClaimForm], shared: Iterable[str] = ()
) -> Proposition:
    keys, _ = compare.dispute_keys(forms)
    if not keys:  # a reply founds a dispute with one claim: that claim's own keys
        keys = sorted({k for f in forms for k in f.keys if not compare._is_generic(k)})
    keys = list(dict.fromkeys([*[k for k in shared if not compare._is_generic(k)], *keys]))[:DISPUTE_KEYS]
    label = compare.dispute_label(forms, keys)
    proposition = Proposition(label=label, key_terms=keys, origin=Origin.MACHINE)
    proposition.full_clean()
    proposition.save()
    run.created.add(proposition.pk)
    run.summary.disputes_created += 1
    return proposition


def _join(run: _Run, claim: Claim, proposition: Proposition, side: str) -> PropositionMember | None:
    """Put the claim on ``side`` of the dispute (in the run; `_memberships_store` writes it)."""
    current = run.members.get(claim.pk)
    if current is not None and current.origin == Origin.CURATOR:
        return None
    if current is not None and current.proposition_id == proposition.pk and current.side == side:
        return current
    if current is not None and current.pk:
        run.dropped.append(current.pk)
    member = PropositionMember(proposition=proposition, claim_id=claim.pk, side=side, origin=Origin.MACHINE)
    run.members[claim.pk] = member
    run.touched.add(proposition.pk)
    run.summary.memberships += 1
    return member


def _side_of(form: ClaimForm, keys: Iterable[str]) -> str:
    return PropositionMember.Side.SUPPORTS if compare.stance(form, keys) > 0 else PropositionMember.Side.REFUTES


def _other(side: str) -> str:
    refutes = PropositionMember.Side.REFUTES
    return PropositionMember.Side.SUPPORTS if side == refutes else refutes


def _dispute_keys_refresh(run: _Run) -> None:
    """Machine disputes learn the keys their members share; the founding keys stay first."""
    for proposition in Proposition.objects.filter(pk__in=run.touched, origin=Origin.MACHINE):
        claims = Claim.objects.filter(dispute_membership__proposition=proposition).order_by("-id")
        forms = [run.forms.get(c.pk) or claim_form_for(c) for c in claims.only(*_FORM_FIELDS)[:DISPUTE_KEY_SAMPLE]]
        learned, _ = compare.dispute_keys(forms)
        founding = proposition.key_terms[:3]
        keys = list(dict.fromkeys([*founding, *learned]))[:DISPUTE_KEYS]
        if keys != proposition.key_terms:
            proposition.key_terms = keys
            proposition.save(update_fields=["key_terms", "updated_at"])


# ---- storage -----------------------------------------------------------------------------------


def _note(run: _Run, claim: Claim, other: Claim, verdict: PairVerdict) -> None:
    key = _pair(claim.pk, other.pk)
    if key not in run.decided:
        run.relations[key] = verdict


def _memberships_store(run: _Run) -> None:
    """Write the run's membership changes: rows of claims that moved go, new rows come in bulk.

    An article claim the run puts back where it was keeps its row (no write at all).
    """
    for claim_id, before in run.previous_members.items():
        now = run.members.get(claim_id)
        if (
            now is not None
            and now.pk is None
            and (now.proposition_id, now.side) == (before.proposition_id, before.side)
        ):
            run.members[claim_id] = before
        else:
            run.dropped.append(before.pk)
    if run.dropped:
        emptied = set(PropositionMember.objects.filter(pk__in=run.dropped).values_list("proposition_id", flat=True))
        _delete_locked(PropositionMember.objects.filter(pk__in=run.dropped, origin=Origin.MACHINE))
        Proposition.objects.filter(
            pk__in=emptied, origin=Origin.MACHINE, label_curated=False, members__isnull=True
        ).delete()
    new = [m for m in run.members.values() if m is not None and m.pk is None]
    for member in new:  # the run chose both rows itself: no query per foreign key
        member.clean_fields(exclude=["claim", "proposition"])
    lost = _members_insert(new)
    if lost:
        _members_taken_elsewhere(run, lost)


# A claim is in one dispute at most (unique claim_id). Another worker linking an overlapping article
# may have put a claim there since this run read it: its row stands, as if it had been read first.
# Inserted in claim order, so two workers inserting the same claims wait for each other in one order.
_MEMBERS_INSERT_SQL = """
INSERT INTO claims_propositionmember AS m (created_at, updated_at, proposition_id, claim_id, side, origin)
SELECT %(now)s, %(now)s, v.proposition_id, v.claim_id, v.side, %(machine)s
FROM unnest(%(proposition_ids)s::bigint[], %(claim_ids)s::bigint[], %(sides)s::varchar[])
     AS v(proposition_id, claim_id, side)
ORDER BY v.claim_id
ON CONFLICT (claim_id) DO NOTHING
RETURNING m.id, m.claim_id
"""


def _members_insert(members: list[PropositionMember]) -> list[PropositionMember]:
    """Insert new memberships with their history rows; return those whose claim another worker placed."""
    if not members:
        return []
    now = timezone.now()
    params = {
        "now": now,
        "machine": Origin.MACHINE.value,
        "proposition_ids": [m.proposition_id for m in members],
        "claim_ids": [m.claim_id for m in members],
        "sides": [str(m.side) for m in members],
    }
    with connection.cursor() as cursor:
        cursor.execute(_MEMBERS_INSERT_SQL, params)
        inserted = {claim_id: pk for pk, claim_id in cursor.fetchall()}
    for member in members:
        member.pk = inserted.get(member.claim_id)
        member.created_at = member.updated_at = now
    PropositionMember.history.bulk_history_create([m for m in members if m.pk], batch_size=500)
    return [m for m in members if m.pk is None]


def _members_taken_elsewhere(run: _Run, lost: list[PropositionMember]) -> None:
    """The run goes on with the memberships that won; a dispute it founded and nobody joined goes."""
    claim_ids = [m.claim_id for m in lost]
    for member in PropositionMember.objects.select_related("proposition").filter(claim_id__in=claim_ids):
        run.members[member.claim_id] = member
    for claim_id in claim_ids:
        if run.members.get(claim_id) in lost:  # placed and removed again meanwhile: in no dispute
            run.members[claim_id] = None
    _, deleted = Proposition.objects.filter(pk__in=run.created, members__isnull=True).delete()
    run.summary.disputes_created -= deleted.get(Proposition._meta.label, 0)


def _relations_store(run: _Run) -> int:
    """Write the direct relations that differ from what was stored; drop those no longer found.

    A stored machine relation is dropped only when the run saw both claims (and found nothing):
    a link to a claim outside this run's candidates stays as its own linking left it.
    """
    rows = []
    for (a, b), verdict in run.relations.items():
        kind, why = _typed_by_dispute(run, a, b, verdict)
        stored = run.previous_relations.get((a, b))
        if stored is None or _differs(stored.type, stored.score, kind, verdict.score):
            rows.append((a, b, kind, verdict.score, why[:2000]))
    gone = [
        r.pk
        for pair, r in run.previous_relations.items()
        if pair not in run.relations and set(pair) <= run.loaded.keys()
    ]
    if gone:
        _delete_locked(
            Relation.objects.filter(pk__in=gone, origin=Origin.MACHINE, review_status=Relation.ReviewStatus.MACHINE)
        )
    return _relations_upsert(rows)


def _delete_locked(machine_rows: QuerySet) -> None:
    """Delete the rows that still match once locked: one a curator took over meanwhile no longer
    matches (READ COMMITTED re-checks the filter on a row it waited for) and stays. Django's
    ``delete()`` reads its rows without a lock, hence the locking read first."""
    ids = list(machine_rows.select_for_update().order_by("pk").values_list("pk", flat=True))
    if ids:
        machine_rows.model.objects.filter(pk__in=ids).delete()


def _differs(stored_type: str, stored_score: float, kind: str, score: float) -> bool:
    return stored_type != kind or abs(stored_score - score) > RESCORE_TOLERANCE  # same verdict: the words stay


# A stored verdict is rewritten when its type changes or its score moves by more than this.
RESCORE_TOLERANCE = 0.01

# New and changed relations in one statement. A pair another worker linked since this run read the
# relations is a conflict on the unique pair: its row is updated as this run's own would have
# been (only where the verdict changed), and only while it is still the machine's: a relation a
# curator made or reviewed is never written here. ``xmax = 0`` marks the rows inserted rather
# than updated (PostgreSQL sets xmax on the row an ON CONFLICT update replaces). Claim order
# makes two workers writing overlapping pairs wait for each other in one order.
_RELATIONS_UPSERT_SQL = """
INSERT INTO claims_relation AS r
    (created_at, updated_at, claim_a_id, claim_b_id, type, score, explanation, origin, review_status)
SELECT %(now)s, %(now)s, v.a, v.b, v.type, v.score, v.explanation, %(machine)s, %(unreviewed)s
FROM unnest(%(a)s::bigint[], %(b)s::bigint[], %(types)s::varchar[], %(scores)s::float8[], %(explanations)s::text[])
     AS v(a, b, type, score, explanation)
ORDER BY v.a, v.b
ON CONFLICT ON CONSTRAINT relation_unique_pair DO UPDATE
SET type = EXCLUDED.type, score = EXCLUDED.score, explanation = EXCLUDED.explanation, updated_at = EXCLUDED.updated_at
WHERE r.origin = %(machine)s AND r.review_status = %(unreviewed)s
  AND (r.type <> EXCLUDED.type OR abs(r.score - EXCLUDED.score) > %(tolerance)s)
RETURNING {columns}, r.xmax = 0
"""


def _relations_upsert(rows: list[tuple[int, int, str, float, str]]) -> int:
    """Insert or update machine relations (a, b, type, score, explanation) with their history rows."""
    if not rows:
        return 0
    fields = Relation._meta.concrete_fields
    sql = _RELATIONS_UPSERT_SQL.format(columns=", ".join(f"r.{connection.ops.quote_name(f.column)}" for f in fields))
    a, b, types, scores, explanations = (list(column) for column in zip(*sorted(rows), strict=True))
    params = {
        "now": timezone.now(),
        "machine": Origin.MACHINE.value,
        "unreviewed": Relation.ReviewStatus.MACHINE.value,
        "tolerance": RESCORE_TOLERANCE,
        **{"a": a, "b": b, "types": types, "scores": scores, "explanations": explanations},
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        written = [(Relation.from_db(connection.alias, [f.attname for f in fields], row[:-1]), row[-1]) for row in cursor]
    Relation.history.bulk_history_create([r for r, inserted in written if inserted], batch_size=500)
    Relation.history.bulk_history_create([r for r, inserted in written if not inserted], batch_size=500, update=True)
    return len(written)


def _typed_by_dispute(run: _Run, a: int, b: int, verdict: PairVerdict) -> tuple[str, str]:
    """A verdict that contradicts the two claims' sides in one dispute yields to the sides.

    The sides weigh every member's evidence, a single verdict only one pair's; the claim page
    and the export derive the same type from the sides, so what is stored agrees with them.
    """
    first, second = run.members.get(a), run.members.get(b)
    if verdict.type == compare.SAME_CLAIM or first is None or second is None:
        return verdict.type, verdict.explanation
    if first.proposition_id != second.proposition_id:
        return verdict.type, verdict.explanation
    kind = compare.AGREE if first.side == second.side else compare.CONFLICT
    if kind == verdict.type:
        return kind, verdict.explanation
    label = first.proposition.label
    why = (
        f"both {first.side[:-1]} the dispute '{label}'"
        if kind == compare.AGREE
        else f"opposite sides of the dispute '{label}' ({first.side} vs {second.side})"
    )
    return kind, why


def _set_aside_machine_links(run: _Run, own: Sequence[Claim]) -> None:
    """The article's machine memberships and machine relations, kept aside: the run decides afresh."""
    for claim in own:
        member = run.members.get(claim.pk)
        if member is not None and member.origin == Origin.MACHINE:
            run.previous_members[claim.pk] = member
            run.members[claim.pk] = None
    ids = [c.pk for c in own]
    machine = Relation.objects.filter(
        Q(claim_a__in=ids) | Q(claim_b__in=ids), origin=Origin.MACHINE, review_status=Relation.ReviewStatus.MACHINE
    )  # whole rows: the history rows of an update copy every field
    run.previous_relations = {(r.claim_a_id, r.claim_b_id): r for r in machine}


def _decided_pairs(claims: Sequence[Claim]) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Pairs a curator decided (never rewritten), and among them those rejected (never evidence)."""
    ids = [c.pk for c in claims]
    rows = Relation.objects.filter(Q(claim_a__in=ids) | Q(claim_b__in=ids)).exclude(
        origin=Origin.MACHINE, review_status=Relation.ReviewStatus.MACHINE
    )
    decided, rejected = set(), set()
    for a, b, status in rows.values_list("claim_a_id", "claim_b_id", "review_status"):
        decided.add((a, b))
        if status == Relation.ReviewStatus.REJECTED:
            rejected.add((a, b))
    return decided, rejected


# ---- small helpers -----------------------------------------------------------------------------


def _linkable(queryset):  # type: ignore[no-untyped-def]
    return queryset.exclude(review_status=Claim.ReviewStatus.REJECTED)


def _form(run: _Run, claim: Claim) -> ClaimForm:
    form = run.forms.get(claim.pk)
    if form is None:
        form = run.forms[claim.pk] = claim_form_for(claim)
    return form


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _curated_membership(run: _Run, claim: Claim) -> bool:
    member = run.members.get(claim.pk)
    return member is not None and member.origin == Origin.CURATOR
