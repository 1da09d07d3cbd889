"""Public entry points: text in, `ExtractedClaim`s out.

The article is scrubbed (same length), split into paragraph chunks and parsed with
``nlp.pipe``; quotes are found on the characters of the whole article first, so quotations
over several paragraphs are whole. Each parsed chunk then goes through `_ChunkReader`, which
applies the quote, reporting-verb and headline rules and records drafts in the article's
`_Article` state (speakers, pending colon attributions). Drafts are frozen per article.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from . import normal
from .lexicons import words as lexicon_words
from .clean import chunks, is_furniture, paragraphs, scrub
from .loader import get_nlp
from .quotes import Quote, QuoteIndex, Turn, find_quotes, find_turns
from .reporting import Cue, build_matcher, find_cues, sentence_is_question
from .speakers import Resolved, SpeakerRegistry
from .types import CONTENT_JOINER, ClaimType, CueClass, ExtractedClaim, ExtractionError

# Components the rules read: parser (dependencies, sentences), tagger/attribute_ruler/
# lemmatizer (POS, lemmas) and ner (names). Anything else in a pipeline is switched off.
NEEDED_COMPONENTS = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"}
MIN_SPOKEN_WORDS = 1  # with a speech verb framing it, any quote is said
MIN_QUOTE_WORDS = 4
# A quotation this long is an excerpt (of an article, a report, a transcript): the reports
# inside it are claims of their own.
EXCERPT_WORDS = 100
# A quote split by its attribution ("“A,” he said. “B.”") is one claim, as annotated in
# attribution corpora; not when the attribution sentence reports something of its own, or when
# the first part is already more than one sentence.
MERGE_SPLIT_QUOTES = True


def extract_claims(text: str, *, nlp: Language | None = None) -> list[ExtractedClaim]:
    """Attributed claims in ``text``, with character offsets into ``text`` itself.

    Returns ``[]`` for empty or sentence-less text. Raises `ExtractionError` only for input
    that is not text at all.
    """
    return next(extract_claims_many([text], nlp=nlp))


def extract_claims_many(
    texts: Iterable[str], *, nlp: Language | None = None, batch_size: int = 32
) -> Iterator[list[ExtractedClaim]]:
    """Yield one claim list per text, in order, parsing all texts' chunks with ``nlp.pipe``."""
    nlp = nlp or get_nlp()
    matcher = _matcher(nlp)
    pending: deque[_Article] = deque()
    stream = _chunk_stream(texts, pending)
    disable = [name for name in nlp.pipe_names if name not in NEEDED_COMPONENTS]
    for doc, (index, offset) in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, disable=disable):
        while pending[0].index < index:
            yield pending.popleft().finish()
        _ChunkReader(pending[0], doc, offset, matcher).read()
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
class _Draft:
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

    def add_normal_form(self, span: Span) -> None:
        self.terms.update(dict.fromkeys(normal.terms(span)))
        self.entities.update(dict.fromkeys(normal.entities(span)))

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
            terms=tuple(self.terms),
            entities=tuple(self.entities),
        )


@dataclass
class _Article:
    """Per-article state carried across its chunks."""

    index: int
    text: str
    clean: str
    chunk_spans: list[tuple[int, int]]
    quotes: QuoteIndex
    registry: SpeakerRegistry = field(default_factory=SpeakerRegistry)
    drafts: list[_Draft] = field(default_factory=list)
    quote_drafts: dict[int, _Draft] = field(default_factory=dict)  # quote.start -> its claim
    turns: dict[int, Turn] = field(default_factory=dict)  # paragraph start -> transcript turn
    turn_drafts: dict[int, _Draft] = field(default_factory=dict)  # turn.start -> its claim
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
        kept: list[_Draft] = []
        for draft in self.drafts:
            if not any(_repeats(draft, earlier) for earlier in kept):
                kept.append(draft)
        return [d.freeze(self.text) for d in kept]


