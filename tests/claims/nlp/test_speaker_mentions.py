"""The speaker mention is the source as written at the claim; the name stays the resolved name."""

from __future__ import annotations

import pytest

from claims.nlp.speakers import _MAX_MENTION_TOKENS


def test_the_mention_keeps_an_appositive_and_its_relative_clause(extract):
    [claim] = extract(
        "Marta Kovac, a hydrologist at the Danube Research Centre who once advised the river commission, "
        "said the levees would hold."
    )
    assert claim.speaker.name == "Marta Kovac"
    assert claim.speaker.mention == (
        "Marta Kovac, a hydrologist at the Danube Research Centre who once advised the river commission"
    )


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        (
            "Several nurses involved in the walkout said that wards were understaffed.",
            "Several nurses involved in the walkout",
            "Several nurses",
        ),
        (
            "Landlords that had rented rooms to festival visitors complained that the council kept their deposits.",
            "Landlords that had rented rooms to festival visitors",
            "Landlords",
        ),
        (
            "A report that appeared in a veterinary journal found that the vaccine protected most calves.",
            "A report that appeared in a veterinary journal",
            "report",
        ),
    ],
)
def test_the_mention_keeps_restrictive_participles_and_relative_clauses(extract, text, mention, name):
    [claim] = extract(text)
    assert claim.speaker.mention == mention
    assert claim.speaker.name == name


def test_the_mention_holds_every_coordinated_source(extract):
    [claim] = extract("Lena Ortiz and Paul Brandt argued that the toll would hurt commuters.")
    assert claim.speaker.mention == "Lena Ortiz and Paul Brandt"


def test_a_pronoun_is_the_mention_and_the_person_it_stands_for_the_name(extract):
    [claim] = extract("Governor Ed Malloy toured the dam on Monday. He said the spillway was safe.")
    assert claim.speaker.mention == "He"
    assert claim.speaker.name == "Ed Malloy"


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Lin, speaking at a rally on Sunday, said the bridge would reopen.",
        "Ivan Petrov, when asked about the pipeline, said the talks had failed.",
    ],
)
def test_a_clause_set_off_by_commas_that_tells_what_the_speaker_did_is_not_in_the_mention(extract, text):
    [claim] = extract(text)
    assert "," not in claim.speaker.mention
    assert claim.speaker.mention in {"Mayor Lin", "Ivan Petrov"}


def test_a_modifier_hung_on_the_speaker_from_across_the_cue_is_not_in_the_mention(extract):
    claims = extract(
        "A group representing nurses endorsed the mayor for re-election on Friday, "
        "another sign of labor throwing its weight behind him."
    )
    assert [c.speaker.mention for c in claims] == ["A group representing nurses"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Mr. Cole, whose narrow finish in the primary was seen as a disappointment, said he would stay in the race.",
            "Mr. Cole, whose narrow finish in the primary was seen as a disappointment",
        ),
        (
            "Traders at the exchange, where most of the grain contracts are settled, said prices would fall.",
            "Traders at the exchange, where most of the grain contracts are settled",
        ),
    ],
)
def test_a_relative_clause_set_off_by_commas_is_in_the_mention_whatever_its_relative_word(extract, text, mention):
    [claim] = extract(text)
    assert claim.speaker.mention == mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "The survey, conducted by the Policy Institute of Oregon, found that the mayor had a small lead.",
            "The survey, conducted by the Policy Institute of Oregon",
        ),
        (
            "The aides, led by campaign manager Tom Sullivan, told donors that the race was close.",
            "The aides, led by campaign manager Tom Sullivan",
        ),
    ],
)
def test_a_set_off_participle_naming_who_made_or_runs_the_source_is_in_the_mention(extract, text, mention):
    [claim] = extract(text)
    assert claim.speaker.mention == mention


def test_the_others_a_group_includes_are_in_the_mention(extract):
    [claim] = extract("Most governors, including Governor Ana Ruiz of Ohio, have said the tariffs hurt farmers.")
    assert claim.speaker.mention == "Most governors, including Governor Ana Ruiz of Ohio"
    assert claim.speaker.name == "Most governors"


def test_a_source_phrase_of_two_clauses_about_the_speaker_is_whole(extract):
    # 36 tokens: a name, a role and two relative clauses, as news writes its sources.
    [claim] = extract(
        "Hugo Lindqvist, a professor of economics at the Stockholm School of Economics who has written three "
        "books on housing markets and who advised the central bank on its mortgage rules for a decade, said "
        "prices would fall."
    )
    assert claim.speaker.mention.endswith("who advised the central bank on its mortgage rules for a decade")


def test_a_long_source_phrase_is_cut_at_a_modifier_boundary(extract):
    text = (
        "Hugo Lindqvist, a professor of economics at the Stockholm School of Economics and the author of a "
        "widely read newsletter on Nordic housing markets, credit, mortgages, pensions, savings, interest "
        "rates, building permits, rents, land prices, construction costs and the rental sector in the "
        "suburbs of the capital and of the other large cities of the country, said prices would fall."
    )
    [claim] = extract(text)
    mention = claim.speaker.mention
    assert mention.startswith("Hugo Lindqvist, a professor of economics")
    assert len(mention.split()) < _MAX_MENTION_TOKENS
    assert mention.split()[-1] not in {"and", "or"} and not mention.endswith(",")
    assert claim.speaker.end <= text.index(" said prices")
    assert claim.speaker.name == "Hugo Lindqvist"
