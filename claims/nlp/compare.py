"""Agree / conflict between claims: a claim's normal form, and a verdict on a pair, explained.

Pure: no Django, no database. The services build a `ClaimForm` from a stored claim (or from an
`ExtractedClaim`), ask `classify_pair` about candidate pairs, `refers_back` about short replies
("that was untrue") and `dispute_fit` about joining a dispute, and store what comes back.

The normal form is a set of *keys*: the claim's lemmas and entities, folded so that spellings of
one thing meet ("ISIL", "Islamic State" → ``isis``; "U.S.", "Pentagon" → ``united states``;
"Moscow", "Kremlin", "Russian" → ``russia``, as affiliation-like aliases) and near-synonymous
predicates meet ("hit", "airstrike", "bomb" → ``strike``). Stance is the claim's polarity, read
again around the shared keys: "definitely not ISIL", "something other than ISIS" and "few if
any ISIL forces" deny the ISIS part even when the sentence as a whole is asserted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .types import CueClass, Polarity, RelationType, Side

AGREE, CONFLICT, SAME_CLAIM = RelationType.AGREE, RelationType.CONFLICT, RelationType.SAME_CLAIM
SUPPORTS, REFUTES = Side.SUPPORTS, Side.REFUTES
ASSERTED, NEGATED = Polarity.ASSERTED, Polarity.NEGATED

# Canonical key -> surface forms (lower case). Places that stand for a government count as it.
ALIASES: dict[str, tuple[str, ...]] = {
    "isis": ("isis", "isil", "islamic state", "daesh", "da'esh", "daish"),
    "united states": (
        "united states",
        "u.s.",
        "u.s",
        "usa",
        "u.s.a.",
        "america",
        "american",
        "americans",
        "washington",
        "pentagon",
        "white house",
        "obama administration",
    ),
    "russia": ("russia", "russian", "russians", "moscow", "kremlin", "russian federation"),
    "syria": ("syria", "syrian", "syrians", "damascus"),
    "united kingdom": ("united kingdom", "u.k.", "uk", "britain", "british", "london", "downing street"),
    "iran": ("iran", "iranian", "iranians", "tehran"),
    "iraq": ("iraq", "iraqi", "iraqis", "baghdad"),
    "china": ("china", "chinese", "beijing"),
    "ukraine": ("ukraine", "ukrainian", "ukrainians", "kiev", "kyiv"),
    "israel": ("israel", "israeli", "israelis"),
    "turkey": ("turkey", "turkish", "ankara"),
    "france": ("france", "french", "paris", "elysee"),
    "al qaeda": ("al qaeda", "al-qaeda", "al qaida", "al-qaida", "nusra", "al-nusra", "nusra front"),
    # Armed groups fighting a government: "rebels", "the Syrian opposition", "insurgents".
    "rebel": (
        "rebel",
        "rebels",
        "insurgent",
        "insurgents",
        "armed opposition",
        "syrian opposition",
        "moderate opposition",
        "opposition groups",
        "opposition fighters",
        "opposition forces",
    ),
    "north korea": ("north korea", "north korean", "pyongyang", "dprk"),
}
# Countries and their capitals are where news happens, not what a dispute is about: two claims that
# share only "Russia" and a verb ("Russia could begin airstrikes" / "Russia did not move weapons")
# are not about the same thing. Organisations and people are.
SETTING_ANCHORS = frozenset(ALIASES) - {"isis", "al qaeda", "rebel"}
# Parties that compete for one role in conflict news (who was struck, targeted, fought): saying the
# strikes hit one of them, and not the other, contradicts saying they hit the other.
RIVALS: tuple[frozenset[str], ...] = (frozenset({"isis", "rebel", "al qaeda"}),)
# Predicates whose object is that role.
ACTION_KEYS = ("strike", "target", "fight", "kill", "destroy")
# Predicates that say the same thing about the same object in news about conflicts and crime.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "strike": (
        "strike",
        "struck",
        "airstrike",
        "air strike",
        "hit",
        "bomb",
        "bombing",
        "bombard",
        "attack",
        "raid",
        "shell",
        "pound",
    ),
    "target": (
        "target",
        "objective",
        "aim",
        "goal",
        "aimed at",
        "directed against",
        "operations against",
        "operation against",
        "campaign against",
    ),
    "fight": ("fight", "combat", "battle", "counter", "go after", "went after", "going after", "goes after"),
    "kill": ("kill", "murder", "execute", "behead", "beheading", "slay", "assassinate"),
    "die": ("die", "dead", "death"),
    "arrest": ("arrest", "detain", "capture", "jail"),
    "buy": ("buy", "acquire", "acquisition", "purchase"),
    "help": ("help", "assist", "aid"),
    "begin": ("begin", "start", "launch", "commence"),
    "destroy": ("destroy", "damage", "wipe out"),
}
# Lemmas that say little about what a claim is about: kept, but they weigh little.
GENERIC = frozenset(
    "say tell state report year day week month time people new include official officials make take go get use "
    "want come see know think believe like way thing lot number part country government world group clear "
    "accord according also just yesterday today tomorrow monday tuesday wednesday thursday friday saturday "
    "sunday weekend morning night early late past far point issue really very remain unclear continue able "
    "possible likely".split()
)
ANCHOR_WEIGHT, TERM_WEIGHT, GENERIC_WEIGHT = 2.0, 1.0, 0.3

# Related enough to compare stance: this much weighted overlap, with at least one anchor shared.
MIN_SIMILARITY = 0.12
MIN_SHARED_WEIGHT = 3.0
SAME_CLAIM_TOKEN_OVERLAP = 0.8

_WORD = re.compile(r"[a-z0-9][a-z0-9'’.-]*[a-z0-9]|[a-z0-9]")
_NEGATOR = r"(?:not|n[’']t|never|no|nor|without)"
# Words that, right before an anchor, exclude it: "definitely not ISIL", "other than ISIS".
_EXCLUDING = (
    r"(?:(?:definitely|certainly|clearly|surely|mostly|largely)\s+)?not(?:\s+(?:about|against|at|on|just|only|solely"
    r"|limited\s+to|(?:\w+\s+){0,2}?))?|other\s+than|aside\s+from|apart\s+from|in\s+addition\s+to|rather\s+than|"
    r"instead\s+of|besides|anybody\s+but|anyone\s+but|anything\s+but|few\s+if\s+any|no|never|nor|n[’']t\s+\w+"
)
# "no reason they could not begin", "no doubt that … not": two negations that cancel.
_DOUBLE_NEGATION = re.compile(rf"\bno\s+(?:reason|doubt|question)\b.*\b{_NEGATOR}\b", re.I | re.S)
_ANAPHOR = r"(?:that|this|it|those|these|such\s+(?:claims?|reports?|statements?))"
_REFUTE_BACK = (
    re.compile(
        rf"^\W*{_ANAPHOR}\s+(?:is|was|'s|’s|are|were)\s+(?:simply\s+|completely\s+|totally\s+)?"
        r"(?:not\s+true|untrue|false|wrong|incorrect|inaccurate|a\s+lie|lies|nonsense|baseless|groundless|"
        r"not\s+the\s+case|not\s+accurate|not\s+correct|fiction|fabricated|absurd)\b",
        re.I,
    ),
    re.compile(
        rf"\b(?:not|n[’']t|never)\s+(?:taking|take|took|buying|buy|bought|accepting|accept|believing|believe)"
        rf"\s+{_ANAPHOR}(?:\s+at\s+face\s+value|\s+for\s+a\s+(?:second|minute|moment))?(?=\s*(?:$|[.,;:!]))",
        re.I,
    ),
    re.compile(
        rf"^\W*(?:(?:we|i|they|he|she)\s+)?(?:deny|denied|reject|rejected|dismiss|dismissed|refute|refuted)"
        rf"\s+{_ANAPHOR}\s*[.!]?\s*$",
        re.I,
    ),
)
_CONFIRM_BACK = re.compile(
    rf"^\W*{_ANAPHOR}\s+(?:is|was|'s|’s)\s+(?:absolutely\s+|quite\s+)?(?:true|correct|right|accurate|the\s+case)\b",
    re.I,
)
_REFERS_BACK_MAX_WORDS = 14
# Words that open another clause: what follows them is not the object of the action before them.
_CLAUSE_BOUNDARY = re.compile(
    r"[,;:()]|\b(?:that|which|who|whom|where|when|while|because|after|before|since|if)\b", re.I
)
# Content that itself reports what someone else says ("the Russians were very clear that they would
# strike ISIL") observes a position rather than taking one.
_REPORTS_OTHER = re.compile(
    r"\b(?:said|says|claimed|claims|insisted|insists|announced|stated|maintained|maintains|argued|argues|"
    r"alleged|alleges|(?:was|were|is|are)\s+(?:very\s+|quite\s+)?clear|made\s+(?:it\s+)?clear)"
    r"(?:\s+\w+){0,2}?\s+that\b|\baccording\s+to\b|\breportedly\b|\ballegedly\b",
    re.I,
)


@dataclass(frozen=True)
class ClaimForm:
    """What linking compares: a claim's keys, anchors (entity-like keys), polarity and who said it.

    ``speaker`` is any stable key for the speaker (a row id or a normalised name; "" unknown);
    ``article`` and ``position`` place the claim so that a reply can find what it answers.
    """

    text: str
    keys: frozenset[str]
    anchors: frozenset[str]
    polarity: str = ASSERTED
    cue_class: str = CueClass.ASSERT
    speaker: str = ""
    article: str = ""
    position: int = 0
    ident: int | None = None
    display: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # Read by every comparison, so worked out once: the text's words, and whether it reports another.
    tokens: frozenset[str] = field(default=frozenset(), compare=False)
    observer: bool = field(default=False, compare=False)
    mass: float = field(default=1.0, compare=False)  # the keys' total weight (similarity's denominator)


@dataclass(frozen=True)
class PairVerdict:
    type: str  # AGREE, CONFLICT or SAME_CLAIM
    score: float  # 0..1, higher is surer
    explanation: str
    shared: tuple[str, ...] = ()


# ---- the normal form ---------------------------------------------------------------------------


def _surface_index() -> tuple[dict[str, str], dict[str, str], re.Pattern[str]]:
    """Single-word forms → key, and every multi-word form in one pattern (one pass over a text)."""
    single: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for table in (ALIASES, SYNONYMS):
        for key, forms in table.items():
            for form in forms:
                (phrases if " " in form else single).setdefault(form, key)
    ordered = sorted(phrases, key=len, reverse=True)  # the longest phrase wins where two start together
    pattern = re.compile(rf"(?<![\w.])(?:{'|'.join(re.escape(p) for p in ordered)})(?!\w)", re.I)
    return single, phrases, pattern


_SINGLE, _PHRASE_KEYS, _PHRASES = _surface_index()
# "US" in capitals is the country; "us" in lower case is the pronoun.
_US_CAPS = re.compile(r"(?<![\w.])(?:US|U\.S\.?)(?![\w])")


def canonical(word: str) -> str:
    """The key of one lemma or entity text: alias and synonym folding, lower case."""
    low = word.lower().replace("’", "'").strip(" .,;:'\"")
    low = re.sub(r"^the\s+", "", low)
    if low in _SINGLE:
        return _SINGLE[low]
    if low.startswith("u.s.-"):  # "u.s.-led" is about the United States too
        return "united states"
    if low.endswith("s") and low[:-1] in _SINGLE:  # entity texts are not lemmatised: "airstrikes"
        return _SINGLE[low[:-1]]
    return low


def claim_form(
    *,
    text: str,
    terms: Iterable[str] = (),
    entities: Iterable[str] = (),
    polarity: str = ASSERTED,
    cue_class: str = CueClass.ASSERT,
    speaker: str = "",
    article: str = "",
    position: int = 0,
    ident: int | None = None,
) -> ClaimForm:
    """Build the normal form from a claim's content and the extractor's lemmas and entities.

    Phrases the lemmas split ("Islamic State", "United States", "go after") are found in the text.
    """
    display: dict[str, str] = {}
    keys: dict[str, None] = {}
    anchors: dict[str, None] = {}
    for entity in entities:
        key = canonical(entity)
        if key and not _is_generic(key):
            anchors.setdefault(key, None)
            display.setdefault(key, entity)
    for term in terms:
        key = canonical(term)
        if key:
            keys.setdefault(key, None)
            display.setdefault(key, term)
    for match in _PHRASES.finditer(text):
        key = _PHRASE_KEYS[re.sub(r"\s+", " ", match.group(0).lower())]
        keys.setdefault(key, None)
        display.setdefault(key, match.group(0))
    if _US_CAPS.search(text):
        keys.setdefault("united states", None)
    for key in list(keys):
        if key in ALIASES:
            anchors.setdefault(key, None)
    keys.update(anchors)
    for key in anchors:
        display.setdefault(key, key)
    mass = sum(ANCHOR_WEIGHT if k in anchors else GENERIC_WEIGHT if _is_generic(k) else TERM_WEIGHT for k in keys)
    return ClaimForm(
        text=text,
        keys=frozenset(keys),
        anchors=frozenset(anchors),
        mass=mass or 1.0,
        polarity=polarity,
        cue_class=cue_class,
        speaker=speaker,
        article=article,
        position=position,
        ident=ident,
        display=display,
        tokens=frozenset(_tokens(text)),
        observer=_REPORTS_OTHER.search(text) is not None,
    )


@lru_cache(maxsize=65536)
def _is_generic(key: str) -> bool:
    return key in GENERIC or all(word in GENERIC for word in key.split())


def weight(key: str, form: ClaimForm) -> float:
    if key in form.anchors:
        return ANCHOR_WEIGHT
    return GENERIC_WEIGHT if _is_generic(key) else TERM_WEIGHT


def similarity(a: ClaimForm, b: ClaimForm) -> tuple[float, tuple[str, ...]]:
    """Weighted overlap of the two key sets (cosine of weights), and the shared keys, anchors first."""
    shared = a.keys & b.keys
    if not shared:
        return 0.0, ()
    common = sum(min(weight(k, a), weight(k, b)) for k in shared)
    score = common / math.sqrt(a.mass * b.mass)
    ordered = sorted(shared, key=lambda k: (k not in a.anchors and k not in b.anchors, _is_generic(k), k))
    return score, tuple(ordered)


def _related(a: ClaimForm, b: ClaimForm, shared: tuple[str, ...], score: float) -> bool:
    """About the same thing: a shared anchor (who or what) and a shared content word (what about it).

    Two anchors alone ("Russia", "Syria") are only the setting, not a subject.
    """
    anchors = [k for k in shared if k in a.anchors or k in b.anchors]
    subjects = [k for k in anchors if k not in SETTING_ANCHORS]
    content = _content_keys(shared, anchors)
    about_same = bool(subjects) and bool(content) or bool(anchors) and len(content) >= 3
    shared_weight = sum(min(weight(k, a), weight(k, b)) for k in shared)
    return about_same and shared_weight >= MIN_SHARED_WEIGHT and score >= MIN_SIMILARITY


def _content_keys(shared: Iterable[str], anchors: Iterable[str]) -> list[str]:
    """Shared keys that say something about the anchors: not generic, not a piece of an anchor's
    name ("bashar", "al" of "bashar al-assad")."""
    anchors = set(anchors)
    name_parts = {part for anchor in anchors for part in re.split(r"[\s-]+", anchor)}
    return [k for k in shared if not _is_generic(k) and k not in anchors and k not in name_parts]


# ---- stance ------------------------------------------------------------------------------------


def stance(form: ClaimForm, keys: Iterable[str] = ()) -> int:
    """+1 when the claim asserts what it says about ``keys``, -1 when it denies it.

    The extractor's polarity, with two corrections: cancelling negations ("no reason they could
    not begin") assert, and an excluding word right before an anchor ("definitely not ISIL",
    "something other than ISIS") denies that anchor's part of an asserted sentence.
    """
    negated = form.polarity == NEGATED
    if negated and _DOUBLE_NEGATION.search(form.text):
        return 1
    if not negated and any(_excluded(form.text, key) for key in keys if key in form.anchors):
        return -1
    return -1 if negated else 1


def _excluded(text: str, key: str) -> bool:
    forms = ALIASES.get(key, (key,))
    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = rf"\b(?:{_EXCLUDING})\s+(?:the\s+|any\s+|an?\s+|anti-)?(?:{names})(?!\w)"
    return re.search(pattern, text, re.I) is not None


def reports_other(form: ClaimForm) -> bool:
    """True when the content reports someone else's claim instead of making one."""
    return form.observer


