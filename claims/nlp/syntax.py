"""Dependency helpers the cue and extent rules share: subjects, clause edges, trimming.

Positions are token indices inside one parsed chunk. Django-free.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .lexicons import cue_classes, words

CUE_VERBS = cue_classes("cue_verbs")
SPEAKER_NOUNS = words("speaker_nouns")
MESSAGE_NOUNS = words("speaker_nouns", "message")
ISSUING_VERBS = words("issuing_verbs")
ADDRESSING_VERBS = words("addressing_verbs")
OBJECT_CONTROL_VERBS = words("object_control_verbs")
PERSONAL_PRONOUNS = {"him", "her", "them", "me", "us", "you", "he", "she", "they", "i", "we"}
QUOTE_MARKS = {"\u201c", "\u201d", '"', "''", "``"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
CLAUSE_SUBJECTS = SUBJECT_DEPS | {"expl"}
FINITE_TAGS = {"VBZ", "VBD"}  # not VBP, which is also the bare form ("demanded he resign")
# Subject-less participles ("…, adding that …") and conjuncts borrow their head's subject.
_BORROWING_DEPS = {"conj", "advcl", "xcomp", "pcomp", "dep", "parataxis"}
# A subject in the object case is the object of a causative or perception verb ("let them know
# that …", "made him think that …"): it is told or made to hold the clause, it does not assert it.
OBJECT_CASE = {"them", "him", "her", "me", "us"}
_NOMINAL_POS = {"NOUN", "PROPN", "PRON", "NUM", "X"}
WH_TAGS = {"WRB", "WP", "WDT"}
_MEANS_OR_TIME_PREPS = {"by", "after", "before", "while", "upon"}
# What sets an attribution off inside the clause it reports ("Mr. Clarke, the director, said").
SET_OFF_MARKS = {",", "\u2014", "\u2013", "--"}


def passive_participle(verb: Token) -> bool:
    # A bare past participle on a clause ("Asked about …, X said", "Criticized for …, X …",
    # "X, when asked about …, said") says what was done to the subject it borrows, not what
    # that subject did.
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"advcl", "acl", "relcl"}
        and not any(c.dep_ in {"aux", "auxpass"} | SUBJECT_DEPS for c in verb.children)
    )


def noun_phrase_end(noun: Token) -> int:
    """End of ``noun``'s phrase without a non-restrictive tail set off by a comma ("the plan,
    which passed in May"; "the plan, saying …"): that tail is the writer's, not the speaker's."""
    end = noun.right_edge.i + 1
    for token in noun.subtree:
        if token.i > noun.i and token.dep_ in {"relcl", "acl", "appos", "advcl"}:
            before = noun.doc[token.left_edge.i - 1]
            if before.text in {",", "\u2014", "--"}:
                end = min(end, before.i)
    return end


def is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def trim_keep_to(doc: Doc, start: int, end: int, shortest: int) -> tuple[int, int] | None:
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end - start >= shortest else None


def speaker_of_verb(verb: Token) -> Token | None:
    """The verb's subject, borrowing it from the head for conjuncts and participles."""
    cue = verb
    for _ in range(4):  # bounded climb: a few coordinated or participial verbs at most
        subject = nearest_subject(verb) or object_controller(verb)
        if subject is not None:
            if subject.dep_ == "nsubjpass" and verb is not cue and cue.dep_ == "conj" and not is_passive(cue):
                return subject  # "Trump was forced into … and said that …": the active conjunct's subject
            if subject.dep_ == "nsubjpass" or subject.lower_ == "it" and is_passive(verb):
                return by_agent(verb)
            return subject
        if verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
            issuer = _issuer(verb.head)
            if issuer is not None:
                return issuer
            holder = _holder_of_noun(verb)
            if holder is not None:
                return holder
            if _misattached_participle(verb) or _addressee(verb):
                verb = _governing_verb(verb.head)  # "made a third attempt to deflect it, writing that …": who made it writes
                continue
            return verb.head  # "Peskov, when asked …, saying …": the modified noun speaks
        if _means_or_time(verb):
            verb = verb.head.head  # "responded by saying …": the one who responded says it
            continue
        first = repeated_report(verb)
        if first is not None:
            verb = first  # "said A should act and said B …": the first report's speaker says B
            continue
        if verb.dep_ not in _BORROWING_DEPS or verb.head.i == verb.i or verb.head.pos_ not in {"VERB", "AUX"}:
            return None
        verb = verb.head
    return None


def object_controller(verb: Token) -> Token | None:
    """ "The delay led some to speculate that …", "The vote left many voters wondering whether …":
    after a verb of causing or finding (``lexicon/object_control_verbs.tsv``) the one it acts on is
    the subject of the infinitive or participle completing it, not the verb's own subject ("urged
    the board to declare …" stays the urger's stance). One set off by a comma
    ("told the hosts, adding …") stays the subject's, unless the comma closes an aside inside the
    object ("left many voters, including his own, wondering …")."""
    head = verb.head
    if verb.dep_ not in {"xcomp", "advcl", "ccomp"} or head.i == verb.i or head.lemma_.lower() not in OBJECT_CONTROL_VERBS:
        return None
    obj = child_with_dep(head, {"dobj"})
    if obj is None or not head.i < obj.i < verb.i:
        return None
    if _set_off_by_comma(verb) and not _has_aside(obj):
        return None  # "led the team, to tell them …", "told the hosts, adding …": the subject's own act
    return obj if verb.tag_ == "VBG" or verb.tag_ == "VB" and is_infinitive(verb) else None