class _ChunkReader:
    """Applies the rules to one parsed chunk of an article."""

    def __init__(self, article: _Article, doc: Doc, offset: int, matcher: Matcher) -> None:
        self.article, self.doc, self.offset = article, doc, offset
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
        self._remember_colon()
        self.article.registry.settle()

    # -- direct quotes -------------------------------------------------------------------
    def _read_quote(self, quote: Quote, colon: tuple[Cue, Resolved | None] | None) -> None:
        if quote.start < self.offset:
            self._continue_quote(quote)
            return
        text = self.article.clean[quote.inner_start : quote.inner_end]
        if _is_question(text) or self._inside_claim(quote) or self._embedded(quote):
            return
        if _is_title(text) and not self._starts_sentence(quote):
            return  # "on “The Morning Hour”", "her book “Raise a Saver”": a name, not a claim
        found = self._attribute(quote, colon)
        if found is None:
            return
        cue, speaker, confidence = found
        # Short quotes are scare quotes unless a speech verb frames them ("“Never,” she said.").
        spoken = cue is not None and cue.lemma in _SAY_LEMMAS and confidence >= 0.9
        if len(text.split()) < (MIN_SPOKEN_WORDS if spoken else MIN_QUOTE_WORDS):
            return
        self._add_quote_claim(quote, cue, speaker, confidence)

    def _attribute(
        self, quote: Quote, colon: tuple[Cue, Resolved | None] | None
    ) -> tuple[Cue | None, Resolved | None, float] | None:
        cue = self._cue_for_quote(quote)
        if cue is not None:
            self.used.add(cue.token.i)
            return cue, self._speaker(cue), 0.9
        head = self._verbless_speaker(quote)
        if head is not None:
            return None, self.article.registry.resolve(head, self.offset), 0.7
        colon_cue = self._colon_cue(quote) or (colon if self._opens_chunk(quote) else None)
        if colon_cue is not None:
            return colon_cue[0], colon_cue[1], 0.8
        prior = self._closing_attribution(quote)
        if prior is not None:
            return None, self._speaker(prior), 0.7
        # A quotation standing as its own sentence right after an attributed one continues the
        # same speaker (the "“…,” he said. “…”" pattern, and follow-on quote paragraphs).
        recent = self.article.last_claim_chunk >= self.article.chunk_no - 1
        if recent and self.article.last_quoted and self._starts_sentence(quote):
            return None, self.article.last_quoted, 0.5
        return None

    def _embedded(self, quote: Quote) -> bool:
        """A quoted phrase inside someone's reported clause ("she said she wanted to speak “to
        white people”") is part of that mixed claim, not a direct claim of its own."""
        first, last = self._token_range(quote.inner_start, quote.inner_end)
        for cue in self.cues:
            if cue.content is None or cue.kind not in _SPEECH_KINDS or cue.cue_class not in _SPEECH_CLASSES:
                continue
            start, end = cue.content
            # Slack of two tokens at the end: the quote may close after the sentence's full stop.
            if (
                start <= first
                and last <= end + 2
                and _clear_of_cue(cue, first, last)
                and end - start > last - first + 2
            ):
                return True
        return False

    def _starts_sentence(self, quote: Quote) -> bool:
        first, _ = self._token_range(quote.start, quote.end)
        return self.doc[first].is_sent_start or first == 0

    def _cue_for_quote(self, quote: Quote) -> Cue | None:
        """A speech cue outside the quote, in the sentences the quote touches or the one after it,
        whose own complement (if any) is the quote."""
        first, last = self._token_range(quote.start, quote.end)
        window = self._sentence_window(first, last)
        best, best_gap = None, 10**6
        for cue in self.cues:
            if not window[0] <= cue.token.i < window[1] or cue.kind not in {"verb", "quoted_as"}:
                continue
            if cue.content is not None and not self._content_is_quote(cue.content, first, last):
                if not self._opens_split(quote, cue):
                    continue
            if self._quote_between(cue.token.i, first, last, quote):
                continue
            gap = first - cue.token.i if cue.token.i < first else cue.token.i - last
            if gap < best_gap:
                best, best_gap = cue, gap
        return best

    def _opens_split(self, quote: Quote, cue: Cue) -> bool:
        """ "“Now that I can speak freely,” he said, “it was hard.”": the parser gives the verb
        only the second part as its complement, but the first part, ended by a comma right
        before the attribution, is the opening of the same quotation."""
        nxt = self._next_quote(quote)
        if nxt is None or cue.content is None or "," not in self.article.clean[quote.inner_end : quote.end]:
            return False
        if not quote.end <= self.offset + cue.token.idx < nxt.start:
            return False
        return self._content_is_quote(cue.content, *self._token_range(nxt.start, nxt.end))

    def _next_quote(self, quote: Quote) -> Quote | None:
        return next((q for q in self.quotes if q.start >= quote.end), None)

    def _content_is_quote(self, content: tuple[int, int], first: int, last: int) -> bool:
        # A complement reaching more than a few words outside the quote makes a mixed claim.
        outside = max(0, first - content[0]) + max(0, content[1] - last)
        return _overlaps(content, (first, last)) and outside <= 2

    def _sentence_window(self, first: int, last: int) -> tuple[int, int]:
        doc = self.doc
        start = doc[first].sent.start
        end_sent = doc[max(first, last - 1)].sent
        end = end_sent.end
        # The attribution may be the next sentence ("“…” He said." split by the parser).
        if end < len(doc) and last >= end_sent.end - 2:
            end = doc[end].sent.end
        return start, end

    def _quote_between(self, cue_i: int, first: int, last: int, quote: Quote) -> bool:
        """True when another quote sits between the cue and this quote (it belongs to that one)."""
        lo, hi = (cue_i, first) if cue_i < first else (last, cue_i)
        lo_c, hi_c = self.offset + self.doc[lo].idx, self.offset + self.doc[min(hi, len(self.doc) - 1)].idx
        return any(
            q is not quote and lo_c <= q.start and q.end <= hi_c and q.word_count(self.article.clean) >= 1
            for q in self.quotes
        )

    def _verbless_speaker(self, quote: Quote):  # type: ignore[no-untyped-def]
        """ "“…,” Army Col. Jane Doe, using another name for …": a name right after the quote."""
        if quote.end >= self.end:
            return None
        first, _ = self._token_range(quote.end, self.end)
        if self.article.clean[quote.end : quote.end + 3].strip()[:1] in _DASHES:
            return self._name_after_dash(first)
        sent = self.doc[min(first, len(self.doc) - 1)].sent
        for token in self.doc[first : min(sent.end, first + 10)]:
            if token.pos_ in {"VERB", "AUX"} and token.tag_ not in {"VBG", "VBN"}:
                return None
            if token.ent_type_ == "PERSON":
                ent = next(e for e in self.doc.ents if e.start <= token.i < e.end)
                return ent.root
        return None

    def _name_after_dash(self, first: int):  # type: ignore[no-untyped-def]
        # "“…” ― Jane Doe": a signature line; the name is the run of proper nouns after the dash.
        names = [t for t in self.doc[first : first + 6] if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"]
        if not names:
            return None
        run = [names[0]]
        for token in names[1:]:
            if token.i != run[-1].i + 1:
                break
            run.append(token)
        return run[-1]

    def _colon_cue(self, quote: Quote) -> tuple[Cue, Resolved | None] | None:
        """ "Kerry said: “…”" where the parser put the quote in a sentence of its own."""
        first, _ = self._token_range(quote.start, quote.end)
        sent = self.doc[first].sent
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        if self.doc[sent.start - 1].text != ":":
            return None
        cue = next((c for c in self.cues if prev.start <= c.token.i < prev.end and c.content is None), None)
        if cue is None or cue.token.i in self.used:
            return None
        self.used.add(cue.token.i)
        return cue, self._speaker(cue)

    def _read_block_quotation(self, colon: tuple[Cue, Resolved | None]) -> None:
        """ "The governor added:" closing a paragraph, and the next paragraph without quotation
        marks: a block quotation, set off by its paragraph instead of by marks."""
        if self.offset in self.article.turns or not len(self.doc):
            return
        words = [t for t in self.doc if not (t.is_punct or t.is_space)]
        if len(words) < MIN_QUOTE_WORDS or self._inside_any_claim(self.offset, self.end):
            return
        last = next(t for t in reversed(self.doc) if not t.is_space)
        span = self.doc[words[0].i : last.i + 1]
        cue, speaker = colon
        draft = _Draft(
            speaker,
            cue.text,
            cue.lemma,
            cue.cue_class,
            ClaimType.DIRECT,
            self.offset + span.start_char,
            self.offset + span.end_char,
            normal.polarity(span, CueClass.ASSERT),
            (self.offset, self.end),
            0.6,
        )
        draft.add_normal_form(span)
        self._record(draft)

    def _remember_colon(self) -> None:
        if not len(self.doc) or self.doc[-1].text != ":":
            return
        sent = self.doc[-1].sent
        cue = next(
            (
                c
                for c in self.cues
                if sent.start <= c.token.i < sent.end and c.content is None and c.token.i not in self.used
            ),
            None,
        )
        if cue is not None:
            self.article.colon_speaker = (cue, self._speaker(cue))

    def _closing_attribution(self, quote: Quote) -> Cue | None:
        """ "… because “few know it,” she said. “We forget where we came from.”": a quotation
        standing as its own sentence right after a sentence that ends on "she said" (a speech
        verb and its speaker) continues that speaker's words. The first part may sit inside a
        reported clause, so no claim of this chunk has named the speaker yet."""
        first, _ = self._token_range(quote.start, quote.end)
        if not self._starts_sentence(quote) or first == 0:
            return None
        prev = self.doc[first - 1].sent
        words = [t for t in prev if not (t.is_punct or t.is_space)]
        if not words:
            return None
        for cue in self.cues:
            if cue.kind == "verb" and cue.lemma in _SAY_LEMMAS and cue.speaker is not None:
                tail = {cue.token.i, cue.speaker.i}
                if prev.start <= cue.token.i < prev.end and words[-1].i in tail and max(tail) - min(tail) <= 3:
                    return cue
        return None

    def _opens_chunk(self, quote: Quote) -> bool:
        return quote.start == self.offset

    def _add_quote_claim(self, quote: Quote, cue: Cue | None, speaker: Resolved | None, confidence: float) -> None:
        end_quote = self._merge_split(quote, cue) if cue is not None and MERGE_SPLIT_QUOTES else quote
        start, end = quote.inner_start, end_quote.inner_end
        span = self._char_span(start, min(quote.inner_end, self.end))
        cue_text, cue_lemma, cue_class = _cue_fields(cue, ":" if cue is None else None)
        draft = _Draft(
            speaker,
            cue_text,
            cue_lemma,
            cue_class,
            ClaimType.DIRECT,
            start,
            end,
            normal.polarity(span, CueClass.ASSERT),
            self._sentence_bounds(span, cue),
            confidence,
        )
        draft.add_normal_form(span)
        if end_quote is not quote:
            draft.parts = ((quote.inner_start, quote.inner_end), (end_quote.inner_start, end_quote.inner_end))
            draft.add_normal_form(self._char_span(end_quote.inner_start, min(end, self.end)))
        self._record(draft, quote, end_quote)

    def _merge_split(self, quote: Quote, cue: Cue) -> Quote:
        """“A,” he said. “B.” → one quotation, unless B has an attribution of its own."""
        nxt = self._next_quote(quote)
        if nxt is None or not self._frames_quote(cue, quote):
            return quote
        cue_sent = cue.token.sent
        gap = self.article.clean[max(quote.end, self.offset + cue_sent.end_char) : nxt.start]
        if gap.strip() not in {"", ","} or self._has_own_cue(quote.end, nxt.start, cue):
            return quote
        if self._closing_cue(nxt, cue) is not None:
            return quote  # “A,” Moore said. “B,” Clyburn added.: B is the second speaker's
        if nxt.end > self.end and nxt.closed is False:
            return quote
        if _SENTENCE_BREAK.search(self.article.clean, quote.inner_start, quote.inner_end):
            # The first part already holds whole sentences: analysts want each part as its own
            # claim, so that each can agree or conflict separately.
            return quote
        return nxt

    def _frames_quote(self, cue: Cue, quote: Quote) -> bool:
        # No complement, or one that is this quote or the part of a split quote after it.
        if cue.content is None or self._opens_split(quote, cue):
            return True
        return _overlaps(cue.content, self._token_range(quote.start, quote.end))

    def _has_own_cue(self, start: int, end: int, used: Cue) -> bool:
        # The attribution between the parts reports something itself ("…, saying the targets …").
        span = self._char_span(start, min(end, self.end))
        if any(t.dep_ == "ccomp" and t.head.i != used.token.i and not self._in_quote(t.idx) for t in span):
            return True
        # A second speech verb introduces the next part ("…,” Trump said, adding later, “…”).
        return any(
            c is not used and c.kind == "verb" and c.lemma in _SAY_LEMMAS and span.start <= c.token.i < span.end
            for c in self.cues
        )

    def _closing_cue(self, quote: Quote, used: Cue) -> Cue | None:
        """Another speech verb with a speaker right after ``quote``, in its sentence window,
        whose complement (if any) is the quote: the quote's own attribution."""
        first, last = self._token_range(quote.start, quote.end)
        window_end = self._sentence_window(first, last)[1]
        for cue in self.cues:
            if cue is used or cue.kind != "verb" or cue.speaker is None or not last <= cue.token.i < window_end:
                continue
            if cue.content is None or self._content_is_quote(cue.content, first, last):
                return cue
        return None

    def _continue_quote(self, quote: Quote) -> None:
        draft = self.article.quote_drafts.get(quote.start)
        if draft is not None:
            draft.add_normal_form(self._char_span(max(self.offset, quote.inner_start), min(self.end, quote.inner_end)))

    # -- indirect speech -----------------------------------------------------------------
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
        draft = _Draft(
            speaker,
            cue.text,
            cue.lemma,
            cue.cue_class,
            claim_type,
            start,
            end,
            normal.polarity(span, cue.cue_class),
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
        draft = _Draft(
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
        draft = _Draft(
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

    def _record(self, draft: _Draft, quote: Quote | None = None, last: Quote | None = None) -> None:
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


def _cue_order(cue: Cue) -> tuple[int, int]:
    """Speech verbs first, then "according to", then belief/evidence verbs and nouns; outer
    cues before the cues nested in their content, which the outer claim already covers."""
    if cue.kind in {"verb", "quoted_as"} and cue.cue_class in {CueClass.ASSERT, CueClass.DENY}:
        rank = 0
    else:
        rank = {"according_to": 1, "verb": 2}.get(cue.kind, 3)
    size = cue.content[1] - cue.content[0] if cue.content else 0
    return rank, -size


def _clear_of_cue(cue: Cue, first: int, last: int) -> bool:
    """The tokens ``[first, last)`` lie outside the cue's attribution: the cue stands outside
    its content, or inside it as a parenthetical ("A, he said, “B”") with the tokens in a part."""
    if cue.gap is not None:
        return last <= cue.gap[0] or cue.gap[1] <= first
    return not cue.content[0] <= cue.token.i < cue.content[1]


def _is_question(quoted: str) -> bool:
    """A quotation that is one question; several sentences ending in a rhetorical question
    ("… Do I think it was cocaine? Probably not. … why is he unstable?") still assert."""
    text = quoted.rstrip(" .\u201d\"'")
    return text.endswith("?") and _SENTENCE_BREAK.search(text) is None


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


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _cue_fields(cue: Cue | None, fallback: str | None) -> tuple[str, str, str]:
    if cue is None:
        return fallback or "", fallback or "", CueClass.ASSERT
    return cue.text, cue.lemma, cue.cue_class


def _claim_type(cue: Cue) -> str:
    return ClaimType.ACCORDING_TO if cue.kind == "according_to" else ClaimType.INDIRECT


def _is_title(text: str) -> bool:
    """A quoted title: two to eight words, capitalised apart from short function words, with
    no sentence punctuation."""
    words = _WORD.findall(text)
    if not 2 <= len(words) <= 8 or _SENTENCE_PUNCT.search(text.strip()):
        return False
    return words[0][0].isupper() and words[-1][0].isupper() and all(w[0].isupper() for w in words if len(w) > 3)


def _repeats(draft: _Draft, earlier: _Draft) -> bool:
    """A report the same speaker already made earlier in the article ("X confirmed that A" in the
    lead, "X confirmed that A but indicated …" further down): one claim for analysts, not two.
    Quotes are verbatim and never count as repeats."""
    if draft.speaker is None or earlier.speaker is None or len(earlier.terms) < _REPEAT_MIN_TERMS:
        return False
    if {draft.claim_type, earlier.claim_type} - _REPORTED_TYPES or draft.speaker.entry is not earlier.speaker.entry:
        return False
    shared = sum(1 for term in earlier.terms if term in draft.terms)
    return shared >= _REPEAT_SHARE * len(earlier.terms)


def _asked_or_supposed(token: Token) -> bool:
    """The report sits in an indirect question or a condition ("asked whether he thought …",
    "if she says …"): nobody asserts it."""
    for head in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in _UNASSERTED_MARKS for c in head.children):
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


_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\u201c\"]")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_SENTENCE_PUNCT = re.compile(r"[.!?]")
_UNASSERTED_MARKS = {"whether", "if"}
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
_SPEECH_KINDS = {"verb", "according_to", "quoted_as"}
_SPEECH_CLASSES = {CueClass.ASSERT, CueClass.DENY, CueClass.REPORT}
_DASHES = {"\u2015", "\u2014", "\u2013", "-"}
# Verbs that frame an utterance itself, so even a one-word quote after them is a claim.
_SAY_LEMMAS = lexicon_words("say_verbs")
# Who can speak, as in cues ("Officials: ...", "Poll: ...").
_SPEAKER_NOUNS = lexicon_words("speaker_nouns")
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