def refers_back(form: ClaimForm) -> tuple[str, str] | None:
    """A short reply that judges the claim before it: (CONFLICT or AGREE, the words that do it).

    "that was untrue", "I'm not taking that at face value", "we deny this" → CONFLICT;
    "that is true" → AGREE. Longer claims only count when they open with such a reply.
    """
    head = " ".join(form.text.split()[:_REFERS_BACK_MAX_WORDS])
    for pattern in _REFUTE_BACK:
        if match := pattern.search(head):
            return CONFLICT, match.group(0).strip(' .,;:"“”')
    if match := _CONFIRM_BACK.search(head):
        return AGREE, match.group(0).strip(' .,;:"“”')
    return None


# ---- verdicts ----------------------------------------------------------------------------------


def classify_pair(a: ClaimForm, b: ClaimForm) -> PairVerdict | None:
    """Agree, conflict or the same claim again; None when the two are not about the same thing.

    Similar content and opposite stance → conflict; similar content and the same stance → agree
    (scored lower when one speaker repeats themself); near-identical words of one speaker in two
    articles → the same claim reported again.
    """
    score, shared = similarity(a, b)
    if _same_words(a, b):
        if a.speaker and a.speaker == b.speaker and a.article != b.article:
            return PairVerdict(
                SAME_CLAIM, 0.95, f"the same words from the same speaker in two articles: '{_short(a.text)}'", shared
            )
        return PairVerdict(AGREE, 0.9, f"near-identical words: '{_short(a.text)}'", shared)
    if reports_other(a) or reports_other(b):  # an observer takes no side, so agrees or conflicts with nobody
        return None
    if rivals := rival_parties(a, b, shared):
        return _rival_verdict(a, b, shared, score, rivals)
    if not _related(a, b, shared, score):
        return None
    sign_a, sign_b = stance(a, shared), stance(b, shared)
    topic = _topic(a, b, shared)
    if sign_a != sign_b:
        return PairVerdict(CONFLICT, _score(score), f"opposite polarity on: {topic}", shared)
    same_speaker = bool(a.speaker) and a.speaker == b.speaker
    score = _score(score) * (0.8 if same_speaker else 1.0)
    how = "both deny" if sign_a < 0 else "both assert"
    who = " (the same speaker again)" if same_speaker else ""
    return PairVerdict(AGREE, score, f"{how}: {topic}{who}", shared)


