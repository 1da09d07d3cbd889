"""A small gazetteer of news outlets, so metadata found in text maps to one outlet name.

Only names in this table, or a domain seen in the text, ever become an article's outlet:
ingestion infers, it never invents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class KnownOutlet:
    name: str
    domain: str
    country: str
    aliases: tuple[str, ...] = ()


KNOWN_OUTLETS: tuple[KnownOutlet, ...] = (
    KnownOutlet("CNN", "cnn.com", "United States"),
    KnownOutlet("The Hill", "thehill.com", "United States"),
    KnownOutlet("Al Jazeera America", "america.aljazeera.com", "United States", ("Al Jazeera",)),
    KnownOutlet("IBTimes Australia", "ibtimes.com.au", "Australia", ("International Business Times Australia",)),
    KnownOutlet("Reuters", "reuters.com", "United Kingdom"),
    KnownOutlet("Associated Press", "apnews.com", "United States", ("AP", "The Associated Press")),
    KnownOutlet("Agence France-Presse", "afp.com", "France", ("AFP",)),
    KnownOutlet("BBC News", "bbc.co.uk", "United Kingdom", ("BBC",)),
    KnownOutlet("The New York Times", "nytimes.com", "United States", ("New York Times",)),
    KnownOutlet("The Washington Post", "washingtonpost.com", "United States", ("Washington Post",)),
    KnownOutlet("The Guardian", "theguardian.com", "United Kingdom", ("Guardian",)),
    KnownOutlet("Fox News", "foxnews.com", "United States"),
    KnownOutlet("NBC News", "nbcnews.com", "United States"),
    KnownOutlet("CBS News", "cbsnews.com", "United States"),
    KnownOutlet("ABC News", "abcnews.go.com", "United States"),
    KnownOutlet("Politico", "politico.com", "United States"),
    KnownOutlet("Breitbart", "breitbart.com", "United States", ("Breitbart News",)),
    KnownOutlet("Bloomberg", "bloomberg.com", "United States"),
    KnownOutlet("The Wall Street Journal", "wsj.com", "United States", ("Wall Street Journal", "WSJ")),
    KnownOutlet("RT", "rt.com", "Russia", ("Russia Today",)),
    KnownOutlet("TASS", "tass.com", "Russia"),
    KnownOutlet("Sputnik", "sputniknews.com", "Russia"),
    KnownOutlet("Al Arabiya", "alarabiya.net", "United Arab Emirates"),
    KnownOutlet("Deutsche Welle", "dw.com", "Germany", ("DW",)),
)


def _build_index() -> dict[str, KnownOutlet]:
    index: dict[str, KnownOutlet] = {}
    for outlet in KNOWN_OUTLETS:
        for key in (outlet.name, outlet.domain, *outlet.aliases):
            index[key.casefold()] = outlet
    return index


_INDEX = _build_index()


def lookup_outlet(name_or_domain: str) -> KnownOutlet | None:
    """Find an outlet by name, alias or domain (a subdomain such as edition.cnn.com counts)."""
    key = name_or_domain.strip().casefold().removeprefix("www.")
    if key in _INDEX:
        return _INDEX[key]
    parts = key.split(".")
    for i in range(1, len(parts) - 1):
        found = _INDEX.get(".".join(parts[i:]))
        if found:
            return found
    return None


def outlet_names_pattern() -> str:
    """Alternation of every known name and alias, longest first, for regexes over text."""
    names = sorted(
        {n for o in KNOWN_OUTLETS for n in (o.name, *o.aliases) if len(n) > 2}, key=len, reverse=True
    )
    return "|".join(map(re.escape, names))
