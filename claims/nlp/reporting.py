"""Reporting cues (verbs, nouns, "according to") and the dependency rules that find, for each
cue, who is speaking and what is reported.

All positions here are token indices inside one parsed chunk; `extract` maps them to
characters of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .lexicons import cue_classes, lexicon, words
from .types import CueClass

# Word lists are data (lexicon/*.tsv); here is how each is used. Cue verbs count only with a
# clausal complement (or a quote), so "said on Monday" alone never makes a claim.
CUE_VERBS = cue_classes("cue_verbs")
# Verbs of intention and stance whose content is a to-infinitive ("pledged to cut taxes").
INTENT_VERBS = cue_classes("intent_verbs")
# Verbs whose content is their object: a position toward a thing rather than a proposition.
STANCE_VERBS = cue_classes("stance_verbs")
# Verbs that take what they are about through a preposition only ("pointed to the vote").
_PREP_ONLY_VERBS = {verb: set(preps.split()) for verb, preps in lexicon("stance_prepositions").items()}
EVIDENCE_VERBS = words("stance_verbs", CueClass.REPORT)
# Object-taking intention verbs: the object belongs to the content ("urged Congress to act").
_OBJECT_INTENT = words("object_intent_verbs")
# Verbs that take a that-clause without reporting anything.
_NOT_REPORTING = words("not_reporting_verbs")
# Nouns that report when they take a that-clause: "the claim that", "his insistence that".
CUE_NOUNS = cue_classes("cue_nouns")
# Nouns and adjectives of attitude toward a thing ("her criticism of the plan", "critical of").
ATTITUDE_NOUNS = cue_classes("attitude_nouns")
ATTITUDE_ADJECTIVES = cue_classes("attitude_adjectives")
# Verbs that voice a view held by their subject: "expressed concern that …".
_LIGHT_VERBS = words("light_verbs")
# Verbs that also describe inference from evidence ("the data suggest"): cues only when the
# subject can be a source.
_NEEDS_SOURCE_SUBJECT = words("inference_verbs")
# Agent-noun endings (inspector, researcher, economist, politician): people.
_AGENT_SUFFIXES = ("er", "or", "ist", "ian")
_PEOPLE_SUFFIXES = ("man", "woman", "men", "women", "person", "people", "folk")
_PARTICIPANT_SUFFIXES = ("ant", "ent")
_PERSONAL_PRONOUNS = {"him", "her", "them", "me", "us", "you", "he", "she", "they", "i", "we"}
# Nouns for people that no suffix marks.
_PEOPLE_NOUNS = words("speaker_nouns", "person")
# Who can speak: people, bodies, messages ("the tweet was mocking ...") and records that show
# or find things ("video shows ...").
EVIDENCE_NOUNS = words("speaker_nouns", "record")
SOURCE_NOUNS = words("speaker_nouns")
# "point" is a cue only as "point out"; other particles are ignored.
_NEEDS_PARTICLE = {"point": "out"}
_CLAUSE_DEPS = {"ccomp"}
# How a second report attaches to a reported clause: coordinated, or as a participle.
_SECOND_REPORT_DEPS = {"conj", "advcl", "xcomp", "parataxis"}
# Cue verbs that, attached to a reported clause, usually continue it rather than report anew.
_QUOTE_MARKS = {"\u201c", "\u201d", '"', "''", "``"}
_SPEECH_ACTS = {CueClass.ASSERT, CueClass.DENY}
_NOT_SECOND_REPORT = words("continuing_verbs")
_PRO_CONTENT = {"much", "so"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_CLAUSE_SUBJECTS = _SUBJECT_DEPS | {"expl"}
_FINITE_TAGS = {"VBZ", "VBD"}  # not VBP, which is also the bare form ("demanded he resign")
# Subject-less participles ("…, adding that …") and conjuncts borrow their head's subject.
_BORROWING_DEPS = {"conj", "advcl", "xcomp", "pcomp", "dep", "parataxis"}
# A subject in the object case is the object of a causative or perception verb ("let them know
# that …", "made him think that …"): it is told or made to hold the clause, it does not assert it.
_OBJECT_CASE = {"them", "him", "her", "me", "us"}
_NOMINAL_POS = {"NOUN", "PROPN", "PRON", "NUM", "X"}
# What sets an attribution off inside the clause it reports, and how long such an attribution
# may run on either side of its verb ("Mr. Clarke, the county's director of planning, said").
# Verbs whose "as" stands for a proposition ("as she noted, …", "as he told reporters, …").
_AS_REPORTS = words("as_report_verbs")
_WH_TAGS = {"WRB", "WP", "WDT"}
_MEANS_OR_TIME_PREPS = {"by", "after", "before", "while", "upon"}
_SET_OFF_MARKS = {",", "\u2014", "\u2013", "--"}
_ATTRIBUTION_WORDS = 15


@dataclass
class Cue:
    """A reporting cue with its speaker head and content tokens, as found by the rules."""

    token: Token
    lemma: str
    text: str
    cue_class: str
    kind: str  # "verb" | "noun" | "according_to" | "quoted_as"
    speaker: Token | None = None
    content: tuple[int, int] | None = None  # token range [start, end) in the doc
    passive_no_agent: bool = False
    continued: tuple[int, int] | None = None  # an earlier sentence the same attribution covers
    gap: tuple[int, int] | None = None  # the attribution inside its content ("A, he said, B")


def build_matcher(nlp: Language) -> Matcher:
    """Token patterns for every cue; one pass of the (compiled) Matcher per chunk."""
    matcher = Matcher(nlp.vocab)
    matcher.add("VERB", [[{"LEMMA": {"IN": sorted(CUE_VERBS)}, "POS": {"IN": ["VERB", "AUX"]}}]])
    matcher.add("NOUN", [[{"LEMMA": {"IN": sorted(set(CUE_NOUNS) | set(ATTITUDE_NOUNS))}, "POS": "NOUN"}]])
    matcher.add("VERB_AS_NOUN", [[{"LEMMA": {"IN": sorted(CUE_VERBS)}, "TAG": "NNS"}]])
    matcher.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])
    matcher.add("STANCE", [[{"LEMMA": {"IN": sorted(STANCE_VERBS)}, "POS": "VERB"}]])
    matcher.add("ATTITUDE_ADJ", [[{"LOWER": {"IN": sorted(ATTITUDE_ADJECTIVES)}, "POS": "ADJ"}]])
    matcher.add("INTENT", [[{"LEMMA": {"IN": sorted(INTENT_VERBS)}, "POS": "VERB"}]])
    # Any other verb or adjective with a that-clause and a subject that can hold a view:
    # "Democrats are afraid that …", "she stressed that …".
    matcher.add("THAT", [[{"LOWER": "that", "DEP": "mark"}]])
    # "In the poll, Clinton leads …", "in his view, …", "as the mayor put it, …".
    matcher.add("FRAME", [[{"LOWER": "in"}], [{"LEMMA": "put", "POS": "VERB"}, {"LOWER": "it"}]])
    return matcher


def find_cues(doc: Doc, matcher: Matcher) -> list[Cue]:
    """Cues in ``doc`` that have a speaker (or are passive) and, for most, a content span."""
    cues = []
    for match_id, start, _end in matcher(doc):
        label = doc.vocab.strings[match_id]
        cue = _BUILDERS[label](doc[start])
        if cue is not None:
            if cue.content is not None:
                cue.content = _through_open_quote(doc, cue.content)
            cues.append(cue)
    return cues


_OPENING_MARKS = {"\u201c", "``"}
_CLOSING_MARKS = {"\u201d", "''"}


def _through_open_quote(doc: Doc, content: tuple[int, int]) -> tuple[int, int]:
    """ "called Burma a “good news story in an era when …”": the parse may end the content
    inside a quotation it opened; a quotation is the speaker's words, so it runs to its close
    (within the sentence)."""
    start, end = content
    marks = [t.text for t in doc[start:end] if t.text in _QUOTE_MARKS]
    opened = sum(m in _OPENING_MARKS for m in marks) - sum(m in _CLOSING_MARKS for m in marks)
    if opened <= 0 and marks.count('"') % 2 == 0:
        return content
    limit = min(len(doc), doc[end - 1].sent.end + 1)
    close = next((t.i for t in doc[end:limit] if t.text in _CLOSING_MARKS or t.text == '"'), None)
    if close is None or any("\n" in t.text for t in doc[end:close]):
        return content
    while close > end and doc[close - 1].is_punct and doc[close - 1].text not in "?!":
        close -= 1
    return start, close


def _verb_cue(token: Token) -> Cue | None:
    lemma = token.lemma_.lower()
    particle = _NEEDS_PARTICLE.get(lemma)
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in token.children):
        return None
    cue = Cue(token, lemma, token.text, CUE_VERBS[lemma], "verb")
    if lemma == "quote" and _is_passive(token):
        return _quoted_as_cue(cue)
    cue.speaker = speaker_of_verb(token) or _fronted_verb_subject(token)
    cue.passive_no_agent = cue.speaker is None and _is_passive(token)
    inside = _parenthetical(token)
    if inside is not None:
        cue.content, cue.gap = inside
    else:
        cue.content = _clause_content(token)
    if cue.speaker is None and not cue.passive_no_agent:
        return None
    if lemma in _NEEDS_SOURCE_SUBJECT and cue.speaker is not None and not _is_source(cue.speaker, token):
        return None
    if lemma == "find" and _finds_a_state(token):
        return None
    return cue


def _can_report(subject: Token) -> bool:
    """People, organisations and documents report; "their movements suggest" is inference."""
    if subject.pos_ in {"PRON", "PROPN"} or subject.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    lemma = subject.lemma_.lower()
    return lemma in SOURCE_NOUNS or subject.pos_ == "NOUN" and _person_noun(lemma)


def _finds_a_state(find: Token) -> bool:
    """ "found themselves stuck", "found it hard to believe …": how the subject fares or feels,
    not a finding."""
    clause = _child(find, {"ccomp", "oprd"})
    subject = _child(clause, {"nsubj"}) if clause is not None else None
    if subject is None:
        return False
    if subject.lower_.endswith(("self", "selves")):
        return True
    return subject.lower_ == "it" and any(_is_infinitive(c) for c in clause.children)


def _is_source(subject: Token, verb: Token) -> bool:
    # "it may take days to determine …": an "it" the inference verb borrows from another verb
    # is the situation, not a source (its own "it", "It shows an officer …", is the video).
    return _can_report(subject) and (subject.lower_ != "it" or subject.head.i == verb.i)


def _is_person(token: Token) -> bool:
    """A person or people: a name, a personal pronoun, or a noun for people ("several of the
    guards" counts by its "of" phrase)."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if token.pos_ in {"ADJ", "NUM", "PRON"} and of is not None and _child(of, {"pobj"}) is not None:
        token = _child(of, {"pobj"})
    if token.ent_type_ == "PERSON" or token.lower_ in _PERSONAL_PRONOUNS:
        return True
    return token.pos_ == "NOUN" and _person_noun(token.lemma_.lower())


def _person_noun(lemma: str) -> bool:
    """Nouns for people by their ending: agents (inspector, economist, politician), compounds of
    "man", "woman", "person", "people" (fisherman, chairwoman, townspeople) and participants in
    -ant/-ent (resident, immigrant, proponent), but not the -ment nouns of actions."""
    if lemma in _PEOPLE_NOUNS or lemma.endswith(_AGENT_SUFFIXES + _PEOPLE_SUFFIXES):
        return True
    return lemma.endswith(_PARTICIPANT_SUFFIXES) and not lemma.endswith("ment")


def _quoted_as_cue(cue: Cue) -> Cue:
    """ "X was quoted (by Y) as saying (that) …": X is the speaker, not the quoting outlet."""
    cue.kind = "quoted_as"
    cue.speaker = _child(cue.token, {"nsubjpass"})
    saying = next((t for t in cue.token.subtree if t.lemma_ == "say" and t.i > cue.token.i), None)
    cue.content = _clause_content(saying) if saying is not None else None
    return cue


def _noun_cue(token: Token) -> Cue | None:
    if _verb_read_as_noun(token):
        return None  # the verb rule reads it
    clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp", "appos"}), None)
    if clause is None or not any(t.lower_ == "that" and t.dep_ == "mark" for t in clause.children):
        return _attitude_cue(token)
    lemma = token.lemma_.lower()
    cue = Cue(token, lemma, token.text, CUE_NOUNS.get(lemma) or ATTITUDE_NOUNS[lemma], "noun")
    cue.speaker = _child(token, {"poss"}) or _by_agent(token) or _light_verb_subject(token)
    verb = _framing_verb(token)
    if cue.speaker is None and verb is not None:
        # "said in a statement that …": the statement is the verb subject's.
        cue = Cue(verb, verb.lemma_.lower(), verb.text, CUE_VERBS[verb.lemma_.lower()], "verb", speaker_of_verb(verb))
    if cue.speaker is None:
        # "There is concern that …", "the suggestion that …": a view nobody in the text holds
        # is the writer's framing, not an attribution.
        return None
    cue.content = _trim(token.doc, *_span_of(clause))
    return cue


def _verb_as_noun_cue(token: Token) -> Cue | None:
    return _verb_cue(token) if _verb_read_as_noun(token) else None


def _verb_read_as_noun(token: Token) -> bool:
    """ "But Trump claims that he …": the tagger took the verb for a plural noun, but the
    parser still gave it a subject and a that-clause, which no noun has."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in CUE_VERBS:
        return False
    has_subject = any(c.dep_ == "nsubj" for c in token.children)
    return has_subject and any(c.dep_ == "ccomp" for c in token.children)


def _light_verb_subject(noun: Token) -> Token | None:
    """ "X expressed concern that …", "X made the argument that …": the noun is the object of a
    verb that only voices it, so the verb's subject holds the view."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in _LIGHT_VERBS:
        return None
    speaker = speaker_of_verb(verb)
    return speaker if speaker is not None and _can_report(speaker) else None


def _attitude_cue(noun: Token) -> Cue | None:
    """ "X's criticism of the plan", "X voiced concerns about the deal": an attitude noun whose
    holder is named and whose object is a phrase (a stance, like "criticized the plan")."""
    lemma = noun.lemma_.lower()
    if lemma not in ATTITUDE_NOUNS:
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "about", "over", "for"}), None)
    obj = _child(prep, {"pobj", "pcomp"}) if prep is not None else None
    speaker = _child(noun, {"poss"}) or _light_verb_subject(noun)
    if obj is None or speaker is None or speaker.lower_ in {"it", "its"} or not _can_report(speaker):
        return None
    cue = Cue(noun, lemma, noun.text, ATTITUDE_NOUNS[lemma], "stance", speaker)
    cue.content = (obj.left_edge.i, _noun_phrase_end(obj))
    return cue if cue.content[1] > cue.content[0] else None


