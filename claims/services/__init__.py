"""Writes for the claims app. Re-exported here so callers import from ``claims.services``."""

from .extraction import claims_extract_for_article, claims_store_extracted
from .speakers import speaker_resolve

__all__ = ["claims_extract_for_article", "claims_store_extracted", "speaker_resolve"]
