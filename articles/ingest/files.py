"""Read articles from paths: .txt files, .jsonl files (one article a line), .html pages, folders."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from dateutil import parser as date_parser

from .html import raw_article_from_html
from .text import decode_bytes
from .types import IngestError, RawArticle, SourceFailure

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

ReadResult = RawArticle | SourceFailure
# A folder may carry this file: {"file.txt": {"title", "outlet", "published", "url", "author"}}.
SIDECAR_NAME = "metadata.json"
SIDECAR_REASON = (
    f"{SIDECAR_NAME} holds metadata for the other files in its folder, not an article: "
    "give the folder instead"
)
NOT_REGULAR_REASON = "not a regular file (a pipe, socket or device)"
# "ftp://…", "file:/…", "javascript:…": a scheme of two letters or more (one letter is a Windows drive).
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]+):", re.IGNORECASE)


def read_sources(paths: Iterable[str | Path], *, max_bytes: int) -> Iterator[ReadResult]:
    """Every article under ``paths``, with sidecar metadata applied; unreadable items as failures.

    A generator over a folder walk: one file is read at a time, after its size is checked.
    """
    sidecars: dict[Path, dict] = {}
    for entry in iter_paths(paths):
        if isinstance(entry, SourceFailure):
            yield entry
            continue
        if entry.parent not in sidecars:
            sidecars[entry.parent] = _load_sidecar(entry.parent / SIDECAR_NAME)
        for result in read_path(entry, max_bytes=max_bytes):
            meta = sidecars[entry.parent].get(entry.name)
            yield _with_metadata(result, meta) if meta and isinstance(result, RawArticle) else result


def _load_sidecar(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # a broken sidecar loses metadata, never articles
    return data if isinstance(data, dict) else {}


def _with_metadata(raw: RawArticle, meta: object) -> RawArticle | SourceFailure:
    if not isinstance(meta, dict):
        return raw
    try:
        published = parse_published(meta.get("published")) or raw.published_at
    except IngestError as exc:
        return SourceFailure(raw.name, f"bad metadata in {SIDECAR_NAME}: {exc}")
    return dataclasses.replace(
        raw,
        title=_str(meta, "title") or raw.title,
        url=_str(meta, "url") or raw.url,
        outlet=_str(meta, "outlet") or raw.outlet,
        author=_str(meta, "author") or raw.author,
        published_at=published,
    )


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | SourceFailure]:
    """Expand folders (recursively, sorted, hidden files skipped) into the files to read.

    What cannot be read is a failure with its reason: a path that is not there, a URL of a
    scheme we do not fetch, a pipe or device, a sidecar named on its own, a link out of its folder.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield SourceFailure(str(raw), SIDECAR_REASON) if path.name == SIDECAR_NAME else path
        elif path.exists():
            yield SourceFailure(str(raw), NOT_REGULAR_REASON)
        elif scheme := url_scheme(str(raw)):
            yield SourceFailure(str(raw), unsupported_scheme_reason(scheme))
        else:
            yield SourceFailure(str(raw), "no such file or folder")


def url_scheme(value: str) -> str:
    """The scheme of something written as a URL ("ftp" for ftp://…, "javascript" for javascript:…), else ""."""
    match = _SCHEME.match(value.strip())
    return match.group(1).lower() if match else ""


def unsupported_scheme_reason(scheme: str) -> str:
    return f"unsupported scheme {scheme}: (only http:// and https:// URLs can be ingested)"


def _walk(folder: Path) -> Iterator[Path | SourceFailure]:
    """The folder's files in name order, one directory at a time (never a whole listing in memory)."""
    root = folder.resolve()
    for current, dirs, files in os.walk(folder):  # does not descend into linked folders
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name == SIDECAR_NAME:
                continue
            path = Path(current) / name
            label = str(path.relative_to(folder))
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                yield SourceFailure(label, "a symbolic link to outside the folder: skipped")
            elif not path.exists():
                yield SourceFailure(label, "the file went away while the folder was read")
            elif not path.is_file():
                yield SourceFailure(label, NOT_REGULAR_REASON)
            else:
                yield path


def read_path(path: Path, *, max_bytes: int) -> Iterator[ReadResult]:
    """Yield the articles in one file, or one SourceFailure saying why it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield SourceFailure(path.name, f"unsupported file type {suffix!r} (use .txt, .jsonl or .html)")
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:  # checked before a byte is read
            raise IngestError(f"the file is {size:,} bytes; the limit is {max_bytes:,} bytes")
        data = path.read_bytes()
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(decode_bytes(data, name=path.name), name=path.name)
        elif suffix in HTML_SUFFIXES:
            yield raw_article_from_html(data, name=path.name, source_file=path.name)
        else:
            yield RawArticle(text=decode_bytes(data, name=path.name), name=path.name, source_kind="text", source_file=path.name)
    except IngestError as exc:
        yield SourceFailure(path.name, str(exc))
    except OSError as exc:
        yield SourceFailure(path.name, f"cannot read the file: {exc.strerror or exc}")


def read_jsonl(text: str, *, name: str) -> Iterator[ReadResult]:
    """One JSON object a line with ``text`` and optional title, url, outlet, published, source_file."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        label = f"{name}:{number}"
        try:
            yield raw_article_from_record(json.loads(line), name=label, default_source=name)
        except (json.JSONDecodeError, IngestError) as exc:
            yield SourceFailure(label, f"bad JSON Lines record: {exc}")


def raw_article_from_record(record: object, *, name: str, default_source: str = "") -> RawArticle:
    if not isinstance(record, dict):
        raise IngestError("the record is not a JSON object")
    if "text" not in record:
        raise IngestError("the record has no 'text'")
    text = record["text"]
    if not isinstance(text, str):
        raise IngestError(f"'text' must be a string, not {_json_type(text)}")
    if not text.strip():
        raise IngestError("'text' is empty")
    return RawArticle(
        text=text,
        name=name,
        source_kind="jsonl",
        source_file=_str(record, "source_file") or default_source,
        title=_str(record, "title"),
        url=_str(record, "url"),
        outlet=_str(record, "outlet"),
        author=_str(record, "author"),
        published_at=parse_published(record.get("published")),
    )


def _json_type(value: object) -> str:
    names = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _str(record: dict, key: str) -> str:
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""


def parse_published(value: object) -> datetime | None:
    """Parse an ISO-like date; a date without a zone is taken as UTC. Unparseable → IngestError."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise IngestError(f"'published' must be a date string, not {type(value).__name__}")
    try:
        parsed = date_parser.isoparse(value)
    except ValueError:
        try:
            parsed = date_parser.parse(value)
        except (ValueError, OverflowError) as exc:
            raise IngestError(f"'published' is not a date: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
