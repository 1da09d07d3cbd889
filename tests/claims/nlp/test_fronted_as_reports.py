"""A fronted "As X noted, …": the clause after the comma is what X noted."""

from __future__ import annotations


def test_the_clause_after_a_fronted_as_report_is_the_speakers(extract):
    text = "As the harbor engineer pointed out at the hearing, the north pier cannot survive another winter."
    [claim] = extract(text)
    assert claim.cue == "pointed"
    assert claim.speaker.name == "harbor engineer"
    assert claim.content == "the north pier cannot survive another winter"


def test_a_fronted_as_clause_of_time_reports_nothing(extract):
    text = "As the mayor spoke at the hearing, protesters gathered outside the town hall."
    assert extract(text) == []


def test_a_fronted_as_report_with_its_own_object_reports_nothing(extract):
    text = "As the mayor said this, protesters gathered outside the town hall."
    assert extract(text) == []
