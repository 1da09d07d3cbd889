"""Forms that check the query strings of the HTML pages before a selector sees them."""

from __future__ import annotations

from django import forms

from claims.selectors import MATRIX_KEYS

# Ids are PostgreSQL bigints: a larger number would fail in the database, not here.
MAX_ID = 2**63 - 1


class MatrixCellForm(forms.Form):
    """One cell of the matrix: two speaker ids, or two affiliation names (``by=affiliation``)."""

    by = forms.ChoiceField(choices=[(key, key) for key in MATRIX_KEYS], required=False)
    a = forms.CharField(max_length=300)
    b = forms.CharField(max_length=300)

    def clean_by(self) -> str:
        return self.cleaned_data["by"] or "speaker"

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("by") == "speaker":
            for side in ("a", "b"):
                value = cleaned.get(side)
                if value is not None and not (value.isdigit() and 1 <= int(value) <= MAX_ID):
                    self.add_error(side, f"A speaker id is a whole number from 1 to {MAX_ID}.")
        return cleaned

    def reason(self) -> str:
        """The errors as one sentence for the 400 page."""
        return " ".join(f"{name}: {' '.join(errors)}" for name, errors in self.errors.items())
