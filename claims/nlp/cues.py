"""Reporting cues (verbs, nouns, "according to", stance and intent, frames) and, for each, who is
speaking; content extents come from `extent`, dependency helpers from `syntax`.

All positions here are token indices inside one parsed chunk; `extract` maps them to
characters of the article. Django-free.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from .extent import (
    clause_content,
    content_around,
    continued_sentence,
    coordinated_infinitives_end,
    following_report_end,
    inverted_parenthetical,
    is_cue_verb,
    parenthetical,
    past_dangling_conjunction,
    reports_without_content,
    through_open_quote,
)
from .lexicons import cue_classes, lexicon, words
from .syntax import (
    OBJECT_CASE,
    PERSONAL_PRONOUNS,
    SUBJECT_DEPS,
    WH_TAGS,
    by_agent,
    child_with_dep,
    fronted_verb_subject,
    is_infinitive,
    is_passive,
    noun_phrase_end,
    passive_participle,
    said_not_to_exist,
    span_of,
    speaker_of_verb,
    trim,
    trim_keep_to,
)
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
# "continued to interject": with a verb as complement these say how long, not what (lexicon/aspect_verbs.tsv).
_ASPECT_VERBS = words("aspect_verbs")
# Agent-noun endings (inspector, researcher, economist, politician): people.
_AGENT_SUFFIXES = ("er", "or", "ist", "ian")
_PEOPLE_SUFFIXES = ("man", "woman", "men", "women", "person", "people", "folk")
_PARTICIPANT_SUFFIXES = ("ant", "ent")
# Nouns for people that no suffix marks.
_PEOPLE_NOUNS = words("speaker_nouns", "person")
# Who can speak: people, bodies, messages ("the tweet was mocking ...") and records that show
# or find things ("video shows ...").
EVIDENCE_NOUNS = words("speaker_nouns", "record")
SOURCE_NOUNS = words("speaker_nouns")
_BODY_NOUNS = words("speaker_nouns", "body")
# Entity types of people and bodies, who can speak whatever their words.
_SPEAKING_ENTITIES = {"PERSON", "ORG", "NORP", "GPE"}
# "point" is a cue only as "point out"; other particles are ignored.
_NEEDS_PARTICLE = {"point": "out"}


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
                cue.content = through_open_quote(doc, cue.content)
            cues.append(cue)
    return cues


def _verb_cue(token: Token) -> Cue | None:
    lemma = token.lemma_.lower()
    particle = _NEEDS_PARTICLE.get(lemma)
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in token.children):
        return None
    cue = Cue(token, lemma, token.text, CUE_VERBS[lemma], "verb")
    if lemma == "quote" and is_passive(token):
        return _quoted_as_cue(cue)
    if lemma in _ASPECT_VERBS and any(c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} for c in token.children):
        return None
    cue.speaker = speaker_of_verb(token) or fronted_verb_subject(token)
    if cue.speaker is not None and not can_report(cue.speaker):
        cue.speaker = _reporter_above(token, cue.speaker) or cue.speaker
    cue.passive_no_agent = cue.speaker is None and is_passive(token)
    inside = parenthetical(token)
    inverted = inverted_parenthetical(token) if inside is None else None
    if inside is not None:
        cue.content, cue.gap = inside
    elif inverted is not None:
        cue.speaker, cue.content, cue.gap = inverted
    else:
        cue.content = clause_content(token)
    if cue.speaker is None and not cue.passive_no_agent or cue.speaker is not None and names_nothing(cue.speaker):
        return None
    if lemma in _NEEDS_SOURCE_SUBJECT and cue.speaker is not None and not _is_source(cue.speaker, token):
        return None
    if lemma == "find" and _finds_a_state(token):
        return None
    return cue


def _reporter_above(participle: Token, borrowed: Token) -> Token | None:
    """ "Trump argued that a database would keep people out, saying it's “all about management”":
    a participle the parser hung on a clause inside a report borrows that clause's subject, which
    cannot speak ("a database"); whoever reports the clause says it. Climbs at most two clauses
    (a reported or subordinate clause) to a subject that can report."""
    if participle.tag_ != "VBG" or participle.dep_ not in {"advcl", "xcomp", "conj", "dep"}:
        return None
    verb = borrowed.head
    for _ in range(2):
        if verb.dep_ not in {"ccomp", "advcl"} or verb.head.pos_ not in {"VERB", "AUX"}:
            return None
        verb = verb.head
        speaker = speaker_of_verb(verb)
        if speaker is not None and can_report(speaker):
            return speaker
    return None


def can_report(subject: Token) -> bool:
    """People, organisations and documents report; "their movements suggest" is inference, and
    "nothing suggests" is nobody."""
    if names_nothing(subject):
        return False
    if subject.pos_ in {"PRON", "PROPN"} or subject.ent_type_ in _SPEAKING_ENTITIES:
        return True
    lemma = subject.lemma_.lower()
    return lemma in SOURCE_NOUNS or subject.pos_ == "NOUN" and _person_noun(lemma)


def names_nothing(subject: Token) -> bool:
    """ "Nothing suggests …", "there is nothing that says …", "no evidence that suggests …": the
    subject, or the noun its relative word stands for, is said not to exist, so nobody speaks.
    People and bodies still do ("no official said …", "none of the officials said …")."""
    if subject.lower_ in {"that", "which"} and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if not said_not_to_exist(subject):
        return False
    return subject.lower_ == "nothing" or not _people_or_body(subject)


def _people_or_body(noun: Token) -> bool:
    # "no one" is people too, as "none" is.
    return is_person(noun) or noun.lower_ == "one" or noun.lemma_.lower() in _BODY_NOUNS or noun.ent_type_ in _SPEAKING_ENTITIES


def _finds_a_state(find: Token) -> bool:
    """ "found themselves stuck", "found it hard to believe …": how the subject fares or feels,
    not a finding."""
    clause = child_with_dep(find, {"ccomp", "oprd"})
    subject = child_with_dep(clause, {"nsubj"}) if clause is not None else None
    if subject is None:
        return False
    if subject.lower_.endswith(("self", "selves")):
        return True
    return subject.lower_ == "it" and any(is_infinitive(c) for c in clause.children)


def _is_source(subject: Token, verb: Token) -> bool:
    # "it may take days to determine …": an "it" the inference verb borrows from another verb
    # is the situation, not a source (its own "it", "It shows an officer …", is the video).
    return can_report(subject) and (subject.lower_ != "it" or subject.head.i == verb.i)


def is_person(token: Token) -> bool:
    """A person or people: a name, a personal pronoun, or a noun for people ("several of the
    guards" counts by its "of" phrase)."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if token.pos_ in {"ADJ", "NUM", "PRON"} and of is not None and child_with_dep(of, {"pobj"}) is not None:
        token = child_with_dep(of, {"pobj"})
    if token.ent_type_ == "PERSON" or token.lower_ in PERSONAL_PRONOUNS:
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
    cue.speaker = child_with_dep(cue.token, {"nsubjpass"})
    saying = next((t for t in cue.token.subtree if t.lemma_ == "say" and t.i > cue.token.i), None)
    cue.content = clause_content(saying) if saying is not None else None
    return cue


def _noun_cue(token: Token) -> Cue | None:
    if _verb_read_as_noun(token):
        return None  # the verb rule reads it
    clause = next((c for c in token.children if c.dep_ in {"acl", "ccomp", "appos"}), None)
    if clause is None or not any(t.lower_ == "that" and t.dep_ == "mark" for t in clause.children):
        return _attitude_cue(token)
    lemma = token.lemma_.lower()
    cue = Cue(token, lemma, token.text, CUE_NOUNS.get(lemma) or ATTITUDE_NOUNS[lemma], "noun")
    cue.speaker = child_with_dep(token, {"poss"}) or by_agent(token) or _light_verb_subject(token)
    verb = _framing_verb(token)
    if cue.speaker is None and verb is not None:
        # "said in a statement that …": the statement is the verb subject's.
        cue = Cue(verb, verb.lemma_.lower(), verb.text, CUE_VERBS[verb.lemma_.lower()], "verb", speaker_of_verb(verb))
    if cue.speaker is None:
        # "There is concern that …", "the suggestion that …": a view nobody in the text holds
        # is the writer's framing, not an attribution.
        return None
    cue.content = trim(token.doc, *span_of(clause))
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
    return speaker if speaker is not None and can_report(speaker) else None


def _attitude_cue(noun: Token) -> Cue | None:
    """ "X's criticism of the plan", "X voiced concerns about the deal": an attitude noun whose
    holder is named and whose object is a phrase (a stance, like "criticized the plan")."""
    lemma = noun.lemma_.lower()
    if lemma not in ATTITUDE_NOUNS:
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "about", "over", "for"}), None)
    obj = child_with_dep(prep, {"pobj", "pcomp"}) if prep is not None else None
    speaker = child_with_dep(noun, {"poss"}) or _light_verb_subject(noun)
    if obj is None or speaker is None or speaker.lower_ in {"it", "its"} or not can_report(speaker):
        return None
    cue = Cue(noun, lemma, noun.text, ATTITUDE_NOUNS[lemma], "stance", speaker)
    cue.content = (obj.left_edge.i, noun_phrase_end(obj))
    return cue if cue.content[1] > cue.content[0] else None