def rival_parties(a: ClaimForm, b: ClaimForm, shared: Iterable[str]) -> tuple[str, str] | None:
    """(a's party, b's party) when the two name different rival parties as the object of one action.

    "Russian airstrikes hit the CIA-trained rebel group" and "they hit ISIS targets": the same action
    (``strike``), and each names a party the other does not. A party named before the action
    ("rebels attacked …") is its subject, not its object, and does not count.
    """
    actions = [k for k in ACTION_KEYS if k in shared]
    if not actions:
        return None
    for group in RIVALS:
        mine, theirs = group & a.anchors - b.keys, group & b.anchors - a.keys
        if mine and theirs and not group & a.keys & b.keys:
            party_a, party_b = min(mine), min(theirs)
            if _as_object(a.text, party_a) and _as_object(b.text, party_b):
                return party_a, party_b
    return None


def _rival_verdict(
    a: ClaimForm, b: ClaimForm, shared: tuple[str, ...], score: float, rivals: tuple[str, str]
) -> PairVerdict:
    # Asserting the action on different parties conflicts; denying it on one and asserting it on the
    # other ("not ISIS" / "rebel groups") agrees.
    kind = CONFLICT if stance(a) == stance(b) else AGREE
    party_a, party_b = (_shown(p, p) for p in rivals)
    topic = _topic(a, b, shared) or "the same action"
    return PairVerdict(kind, _score(score + 0.1), f"different parties on: {topic} ({party_a} vs {party_b})", shared)


