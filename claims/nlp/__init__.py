"""Claim extraction and comparison: pure Python on top of spaCy, no Django imports.

Services in ``claims.services`` are the only code that turns these results into rows.
"""

from claims.nlp.spacy_without_torch import import_thinc_without_torch

# Before any spaCy import below this package: a worker then never loads torch (see the module).
import_thinc_without_torch()