def _framing_verb(noun: Token) -> Token | None:
    prep = noun.head
    verb = prep.head
    if noun.dep_ == "pobj" and prep.lower_ in {"in", "through", "via"} and verb.lemma_.lower() in CUE_VERBS:
        return verb
    return None


def _according_cue(token: Token) -> Cue | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = child_with_dep(to, {"pobj"}) if to is not None else None
    if source is None and to is not None:
        # "according to show insiders": a noun read as a verb ("show") takes the source as its
        # object.
        misread = child_with_dep(to, {"pcomp"})
        source = child_with_dep(misread, {"dobj"}) if misread is not None else None
    if source is None:
        return None
    cue = Cue(token, "according to", "according to", CueClass.REPORT, "according_to", source)
    cue.content = content_around(token)
    if cue.content is not None and reports_without_content(token.doc[cue.content[0] : cue.content[1]]):
        # "A said as much, according to B": B passes on that A reported something without
        # saying what, which is no claim (with a clause, "A said that …", it stays B's claim).
        cue.content = None
    if cue.content is not None:
        cue.continued = continued_sentence(token.doc, cue.content)
    return cue


def _intent_cue(token: Token) -> Cue | None:
    lemma = token.lemma_.lower()
    infinitive = next((c for c in token.children if c.dep_ in {"xcomp", "ccomp"} and is_infinitive(c)), None)
    if infinitive is None or lemma in CUE_VERBS and clause_content(token) is not None:
        return None
    if any(c.i > token.i and (c.tag_ in WH_TAGS or c.lower_ == "whether") for c in infinitive.children):
        return None  # "told them how to vote", "asked whether to wait": a question, no intention
    speaker = speaker_of_verb(token)
    # Intentions are held by people and bodies of people, not by countries or "it".
    if speaker is None or not can_report(speaker) or speaker.ent_type_ == "GPE" or speaker.lower_ == "it":
        return None
    start = infinitive.left_edge.i
    obj = child_with_dep(token, {"dobj"}) if lemma in _OBJECT_INTENT else None
    if obj is not None and obj.i < infinitive.i:
        start = obj.left_edge.i
    cue = Cue(token, lemma, token.text, INTENT_VERBS[lemma], "intent", speaker)
    # "declined to comment", "refused to cooperate": a refusal is a whole position in two words
    # (not in a relative clause, "the people they refuse to name", whose object is elsewhere).
    shortest = 2 if cue.cue_class == CueClass.DENY and token.dep_ != "relcl" else 3
    end = past_dangling_conjunction(token, coordinated_infinitives_end(token, infinitive))
    cue.content = trim_keep_to(token.doc, start, end, shortest)
    return cue