def _as_object(text: str, party: str) -> bool:
    """The party is named after an action word in the same phrase ("hit locations of the rebel
    group"), not before it ("rebels attacked") nor in a clause of its own ("aimed at recapturing
    territory that Assad lost to rebels")."""
    parties = _positions(text, ALIASES.get(party, (party,)))
    actions = _positions(text, [f for k in ACTION_KEYS for f in SYNONYMS.get(k, (k,))])
    for party_at in parties:
        before = [at for at in actions if at < party_at]
        if before and _CLAUSE_BOUNDARY.search(text[max(before) : party_at]) is None:
            return True
    return False


def _positions(text: str, forms: Iterable[str]) -> list[int]:
    # Word starts, so that inflections match: "strik" finds "striking", "hit" finds "hitting".
    stems = sorted({f[:-1] if f.endswith("e") and " " not in f else f for f in forms}, key=len, reverse=True)
    pattern = rf"(?<![\w-])(?:{'|'.join(re.escape(s) for s in stems)})"
    return [found.start() for found in re.finditer(pattern, text, re.I)]


def reply_verdict(reply: ClaimForm, previous: ClaimForm) -> PairVerdict | None:
    """The verdict between a reply that refers back ("that was untrue") and the claim before it."""
    found = refers_back(reply)
    if found is None:
        return None
    kind, words = found
    if kind == CONFLICT:
        return PairVerdict(CONFLICT, 0.8, f"denies the claim just before it: '{words}'")
    return PairVerdict(AGREE, 0.75, f"confirms the claim just before it: '{words}'")


