"""Speaker rows: one per real speaker, found again by name or alias across articles."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q

from claims.models import Speaker, SpeakerAlias
from claims.naming import (
    is_full_name,
    names_no_one,
    normalize_speaker_name,
    with_middle_initials_pattern,
    without_middle_initials,
)
from claims.nlp.types import SpeakerKind, SpeakerRef


def speaker_find(*, name: str) -> Speaker | None:
    key = normalize_speaker_name(name)
    if not key:
        return None
    return (
        Speaker.objects.filter(Q(normalized_name=key) | Q(aliases__normalized_name=key))
        .order_by("id")
        .first()
    )


@transaction.atomic
def speaker_resolve(*, ref: SpeakerRef) -> Speaker | None:
    """The speaker row for an extracted reference, created on first sight.

    None when the name has nothing to key on (only determiners or punctuation) or names no one
    (a pronoun the extractor could not resolve, "he", "those"): the claim then keeps the mention
    as written and no speaker row, so one "he" never gathers different people's claims.

    Matching uses the canonical name and the reference's full-name aliases, then, for a person,
    the same name with or without middle initials; a lone surname never matches across articles
    ("Warren" in one story is not every Warren). Fields a curator
    set are left alone; blanks are filled from what this article says.
    """
    if not normalize_speaker_name(ref.name) or names_no_one(ref.name):
        return None
    speaker = speaker_find(name=ref.name)
    if speaker is None:
        for alias in ref.aliases:
            if is_full_name(alias) and (speaker := speaker_find(name=alias)):
                break
    if speaker is None and ref.kind == SpeakerKind.PERSON:
        speaker = _speaker_find_by_initials(ref.name)
    if speaker is None:
        speaker = _speaker_create(ref)
    # Save only what changed: every save writes a history row that curators read.
    elif _fill_blanks(speaker, ref):
        speaker.full_clean(validate_constraints=False)
        speaker.save()
    # Aliases are the short name forms the extractor gives; the mention is the source phrase as
    # written at one claim ("Jane Doe, who chairs the panel," or "she"), not a name.
    _aliases_add(speaker, {ref.name, *ref.aliases} - {speaker.name})
    return speaker


def _speaker_find_by_initials(name: str) -> Speaker | None:
    """The one person whose name differs from ``name`` only by middle initials on one side
    ("Donald J. Trump" and "Donald Trump", as two outlets write one man).

    Never when both sides have initials ("George W. Bush" is not "George H. W. Bush"), and never
    when two speakers would fit ("George Bush" against both): no match then, rather than a guess.
    """
    key = normalize_speaker_name(name)
    bare = without_middle_initials(key)
    if bare != key:
        fits = Q(normalized_name=bare) | Q(aliases__normalized_name=bare)
    elif pattern := with_middle_initials_pattern(key):
        fits = Q(normalized_name__regex=pattern) | Q(aliases__normalized_name__regex=pattern)
    else:
        return None
    found = list(Speaker.objects.filter(fits).distinct().order_by("id")[:2])
    return found[0] if len(found) == 1 else None


def _speaker_create(ref: SpeakerRef) -> Speaker:
    """Insert a speaker for ``ref``, or take the row another worker inserted under the same key.

    The unique key on ``normalized_name`` decides between two workers that both found no row:
    the second insert waits for the first transaction and fails once it commits. The insert
    runs in a savepoint so that failure leaves the caller's transaction usable, and the row
    that won is read afresh (READ COMMITTED: the next statement sees the committed row).
    """
    key = normalize_speaker_name(ref.name)
    # A runaway mention (a parse of a 2 MB one-line text) is cut to the column, not fatal.
    speaker = Speaker(name=ref.name[:300], normalized_name=key, kind=ref.kind)
    _fill_blanks(speaker, ref)
    # The database checks the key; a SELECT here first would only widen the race window.
    speaker.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            speaker.save()
        return speaker
    except IntegrityError:
        speaker = Speaker.objects.get(normalized_name=key)
    if _fill_blanks(speaker, ref):
        speaker.full_clean(validate_constraints=False)
        speaker.save()
    return speaker


def _fill_blanks(speaker: Speaker, ref: SpeakerRef) -> bool:
    """Fill kind, role and affiliation where empty; return whether anything changed."""
    if speaker.curated:
        return False
    before = (speaker.kind, speaker.role, speaker.affiliation)
    if speaker.kind == Speaker.Kind.UNKNOWN and ref.kind in Speaker.Kind.values:
        speaker.kind = ref.kind
    speaker.role = speaker.role or ref.role[:300]
    speaker.affiliation = speaker.affiliation or ref.affiliation[:200]
    return before != (speaker.kind, speaker.role, speaker.affiliation)


def _aliases_add(speaker: Speaker, names: set[str]) -> None:
    known = set(speaker.aliases.values_list("normalized_name", flat=True))
    # In a fixed order: two workers adding the same aliases then wait for each other in one order.
    for name in sorted(names):
        if normalize_speaker_name(name) not in known:
            speaker_alias_add(speaker=speaker, name=name)


def speaker_alias_add(*, speaker: Speaker, name: str) -> None:
    """Record another form of the speaker's name; pronouns and generic nouns are not names."""
    key = normalize_speaker_name(name)
    if not key or key == speaker.normalized_name or not any(ch.isupper() for ch in name):
        return
    try:
        with transaction.atomic():
            SpeakerAlias.objects.get_or_create(speaker=speaker, normalized_name=key, defaults={"name": name[:300]})
    except IntegrityError:
        pass  # a concurrent ingest added the same alias
