"""Linking an article's claims to the rest: relations (agree / conflict / same claim) and disputes.

Candidates come from the GIN indexes on ``Claim.terms`` / ``Claim.entities`` (an overlap query
with a limit, newest first), never from comparing every pair, so the cost of linking an article
follows the candidates it touches, not the size of the database. The pair logic is
`claims.nlp.compare`; this module only finds candidates and stores what it says.

Curator decisions survive every re-run: human-reviewed relations (`Relation.is_human_reviewed`)
are never replaced, a rejected relation is not used as evidence, curator memberships
(`PropositionMember.origin == curator`) are not moved, curator labels are not renamed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from articles.models import Article
from claims.models import Claim, Origin, Proposition, PropositionMember, Relation
from claims.naming import normalize_speaker_name
from claims.nlp import compare
from claims.nlp.compare import ClaimForm, PairVerdict
from common.exceptions import ApplicationError

# Newest claims sharing a key with the new one; older matches are reached through disputes.
CANDIDATES_PER_CLAIM = 120
# A dispute member gets a relation to at most this many other members (the newest ones).
RELATIONS_PER_DISPUTE_MEMBER = 300
# A reply ("that was untrue") answers a claim at most this many characters before it.
REPLY_WINDOW_CHARS = 700
MIN_CONFLICT_SCORE_TO_FOUND_DISPUTE = 0.6
MIN_AGREE_SCORE_TO_FOUND_DISPUTE = 0.85
MIN_DISPUTE_FIT = 0.45
DISPUTE_KEYS = 8
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


@dataclass
class LinkSummary:
    claims: int = 0
    candidates: int = 0
    relations: int = 0
    disputes_created: int = 0
    memberships: int = 0


@dataclass
class _Run:
    """One article's linking: forms computed once, relations gathered and written at the end."""

    article: Article
    forms: dict[int, ClaimForm] = field(default_factory=dict)
    claims: dict[int, Claim] = field(default_factory=dict)
    relations: dict[tuple[int, int], PairVerdict] = field(default_factory=dict)
    decided: set[tuple[int, int]] = field(default_factory=set)  # pairs a curator created or reviewed
    rejected: set[tuple[int, int]] = field(default_factory=set)  # pairs a curator said are unrelated
    summary: LinkSummary = field(default_factory=LinkSummary)
    touched: set[int] = field(default_factory=set)  # disputes that gained members in this run


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
    own = list(_linkable(article.claims.all()).order_by("content_start", "id"))
    _forget_machine_links(own)
    run.decided, run.rejected = _decided_pairs(own)
    for claim in own:
        _link_claim(run, claim, own)
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
    candidates = _candidates(run, claim, form, own)
    verdicts = [(c, v) for c in candidates if (v := compare.classify_pair(form, _form(run, c)))]
    verdicts = [(c, v) for c, v in verdicts if _pair(claim.pk, c.pk) not in run.rejected]
    for other, verdict in verdicts:
        _note(run, claim, other, verdict)
    _dispute_for(run, claim, form, candidates, verdicts)


def _candidates(run: _Run, claim: Claim, form: ClaimForm, own: Sequence[Claim]) -> list[Claim]:
    """Claims sharing a content key with ``claim``, through the GIN indexes, newest first."""
    lemmas, names = _lookup_values(form)
    found: list[Claim] = [c for c in own if c.pk != claim.pk]
    if lemmas or names:
        query = Q(terms__overlap=lemmas) | Q(entities__overlap=names)
        others = _linkable(Claim.objects.filter(query).exclude(article_id=claim.article_id))
        found += list(others.only(*_FORM_FIELDS).order_by("-id")[:CANDIDATES_PER_CLAIM])
    run.summary.candidates += len(found)
    return found


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
    if _curated_membership(claim):
        return
    member = _membership(previous)
    if member is None:
        proposition = _proposition_create(run, [previous], [_form(run, previous)])
        member = _member_add(run, previous, proposition, _side_of(_form(run, previous), ()))
    side = member.side if verdict.type == compare.AGREE else _other(member.side)
    _join(run, claim, member.proposition, side)


def _dispute_for(run: _Run, claim: Claim, form: ClaimForm, candidates: Sequence[Claim], verdicts) -> None:  # type: ignore[no-untyped-def]
    """Join the dispute the evidence points to, or found one on a strong conflict."""
    if _curated_membership(claim):
        _relations_from_dispute(run, claim)
        return
    if compare.reports_other(form):  # it observes a dispute, it takes no side in one
        return
    members = _memberships([c.pk for c in candidates])
    choice = _best_dispute(run, form, verdicts, members)
    if choice is not None:
        proposition, side = choice
        _join(run, claim, proposition, side)
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
        if not set(verdict.shared) & _anchors(run, member.proposition, members) - compare.SETTING_ANCHORS:
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
    taken = set(
        PropositionMember.objects.filter(claim__in=[c.pk for c in candidates]).values_list("claim_id", flat=True)
    )
    anchors = {k for k in proposition.key_terms if any(k in run.forms[c].anchors for c in run.forms)}
    for candidate in candidates:
        if candidate.pk in taken:
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
    keys = list(dict.fromkeys([*[k for k in shared if not compare._is_generic(k)], *keys]))[:8]
    label = compare.dispute_label(forms, keys)
    proposition = Proposition(label=label, key_terms=keys, origin=Origin.MACHINE)
    proposition.full_clean()
    proposition.save()
    run.summary.disputes_created += 1
    return proposition


