"""Bad and extreme input: empty, not text, HTML and control characters, very long text."""

from __future__ import annotations

import pytest

from claims.nlp.clean import chunks, scrub
from claims.nlp.extract import extract_claims, extract_claims_many
from claims.nlp.types import ExtractionError


@pytest.mark.parametrize("text", ["", "   \n\n\t ", "...", "\x00\x01\x02"])
def test_it_returns_no_claims_for_text_without_sentences(extract, text):
    assert extract(text) == []


def test_it_raises_a_clear_error_for_input_that_is_not_text(nlp):
    with pytest.raises(ExtractionError, match="expected str"):
        extract_claims(b"The mayor said the bridge was safe.", nlp=nlp)  # type: ignore[arg-type]


def test_it_keeps_offsets_into_the_original_text_when_html_and_control_chars_are_left_in(extract):
    text = "<p>Intro\x07 text.</p>\n<p>The <b>mayor</b> said the bridge was\x0b safe.</p>"
    [claim] = extract(text)  # the fixture checks text[start:end] == content
    assert claim.content.startswith("the bridge was")
    assert "<" not in claim.speaker.name


def test_scrubbing_never_changes_the_length():
    text = "<div class='x'>Hi\x00 there</div>{ads}\r\nok"
    assert len(scrub(text)) == len(text)


def test_it_splits_an_overlong_paragraph_into_bounded_chunks():
    text = "The mayor said the bridge was safe. " * 2000
    pieces = list(chunks(text, 0, len(text), limit=5_000))
    assert all(end - start <= 5_000 for start, end in pieces)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert "".join(text[s:e] for s, e in pieces).replace(" ", "") == text.replace(" ", "")


def test_it_handles_a_paragraph_longer_than_the_models_max_length(nlp):
    text = "The mayor said the bridge was safe. " * 400  # ~14,000 characters, one paragraph
    saved = nlp.max_length
    nlp.max_length = 12_000  # force what a 200,000-word article does at the default limit
    try:
        claims = extract_claims(text, nlp=nlp)
    finally:
        nlp.max_length = saved
    assert len(claims) == 400
    assert all(text[c.content_start : c.content_end] == "the bridge was safe" for c in claims)


def test_it_yields_one_result_per_text_in_order(nlp):
    texts = ["The mayor said the bridge was safe.", "", "Grain exports will rise, the ministry said."]
    results = list(extract_claims_many(texts, nlp=nlp, batch_size=2))
    assert [len(r) for r in results] == [1, 0, 1]
    assert results[2][0].speaker.name == "ministry"