def _framing_verb(noun: Token) -> Token | None:
    prep = noun.head
    verb = prep.head
    if noun.dep_ == "pobj" and prep.lower_ in {"in", "through", "via"} and verb.lemma_.lower() in CUE_VERBS:
        return verb
    return None


def _according_cue(token: Token) -> Cue | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = _child(to, {"pobj"}) if to is not None else None
    if source is None and to is not None:
        # "according to show insiders": a noun read as a verb ("show") takes the source as its
        # object.
        misread = _child(to, {"pcomp"})
        source = _child(misread, {"dobj"}) if misread is not None else None
    if source is None:
        return None
    cue = Cue(token, "according to", "according to", CueClass.REPORT, "according_to", source)
    cue.content = _content_around(token)
    if cue.content is not None and _reports_without_content(token.doc[cue.content[0] : cue.content[1]]):
        # "A said as much, according to B": B passes on that A reported something without
        # saying what, which is no claim (with a clause, "A said that …", it stays B's claim).
        cue.content = None
    if cue.content is not None:
        cue.continued = _continued_sentence(token.doc, cue.content)
    return cue


def _reports_without_content(content: Span) -> bool:
    root = content.root
    if CUE_VERBS.get(root.lemma_) != CueClass.ASSERT or not any(c.dep_ in _SUBJECT_DEPS for c in root.children):
        return False
    if any(c.dep_ in {"ccomp", "xcomp", "dobj"} for c in root.children):
        return False
    # Only a stand-in for what was said ("as much", "so") marks the report as one without
    # content; "the campaign will continue" is content of its own.
    return any(c.lower_ in _PRO_CONTENT for c in root.children)


