"""Text normalisation and the content hash that makes ingestion idempotent."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata

from .types import IngestError, RawArticle

# C0/C1 control characters except tab and newline: they break parsers and templates alike.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
# What a terminal understands and a reader never sees: colour codes (CSI), titles (OSC), short escapes.
_ANSI_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
# C0 controls but tab, newline and carriage return, and DEL: PostgreSQL refuses NUL, nothing shows the rest.
_C0_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Halves of a UTF-16 pair on their own ("\ud800" in JSON): not text, and no database takes them.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Byte order marks, UTF-32 first: its little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, *, name: str, encoding: str | None = None) -> str:
    """Decode a file's bytes as text, refusing binary data rather than storing garbage.

    A UTF-16 or UTF-32 byte order mark decides the encoding; otherwise ``encoding`` (e.g. an
    HTTP charset) is tried first, then UTF-8 and Windows-1252. Terminal escape sequences do not
    count against the text (`strip_controls` removes them later); NUL bytes near the start do.
    """
    if not data.strip():
        raise IngestError("the file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_wide(data, codec)
    if b"\x00" in data[:8192]:
        raise IngestError("the file is binary, not text")
    for candidate in (encoding, "utf-8-sig", "cp1252"):
        if not candidate:
            continue
        try:
            text = data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(_ANSI_ESCAPE.sub("", text)):
            return text
    raise IngestError("the file is not readable text (unknown encoding)")


def _decode_wide(data: bytes, codec: str) -> str:
    try:
        text = data.decode(codec)  # the codec reads the mark's byte order and drops the mark
    except UnicodeDecodeError as exc:
        raise IngestError(f"the file starts with a {codec.upper()} byte order mark but is not {codec.upper()}") from exc
    if not text.strip():
        raise IngestError("the file is empty")
    return text


def strip_controls(text: str) -> tuple[str, str]:
    """``text`` without terminal escapes and control characters (tab and newlines stay), and a note of what went.

    The note is empty when nothing was removed.
    """
    text, escapes = _ANSI_ESCAPE.subn("", text)
    nuls = text.count("\x00")
    text, controls = _C0_CONTROL.subn("", text)
    text, surrogates = _LONE_SURROGATE.subn("", text)
    removed = [
        f"{count} {what}"
        for count, what in (
            (escapes, "terminal escape sequence(s)"),
            (nuls, "NUL character(s)"),
            (controls - nuls, "other control character(s)"),
            (surrogates, "unpaired surrogate(s)"),
        )
        if count
    ]
    return text, ("removed " + ", ".join(removed)) if removed else ""


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


def raw_article_cleaned(raw: RawArticle) -> RawArticle:
    """``raw`` with control characters gone from every text field; what left the body is noted."""
    text, note = strip_controls(raw.text)
    changes = {
        field: strip_controls(value)[0]
        for field, value in vars(raw).items()
        if isinstance(value, str) and field not in ("text", "notes")
    }
    notes = "; ".join(n for n in (raw.notes, note) if n)
    return RawArticle(**{**vars(raw), **changes, "text": text, "notes": notes})
