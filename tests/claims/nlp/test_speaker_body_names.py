"""A body is named in full ("Department of Justice", not "Department"), is never taken for a
person because the tagger missed it, and keeps one speaker when the text shortens or describes it."""

from __future__ import annotations

from claims.nlp.types import SpeakerKind


def speakers(claims) -> list[str]:
    return [claim.speaker.name for claim in claims]


def test_a_body_named_with_of_keeps_the_whole_name(extract):
    claims = extract(
        "The Department of Water Resources said the reservoir was half full. "
        "The Department said the pumps would stay on. "
        "The department said a drought order was not needed."
    )
    assert speakers(claims) == ["Department of Water Resources"] * 3


def test_a_body_the_model_does_not_tag_is_no_person(extract):
    claims = extract(
        "The Commission on Regional Ferries said on Friday that there was a fault in the engine. "
        "Later the independent commission said there was indeed a problem with the engine. "
        "The independent Commission also said that the ferry was repaired before noon."
    )
    assert speakers(claims) == ["Commission on Regional Ferries"] * 3
    assert claims[0].speaker.kind != SpeakerKind.PERSON
    assert claims[0].speaker.role == ""  # "The" is no title


def test_a_lowercase_complement_is_not_part_of_a_name(extract):
    (claim,) = extract("The Bureau of the Census said the count was complete.")
    assert claim.speaker.name == "Bureau of the Census"
    (claim,) = extract("The head of the port authority said the strike had ended.")
    assert "of the port authority" not in claim.speaker.name


def test_a_person_after_the_article_and_a_title_is_still_a_person(extract):
    claims = extract("The Rev. Ana Ruiz said the vote was a turning point. Ruiz said she would march again.")
    assert speakers(claims) == ["Ana Ruiz", "Ana Ruiz"]
    assert claims[0].speaker.kind == SpeakerKind.PERSON


def test_a_name_the_model_tags_as_a_person_but_ending_in_a_body_word_is_a_body(extract):
    # The small model tags "Ellison Center" and "Mendel Watch" as people.
    claims = extract("Ellison Center reported that wages had risen. Mendel Watch said the beaches were unsafe.")
    assert speakers(claims) == ["Ellison Center", "Mendel Watch"]
    assert [claim.speaker.kind for claim in claims] == [SpeakerKind.ORGANISATION] * 2


def test_the_body_named_so_is_found_again_by_its_noun(extract):
    first, second = extract("Whitaker Center said the river was polluted. The center added that the fish had died.")
    assert second.speaker.mention == "The center"
    assert second.speaker.name == first.speaker.name == "Whitaker Center"
    assert second.speaker.kind == SpeakerKind.ORGANISATION


def test_a_person_whose_surname_is_also_a_body_noun_stays_a_person(extract):
    (claim,) = extract("Dave Camp said the bill would pass.")
    assert claim.speaker.kind == SpeakerKind.PERSON


def test_a_name_the_model_does_not_tag_that_ends_in_a_body_word_is_a_body(extract):
    (claim,) = extract("Our Values PAC said the ads would run in March.")
    assert claim.speaker.name == "Our Values PAC"
    assert claim.speaker.kind == SpeakerKind.ORGANISATION
