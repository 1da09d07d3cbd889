"""A name after a title with "of" stays whole, and a role is a short readable phrase."""

from __future__ import annotations


def test_a_name_after_a_title_with_of_keeps_its_given_name(extract):
    (claim,) = extract("Former Secretary of State Ana Ruiz said the treaty was dead.")
    assert claim.speaker.name == "Ana Ruiz"
    assert claim.speaker.role == "Former Secretary of State"


def test_a_role_leaves_out_the_clause_about_the_person(extract):
    (claim,) = extract(
        "Tomas Lind, a researcher at the Baltic Fisheries Institute who has studied cod stocks "
        "for two decades, said the quota was too high."
    )
    assert claim.speaker.role == "researcher at the Baltic Fisheries Institute"
    assert "who has studied" in claim.speaker.mention


def test_a_role_too_long_to_read_keeps_whole_modifiers_only(extract):
    (claim,) = extract(
        "Greta Holm, an associate professor of marine biology at the Royal Institute of Technology "
        "in Stockholm, said the reef was recovering."
    )
    role = claim.speaker.role
    assert role.startswith("associate professor of marine biology")
    assert len(role.split()) <= 12
    assert not role.endswith((" of", " at", " in", " the"))
