"""A corpus of hostile and odd inputs, each with what ingesting it must give.

``write_folder`` lays the file cases out in a folder (plus what only a path can be: a pipe, links);
``EXPECTED_FILES`` says, per item name, the outcome and a piece of the reason. The same corpus
goes through the CLI, the API and the upload form (tests/pipeline/test_bad_input_corpus.py).
"""

from __future__ import annotations

import codecs
import json
import os
from dataclasses import dataclass
from pathlib import Path

# The limits the corpus is built against (the tests set them).
MAX_ARTICLE_BYTES = 200_000
MAX_ARTICLE_CHARS = 20_000

STORY = (
    "The harbour minister said on Tuesday that the talks on the new quay had failed. "
    '"We will not sign this agreement," said Anna Berg, the union leader. '
    "Officials at the port authority said the strike would go on until Friday."
)


def story(n: int) -> str:
    """A different article each time: the same sentences about a numbered quay."""
    return STORY.replace("the new quay", f"quay number {n}")


@dataclass(frozen=True)
class Expect:
    outcome: str  # created, duplicate or failed
    reason: str = ""  # a piece of the item's reason ("" for good items without a note)


def _jsonl(records: list[object | str]) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return "\n".join(lines).encode()


NUL_AFTER_8K = ("The minister said the talks failed.\n" * 300 + "x\x00y said it.\n").encode()
ANSI = "\x1b[1;31mALERT\x1b[0m " + story(5) + "\x1b]0;title\x07"

