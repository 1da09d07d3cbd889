"""Realistic-looking claims for benchmarks, built in bulk (``manage.py make_synthetic_claims``).

Articles are built from real sentences (those of the articles already stored, or of the seed
files in fixtures/seeds when the database is empty), each sentence re-attributed to a synthetic
speaker in one of the patterns the extractor finds ("X said that …", "“…,” X said",
"According to X, …", "X denied that …"). Offsets and entities are filled so that search,
highlighting and candidate lookup behave as on extracted data. Claims built from the same source
sentence are linked (agree or conflict) and grouped into disputes, as the linker would.

Rows go in with bulk_create (no history rows, no signals): this is test data, not curated data.
Synthetic articles have ``source_file`` starting with ``synthetic/``; ``synthetic_clear`` removes them.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection, transaction

from articles.ingest.text import content_hash
from articles.models import Article, Outlet
from claims.models import Claim, Proposition, PropositionMember, Relation, Speaker, SpeakerAlias
from claims.naming import normalize_speaker_name
from claims.nlp.types import EXTRACTOR_VERSION

SYNTHETIC_PREFIX = "synthetic/"
_SENTENCE_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’']))\s+(?=[\"“‘A-Z])")
# Capitalised runs not at the start of the text: "Bashar al-Assad", "U.S.", "Hamah".
_ENTITY = re.compile(r"(?<!^)\b([A-Z][\w.’'-]*\w\.?(?:\s+(?:al-)?[A-Z][\w.-]*\w\.?)*)")
_STOP = frozenset(
    "the a an and or but of to in on at for with by from that this these those is are was were be been being "
    "has have had it its as not no he she they we you i his her their our them him us will would could should "
    "may might can said says also more most than then there here which who whom what when where while after "
    "before about into over under against between very just only".split()
)

FIRST_NAMES = (
    "Anna Boris Carlos Dana Elena Farid Grace Hassan Ingrid Jamal Keiko Lars Maria Nikolai Olga Pedro Qasim "
    "Rosa Samir Tamara Umar Vera Walid Xenia Yusuf Zara Ahmed Brigitte Chen Dmitri Emma Fatima Georg Hana "
    "Ivan Julia Karim Lena Mikhail Nadia"
).split()
LAST_NAMES = (
    "Otto Warren Petrov Haddad Schmidt Novak Rahman Kowalski Moreau Tanaka Ivanova Silva Mansour Lindqvist "
    "Okafor Brennan Castillo Duval Farah Gruber Hoffman Ibrahim Jansen Kaplan Lebedev Marchetti Nasser "
    "Orlov Price Quinn Rossi Sokolov Tariq Ulrich Vasquez Weber Yilmaz Zhukov Abbas"
).split()
AFFILIATIONS = (
    "United States",
    "Russia",
    "Syria",
    "Iran",
    "Turkey",
    "France",
    "United Kingdom",
    "Germany",
    "Iraq",
    "Israel",
    "Saudi Arabia",
    "United Nations",
    "NATO",
    "European Union",
)
ROLES = ("spokesman", "defense minister", "foreign minister", "analyst", "ambassador", "general", "senator", "envoy")
GROUPS = ("officials", "defense officials", "diplomats", "military sources", "activists")
OUTLETS = (
    "The Daily Ledger",
    "Evening Courier",
    "Global Wire",
    "Morning Herald",
    "Capital Report",
    "Northern Post",
    "Harbor Times",
    "Metro Gazette",
    "World Desk",
    "Frontline News",
    "The Observer Review",
    "Pacific Dispatch",
)
CUES = (  # (cue as written, lemma, class)
    ("said", "say", Claim.CueClass.ASSERT),
    ("told reporters", "tell", Claim.CueClass.ASSERT),
    ("confirmed", "confirm", Claim.CueClass.ASSERT),
    ("insisted", "insist", Claim.CueClass.ASSERT),
    ("warned", "warn", Claim.CueClass.ASSERT),
    ("believes", "believe", Claim.CueClass.HEDGE),
    ("suggested", "suggest", Claim.CueClass.HEDGE),
    ("reported", "report", Claim.CueClass.REPORT),
)
DENIAL = ("denied", "deny", Claim.CueClass.DENY)
# How an asserted claim is laid out, drawn at random: indirect speech twice as often as the others.
_SHAPES = (Claim.Type.INDIRECT, Claim.Type.INDIRECT, Claim.Type.DIRECT, Claim.Type.ACCORDING_TO)


@dataclass
class Built:
    """One claim as it is laid out in its synthetic article, before the rows exist."""

    claim: Claim
    source: int  # index of the source sentence, which ties agreeing and conflicting claims together


def synthetic_clear() -> int:
    """Delete synthetic articles with their claims, relations and disputes; speakers stay for reuse.

    Plain SQL rather than QuerySet.delete(): the ORM would write a history row per deleted claim,
    which takes minutes for rows that never had history.
    """
    claims = (
        "SELECT c.id FROM claims_claim c JOIN articles_article a ON a.id = c.article_id WHERE a.source_file LIKE %s"
    )
    # Foreign keys are checked at commit (Django creates them DEFERRABLE), so the order only has to
    # find the dispute ids before their members go.
    statements = [
        f"DELETE FROM claims_relation WHERE claim_a_id IN ({claims}) OR claim_b_id IN ({claims})",
        f"DELETE FROM claims_proposition WHERE id IN (SELECT proposition_id FROM claims_propositionmember "
        f"WHERE claim_id IN ({claims}))",
        f"DELETE FROM claims_propositionmember WHERE claim_id IN ({claims})",
        f"DELETE FROM claims_claim WHERE id IN ({claims})",
        "DELETE FROM articles_article WHERE source_file LIKE %s",
    ]
    pattern = SYNTHETIC_PREFIX + "%"
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql, [pattern] * sql.count("%s"))
        return cursor.rowcount


def source_sentences() -> list[str]:
    """Real sentences to build on: stored (non-synthetic) articles first, the seed files otherwise."""
    bodies = list(
        Article.objects.exclude(source_file__startswith=SYNTHETIC_PREFIX).values_list("body", flat=True)[:2000]
    )
    if not bodies:
        seeds = Path(settings.BASE_DIR) / "fixtures" / "seeds"
        bodies = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    sentences = [s for body in bodies for s in _sentences(body)]
    if not sentences:
        raise CommandError("No source sentences: ingest some articles first (e.g. `manage.py ingest fixtures/seeds`).")
    return sentences


def _sentences(body: str) -> list[str]:
    found = []
    for paragraph in body.split("\n"):
        for sentence in _SENTENCE_SPLIT.split(paragraph.strip()):
            text = sentence.strip().strip("\"“”‘’'").rstrip(".!?,;: ").strip()
            if 6 <= len(text.split()) <= 45 and not any(q in text for q in '"“”'):
                found.append(text)
    return found


def synthetic_create(*, rng: random.Random, sentences: list[str], claims: int, articles: int, speakers: int) -> dict:
    outlets = _outlets()
    speaker_rows = _speakers(rng, speakers)
    built = _articles_and_claims(rng, sentences, outlets, speaker_rows, claims, articles)
    relations, disputes = _links(rng, built)
    _statistics_refresh()
    return {
        "articles": articles,
        "speakers": len(speaker_rows),
        "claims": len(built),
        "relations": relations,
        "disputes": disputes,
    }


# The models a synthetic load fills in bulk.
_FILLED_MODELS = (Article, Speaker, SpeakerAlias, Claim, Relation, Proposition, PropositionMember)


def _statistics_refresh() -> None:
    """ANALYZE the tables just filled, in the caller's transaction. Autovacuum cannot see rows
    not yet committed, so the summary tables' catch-up (``claims_agg_apply``, run before the next
    read) would otherwise be planned for tables as they were before the load: in one full test run
    it sat over 8 minutes after 1,500 claims, in tests that pass in 22 s on their own."""
    with connection.cursor() as cursor:
        for model in _FILLED_MODELS:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _outlets() -> list[Outlet]:
    return [Outlet.objects.get_or_create(name=name, defaults={"domain": _domain(name)})[0] for name in OUTLETS]


def _domain(name: str) -> str:
    return name.lower().replace("the ", "").replace(" ", "") + ".example"


def _speakers(rng: random.Random, count: int) -> list[Speaker]:
    """``count`` speakers with stable generated names; rows from an earlier run are reused."""
    wanted = [_speaker(rng, i) for i in range(count)]
    existing = {
        s.normalized_name: s for s in Speaker.objects.filter(normalized_name__in=[w.normalized_name for w in wanted])
    }
    new = [w for w in wanted if w.normalized_name not in existing]
    Speaker.objects.bulk_create(new, batch_size=1000)
    aliases = [
        SpeakerAlias(speaker=s, name=a, normalized_name=normalize_speaker_name(a)) for s in new for a in _aliases(s)
    ]
    SpeakerAlias.objects.bulk_create(aliases, batch_size=2000, ignore_conflicts=True)
    return [existing.get(w.normalized_name, w) for w in wanted]


def _speaker(rng: random.Random, index: int) -> Speaker:
    affiliation = rng.choice(AFFILIATIONS)
    if index % 5 == 4:  # one in five is a group, like "U.S. defense officials"
        group = index // 5
        name = f"{AFFILIATIONS[group % len(AFFILIATIONS)]} {GROUPS[(group // len(AFFILIATIONS)) % len(GROUPS)]}"
        cycle = group // (len(AFFILIATIONS) * len(GROUPS))
        name = f"{name} ({cycle + 1})" if cycle else name
        kind, role, affiliation = Speaker.Kind.GROUP, "", AFFILIATIONS[group % len(AFFILIATIONS)]
    else:
        person = index - index // 5
        first, last = FIRST_NAMES[person % len(FIRST_NAMES)], LAST_NAMES[(person // len(FIRST_NAMES)) % len(LAST_NAMES)]
        cycle = person // (len(FIRST_NAMES) * len(LAST_NAMES))
        middle = f"{chr(64 + cycle)}." if cycle <= 26 else str(cycle)
        name = f"{first} {middle} {last}" if cycle else f"{first} {last}"
        kind, role = Speaker.Kind.PERSON, f"{affiliation} {rng.choice(ROLES)}"
    return Speaker(
        name=name, normalized_name=normalize_speaker_name(name), kind=kind, role=role, affiliation=affiliation
    )


def _aliases(speaker: Speaker) -> list[str]:
    if speaker.kind != Speaker.Kind.PERSON:
        return []
    first, last = speaker.name.split()[0], speaker.name.split()[-1]
    return [f"{first[0]}. {last}", f"{speaker.role.split()[-1].title()} {last}"]


def _articles_and_claims(rng, sentences, outlets, speakers, claims: int, articles: int) -> list[Built]:
    # Zipf-like weights: a few speakers are quoted everywhere, most only now and then.
    weights = list(accumulate(1.0 / (rank + 1) ** 0.8 for rank in range(len(speakers))))
    # Each source sentence is used by several claims, so agreement and conflict can be found.
    pool = rng.sample(range(len(sentences)), k=min(len(sentences), max(20, claims // 6)))
    start = datetime(2015, 1, 1, 8, tzinfo=UTC)
    tag = f"{rng.randrange(16**8):08x}"
    built: list[Built] = []
    batch_rows: list[Article] = []
    batch_claims: list[list[Built]] = []
    per_article = [claims // articles + (1 if i < claims % articles else 0) for i in range(articles)]
    for index, count in enumerate(per_article):
        chosen = [(rng.choices(speakers, cum_weights=weights)[0], rng.choice(pool)) for _ in range(count)]
        article, items = _article(rng, sentences, chosen, rng.choice(outlets), start, f"{tag}-{index}")
        batch_rows.append(article)
        batch_claims.append(items)
        if len(batch_rows) >= 1000:
            built.extend(_flush(batch_rows, batch_claims))
            batch_rows, batch_claims = [], []
    built.extend(_flush(batch_rows, batch_claims))
    return built


def _flush(rows: list[Article], groups: list[list[Built]]) -> list[Built]:
    Article.objects.bulk_create(rows, batch_size=1000)
    flat = []
    for article, items in zip(rows, groups, strict=True):
        for item in items:
            item.claim.article = article
            flat.append(item)
    Claim.objects.bulk_create([item.claim for item in flat], batch_size=2000)
    return flat


def _article(rng, sentences, chosen, outlet: Outlet, start: datetime, label: str) -> tuple[Article, list[Built]]:
    published = start + timedelta(days=rng.randrange(730), hours=rng.randrange(12))
    dateline = f"{outlet.name} report {label}."
    body, items = dateline, []
    for position, (speaker, source) in enumerate(chosen):
        separator = "\n\n" if position % 3 == 0 else " "
        offset = len(body) + len(separator)
        sentence, claim = _claim_sentence(rng, sentences[source], speaker, offset)
        claim.claim_date = published.date()
        body += separator + sentence
        items.append(Built(claim=claim, source=source))
    title = " ".join(sentences[chosen[0][1]].split()[:9]) if chosen else dateline
    article = Article(
        outlet=outlet,
        title=title[:500],
        published_at=published,
        body=body,
        source_file=f"{SYNTHETIC_PREFIX}{label}.txt",
        content_hash=content_hash(body),
        status=Article.Status.LINKED,
        extractor_version=EXTRACTOR_VERSION,
    )
    return article, items


def _claim_sentence(rng: random.Random, source: str, speaker: Speaker, offset: int) -> tuple[str, Claim]:
    """Lay out one attributed sentence and the claim with its offsets inside it."""
    mention = speaker.name if speaker.kind != Speaker.Kind.PERSON or rng.random() < 0.7 else speaker.name.split()[-1]
    negated = rng.random() < 0.25
    cue, lemma, cue_class = DENIAL if negated else rng.choice(CUES)
    shape = Claim.Type.INDIRECT if negated else rng.choice(_SHAPES)
    lower_first = shape != Claim.Type.DIRECT and source.split()[0].lower() in _STOP  # "The army" -> "that the army"
    content = source[0].lower() + source[1:] if lower_first else source
    if shape == Claim.Type.DIRECT:
        prefix, between, suffix = "“", f",” {mention} {cue}", "."
        speaker_at = len(prefix) + len(content) + 3
        sentence = f"{prefix}{content}{between}{suffix}"
        content_at, claim_type = len(prefix), Claim.Type.DIRECT
    elif shape == Claim.Type.ACCORDING_TO:
        cue, lemma, cue_class = "according to", "according to", Claim.CueClass.REPORT
        sentence = f"According to {mention}, {content}."
        speaker_at, content_at, claim_type = (
            len("According to "),
            len(f"According to {mention}, "),
            Claim.Type.ACCORDING_TO,
        )
    else:
        sentence = f"{mention} {cue} that {content}."
        speaker_at, content_at, claim_type = 0, len(f"{mention} {cue} that "), Claim.Type.INDIRECT
    claim = Claim(
        speaker=speaker,
        speaker_mention=mention,
        speaker_start=offset + speaker_at,
        speaker_end=offset + speaker_at + len(mention),
        cue=cue,
        cue_lemma=lemma,
        cue_class=cue_class,
        claim_type=claim_type,
        content=content,
        content_start=offset + content_at,
        content_end=offset + content_at + len(content),
        sentence_start=offset,
        sentence_end=offset + len(sentence),
        polarity=Claim.Polarity.NEGATED if negated else Claim.Polarity.ASSERTED,
        confidence=round(rng.uniform(0.4, 0.95), 2),
        extractor_version=EXTRACTOR_VERSION,
        entities=_entities(content),
    )
    return sentence, claim


def _entities(content: str) -> list[str]:
    return list(dict.fromkeys(m.group(1) for m in _ENTITY.finditer(content)))[:10]


def _links(rng: random.Random, built: list[Built]) -> tuple[int, int]:
    """Relations between claims of one source sentence, and one dispute per well-quoted sentence."""
    by_source: dict[int, list[Claim]] = defaultdict(list)
    for item in built:
        by_source[item.source].append(item.claim)
    relations: list[Relation] = []
    propositions: list[tuple[Proposition, list[Claim]]] = []
    for claims_of_source in by_source.values():
        # Small "stories" of a few claims each, as one news event is quoted by a handful of sources.
        for at in range(0, len(claims_of_source), 6):
            group = claims_of_source[at : at + 6]
            relations.extend(_relations(rng, group))
            if len(group) >= 3 and len({c.polarity for c in group}) == 2 and rng.random() < 0.3:
                label = " ".join(group[0].content.split()[:12])
                propositions.append((Proposition(label=label[:300], central_claim=group[0]), group))
    Relation.objects.bulk_create(relations, batch_size=2000, ignore_conflicts=True)
    Proposition.objects.bulk_create([p for p, _ in propositions], batch_size=1000)
    members = [PropositionMember(proposition=p, claim=c, side=_side(c)) for p, group in propositions for c in group]
    PropositionMember.objects.bulk_create(members, batch_size=2000)
    return len(relations), len(propositions)


def _relations(rng: random.Random, group: list[Claim]) -> list[Relation]:
    rows = []
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            if a.speaker_id == b.speaker_id or rng.random() < 0.7:
                continue
            first, second = (a, b) if a.pk < b.pk else (b, a)
            agree = a.polarity == b.polarity
            rows.append(
                Relation(
                    claim_a=first,
                    claim_b=second,
                    type=Relation.Type.AGREE if agree else Relation.Type.CONFLICT,
                    score=round(rng.uniform(0.55, 0.95), 2),
                    explanation=("similar content, same polarity" if agree else "similar content, opposite polarity"),
                )
            )
    return rows


def _side(claim: Claim) -> str:
    asserted = claim.polarity == Claim.Polarity.ASSERTED
    return PropositionMember.Side.SUPPORTS if asserted else PropositionMember.Side.REFUTES