def _continued_sentence(doc: Doc, content: tuple[int, int]) -> tuple[int, int] | None:
    """ "It has also observed …, according to X" continues the sentence before it, which the
    attribution covers too: that sentence is X's claim as well (a claim of its own, so each
    statement can agree or conflict separately)."""
    first = doc[content[0]]
    sent = first.sent
    if first.i != sent.start or sent.start == 0 or first.pos_ != "PRON" or first.dep_ not in _SUBJECT_DEPS:
        return None
    if not any(c.lower_ == "also" for c in first.head.children):
        return None
    previous = doc[sent.start - 1].sent
    return _trim(doc, previous.start, previous.end)


def _intent_cue(token: Token) -> Cue | None:
    lemma = token.lemma_.lower()
    infinitive = next((c for c in token.children if c.dep_ in {"xcomp", "ccomp"} and _is_infinitive(c)), None)
    if infinitive is None or lemma in CUE_VERBS and _clause_content(token) is not None:
        return None
    if any(c.i > token.i and (c.tag_ in _WH_TAGS or c.lower_ == "whether") for c in infinitive.children):
        return None  # "told them how to vote", "asked whether to wait": a question, no intention
    speaker = speaker_of_verb(token)
    # Intentions are held by people and bodies of people, not by countries or "it".
    if speaker is None or not _can_report(speaker) or speaker.ent_type_ == "GPE" or speaker.lower_ == "it":
        return None
    start = infinitive.left_edge.i
    obj = _child(token, {"dobj"}) if lemma in _OBJECT_INTENT else None
    if obj is not None and obj.i < infinitive.i:
        start = obj.left_edge.i
    cue = Cue(token, lemma, token.text, INTENT_VERBS[lemma], "intent", speaker)
    # "declined to comment", "refused to cooperate": a refusal is a whole position in two words
    # (not in a relative clause, "the people they refuse to name", whose object is elsewhere).
    shortest = 2 if cue.cue_class == CueClass.DENY and token.dep_ != "relcl" else 3
    end = _past_dangling_conjunction(token, _coordinated_infinitives_end(token, infinitive))
    cue.content = _trim_keep_to(token.doc, start, end, shortest)
    return cue