def _stance_cue(token: Token) -> Cue | None:
    obj = _stance_object(token)
    if obj is None or obj.lemma_.lower() in CUE_NOUNS:
        return None  # "rejected the company's claim that …": the noun rule reads the claim
    speaker = speaker_of_verb(token)
    if speaker is None or speaker.dep_ == "nsubjpass" or not can_report(speaker) or speaker.lower_ == "it":
        return None
    if passive_participle(token):
        return None  # "Asked about the closure, the mayor said …": the mayor was asked
    lemma = token.lemma_.lower()
    if lemma in EVIDENCE_VERBS and not _shows_evidence(token, speaker) or _other_sense(lemma, obj):
        return None
    cue = Cue(token, lemma, token.text, STANCE_VERBS[lemma], "stance", speaker)
    # The object and what the verb says of it ("called the plan a disaster", "described the
    # action as a pause", "blamed them for the loss"), without the verb's circumstances ("… in
    # early-morning tweets", "… on Monday") or a comment set off by a comma.
    end = noun_phrase_end(obj)
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
    gerund = child.dep_ == "conj" and child.tag_ == "VBG" and not is_cue_verb(child)
    return gerund and child_with_dep(child, SUBJECT_DEPS) is None


def _attitude_adjective_cue(adjective: Token) -> Cue | None:
    """ "X has been critical of the plan", "voters are worried about the cost": the subject of
    the copula holds the attitude, the object of "of"/"about" is what it is about."""
    if adjective.dep_ != "acomp":
        return None
    prep = next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ in {"of", "about"}), None)
    obj = child_with_dep(prep, {"pobj", "pcomp"}) if prep is not None else None
    speaker = speaker_of_verb(adjective.head)
    if obj is None or obj.pos_ == "PRON" or len(obj.text) < 3:
        return None  # "supportive of her", a clipped "re-": no position on a thing
    if speaker is None or speaker.lower_ == "it" or not can_report(speaker):
        return None
    lemma = adjective.lower_
    cue = Cue(adjective, lemma, adjective.text, ATTITUDE_ADJECTIVES[lemma], "stance", speaker)
    cue.content = (obj.left_edge.i, noun_phrase_end(obj))
    return cue


