"""Public entry points: text in, `ExtractedClaim`s out.

The article is scrubbed (same length), split into paragraph chunks and parsed with
``nlp.pipe``; quotes are found on the characters of the whole article first, so quotations
over several paragraphs are whole. Each parsed chunk then goes through `_ChunkReader`, which
applies the quote, reporting-verb and headline rules and records drafts in the article's
`_Article` state (speakers, pending colon attributions). Drafts are frozen per article.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat, tee

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from . import normal
from .attribution.tagger import CombinationSettings, TaggedAttribution, attributions, combination_settings, get_tagger
from .clean import chunks, is_furniture, paragraphs, scrub
from .cues import Cue, build_matcher, can_report, find_cues, is_person
from .draft import Draft
from .lexicons import cue_classes
from .lexicons import words as lexicon_words
from .loader import get_nlp
from .quote_attribution import QuoteAttribution, overlaps
from .quotes import Quote, QuoteIndex, Turn, find_quotes, find_turns
from .speakers import Resolved, SpeakerRegistry
from .syntax import OBJECT_CASE, sentence_is_question, speaker_of_verb
from .types import ClaimType, CueClass, ExtractedClaim, ExtractionError, ExtractionMethod

# Components the rules read: parser (dependencies, sentences), tagger/attribute_ruler/
# lemmatizer (POS, lemmas) and ner (names). Anything else in a pipeline is switched off.
NEEDED_COMPONENTS = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"}
# A quotation this long is an excerpt (of an article, a report, a transcript): the reports
# inside it are claims of their own.
EXCERPT_WORDS = 100


_DEFAULT_TAGGER = object()  # extract_claims_many(tagger=...): the shipped tagger unless told otherwise


def extract_claims(text: str, *, nlp: Language | None = None, tagger: object = _DEFAULT_TAGGER) -> list[ExtractedClaim]:
    """Attributed claims in ``text``, with character offsets into ``text`` itself.

    Returns ``[]`` for empty or sentence-less text. Raises `ExtractionError` only for input
    that is not text at all.
    """
    return next(extract_claims_many([text], nlp=nlp, tagger=tagger))


def extract_claims_many(
    texts: Iterable[str], *, nlp: Language | None = None, batch_size: int = 32, tagger: object = _DEFAULT_TAGGER
) -> Iterator[list[ExtractedClaim]]:
    """Yield one claim list per text, in order, parsing all texts' chunks with ``nlp.pipe``.

    ``tagger``: the trained attribution tagger (default: the shipped one, see
    `attribution.tagger.get_tagger`), or None for the rules alone.
    """
    nlp = nlp or get_nlp()
    model = get_tagger() if tagger is _DEFAULT_TAGGER else tagger
    matcher = _matcher(nlp)
    pending: deque[_Article] = deque()
    stream, for_tagger = tee(_chunk_stream(texts, pending))
    disable = [name for name in nlp.pipe_names if name not in NEEDED_COMPONENTS]
    parsed = nlp.pipe(stream, as_tuples=True, batch_size=batch_size, disable=disable)
    tagged = model.pipe((text for text, _ in for_tagger), batch_size=batch_size) if model else repeat(None)
    for (doc, (index, offset)), tags in zip(parsed, tagged, strict=False):  # repeat(None) runs on: the parse ends it
        while pending[0].index < index:
            yield pending.popleft().finish()
        _ChunkReader(pending[0], doc, offset, matcher, tags).read()
    while pending:
        yield pending.popleft().finish()


@lru_cache(maxsize=4)
def _matcher(nlp: Language) -> Matcher:
    return build_matcher(nlp)


def _chunk_stream(texts: Iterable[str], pending: deque[_Article]) -> Iterator[tuple[str, tuple[int, int]]]:
    """Chunks of every text as ``(chunk_text, (text_index, offset))``; registers each article in
    ``pending`` before its first chunk, so articles without chunks are still answered."""
    for index, text in enumerate(texts):
        article = _Article.prepare(index, text)
        pending.append(article)
        for start, end in article.chunk_spans:
            yield article.clean[start:end], (index, start)


@dataclass
class _Article:
    """Per-article state carried across its chunks."""

    index: int
    text: str
    clean: str
    chunk_spans: list[tuple[int, int]]
    quotes: QuoteIndex
    registry: SpeakerRegistry = field(default_factory=SpeakerRegistry)
    drafts: list[Draft] = field(default_factory=list)
    model_drafts: list[Draft] = field(default_factory=list)  # what only the tagger found
    quote_drafts: dict[int, Draft] = field(default_factory=dict)  # quote.start -> its claim
    turns: dict[int, Turn] = field(default_factory=dict)  # paragraph start -> transcript turn
    turn_drafts: dict[int, Draft] = field(default_factory=dict)  # turn.start -> its claim
    colon_speaker: tuple[Cue, Resolved | None] | None = None  # "X said:" ending the last chunk
    last_quoted: Resolved | None = None
    last_claim_chunk: int = -10
    chunk_no: int = 0

    @classmethod
    def prepare(cls, index: int, text: str) -> _Article:
        if not isinstance(text, str):
            raise ExtractionError(f"expected str, got {type(text).__name__}")
        clean = scrub(text)
        spans = [s for s in paragraphs(clean) if not is_furniture(clean[s[0] : s[1]])]
        quotes = QuoteIndex(find_quotes(clean, spans))
        turns = find_turns(clean, spans)
        # A turn's label is left out of the parse: the parser would read "RUIZ: Let's start"
        # as one phrase and every rule after it would see a subject that is not there.
        skip = {turn.paragraphs[0]: turn.start for turn in turns}
        chunk_spans = [piece for start, end in spans for piece in chunks(clean, skip.get(start, start), end)]
        article = cls(index, text, clean, chunk_spans, quotes)
        article.turns = {turn.start: turn for turn in turns}
        article.turns.update((par, turn) for turn in turns for par in turn.paragraphs[1:])
        return article

    def finish(self) -> list[ExtractedClaim]:
        self.drafts.sort(key=lambda d: d.start)
        kept: list[Draft] = []
        for draft in self.drafts:
            if not any(_repeats(draft, earlier) for earlier in kept):
                kept.append(draft)
        kept += [d for d in self.model_drafts if not any(_repeats(d, earlier) for earlier in kept)]
        kept.sort(key=lambda d: d.start)
        return [d.freeze(self.text) for d in kept]


class _ChunkReader(QuoteAttribution):
    """Applies the rules to one parsed chunk of an article."""

    def __init__(self, article: _Article, doc: Doc, offset: int, matcher: Matcher, tagged: Doc | None = None) -> None:
        self.article, self.doc, self.offset, self.tagged = article, doc, offset, tagged
        self.end = offset + len(doc.text)
        self.quotes = article.quotes.between(offset, self.end)
        found = find_cues(doc, matcher)
        self.cues = sorted((c for c in found if self._usable(c)), key=_cue_order)
        self.nested = sorted((c for c in found if self._nested(c)), key=_cue_order)
        self.used: set[int] = set()  # cue token indices already attributed to a quote

    def read(self) -> None:
        self.article.registry.observe(self.doc)
        self.article.chunk_no += 1
        colon = self.article.colon_speaker
        self.article.colon_speaker = None
        for quote in self.quotes:
            self._read_quote(quote, colon)
        if colon is not None and not any(q.start == self.offset for q in self.quotes):
            self._read_block_quotation(colon)
        for cue in self.cues:
            if cue.token.i not in self.used:
                self._read_indirect(cue)
        for cue in self.nested:
            self._read_indirect(cue, nested=True)
        self._read_headline()
        self._read_turn()
        self._read_tagged()
        self._remember_colon()
        self.article.registry.settle()

    def _read_indirect(self, cue: Cue, *, nested: bool = False) -> None:
        if cue.content is None or sentence_is_question(cue.token.sent) or _asked_or_supposed(cue.token):
            return
        if cue.continued is not None:
            self._add_indirect(cue, cue.continued, nested=nested)
        self._add_indirect(cue, cue.content, nested=nested)

    def _add_indirect(self, cue: Cue, content: tuple[int, int], *, nested: bool) -> None:
        span = self.doc[content[0] : content[1]]
        start, end = self.offset + span.start_char, self.offset + span.end_char
        # A report quoted inside someone's quotation overlaps that direct claim by design.
        skip = {ClaimType.DIRECT} if nested else set()
        if self._inside_any_claim(start, end, skip) and not _reports_on_its_own(cue):
            return
        inner = [q for q in self.quotes if start <= q.inner_start and q.inner_end <= end + 2]
        claim_type = ClaimType.MIXED if inner else _claim_type(cue)
        speaker = self._speaker(cue)
        draft = Draft(
            speaker,
            cue.text,
            cue.lemma,
            normal.cue_class_of(span, cue.cue_class),
            claim_type,
            start,
            end,
            # Polarity from the cue as written: "said that was untrue" holds the negation.
            normal.polarity(span, cue.cue_class, cue.token),
            self._sentence_bounds(span, cue),
            _confidence(cue),
        )
        if cue.gap is not None:
            # "A, he said, B": the speaker's words are the two parts around the attribution.
            parts = (self.doc[content[0] : cue.gap[0]], self.doc[cue.gap[1] : content[1]])
            draft.parts = tuple((self.offset + p.start_char, self.offset + p.end_char) for p in parts)
            for part in parts:
                draft.add_normal_form(part)
        else:
            draft.add_normal_form(span)
        self._record(draft)

    # -- the trained tagger ----------------------------------------------------------------
    def _read_tagged(self) -> None:
        """Attributions the tagger found that no rule claim covers become claims (method
        "model"); a rule claim the tagger also found is marked "both"."""
        if self.tagged is None:
            return
        settings = combination_settings()
        for found in attributions(self.doc, self.tagged, settings):
            start, end = self.offset + found.content.start_char, self.offset + found.content.end_char
            drafts = self.article.drafts + self.article.model_drafts
            covering = [d for d in drafts if overlaps((d.start, d.end), (start, end))]
            for draft in covering:
                if draft.method == ExtractionMethod.RULES:
                    draft.method = ExtractionMethod.BOTH
            if covering:
                self._extend_rule_claim(found, covering, settings)
            elif self._tagged_is_claim(found):
                self._add_tagged(found, settings)

    def _extend_rule_claim(
        self, found: TaggedAttribution, covering: list[Draft], settings: CombinationSettings
    ) -> None:
        """A rule claim reported through the tagged cue takes the tagged content when that holds
        the rule's content and more: the rules stop where the parse cuts the complement ("noted
        testimony by the envoy" without ", the former deputy chief of mission in Tripoli")."""
        # Only where the tagged content overlaps this one claim: running into a second claim, it
        # has crossed the end the rules drew between two reports.
        if len(covering) != 1:
            return
        draft = covering[0]
        if draft.method == ExtractionMethod.MODEL or not _same_cue(draft, found.cue):
            return
        if draft.claim_type not in settings.extend_rule_claims or draft.parts:
            return
        span = _without_complementizer(found.content)
        start, end = self.offset + span.start_char, self.offset + span.end_char
        if not (start <= draft.start and draft.end <= end):
            return
        # The rules leave the report's circumstances out ("said X in an interview", "said X, but
        # left the door open"); the tagger, trained on PolNeAR, keeps them. Only words that hang
        # from the rules' content itself are taken: an apposition or a clause the parse cut off.
        if not _extends_phrases_of(span, self._char_span(draft.start, draft.end)):
            return
        draft.start, draft.end = start, end
        if draft.claim_type == ClaimType.INDIRECT and any(start <= q.inner_start < end for q in self.quotes):
            draft.claim_type = ClaimType.MIXED
        # Cue class and polarity stand: they come from the rule content's main clause, which the
        # longer content still holds.
        draft.clear_normal_form()
        draft.add_normal_form(span)

    def _tagged_is_claim(self, found: TaggedAttribution) -> bool:
        """The rules' checks on a tagged attribution: a source that can speak ("their movements
        suggest" is inference), no question ("asked whether …"), no unasserted content."""
        source, cue, content = _source_head(found), found.cue.root, found.content
        if source is None or source.lower_ in _NOT_SPEAKERS | OBJECT_CASE or not can_report(source):
            return False
        if sentence_is_question(cue.sent) or _asked_or_supposed(cue) or cue.lemma_.lower() in _NOT_REPORTING:
            return False
        if _describes_the_source(content, source, found.cue):
            return False  # "Lofgren, who introduced a bill aimed at [improving …], said": the speaker's own description
        if _reported_by_another_speaker(content.root, found.cue):
            return False  # "insisted that Khan was wrong to say [he had not sacrificed]": Khan's words
        if cue.dep_ == "relcl" and content.start < found.cue.start:
            return False  # "Nothing the mayor says is true": the writer's sentence about the mayor
        if content[0].tag_ in {"VBZ", "VBD", "VBP", "MD"}:
            return False  # "… says is true": a content that starts with a finite verb lost its subject
        if is_person(content.root) or content[0].lower_ in {"as", "so", "much"}:
            return False  # "questioned the driver", "said as much": a person or a pro-form, no content
        if _question_between(found.cue, content):
            return False  # "asked the minister whether he thought [the plan had failed]": a question
        # "said as much during the call": a content opened by "as", "when", "if" … is a circumstance.
        return content[0].lower_ == "that" or content[0].pos_ != "SCONJ" and content[0].lower_ not in normal.UNASSERTED_MARKS

    def _add_tagged(self, found: TaggedAttribution, settings: CombinationSettings) -> None:
        span, cue = found.content, found.cue
        lemma = cue.root.lemma_.lower()
        cue_class = _TAGGED_CUE_CLASSES.get(lemma, CueClass(settings.unknown_cue_class))
        inner = [q for q in self.quotes if span.start_char <= q.inner_start - self.offset < span.end_char]
        draft = Draft(
            self.article.registry.resolve(_source_head(found), self.offset, cue.root, quiet=True),
            cue.text,
            lemma,
            normal.cue_class_of(span, cue_class),
            ClaimType.MIXED if inner else ClaimType.INDIRECT,
            self.offset + span.start_char,
            self.offset + span.end_char,
            # Given the cue, a content that states nothing takes its negation from the cue's
            # ("did not embrace [the new tax]"), as a rule claim's does.
            normal.polarity(span, cue_class, cue.root),
            self._sentence_bounds(span, None),
            settings.model_confidence,
            method=ExtractionMethod.MODEL,
        )
        draft.add_normal_form(span)
        # Kept apart from the rules' drafts: a tagged claim must not become the "last quoted"
        # speaker of a later quote, nor make a later rule claim a repeat.
        self.article.model_drafts.append(draft)

    # -- headlines -----------------------------------------------------------------------
    def _read_headline(self) -> None:
        """ "US officials: Russia is not striking ISIS targets" — a short line, a speaker, a colon."""
        doc = self.doc
        colon = next((t for t in doc[:8] if t.text == ":"), None)
        if colon is None or len(doc) > 30 or colon.i == 0 or "\n" in doc.text:
            return
        who, what = doc[: colon.i], doc[colon.i + 1 :]
        if (
            any(t.pos_ == "VERB" for t in who)
            or not (_names_a_speaker(who) or _bare_name(who))
            or not any(t.pos_ in {"VERB", "AUX"} for t in what)
            or len(what) < 3
        ):
            return
        start, end = self.offset + what.start_char, self.offset + what.end_char
        if self._inside_any_claim(start, end):
            return
        speaker = self.article.registry.resolve(who.root, self.offset, colon)
        draft = Draft(
            speaker,
            ":",
            ":",
            CueClass.ASSERT,
            ClaimType.HEADLINE,
            start,
            end,
            normal.polarity(what, CueClass.ASSERT),
            (self.offset, self.end),
            0.6,
        )
        draft.add_normal_form(what)
        self._record(draft)

    # -- transcripts ---------------------------------------------------------------------
    def _read_turn(self) -> None:
        """ "WALLACE: Let's start with the debate." — the turn is its speaker's direct claim; a
        turn over several paragraphs is one claim, its later paragraphs adding their terms."""
        turn = self.article.turns.get(self.offset)
        if turn is None:
            return
        span = self._char_span(max(turn.start, self.offset), min(turn.end, self.end))
        draft = self.article.turn_drafts.get(turn.start)
        if draft is not None:
            draft.add_normal_form(span)
            return
        if not len(span) or self._inside_any_claim(turn.start, turn.end):
            return
        label = self.article.clean[turn.label_start : turn.label_end]
        speaker = self.article.registry.resolve_label(label, turn.label_start, turn.label_end)
        polarity = normal.polarity(span, CueClass.ASSERT)
        draft = Draft(
            speaker,
            ":",
            ":",
            CueClass.ASSERT,
            ClaimType.DIRECT,
            turn.start,
            turn.end,
            polarity,
            (self.offset, self.end),
            0.7,
        )
        draft.add_normal_form(span)
        self.article.turn_drafts[turn.start] = draft
        self._record(draft)

    # -- helpers -------------------------------------------------------------------------
    def _speaker(self, cue: Cue) -> Resolved | None:
        if cue.speaker is None:
            return None
        return self.article.registry.resolve(cue.speaker, self.offset, cue.token)

    def _record(self, draft: Draft, quote: Quote | None = None, last: Quote | None = None) -> None:
        self.article.drafts.append(draft)
        self.article.last_claim_chunk = self.article.chunk_no
        if quote is not None:
            self.article.quote_drafts[quote.start] = draft
            if last is not None and last is not quote:
                self.article.quote_drafts[last.start] = draft
            if draft.speaker is not None:
                self.article.last_quoted = draft.speaker
        elif draft.speaker is not None and draft.claim_type != ClaimType.HEADLINE:
            self.article.last_quoted = draft.speaker

    def _usable(self, cue: Cue) -> bool:
        # Reporting verbs inside a quotation, or whose subject is inside one, belong to the quote.
        if self._in_quote(cue.token.idx):
            return False
        return cue.speaker is None or not self._in_quote(cue.speaker.idx)

    def _nested(self, cue: Cue) -> bool:
        """A third person's report inside a quotation ("“… Trump said the system is rigged …”"):
        a claim of its own. The quoted speaker's own "I think" / "we believe" is not."""
        quote = self.article.quotes.at(self.offset + cue.token.idx)
        speaker = cue.speaker
        if quote is None or speaker is None or cue.content is None or cue.kind not in _NESTED_KINDS:
            return False
        if quote.word_count(self.article.clean) < EXCERPT_WORDS:
            return False
        if speaker.lower_ in _FIRST_AND_SECOND_PERSON or speaker.lower_ in _RELATIVE_WORDS:
            return False
        return self.article.quotes.at(self.offset + speaker.idx) is quote

    def _in_quote(self, idx: int) -> bool:
        return self.article.quotes.at(self.offset + idx) is not None

    def _inside_claim(self, quote: Quote) -> bool:
        return quote.start in self.article.quote_drafts

    def _inside_any_claim(self, start: int, end: int, skip: set[str] | None = None) -> bool:
        for draft in reversed(self.article.drafts[-8:]):
            if skip and draft.claim_type in skip:
                continue
            overlap = min(end, draft.end) - max(start, draft.start)
            if overlap > 0.5 * (end - start):
                return True
        return False

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        span = self._char_span(max(start, self.offset), min(end, self.end))
        return span.start, max(span.end, span.start + 1)

    def _char_span(self, start: int, end: int) -> Span:
        span = self.doc.char_span(start - self.offset, end - self.offset, alignment_mode="expand")
        return span if span is not None else self.doc[0:0]

    def _sentence_bounds(self, span: Span, cue: Cue | None) -> tuple[int, int]:
        sents = [span[0].sent] if len(span) else []
        if cue is not None:
            sents.append(cue.token.sent)
        if not sents:
            return self.offset, self.end
        return self.offset + min(s.start_char for s in sents), self.offset + max(s.end_char for s in sents)


