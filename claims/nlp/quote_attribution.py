"""Direct quotes and who said them: the cue verb framing a quote, a speaker without a verb
("X: “…”", "— X"), a colon opening a block quotation, split quotes ("“A,” he said. “B.”") and
quotes that continue the last speaker. Django-free.

`QuoteAttribution` is the quote half of the chunk reader in `extract`; it reads the reader's
state (doc, quotes, cues, article) and records drafts through it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from . import normal
from .cues import CUE_VERBS, Cue, can_report, is_person
from .draft import Draft
from .lexicons import words as lexicon_words
from .quotes import Quote
from .speakers import Resolved
from .syntax import child_with_dep, nearest_subject, speaker_of_verb
from .types import ClaimType, CueClass

# A quote split by its attribution ("“A,” he said. “B.”") is one claim, as annotated in
# attribution corpora; not when the attribution sentence reports something of its own.
MERGE_SPLIT_QUOTES = True

MIN_QUOTE_WORDS = 4

# The confidence of a quotation said by the speaker quoted just before ("“A,” she said. “B.”").
_FOLLOW_ON = 0.5

MIN_SPOKEN_WORDS = 1  # with a speech verb framing it, any quote is said

_DASHES = {"\u2015", "\u2014", "\u2013", "-"}
# What may stand before a name that labels a quotation after its colon ("… - Philip Bump: “…”").
_LABEL_BREAKS = _DASHES | {"--"}
# Words a title leaves in lower case whatever their length.
_TITLE_SMALL_WORDS = lexicon_words("title_small_words")

# Verbs that frame an utterance itself, so even a one-word quote after them is a claim.
_SAY_LEMMAS = lexicon_words("say_verbs")

_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\u201c\"]")

_SPEECH_CLASSES = {CueClass.ASSERT, CueClass.DENY, CueClass.REPORT}

_SPEECH_KINDS = {"verb", "according_to", "quoted_as"}

# A speech tag after a quotation is short: its verb, its subject and an adjunct or two ("he
# surmised", "opined the Plain Dealer", "her husband cut in", "she wrote on her blog").
_MAX_TAG_TOKENS = 8
_TAG_COMPLEMENTS = {"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd"}
# A verb with a clause of its own reports that clause, not a quotation that ended the sentence before.
_CLAUSE_COMPLEMENTS = {"ccomp", "xcomp"}


def _clear_of_cue(cue: Cue, first: int, last: int) -> bool:
    """The tokens ``[first, last)`` lie outside the cue's attribution: the cue stands outside
    its content, or inside it as a parenthetical ("A, he said, “B”") with the tokens in a part."""
    if cue.gap is not None:
        return last <= cue.gap[0] or cue.gap[1] <= first
    return not cue.content[0] <= cue.token.i < cue.content[1]


def _cue_fields(cue: Cue | None, fallback: str | None) -> tuple[str, str, str]:
    if cue is None:
        return fallback or "", fallback or "", CueClass.ASSERT
    return cue.text, cue.lemma, cue.cue_class


def _is_question(quoted: str) -> bool:
    """A quotation that is one question; several sentences ending in a rhetorical question
    ("… Do I think it was cocaine? Probably not. … why is he unstable?") still assert."""
    text = quoted.rstrip(" .\u201d\"'")
    return text.endswith("?") and _SENTENCE_BREAK.search(text) is None


def _speaks_before_colon(subject: Token) -> bool:
    """Someone who can say what follows the colon: a person, a body or a source noun; not a
    relative or demonstrative pronoun ("what", "that", "it") nor a heading set in capitals
    ("IOWA POLLS: …"), which the parser also makes subjects."""
    if subject.is_upper and len(subject) > 1:
        return False
    if subject.pos_ == "PRON":
        return is_person(subject)
    return is_person(subject) or can_report(subject)


def _is_title(text: str) -> bool:
    """A quoted title: two to eight words, capitalised apart from short function words, with
    no sentence punctuation."""
    words = _WORD.findall(text)
    # A full stop closing the quotation is the sentence's, set inside the marks by American
    # style ("on ABC's “This Week.”"); one inside it makes a sentence.
    if not 2 <= len(words) <= 8 or _SENTENCE_PUNCT.search(text.strip().removesuffix(".")):
        return False
    return (
        words[0][0].isupper()
        and words[-1][0].isupper()
        and all(w[0].isupper() for w in words if len(w) > 3 and w.lower() not in _TITLE_SMALL_WORDS)
    )


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")

_SENTENCE_PUNCT = re.compile(r"[.!?]")


class QuoteAttribution:
    """The quote rules of the chunk reader (mixed into `extract._ChunkReader`)."""

    if TYPE_CHECKING:
        from .extract import _Article

        article: _Article
        doc: Doc
        offset: int
        end: int
        quotes: list[Quote]
        cues: list[Cue]
        used: set[int]

        def _char_span(self, start: int, end: int) -> Span: ...
        def _in_quote(self, idx: int) -> bool: ...
        def _inside_any_claim(self, start: int, end: int, skip: set[str] | None = None) -> bool: ...
        def _inside_claim(self, quote: Quote) -> bool: ...
        def _record(self, draft: Draft, quote: Quote | None = None, last: Quote | None = None) -> None: ...
        def _sentence_bounds(self, span: Span, cue: Cue | None) -> tuple[int, int]: ...
        def _speaker(self, cue: Cue) -> Resolved | None: ...
        def _token_range(self, start: int, end: int) -> tuple[int, int]: ...

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
        if cue is None and confidence == _FOLLOW_ON and self._join_follow_on(quote):
            return
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
        tag = self._speech_tag(quote)
        if tag is not None:
            return tag, self._speaker(tag), 0.8
        colon_cue = self._colon_cue(quote) or (colon if self._opens_chunk(quote) else None)
        if colon_cue is not None:
            return colon_cue[0], colon_cue[1], 0.8
        colon = self._colon_before(quote)
        clause = self._colon_clause(colon) if colon is not None else None
        if clause is not None:
            return clause, self._speaker(clause), 0.6
        label = self._name_label(colon) if colon is not None else None
        if label is not None:
            return None, self.article.registry.resolve(label, self.offset, self.doc[colon]), 0.6
        prior = self._closing_attribution(quote)
        if prior is not None:
            return None, self._speaker(prior), 0.7
        # A quotation standing as its own sentence right after an attributed one continues the
        # same speaker (the "“…,” he said. “…”" pattern, and follow-on quote paragraphs).
        if not self._starts_sentence(quote):
            return None
        reporter = self._reporter_just_before(quote)
        if reporter is not None:
            return None, self._speaker(reporter), _FOLLOW_ON
        recent = self.article.last_claim_chunk >= self.article.chunk_no - 1
        if recent and self.article.last_quoted:
            return None, self.article.last_quoted, _FOLLOW_ON
        return None

    def _reporter_just_before(self, quote: Quote) -> Cue | None:
        """ "“A” if she lost, said Wasserman, an analyst. “And yet …”": a quotation standing as its
        own sentence goes on with the attribution of the sentence just before it, in its paragraph.
        (Quotes are read before the paragraph's reported speech, so the last speaker recorded may
        still be the previous paragraph's.)"""
        first, _ = self._token_range(quote.start, quote.end)
        sentence = self.doc[first].sent
        if sentence.start == 0:
            return None
        before = self.doc[sentence.start - 1].sent
        speech = [
            c
            for c in self.cues
            if before.start <= c.token.i < before.end
            and c.kind in _SPEECH_KINDS
            and c.cue_class in _SPEECH_CLASSES
            and c.speaker is not None
            and not self._in_quote(c.token.idx)
        ]
        # The sentence's own report, not one it cites ("Sanders wrote, according to CNN."): the
        # cue heading the sentence, else the first.
        return next((c for c in speech if c.token.dep_ == "ROOT"), speech[0] if speech else None)

    def _join_follow_on(self, quote: Quote) -> bool:
        """A paragraph that is only a quotation, after a paragraph whose quotation closes with just
        its attribution ("“A,” she said. ¶ “B.”"), goes on with the same utterance: B joins A's
        claim as its next part. Not after narrative between them, nor after a claim of another kind."""
        drafts = self.article.drafts
        prev = drafts[-1] if drafts else None
        if prev is None or prev.claim_type != ClaimType.DIRECT or prev.speaker is not self.article.last_quoted:
            return False
        if not (self._opens_chunk(quote) and quote.closed is not False and quote.end >= self.end - 1):
            return False
        gap = self.article.clean[prev.end : quote.start]
        # Only the closing mark and the attribution sentence stand between the two.
        if "\n" not in gap or _SENTENCE_BREAK.search(gap.strip()) or self._quote_opens_in(prev.end + 1, quote.start):
            return False
        prev.parts = (prev.parts or ((prev.start, prev.end),)) + ((quote.inner_start, quote.inner_end),)
        prev.end = quote.inner_end
        prev.add_normal_form(self._char_span(quote.inner_start, min(quote.inner_end, self.end)))
        self.article.quote_drafts[quote.start] = prev
        self.article.last_claim_chunk = self.article.chunk_no
        return True

    def _quote_opens_in(self, start: int, end: int) -> bool:
        return any(start <= q.start < end for q in self.article.quotes.between(start, end))

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
        if self.doc[first].is_sent_start or first == 0:
            return True
        # The parser may end the sentence before on the opening mark ("… this week. ''I've got …").
        return self.doc[first].is_quote and first + 1 < len(self.doc) and self.doc[first + 1].is_sent_start

    def _cue_for_quote(self, quote: Quote) -> Cue | None:
        """A speech cue outside the quote, in the sentences the quote touches or the one after it,
        whose own complement (if any) is the quote."""
        first, last = self._token_range(quote.start, quote.end)
        window = self._sentence_window(first, last)
        own_end = self.doc[max(first, last - 1)].sent.end
        best, best_gap = None, 10**6
        for cue in self.cues:
            if not window[0] <= cue.token.i < window[1] or cue.kind not in {"verb", "quoted_as"}:
                continue
            if cue.token.i >= own_end and not self._bare_attribution(cue):
                continue  # "“A.” He pledged to move the embassy …": the next sentence says its own thing
            if cue.content is None and child_with_dep(cue.token, {"neg"}) is not None:
                continue  # "… did not respond to requests for comment" says nothing, quoted or not
            if cue.content is not None and not self._content_is_quote(cue.content, first, last):
                if not self._opens_split(quote, cue):
                    continue
            if self._quote_between(cue.token.i, first, last, quote):
                continue
            gap = first - cue.token.i if cue.token.i < first else cue.token.i - last
            if gap < best_gap:
                best, best_gap = cue, gap
        return best

    @staticmethod
    def _bare_attribution(cue: Cue) -> bool:
        """A sentence after a quotation that is only its attribution ("“…” He said.", split off by
        the parser): the cue heads the sentence and reports no clause of its own."""
        return cue.token.dep_ == "ROOT" and child_with_dep(cue.token, _CLAUSE_COMPLEMENTS) is None

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
        return overlaps(content, (first, last)) and outside <= 2

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

    def _speech_tag(self, quote: Quote) -> Cue | None:
        """ "“People are afraid of wasting their votes,” he surmised.", "“…,” opined the Plain
        Dealer.": a quotation whose words end on a comma, followed by a short clause of a verb
        and its subject that ends the sentence, is that subject's, whatever the verb (the cue
        lexicon lists the usual ones: "said" is found before this)."""
        closing = self.article.clean[quote.inner_end - 1 : quote.end + 2]  # the comma inside the marks or after them
        if quote.end >= self.end or "," not in closing:
            return None
        first, _ = self._token_range(quote.end, self.end)
        first += self.doc[first].is_punct  # the comma outside the marks
        sent = self.doc[min(first, len(self.doc) - 1)].sent
        tag = [t for t in self.doc[first : sent.end] if not t.is_punct]
        verb = next((t for t in tag if t.pos_ == "VERB" and t.tag_ in {"VBD", "VBZ", "VBP"}), None)
        if not tag or verb is None or len(tag) > _MAX_TAG_TOKENS or verb.head.i != verb.i and verb.dep_ != "ccomp":
            return None
        subject = nearest_subject(verb)
        if subject is None and verb.i == tag[0].i:
            # "opined the Plain Dealer": inverted, the subject parsed as the verb's object
            subject = next((c for c in verb.rights if c.dep_ in {"dobj", "attr"}), None)
        if subject is None or subject.pos_ not in {"NOUN", "PROPN", "PRON"}:
            return None
        if any(c.dep_ in _TAG_COMPLEMENTS and c.i > verb.i and c is not subject for c in verb.children):
            return None  # "“…,” the mayor wrote in a letter that …": a clause of its own
        return Cue(verb, verb.lemma_.lower(), verb.text, CueClass.ASSERT, "verb", subject)

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

    def _colon_before(self, quote: Quote) -> int | None:
        """The index of a colon right before the quotation's opening mark, if there is one."""
        first, _ = self._token_range(quote.start, quote.end)
        colon = first - 1
        while colon >= 0 and self.doc[colon].is_space:
            colon -= 1
        if colon < 1 or self.doc[colon].text != ":" or colon in self.used:
            return None
        return colon

    def _name_label(self, colon: int) -> Token | None:
        """ "Clinton: “Our goal is …”", "… - Philip Bump: “Two weeks ago …”": a person's or body's
        name alone before the colon, from the start of its line or after a dash, labels the quote."""
        name = self.doc[colon - 1]
        if name.ent_type_ not in {"PERSON", "ORG"}:
            return None
        start = colon - 1
        while start > 0 and self.doc[start - 1].ent_type_ == name.ent_type_ and self.doc[start].ent_iob_ != "B":
            start -= 1
        before = self.doc[start - 1] if start > 0 else None
        if before is None or before.is_space or before.text in _LABEL_BREAKS or before.is_sent_end:
            self.used.add(colon)
            return name
        return None

    def _colon_clause(self, colon: int) -> Cue | None:
        """ "Rubio fired back forcefully: “…”", "he gave the Texan a back-handed compliment: “…”":
        a quotation right after a colon that closes a clause is what the clause's subject says,
        whatever the verb, when that subject is someone who can speak."""
        verb = self.doc[colon - 1]
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in {"VERB", "AUX"} or verb.i > colon or self._in_quote(verb.idx) or verb.i in self.used:
            return None
        subject = speaker_of_verb(verb)
        if subject is None or subject.i > colon or not _speaks_before_colon(subject) or self._in_quote(subject.idx):
            return None
        self.used.add(verb.i)
        return Cue(verb, verb.lemma_.lower(), verb.text, CUE_VERBS.get(verb.lemma_.lower(), CueClass.ASSERT), "verb", subject)

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
        draft = Draft(
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
        cue_text, cue_lemma, cue_class = _cue_fields(cue, None) if cue else self._speaker_cue(speaker)
        draft = Draft(
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

    def _speaker_cue(self, speaker: Resolved | None) -> tuple[str, str, str]:
        """A quote attributed without a verb of its own (the second half of “A,” he said. “B.”,
        a follow-on quote) shows the cue its speaker was last quoted with; ":" when none."""
        for draft in reversed(self.article.drafts):
            same = draft.speaker is speaker or (
                draft.speaker is not None and speaker is not None and draft.speaker.start == speaker.start
            )
            if same and draft.cue not in {"", ":"} and draft.claim_type != ClaimType.HEADLINE:
                return draft.cue, draft.cue_lemma, draft.cue_class
        return _cue_fields(None, ":")

    def _merge_split(self, quote: Quote, cue: Cue) -> Quote:
        """“A,” he said. “B.” → one quotation, unless B has an attribution of its own."""
        nxt = self._next_quote(quote)
        if nxt is None or not self._frames_quote(cue, quote):
            return quote
        cue_sent = cue.token.sent
        if nxt.start < self.offset + cue_sent.end_char and _is_title(self.article.clean[nxt.inner_start : nxt.inner_end]):
            # A title in the attribution ("…,” she said on ABC's “This Week.” “B.”) is no part.
            nxt = self._next_quote(nxt)
            if nxt is None:
                return quote
        gap = self.article.clean[max(quote.end, self.offset + cue_sent.end_char) : nxt.start]
        if gap.strip() not in {"", ","} or self._has_own_cue(quote.end, nxt.start, cue):
            return quote
        if self._closing_cue(nxt, cue) is not None:
            return quote  # “A,” Moore said. “B,” Clyburn added.: B is the second speaker's
        if nxt.end > self.end and nxt.closed is False:
            return quote
        # However many sentences the first part holds, the parts are one utterance the attribution
        # happens to interrupt: one claim, as PolNeAR annotates it.
        return nxt

    def _frames_quote(self, cue: Cue, quote: Quote) -> bool:
        # No complement, or one that is this quote or the part of a split quote after it.
        if cue.content is None or self._opens_split(quote, cue):
            return True
        return overlaps(cue.content, self._token_range(quote.start, quote.end))

    def _has_own_cue(self, start: int, end: int, used: Cue) -> bool:
        # The attribution between the parts reports something itself ("…, saying the targets …").
        span = self._char_span(start, min(end, self.end))
        # The used cue itself may be a ccomp where the parser began its sentence inside the first part.
        if any(
            t.dep_ == "ccomp" and used.token.i not in {t.i, t.head.i} and not self._in_quote(t.idx) for t in span
        ):
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
