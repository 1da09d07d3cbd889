"""The accurate (encoder) attribution tagger: how it reads a text in windows, how labels become
pieces and back, and that training on a few of our own sentences teaches it to find them."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.nlp.attribution.brat import CharSpan, read_corpus
from claims.nlp.attribution.encoder_tagger import (
    LABELS,
    EncoderTagger,
    TaggedSpan,
    TaggedText,
    spans_from_tags,
    windows,
)
from claims.nlp.attribution.encoder_training import TrainingSettings, gold_spans, piece_tags, train_encoder_tagger
from claims.nlp.attribution.tagger import attributions, combination_settings, get_tagger
from claims.nlp.extract import extract_claims
from claims.nlp.meaning import DEFAULT_MODEL, model_dir

CORPUS = Path(__file__).resolve().parents[3] / "fixtures" / "attribution"


@pytest.fixture(scope="module")
def tokenizer():
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(model_dir(DEFAULT_MODEL)), local_files_only=True)


@pytest.mark.parametrize("pieces", [1, 100, 254, 255, 700, 2_071])
def test_every_piece_is_read_from_exactly_one_window(pieces):
    read = []
    for start, end, keep_from, keep_to in windows(pieces, 254, 64):
        assert end - start <= 254
        read.extend(range(start + keep_from, start + keep_to))
    assert read == list(range(pieces))


def test_a_piece_is_read_away_from_its_windows_edge():
    # Beyond the first and last windows, no piece is read within a quarter-overlap of an edge.
    for start, end, keep_from, keep_to in windows(2_000, 254, 64)[1:-1]:
        assert keep_from >= 16 and end - start - keep_to >= 16


def test_annotated_spans_survive_the_trip_to_pieces_and_back(tokenizer):
    for _, text, spans in read_corpus(CORPUS):
        gold = gold_spans(text, spans)
        encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        tags = piece_tags(encoded["offset_mapping"], gold)
        for layer, label in enumerate(LABELS):
            assert spans_from_tags(tags[:, layer], encoded["offset_mapping"]) == gold[label]


def test_an_outer_content_keeps_the_attribution_nested_in_it():
    text = "Aides said the governor told donors the tax would go."

    def at(words: str, label: str) -> CharSpan:
        return CharSpan(text.index(words), text.index(words) + len(words), label)

    spans = [
        at("Aides", "SOURCE"),
        at("said", "CUE"),
        at("the governor told donors the tax would go.", "CONTENT"),
        at("the governor", "SOURCE"),
        at("told", "CUE"),
        at("the tax would go.", "CONTENT"),  # inside the outer content: one layer keeps the longer
    ]
    gold = gold_spans(text, spans)
    assert [text[a:b] for a, b in gold["SOURCE"]] == ["Aides", "the governor"]
    assert [text[a:b] for a, b in gold["CUE"]] == ["said", "told"]
    assert [text[a:b] for a, b in gold["CONTENT"]] == ["the governor told donors the tax would go."]


def test_an_inside_tag_with_no_begin_still_opens_a_span():
    offsets = [(0, 3), (4, 8), (9, 12)]
    assert spans_from_tags([0, 2, 2], offsets) == [(4, 12)]
    assert spans_from_tags([1, 1, 0], offsets) == [(0, 3), (4, 8)]


def test_training_on_our_own_sentences_teaches_it_to_tag_them(tmp_path, nlp):
    card = train_encoder_tagger(
        CORPUS,
        tmp_path,
        base_dir=model_dir(DEFAULT_MODEL),
        base_model=DEFAULT_MODEL,
        settings=TrainingSettings(epochs=25, learning_rate=1e-3, batch_size=4, warmup_share=0.0),
        log=lambda line: None,
    )
    before, after = card["held_out_by_epoch"][0]["f"], card["held_out"]["ALL"]["f"]
    assert after >= 0.6 > before
    assert (tmp_path / "weights.safetensors").stat().st_size < 30_000_000

    tagger = get_tagger(str(tmp_path))  # what ATTRIBUTION_MODEL=<folder> loads
    assert isinstance(tagger, EncoderTagger)
    _, text, _ = next(a for a in read_corpus(CORPUS) if a[0] == "farm")
    tagged = {(text[e.start_char : e.end_char], e.label_) for e in tagger.tag(text).ents}
    assert ("fear", "CUE") in tagged
    (claim,) = extract_claims(text, nlp=nlp, tagger=tagger)
    assert claim.content == "the dry summer will halve the wheat harvest"


def test_nested_tagged_attributions_each_keep_their_own_source_and_content(nlp):
    text = "Aides said the governor told donors that the new tax would go."

    def span(words: str, label: str) -> TaggedSpan:
        return TaggedSpan(text.index(words), text.index(words) + len(words), label)

    tagged = TaggedText(
        [
            span("Aides", "SOURCE"),
            span("said", "CUE"),
            span("the governor told donors that the new tax would go", "CONTENT"),
            span("the governor", "SOURCE"),
            span("told", "CUE"),
            span("the new tax would go", "CONTENT"),
        ]
    )
    found = attributions(nlp(text), tagged, combination_settings())
    assert [(a.source.text, a.cue.text, a.content.text) for a in found] == [
        ("Aides", "said", "the governor told donors that the new tax would go"),
        ("the governor", "told", "the new tax would go"),
    ]