_SAY_LEMMAS = lexicon_words("say_verbs")
# How a phrase that describes a noun hangs from it: "Lofgren, [who introduced …]", "Gillibrand, [a supporter of …]".
_DESCRIBING_DEPS = {"relcl", "acl", "appos"}

# A tagged cue's class, from the cue lexicons (verbs first); other lemmas take the settings' default.
_TAGGED_CUE_CLASSES = {
    **cue_classes("attitude_nouns"),
    **cue_classes("cue_nouns"),
    **cue_classes("stance_verbs"),
    **cue_classes("intent_verbs"),
    **cue_classes("cue_verbs"),
}


def _source_head(found: TaggedAttribution) -> Token | None:
    """The tagged source's head, else the cue verb's subject in the rules' parse."""
    if found.source is not None:
        return found.source.root
    # Any verb of the cue may hold the subject ("are convinced": the auxiliary does here).
    verbs = [t for t in found.cue if t.pos_ in {"VERB", "AUX"}]
    return next((s for s in map(speaker_of_verb, verbs) if s is not None), None)


def _describes_the_source(content: Span, source: Token, cue: Span) -> bool:
    """The content lies in a relative clause or apposition on the source, and the cue outside the
    source's phrase: the words tell who the speaker is, not what they said."""
    phrase = range(source.left_edge.i, source.right_edge.i + 1)
    if cue.root.i in phrase or content.start not in phrase or content.end - 1 not in phrase:
        return False
    token = content.root
    while token.i != source.i and token.head.i != token.i:
        if token.dep_ in _DESCRIBING_DEPS and token.head.i == source.i:
            return True
        token = token.head
    return False