def _coordinated_infinitives_end(verb: Token, infinitive: Token) -> int:
    """ "wants to widen the road, build a bridge and close the ferry": the parser hangs the bare
    verbs that share the first infinitive's "to" on the intent verb; they are intended too."""
    end = infinitive.right_edge.i + 1
    for conj in verb.rights:
        if conj.i < end or conj.dep_ not in {"conj", "dep"} or conj.tag_ != "VB":
            continue
        if any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "aux" for c in conj.children):
            break
        end = conj.right_edge.i + 1
    return end


def _past_dangling_conjunction(verb: Token, end: int) -> int:
    """ "declined to threaten Moscow or even declare it responsible": the parser may hang the
    second infinitive on the cue verb, leaving "or" as the last word of the first one; the
    phrase that starts right after it belongs to the same content."""
    doc = verb.doc
    if end >= len(doc) or doc[end - 1].dep_ != "cc":
        return end
    follower = next((c for c in verb.rights if c.left_edge.i == end), None)
    return follower.right_edge.i + 1 if follower is not None else end


def _stance_cue(token: Token) -> Cue | None:
    obj = _stance_object(token)
    if obj is None or obj.lemma_.lower() in CUE_NOUNS:
        return None  # "rejected the company's claim that …": the noun rule reads the claim
    speaker = speaker_of_verb(token)
    if speaker is None or speaker.dep_ == "nsubjpass" or not _can_report(speaker) or speaker.lower_ == "it":
        return None
    if _passive_participle(token):
        return None  # "Asked about the closure, the mayor said …": the mayor was asked
    lemma = token.lemma_.lower()
    if lemma in EVIDENCE_VERBS and not _shows_evidence(token, speaker) or _other_sense(lemma, obj):
        return None
    cue = Cue(token, lemma, token.text, STANCE_VERBS[lemma], "stance", speaker)
    # The object and what the verb says of it ("called the plan a disaster", "described the
    # action as a pause", "blamed them for the loss"), without the verb's circumstances ("… in
    # early-morning tweets", "… on Monday") or a comment set off by a comma.
    end = _noun_phrase_end(obj)
    for child in token.rights:
        if child.i <= obj.i or child.is_punct:
            continue
        if child.doc[child.left_edge.i - 1].text == "," and not _names_examples(child):
            continue
        if (
            child.dep_ in _OBJECT_PREDICATES
            or child.dep_ == "prep"
            and _completes_object(child, lemma)
            or _coordinated_object(child)
        ):
            end = max(end, child.right_edge.i + 1)
    cue.content = (obj.left_edge.i, end)
    return cue


def _names_examples(prep: Token) -> bool:
    # "railed against super PACs, including the one backing Bush": the examples are part of
    # what the stance is toward, even when set off by a comma.
    return prep.dep_ == "prep" and prep.lower_ in {"including", "especially"}


def _coordinated_object(child: Token) -> bool:
    """ "condemned the test as reckless and a grave threat", "mentioned raising fees and cutting
    staff", "called the citation and the demand a ploy": the parser hangs the second object or
    gerund on the verb."""
    if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN"}:
        return True  # a noun cannot be a second verb, so it is the object's, with or without "and"
    if child.doc[child.left_edge.i - 1].dep_ != "cc":
        return False
    if child.dep_ == "dobj":
        return True
    # A coordinated reporting verb ("touting X and saying Y") is a second claim, not an object.
    gerund = child.dep_ == "conj" and child.tag_ == "VBG" and not _is_cue_verb(child)
    return gerund and _child(child, _SUBJECT_DEPS) is None


