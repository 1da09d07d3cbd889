"""The plain keyword baseline for headline stance (for, against, observing), printed beside the
product's reading (`claims.nlp.relation.stance`, the relation model) by `stance_eval`.

Emergent's labels (Ferreira & Vlachos 2016): *for* asserts the claim, *against* denies it,
*observing* only reports that someone says it.
"""

from __future__ import annotations

import re

from .types import HeadlineStance

FOR, AGAINST, OBSERVING = HeadlineStance.FOR, HeadlineStance.AGAINST, HeadlineStance.OBSERVING

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


def keyword_stance(headline: str) -> str:
    """The plain baseline: a refuting word → against; a reporting word or '?' → observing; else for."""
    if _BASELINE_REFUTING.search(headline):
        return AGAINST
    if "?" in headline or _BASELINE_REPORTING.search(headline):
        return OBSERVING
    return FOR
