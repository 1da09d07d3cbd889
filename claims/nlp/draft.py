"""A claim under construction while one article is read, frozen into an ExtractedClaim at the end."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from . import normal
from .speakers import Resolved
from .types import CONTENT_JOINER, ExtractedClaim, ExtractionMethod


@dataclass
class Draft:
    """A claim under construction; quotes running into later chunks still add terms."""

    speaker: Resolved | None
    cue: str
    cue_lemma: str
    cue_class: str
    claim_type: str
    start: int
    end: int
    polarity: str
    sentence: tuple[int, int]
    confidence: float
    terms: dict[str, None] = field(default_factory=dict)
    entities: dict[str, None] = field(default_factory=dict)
    # A split quote's parts; the attribution between them is not the speaker's words.
    parts: tuple[tuple[int, int], ...] = ()
    method: str = ExtractionMethod.RULES
    states_clause: bool = False
    names_thing: bool = False

    def add_normal_form(self, span: Span) -> None:
        self.terms.update(dict.fromkeys(normal.terms(span)))
        self.entities.update(dict.fromkeys(normal.entities(span)))
        # A content in parts (a split quote) is more than one noun phrase.
        self.names_thing = not self.parts and normal.names_a_thing(span)
        self.states_clause = self.states_clause or normal.states_clause(span)

    def clear_normal_form(self) -> None:
        self.terms.clear()
        self.entities.clear()
        self.states_clause = False
        self.names_thing = False

    def content(self, text: str) -> str:
        if self.parts:
            return CONTENT_JOINER.join(text[start:end] for start, end in self.parts)
        return text[self.start : self.end]

    def freeze(self, text: str) -> ExtractedClaim:
        return ExtractedClaim(
            speaker=self.speaker.ref(text) if self.speaker else None,
            cue=self.cue,
            cue_lemma=self.cue_lemma,
            cue_class=self.cue_class,
            claim_type=self.claim_type,
            content=self.content(text),
            content_start=self.start,
            content_end=self.end,
            polarity=self.polarity,
            sentence_start=self.sentence[0],
            sentence_end=self.sentence[1],
            confidence=self.confidence,
            method=self.method,
            terms=tuple(self.terms),
            entities=tuple(self.entities),
            states_clause=self.states_clause,
            names_thing=self.names_thing,
        )
