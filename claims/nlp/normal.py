"""The normal form of a claim's content: polarity, key terms and entities.

This is what agree/conflict linking compares, so it stays deliberately simple and stable.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicons import words
from .syntax import child_with_dep, said_not_to_exist, through_denied_thing
from .types import CueClass, Polarity

NEGATORS = words("polarity", "negator")
NEGATIVE_PREDICATES = words("polarity", "negative_predicate")
TRUTH_PREDICATES = words("polarity", "truth_predicate")
DOUBTING_NOUNS = words("polarity", "doubting_noun")
PREDICATING_VERBS = words("predicating_verbs")
# Negation that modifies the content's main predicate, not a nested clause ("he said it was
# not the plan that failed" is negated; "the man who never came said it rained" is not).
_MAIN_CLAUSE_DEPS = {
    "neg",
    "det",
    "advmod",
    "nsubj",
    "dobj",
    "attr",
    "acomp",
    "aux",
    "npadvmod",
    "conj",
    "appos",
    "ROOT",
    "ccomp",
}


def polarity(content: Span, cue_class: str, cue: Token | None = None) -> str:
    """NEGATED when the content's main clause is negated, or a denial cue introduces it;
    a denial of a negated statement ("denied it had not …") is asserted again. A content that
    states nothing ("endorsed [the plan]") has no clause to carry a negation: given its ``cue``,
    the cue's own negation is the speaker's ("did not endorse [the plan]"; "rejected [the plan]"
    is negated, "did not reject [the plan]" is not). A cue that reports through something said
    not to exist ("have no evidence to suggest [that …]", "made no claim [that …]") turns the
    content's polarity as a denial does, and so does a noun of doubt ("expressed doubt [that …]";
    "expressed no doubt [that …]" is asserted). A denial cue that is itself negated denies
    nothing ("did not dispute [that …]" is asserted)."""
    if cue is not None and not states_clause(content):
        # "found [no evidence of fraud]": a thing said not to exist negates as the cue's "not" does.
        head = _single_head(content)
        denied = head is not None and said_not_to_exist(head)
        negated = (child_with_dep(cue, {"neg"}) is not None) != denied
    else:
        negated = _main_clause_negated(content)
    if cue is not None and through_denied_thing(cue):
        negated = not negated
    if cue is not None and cue.pos_ == "NOUN" and cue.lemma_.lower() in DOUBTING_NOUNS:
        negated = not negated  # "expressed doubt that …"; "no doubt that …" turns twice
    if cue_class == CueClass.DENY and not _denial_withheld(content, cue):
        negated = not negated
    return Polarity.NEGATED if negated else Polarity.ASSERTED


def _denial_withheld(content: Span, cue: Token | None) -> bool:
    """ "did not dispute [that the fees had risen]", "never denied [that …]": a denial cue the
    speaker negates concedes the clause. (A content that states nothing has the cue's negation
    counted already: "did not reject [the plan]".)"""
    return cue is not None and states_clause(content) and child_with_dep(cue, {"neg"}) is not None


def cue_class_of(content: Span, cue_class: str) -> str:
    """DENY for a statement whose whole point is that something is untrue ("said that was
    untrue", "said the report was false", "insisted it was not true"): the speaker refutes,
    though the cue verb only asserts. Other classes stand."""
    if cue_class != CueClass.ASSERT:
        return cue_class
    return CueClass.DENY if refutes(content) else cue_class


def refutes(content: Span) -> bool:
    """The content's main predicate calls something false: a negative predicate ("untrue",
    "baseless") not itself negated, or a negated truth predicate ("not true", "not accurate")."""
    root = content.root
    predicate = root if root.pos_ == "ADJ" else next((c for c in root.children if c.dep_ in {"acomp", "attr"}), None)
    if predicate is None:
        return False
    negated = any(c.lower_ in NEGATORS for c in (*root.children, *predicate.children))
    word = predicate.lower_
    return word in NEGATIVE_PREDICATES and not negated or word in TRUTH_PREDICATES and negated


def _main_clause_negated(content: Span) -> bool:
    root = content.root
    for token in content:
        word = token.lower_
        if word in NEGATORS and _near_root(token, root):
            return True
        if word in NEGATIVE_PREDICATES and token.head == root or token == root and word in NEGATIVE_PREDICATES:
            return True
    return False


def _near_root(token, root) -> bool:  # type: ignore[no-untyped-def]
    # At most two hops below the root, through main-clause relations only.
    node = token
    for _ in range(3):
        if node == root:
            return True
        if node.dep_ not in _MAIN_CLAUSE_DEPS:
            return False
        node = node.head
    return node == root


# Penn tags of a finite verb ("said", "is", "leads", "will").
_FINITE_TAGS = {"VBD", "VBP", "VBZ", "MD"}
# A non-finite verb heads a clause of its own when it has a subject ("Clinton leading 47 to 43")
# or is an infinitive ("to raise taxes"); a participle that only modifies a noun does not.
_CLAUSE_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}


def states_clause(content: Span) -> bool:
    """The content has a verb that makes it a statement: a finite verb, or a non-finite one heading
    a clause; or the verb outside it predicates something of it ("described [her use of the server
    as a danger]", "called [the son a hero]"). A noun phrase ("her years as secretary of State",
    "the issue of tax reform") has none: it names a topic and states nothing to agree with. Nor
    does a noun phrase that only holds a clause ("[the governor's plan to close the hospitals]",
    "[a special prosecutor to investigate the mayor]"): what the speaker says of it lies in the cue
    (criticized, called for), so its words alone meet every claim on that topic. Nor does an open
    question or a supposition ("asked [whether he was eligible]"), or words that only ask ("Do you
    think he has changed?")."""
    if _only_names_or_asks(content) or _only_asks(content):
        return False
    return any(_heads_clause(token) or _predicated_from_outside(token, content) for token in content)


# What a noun heading a content may have and still be a statement: a subject, an auxiliary or a
# copula make it a clause ("Clinton [the nominee]" parsed with "is" hanging from the noun).
_STATEMENT_CHILD_DEPS = _CLAUSE_DEPS | {"aux", "auxpass", "cop"}
# Subordinators that make a clause a question or a supposition rather than something said:
# "asked [whether he was eligible]", "[if a third-party candidate should run]".
UNASSERTED_MARKS = frozenset({"whether", "if"})


def names_a_thing(content: Span) -> bool:
    """The content is one noun phrase headed by a common noun ("the governor's plan to close the
    hospitals", "a ban on imported steel"): a thing a speaker can be for or against. A name
    ("Senator Bell") or a pronoun is a person or body, not a position's object."""
    head = _single_head(content)
    return head is not None and head.pos_ == "NOUN" and _heads_noun_phrase(head, content)


def _single_head(content: Span):  # type: ignore[no-untyped-def]
    heads = [t for t in content if not t.is_punct and (t.head == t or not content.start <= t.head.i < content.end)]
    return heads[0] if len(heads) == 1 else None


def _heads_noun_phrase(head, content: Span) -> bool:  # type: ignore[no-untyped-def]
    return (
        head.pos_ in {"NOUN", "PROPN"}
        and not any(child.dep_ in _STATEMENT_CHILD_DEPS for child in head.children)
        and not any(_complement_clause(child) for child in head.children)
        and not _predicated_from_outside(head, content)
        and head.dep_ != "oprd"
    )


def _complement_clause(child) -> bool:  # type: ignore[no-untyped-def]
    """A finite clause that says what the noun holds ("claims [that the hospitals were unsafe]",
    "the idea [Obama was born abroad]"), not one that describes it (a relative clause, "the report
    that was released", or an infinitive, "the plan to close")."""
    if child.dep_ not in {"acl", "ccomp"}:
        return False
    finite = child.tag_ in _FINITE_TAGS or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE_TAGS for c in child.children)
    return finite and not any(t.lower_ in {"who", "whom", "whose", "which"} for t in child.lefts)


