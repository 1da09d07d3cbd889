"""A reporting verb the tagger took for a plural noun ("But Okafor claims that …" tagged like
"the claims"), read as the verb it is when the parser gave it a subject and a that-clause."""

from __future__ import annotations

from spacy.tokens import Doc

from claims.nlp.cues import build_matcher, find_cues


def _parsed(nlp, words, tags, pos, deps, heads, lemmas) -> Doc:
    # The tagger's mistake is not reproducible on demand, so the parse is given as it comes.
    return Doc(nlp.vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas)


def test_a_verb_tagged_as_a_noun_with_a_subject_and_a_clause_reports(nlp):
    doc = _parsed(
        nlp,
        words=["But", "Okafor", "claims", "that", "the", "ferry", "is", "safe", "."],
        tags=["CC", "NNP", "NNS", "IN", "DT", "NN", "VBZ", "JJ", "."],
        pos=["CCONJ", "PROPN", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT"],
        deps=["cc", "nsubj", "ROOT", "mark", "det", "nsubj", "ccomp", "acomp", "punct"],
        heads=[2, 2, 2, 6, 5, 6, 2, 6, 2],
        lemmas=["but", "Okafor", "claim", "that", "the", "ferry", "be", "safe", "."],
    )
    [cue] = [c for c in find_cues(doc, build_matcher(nlp)) if c.lemma == "claim"]
    assert cue.kind == "verb"
    assert cue.speaker.text == "Okafor"
    assert doc[cue.content[0] : cue.content[1]].text == "the ferry is safe"


def test_a_plural_noun_without_a_subject_of_its_own_stays_a_noun(nlp):
    doc = _parsed(
        nlp,
        words=["Her", "claims", "that", "the", "ferry", "is", "safe", "were", "false", "."],
        tags=["PRP$", "NNS", "IN", "DT", "NN", "VBZ", "JJ", "VBD", "JJ", "."],
        pos=["PRON", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "AUX", "ADJ", "PUNCT"],
        deps=["poss", "nsubj", "mark", "det", "nsubj", "acl", "acomp", "ROOT", "acomp", "punct"],
        heads=[1, 7, 5, 4, 5, 1, 5, 7, 7, 7],
        lemmas=["her", "claim", "that", "the", "ferry", "be", "safe", "be", "false", "."],
    )
    cues = [c for c in find_cues(doc, build_matcher(nlp)) if c.lemma == "claim"]
    assert [c.kind for c in cues] == ["noun"]
    assert cues[0].speaker.text == "Her"
