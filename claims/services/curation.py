"""Curator decisions: reviewing claims and relations, merging speakers, shaping disputes.

Permissions are checked by the caller (admin, API, views); these functions check state and
raise `ApplicationError` for a change that makes no sense. Every decision is marked so machine
runs honour it:

- ``Claim.review_status`` other than machine: re-extraction keeps the claim as it is;
- ``Relation.origin == curator`` or ``Relation.review_status`` other than machine
  (``Relation.is_human_reviewed``): re-linking leaves the relation alone;
- ``PropositionMember.origin == curator``: re-linking does not move the claim to another dispute;
- ``Proposition.label_curated``: re-linking does not relabel the dispute;
- ``Speaker.curated``: speaker resolution does not overwrite kind, role or affiliation.

Each changed row records the curator as its history user (django-simple-history).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims.models import (
    Claim,
    Origin,
    Proposition,
    PropositionMember,
    Relation,
    Speaker,
    SpeakerAlias,
    SpeakerMerge,
)
from claims.naming import mention_name_key, normalize_speaker_name
from claims.tasks import claim_embed as claim_embed_task
from common.exceptions import ApplicationError

# Claim fields a curator may correct; changing any of them makes the claim "edited".
CLAIM_EDITABLE_FIELDS = (
    "content",
    "speaker",
    "speaker_mention",
    "claim_type",
    "cue_class",
    "polarity",
    "claim_date",
)
SPEAKER_CURATED_FIELDS = ("kind", "role", "affiliation")


def _as(instance: Any, user: AbstractBaseUser | None, reason: str) -> Any:
    """Attribute the next save of ``instance`` to ``user`` in its history, with a reason."""
    instance._history_user = user
    instance._change_reason = reason[:100]
    return instance


# ---- claims ------------------------------------------------------------------------------


@transaction.atomic
def claim_review(*, claim: Claim, user: AbstractBaseUser | None, status: str, content: str | None = None) -> Claim:
    """Set a claim's review status; new ``content`` makes it "edited" whatever status was asked.

    "machine" hands the claim back to the extractor: the next re-extraction may replace it.
    """
    changes = {"content": content} if content is not None and content != claim.content else {}
    claim_review_check(claim=claim, status=status, changes=changes)
    if changes:
        return claim_edit(claim=claim, user=user, changes=changes)
    claim.review_status = status
    return _claim_save_reviewed(claim, user, f"review: {status}")


def claim_review_check(*, claim: Claim, status: str, changes: Mapping[str, Any]) -> None:
    """Raise `ApplicationError` for a review that makes no sense; ``changes`` are corrections asked with it.

    `claim_review` checks this before it writes; a form calls it to show the refusal on the form.
    A claim a curator corrected stays "edited": the correction is already a person's check, and
    "verified" would hide that its text is no longer the extractor's.
    """
    if status not in Claim.ReviewStatus.values:
        raise ApplicationError(f"Unknown review status {status!r}.", {"status": status})
    if changes and status == Claim.ReviewStatus.REJECTED:
        raise ApplicationError(
            "Either correct the claim or reject it, not both at once: a rejected claim cannot have its text edited."
        )
    if changes or status == claim.review_status:
        return
    if status == Claim.ReviewStatus.EDITED:
        raise ApplicationError("Marking a claim as edited needs its corrected text.")
    if status == Claim.ReviewStatus.VERIFIED and claim.review_status == Claim.ReviewStatus.EDITED:
        raise ApplicationError("An edited claim stays edited: marking it verified would hide the correction.")


@transaction.atomic
def claim_edit(*, claim: Claim, user: AbstractBaseUser | None, changes: Mapping[str, Any]) -> Claim:
    """Correct a claim's fields (see ``CLAIM_EDITABLE_FIELDS``); a real change makes it "edited"."""
    unknown = set(changes) - set(CLAIM_EDITABLE_FIELDS)
    if unknown:
        raise ApplicationError(f"These claim fields cannot be edited: {', '.join(sorted(unknown))}.")
    if "content" in changes and not (changes["content"] or "").strip():
        raise ApplicationError("A claim's text cannot be empty.")
    changed = [name for name, value in changes.items() if getattr(claim, name) != value]
    if not changed:
        return claim
    for name in changed:
        setattr(claim, name, changes[name])
    claim.review_status = Claim.ReviewStatus.EDITED
    if "content" in changed:
        # The old vector no longer says what the claim says: none until the worker embeds the new text.
        claim.embedding = None
        claim.states_clause = None  # a curator's words are taken to state something: length alone decides
        claim.names_thing = None
        transaction.on_commit(lambda claim_id=claim.pk: claim_embed_task.delay(claim_id), robust=True)
    return _claim_save_reviewed(claim, user, f"edited: {', '.join(changed)}")


