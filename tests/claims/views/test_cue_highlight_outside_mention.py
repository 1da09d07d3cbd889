"""The cue highlight never lands on the cue word inside the speaker's own mention."""

from claims.highlight import find_cue


def test_the_cue_word_inside_a_long_mention_is_skipped():
    sentence = "The engineer who said last year the dam was safe said on Friday it is failing."
    mention = (0, 48)  # "The engineer who said last year the dam was safe"
    content = (64, 77)  # "it is failing"
    assert find_cue(sentence, "said", avoid=[content], near=0, mention=mention) == (49, 53)


def test_a_cue_before_the_mention_is_found_nearest_its_start():
    sentence = "It is failing, said the engineer who said last year the dam was safe."
    mention = (20, 68)  # "the engineer who said last year the dam was safe"
    content = (0, 13)  # "It is failing"
    assert find_cue(sentence, "said", avoid=[content], near=20, mention=mention) == (15, 19)
