"""Direct quotations: where the attribution sits, split and continued quotes, quote marks."""

from __future__ import annotations

from claims.nlp.types import ClaimType


def _direct(claims):
    return [c for c in claims if c.claim_type == ClaimType.DIRECT]


def test_it_attributes_a_quote_to_the_speaker_after_it(extract):
    [claim] = _direct(extract("“The bridge will reopen in May,” said Mayor Linda Harper."))
    assert claim.content == "The bridge will reopen in May"
    assert claim.speaker.name == "Linda Harper"
    assert claim.speaker.role == "Mayor"


def test_it_attributes_a_quote_to_the_speaker_before_it(extract):
    [claim] = _direct(extract('Linda Harper told reporters, "The bridge will reopen in May."'))
    assert claim.content.startswith("The bridge will reopen")
    assert claim.speaker.name == "Linda Harper"
    assert claim.cue_lemma == "tell"


def test_it_attributes_a_split_quote_to_the_speaker_after_it(extract):
    text = "“The repairs are finished,” Harper said. “Traffic can return next week.”"
    [claim] = _direct(extract(text))
    assert claim.speaker.name == "Harper"
    assert claim.content.startswith("The repairs are finished")
    assert claim.content.endswith("Traffic can return next week.")


def test_it_continues_a_quote_left_open_at_a_paragraph_end(extract):
    text = (
        "“The first phase is done,” Linda Harper said. “We tested every cable.\n\n"
        "“The second phase starts in June and ends in August.”"
    )
    claims = _direct(extract(text))
    assert len(claims) == 1
    assert "second phase starts in June" in claims[0].content
    assert "august" in claims[0].terms  # terms of the continuation paragraph count too


def test_it_takes_the_attribution_from_the_sentence_after_the_quote(extract):
    [claim] = _direct(extract("The council met on Monday. “We will not raise fares this year.” Harper said."))
    assert claim.content.startswith("We will not raise fares")
    assert claim.speaker.name == "Harper"


def test_it_takes_the_attribution_from_a_colon_in_the_previous_paragraph(extract):
    text = "Linda Harper, the mayor, spoke on Monday:\n\n“The budget is gone and we must borrow.”"
    [claim] = _direct(extract(text))
    assert claim.speaker.name == "Linda Harper"
    assert claim.content.startswith("The budget is gone")


def test_it_keeps_a_nested_quote_inside_the_outer_quote(extract):
    text = "“When he told me ‘the money is gone,’ I did not believe him,” said Linda Harper."
    [claim] = _direct(extract(text))
    assert "‘the money is gone,’" in claim.content
    assert claim.speaker.name == "Linda Harper"


def test_it_reads_straight_quote_marks_like_curly_ones(extract):
    straight = _direct(extract('"The pool will close for repairs," said Tom Baker, the parks director.'))
    curly = _direct(extract("“The pool will close for repairs,” said Tom Baker, the parks director."))
    assert [c.content for c in straight] == [c.content for c in curly] == ["The pool will close for repairs"]
    assert straight[0].speaker.role == "parks director"


def test_it_does_not_treat_a_short_scare_quote_as_a_claim(extract):
    claims = extract("The plan was described as a “pause” in the effort.")
    assert _direct(claims) == []


def test_a_quote_inside_a_reported_clause_is_one_mixed_claim_not_a_direct_one(extract):
    text = "The mayor said she wanted to talk “directly to commuters” and let them know that “the ferry is safe.”"
    [claim] = extract(text)
    assert claim.claim_type == ClaimType.MIXED
    assert claim.speaker.name == "mayor"
    assert claim.content.startswith("she wanted to talk")


