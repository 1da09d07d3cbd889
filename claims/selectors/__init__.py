"""Reads for the claims app, one module a subject; callers import from ``claims.selectors``.

- ``claims``: claim lists, search, facets and the home page's counts;
- ``speakers``, ``disputes``, ``articles``: the pages of each;
- ``matrix``: who agrees and who conflicts, pair by pair, and one cell's links;
- ``independence``: claims counted by independent reports (originals, not syndicated copies);
- ``quote_flags``: quotations credited or worded differently across outlets;
- ``close``: claims near one claim in meaning that no relation joins to it yet;
- ``links``: the agreement and conflict that disputes imply (derived, not stored);
- ``summaries``: the summary tables PostgreSQL keeps up to date, read by the others.
"""

from .articles import article_claims, article_get, article_list, articles_latest, outlet_list
from .claims import (
    claim_facets,
    claim_get,
    claim_list,
    claim_relations,
    claim_search_page,
    claims_ordered,
    count_of,
    home_counts,
    relation_list,
)
from .close import CloseClaim, claims_close_in_meaning
from .disputes import dispute_get, dispute_list, dispute_members, disputes_most_contested
from .independence import claims_reach, dispute_reach, disputes_with_reports, home_reach
from .links import claim_links, links_for_export
from .matrix import MATRIX_KEYS, agreement_matrix, relations_between, relations_between_totals
from .quote_flags import claim_quote_flags, quote_flag_list
from .speakers import (
    speaker_claims_by_month,
    speaker_claims_recent,
    speaker_counterparts,
    speaker_disputes,
    speaker_get,
    speaker_list,
    speaker_names,
)

__all__ = [
    "MATRIX_KEYS",
    "CloseClaim",
    "claims_close_in_meaning",
    "agreement_matrix",
    "article_claims",
    "article_get",
    "article_list",
    "articles_latest",
    "claim_facets",
    "claim_get",
    "claim_links",
    "claim_list",
    "claim_quote_flags",
    "claims_reach",
    "claim_search_page",
    "claims_ordered",
    "count_of",
    "dispute_get",
    "dispute_list",
    "dispute_reach",
    "dispute_members",
    "disputes_most_contested",
    "disputes_with_reports",
    "home_counts",
    "home_reach",
    "links_for_export",
    "outlet_list",
    "claim_relations",
    "quote_flag_list",
    "relation_list",
    "relations_between",
    "relations_between_totals",
    "speaker_claims_by_month",
    "speaker_claims_recent",
    "speaker_counterparts",
    "speaker_disputes",
    "speaker_get",
    "speaker_list",
    "speaker_names",
]
