"""Plain value types passed from the NLP layer to the services that store them."""

from __future__ import annotations

from dataclasses import dataclass, field

# Bump when extraction rules change in a way that alters output: stored claims record the
# version that produced them, and `manage.py reextract` refreshes the older ones.
EXTRACTOR_VERSION = "2026.11.6"


# A merged split quote's content is its parts joined by an ellipsis, the editor's mark for words
# left out ("A … B" for "“A,” she said. “B.”"); its content_start/content_end span the whole run.
CONTENT_JOINER = " \u2026 "


class ClaimType:
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"
    HEADLINE = "headline"
    ACCORDING_TO = "according_to"


class CueClass:
    ASSERT = "assert"
    DENY = "deny"
    HEDGE = "hedge"
    REPORT = "report"


class Polarity:
    ASSERTED = "asserted"
    NEGATED = "negated"


class SpeakerKind:
    PERSON = "person"
    ORGANISATION = "organisation"
    GOVERNMENT = "government"
    GROUP = "group"
    UNKNOWN = "unknown"


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
    # Normal form for agree/conflict linking: content lemmas (no stop words) and entity texts.
    terms: tuple[str, ...] = field(default=())
    entities: tuple[str, ...] = field(default=())


class ExtractionError(ValueError):
    """Input that extraction cannot handle at all (not text, or undecodable).

    Merely odd text (empty, HTML left in, control characters, huge) is handled, not raised.
    """
