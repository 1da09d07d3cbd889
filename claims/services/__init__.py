"""Writes for the claims app. Re-exported here so callers import from ``claims.services``."""

from .curation import (
    claim_edit,
    claim_move_to_dispute,
    claim_review,
    claim_review_check,
    proposition_create,
    proposition_rename,
    propositions_merge,
    relation_create,
    relation_review,
    speaker_alias_split,
    speaker_update,
    speakers_merge,
)
from .extraction import claims_extract_for_article, claims_store_extracted
from .linking import claims_link_all, claims_link_for_article
from .speakers import speaker_resolve

__all__ = ["claims_extract_for_article", "claims_store_extracted", "speaker_resolve"]
__all__ += [  # curation
    "claim_edit",
    "claim_move_to_dispute",
    "claim_review",
    "claim_review_check",
    "proposition_create",
    "proposition_rename",
    "propositions_merge",
    "relation_create",
    "relation_review",
    "speaker_alias_split",
    "speaker_update",
    "speakers_merge",
]
__all__ += ["claims_link_all", "claims_link_for_article"]  # linking
