"""claims.nlp.quote_diff: quotations compared word by word (no database)."""

from __future__ import annotations

from claims.nlp.quote_diff import (
    compare_quotes,
    names_may_be_one,
    quote_shingles,
    quote_tokens,
    quote_words,
    quoted_parts,
)

QUOTE = "We cannot ask families to drive over a bridge our own engineers no longer trust"


def test_words_ignore_case_punctuation_and_curly_apostrophes():
    assert quote_words("“It’s over,” she said!") == ["it's", "over", "she", "said"]


def test_two_quotations_sharing_words_share_shingles():
    a, b = quote_shingles(quote_words(QUOTE)), quote_shingles(quote_words("engineers no longer trust"))
    assert set(b) <= set(a)
    assert len(a) == len(quote_words(QUOTE)) - 2


def test_two_replaced_words_are_two_changes_and_named():
    comparison = compare_quotes(
        quote_tokens(QUOTE), quote_tokens(QUOTE.replace("over", "across").replace("trust", "believe"))
    )
    assert comparison.changed_words == 2
    assert comparison.summary() == "2 words changed: “over” → “across”; “trust” → “believe”"


def test_an_excerpt_is_no_change():
    comparison = compare_quotes(quote_tokens(QUOTE), quote_tokens("drive over a bridge our own engineers"))
    assert (comparison.changed_words, comparison.matched_share) == (0, 1.0)
    assert [op.tag for op in comparison.ops] == ["trim", "equal", "trim"]


def test_an_added_word_inside_is_a_change():
    comparison = compare_quotes(quote_tokens(QUOTE), quote_tokens(QUOTE.replace("a bridge", "a crumbling bridge")))
    assert comparison.changed_words == 1
    assert comparison.summary() == "1 word changed: +“crumbling”"


def test_a_mixed_claims_quoted_parts_are_what_is_compared():
    assert (
        quoted_parts('the mayor called it “painful but unavoidable” and "the only way"')
        == "painful but unavoidable … the only way"
    )


def test_a_surname_and_a_full_name_may_be_one_speaker_but_two_names_are_not():
    assert names_may_be_one("Helen Okafor", "Okafor")
    assert not names_may_be_one("Helen Okafor", "Tomasz Brandt")
