"""Text normalisation and the content hash that makes ingestion idempotent."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from .types import IngestError

# C0/C1 control characters except tab and newline: they break parsers and templates alike.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


def decode_bytes(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """Decode a file's bytes as text, refusing binary data rather than storing garbage.

    ``encoding`` (e.g. an HTTP charset) is tried first, then UTF-8 and Windows-1252.
    """
    if not data.strip():
        raise IngestError("the file is empty")
    if b"\x00" in data[:8192]:
        raise IngestError("the file is binary, not text")
    for candidate in (encoding, "utf-8-sig", "cp1252"):
        if not candidate:
            continue
        try:
            text = data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text):
            return text
    raise IngestError("the file is not readable text (unknown encoding)")


def _looks_like_text(text: str) -> bool:
    printable = sum(1 for ch in text[:20000] if ch.isprintable() or ch in "\n\r\t")
    return printable >= 0.95 * min(len(text), 20000)


def normalize_text(text: str) -> str:
    """NFC, one newline style, no control characters, no trailing spaces at line ends."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return _TRAILING_SPACE.sub("\n", text).strip()


def content_hash(text: str) -> str:
    """Hash of the text with whitespace folded, so re-saved copies of one article collide."""
    folded = " ".join(text.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
