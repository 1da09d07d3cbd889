"""Measuring syndicated-copy detection (``manage.py eval_syndication``).

Two sets, each stored and checked through ``articles.syndication`` inside a transaction that is
rolled back at the end, so nothing of them stays in the database:

- the seeds (``fixtures/seeds``), where the CNN update and its first version must be one report
  and every other pair two;
- ``--originals`` articles of PolNeAR dev plus ``--copies`` copies of some of them made here with
  other page furniture (bylines, share bars, ads, related links, copyright lines; the original's
  own closing credit line dropped): every copy must be joined to its source, and no two different
  articles joined.
"""

from __future__ import annotations

import datetime
import itertools
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from articles.ingest.files import read_sources
from articles.ingest.types import RawArticle
from articles.models import Article
from articles.nearcopy import containment, shingles
from articles.services import article_create
from articles.syndication import article_find_original, article_order_key

# The seed pair that is one report (gold, by file name): CNN's first version and its update.
SEED_SAME_REPORT = frozenset({"000_c5772f237bf2a885.txt", "001_101d31c289cc9bfb.txt"})
_DATE_IN_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2})_")

# Page furniture for the made copies: generic, no story's words.
_HEADERS = ["By Staff Reporter | {wire}", "{wire} — {date}", "Published {date} 07:42", "By {wire} staff"]
_MIDDLES = ["Advertisement", "Related: More stories from {wire}", "Share on Facebook | Twitter | Email",
            "Read more: Latest headlines", "Sponsored content",
            # Not in the boilerplate list on purpose: the copies also carry furniture we do not strip.
            "This story was produced with the help of our partners on the regional news desk"]  # fmt: skip
_FOOTERS = ["Copyright {year} {wire}. All rights reserved.", "Sign up for our daily newsletter",
            "Follow us on Twitter for the latest updates", "Reporting by {wire} staff; editing by the news desk",
            "A version of this article appears in print with the headline chosen by our editors"]  # fmt: skip
_WIRES = ["Northern Wire", "Metro Press Service", "Daily Syndicate", "Regional News Network"]


@dataclass
class Measured:
    articles: int = 0
    copies_expected: int = 0
    copies_found: int = 0
    false_joins: list[tuple[str, str]] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    groups: list[list[str]] = field(default_factory=list)
    ms_per_article: float = 0.0
    exact_text_copies: int = 0  # the baseline: copies an exact-text match (content hash) finds
    lowest_copy_containment: float = 1.0
    highest_other_containment: float = 0.0


class _Rollback(Exception):
    pass


def measured_without_trace(run: Callable[[], Measured]) -> Measured:
    """``run()`` in a transaction that is rolled back: the database is left as it was."""
    box: list[Measured] = []
    try:
        with transaction.atomic():
            box.append(run())
            raise _Rollback
    except _Rollback:
        pass
    return box[0]


def seed_sources(folder: Path) -> list[RawArticle]:
    return [
        r for r in read_sources([folder], max_bytes=settings.CLAIMTRACK_MAX_ARTICLE_BYTES) if isinstance(r, RawArticle)
    ]


def polnear_sources(folder: Path, *, originals: int, copies: int, seed: int) -> tuple[list[RawArticle], dict[str, str]]:
    """``originals`` articles spread over the folder, and ``copies`` re-dressed copies of some of them.

    Returns the sources and, for each copy's name, its source's name.
    """
    files = sorted(p for p in folder.glob("*.txt"))
    step = max(1, len(files) // originals)
    chosen = files[::step][:originals]
    raws = [_polnear_raw(path) for path in chosen]
    rng = random.Random(seed)
    copied = rng.sample(raws, copies)
    made = [_redressed(raw, rng, n) for n, raw in enumerate(copied)]
    return raws + made, {copy.name: raw.name for copy, raw in zip(made, copied, strict=True)}


def _polnear_raw(path: Path) -> RawArticle:
    match = _DATE_IN_NAME.search(path.name)
    day = datetime.date.fromisoformat(match.group(1)) if match else datetime.date(2016, 9, 1)
    published = datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)
    text = path.read_text(encoding="utf-8")
    return RawArticle(text=text, name=path.name, source_kind="text", source_file=path.name, published_at=published)


def _redressed(raw: RawArticle, rng: random.Random, n: int) -> RawArticle:
    """The same story with other furniture, published a day later by a wire service."""
    wire = rng.choice(_WIRES)
    when = raw.published_at + datetime.timedelta(days=1)
    fill = {"wire": wire, "date": when.strftime("%d %B %Y"), "year": when.year}
    paragraphs = [p for p in raw.text.split("\n") if p.strip()]
    if paragraphs and len(paragraphs[-1].split()) <= 12 and "contributed" in paragraphs[-1].lower():
        paragraphs = paragraphs[:-1]  # the original's closing credit line is its own furniture
    for _ in range(2):
        paragraphs.insert(rng.randrange(1, max(2, len(paragraphs))), rng.choice(_MIDDLES).format(**fill))
    lines = [rng.choice(_HEADERS).format(**fill), *paragraphs, *rng.sample(_FOOTERS, 2)]
    text = "\n".join(line.format(**fill) if line in _FOOTERS else line for line in lines)
    name = f"copy{n}_{raw.name}"
    return RawArticle(text=text, name=name, source_kind="text", source_file=name, published_at=when)


def measure(sources: list[RawArticle], same_report: Callable[[str, str], bool]) -> Measured:
    """Store the sources, check each for copies (oldest first), and compare the groups with the truth."""
    stored = [article_create(raw=raw)[0] for raw in sources]
    names = {article.pk: raw.name for article, raw in zip(stored, sources, strict=True)}
    started = time.perf_counter()
    for article in sorted(stored, key=article_order_key):
        article_find_original(article=article)
    elapsed = time.perf_counter() - started
    roots = {a.pk: a.copy_of_id or a.pk for a in Article.objects.filter(pk__in=names)}
    result = Measured(articles=len(stored), ms_per_article=1000 * elapsed / max(1, len(stored)))
    _score_pairs(result, names, roots, same_report)
    _margins(result, stored, names, same_report)
    return result


def _score_pairs(result: Measured, names: dict, roots: dict, same_report: Callable[[str, str], bool]) -> None:
    for a, b in itertools.combinations(sorted(names), 2):
        joined, truth = roots[a] == roots[b], same_report(names[a], names[b])
        if truth:
            result.copies_expected += 1
            result.copies_found += joined
            if not joined:
                result.missed.append(f"{names[a]} ~ {names[b]}")
        elif joined:
            result.false_joins.append((names[a], names[b]))
    groups: dict[int, list[str]] = {}
    for pk, root in roots.items():
        groups.setdefault(root, []).append(names[pk])
    result.groups = sorted(sorted(g) for g in groups.values() if len(g) > 1)


def _margins(result: Measured, stored: list[Article], names: dict, same_report: Callable[[str, str], bool]) -> None:
    """How close the threshold is: the lowest containment of a true pair, the highest of any other."""
    sets = {a.pk: shingles(a.body) for a in stored}
    hashes = {a.pk: a.content_hash for a in stored}
    for a, b in itertools.combinations(sorted(sets), 2):
        value = containment(sets[a], sets[b])
        if same_report(names[a], names[b]):
            result.lowest_copy_containment = min(result.lowest_copy_containment, value)
            result.exact_text_copies += hashes[a] == hashes[b]
        else:
            result.highest_other_containment = max(result.highest_other_containment, value)