# File name -> bytes. Every file here can also be uploaded.
FILES: dict[str, bytes] = {
    "plain.txt": story(1).encode(),
    "nul_after_8k.txt": NUL_AFTER_8K,
    "utf16le.txt": codecs.BOM_UTF16_LE + story(2).encode("utf-16-le"),
    "utf16be.txt": codecs.BOM_UTF16_BE + story(3).encode("utf-16-be"),
    "utf32.txt": story(4).encode("utf-32"),  # Python writes the BOM
    "ansi.txt": ANSI.encode(),
    "crlf.txt": story(6).replace(". ", ".\r\n").encode(),
    "cp1252.txt": ("Caf\u00e9 owners said prices rose. " + story(7)).encode("cp1252"),
    "dateline.txt": ("ROTTERDAM, March 3 (Reuters) - " + story(8)).encode(),
    "bell_and_form_feed.txt": ("\x07" + story(9) + "\x0c").encode(),
    "plain_copy.txt": ("  " + story(1).replace(" ", "  ") + "\n").encode(),  # same text, other spaces
    "page.html": (
        f"<html><head><title>Quay talks</title></head><body><article><h1>Quay talks</h1>"
        f"<p>{story(10)}</p><p>{story(11)}</p></article></body></html>"
    ).encode(),
    "empty.txt": b"",
    "blank.txt": b" \n\t\n ",
    "binary.txt": bytes(range(256)) * 8,
    "unknown_encoding.txt": b"Caf\xe9 au lait, \x81\x8d \x01\x02" * 50,
    "bad_utf16.txt": codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00",  # a lone surrogate
    "too_many_chars.txt": ("word " * (MAX_ARTICLE_CHARS // 5 + 100)).encode(),
    "too_big.txt": b"a" * (MAX_ARTICLE_BYTES + 1),
    "picture.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "no_article.html": b"<html><body><nav>Home</nav><p>Nothing here.</p></body></html>",
    "records.jsonl": _jsonl(
        [
            {"text": story(12), "title": "Record one"},
            {"text": "a \u0000 b: " + story(13), "title": "Record with a NUL"},
            {"text": 123},
            {"title": "no text"},
            "this is not json",
            [1, 2],
            {"text": "   "},
            {"text": story(14), "published": "soon"},
            {"text": story(15), "published": 5},
            {"text": story(16), "title": "T" * 900, "author": "A" * 700, "outlet": "O" * 400},
            {"text": "word " * (MAX_ARTICLE_CHARS // 5 + 100)},
            "",
            {"text": story(17), "published": "2016-03-03T10:00:00Z", "url": "https://example.org/q17"},
            json.dumps({"text": "Half a pair @@ here. " + story(18)}).replace("@@", "\\ud800"),  # a lone surrogate
        ]
    ),
}

EXPECTED_FILES: dict[str, Expect] = {
    "plain.txt": Expect("created"),
    "nul_after_8k.txt": Expect("created", "removed 1 NUL character(s)"),
    "utf16le.txt": Expect("created"),
    "utf16be.txt": Expect("created"),
    "utf32.txt": Expect("created"),
    "ansi.txt": Expect("created", "removed 3 terminal escape sequence(s)"),
    "crlf.txt": Expect("created"),
    "cp1252.txt": Expect("created"),
    "dateline.txt": Expect("created"),
    "bell_and_form_feed.txt": Expect("created", "removed 2 other control character(s)"),
    "plain_copy.txt": Expect("duplicate"),
    "page.html": Expect("created"),
    "empty.txt": Expect("failed", "the file is empty"),
    "blank.txt": Expect("failed", "the file is empty"),
    "binary.txt": Expect("failed", "the file is binary, not text"),
    "unknown_encoding.txt": Expect("failed", "unknown encoding"),
    "bad_utf16.txt": Expect("failed", "UTF-16 byte order mark but is not UTF-16"),
    "too_many_chars.txt": Expect("failed", f"the limit is {MAX_ARTICLE_CHARS:,} (CLAIMTRACK_MAX_ARTICLE_CHARS)"),
    "too_big.txt": Expect("failed", f"the limit is {MAX_ARTICLE_BYTES:,} bytes"),
    "picture.png": Expect("failed", "unsupported file type '.png'"),
    "no_article.html": Expect("failed", "no article text found in the HTML page"),
    "records.jsonl:1": Expect("created"),
    "records.jsonl:2": Expect("created", "removed 1 NUL character(s)"),
    "records.jsonl:3": Expect("failed", "'text' must be a string, not a number"),
    "records.jsonl:4": Expect("failed", "the record has no 'text'"),
    "records.jsonl:5": Expect("failed", "bad JSON Lines record: Expecting value"),
    "records.jsonl:6": Expect("failed", "the record is not a JSON object"),
    "records.jsonl:7": Expect("failed", "'text' is empty"),
    "records.jsonl:8": Expect("failed", "'published' is not a date: 'soon'"),
    "records.jsonl:9": Expect("failed", "'published' must be a date string, not int"),
    "records.jsonl:10": Expect("created"),  # over-long title, author and outlet are cut
    "records.jsonl:11": Expect("failed", "(CLAIMTRACK_MAX_ARTICLE_CHARS)"),
    "records.jsonl:13": Expect("created"),
    "records.jsonl:14": Expect("created", "removed 1 unpaired surrogate(s)"),
}

# Only a folder on disk can hold these (the CLI's cases), keyed by the item name they give.
EXPECTED_FOLDER_ONLY: dict[str, Expect] = {
    "pipe": Expect("failed", "not a regular file"),
    "link_out.txt": Expect("failed", "a symbolic link to outside the folder"),
    "z_link_in.txt": Expect("duplicate"),  # a link to plain.txt inside the folder is read
}


def write_folder(folder: Path) -> Path:
    """The corpus as files in ``folder``, with a sidecar, a hidden file, a pipe and two links."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in FILES.items():
        (folder / name).write_bytes(data)
    (folder / "metadata.json").write_text(json.dumps({"plain.txt": {"title": "Quay talks fail"}}))
    (folder / ".hidden.txt").write_text(story(99))
    os.mkfifo(folder / "pipe")
    outside = folder.parent / "outside.txt"
    outside.write_text(story(98))
    (folder / "link_out.txt").symlink_to(outside)
    (folder / "z_link_in.txt").symlink_to(folder / "plain.txt")
    return folder


def explicit_paths(folder: Path) -> dict[str, Expect]:
    """Arguments the CLI is given one by one, and what each must give."""
    return {
        str(folder / "missing.txt"): Expect("failed", "no such file or folder"),
        str(folder / "metadata.json"): Expect("failed", "holds metadata for the other files in its folder"),
        str(folder / "pipe"): Expect("failed", "not a regular file"),
        "file:///etc/passwd": Expect("failed", "unsupported scheme file:"),
        "ftp://example.org/story.txt": Expect("failed", "unsupported scheme ftp:"),
        "javascript:alert(1)": Expect("failed", "unsupported scheme javascript:"),
    }