def _reported_by_another_speaker(content_root: Token, cue: Span) -> bool:
    """A speech verb stands between the tagged cue and its content in the parse: the content is
    that verb's report, nested in the cue's. Not when the verb hangs from the cue itself and shares
    its speaker ("insisted on saying [X]")."""
    token = content_root
    while token.head.i != token.i and not cue.start <= token.head.i < cue.end:
        token = token.head
        if token.lemma_.lower() in _SAY_LEMMAS and not _shares_the_cues_speaker(token, cue):
            return True
    return False


def _shares_the_cues_speaker(verb: Token, cue: Span) -> bool:
    head = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return cue.start <= head.i < cue.end and speaker_of_verb(verb) in {None, speaker_of_verb(head)}


def _extends_phrases_of(longer: Span, content: Span) -> bool:
    """``longer`` adds words to ``content`` (not just punctuation) in whole phrases hanging from it:
    each added word's head is in ``longer`` and one of its ancestors in ``content``."""
    inside, within = range(content.start, content.end), range(longer.start, longer.end)
    extra = [t for t in longer if t.i not in inside]
    words = any(t.is_alpha or t.like_num for t in extra) and longer[-1].dep_ != "cc"  # not "… and"
    return words and all(t.head.i in within and any(a.i in inside for a in t.ancestors) for t in extra)