def dispute_fit(form: ClaimForm, key_terms: Sequence[str], anchors: Iterable[str]) -> tuple[float, str] | None:
    """How well a claim fits a dispute about ``key_terms`` (anchors among them), and its side.

    A member shares at least one of the dispute's anchors and one more of its keys; it supports
    the dispute when it asserts that, refutes it when it denies it.
    """
    if reports_other(form):
        return None
    keys, anchors = set(key_terms), set(anchors)
    shared = form.keys & keys
    rival = _rival_of_dispute(form, key_terms, anchors)
    anchor_hits = shared & set(anchors) | ({rival} if rival else set())
    content = _content_keys(shared, anchor_hits)
    if not anchor_hits or not content or not anchor_hits - SETTING_ANCHORS and len(content) < 3:
        return None
    score = len(content) / math.sqrt(len(keys) * max(len(form.keys), 1))
    sign = stance(form, shared) * (-1 if rival else 1)  # the action on a rival party denies the dispute's
    return min(1.0, 0.3 + score), SUPPORTS if sign > 0 else REFUTES


def _rival_of_dispute(form: ClaimForm, key_terms: Sequence[str], anchors: Iterable[str]) -> str | None:
    """The rival party the claim names instead of the dispute's party (the first one in its keys:
    founding keys come first, so a dispute about ISIS that learned "rebel" is still about ISIS)."""
    parties = frozenset().union(*RIVALS)
    subject = next((k for k in key_terms if k in parties and k in anchors), None)
    if subject is None or subject in form.keys or not form.keys & set(key_terms) & set(ACTION_KEYS):
        return None
    group = next(g for g in RIVALS if subject in g)
    named = sorted(p for p in group & form.anchors if _as_object(form.text, p))
    return named[0] if named else None


