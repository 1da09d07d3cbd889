"""Speaker name keys: how two spellings of one speaker come to the same row."""

from __future__ import annotations

import re
import unicodedata

# Words that change how many or which, not who: "two U.S. officials" and "U.S. officials" are one group.
_LEADING_NOISE = re.compile(
    r"^(?:(?:the|a|an|some|several|many|other|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)+",
)
_PUNCT = re.compile(r"[^\w\s'-]")
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


def is_full_name(name: str) -> bool:
    """A name of two or more words can identify a speaker across articles; a lone surname cannot."""
    return len(normalize_speaker_name(name).split()) >= 2


def mention_name_key(mention: str) -> str:
    """The name key of a source phrase as written: its leading name, without the appositive or
    clause that follows it ("Jon Smyth, a spokesman who …" → "jon smyth")."""
    return normalize_speaker_name(_AFTER_NAME.split(mention, maxsplit=1)[0])