def _without_complementizer(content: Span) -> Span:
    """PolNeAR's contents open with "that"; the rules' contents start after it."""
    if len(content) > 1 and content[0].lower_ == "that" and content[0].dep_ == "mark":
        return content[1:]
    return content


def _same_cue(draft: Draft, cue: Span) -> bool:
    """The rule claim reports through the tagged cue ("said" in "publicly said", "according to")."""
    return draft.cue_lemma in {t.lemma_.lower() for t in cue} or draft.cue in cue.text


_NOT_REPORTING = lexicon_words("not_reporting_verbs")
# Sources that cannot be resolved to anyone: expletives, relatives and things.
_NOT_SPEAKERS = {"it", "this", "that", "which", "what", "there", "these", "those"}


def _cue_order(cue: Cue) -> tuple[int, int]:
    """Speech verbs first, then "according to", then belief/evidence verbs and nouns; outer
    cues before the cues nested in their content, which the outer claim already covers."""
    if cue.kind in {"verb", "quoted_as"} and cue.cue_class in {CueClass.ASSERT, CueClass.DENY}:
        rank = 0
    else:
        rank = {"according_to": 1, "verb": 2}.get(cue.kind, 3)
    size = cue.content[1] - cue.content[0] if cue.content else 0
    return rank, -size


