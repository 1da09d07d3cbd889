"""Speaker resolution within an article: pronouns, surnames, titles, appositives, groups."""

from __future__ import annotations

import pytest

from claims.nlp.types import SpeakerKind

ARTICLE = (
    "Maria Lopez, the director of the water agency, said the reservoir was full. "
    "She added that rationing would end in June. "
    "Lopez also warned that prices could rise."
)


def test_it_resolves_a_pronoun_to_the_last_fitting_speaker(extract):
    first, second, _ = extract(ARTICLE)
    assert second.speaker.mention == "She"
    assert second.speaker.name == first.speaker.name == "Maria Lopez"


def test_it_resolves_a_bare_surname_to_the_full_name(extract):
    *_, third = extract(ARTICLE)
    assert third.speaker.mention == "Lopez"
    assert third.speaker.name == "Maria Lopez"
    assert "Lopez" in third.speaker.aliases


def test_a_surname_met_before_the_full_name_is_that_person(extract):
    # A lead or headline often names someone by surname before the body gives the full name.
    lead, body = extract(
        "Mr. Okafor said the bridge would reopen in May. "
        "Later, Transport Minister Daniel K. Okafor said the repairs were nearly done."
    )
    assert lead.speaker.mention == "Mr. Okafor"
    assert lead.speaker.name == body.speaker.name == "Daniel K. Okafor"
    assert "Okafor" in lead.speaker.aliases


def test_a_surname_met_first_is_not_given_the_full_name_of_someone_of_the_other_gender(extract):
    lead, body = extract(
        "Mr. Okafor said the bridge would reopen in May. "
        "Mrs. Grace Okafor, a lawyer in the city, said the repairs were nearly done."
    )
    assert lead.speaker.name == "Okafor"
    assert body.speaker.name == "Grace Okafor"


def test_a_body_shortened_to_the_last_word_of_its_name_is_the_same_body(extract):
    first, second, third = extract(
        "The Harbour Gazette reported that the port would close. The Gazette also reported that "
        "the dockers had been told. House Democrats said the plan was flawed."
    )
    assert second.speaker.mention == "The Gazette"
    assert second.speaker.name == first.speaker.name == "Harbour Gazette"
    assert third.speaker.name == "House Democrats"


def test_it_keeps_the_appositive_as_role(extract):
    first, *_ = extract(ARTICLE)
    assert first.speaker.role == "director of the water agency"
    assert first.speaker.kind == SpeakerKind.PERSON


def test_it_strips_titles_from_the_name_but_keeps_them_as_role(extract):
    [claim] = extract("Lt. Gen. Mark Diaz said the base would stay open.")
    assert claim.speaker.name == "Mark Diaz"
    assert claim.speaker.role == "Lt. Gen."


def test_it_derives_affiliation_from_an_appositive(extract):
    [claim] = extract("Ivan Petrov, the Kremlin spokesman, said the talks had failed.")
    assert claim.speaker.name == "Ivan Petrov"
    assert claim.speaker.role == "Kremlin spokesman"
    assert claim.speaker.affiliation == "Russia"


def test_it_names_a_counted_group_without_the_number(extract):
    [claim] = extract("Two U.S. officials said the convoy had turned back.")
    assert claim.speaker.name == "U.S. officials"
    assert claim.speaker.kind == SpeakerKind.GROUP
    assert claim.speaker.affiliation == "United States"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Seventy-nine percent of Democrats said they were satisfied with the mayor.", "Democrats"),
        ("A number of studies found that the new tests had helped poorer pupils.", "studies"),
        ("A majority of voters said the council should resign.", "voters"),
    ],
)
def test_a_share_of_a_group_speaks_as_the_group(extract, text, name):
    [claim] = extract(text)
    assert claim.speaker.name == name


def test_it_resolves_the_official_to_the_official_named_before(extract):
    first, second = extract(
        "A senior Canadian official said the border would reopen. The official added that checks would continue."
    )
    assert second.speaker.mention == "The official"
    assert second.speaker.name == first.speaker.name
    assert second.speaker.affiliation == "Canada"


def test_the_body_a_spokesperson_speaks_for_is_not_the_spokesperson(extract):
    first, second = extract(
        "City council spokeswoman Ann Lee said the road would close. The council said the work would take a year."
    )
    assert first.speaker.name == "Ann Lee"
    assert second.speaker.name != "Ann Lee"
    assert second.speaker.kind != SpeakerKind.PERSON


def test_a_title_still_finds_the_person_who_holds_it(extract):
    first, second = extract(
        "Sen. Ted Cruz (R-Tex) said he would vote for the nominee. The senator said the choice had been hard."
    )
    assert first.speaker.name == second.speaker.name == "Ted Cruz"


def test_it_treats_a_ministry_as_a_government_speaker(extract):
    [claim] = extract("Russia's Defense Ministry said its jets had hit a depot.")
    assert claim.speaker.kind == SpeakerKind.GOVERNMENT
    assert claim.speaker.affiliation == "Russia"


def test_it_gives_speaker_offsets_into_the_original_text(extract):
    text = "Intro line.\n\nIvan Petrov, the Kremlin spokesman, said the talks had failed."
    [claim] = extract(text)
    assert text[claim.speaker.start : claim.speaker.end] == "Ivan Petrov, the Kremlin spokesman"


def test_a_dateline_is_not_the_speaker(extract):
    (claim,) = extract(
        "WASHINGTON -- President Obama, opening the museum on Saturday, said it would tell an American story."
    )
    assert claim.speaker.name == "Obama"
    assert claim.speaker.mention == "President Obama"


def test_a_hyphen_inside_a_word_is_not_a_dash(extract):
    (claim,) = extract("A well-known low-cost airline said fares would rise in the spring.")
    assert claim.speaker.mention == "A well-known low-cost airline"
