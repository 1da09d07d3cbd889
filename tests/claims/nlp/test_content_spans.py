"""Where a claim's content starts and ends: coordinated and second reports, split quotes,
attributions that close a sentence, quotes after a colon or after "she said."."""

from __future__ import annotations

from claims.nlp.types import ClaimType


def _by_cue(claims, lemma):
    return [c for c in claims if c.cue_lemma == lemma]


def _direct(claims):
    return [c for c in claims if c.claim_type == ClaimType.DIRECT]


def test_a_quote_after_the_colon_of_an_inverted_report_is_the_speakers(extract):
    text = "Turnout will probably stay low this autumn, Marsh said: “Nobody on my street is planning to vote.”"
    [claim] = _direct(extract(text))
    assert claim.content.startswith("Nobody on my street")
    assert claim.speaker.name == "Marsh"


def test_a_quote_before_its_attribution_is_the_content_rather_than_an_earlier_clause(extract):
    text = (
        "The report also noted the change it said the mayor would bring to the harbor: “Alongside our "
        "crews' efforts, the mayor's plan has given the harbor a future,” the union wrote."
    )
    [claim] = _direct(extract(text))
    assert claim.content.startswith("Alongside our crews' efforts")
    assert claim.speaker.name == "union"
    assert claim.cue_lemma == "write"


def test_a_quote_of_several_sentences_ending_in_a_question_is_a_claim(extract):
    text = "“The plan is a mistake. It costs too much. Who will pay for it?” the treasurer said."
    [claim] = _direct(extract(text))
    assert claim.content.startswith("The plan is a mistake")


def test_a_split_quote_whose_verb_takes_only_the_second_part_is_one_claim(extract):
    text = "“Now that I don’t have to be careful anymore,” he told the host, “it was demoralizing to work for the council.”"
    [claim] = _direct(extract(text))
    assert claim.content.startswith("Now that I don’t have to be careful")
    assert claim.content.endswith("work for the council.")


def test_a_split_quote_stays_two_claims_when_a_second_speech_verb_introduces_the_next_part(extract):
    text = "“We cannot pay for this bridge,” Harper said, adding later, “The state has to step in and help us now.”"
    claims = _direct(extract(text))
    assert [c.content for c in claims] == ["We cannot pay for this bridge", "The state has to step in and help us now."]


def test_a_reported_clause_ends_before_a_second_report_coordinated_with_it(extract):
    text = (
        "The governor emphasized that the state's reforms were not complete, and civil rights groups "
        "warned that the police were losing public trust."
    )
    claims = extract(text)
    [governor] = _by_cue(claims, "emphasize")
    [groups] = _by_cue(claims, "warn")
    assert governor.content == "the state's reforms were not complete"
    assert groups.content == "the police were losing public trust"


def test_a_reported_clause_ends_before_a_participle_that_reports_again(extract):
    text = (
        "Harper said he didn't think the rumors had hurt the campaign, arguing that it was the weak "
        "economy that cost them the race."
    )
    [said] = _by_cue(extract(text), "say")
    assert said.content == "he didn't think the rumors had hurt the campaign"


def test_a_subjectless_clause_with_a_backshifted_modal_stays_in_the_report(extract):
    text = "Several voters said they had doubts about the senator, but could not bring themselves to vote against him."
    [claim] = _by_cue(extract(text), "say")
    assert claim.content == "they had doubts about the senator, but could not bring themselves to vote against him"


def test_a_subjectless_clause_without_modal_or_quote_is_the_writers(extract):
    text = "The minister said the talks had failed, but left the door open."
    [claim] = _by_cue(extract(text), "say")
    assert claim.content == "the talks had failed"


def test_a_quote_after_a_sentence_ending_on_she_said_continues_her_words(extract):
    text = (
        "The director said the law was worth a film because “few people know about that gap,” she said. "
        "“We cannot understand today if we forget where we came from.”"
    )
    quotes = _direct(extract(text))
    assert [c.content for c in quotes] == ["We cannot understand today if we forget where we came from."]
    assert quotes[0].speaker.mention == "she"


def test_according_to_at_the_end_of_a_sentence_covers_its_coordinated_clauses(extract):
    text = (
        "The harbor's cargo volume stood at 9,000 tons in 1985 and has since risen to a record of "
        "70,000 tons as of 2015, according to the port authority."
    )
    [claim] = _by_cue(extract(text), "according to")
    assert claim.content.startswith("The harbor's cargo volume stood at 9,000 tons")


def test_an_attribution_closing_a_sentence_covers_a_but_clause_before_it(extract):
    text = (
        "The convoy was supposed to be guarded by two police cars, but the driver left the depot "
        "before the officers arrived, another witness said."
    )
    [claim] = _by_cue(extract(text), "say")
    assert claim.content.startswith("The convoy was supposed to be guarded")
    assert claim.content.endswith("before the officers arrived")


_TRANSCRIPT = (
    "The mayor spoke with the host of Morning Desk, Dana Ruiz, on Sunday.\n\n"
    "“RUIZ: Let's start with the bridge. The council says it will stay closed until spring.\n\n"
    "“HARPER: Well, the council is wrong about that. The cables were replaced in June.\n\n"
    "“The inspectors signed off last week, and traffic can return on Monday.\n\n"
    "“(CROSSTALK.)\n\n"
    "“RUIZ: Do you really think the drivers will trust it?\n\n"
    "“HARPER: They will, because the engineers have tested every joint twice.\n\n"
    "“Follow the show on the radio every morning."
)


def test_each_turn_of_an_interview_transcript_is_its_speakers_claim(extract):
    turns = [c for c in extract(_TRANSCRIPT) if c.cue == ":"]
    by_speaker = [(c.speaker.mention, c.content.split(".")[0]) for c in turns]
    assert ("RUIZ", "Let's start with the bridge") in by_speaker
    assert ("HARPER", "They will, because the engineers have tested every joint twice") in by_speaker
    # A label names the person the article introduced earlier.
    assert turns[0].speaker.name == "Dana Ruiz"
    [first_answer] = [c for c in turns if c.content.startswith("Well, the council")]
    # The quoted paragraph after a turn continues it; the stage direction ends it.
    assert first_answer.content.endswith("traffic can return on Monday.")
    assert first_answer.claim_type == ClaimType.DIRECT


def test_the_last_turn_of_a_transcript_does_not_take_the_quoted_paragraph_after_it(extract):
    [last] = [c for c in extract(_TRANSCRIPT) if c.content.startswith("They will")]
    assert last.content.endswith("every joint twice.")


def test_a_repeated_label_without_a_second_speaker_is_no_transcript(extract):
    text = (
        "RELATED: City to review every bridge after the cable scare\n\n"
        "The council met on Tuesday to discuss the repairs.\n\n"
        "RELATED: Harper wins a second term as mayor of the city"
    )
    assert [c for c in extract(text) if c.cue == ":"] == []


def test_a_refusal_of_two_alternatives_keeps_both_even_when_the_parser_splits_them(extract):
    text = "The mayor refused to fire the chief or even formally declare him negligent."
    [claim] = _by_cue(extract(text), "refuse")
    assert claim.content == "to fire the chief or even formally declare him negligent"
