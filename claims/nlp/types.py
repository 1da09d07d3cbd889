"""Plain value types passed from the NLP layer to the services that store them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# Bump when extraction rules change in a way that alters output: stored claims record the
# version that produced them, and `manage.py reextract` refreshes the older ones.
EXTRACTOR_VERSION = "2026.12.15+tagger.1.0.0"  # rules version + the shipped tagger's meta.json version


# A merged split quote's content is its parts joined by an ellipsis, the editor's mark for words
# left out ("A … B" for "“A,” she said. “B.”"); its content_start/content_end span the whole run.
CONTENT_JOINER = " \u2026 "


# The vocabularies every layer shares, written once. They are ``StrEnum``s, so a member is its
# string: stored in a column, compared with a value read back, dumped to JSON. The models'
# choices (``claims.models``) take their values from these (tests/claims/test_vocabularies.py).


class ClaimType(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"
    HEADLINE = "headline"
    ACCORDING_TO = "according_to"


class CueClass(StrEnum):
    ASSERT = "assert"
    DENY = "deny"
    HEDGE = "hedge"
    REPORT = "report"


class Polarity(StrEnum):
    ASSERTED = "asserted"
    NEGATED = "negated"


class SpeakerKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GOVERNMENT = "government"
    GROUP = "group"
    UNKNOWN = "unknown"


class RelationType(StrEnum):
    """How two claims relate: what comparison says of a pair, what a stored relation records."""

    AGREE = "agree"
    CONFLICT = "conflict"
    SAME_CLAIM = "same_claim"


class HeadlineStance(StrEnum):
    """A headline towards a claim (Emergent's labels): states it, denies it, or only reports it."""

    FOR = "for"
    AGAINST = "against"
    OBSERVING = "observing"


class Side(StrEnum):
    """A claim's side in a dispute: it says the proposition is so, or that it is not."""

    SUPPORTS = "supports"
    REFUTES = "refutes"


class ExtractionMethod(StrEnum):
    """Which extractor found a claim: the rules, the trained tagger, or both."""

    RULES = "rules"
    MODEL = "model"
    BOTH = "both"


class Origin(StrEnum):
    """Who made a relation, a dispute or a membership: the machine or a curator."""

    MACHINE = "machine"
    CURATOR = "curator"


@dataclass(frozen=True)
class SpeakerRef:
    """Who said it, as resolved inside one article.

    ``name`` is the fullest form the article gives ("Robert Otto" for a later "Otto" or "he");
    ``mention`` is the text at this claim, with its character offsets in the article body.
    """

    name: str
    mention: str
    start: int
    end: int
    kind: str = SpeakerKind.UNKNOWN
    role: str = ""
    affiliation: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtractedClaim:
    """One attributed claim, with character offsets into the text it was extracted from."""

    speaker: SpeakerRef | None  # None: attribution without a source ("it was reported that")
    cue: str  # the cue as written: "said", "told", "according to", ":"
    cue_lemma: str
    cue_class: str
    claim_type: str
    content: str
    content_start: int
    content_end: int
    polarity: str
    sentence_start: int
    sentence_end: int
    confidence: float = 0.5
    method: str = "rules"  # ExtractionMethod: which extractor found it
    # The content's lemmas (no stop words) and entity texts.
    terms: tuple[str, ...] = field(default=())
    entities: tuple[str, ...] = field(default=())
    # The content has a verb heading a clause (``normal.states_clause``): it states something.
    states_clause: bool = True
    # The content is one noun phrase headed by a common noun (``normal.names_a_thing``): the object
    # of a position ("criticized [the governor's plan to close the hospitals]").
    names_thing: bool = False
    # The content's sentence embedding (``claims.nlp.meaning``), added by the nlp stage after
    # extraction, one batch for all texts; None when not computed (linking embeds it then).
    embedding: Any = field(default=None, compare=False, repr=False)


class ExtractionError(ValueError):
    """Input that extraction cannot handle at all (not text, or undecodable).

    Merely odd text (empty, HTML left in, control characters, huge) is handled, not raised.
    """
