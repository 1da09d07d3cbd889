"""Highlighting from offsets: every slice escaped, then wrapped; overlaps stay valid HTML."""

from claims.highlight import Span, find_cue, highlight


def test_text_is_escaped_inside_and_outside_marks():
    text = "<b>x</b> said <script>y</script>"
    html = highlight(text, [Span(14, len(text))])
    assert html == "&lt;b&gt;x&lt;/b&gt; said <mark>&lt;script&gt;y&lt;/script&gt;</mark>"


def test_attribute_values_are_escaped():
    html = highlight("abc", [Span(0, 3, "a", {"title": '"><script>'})])
    assert html == '<a title="&quot;&gt;&lt;script&gt;">abc</a>'


def test_overlapping_spans_become_flat_segments_marked_by_the_innermost():
    html = highlight("0123456789", [Span(0, 9, attrs={"class": "outer"}), Span(3, 6, attrs={"class": "inner"})])
    assert html == '<mark class="outer">012</mark><mark class="inner">345</mark><mark class="outer">678</mark>9'


def test_offsets_outside_the_text_are_clipped_and_empty_spans_ignored():
    html = highlight("hello", [Span(3, 99), Span(4, 4), Span(7, 2)], offset=0)
    assert html == "hel<mark>lo</mark>"


def test_an_offset_shifts_article_positions_into_the_excerpt():
    html = highlight("world", [Span(100, 103, anchor="claim-1")], offset=100)
    assert html == '<span class="anchor" id="claim-1"></span><mark>wor</mark>ld'


def test_the_cue_is_found_outside_the_content_nearest_the_speaker():
    sentence = "He said that she said so, Otto said."
    content = (13, 24)  # "she said so"
    assert find_cue(sentence, "said", avoid=[content], near=26) == (31, 35)
    assert find_cue(sentence, "said", avoid=[content], near=0) == (3, 7)
    assert find_cue(sentence, "", avoid=[content], near=0) is None
