"""The stance of a short text (a headline) towards a claim: for, against, or observing.

Emergent's labels (Ferreira & Vlachos 2016): *for* asserts the claim, *against* denies it,
*observing* only reports that someone says it. The product's reading uses its own extraction
(attributions, cue classes, polarity) and comparison (`compare.stance` on the keys the two
share); `keyword_stance` is the plain keyword baseline it is measured against.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from . import compare, normal
from .compare import ClaimForm
from .types import CueClass, ExtractedClaim

FOR, AGAINST, OBSERVING = "for", "against", "observing"
STANCES = (FOR, AGAINST, OBSERVING)

# The baseline's three word lists, as described with the data set.
_BASELINE_REFUTING = re.compile(
    r"\b(?:not|no|never|fake|fakes|faked|fraud|hoax|hoaxes|false|deny|denies|denied|despite|nope|doubt|doubts|"
    r"bogus|debunk|debunks|debunked|prank|pranks|retract|retracts|retracted)\b|n[’']t\b",
    re.I,
)
_BASELINE_REPORTING = re.compile(
    r"\b(?:says?|said|reportedly|reports?|reported|claims?|claimed|allegedly|alleged|apparently|purportedly|"
    r"supposedly|rumou?rs?|rumou?red|may|might|could|possibly|suggests?)\b",
    re.I,
)

# The product's lexicon: words that call a story untrue, whatever the sentence's grammar.
_REFUTES_STORY = re.compile(
    r"\b(?:hoax(?:es|er)?|fake[sd]?|fakery|fraud|bogus|debunk(?:s|ed|ing)?|myths?|untrue|not\s+true|false(?:ly)?|"
    r"fabricat\w+|doctored|photoshopped|satir\w+|spoof|prank(?:s|ed|ster)?|no\s+evidence|nope|scam|"
    r"den(?:y|ies|ied|ial)|refut(?:e|es|ed)|dismiss(?:es|ed)?|doubts?|doubtful|despite|retract\w*|"
    r"rubbish|bullshit|bs|inaccurate|put\s+to\s+rest|pants\s+on\s+fire|fooled|misleading|wrong|"
    r"made\s+(?:it|this|that|the\s+\w+)?\s*(?:all\s+)?up|shoots?\s+down|questions?\s+whether|record\s+straight|"
    r"too\s+good\s+to\s+(?:check|be\s+true)|turns?\s+out|photoshop\w*|staged|parody|misquot\w+|misattribut\w+|"
    r"(?:is|are|was|were|'s|’s)\s+(?:alive|safe|fine)\b|rumou?rs?\s+(?:are|is|were|was)\s+(?:not|false|untrue|wrong)|"
    r"rebuff\w*|troll(?:s|ed|ing)?|misinformation|disinformation|libel|propagand\w*|mock(?:s|ed|ing)?|"
    r"makes?\s+fun\s+of|(?:kills?|quash\w*|squash\w*|scotch\w*)\s+(?:\w+\s+){0,3}rumou?rs?|(?:a|the)\s+lie\b|lies\b)",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|no|never|nor)\b|n[’']t\b", re.I)
_NEGATION_IDIOMS = re.compile(
    r",\s*not\s+|\b(?:no\s+(?:idea|limit|way|longer|matter|one|doubt|wonder|mistake)|not\s+only|never\s+(?:guess|forget|"
    r"believe|seen|before)|(?:can|could)n[’']t\s+(?:believe|stop|wait)|don[’']t\s+miss)\b",
    re.I,
)
# A negation in a clause of its own: a relative or adverbial clause, a purpose ("so he won't"), or a
# second clause after the first has stated the story ("was born male but did not tell him").
_RELATIVE_BEFORE = re.compile(
    r"\b(?:who|which|whose|after|because|if|unless|when|until|so|but|and)\b[^,:;.!?]*$|\w.*\b(?:but|and)\b", re.I
)
# A word that calls the story untrue, itself negated or denied: the headline upholds the story.
_NOT_A_HOAX = re.compile(
    r"\b(?:not|no|never|isn[’']t|wasn[’']t|aren[’']t|den(?:y|ies|ied))\s+(?:\w+\s+){0,2}?"
    r"(?:a\s+|an\s+)?(?:hoax\w*|fake[sd]?|fraud|prank|staged|photoshopped)\b",
    re.I,
)
# Headlines that say outright that the question is open: "may or may not", "refuses to confirm or deny".
_UNDECIDED = re.compile(
    r"\b(?:may\s+or\s+may\s+not|confirm\s+or\s+deny|neither\s+confirm\w*\s+nor\s+den\w*|"
    r"(?:won[’']t|will\s+not|would\s+not|wouldn[’']t|refus\w+\s+to|declin\w+\s+to)\s+(?:say|confirm|comment))",
    re.I,
)
# Words that hold a story at arm's length: it is said, reported, rumoured, suspected, possible.
_HEDGES = re.compile(
    r"\?|\b(?:reportedly|allegedly|alleged|apparently|purportedly|supposedly|rumou?r(?:s|ed)?|unconfirmed|"
    r"may|might|could|possibly|possible|probably|perhaps|report(?:s|ed)?|claims?|claimed|says?|said|"
    r"sources?|suggests?|appears?|believed|suspect(?:s|ed)?|likely|unverified|speculat\w+|according\s+to|"
    r"insiders?|tipped|predicts?|predicted|emerges?|apparent|seemingly|purport\w*|forecast\w*|analysts?|"
    r"media|(?:news)?paper|tabloid|monitor|observatory|intel|intelligence)\b",
    re.I,
)
# After a question: a statement of its own (three words or more) that answers it or goes on.
_TEASER = re.compile(r"^[\s:\-–—]*(?:[\w'’,.-]+\s+){2,}[\w'’,.-]+")
_MODAL = re.compile(r"may|might|could|possibly|possible|probably|perhaps|likely", re.I)
# A claim that is a possibility, a plan or a rumour in its own words.
_CLAIM_HEDGED = re.compile(
    r"\b(?:may|might|could|possibly|consider\w*|plan(?:s|ned|ning)?|mull\w*|reportedly|rumou?r\w*|"
    r"likely|expected|set\s+to|in\s+talks)\b",
    re.I,
)
# A claim that is itself about someone saying something: "says" in a headline then asserts it.
_CLAIM_IS_SPEECH = re.compile(r"\b(?:says?|said|claims?|claimed|told|tells|reveals?|revealed|admits?|admitted)\b", re.I)
# Attribution cues after which the headline's own words follow ("X says", "X: …").
_REPORTING_CUES = {CueClass.ASSERT, CueClass.REPORT, CueClass.HEDGE}
REPORTED_CLAIM_SIMILARITY = 0.8


def keyword_stance(headline: str) -> str:
    """The plain baseline: a refuting word → against; a reporting word or '?' → observing; else for."""
    if _BASELINE_REFUTING.search(headline):
        return AGAINST
    if "?" in headline or _BASELINE_REPORTING.search(headline):
        return OBSERVING
    return FOR


def form_from_parts(text: str, terms: Iterable[str], entities: Iterable[str], polarity: str) -> ClaimForm:
    """A comparable form of a whole text (a headline or a claim), from its lemmas and entities."""
    return compare.claim_form(text=text, terms=terms, entities=entities, polarity=polarity)


def headline_stance(*, claim: ClaimForm, headline: ClaimForm, extracted: Sequence[ExtractedClaim]) -> str:
    """Emergent stance of ``headline`` towards ``claim``, from the product's extraction and comparison.

    Against: the headline calls the story untrue, a speaker denies it, or the headline's polarity
    on what the two share is the opposite of the claim's. Observing: it attributes the story to
    someone or hedges it. For: it states the story as a fact.
    """
    if _UNDECIDED.search(headline.text):
        return OBSERVING
    if _refutes(claim, headline, extracted):
        return AGAINST
    if _observes(claim, headline, extracted):
        return OBSERVING
    return FOR


def _refutes(claim: ClaimForm, headline: ClaimForm, extracted: Sequence[ExtractedClaim]) -> bool:
    if _NOT_A_HOAX.search(headline.text):
        return False  # two negatives: "third boob is no hoax", "denies surgery hoax claims"
    if _REFUTES_STORY.search(headline.text):
        return True
    if any(item.cue_class == CueClass.DENY for item in extracted):
        return True
    # A negation counts when the claim does not carry it too ("hands up, don't shoot"), and it is
    # not inside a relative clause ("nun who had no idea") or an idiom ("no limit to").
    if claim.polarity == compare.NEGATED:
        return False
    text = _NEGATION_IDIOMS.sub(" ", headline.text)
    return any(not _RELATIVE_BEFORE.search(text[: m.start()]) for m in _NEGATION.finditer(text))


def _observes(claim: ClaimForm, headline: ClaimForm, extracted: Sequence[ExtractedClaim]) -> bool:
    for hedge in _HEDGES.finditer(headline.text):
        if _CLAIM_IS_SPEECH.search(claim.text) and _CLAIM_IS_SPEECH.search(hedge.group(0)):
            continue  # the claim is that someone said it: "X says" states it
        if hedge.group(0) == "?" and _TEASER.search(headline.text[hedge.end() :]):
            continue  # a teaser question followed by a statement: "Comfort eating? Woman spends a week in KFC"
        if _MODAL.fullmatch(hedge.group(0)) and _CLAIM_HEDGED.search(claim.text):
            continue  # the claim itself is a possibility: "could be platinum" states "considering platinum"
        return True
    return any(_reports_the_claim(claim, item) for item in extracted)


def _reports_the_claim(claim: ClaimForm, item: ExtractedClaim) -> bool:
    """An attribution in the headline whose content is the claim: someone says it, nobody states it."""
    if item.speaker is None or item.cue_class not in _REPORTING_CUES or _CLAIM_IS_SPEECH.search(claim.text):
        return False
    content = compare.claim_form(text=item.content, terms=item.terms, entities=item.entities)
    score, shared = compare.similarity(claim, content)
    return score >= REPORTED_CLAIM_SIMILARITY and len(shared) >= 2


def text_form(doc: Doc) -> ClaimForm:
    """The comparable form of a whole parsed text (a claim headline or an article headline)."""
    span = doc[:]
    return form_from_parts(doc.text, normal.terms(span), normal.entities(span), normal.polarity(span, CueClass.ASSERT))


def stances_for_pairs(pairs: Sequence[tuple[str, str]], *, nlp: Language, batch_size: int = 64) -> list[str]:
    """The stance of each ``(claim, headline)`` pair: every headline parsed and extracted in batches."""
    from .extract import extract_claims_many

    claims = sorted({claim for claim, _ in pairs})
    claim_forms = dict(zip(claims, map(text_form, nlp.pipe(claims, batch_size=batch_size)), strict=True))
    headlines = [headline for _, headline in pairs]
    forms = [text_form(doc) for doc in nlp.pipe(headlines, batch_size=batch_size)]
    extracted: list[list[ExtractedClaim]] = []
    # Small batches: the extractor keeps per-text state, and short texts gain nothing from more.
    for start in range(0, len(headlines), batch_size):
        extracted.extend(extract_claims_many(headlines[start : start + batch_size], nlp=nlp))
    return [
        headline_stance(claim=claim_forms[claim], headline=form, extracted=found)
        for (claim, _), form, found in zip(pairs, forms, extracted, strict=True)
    ]