def test_it_reads_a_third_persons_report_inside_a_long_quoted_excerpt(extract):
    text = (
        "The Gazette reported:\n\n"
        "“The meeting ran late into the night and the hall was full of residents from both sides of the river, "
        "many of whom had waited for hours to be heard by the board about the new ferry timetable. "
        "Maria Lopez said the new timetable would leave the night shift stranded on the wrong bank. "
        "Others nodded, and some of them had come with handwritten signs and petitions signed by "
        "neighbours who could not attend the meeting themselves. The chairman listened to every one of them, "
        "took notes on a yellow pad and promised another hearing before the summer timetable is printed.”"
    )
    claims = extract(text)
    nested = [c for c in claims if c.speaker and c.speaker.name == "Maria Lopez"]
    assert [c.content for c in nested] == ["the new timetable would leave the night shift stranded on the wrong bank"]


def test_it_does_not_split_the_quoted_speakers_own_beliefs_out_of_a_quote(extract):
    text = (
        "“We believe the ferry is safe, and we think that every inspection in the last ten years has shown it, "
        "from the hull to the engines, the cables, the ramps and the lifeboats, which we replaced last spring "
        "after the board asked us to, and the crew training too, which is now done twice a year. The ferry has "
        "carried commuters across the river every morning for forty years, through floods, strikes and two fires, "
        "and it has never once lost a passenger or a car on the way over, not in all the years that "
        "my father and I have run it together,” said Tom Baker."
    )
    claims = extract(text)
    assert len(text.split()) > 100  # long enough to count as an excerpt
    assert [c.speaker.name for c in claims] == ["Tom Baker"]


def test_it_joins_a_split_quote_even_when_the_first_part_holds_whole_sentences(extract):
    text = "“The repairs are finished. The cables are new,” Harper said. “Traffic can return next week.”"
    [claim] = _direct(extract(text))
    assert claim.content == "The repairs are finished. The cables are new … Traffic can return next week."
    assert claim.speaker.name == "Harper"


def test_it_credits_the_quote_to_the_subject_of_said_not_a_name_inside_it(extract):
    # The parser also takes "My reaction" inside the quote as a subject of "said".
    [claim] = extract("“My reaction, that was outrageous,” Harper's former deputy said in an interview.")
    assert claim.speaker.name == "Harper's former deputy"
    assert claim.content.startswith("My reaction, that was outrageous")


def test_a_quote_is_not_given_to_someone_who_did_not_respond(extract):
    claims = extract(
        "Varga calls for a toll on the bridge, “to make drivers pay for the road they use.” "
        "Her office did not respond to requests for comment."
    )
    assert not [c for c in claims if c.cue == "respond"]
    assert {c.speaker.name for c in claims} == {"Varga"}


def test_a_split_quote_steps_over_a_programme_title_in_its_attribution(extract):
    text = (
        '"The harbour must be dredged before winter," Harper said on Channel Four\'s "Morning Watch with Ann Lee." '
        '"And the ferry will keep running until then."'
    )
    [claim] = _direct(extract(text))
    assert claim.content.startswith("The harbour must be dredged")
    assert claim.content.endswith("And the ferry will keep running until then.")
    assert "Morning Watch" not in claim.content


def test_a_split_quote_joins_where_the_parser_starts_the_attribution_inside_the_first_part(extract):
    text = (
        "The trader spoke about the port.\n\n"
        "“She is moving a bit to the left and I think that’s fine, and people who give understand that,” "
        "Lasry told the Harbour Gazette in May. “Obviously, some people have some issues. I think most of them won’t.”"
    )
    [claim] = _direct(extract(text))
    assert claim.speaker.name == "Lasry"
    assert claim.content.endswith("I think most of them won’t.")


def test_a_quote_whose_opening_mark_the_parser_left_in_the_sentence_before_continues_the_speaker(extract):
    text = (
        "He was freed in 1986.\n\n"
        "''If the president had waited, I would have been sitting in prison for a long time,'' Mr. Dalton, "
        "now 81 and retired in Cambridge, Mass., said by telephone this week. "
        "''I've got to tell you about being arrested, every minute is like a day.''"
    )
    claims = _direct(extract(text))
    assert [c.content for c in claims] == [
        "If the president had waited, I would have been sitting in prison for a long time",
        "I've got to tell you about being arrested, every minute is like a day.",
    ]
    assert {c.speaker.name for c in claims} == {"Dalton"}


