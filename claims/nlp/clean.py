"""Text cleaning and chunking that never moves a character.

Every function here keeps offsets: cleaning replaces unwanted characters with spaces of the
same length, and chunks are ``(start, end)`` slices of the text. So a span found in a chunk
maps back to the original text by adding the chunk's start, with no offset table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# spaCy's default max_length is 1,000,000 characters; parse memory grows with doc length, so
# paragraphs are cut far below it. 10,000 characters is ~1,700 words, longer than any real one.
MAX_CHUNK_CHARS = 10_000

_HTML_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]{0,500}>", re.DOTALL)
_TEMPLATE_MARKER = re.compile(r"\{/?[A-Za-z_]{1,30}\}")  # CMS ad slots such as "{ads}"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2028\u2029\ufeff]")
_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+")

# Whole paragraphs that are page furniture, never reporting. Anchored: a sentence that merely
# mentions a newsletter is still news.
_BOILERPLATE = re.compile(
    r"""^\s*(?:
        sign\ up\b | subscribe\b | related(?:\ news|\ stories|\ articles)?\s*(?::|$) |
        related: | read\ more\b | click\ here\b | follow\ (?:us|\w+\ on)\b |
        contact\ the\ (?:writer|author|reporter)\b | \(?(?:photo|image|video)\s*(?::|/|credit) |
        \[video | story\ highlights\s*$ | advertisement\s*$ | share\ this\b |
        copyright\b | ©
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_CONTRIBUTION = re.compile(
    r"\b(?:contributed\ to\ this\ report|contributed\ reporting|reporting\ by|editing\ by)\b",
    re.IGNORECASE | re.VERBOSE,
)
# Photo captions: position markers and agency credits rather than attributions.
_CAPTION = re.compile(
    r"\((?:left|right|center|centre|top|bottom|L|R)\)|(?:^|\s)/\s*(?:AP|AFP|Reuters|Getty)"
    r"|\b(?:Getty Images|AP Photo|Photograph:)",
)


def scrub(text: str) -> str:
    """Blank out HTML tags, CMS markers and control characters, keeping every offset."""
    text = text.replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    for pattern in (_HTML_TAG, _TEMPLATE_MARKER):
        text = pattern.sub(lambda m: _blank(m.group()), text)
    return text


def _blank(fragment: str) -> str:
    # Newlines inside a tag stay newlines so paragraph boundaries survive.
    return re.sub(r"[^\n]", " ", fragment)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each non-blank line, stripped of surrounding spaces."""
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield start, end


def chunks(text: str, start: int, end: int, limit: int = MAX_CHUNK_CHARS) -> Iterator[tuple[int, int]]:
    """Split ``text[start:end]`` into pieces of at most ``limit`` chars, at sentence ends if possible."""
    while end - start > limit:
        cut = _cut_point(text, start, start + limit)
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def _cut_point(text: str, start: int, stop: int) -> int:
    ends = [m.start() for m in _SENTENCE_END.finditer(text, start, stop)]
    if ends and ends[-1] > start + (stop - start) // 2:
        return ends[-1]
    space = text.rfind(" ", start + 1, stop)
    return space if space > start else stop


def is_furniture(paragraph: str) -> bool:
    """True for boilerplate and photo captions, which never carry an attributed claim."""
    if _BOILERPLATE.search(paragraph) or _CONTRIBUTION.search(paragraph):
        return True
    return bool(_CAPTION.search(paragraph)) and len(paragraph) < 400