def _join(run: _Run, claim: Claim, proposition: Proposition, side: str) -> None:
    current = _membership(claim)
    if current is not None and current.origin == Origin.CURATOR:
        return
    if current is not None and current.proposition_id == proposition.pk and current.side == side:
        return
    if current is not None:
        current.delete()
    _member_add(run, claim, proposition, side)
    _relations_from_dispute(run, claim)


def _member_add(run: _Run, claim: Claim, proposition: Proposition, side: str) -> PropositionMember:
    member = PropositionMember(proposition=proposition, claim=claim, side=side, origin=Origin.MACHINE)
    member.full_clean(validate_unique=False)
    member.save()
    run.touched.add(proposition.pk)
    run.summary.memberships += 1
    return member


def _relations_from_dispute(run: _Run, claim: Claim) -> None:
    """Every member pair in a dispute is related: same side agrees, opposite sides conflict."""
    member = _membership(claim)
    if member is None:
        return
    others = (
        PropositionMember.objects.filter(proposition_id=member.proposition_id)
        .exclude(claim_id=claim.pk)
        .exclude(claim__review_status=Claim.ReviewStatus.REJECTED)
        .select_related("claim")
        .order_by("-claim_id")[:RELATIONS_PER_DISPUTE_MEMBER]
    )
    label = member.proposition.label
    for other in others:
        kind = compare.AGREE if other.side == member.side else compare.CONFLICT
        direct = run.relations.get(_pair(claim.pk, other.claim_id))
        if direct is not None and direct.type in (kind, compare.SAME_CLAIM):
            continue
        why = (
            f"both {member.side[:-1]} the dispute '{label}'"
            if kind == compare.AGREE
            else f"opposite sides of the dispute '{label}' ({member.side} vs {other.side})"
        )
        _note(run, claim, other.claim, PairVerdict(kind, 0.5, why))


def _side_of(form: ClaimForm, keys: Iterable[str]) -> str:
    return PropositionMember.Side.SUPPORTS if compare.stance(form, keys) > 0 else PropositionMember.Side.REFUTES


def _other(side: str) -> str:
    refutes = PropositionMember.Side.REFUTES
    return PropositionMember.Side.SUPPORTS if side == refutes else refutes


def _dispute_keys_refresh(run: _Run) -> None:
    """Machine disputes learn the keys their members share; the founding keys stay first."""
    for proposition in Proposition.objects.filter(pk__in=run.touched, origin=Origin.MACHINE):
        claims = Claim.objects.filter(dispute_membership__proposition=proposition).only(*_FORM_FIELDS)[:200]
        learned, _ = compare.dispute_keys([claim_form_for(c) for c in claims])
        founding = proposition.key_terms[:3]
        keys = list(dict.fromkeys([*founding, *learned]))[:DISPUTE_KEYS]
        if keys != proposition.key_terms:
            proposition.key_terms = keys
            proposition.save(update_fields=["key_terms", "updated_at"])


# ---- storage -----------------------------------------------------------------------------------


def _note(run: _Run, claim: Claim, other: Claim, verdict: PairVerdict) -> None:
    key = _pair(claim.pk, other.pk)
    if key in run.decided:
        return
    run.claims.setdefault(claim.pk, claim)
    run.claims.setdefault(other.pk, other)
    run.relations[key] = verdict


def _relations_store(run: _Run) -> int:
    """Write the gathered relations, leaving alone every pair a curator has decided."""
    ids = {i for pair in run.relations for i in pair}
    existing = {
        (a, b)
        for a, b in Relation.objects.filter(claim_a__in=ids, claim_b__in=ids).values_list("claim_a_id", "claim_b_id")
        if (a, b) in run.relations
    }
    rows = [
        Relation(claim_a_id=a, claim_b_id=b, type=v.type, score=v.score, explanation=v.explanation[:2000])
        for (a, b), v in run.relations.items()
        if (a, b) not in existing
    ]
    bulk_create_with_history(rows, Relation, batch_size=500)
    return len(rows)


def _forget_machine_links(claims: Sequence[Claim]) -> None:
    """Drop the machine relations and machine memberships of these claims (re-linking rebuilds them)."""
    ids = [c.pk for c in claims]
    touching = Q(claim_a__in=ids) | Q(claim_b__in=ids)
    Relation.objects.filter(touching, origin=Origin.MACHINE, review_status=Relation.ReviewStatus.MACHINE).delete()
    emptied = set(
        PropositionMember.objects.filter(claim__in=ids, origin=Origin.MACHINE).values_list("proposition_id", flat=True)
    )
    PropositionMember.objects.filter(claim__in=ids, origin=Origin.MACHINE).delete()
    Proposition.objects.filter(
        pk__in=emptied, origin=Origin.MACHINE, label_curated=False, members__isnull=True
    ).delete()


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


def _membership(claim: Claim) -> PropositionMember | None:
    return PropositionMember.objects.select_related("proposition").filter(claim_id=claim.pk).first()


def _memberships(claim_ids: Sequence[int]) -> dict[int, PropositionMember]:
    rows = PropositionMember.objects.select_related("proposition").filter(claim_id__in=claim_ids)
    return {m.claim_id: m for m in rows}


def _curated_membership(claim: Claim) -> bool:
    return PropositionMember.objects.filter(claim_id=claim.pk, origin=Origin.CURATOR).exists()