def _claim_save_reviewed(claim: Claim, user: AbstractBaseUser | None, reason: str) -> Claim:
    claim.reviewed_by = _user_or_none(user)
    claim.reviewed_at = timezone.now()
    claim.full_clean()
    _as(claim, user, reason).save()
    return claim


# ---- relations ---------------------------------------------------------------------------

RELATION_DECISIONS = (Relation.ReviewStatus.CONFIRMED, Relation.ReviewStatus.REJECTED)


@transaction.atomic
def relation_review(*, relation: Relation, user: AbstractBaseUser | None, decision: str) -> Relation:
    """Confirm or reject a relation; re-linking never overturns the decision."""
    if decision not in RELATION_DECISIONS:
        raise ApplicationError("A relation can only be confirmed or rejected.", {"decision": decision})
    relation.review_status = decision
    relation.reviewed_by = _user_or_none(user)
    relation.reviewed_at = timezone.now()
    relation.full_clean()
    _as(relation, user, f"review: {decision}").save()
    return relation


@transaction.atomic
def relation_create(*, claim_a: Claim, claim_b: Claim, type: str, user: AbstractBaseUser | None) -> Relation:
    """A curator's relation between two claims (or a curator's verdict on an existing pair)."""
    if claim_a.pk == claim_b.pk:
        raise ApplicationError("A claim cannot be related to itself.")
    if type not in Relation.Type.values:
        raise ApplicationError(f"Unknown relation type {type!r}.", {"type": type})
    low, high = sorted((claim_a, claim_b), key=lambda c: c.pk)
    try:
        with transaction.atomic():
            return _relation_decide(low, high, type, user)
    except IntegrityError:
        # Linking inserted this pair after the lookup (its insert won the unique pair key):
        # the curator's verdict goes on that row instead.
        return _relation_decide(low, high, type, user)


def _relation_decide(low: Claim, high: Claim, type: str, user: AbstractBaseUser | None) -> Relation:
    relation = Relation.objects.select_for_update().filter(claim_a=low, claim_b=high).first() or Relation(
        claim_a=low, claim_b=high, score=1.0, explanation="set by a curator"
    )
    relation.type = type
    relation.origin = Origin.CURATOR
    relation.review_status = Relation.ReviewStatus.CONFIRMED
    relation.reviewed_by = _user_or_none(user)
    relation.reviewed_at = timezone.now()
    relation.full_clean(validate_constraints=False)  # the pair key is the database's to check (above)
    _as(relation, user, f"curator relation: {type}").save()
    return relation


# ---- speakers ----------------------------------------------------------------------------


@transaction.atomic
def speaker_update(*, speaker: Speaker, user: AbstractBaseUser | None, changes: Mapping[str, Any]) -> Speaker:
    """Correct a speaker's name, kind, role or affiliation.

    Kind, role and affiliation set here are marked ``curated`` so extraction never overwrites
    them; a renamed speaker keeps its old name as an alias, so it is still found by it.
    """
    unknown = set(changes) - {"name", *SPEAKER_CURATED_FIELDS}
    if unknown:
        raise ApplicationError(f"These speaker fields cannot be edited: {', '.join(sorted(unknown))}.")
    old_name = speaker.name
    changed = [name for name, value in changes.items() if getattr(speaker, name) != value]
    for name in changed:
        setattr(speaker, name, changes[name])
    if "name" in changed:
        speaker.normalized_name = normalize_speaker_name(speaker.name)
        if not speaker.normalized_name:
            raise ApplicationError("A speaker's name needs at least one letter or digit.")
        _name_free_for(speaker)
    if set(changed) & set(SPEAKER_CURATED_FIELDS):
        speaker.curated = True
    if not changed:
        return speaker
    speaker.full_clean()
    _as(speaker, user, f"edited: {', '.join(changed)}").save()
    if "name" in changed:
        _alias_ensure(speaker, old_name, user)
        for redundant in speaker.aliases.filter(normalized_name=speaker.normalized_name):
            _as(redundant, user, "alias is now the name").delete()
    return speaker