def _reports_on_its_own(cue: Cue) -> bool:
    """A named person's speech nested in another report ("officials said Kerry told them that
    …") is a claim of its own as well."""
    speaker = cue.speaker
    if cue.kind == "verb" and speaker is not None and speaker.lemma_.lower() in _SURVEYS:
        # "A poll found that 74 percent of voters said …": the poll reports what it counted,
        # though the answers it counts were themselves said.
        return True
    named = speaker is not None and (speaker.pos_ == "PROPN" or speaker.lower_ in {"he", "she"})
    return cue.kind == "verb" and cue.cue_class in {CueClass.ASSERT, CueClass.DENY} and named


def _claim_type(cue: Cue) -> str:
    return ClaimType.ACCORDING_TO if cue.kind == "according_to" else ClaimType.INDIRECT


def _repeats(draft: Draft, earlier: Draft) -> bool:
    """A report the same speaker already made earlier in the article ("X confirmed that A" in the
    lead, "X confirmed that A but indicated …" further down): one claim for analysts, not two.
    Quotes are verbatim and never count as repeats."""
    if draft.speaker is None or earlier.speaker is None or len(earlier.terms) < _REPEAT_MIN_TERMS:
        return False
    if {draft.claim_type, earlier.claim_type} - _REPORTED_TYPES or draft.speaker.entry is not earlier.speaker.entry:
        return False
    shared = sum(1 for term in earlier.terms if term in draft.terms)
    return shared >= _REPEAT_SHARE * len(earlier.terms)


