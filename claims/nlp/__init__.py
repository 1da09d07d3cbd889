"""Claim extraction and comparison: pure Python on top of spaCy, no Django imports.

Services in ``claims.services`` are the only code that turns these results into rows.
"""