def _set_off_by_comma(verb: Token) -> bool:
    """A comma before the verb's phrase, also one a closing quotation mark follows (",'' adding")."""
    before = verb.left_edge.i - 1
    while before > 0 and verb.doc[before].text in QUOTE_MARKS | {"\u2019", "'"}:
        before -= 1
    return before >= 0 and verb.doc[before].text == ","


def _has_aside(noun: Token) -> bool:
    """The noun's phrase holds a part set off by a comma ("voters, including his own,")."""
    return any(
        t.i > noun.i and t.dep_ in {"prep", "appos", "acl", "relcl"} and t.doc[t.left_edge.i - 1].text == ","
        for t in noun.subtree
    )


def repeated_report(verb: Token) -> Token | None:
    """ "The envoy said the ministry should cut its patrols and said any attempt would fail",
    "acknowledging that the plan had merit but warning that …": a second reporting verb without
    a subject, in the first one's form, that the parser coordinates with the clause the first
    one reports rather than with the first one. Returns that first reporting verb; ``None`` when
    the forms leave it open ("said the ministry cut its patrols and warned …")."""
    clause, first = verb.head, verb.head.head
    if verb.dep_ != "conj" or clause.dep_ != "ccomp" or first.i > clause.i or nearest_subject(verb) is not None:
        return None
    if verb.lemma_.lower() not in CUE_VERBS or first.lemma_.lower() not in CUE_VERBS:
        return None
    return first if verb.tag_ in FINITE_TAGS | {"VBG"} and verb.tag_ == first.tag_ != clause.tag_ else None


def _issuer(message: Token) -> Token | None:
    """ "The campaign released a statement saying …": who put the message out speaks through it.

    Only a message noun (statement, letter, tweet …) that is the object of a verb of issuing, whose
    speaker (borrowed as any verb's: "…, and issued a statement saying …") is the author;
    "received a letter saying" keeps the letter.
    """
    verb = message.head
    if message.lemma_.lower() not in MESSAGE_NOUNS or message.dep_ != "dobj" or verb.lemma_.lower() not in ISSUING_VERBS:
        return None
    return speaker_of_verb(verb)


def _misattached_participle(verb: Token) -> bool:
    """ "Mr. Trump made a third attempt to deflect the criticism, writing that …", "they will be
    under pressure to pledge that …": a participle or infinitive the parser hangs on a verb's
    object (or on the object of the verb's preposition), though that noun ("attempt", "notion",
    "pressure") is nothing that can speak. It belongs to the verb and its subject."""
    noun = verb.head
    if not (verb.tag_ == "VBG" and _after_comma(verb) or is_infinitive(verb) or _bare_singular(noun)):
        return False
    return (
        _governing_verb(noun) is not None
        and noun.pos_ == "NOUN"
        and not noun.ent_type_
        and (noun.lemma_.lower() not in SPEAKER_NOUNS or _bare_singular(noun))
    )


def _addressee(verb: Token) -> bool:
    """ "The senator emailed supporters saying …": a participle hung on the one a verb of
    addressing (lexicon/addressing_verbs.tsv) is aimed at belongs to the one who addressed them."""
    noun = verb.head
    return (
        verb.tag_ == "VBG"
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in ADDRESSING_VERBS
        and noun.pos_ in {"NOUN", "PROPN", "PRON"}
    )


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose object ``noun`` is, directly ("made an attempt") or through a preposition
    ("under pressure")."""
    head = noun.head
    if noun.dep_ in {"dobj", "attr"} and head.pos_ in {"VERB", "AUX"}:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    return None


def _bare_singular(noun: Token) -> bool:
    # "on record opposing …": a singular noun with no determiner or modifier is an idiom's,
    # not a thing (a record that speaks is "the record", "records").
    return noun.tag_ == "NN" and noun.dep_ == "pobj" and not any(c.dep_ != "acl" for c in noun.children)


def _holder_of_noun(verb: Token) -> Token | None:
    """ "Grijalva was the first Democrat to endorse Sanders": a verb on the noun a copula
    predicates of its subject is the subject's (whatever the noun)."""
    noun = verb.head
    copula = noun.head
    if noun.dep_ != "attr" or copula.lemma_ != "be" or not is_infinitive(verb):
        return None
    return nearest_subject(copula)


def _after_comma(token: Token) -> bool:
    """The phrase opens with a comma, or follows one (the parser hangs the comma either way)."""
    first = token.left_edge
    return first.text == "," or first.i > 0 and token.doc[first.i - 1].text == ","


