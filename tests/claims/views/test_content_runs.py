"""A claim's content placed in the article body: one run, or each part of a split quote."""

from claims.highlight import content_runs, find_cue

BODY = "“The pier is closed,” said Ines Varga, the harbor master. “Boats must anchor outside.”"
START, END = 1, BODY.index("outside.") + len("outside.")


def test_content_that_is_its_run_is_one_run():
    assert content_runs(BODY, START, END, BODY[START:END]) == [(START, END)]


def test_a_split_quote_is_marked_part_by_part_without_its_attribution():
    runs = content_runs(BODY, START, END, "The pier is closed \u2026 Boats must anchor outside.")
    assert [BODY[a:b] for a, b in runs] == ["The pier is closed", "Boats must anchor outside."]


def test_content_an_analyst_rewrote_is_shown_as_the_whole_run():
    assert content_runs(BODY, START, END, "The pier is shut \u2026 boats wait") == [(START, END)]
    assert content_runs(BODY, START, END, "The pier is closed for now") == [(START, END)]


def test_the_cue_between_the_parts_of_a_split_quote_is_found():
    runs = content_runs(BODY, START, END, "The pier is closed \u2026 Boats must anchor outside.")
    assert find_cue(BODY, "said", avoid=runs, near=BODY.index("Ines")) == (22, 26)