def test_a_quote_after_a_colon_is_said_by_the_subject_of_the_clause_before_it(extract):
    text = (
        "The senator spoke on Monday.\n\n"
        'Senate Majority Leader Tom Reed delivered a blunt message to the mayor: "It\'s time to quit attacking '
        'people and get on message."'
    )
    [claim] = _direct(extract(text))
    assert claim.speaker.name == "Tom Reed"
    assert claim.cue == "delivered"
    assert claim.content == "It's time to quit attacking people and get on message."


def test_a_quote_after_a_colon_is_no_claim_when_the_clause_before_has_no_one_to_say_it(extract):
    text = 'The shop closed in May.\n\nThe sign on the door read: "Closed until further notice for repairs to the roof."'
    assert _direct(extract(text)) == []


def test_a_name_alone_before_a_colon_labels_the_quote_after_it(extract):
    text = (
        "Jeb Bush and Hillary Clinton, among others, reject the term containment.\n\n"
        'Clinton: "Our goal is not to deter or contain the militants, but to defeat and destroy them."'
    )
    [claim] = _direct(extract(text))
    assert claim.speaker.name == "Hillary Clinton"
    assert claim.speaker.mention == "Clinton"
    assert claim.content.startswith("Our goal is not to deter")


def test_a_quote_ending_its_sentence_is_not_said_through_the_next_sentences_own_report(extract):
    # "pledged" in the next sentence reports its own clause, not the quotation before it.
    text = (
        'The mayor mocked the governor, who she noted was "in his last month in office, thankfully." '
        'She pledged to move the city archive to the "old customs house on the harbour front."'
    )
    claims = _direct(extract(text))
    assert not any("last month in office" in c.content for c in claims if c.cue == "pledged")
    assert not any("…" in c.content for c in claims)


def test_a_quotation_paragraph_after_a_quote_closed_by_its_attribution_joins_that_claim(extract):
    text = (
        "The senator spoke after the vote.\n\n"
        "“Let us be clear. The economy is not working for most people,” she said.\n\n"
        "“But we do not need change based on fear.”"
    )
    [claim] = _direct(extract(text))
    assert claim.content == "Let us be clear. The economy is not working for most people … But we do not need change based on fear."
    assert claim.speaker.mention == "she"


def test_a_quotation_paragraph_after_narrative_stays_a_claim_of_its_own(extract):
    text = (
        "“It was a long night,” the mayor said. The crowd went home after midnight.\n\n"
        "“We will be back here next year.”"
    )
    first, second = _direct(extract(text))
    assert first.content == "It was a long night"
    assert second.content == "We will be back here next year."
    assert first.speaker.name == second.speaker.name == "mayor"


def test_a_quotation_standing_alone_goes_on_with_the_attribution_of_the_sentence_before(extract):
    # The paragraph before ends with the pollster's claim; the analyst attributes the first quote.
    text = (
        "Polls show the mayor ahead by ten points in the next contest.\n\n"
        '"Many would call that a disappointment" if she won by less, said Ruth Okafor, an analyst. '
        '"And yet it would settle the race for the mayor once and for all."'
    )
    [claim] = [c for c in extract(text) if c.content.startswith("And yet")]
    assert claim.speaker.name == "Ruth Okafor"


def test_a_quotation_standing_alone_goes_on_with_the_sentences_own_speaker_not_the_one_it_cites(extract):
    text = (
        "The senator wrote to the delegates on Sunday.\n\n"
        "“I ask you not to protest on the floor,” Okafor said, according to the Gazette. "
        "“It is of the utmost importance that you explain this to your delegations.”"
    )
    [claim] = [c for c in extract(text) if c.content.startswith("It is of the utmost")]
    assert claim.speaker.name == "Okafor"