def _attitude_adjective_cue(adjective: Token) -> Cue | None:
    """ "X has been critical of the plan", "voters are worried about the cost": the subject of
    the copula holds the attitude, the object of "of"/"about" is what it is about."""
    if adjective.dep_ != "acomp":
        return None
    prep = next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ in {"of", "about"}), None)
    obj = _child(prep, {"pobj", "pcomp"}) if prep is not None else None
    speaker = speaker_of_verb(adjective.head)
    if obj is None or obj.pos_ == "PRON" or len(obj.text) < 3:
        return None  # "supportive of her", a clipped "re-": no position on a thing
    if speaker is None or speaker.lower_ == "it" or not _can_report(speaker):
        return None
    lemma = adjective.lower_
    cue = Cue(adjective, lemma, adjective.text, ATTITUDE_ADJECTIVES[lemma], "stance", speaker)
    cue.content = (obj.left_edge.i, _noun_phrase_end(obj))
    return cue


def _stance_object(verb: Token) -> Token | None:
    """What a stance verb takes a position on: its object, a gerund ("proposes building a
    bridge") or the object of its preposition ("called for lowering the age")."""
    gerund, predicates = None, []
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"}:
            if child.dep_ == "ccomp" or _is_infinitive(child) or child.tag_ != "VBG":
                return None  # a clause or infinitive: the reporting and intention rules read it
            gerund = child
        elif child.dep_ == "oprd":
            predicates.append(child)
    preps = _PREP_ONLY_VERBS.get(verb.lemma_.lower())
    if preps is None:
        # "called Trump a liar" parsed as two object predicates: the first is the object.
        obj = _child(verb, {"dobj"}) or gerund or (predicates[0] if len(predicates) > 1 else None)
        if obj is not None:
            return obj
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in (preps or _OBJECT_PREPS)), None)
    return _child(prep, {"pobj", "pcomp"}) if prep is not None else None


def _passive_participle(verb: Token) -> bool:
    # A bare past participle on a clause ("Asked about …, X said", "Criticized for …, X …",
    # "X, when asked about …, said") says what was done to the subject it borrows, not what
    # that subject did.
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"advcl", "acl", "relcl"}
        and not any(c.dep_ in {"aux", "auxpass"} | _SUBJECT_DEPS for c in verb.children)
    )


def _other_sense(lemma: str, obj: Token) -> bool:
    # "Police questioned the driver": interrogating a person, not doubting a thing.
    if lemma == "question":
        return _is_person(obj)
    # "…, reported the New York Times": a name after "reported" is the inverted reporter (or a
    # person reported to someone), not the thing reported.
    return lemma == "report" and (obj.pos_ in {"PROPN", "PRON"} or obj.ent_type_ == "PERSON")


def _shows_evidence(verb: Token, subject: Token) -> bool:
    """ "The poll shows Clinton ahead", "the study found 31 cases": a record or measurement
    shows a thing; a person who "found a wallet" reports nothing, but one who "found the law
    unconstitutional" judges it."""
    if subject.lemma_.lower() in EVIDENCE_NOUNS:
        return True
    return any(c.dep_ in {"oprd", "acomp", "ccomp"} for c in verb.children)


# What other stance verbs take through a preposition when they have no object: "called for …".
_OBJECT_PREPS = {"for", "on"}
# Dependents that complete what an evaluation verb says about its object.
_OBJECT_PREDICATES = {"oprd", "xcomp", "ccomp", "attr", "acomp", "dative"}
_CIRCUMSTANCE_PREPS = words("circumstance_prepositions")


def _completes_object(prep: Token, lemma: str) -> bool:
    # "the poll shows Clinton with a lead": what evidence shows of its object is no circumstance.
    return prep.lower_ == "with" and lemma in EVIDENCE_VERBS or not _circumstance(prep)


def _circumstance(prep: Token) -> bool:
    """ "in a tweet", "during a rally", "on Monday": when and how it was said, not what."""
    if prep.lower_ in _CIRCUMSTANCE_PREPS:
        return True
    obj = _child(prep, {"pobj"})
    return obj is not None and obj.ent_type_ in {"DATE", "TIME"}


def _noun_phrase_end(noun: Token) -> int:
    """End of ``noun``'s phrase without a non-restrictive tail set off by a comma ("the plan,
    which passed in May"; "the plan, saying …"): that tail is the writer's, not the speaker's."""
    end = noun.right_edge.i + 1
    for token in noun.subtree:
        if token.i > noun.i and token.dep_ in {"relcl", "acl", "appos", "advcl"}:
            before = noun.doc[token.left_edge.i - 1]
            if before.text in {",", "\u2014", "--"}:
                end = min(end, before.i)
    return end


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _trim_keep_to(doc: Doc, start: int, end: int, shortest: int) -> tuple[int, int] | None:
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end - start >= shortest else None


def _that_cue(mark: Token) -> Cue | None:
    clause = mark.head
    head = clause.head
    if clause.dep_ != "ccomp" or head.i == clause.i:
        return None
    lemma = head.lemma_.lower()
    if lemma in CUE_VERBS or lemma in CUE_NOUNS or lemma in _NOT_REPORTING or head.pos_ not in {"VERB", "ADJ"}:
        return None
    if any(t.lower_ in {"so", "such"} for t in head.doc[head.i : mark.i]):
        return None  # "drove so fast that I held on": a result clause, not a view
    verb = head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
    speaker = speaker_of_verb(verb) if verb.pos_ in {"VERB", "AUX"} else None
    if (
        speaker is None
        or speaker.dep_ == "nsubjpass"
        or not _can_report(speaker)
        or speaker.lower_ in {"it", "this", "that"}
        or speaker.lower_ in _OBJECT_CASE
    ):
        return None
    cue = Cue(head, lemma, head.text, CueClass.HEDGE, "verb", speaker)
    cue.content = _trim(head.doc, clause.left_edge.i, _following_report_end(head, clause))
    return cue


