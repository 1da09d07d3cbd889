"""A quote flag as the claim page shows it: this claim's wording beside the other's, word runs marked."""

from __future__ import annotations

from dataclasses import dataclass

from claims.models import Claim, QuoteFlag

# How a diff run is marked on each side: (class on this claim's side, class on the other's).
_MARKS = {"equal": ("same", "same"), "replace": ("changed", "changed"), "delete": ("changed", ""),
          "insert": ("", "changed"), "trim": ("excerpt", "excerpt")}  # fmt: skip


@dataclass(frozen=True)
class Run:
    text: str
    mark: str  # "same", "changed" or "excerpt" (words only one side quotes, at an end)


@dataclass(frozen=True)
class FlagView:
    flag: QuoteFlag
    other: Claim
    mine: list[Run]
    theirs: list[Run]


def flag_view(flag: QuoteFlag, claim: Claim) -> FlagView:
    """The flag seen from ``claim``: its words on the left, the other claim's on the right."""
    mine_is_a = flag.claim_a_id == claim.pk
    mine, theirs = [], []
    for tag, a, b in flag.diff:
        mark_a, mark_b = _MARKS.get(tag, ("", ""))
        runs = ((a, mark_a, mine), (b, mark_b, theirs)) if mine_is_a else ((b, mark_b, mine), (a, mark_a, theirs))
        for text, mark, side in runs:
            if text:
                side.append(Run(text, mark))
    return FlagView(flag=flag, other=flag.claim_b if mine_is_a else flag.claim_a, mine=mine, theirs=theirs)