def _only_names_or_asks(content: Span) -> bool:
    """The content has a single head (punctuation aside) and it is a noun with no subject,
    auxiliary or copula of its own and no predicate given from outside (one noun phrase), or a
    verb marked as an open question or a condition."""
    head = _single_head(content)
    if head is None:
        return False
    if any(child.dep_ == "mark" and child.lower_ in UNASSERTED_MARKS for child in head.children):
        return True
    return _heads_noun_phrase(head, content)


def _only_asks(content: Span) -> bool:
    """Every sentence of the content is a question: it ends with "?" and holds no full stop or "!"
    before it (a quotation that states things and then asks one still states them)."""
    marks = [t.text for t in content if t.is_punct and t.text in {".", "!", "?"}]
    return bool(marks) and marks[-1] == "?" and all(mark == "?" for mark in marks)


def _heads_clause(token) -> bool:  # type: ignore[no-untyped-def]
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.tag_ in _FINITE_TAGS or "Fin" in token.morph.get("VerbForm"):
        return True
    return any(child.dep_ in _CLAUSE_DEPS or child.tag_ == "TO" for child in token.children)


def _predicated_from_outside(token, content: Span) -> bool:  # type: ignore[no-untyped-def]
    # An object predicate ("called X a hero") or an "as" phrase ("described X as Y") of a
    # predicating verb outside the content. With other verbs the parser cannot tell "as" that
    # predicates from "as" that belongs to the noun ("criticized her years as secretary").
    head = token.head
    if content.start <= head.i < content.end or head.lemma_.lower() not in PREDICATING_VERBS:
        return False
    return token.dep_ == "oprd" or token.dep_ == "prep" and token.lower_ == "as"


def terms(content: Span) -> tuple[str, ...]:
    """Content lemmas, lower-case, without stop words, punctuation or numbers-as-symbols."""
    seen: dict[str, None] = {}
    for token in content:
        if token.is_stop or token.is_punct or token.is_space or not token.text.strip():
            continue
        lemma = token.lemma_.lower().strip()
        if lemma and any(ch.isalnum() for ch in lemma):
            seen.setdefault(lemma, None)
    return tuple(seen)


def entities(content: Span) -> tuple[str, ...]:
    """Texts of the named entities inside the content, in order, without duplicates."""
    seen: dict[str, None] = {}
    for ent in content.ents:
        if ent.label_ not in {"CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY", "TIME"}:
            seen.setdefault(ent.text, None)
    return tuple(seen)
