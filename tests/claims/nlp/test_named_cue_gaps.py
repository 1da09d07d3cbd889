"""Gaps in named cues: a headline source the tagger does not know as a name, stance objects the
parser splits (a coordinated object, a quoted phrase), and speakers that are bodies or roles
without an agent ending."""

from __future__ import annotations

from claims.nlp.types import ClaimType, CueClass, ExtractedClaim


def _headline(claims: list[ExtractedClaim]) -> ExtractedClaim | None:
    return next((c for c in claims if c.claim_type == ClaimType.HEADLINE), None)


def test_a_single_capitalised_name_before_a_headline_colon_is_its_source(extract):
    text = "Okafor: Harbour Bridge Repairs Will Take Two More Years.\n\nThe works began in spring."
    claim = _headline(extract(text))
    assert claim is not None
    assert claim.speaker.name == "Okafor"
    assert claim.content.startswith("Harbour Bridge Repairs Will Take")


def test_a_poll_before_a_headline_colon_is_its_source(extract):
    text = "Poll: Most commuters want the night trains back.\n\nThe survey ran for a week."
    claim = _headline(extract(text))
    assert claim is not None
    assert claim.speaker.name.lower() == "poll"


def test_a_section_label_or_a_phrase_with_function_words_is_no_headline_source(extract):
    assert _headline(extract("Analysis: Harbour Bridge Repairs Will Take Two More Years.\n\nMore.")) is None
    assert _headline(extract("Trouble Over Water: The Reservoir Is Nearly Empty Again.\n\nMore.")) is None


def test_a_second_object_the_parser_coordinates_with_the_verb_stays_in_the_content(extract):
    text = "Critics called the fee hike and the ban on street vendors a betrayal of the market's founders."
    claims = [c for c in extract(text) if c.cue_lemma == "call"]
    assert len(claims) == 1
    assert claims[0].content == "the fee hike and the ban on street vendors a betrayal of the market's founders"


def test_surrogates_and_authorities_can_hold_a_position(extract):
    claims = extract("Her surrogates called the ruling a victory for small landlords.")
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("Her surrogates", "the ruling a victory for small landlords")
    ]
    claims = extract("Authorities said the tunnel would stay closed until Friday.")
    assert [c.content for c in claims] == ["the tunnel would stay closed until Friday"]


def test_a_survey_reports_the_answers_it_counted(extract):
    text = (
        "A survey published in May found that 60 percent of tenants said their rents had risen far faster than wages."
    )
    claims = extract(text)
    survey = [c for c in claims if c.cue_lemma == "find"]
    assert len(survey) == 1
    assert survey[0].speaker.name.endswith("survey")
    assert survey[0].content == "60 percent of tenants said their rents had risen far faster than wages"


def test_an_opening_according_to_parsed_as_the_root_still_attributes_the_clause(extract):
    claims = extract("According to veteran ferry captain Ines Moreau, the timetable reeks of “panic” and haste.")
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("Ines Moreau", "the timetable reeks of “panic” and haste")
    ]


def test_grilling_someone_for_a_thing_is_a_position_on_them(extract):
    claims = extract("Senator Alma Reyes grilled the rail operator's chief executive for the repeated signal failures.")
    assert [(c.speaker.name, c.cue_lemma, c.content) for c in claims] == [
        ("Alma Reyes", "grill", "the rail operator's chief executive for the repeated signal failures")
    ]


def test_adulation_of_a_thing_is_its_holder_s_position(extract):
    claims = extract("The novelist never hid her adulation of the old harbour poets.")
    assert [(c.cue_lemma, c.content) for c in claims] == [("adulation", "the old harbour poets")]


def test_a_reported_thing_is_the_reporter_s_claim(extract):
    claims = extract("The harbour police reported three capsized dinghies near the northern pier.")
    assert [(c.speaker.name, c.cue_lemma, c.content) for c in claims] == [
        ("harbour police", "report", "three capsized dinghies near the northern pier")
    ]


def test_a_name_after_reported_is_the_reporter_not_the_thing_reported(extract):
    text = "Crews have cleared the northern pier and reopened the ferry route, reported the Harbour Gazette."
    assert not [c for c in extract(text) if c.content == "the Harbour Gazette"]


def test_according_to_a_source_whose_first_noun_reads_as_a_verb_still_attributes(extract):
    claims = extract("The ferry crew ignored two storm warnings last winter, according to show insiders.")
    assert [(c.cue, c.content) for c in claims] == [
        ("according to", "The ferry crew ignored two storm warnings last winter")
    ]
    assert "insiders" in claims[0].speaker.mention


def test_an_adjective_of_attitude_with_its_preposition_is_a_position(extract):
    claims = extract("The harbour board has long been critical of the new bridge toll.")
    assert [(c.speaker.name, c.cue_lemma, c.content) for c in claims] == [
        ("harbour board", "critical", "the new bridge toll")
    ]
    claims = extract("Many fishermen are worried about the winter quotas.")
    assert [(c.cue_lemma, c.content, c.cue_class) for c in claims] == [("worried", "the winter quotas", CueClass.HEDGE)]


def test_an_attitude_toward_a_pronoun_is_no_position_on_a_thing(extract):
    assert extract("Her business partner was always supportive of her.") == []