def _stance_object(verb: Token) -> Token | None:
    """What a stance verb takes a position on: its object, a gerund ("proposes building a
    bridge") or the object of its preposition ("called for lowering the age")."""
    gerund, predicates = None, []
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"}:
            if child.dep_ == "ccomp" or is_infinitive(child) or child.tag_ != "VBG":
                return None  # a clause or infinitive: the reporting and intention rules read it
            gerund = child
        elif child.dep_ == "oprd":
            predicates.append(child)
    preps = _PREP_ONLY_VERBS.get(verb.lemma_.lower())
    if preps is None:
        # "called Trump a liar" parsed as two object predicates: the first is the object.
        obj = child_with_dep(verb, {"dobj"}) or gerund or (predicates[0] if len(predicates) > 1 else None)
        if obj is not None:
            return obj
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in (preps or _OBJECT_PREPS)), None)
    return child_with_dep(prep, {"pobj", "pcomp"}) if prep is not None else None


def _other_sense(lemma: str, obj: Token) -> bool:
    # "Police questioned the driver": interrogating a person, not doubting a thing.
    if lemma == "question":
        return is_person(obj)
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
    obj = child_with_dep(prep, {"pobj"})
    return obj is not None and obj.ent_type_ in {"DATE", "TIME"}


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
        or not can_report(speaker)
        or speaker.lower_ in {"it", "this", "that"}
        or speaker.lower_ in OBJECT_CASE
    ):
        return None
    cue = Cue(head, lemma, head.text, CueClass.HEDGE, "verb", speaker)
    cue.content = trim(head.doc, clause.left_edge.i, following_report_end(head, clause))
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
    if speaker is None or token.head.pos_ not in {"VERB", "AUX"} or is_cue_verb(token.head):
        return None
    cue = Cue(token, text, text, cue_class, "frame", speaker)
    cue.content = (_quote_beside(token) if text == "put it" else None) or content_around(token)
    return cue


def _quote_beside(put: Token) -> tuple[int, int] | None:
    """The quotation "as X put it" stands next to: those are the words X is credited with, not the
    writer's sentence around them ('… is a "lawful source of income," as a memo put it'; 'The plan
    was, as one aide put it, "a bridge too far."'). Token range inside the marks, or None."""
    sentence = put.sent
    mark = next((c for c in put.children if c.dep_ == "mark" and c.lower_ == "as"), put)
    before = mark.i - 1
    while before > sentence.start and put.doc[before].text == ",":
        before -= 1
    if before > sentence.start and put.doc[before].is_quote:
        opening = next((i for i in range(before - 1, sentence.start - 1, -1) if put.doc[i].is_quote), None)
        return trim(put.doc, opening + 1, before) if opening is not None and before - opening > 1 else None
    after = span_of(put)[1]
    while after < sentence.end and put.doc[after].text == ",":
        after += 1
    if after < sentence.end and put.doc[after].is_quote:
        closing = next((i for i in range(after + 1, sentence.end) if put.doc[i].is_quote), None)
        return trim(put.doc, after + 1, closing) if closing is not None and closing - after > 1 else None
    return None


def _frame_source(prep: Token) -> tuple[Token | None, str]:
    """The source an "in" phrase names with its cue class: a measurement reports, a view is held."""
    noun = child_with_dep(prep, {"pobj"})
    lemma = noun.lemma_.lower() if noun is not None else ""
    if noun is not None and lemma in _FRAMING_EVIDENCE:
        return noun, CueClass.REPORT
    if noun is not None and lemma in _VIEW_NOUNS:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        holder = child_with_dep(noun, {"poss"}) or (child_with_dep(of, {"pobj"}) if of is not None else None)
        if holder is not None and holder.lower_ not in {"its", "it"} and can_report(holder):
            return holder, CueClass.HEDGE
    return None, CueClass.REPORT


def _put_it_speaker(put: Token) -> Token | None:
    # "as X put it": the verb hangs on the clause it introduces, marked by "as".
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in put.children):
        return None
    speaker = child_with_dep(put, {"nsubj"})
    return speaker if speaker is not None and can_report(speaker) else None


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