# Measurements whose results a clause can report: "in the poll, Clinton leads".
_FRAMING_EVIDENCE = words("framing_evidence_nouns")
# Nouns that frame a clause as someone's view: "in her view", "in the eyes of voters".
_VIEW_NOUNS = words("view_nouns")


def _frame_cue(token: Token) -> Cue | None:
    """A clause framed as a source's finding or view rather than introduced by a verb: "In the
    poll, Clinton leads by four points", "in his view, the plan fails", "as she put it, …"."""
    if token.lower_ == "in":
        text, (speaker, cue_class) = "in", _frame_source(token)
    else:
        text, speaker, cue_class = "put it", _put_it_speaker(token), CueClass.ASSERT
    # The frame modifies a clause of its own; with a reporting verb ("in a poll, most said …")
    # the verb's rules read it.
    if speaker is None or token.head.pos_ not in {"VERB", "AUX"} or _is_cue_verb(token.head):
        return None
    cue = Cue(token, text, text, cue_class, "frame", speaker)
    cue.content = _content_around(token)
    return cue


def _frame_source(prep: Token) -> tuple[Token | None, str]:
    """The source an "in" phrase names with its cue class: a measurement reports, a view is held."""
    noun = _child(prep, {"pobj"})
    lemma = noun.lemma_.lower() if noun is not None else ""
    if noun is not None and lemma in _FRAMING_EVIDENCE:
        return noun, CueClass.REPORT
    if noun is not None and lemma in _VIEW_NOUNS:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        holder = _child(noun, {"poss"}) or (_child(of, {"pobj"}) if of is not None else None)
        if holder is not None and holder.lower_ not in {"its", "it"} and _can_report(holder):
            return holder, CueClass.HEDGE
    return None, CueClass.REPORT


def _put_it_speaker(put: Token) -> Token | None:
    # "as X put it": the verb hangs on the clause it introduces, marked by "as".
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in put.children):
        return None
    speaker = _child(put, {"nsubj"})
    return speaker if speaker is not None and _can_report(speaker) else None


