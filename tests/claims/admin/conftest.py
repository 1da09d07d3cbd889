"""Claim admin tests post the claim change form (the signed-in admin clients are in tests/conftest.py)."""

from __future__ import annotations


def claim_form(claim, **changes) -> dict:
    """The claim change form as a browser would post it back, with ``changes`` applied."""
    data = {
        "content": claim.content,
        "speaker": claim.speaker_id or "",
        "speaker_mention": claim.speaker_mention,
        "claim_type": claim.claim_type,
        "cue_class": claim.cue_class,
        "polarity": claim.polarity,
        "claim_date": claim.claim_date.isoformat() if claim.claim_date else "",
        "review_status": claim.review_status,
    }
    return {**data, **changes}