def dispute_keys(forms: Iterable[ClaimForm], *, limit: int = 8) -> tuple[list[str], list[str]]:
    """The keys most members share (at least two of them, anchors first), and which are anchors."""
    counts: dict[str, int] = {}
    anchors: set[str] = set()
    for form in forms:
        for key in form.keys:
            if not _is_generic(key):
                counts[key] = counts.get(key, 0) + 1
        anchors |= form.anchors
    common = [k for k, n in counts.items() if n >= 2]
    common.sort(key=lambda k: (-counts[k], k not in anchors, k))
    keys = common[:limit]
    return keys, [k for k in keys if k in anchors]


def dispute_label(forms: Iterable[ClaimForm], keys: Iterable[str]) -> str:
    """A short label: the dispute's keys as the members wrote them ("ISIS · Russia · strike")."""
    display: dict[str, str] = {}
    for form in forms:
        for key, shown in form.display.items():
            display.setdefault(key, shown)
    words = [_shown(key, display.get(key, key)) for key in keys]
    return " · ".join(words[:5])[:300] or "dispute"


# ---- helpers -----------------------------------------------------------------------------------


def _shown(key: str, shown: str) -> str:
    if key in ALIASES:
        return {"isis": "ISIS", "united states": "United States", "al qaeda": "al Qaeda"}.get(key, key.title())
    return shown if any(ch.isupper() for ch in shown) else key


def _topic(a: ClaimForm, b: ClaimForm, shared: tuple[str, ...]) -> str:
    display = {**b.display, **a.display}
    words = [_shown(k, display.get(k, k)) for k in shared if not _is_generic(k)]
    return ", ".join(words[:6])


def _score(similarity_score: float) -> float:
    return round(min(0.99, 0.4 + similarity_score), 3)


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _same_words(a: ClaimForm, b: ClaimForm) -> bool:
    ta, tb = a.tokens, b.tokens
    if len(ta) < 4 or len(tb) < 4:
        return False
    return len(ta & tb) / len(ta | tb) >= SAME_CLAIM_TOKEN_OVERLAP


def _short(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