def _name_free_for(speaker: Speaker) -> None:
    """A speaker's name key is its identity (unique in the database): a rename onto another
    speaker's name is a merge, and is refused here with that advice rather than failing on the key."""
    taken = Speaker.objects.filter(normalized_name=speaker.normalized_name).exclude(pk=speaker.pk).first()
    if taken is not None:
        raise ApplicationError(
            f"A speaker named {taken.name!r} already exists: merge the two speakers instead.",
            {"speaker_id": taken.pk},
        )


@transaction.atomic
def speakers_merge(*, source: Speaker, target: Speaker, user: AbstractBaseUser | None) -> Speaker:
    """Merge ``source`` into ``target``: its claims, aliases and earlier merges move over,
    its name becomes an alias, and a `SpeakerMerge` row keeps a snapshot of what it was.

    Target's own kind, role and affiliation win; blanks are filled from the source.
    """
    if source.pk == target.pk:
        raise ApplicationError("A speaker cannot be merged into itself.")
    locked = {s.pk: s for s in Speaker.objects.select_for_update().filter(pk__in=[source.pk, target.pk])}
    if len(locked) != 2:
        raise ApplicationError("One of the speakers no longer exists (merged or deleted meanwhile?).")
    source, target = locked[source.pk], locked[target.pk]
    snapshot = _speaker_snapshot(source)
    _claims_move_speaker(source.claims.all(), target, user, f"speaker merged: {source.name}")
    for alias in source.aliases.all():
        _alias_ensure(target, alias.name, user)
    _alias_ensure(target, source.name, user)
    SpeakerMerge.objects.filter(into=source).update(into=target)  # earlier merges stay traceable
    _fill_blanks_from(target, source, user)
    SpeakerMerge.objects.create(
        merged_name=source.name,
        merged_speaker_id=source.pk,
        into=target,
        merged_by=_user_or_none(user),
        snapshot=snapshot,
    )
    _as(source, user, f"merged into {target.name}"[:100]).delete()
    return target


def _speaker_snapshot(speaker: Speaker) -> dict[str, Any]:
    return {
        "name": speaker.name,
        "normalized_name": speaker.normalized_name,
        "kind": speaker.kind,
        "role": speaker.role,
        "affiliation": speaker.affiliation,
        "curated": speaker.curated,
        "aliases": list(speaker.aliases.values_list("name", flat=True)),
        "claim_ids": list(speaker.claims.order_by("pk").values_list("pk", flat=True)),
    }


def _claims_move_speaker(claims, target: Speaker, user: AbstractBaseUser | None, reason: str) -> None:
    # One UPDATE plus one history row per claim: every move shows in the claim's history, and a
    # speaker with thousands of claims merges in one request (bulk_update's CASE is much slower).
    moved = list(claims)
    now = timezone.now()
    for claim in moved:
        claim.speaker, claim.updated_at = target, now
    Claim.objects.filter(pk__in=[c.pk for c in moved]).update(speaker=target, updated_at=now)
    Claim.history.bulk_history_create(
        moved, batch_size=500, update=True, default_user=_user_or_none(user), default_change_reason=reason[:100]
    )


def _alias_ensure(speaker: Speaker, name: str, user: AbstractBaseUser | None) -> None:
    key = normalize_speaker_name(name)
    if not key or key == speaker.normalized_name or speaker.aliases.filter(normalized_name=key).exists():
        return
    _as(SpeakerAlias(speaker=speaker, name=name[:300], normalized_name=key), user, "alias added").save()


