"""articles.nearcopy: boilerplate lines dropped, shingles, containment and bands (no database)."""

from __future__ import annotations

from articles.nearcopy import containment, fingerprint, shingles, strip_boilerplate
from tests.articles.texts import BRIDGE_STORY, BRIDGE_STORY_OTHER_REPORT, BRIDGE_STORY_SYNDICATED


def test_page_furniture_lines_are_dropped_and_story_lines_kept():
    stripped = strip_boilerplate(BRIDGE_STORY_SYNDICATED)
    for furniture in (
        "By Staff Reporter",
        "Share on Facebook",
        "Advertisement",
        "Related:",
        "All rights reserved",
        "newsletter",
    ):
        assert furniture not in stripped
    assert stripped.split("\n")[0] == "Millbrook council votes to close the old river bridge"


def test_a_copy_contains_the_original_and_another_report_does_not():
    original = shingles(BRIDGE_STORY)
    assert containment(original, shingles(BRIDGE_STORY_SYNDICATED)) == 1.0
    assert containment(original, shingles(BRIDGE_STORY_OTHER_REPORT)) < 0.2


def test_a_copy_shares_bands_with_its_original_and_the_bands_are_stable():
    a = fingerprint(BRIDGE_STORY, num_perm=128, bands=64)
    b = fingerprint(BRIDGE_STORY_SYNDICATED, num_perm=128, bands=64)
    assert len(a.bands) == 64
    assert a.bands == b.bands  # the same shingles once the furniture is dropped
    assert fingerprint(BRIDGE_STORY, num_perm=128, bands=64) == a
    other = fingerprint(BRIDGE_STORY_OTHER_REPORT, num_perm=128, bands=64)
    assert len(set(a.bands) & set(other.bands)) < 8
