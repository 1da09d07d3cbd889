"""Headline stance towards a claim (Emergent's for / against / observing), read off the relation model.

A headline that conflicts with the claim is *against* it. One that agrees either states the claim
(*for*) or only reports that someone says it (*observing*): the model's report head decides.
The headline is known to be about the claim, so the related/unrelated decision is not asked.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import RelationModel
from .signals import text_signals
from .training import AGAINST, FOR, OBSERVING, Embedder, facts_for

STANCES = (FOR, AGAINST, OBSERVING)


def headline_stances(model: RelationModel, pairs: Sequence[tuple[str, str]], *, embed: Embedder) -> list[str]:
    """The stance of each ``(claim, headline)`` pair."""
    if not pairs:
        return []
    facts = facts_for(sorted({text for pair in pairs for text in pair}), embed)
    judgements = model.judge_many([(facts[claim], facts[headline]) for claim, headline in pairs])
    reports = model.report_probability([text_signals(headline) for _, headline in pairs])
    stances = []
    for judgement, report in zip(judgements, reports, strict=True):
        if judgement.p_conflict >= model.thresholds["conflict"]:
            stances.append(AGAINST)
        else:
            stances.append(OBSERVING if report >= model.thresholds["report"] else FOR)
    return stances
