"""Speaker name keys: how two spellings of one speaker come to the same row."""

from __future__ import annotations

import re
import unicodedata

# Words that change how many or which, not who: "two U.S. officials" and "U.S. officials" are one group.
_LEADING_NOISE = re.compile(
    r"^(?:(?:the|a|an|some|several|many|other|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)+",
)
_PUNCT = re.compile(r"[^\w\s'-]")
# Pronouns and quantifiers that stand for someone without naming them: "he", "those", "anyone",
# "some of them". Closed-class words, not a lexicon: a key of these alone names no one.
_STAND_INS = frozenset(
    """i me we us you he him she her it they them one ones this that these those who whom whose
    which what anyone anybody someone somebody everyone everybody nobody no none nothing something
    everything anything each either neither both all most few others another of himself herself
    itself themselves myself ourselves yourself yourselves""".split()
)
# Where the name in a source phrase ends: "Jon Smyth, a port spokesman" / "Jon Smyth (D-Wis.)".
_AFTER_NAME = re.compile(r"\s*(?:[,(\u2014\u2013]|--)")


def normalize_speaker_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "U.S. Officials" → "us officials"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace(".", "").casefold()
    text = _PUNCT.sub(" ", text)
    text = " ".join(text.split())
    text = re.sub(r"'s$", "", text)
    return _LEADING_NOISE.sub("", text + " ").strip()[:300]  # the key columns' length


def names_no_one(name: str) -> bool:
    """The name is only a pronoun or a quantifier ("He", "Those", "anyone", "some of them"): the
    extractor could not tell who it stands for, so it identifies no one, here or across articles."""
    key = normalize_speaker_name(name)
    return bool(key) and all(word in _STAND_INS for word in key.split())


def is_full_name(name: str) -> bool:
    """A name of two or more words can identify a speaker across articles; a lone surname cannot."""
    return len(normalize_speaker_name(name).split()) >= 2


def mention_name_key(mention: str) -> str:
    """The name key of a source phrase as written: its leading name, without the appositive or
    clause that follows it ("Jon Smyth, a spokesman who …" → "jon smyth")."""
    return normalize_speaker_name(_AFTER_NAME.split(mention, maxsplit=1)[0])


def without_middle_initials(key: str) -> str:
    """A name key without its one-letter middle words: "donald j trump" → "donald trump"."""
    words = key.split()
    if len(words) < 3:
        return key
    return " ".join([words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]])


def with_middle_initials_pattern(key: str) -> str | None:
    """A regular expression for the key with one or more middle initials after its first word
    ("donald trump" → names such as "donald j trump"), or None for a key that has initials already
    or is no first-and-last name."""
    words = key.split()
    if len(words) < 2 or without_middle_initials(key) != key or any(len(w) < 2 for w in words):
        return None
    return "^" + re.escape(words[0]) + "( [a-z])+ " + re.escape(" ".join(words[1:])) + "$"
