"""The trained attribution tagger at run time: its spans, grouped into attributions the rules can
turn into claims. Django-free; the model loads once per process.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from claims.nlp.attribution.encoder_tagger import CARD_NAME, EncoderTagger, TaggedText, load_encoder_tagger

MODEL_DIR = Path(__file__).with_name("model")  # the shipped spaCy tagger
SETTINGS_PATH = Path(__file__).with_name("combination.toml")


@dataclass(frozen=True)
class CombinationSettings:
    max_source_cue_gap: int
    min_content_words: int
    model_confidence: float
    unknown_cue_class: str
    extend_rule_claims: frozenset[str]  # claim types whose content a longer tagged content replaces


@dataclass(frozen=True)
class TaggedAttribution:
    """Token spans in the rules' parse of one chunk: who (source), the cue, and what (content)."""

    source: Span | None  # None: the tagger saw no source; the rules' parse gives the cue's subject
    cue: Span
    content: Span


@cache
def combination_settings(path: Path = SETTINGS_PATH) -> CombinationSettings:
    values = tomllib.loads(path.read_text(encoding="utf-8"))
    return CombinationSettings(**{**values, "extend_rule_claims": frozenset(values["extend_rule_claims"])})


def chosen_tagger() -> str:
    """The ``ATTRIBUTION_MODEL`` setting from the environment: "off", a tagger's folder, or the
    shipped model when unset."""
    return os.environ.get("ATTRIBUTION_MODEL") or str(MODEL_DIR)


@cache
def get_tagger(where: str | None = None) -> Language | EncoderTagger | None:
    """The tagger in ``where`` (default: ``chosen_tagger()``): a spaCy pipeline (``config.cfg``,
    the shipped kind) or an encoder tagger (``tagger.json``, trained by ``train_extractor --kind
    encoder``). None when the setting is "off" or no model is there, so the rules run alone."""
    chosen = where or chosen_tagger()
    if chosen == "off":
        return None
    folder = Path(chosen)
    if (folder / CARD_NAME).exists():
        return load_encoder_tagger(str(folder))
    if (folder / "config.cfg").exists():
        return spacy.load(folder)
    return None


def attributions(parsed: Doc, tagged: Doc | TaggedText, settings: CombinationSettings) -> list[TaggedAttribution]:
    """Cue + content pairs (with the nearby source, if tagged) the tagger found in one sentence of ``parsed``.

    ``tagged`` is the tagger's doc of the same text; its entities are mapped onto ``parsed``'s
    tokens by character offsets, so speakers resolve with the rules' parse.
    """
    spans = [_on(parsed, ent) for ent in tagged.ents]
    found = []
    for cue in (s for s in spans if s is not None and s.label_ == "CUE"):
        sentence = cue.sent
        # The encoder tagger nests attributions: a span holding the cue belongs to an outer one.
        inside = [
            s
            for s in spans
            if s is not None and s.start >= sentence.start and s.end <= sentence.end and not _overlap(s, cue)
        ]
        content = _nearest(cue, [s for s in inside if s.label_ == "CONTENT"])
        if content is None:
            continue
        # A source inside the content is a nested attribution's, not this cue's.
        source = _nearest(cue, [s for s in inside if s.label_ == "SOURCE" and not _overlap(s, content)])
        if source is not None and _gap(cue, source) > settings.max_source_cue_gap:
            source = None
        if sum(1 for t in content if t.is_alpha) < settings.min_content_words:
            continue
        found.append(TaggedAttribution(source, cue, content))
    return found


def _on(parsed: Doc, ent: Span) -> Span | None:
    return parsed.char_span(ent.start_char, ent.end_char, label=ent.label_, alignment_mode="expand")


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _gap(a: Span, b: Span) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _nearest(cue: Span, candidates: list[Span]) -> Span | None:
    return min(candidates, key=lambda s: _gap(cue, s), default=None)
