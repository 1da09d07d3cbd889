"""A he/she opening a sentence stands for the person the sentence before is about: its main
clause's subject, or the subject of the clause it reports when it only passes news on."""

from __future__ import annotations


def _names(claims) -> list[tuple[str, str]]:
    return [(c.speaker.mention, c.speaker.name) for c in claims]


def test_a_reported_clause_subject_beats_the_journalist_reporting_it(extract):
    claims = extract(
        "Marek Dolan said the orchard would be sold.\n\n"
        "Oskar Lindqvist, who runs the ferry company, has criticised the port authority for weeks, "
        "Dana Pruitt of the Harbour Ledger first reported.\n\n"
        "He then suggested that the harbour should be closed."
    )
    assert _names(claims)[-1] == ("He", "Oskar Lindqvist")


def test_a_report_that_names_its_subject_first(extract):
    claims = extract(
        "Marek Dolan said the orchard would be sold.\n\n"
        "Dana Pruitt of the Harbour Ledger reported that Oskar Lindqvist had criticised the port "
        "authority for weeks.\n\n"
        "He then suggested that the harbour should be closed."
    )
    assert _names(claims)[-1] == ("He", "Oskar Lindqvist")


def test_the_subject_of_the_sentence_before_beats_an_earlier_speaker(extract):
    claims = extract(
        "Mr. Karel Novak said the bridge would open in May.\n\n"
        "In the spring, Tomas Brenner spent three weeks touring the northern districts.\n\n"
        "He said the roads there were in poor shape."
    )
    assert _names(claims)[-1] == ("He", "Tomas Brenner")


def test_the_subject_before_is_found_across_paragraphs(extract):
    claims = extract(
        "Ada Nyberg said the port was busy.\n\n"
        "Victor Hale spent the winter on the harbour wall.\n\n"
        "He said Nyberg had exaggerated."
    )
    assert _names(claims)[-1] == ("He", "Victor Hale")


def test_the_latest_speaker_stays_when_the_sentence_before_is_theirs(extract):
    claims = extract(
        "Jonas Ekberg said Tomas Lind had misled the board. He added that the vote should be held again."
    )
    assert _names(claims)[-1] == ("He", "Jonas Ekberg")


def test_a_subject_named_again_in_the_pronouns_sentence_is_someone_else(extract):
    claims = extract(
        "Ada Nyberg said the port was busy.\n\n"
        "Victor Hale spent the winter on the harbour wall.\n\n"
        "She said Hale had done good work."
    )
    assert _names(claims)[-1] == ("She", "Ada Nyberg")


def test_a_subject_inside_a_quotation_is_not_the_one_the_sentence_is_about(extract):
    claims = extract(
        "\u201cI admire Sen. Carl Bremer,\u201d Irena Sokol told the council, \u201cand I back his plan.\u201d "
        "She went on to praise the mayor."
    )
    assert _names(claims)[-1][1] == "Irena Sokol"


def test_a_pronoun_after_a_fronted_adverbial_still_opens_its_sentence(extract):
    claims = extract(
        "“The ferry will run all winter,” said Marek Dolan, an early supporter.\n\n"
        "Oskar Lindqvist tried to limit the damage on Monday. In his statement, he said the "
        "harbour would stay open."
    )
    assert _names(claims)[-1] == ("he", "Oskar Lindqvist")


def test_a_fronted_adverbial_that_names_someone_else_leaves_the_pronoun_to_the_latest_speaker(extract):
    claims = extract(
        "“The ferry will run all winter,” said Marek Dolan, an early supporter.\n\n"
        "Oskar Lindqvist tried to limit the damage on Monday. After meeting Dana Pruitt, he said the "
        "harbour would stay open."
    )
    assert _names(claims)[-1] == ("he", "Marek Dolan")


def test_an_opening_they_stands_for_the_plural_subject_of_the_sentence_before(extract):
    claims = extract(
        "“The ferry will run all winter,” said Marek Dolan, the harbour master.\n\n"
        "Dock workers in Vellmar are a tight-knit group who back each other up. They said the "
        "harbour should stay open."
    )
    assert _names(claims)[-1] == ("They", "Dock workers")


def test_an_opening_they_after_two_named_people_is_not_given_to_the_first(extract):
    claims = extract(
        "“The ferry will run all winter,” said Marek Dolan, the harbour master.\n\n"
        "Oskar Lindqvist and Dana Pruitt met on Monday. They said the harbour should stay open."
    )
    assert _names(claims)[-1][1] not in {"Oskar Lindqvist", "Dana Pruitt"}
