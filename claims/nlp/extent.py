"""Content extent: where the reported content of a cue starts and ends (clausal complements,
inverted and parenthetical attributions, set-off phrases, continued sentences, open quotes).

Positions are token indices inside one parsed chunk; `extract` maps them to characters. Django-free.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .lexicons import cue_classes, words
from .syntax import (
    CLAUSE_SUBJECTS,
    FINITE_TAGS,
    PERSONAL_PRONOUNS,
    QUOTE_MARKS,
    SET_OFF_MARKS,
    SUBJECT_DEPS,
    WH_TAGS,
    after_comma,
    child_with_dep,
    clause_boundary,
    first_conjunct,
    nearest_subject,
    repeated_report,
    set_off,
    span_of,
    subordinate,
    trim,
)
from .types import CueClass

STANCE_VERBS = cue_classes("stance_verbs")
INTENT_VERBS = cue_classes("intent_verbs")
CUE_VERBS = cue_classes("cue_verbs")
_CLAUSE_DEPS = {"ccomp"}
# How a second report attaches to a reported clause: coordinated, or as a participle.
_SECOND_REPORT_DEPS = {"conj", "advcl", "xcomp", "parataxis"}
_SPEECH_ACTS = {CueClass.ASSERT, CueClass.DENY}
# Cue verbs that, attached to a reported clause, usually continue it rather than report anew.
_NOT_SECOND_REPORT = words("continuing_verbs")
_PRO_CONTENT = {"much", "so"}
# Verbs whose "as" stands for a proposition ("as she noted, …", "as he told reporters, …").
_AS_REPORTS = words("as_report_verbs")
# How long such an attribution may run on either side of its verb.
_ATTRIBUTION_WORDS = 15
_SAY_VERBS = words("say_verbs")
_OPENING_MARKS = {"\u201c", "``"}
_CLOSING_MARKS = {"\u201d", "''"}


def through_open_quote(doc: Doc, content: tuple[int, int]) -> tuple[int, int]:
    """ "called Burma a “good news story in an era when …”": the parse may end the content
    inside a quotation it opened; a quotation is the speaker's words, so it runs to its close,
    in the same paragraph, even when it closes sentences later ("said its editors had ''reviewed the
    complaints. We will continue …''")."""
    start, end = content
    marks = [t for t in doc[start:end] if t.text in QUOTE_MARKS]
    if not marks or not _opens_quotation(marks[-1]) or marks[-1].i >= end - 1:
        return content  # no quotation left open, or only its opening mark ("… said: “")
    if any(t.pos_ == "VERB" and t.lemma_.lower() in _SAY_VERBS for t in doc[start : marks[-1].i]):
        return content  # "… a video in which Adelson said: “…”": the quotation is a nested speaker's
    close = next((t.i for t in doc[end:] if t.text in QUOTE_MARKS and not _opens_quotation(t)), None)
    if close is None or any("\n" in t.text for t in doc[end:close]):
        return content
    while close > end and doc[close - 1].is_punct and doc[close - 1].text not in "?!":
        close -= 1
    return start, close


def _opens_quotation(mark: Token) -> bool:
    """A curly or backtick opening mark; a straight one (" or '') by its spacing: it follows a
    space and comes before a word."""
    if mark.text in _OPENING_MARKS:
        return True
    if mark.text in _CLOSING_MARKS and mark.text != "''":
        return False
    doc = mark.doc
    after_space = mark.i == 0 or bool(doc[mark.i - 1].whitespace_) or doc[mark.i - 1].text in "([—–-"
    before_word = mark.i + 1 < len(doc) and not mark.whitespace_ and not doc[mark.i + 1].is_punct
    return after_space and before_word


def reports_without_content(content: Span) -> bool:
    root = content.root
    if CUE_VERBS.get(root.lemma_) != CueClass.ASSERT or not any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return False
    if any(c.dep_ in {"ccomp", "xcomp", "dobj"} for c in root.children):
        return False
    # Only a stand-in for what was said ("as much", "so") marks the report as one without
    # content; "the campaign will continue" is content of its own.
    return any(c.lower_ in _PRO_CONTENT for c in root.children)


def continued_sentence(doc: Doc, content: tuple[int, int]) -> tuple[int, int] | None:
    """ "It has also observed …, according to X" continues the sentence before it, which the
    attribution covers too: that sentence is X's claim as well (a claim of its own, so each
    statement can agree or conflict separately)."""
    first = doc[content[0]]
    sent = first.sent
    if first.i != sent.start or sent.start == 0 or first.pos_ != "PRON" or first.dep_ not in SUBJECT_DEPS:
        return None
    if not any(c.lower_ == "also" for c in first.head.children):
        return None
    previous = doc[sent.start - 1].sent
    return trim(doc, previous.start, previous.end)


def coordinated_infinitives_end(verb: Token, infinitive: Token) -> int:
    """ "wants to widen the road, build a bridge and close the ferry": the parser hangs the bare
    verbs that share the first infinitive's "to" on the intent verb; they are intended too."""
    end = infinitive.right_edge.i + 1
    for conj in verb.rights:
        if conj.i < end or conj.dep_ not in {"conj", "dep"} or conj.tag_ != "VB":
            continue
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in conj.children):
            break
        end = conj.right_edge.i + 1
    return end