def _is_cue_verb(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in CUE_VERBS or lemma in INTENT_VERBS or lemma in STANCE_VERBS


_BUILDERS = {
    "VERB": _verb_cue,
    "VERB_AS_NOUN": _verb_as_noun_cue,
    "NOUN": _noun_cue,
    "ACCORDING": _according_cue,
    "INTENT": _intent_cue,
    "THAT": _that_cue,
    "STANCE": _stance_cue,
    "ATTITUDE_ADJ": _attitude_adjective_cue,
    "FRAME": _frame_cue,
}


def speaker_of_verb(verb: Token) -> Token | None:
    """The verb's subject, borrowing it from the head for conjuncts and participles."""
    for _ in range(4):  # bounded climb: a few coordinated or participial verbs at most
        subject = _nearest_subject(verb)
        if subject is not None:
            if subject.dep_ == "nsubjpass" or subject.lower_ == "it" and _is_passive(verb):
                return _by_agent(verb)
            return subject
        if verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
            return verb.head  # "Peskov, when asked …, saying …": the modified noun speaks
        if _means_or_time(verb):
            verb = verb.head.head  # "responded by saying …": the one who responded says it
            continue
        if verb.dep_ not in _BORROWING_DEPS or verb.head.i == verb.i or verb.head.pos_ not in {"VERB", "AUX"}:
            return None
        verb = verb.head
    return None


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


def _fronted_verb_subject(verb: Token) -> Token | None:
    """ "Said Ellis: “…”": a speech verb opening its sentence before a name and a colon or
    comma. The parser reads "Said Ellis" as one name, so the verb has no subject of its own."""
    name = verb.head
    if not verb.is_sent_start or verb.dep_ != "compound" or name.pos_ != "PROPN":
        return None
    after = verb.doc[name.i + 1] if name.i + 1 < len(verb.doc) else None
    return name if after is not None and after.text in {":", ","} else None


def _nearest_subject(verb: Token) -> Token | None:
    # Two subjects mean the parser took a quoted clause's subject for the verb's too
    # ("“My reaction, that was outrageous,” the strategist said"): the nearer one speaks.
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def _clause_content(verb: Token) -> tuple[int, int] | None:
    """The clausal complement of ``verb``; in the inverted order ("CLAUSE, X said") spaCy
    sometimes hangs the cue off the clause instead, so the head clause is used then."""
    clause = _nearest_clause(verb)
    if clause is not None:
        if clause.i > verb.i:
            subject = _subject_taken_as_object(verb, clause)
            start = subject.left_edge.i if subject is not None else clause.left_edge.i
            return _trim(verb.doc, start, _following_report_end(verb, clause))
        start = _inverted_start(verb, clause.left_edge.i)
        return _trim(verb.doc, start, _report_end(clause))
    has_subject = any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    if (
        has_subject
        and verb.dep_ in {"parataxis", "advcl", "ccomp"}
        and verb.head.i < verb.i
        and _after_comma(verb)
        and not _subordinate(verb)
    ):
        return _content_around(verb)
    if has_subject and _fronted_as_clause(verb):
        return _content_around(verb)
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


def _parenthetical(verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "But to prevent problems, he said, local officials should be vigilant": an attribution
    set off by commas inside the clause it reports, which the parser hangs on that clause as
    parataxis. The content is the clause on both sides; the gap is the attribution with its
    commas, which is not the speaker's words."""
    head = verb.head
    if _nearest_subject(verb) is None:
        return None
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
    content = _trim(verb.doc, left, right)
    if content is None or not content[0] < gap[0] or not gap[1] < content[1]:
        return None  # words of the reported clause on both sides, or it is no parenthetical
    return content, gap


def _reported_halves(verb: Token) -> tuple[int, int] | None:
    """The extent of "A, X said, and B" when the verb reports a clause before it and has a
    coordinated clause with a subject of its own after it: not the speaker again ("…, he said,
    and he left") and no report of its own ("…, she said, and the union warned …")."""
    before = next((c for c in verb.lefts if c.dep_ in _CLAUSE_DEPS), None)
    after = next((c for c in verb.rights if c.dep_ == "conj"), None)
    if before is None or after is None or _is_cue_verb(after):
        return None
    subject = _nearest_subject(after)
    if subject is None or subject.lower_ in _PERSONAL_PRONOUNS:
        return None
    return before.left_edge.i, after.right_edge.i + 1


def _set_off_phrase(verb: Token) -> tuple[int, int] | None:
    """The commas around ``verb`` and every word between them, when those words are all the
    attribution's own (its subject, "in a statement", "on Monday"); ``None`` otherwise."""
    doc, sent = verb.doc, verb.sent
    start = verb.i
    while start > sent.start and doc[start - 1].text not in _SET_OFF_MARKS and verb.i - start < _ATTRIBUTION_WORDS:
        start -= 1
    end = verb.i + 1
    while end < sent.end and doc[end].text not in _SET_OFF_MARKS and end - verb.i < _ATTRIBUTION_WORDS:
        end += 1
    if start - 1 <= sent.start or end + 1 >= sent.end:
        return None
    if doc[start - 1].text not in _SET_OFF_MARKS or doc[end].text not in _SET_OFF_MARKS:
        return None
    if not all(t.i == verb.i or verb.is_ancestor(t) for t in doc[start:end]):
        return None
    # The subject lies between the commas ("Mr. Clarke, the director, said": the first comma
    # only closes the name), and what follows is no second report ("…, he said, adding that …").
    subject = _nearest_subject(verb)
    if subject is None or subject.left_edge.i < start:
        return None
    after = next((c for c in verb.rights if c.left_edge.i <= end + 1 <= c.right_edge.i), None)
    if after is not None and (after.tag_ == "VBG" and after.dep_ != "prep" or _is_cue_verb(after)):
        return None  # "including …" goes on with the report; "citing …" is a second one
    # A quotation closing before the attribution (“A,” she said, “B.”) is a split quote, which
    # the quote rules read over all its sentences.
    if any(t.text in _QUOTE_MARKS for t in doc[start - 2 : end]):
        return None
    return start - 1, end + 1


def _following_report_end(verb: Token, clause: Token) -> int:
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
        if _is_cue_verb(conj):
            return end
        if any(c.dep_ in _SUBJECT_DEPS for c in conj.children):
            quoted = verb.doc[conj.left_edge.i].text in _QUOTE_MARKS
            return conj.right_edge.i + 1 if listing or quoted else end
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in conj.children)
        quoted = any(t.text in _QUOTE_MARKS for t in conj.subtree)
        return conj.right_edge.i + 1 if modal or quoted else end
    return end


def _report_end(clause: Token) -> int:
    """End of a reported clause, before a second report set off by a comma that the parser hung
    on it: "… were not complete, and rights groups warned that …", "…, adding that …",
    "…, citing …". That report is someone's (or the same speaker's) next claim."""
    end = clause.right_edge.i + 1
    for child in clause.rights:
        if child.dep_ in _SECOND_REPORT_DEPS and _reports(child) and _set_off(child):
            return min(end, child.left_edge.i)
    return end


def _reports(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if CUE_VERBS.get(lemma) not in _SPEECH_ACTS or lemma in _NOT_SECOND_REPORT:
        return False
    # A participle ("…, citing …") reports by itself; a finite verb only with its own subject.
    # Only speech acts count: a hedge ("…, but I do think …") goes on in the speaker's voice.
    return verb.tag_ == "VBG" or any(c.dep_ in _SUBJECT_DEPS for c in verb.children)


def _set_off(token: Token) -> bool:
    doc = token.doc
    before = [doc[i].text for i in range(max(0, token.left_edge.i - 2), token.left_edge.i)]
    first = doc[token.left_edge.i]
    return "," in before or first.text in {",", "\u2014", "--"} or first.dep_ == "cc" and "," in before


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
    if clause is None or any(c.dep_ == "mark" or c.tag_ in _WH_TAGS for c in clause.children):
        return None
    if not any(c.dep_ in _SUBJECT_DEPS for c in clause.children) or clause.tag_ in {"VBG", "VBN"}:
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
    return end if any(t.text in _QUOTE_MARKS for t in rest) else sent_end


def _reports_a_clause(verb: Token) -> bool:
    return _is_cue_verb(verb) and _child(verb, _CLAUSE_DEPS) is not None


def _colon_between(verb: Token, clause: Token) -> bool:
    return any(t.text == ":" for t in verb.doc[verb.i + 1 : clause.left_edge.i + 1])


def _reported_by(verb: Token, clause: Token) -> bool:
    """False for clauses the parser hangs on a reporting verb that it does not report: the
    writer's sentence before a semicolon or colon ("It was a bad storm; the union says …"), and
    a finite predicate without a subject, which is the main clause's ("Everything he says is a
    lie"; a reported finite clause always has its own subject)."""
    if clause.i < verb.i:
        subject = _nearest_subject(verb)
        edge = subject.left_edge.i if subject is not None and subject.i > clause.i else verb.i
        # The stop may end the clause's own subtree ("We were here before: X declared …").
        between = verb.doc[clause.right_edge.i + 1 : verb.i]
        return not any(t.text in {";", ":"} for t in (*between, verb.doc[max(edge - 1, 0)]))
    if clause.tag_ not in _FINITE_TAGS or any(c.dep_ in _CLAUSE_SUBJECTS for c in clause.children):
        return True
    return _subject_taken_as_object(verb, clause) is not None


def _subject_taken_as_object(verb: Token, clause: Token) -> Token | None:
    """ "said single people and families - gay or straight - would qualify": the parser makes the
    reported clause's subject the verb's object and leaves the clause without one. A noun
    object right before a subjectless clause after the verb is that clause's subject."""
    if clause.i < verb.i or any(c.dep_ in _CLAUSE_SUBJECTS for c in clause.children):
        return None
    obj = _child(verb, {"dobj"})
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"} or not verb.i < obj.i < clause.i:
        return None
    between = verb.doc[obj.right_edge.i + 1 : clause.left_edge.i]
    return obj if all(t.is_punct for t in between) else None


def _subordinate(verb: Token) -> bool:
    # "…, though they find themselves …", "…, even though the audit disclosed …": a verb in a
    # subordinate clause makes no attribution of the main clause ("…, as he said" still does).
    return any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children)


def _after_comma(verb: Token) -> bool:
    # "…, the ministry said": the attribution is set off by a comma (or dash) from its content.
    left = verb.left_edge.i
    return left > 0 and verb.doc[left - 1].text in {",", "\u2014", "\u2013", "--"}


def _content_around(cue: Token) -> tuple[int, int] | None:
    """The clause ``cue`` is attached to, minus the cue's own phrase (for "…, X said" and
    "according to X")."""
    if cue.dep_ == "ROOT" and cue.i == cue.sent.start:
        return _after_fronted_source(cue)
    head = cue.head
    # Climb to the clause the attribution modifies: the sentence root, a coordinated clause or
    # the complement of a reporting verb, not a participle inside it ("bombers being moved …").
    while head.head.i != head.i and not _clause_boundary(head):
        head = head.head
    cue_left, cue_right = _span_of(cue)
    if _ends_sentence(cue, cue_right):
        head = _first_conjunct(head)
    left, right = _span_of(head)
    if cue_left > head.i:
        right = cue_left
    elif cue_right <= head.i:
        left = cue_right
    else:
        return None
    return _trim(cue.doc, left, right)


def _after_fronted_source(cue: Token) -> tuple[int, int] | None:
    """ "According to X, the move reeks of fear.": when the parser makes the opening "according"
    the root and hangs the clause inside X's phrase, the clause is what follows the comma that
    closes the source."""
    sent = cue.sent
    comma = next((t for t in cue.doc[cue.i + 2 : sent.end] if t.text == ","), None)
    return _trim(cue.doc, comma.i + 1, sent.end) if comma is not None else None


def _ends_sentence(cue: Token, cue_right: int) -> bool:
    """The attribution closes its sentence ("A, and B, according to X."): in news writing it
    then covers the whole sentence, all of its coordinated clauses."""
    sent_end = cue.sent.end
    return all(t.is_punct or t.is_space for t in cue.doc[cue_right:sent_end])


def _first_conjunct(head: Token) -> Token:
    # A bounded climb: conjuncts chain off the first clause of the sentence.
    for _ in range(4):
        if head.dep_ != "conj" or head.head.pos_ not in {"VERB", "AUX"}:
            break
        head = head.head
    return head


def _clause_boundary(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return token.dep_ == "conj" or token.dep_ == "ccomp" and token.head.lemma_.lower() in CUE_VERBS


def _complementizer(token: Token) -> bool:
    # Only "that" introduces a report without adding meaning; "if", "because", "although" at
    # the start of the content are part of what was said ("said that if it rains, …").
    return token.dep_ == "mark" and token.lower_ == "that"


def _span_of(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Drop the leading complementizer and surrounding punctuation/conjunctions; a semicolon
    ends the reported clause (what follows is the writer's again)."""
    semicolon = next((t.i for t in doc[start:end] if t.text == ";"), None)
    if semicolon is not None:
        end = semicolon
    while start < end and (_complementizer(doc[start]) or doc[start].is_punct or doc[start].dep_ == "cc" or doc[start].is_space):
        start += 1
    while end > start and (
        doc[end - 1].is_punct and doc[end - 1].text not in "?!" or doc[end - 1].dep_ == "cc" or doc[end - 1].is_space
    ):
        end -= 1
    return (start, end) if end - start >= 3 else None


def _child(token: Token, deps: set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _by_agent(token: Token) -> Token | None:
    agent = next((c for c in token.children if c.dep_ == "agent" or c.lower_ == "by" and c.dep_ == "prep"), None)
    return _child(agent, {"pobj"}) if agent is not None else None


def is_nominal(token: Token | None) -> bool:
    return token is not None and token.pos_ in _NOMINAL_POS


def sentence_is_question(sent: Span) -> bool:
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in "\"”’'"), None)
    return last is not None and last.text == "?"