def _fill_blanks_from(target: Speaker, source: Speaker, user: AbstractBaseUser | None) -> None:
    if target.kind == Speaker.Kind.UNKNOWN:
        target.kind = source.kind
    target.role = target.role or source.role
    target.affiliation = target.affiliation or source.affiliation
    target.curated = target.curated or source.curated
    _as(target, user, f"merged {source.name}"[:100]).save()


@transaction.atomic
def speaker_alias_split(*, alias: SpeakerAlias, user: AbstractBaseUser | None) -> Speaker:
    """Make an alias a speaker of its own, taking the claims that name the speaker that way."""
    owner = Speaker.objects.select_for_update().get(pk=alias.speaker_id)
    taken = Speaker.objects.filter(normalized_name=alias.normalized_name).exclude(pk=owner.pk).first()
    if taken:
        raise ApplicationError(
            f"A speaker named {taken.name!r} already exists: merge or move the claims instead.",
            {"speaker_id": taken.pk},
        )
    speaker = Speaker(name=alias.name, normalized_name=alias.normalized_name, kind=owner.kind)
    speaker.full_clean()
    _as(speaker, user, f"split out of {owner.name}"[:100]).save()
    named_so = [c for c in owner.claims.all() if mention_name_key(c.speaker_mention) == alias.normalized_name]
    _claims_move_speaker(named_so, speaker, user, f"alias split: {alias.name}"[:100])
    _as(alias, user, f"split out of {owner.name}"[:100]).delete()
    return speaker


# ---- disputes ----------------------------------------------------------------------------


@transaction.atomic
def claim_move_to_dispute(
    *, claim: Claim, proposition: Proposition, side: str, user: AbstractBaseUser | None
) -> PropositionMember:
    """Put a claim in a dispute on one side (moving it out of any other dispute)."""
    if side not in PropositionMember.Side.values:
        raise ApplicationError(f"Unknown side {side!r}: use supports or refutes.", {"side": side})
    member = PropositionMember.objects.select_for_update().filter(claim=claim).first()
    member = member or PropositionMember(claim=claim)
    member.proposition = proposition
    member.side = side
    member.origin = Origin.CURATOR
    member.full_clean(validate_unique=False)
    _as(member, user, f"moved to dispute {proposition.pk} ({side})").save()
    return member


@transaction.atomic
def proposition_create(*, label: str, user: AbstractBaseUser | None) -> Proposition:
    """A dispute a curator opens (to move claims into): its label is curated from the start."""
    proposition = Proposition(origin=Origin.CURATOR)
    return proposition_rename(proposition=proposition, label=label, user=user)


@transaction.atomic
def proposition_rename(*, proposition: Proposition, label: str, user: AbstractBaseUser | None) -> Proposition:
    label = " ".join((label or "").split())
    if not label:
        raise ApplicationError("A dispute needs a label.")
    proposition.label = label
    proposition.label_curated = True
    proposition.full_clean()
    _as(proposition, user, "renamed").save()
    return proposition


@transaction.atomic
def propositions_merge(*, source: Proposition, target: Proposition, user: AbstractBaseUser | None) -> Proposition:
    """Move every member of ``source`` into ``target`` on the same side, then delete ``source``.

    Moved members become curator decisions: a curator said these claims belong to ``target``.
    """
    if source.pk == target.pk:
        raise ApplicationError("A dispute cannot be merged into itself.")
    for member in PropositionMember.objects.select_for_update().filter(proposition=source):
        member.proposition = target
        member.origin = Origin.CURATOR
        _as(member, user, f"dispute {source.pk} merged into {target.pk}").save()
    target.origin = Origin.CURATOR
    _as(target, user, f"merged dispute {source.pk}: {source.label}"[:100]).save()
    _as(source, user, f"merged into dispute {target.pk}").delete()
    return target


def _user_or_none(user: AbstractBaseUser | None) -> AbstractBaseUser | None:
    return user if user is not None and user.is_authenticated else None