def _question_between(cue: Span, content: Span) -> bool:
    """A "whether" or "if" between the cue and its content: the content is what the cue asks."""
    between = cue.doc[cue.end : content.start]  # empty when the content comes first
    return any(t.lower_ in normal.UNASSERTED_MARKS and t.dep_ == "mark" for t in between)


def _asked_or_supposed(token: Token) -> bool:
    """The report sits in an indirect question or a condition ("asked whether he thought …",
    "if she says …"): nobody asserts it."""
    for head in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in normal.UNASSERTED_MARKS for c in head.children):
            return True
        if head.dep_ in _CLAUSE_ROOTS:
            break
    return False


def _confidence(cue: Cue) -> float:
    if cue.speaker is None:
        return 0.5
    if cue.kind == "stance":
        return 0.45  # a position toward a thing ("criticized the plan"), not a proposition
    if cue.kind in {"noun", "frame"}:
        return 0.55
    return 0.6 if cue.cue_class == CueClass.HEDGE else 0.75


# A later report repeats an earlier one when it holds this share of the earlier one's terms;
# below three terms ("climate change") a shared topic is not yet a repeat.
_REPEAT_SHARE = 0.8
_REPEAT_MIN_TERMS = 3
_REPORTED_TYPES = {ClaimType.INDIRECT, ClaimType.ACCORDING_TO}
# Climbing stops at the first clause that is not itself a complement or a condition.
_CLAUSE_ROOTS = {"ROOT", "conj", "relcl", "acl"}
_NESTED_KINDS = {"verb", "according_to", "noun"}
_FIRST_AND_SECOND_PERSON = {"i", "we", "you", "me", "us"}
_RELATIVE_WORDS = {"who", "that", "which"}
# Who can speak, as in cues ("Officials: ...", "Poll: ...").
_SPEAKER_NOUNS = lexicon_words("speaker_nouns") - lexicon_words("rubrics")
_SURVEYS = {"poll", "survey", "study"}
# Section labels that head a headline without being its source.
_RUBRICS = lexicon_words("rubrics")


def _names_a_speaker(span: Span) -> bool:
    return any(t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or t.lemma_.lower() in _SPEAKER_NOUNS for t in span)


def _bare_name(span: Span) -> bool:
    """ "Pence: …", "Politifact: …": the tagger often misses a name alone in a title-case
    headline, so one to three capitalised nouns without a function word count as one ("The
    Latest: …", "Stealth Over Health: …" do not), unless they are a section label ("Analysis: …")."""
    return len(span) <= 3 and all(
        t.is_title and t.is_alpha and not t.is_stop and t.pos_ in {"PROPN", "NOUN"} and t.lower_ not in _RUBRICS
        for t in span
    )