def past_dangling_conjunction(verb: Token, end: int) -> int:
    """ "declined to threaten Moscow or even declare it responsible": the parser may hang the
    second infinitive on the cue verb, leaving "or" as the last word of the first one; the
    phrase that starts right after it belongs to the same content."""
    doc = verb.doc
    if end >= len(doc) or doc[end - 1].dep_ != "cc":
        return end
    follower = next((c for c in verb.rights if c.left_edge.i == end), None)
    return follower.right_edge.i + 1 if follower is not None else end


def is_cue_verb(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in CUE_VERBS or lemma in INTENT_VERBS or lemma in STANCE_VERBS


def clause_content(verb: Token) -> tuple[int, int] | None:
    """The clausal complement of ``verb``; in the inverted order ("CLAUSE, X said") spaCy
    sometimes hangs the cue off the clause instead, so the head clause is used then."""
    clause = _nearest_clause(verb)
    if clause is not None:
        if clause.i > verb.i:
            subject = _subject_taken_as_object(verb, clause)
            start = subject.left_edge.i if subject is not None else clause.left_edge.i
            return trim(verb.doc, start, following_report_end(verb, clause))
        start = _inverted_start(verb, clause.left_edge.i)
        return trim(verb.doc, start, _report_end(clause))
    has_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    if (
        has_subject
        and verb.dep_ in {"parataxis", "advcl", "ccomp"}
        and verb.head.i < verb.i
        and after_comma(verb)
        and not subordinate(verb)
    ):
        return content_around(verb)
    if has_subject and _fronted_as_clause(verb):
        return content_around(verb)
    return None


def _fronted_as_clause(verb: Token) -> bool:
    """ "As one analyst pointed out, the gap is vast": "as" stands for what was said, and the
    clause after the comma is it. Only verbs that take what is said ("as she spoke, …" is a
    time), and none that has its own object ("as he said this, …")."""
    doc = verb.doc
    edge = verb.right_edge.i  # the comma itself, when the parser hung it inside the clause
    comma = edge if doc[edge].text == "," else edge + 1
    if verb.dep_ != "advcl" or verb.head.i < verb.i or comma >= len(doc) or doc[comma].text != ",":
        return False
    if verb.lemma_.lower() not in _AS_REPORTS or any(c.dep_ in {"dobj", "ccomp"} for c in verb.children):
        return False
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def parenthetical(verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "But to prevent problems, he said, local officials should be vigilant": an attribution
    set off by commas inside the clause it reports, which the parser hangs on that clause as
    parataxis. The content is the clause on both sides; the gap is the attribution with its
    commas, which is not the speaker's words."""
    head = verb.head
    if nearest_subject(verb) is None:
        return None
    if head.dep_ in {"aux", "auxpass"}:
        head = head.head  # "The plan, officials say, is doomed": hung on the auxiliary, it reports the clause
    if verb.dep_ == "parataxis" and head.pos_ in {"VERB", "AUX"}:
        left, right = head.left_edge.i, head.right_edge.i + 1
    else:
        # "A, the agency said, and B": the parser makes the verb the root, A its complement
        # and B its conjunct.
        halves = _reported_halves(verb)
        if halves is None:
            return None
        left, right = halves
    gap = _set_off_phrase(verb)
    if gap is None:
        return None
    content = trim(verb.doc, left, right)
    if content is None or not content[0] < gap[0] or not gap[1] < content[1]:
        return None  # words of the reported clause on both sides, or it is no parenthetical
    return content, gap


def inverted_parenthetical(verb: Token) -> tuple[Token, tuple[int, int], tuple[int, int]] | None:
    """ "And Trump, said Sunshine, who knew him, doesn't forgive", "The plan, says the mayor, will
    cost too much": an inverted attribution set off inside the clause it reports. The parser
    takes the words before it for the verb's subject, and the speaker after it for the rest of
    the clause's subject or for a second subject of the verb. Returns the speaker, the content
    (both sides) and the gap (the attribution with its commas)."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    if verb.dep_ == "parataxis" and verb.head.i > verb.i:
        clause, left = verb.head, verb.head.left_edge.i
    else:
        clause, left = next((c for c in verb.rights if c.dep_ == "ccomp"), None), verb.left_edge.i
    if clause is None or left >= verb.i - 1:
        return None
    subjects = [c for c in [*verb.children, *clause.children] if c.dep_ in SUBJECT_DEPS]
    speaker = next((c for c in subjects if c.left_edge.i == verb.i + 1), None)
    if speaker is None:
        return None
    comma = speaker.right_edge.i if doc[speaker.right_edge.i].text == "," else speaker.right_edge.i + 1
    if comma >= clause.i or doc[comma].text != ",":
        return None
    content = trim(doc, left, clause.right_edge.i + 1)
    if content is None or not content[0] < verb.i - 1:
        return None
    return speaker, content, (verb.i - 1, comma + 1)


def _reported_halves(verb: Token) -> tuple[int, int] | None:
    """The extent of "A, X said, and B" when the verb reports a clause before it and has a
    coordinated clause with a subject of its own after it: not the speaker again ("…, he said,
    and he left") and no report of its own ("…, she said, and the union warned …")."""
    before = next((c for c in verb.lefts if c.dep_ in _CLAUSE_DEPS), None)
    after = next((c for c in verb.rights if c.dep_ == "conj"), None)
    if before is None or after is None or is_cue_verb(after):
        return None
    subject = nearest_subject(after)
    if subject is None or subject.lower_ in PERSONAL_PRONOUNS:
        return None
    return before.left_edge.i, after.right_edge.i + 1


def _set_off_phrase(verb: Token) -> tuple[int, int] | None:
    """The commas around ``verb`` and every word between them, when those words are all the
    attribution's own (its subject, "in a statement", "on Monday"); ``None`` otherwise."""
    doc, sent = verb.doc, verb.sent
    start = verb.i
    while start > sent.start and doc[start - 1].text not in SET_OFF_MARKS and verb.i - start < _ATTRIBUTION_WORDS:
        start -= 1
    end = verb.i + 1
    while end < sent.end and doc[end].text not in SET_OFF_MARKS and end - verb.i < _ATTRIBUTION_WORDS:
        end += 1
    if start - 1 <= sent.start or end + 1 >= sent.end:
        return None
    if doc[start - 1].text not in SET_OFF_MARKS or doc[end].text not in SET_OFF_MARKS:
        return None
    if not all(t.i == verb.i or verb.is_ancestor(t) for t in doc[start:end]):
        return None
    # The subject lies between the commas ("Mr. Clarke, the director, said": the first comma
    # only closes the name), and what follows is no second report ("…, he said, adding that …").
    subject = nearest_subject(verb)
    if subject is None or subject.left_edge.i < start:
        return None
    after = next((c for c in verb.rights if c.left_edge.i <= end + 1 <= c.right_edge.i), None)
    if after is not None and (after.tag_ == "VBG" and after.dep_ != "prep" or is_cue_verb(after)):
        return None  # "including …" goes on with the report; "citing …" is a second one
    # A quotation closing before the attribution (“A,” she said, “B.”) is a split quote, which
    # the quote rules read over all its sentences.
    if any(t.text in QUOTE_MARKS for t in doc[start - 2 : end]):
        return None
    return start - 1, end + 1


def following_report_end(verb: Token, clause: Token) -> int:
    """End of the clause ``verb`` reports after it, with what the parser hung on the verb
    beyond it but is still the speaker's (see the helpers)."""
    end = _report_end(clause)
    if end != clause.right_edge.i + 1:
        return end
    end = _continued_clause_end(verb, end)
    return _past_announcing_colon(verb, _reported_conjunct_end(verb, end))


def _inverted_start(verb: Token, start: int) -> int:
    """ "A, but B, another source said.": the parser coordinates the closing attribution with A
    and gives it only B, but an attribution that ends the sentence covers all of it."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= start or not _ends_sentence(verb, verb.i + 1):
        return start
    joined_by = verb.doc[start - 1] if start > 0 else None
    return head.left_edge.i if joined_by is not None and joined_by.dep_ == "cc" else start


def _reported_conjunct_end(verb: Token, end: int) -> int:
    """ "She said they had doubts, but could not oppose him": the parser often coordinates such
    a subjectless clause with the reporting verb, while its back-shifted modal ("could",
    "would") or its quoted words show it is still the speaker's. Extends ``end`` over it."""
    # A clause with its own subject is the speaker's too when it opens a quotation ("…, but
    # “nobody listens”") or is an item of a list announced by a colon ("…: prices rise, rates
    # fall and lenders relax").
    listing = any(t.text == ":" for t in verb.doc[verb.i + 1 : end])
    for conj in verb.rights:
        if conj.dep_ != "conj" or conj.i < end:
            continue
        if is_cue_verb(conj):
            return end
        if any(c.dep_ in SUBJECT_DEPS for c in conj.children):
            quoted = verb.doc[conj.left_edge.i].text in QUOTE_MARKS
            return conj.right_edge.i + 1 if listing or quoted else end
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in conj.children)
        quoted = any(t.text in QUOTE_MARKS for t in conj.subtree)
        return conj.right_edge.i + 1 if modal or quoted else end
    return end


def _report_end(clause: Token) -> int:
    """End of a reported clause, before a second report set off by a comma that the parser hung
    on it: "… were not complete, and rights groups warned that …", "…, adding that …",
    "…, citing …". That report is someone's (or the same speaker's) next claim."""
    end = clause.right_edge.i + 1
    for child in clause.rights:
        if child.dep_ in _SECOND_REPORT_DEPS and (_reports(child) and set_off(child) or repeated_report(child) is not None):
            return min(end, child.left_edge.i)
    return end


def _reports(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if CUE_VERBS.get(lemma) not in _SPEECH_ACTS or lemma in _NOT_SECOND_REPORT:
        return False
    # A participle ("…, citing …") reports by itself; a finite verb only with its own subject.
    # Only speech acts count: a hedge ("…, but I do think …") goes on in the speaker's voice.
    return verb.tag_ == "VBG" or any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _nearest_clause(verb: Token) -> Token | None:
    """The clause the verb introduces when the parser gives it two: "A, Kall said: “B”" and
    "The statement referenced …: “B,” the union wrote" hang both A and B off the verb, but
    only the clause next to the attribution (or the one after its colon) is what it reports."""
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS and _reported_by(verb, c)]
    if not clauses:
        return _unmarked_clause(verb)
    if len(clauses) < 2:
        return clauses[0]
    after_colon = [c for c in clauses if c.i > verb.i and _colon_between(verb, c)]
    if after_colon and any(c.i < verb.i for c in clauses):
        return after_colon[0]
    return min(clauses, key=lambda c: c.left_edge.i - verb.i if c.i > verb.i else verb.i - c.right_edge.i)


def _unmarked_clause(verb: Token) -> Token | None:
    """ "Trump said after the convention he would not accept …": a clause with its own subject
    after a speech verb, without a conjunction, that the parser took for an adverbial clause.
    An adverbial clause has a conjunction ("said it as he left", "spoke when asked")."""
    if CUE_VERBS.get(verb.lemma_.lower()) not in _SPEECH_ACTS:
        return None
    clause = next((c for c in verb.rights if c.dep_ == "advcl"), None)
    if clause is None or any(c.dep_ == "mark" or c.tag_ in WH_TAGS for c in clause.children):
        return None
    if not any(c.dep_ in SUBJECT_DEPS for c in clause.children) or clause.tag_ in {"VBG", "VBN"}:
        return None
    return clause


def _continued_clause_end(verb: Token, end: int) -> int:
    """ "notes that we are at a moment where three things happen: prices rise, rates fall":
    a second clause the parser hangs on the verb right after the reported one (past a colon or
    a relative clause it misreads) continues the same report, so ``end`` goes over it. One
    with a reporting verb of its own ("… The agency said …") is another report."""
    for clause in verb.rights:
        if clause.i < end or clause.dep_ not in _CLAUSE_DEPS:
            continue
        first_word = next(t.i for t in clause.subtree if not t.is_punct)
        between = verb.doc[end:first_word]
        if any(t.text not in {",", ":"} for t in between) or _reports_a_clause(clause):
            return end
        end = _report_end(clause)
    return end


def _past_announcing_colon(verb: Token, end: int) -> int:
    """ "said the plan has three aims: A, B and C": a colon right after the reported clause
    announces the rest of the sentence, which the parser often hangs elsewhere or nowhere. A
    quotation after the colon is left to the quote rules."""
    doc = verb.doc
    if end >= len(doc) or doc[end].text != ":":
        return end
    sent_end = verb.sent.end
    rest = doc[end + 1 : sent_end]
    return end if any(t.text in QUOTE_MARKS for t in rest) else sent_end


def _reports_a_clause(verb: Token) -> bool:
    return is_cue_verb(verb) and child_with_dep(verb, _CLAUSE_DEPS) is not None


def _colon_between(verb: Token, clause: Token) -> bool:
    return any(t.text == ":" for t in verb.doc[verb.i + 1 : clause.left_edge.i + 1])


def _reported_by(verb: Token, clause: Token) -> bool:
    """False for clauses the parser hangs on a reporting verb that it does not report: the
    writer's sentence before a semicolon or colon ("It was a bad storm; the union says …"), and
    a finite predicate without a subject, which is the main clause's ("Everything he says is a
    lie"; a reported finite clause always has its own subject)."""
    if clause.i < verb.i:
        subject = nearest_subject(verb)
        edge = subject.left_edge.i if subject is not None and subject.i > clause.i else verb.i
        # The stop may end the clause's own subtree ("We were here before: X declared …").
        between = verb.doc[clause.right_edge.i + 1 : verb.i]
        return not any(t.text in {";", ":"} for t in (*between, verb.doc[max(edge - 1, 0)]))
    if clause.tag_ not in FINITE_TAGS or any(c.dep_ in CLAUSE_SUBJECTS for c in clause.children):
        return True
    return _subject_taken_as_object(verb, clause) is not None


def _subject_taken_as_object(verb: Token, clause: Token) -> Token | None:
    """ "said single people and families - gay or straight - would qualify": the parser makes the
    reported clause's subject the verb's object and leaves the clause without one. A noun
    object right before a subjectless clause after the verb is that clause's subject."""
    if clause.i < verb.i or any(c.dep_ in CLAUSE_SUBJECTS for c in clause.children):
        return None
    obj = child_with_dep(verb, {"dobj"})
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"} or not verb.i < obj.i < clause.i:
        return None
    between = verb.doc[obj.right_edge.i + 1 : clause.left_edge.i]
    return obj if all(t.is_punct for t in between) else None


def content_around(cue: Token) -> tuple[int, int] | None:
    """The clause ``cue`` is attached to, minus the cue's own phrase (for "…, X said" and
    "according to X")."""
    if cue.dep_ == "ROOT" and cue.i == cue.sent.start:
        return _after_fronted_source(cue)
    head = cue.head
    # Climb to the clause the attribution modifies: the sentence root, a coordinated clause or
    # the complement of a reporting verb, not a participle inside it ("bombers being moved …").
    while head.head.i != head.i and not clause_boundary(head):
        head = head.head
    cue_left, cue_right = span_of(cue)
    if _ends_sentence(cue, cue_right):
        head = first_conjunct(head)
    left, right = span_of(head)
    if cue_left > head.i:
        right = cue_left
    elif cue_right <= head.i:
        left = cue_right
    else:
        return None
    return trim(cue.doc, left, right)


def _after_fronted_source(cue: Token) -> tuple[int, int] | None:
    """ "According to X, the move reeks of fear.": when the parser makes the opening "according"
    the root and hangs the clause inside X's phrase, the clause is what follows the comma that
    closes the source."""
    sent = cue.sent
    comma = next((t for t in cue.doc[cue.i + 2 : sent.end] if t.text == ","), None)
    return trim(cue.doc, comma.i + 1, sent.end) if comma is not None else None


def _ends_sentence(cue: Token, cue_right: int) -> bool:
    """The attribution closes its sentence ("A, and B, according to X."): in news writing it
    then covers the whole sentence, all of its coordinated clauses."""
    sent_end = cue.sent.end
    return all(t.is_punct or t.is_space for t in cue.doc[cue_right:sent_end])
