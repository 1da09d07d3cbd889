"""What claim lists leave unloaded: the columns no list shows and that cost most to read."""

from __future__ import annotations

# The article's whole text, the 384-float vector, the entity list and the search vector.
CLAIM_HEAVY_FIELDS = ("article__body", "embedding", "entities", "search_vector")


def claim_heavy_fields(prefix: str = "") -> list[str]:
    """The heavy fields of a claim reached through ``prefix`` (e.g. "claim__"), for ``.defer()``."""
    return [prefix + name for name in CLAIM_HEAVY_FIELDS]