def _means_or_time(gerund: Token) -> bool:
    """ "began by saying", "after telling reporters": a gerund after a preposition of means or
    time, whose subject is the clause's subject (not after "for" or "of": "attacked him for
    saying", "accused her of saying" make the object the speaker)."""
    prep = gerund.head
    return (
        gerund.dep_ == "pcomp"
        and gerund.tag_ == "VBG"
        and prep.lower_ in _MEANS_OR_TIME_PREPS
        and prep.head.pos_ in {"VERB", "AUX"}
    )


def fronted_verb_subject(verb: Token) -> Token | None:
    """ "Said Ellis: “…”": a speech verb opening its sentence before a name and a colon or
    comma. The parser reads "Said Ellis" as one name, so the verb has no subject of its own."""
    name = verb.head
    if not verb.is_sent_start or verb.dep_ != "compound" or name.pos_ != "PROPN":
        return None
    after = verb.doc[name.i + 1] if name.i + 1 < len(verb.doc) else None
    return name if after is not None and after.text in {":", ","} else None


def nearest_subject(verb: Token) -> Token | None:
    # Two subjects mean the parser took a quoted clause's subject for the verb's too
    # ("“My reaction, that was outrageous,” the strategist said"): the nearer one speaks.
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        # "Murdoch, who is by all accounts enjoying …": the parser may hang the subject on the
        # auxiliary rather than on the verb it helps.
        subjects = [c for aux in verb.children if aux.dep_ in {"aux", "auxpass"} for c in aux.children if c.dep_ in SUBJECT_DEPS]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def set_off(token: Token) -> bool:
    doc = token.doc
    before = [doc[i].text for i in range(max(0, token.left_edge.i - 2), token.left_edge.i)]
    first = doc[token.left_edge.i]
    return "," in before or first.text in {",", "\u2014", "--"} or first.dep_ == "cc" and "," in before


def subordinate(verb: Token) -> bool:
    # "…, though they find themselves …", "…, even though the audit disclosed …": a verb in a
    # subordinate clause makes no attribution of the main clause ("…, as he said" still does).
    return any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children)


def after_comma(verb: Token) -> bool:
    # "…, the ministry said": the attribution is set off by a comma (or dash) from its content.
    left = verb.left_edge.i
    return left > 0 and verb.doc[left - 1].text in {",", "\u2014", "\u2013", "--"}


def first_conjunct(head: Token) -> Token:
    # A bounded climb: conjuncts chain off the first clause of the sentence.
    for _ in range(4):
        if head.dep_ != "conj" or head.head.pos_ not in {"VERB", "AUX"}:
            break
        head = head.head
    return head


def clause_boundary(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return token.dep_ == "conj" or token.dep_ == "ccomp" and token.head.lemma_.lower() in CUE_VERBS


def _complementizer(token: Token) -> bool:
    # Only "that" introduces a report without adding meaning; "if", "because", "although" at
    # the start of the content are part of what was said ("said that if it rains, …").
    return token.dep_ == "mark" and token.lower_ == "that"


def span_of(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Drop the leading complementizer and surrounding punctuation/conjunctions; a semicolon
    ends the reported clause (what follows is the writer's again)."""
    semicolon = next((t.i for t in doc[start:end] if t.text == ";"), None)
    if semicolon is not None:
        end = semicolon
    while start < end and (
        _complementizer(doc[start]) or doc[start].is_punct or doc[start].dep_ == "cc" or doc[start].is_space
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct and doc[end - 1].text not in "?!" or doc[end - 1].dep_ == "cc" or doc[end - 1].is_space
    ):
        end -= 1
    return (start, end) if end - start >= 3 else None


def child_with_dep(token: Token, deps: set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


# What a sentence says does not exist: "nothing", or a noun under the determiner "no".
_NOTHING = {"nothing"}


def said_not_to_exist(noun: Token) -> bool:
    """ "nothing", "no evidence", "no claim": a thing (or report) the sentence says there is none of."""
    return noun.lower_ in _NOTHING or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def through_denied_thing(cue: Token) -> bool:
    """The cue reports through something said not to exist: a cue noun under "no" ("made [no
    claim] that …", "gave [no indication] that …"), or a verb whose clause hangs on such a noun ("have
    [no evidence] to suggest that …", "had [no reason] to believe …")."""
    if cue.pos_ == "NOUN":
        return said_not_to_exist(cue)
    return cue.dep_ in {"relcl", "acl"} and cue.head.i != cue.i and said_not_to_exist(cue.head)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def by_agent(token: Token) -> Token | None:
    # An agent follows its verb: a fronted "By the end of the day, …" is a time, not who acted.
    agent = next(
        (c for c in token.children if c.dep_ == "agent" or c.lower_ == "by" and c.dep_ == "prep" and c.i > token.i), None
    )
    return child_with_dep(agent, {"pobj"}) if agent is not None else None


def is_nominal(token: Token | None) -> bool:
    return token is not None and token.pos_ in _NOMINAL_POS


def sentence_is_question(sent: Span) -> bool:
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in "\"”’'"), None)
    return last is not None and last.text == "?"
