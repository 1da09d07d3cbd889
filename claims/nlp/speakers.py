"""Speaker resolution inside one article: names, titles, roles, affiliations and coreference.

A `SpeakerRegistry` lives for one article. Each speaker mention is turned into an `_Entry`
(the canonical speaker), merging "Lt. Gen. Robert Otto", "Otto" and "he" into one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .types import SpeakerKind, SpeakerRef

# Words that are a title or rank in front of a name: kept as the role, not the name.
TITLES = set(
    """mr mrs ms miss dr prof sir dame lord lady gen general lt lieutenant col colonel maj major
    capt captain cmdr commander adm admiral sgt sergeant cpl pvt brig rear vice army navy
    president vice-president premier prime minister secretary deputy assistant undersecretary
    under acting interim chief senior former sen senator rep representative gov governor
    mayor judge justice ambassador spokesman spokeswoman spokesperson press speaker leader
    chairman chairwoman chair director attorney rev pope king queen prince princess
    sheikh ayatollah state defense defence foreign of the pentagon kremlin white house
    campaign manager adviser advisor aide gop democratic republican candidate nominee
    first lady""".split()
)
# Adjectives and names that fix an affiliation. General world knowledge, not article data.
AFFILIATIONS: dict[str, str] = {
    **dict.fromkeys(
        [
            "u.s.",
            "us",
            "u.s",
            "usa",
            "american",
            "americans",
            "america",
            "united states",
            "washington",
            "pentagon",
            "white house",
            "state department",
            "cia",
            "fbi",
            "nsa",
        ],
        "United States",
    ),
    **dict.fromkeys(["russia", "russian", "russians", "kremlin", "moscow"], "Russia"),
    **dict.fromkeys(["syria", "syrian", "syrians", "damascus"], "Syria"),
    **dict.fromkeys(["britain", "british", "u.k.", "uk", "london", "england"], "United Kingdom"),
    **dict.fromkeys(["iran", "iranian", "iranians", "tehran"], "Iran"),
    **dict.fromkeys(["iraq", "iraqi", "iraqis", "baghdad"], "Iraq"),
    **dict.fromkeys(["lebanon", "lebanese", "beirut"], "Lebanon"),
    **dict.fromkeys(["israel", "israeli", "israelis"], "Israel"),
    **dict.fromkeys(["turkey", "turkish", "ankara"], "Turkey"),
    **dict.fromkeys(["china", "chinese", "beijing"], "China"),
    **dict.fromkeys(["france", "french", "paris"], "France"),
    **dict.fromkeys(["germany", "german", "berlin"], "Germany"),
    **dict.fromkeys(["ukraine", "ukrainian", "kiev", "kyiv"], "Ukraine"),
    **dict.fromkeys(["saudi", "saudi arabia"], "Saudi Arabia"),
    **dict.fromkeys(["mexico", "mexican"], "Mexico"),
    **dict.fromkeys(["canada", "canadian"], "Canada"),
    **dict.fromkeys(["japan", "japanese", "tokyo"], "Japan"),
    **dict.fromkeys(["india", "indian"], "India"),
    **dict.fromkeys(["nato"], "NATO"),
    **dict.fromkeys(["u.n.", "un", "united nations"], "United Nations"),
}
GOVERNMENT_WORDS = set(
    """government ministry department pentagon kremlin administration white house cabinet
    council state military army navy embassy parliament congress senate""".split()
)
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_PLURAL_PRONOUNS = {"they", "them"}
_RELATIVE = {"who", "which", "that", "whom"}
_QUANTIFIERS = {"one", "some", "many", "several", "most", "two", "three", "four", "few", "all", "both", "each", "none"}
_MAX_MENTION_TOKENS = 30


@dataclass(eq=False)  # identity: two entries with equal fields are still two speakers
class _Entry:
    name: str
    kind: str
    role: str = ""
    affiliation: str = ""
    aliases: set[str] = field(default_factory=set)
    plural: bool = False


@dataclass
class Resolved:
    """A speaker mention at one claim, pointing at its registry entry."""

    entry: _Entry
    mention: str
    start: int
    end: int

    def ref(self, text: str) -> SpeakerRef:
        """Freeze, with the mention re-read from the original ``text`` (not the scrubbed one)."""
        entry = self.entry
        aliases = tuple(sorted(a for a in entry.aliases if a and a != entry.name))
        return SpeakerRef(
            entry.name,
            text[self.start : self.end],
            self.start,
            self.end,
            entry.kind,
            entry.role,
            entry.affiliation,
            aliases,
        )


class SpeakerRegistry:
    """The speakers of one article, most recent last."""

    def __init__(self) -> None:
        self._entries: list[_Entry] = []  # recency order: re-used entries move to the end
        self._people: list[_Entry] = []  # every person named, speaker or not, for surnames

    def observe(self, doc: Doc) -> None:
        """Remember full names of people mentioned, so a later bare surname resolves."""
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                words = _name_words(ent)
                if len(words) >= 2 and self._person_by_surname(words[-1]) is None:
                    self._people.append(_Entry(" ".join(words), SpeakerKind.PERSON))

    def resolve(self, head: Token, offset: int) -> Resolved:
        """Resolve the speaker whose syntactic head is ``head`` (``offset``: chunk start)."""
        mention = _mention_span(head)
        start, end = offset + mention.start_char, offset + mention.end_char
        entry = self._entry_for(head)
        if head.pos_ != "PRON" and head.lower_ not in _RELATIVE:  # pronouns are mentions, not names
            entry.aliases.add(_clean(_core_span(head).text))
        self._touch(entry)
        return Resolved(entry, mention.text, start, end)

    def resolve_label(self, label: str, start: int, end: int) -> Resolved:
        """A speaker named only by a label, such as a transcript's "WALLACE:": the person seen
        before under that surname, or a new person of that name."""
        entry = self._person_by_surname(label.split()[-1])
        if entry is None:
            entry = _Entry(label, SpeakerKind.PERSON)
            self._people.append(entry)
        entry.aliases.add(label)
        self._touch(entry)
        return Resolved(entry, label, start, end)

    def last(self, kind: str | None = None) -> _Entry | None:
        for entry in reversed(self._entries):
            if kind is None or entry.kind == kind:
                return entry
        return None

    def _touch(self, entry: _Entry) -> None:
        if entry in self._entries:
            self._entries.remove(entry)
        self._entries.append(entry)

    def _entry_for(self, head: Token) -> _Entry:
        if head.lower_ in _RELATIVE and head.head.head.i != head.head.i:
            return self._entry_for(head.head.head)  # "Trump, who said …": the relative's antecedent
        if head.pos_ == "PRON":
            return self._pronoun(head)
        head = _quantified(head)
        core = _core_span(head)
        person = _person_in(core)
        if person is not None:
            return self._person(person, core, head)
        if head.text[:1].isupper() and len(core) == 1 and self._person_by_surname(head.text):
            # A bare surname seen before as a person's ("Reyes"), whatever NER calls it now.
            return self._person(core, core, head)
        if _is_definite_description(core):
            found = self._by_common_noun(head.lemma_.lower())
            if found is not None:
                return found
        return self._other(core, head)

    def _pronoun(self, head: Token) -> _Entry:
        word = head.lower_
        if word in _PERSON_PRONOUNS:
            found = self.last(SpeakerKind.PERSON) or (self._people[-1] if self._people else None)
        elif word in _PLURAL_PRONOUNS:
            found = next((e for e in reversed(self._entries) if e.plural or e.kind != SpeakerKind.PERSON), None)
        elif word == "it":
            found = next(
                (e for e in reversed(self._entries) if e.kind in {SpeakerKind.ORGANISATION, SpeakerKind.GOVERNMENT}),
                None,
            )
        else:
            found = None
        return found or _Entry(head.text, SpeakerKind.UNKNOWN, plural=word in _PLURAL_PRONOUNS)

    def _person(self, person: Span, core: Span, head: Token) -> _Entry:
        words = _name_words(person)
        name = " ".join(words) or person.text
        entry = self._find_person(words)
        if entry is None:
            entry = _Entry(name, SpeakerKind.PERSON)
            self._people.append(entry)
        if len(words) > len(entry.name.split()):
            entry.aliases.add(entry.name)
            entry.name = name
        entry.aliases.add(words[-1] if words else name)
        role = _role(core, person, head)
        entry.role = entry.role or role
        entry.affiliation = entry.affiliation or _affiliation(role)
        return entry

    def _find_person(self, words: list[str]) -> _Entry | None:
        if not words:
            return None
        full = " ".join(words).lower()
        for entry in reversed(self._people):
            if entry.name.lower() == full:
                return entry
        # Only a bare surname is looked up by surname: "John Kerry" never merges into "Mary Kerry".
        return self._person_by_surname(words[-1]) if len(words) == 1 else None

    def _person_by_surname(self, surname: str) -> _Entry | None:
        surname = surname.lower()
        return next((e for e in reversed(self._people) if e.name.lower().split()[-1] == surname), None)

    def _by_common_noun(self, lemma: str) -> _Entry | None:
        # "the official" / "the sources" after "a U.S. official" / "two Lebanese sources".
        for entry in reversed(self._entries):
            text = f"{entry.name} {entry.role}".lower()
            if re.search(rf"\b{re.escape(lemma)}", text):
                return entry
        return None

    def _other(self, core: Span, head: Token) -> _Entry:
        name = _clean(_strip_determiners(core).text)
        for entry in reversed(self._entries):
            if entry.name.lower() == name.lower():
                return entry
        plural = head.tag_ in {"NNS", "NNPS"}
        entry = _Entry(name, _kind_of(core, head, plural), plural=plural)
        entry.role = _appositive(head)
        entry.affiliation = _affiliation(f"{core.text} {entry.role}")
        return entry


def _quantified(head: Token) -> Token:
    """ "one of the sources" → "sources"."""
    if head.lower_ in _QUANTIFIERS:
        of = next((c for c in head.children if c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            return obj
    return head


def _mention_span(head: Token) -> Span:
    """The speaker phrase as written, with appositives ("Dmitry Peskov, the Kremlin spokesman")."""
    doc = head.doc
    left, right = head.left_edge.i, head.right_edge.i + 1
    # Clauses hanging off the name ("…, when asked whether …") are not part of the mention.
    clause = next(
        (c for c in head.rights if c.dep_ in {"acl", "advcl"} or c.dep_ == "relcl" and not _has_relative(c)), None
    )
    if clause is not None:
        right = clause.left_edge.i
    if right - left > _MAX_MENTION_TOKENS:
        left, right = _core_span(head).start, head.i + 1
    while right - left > 1 and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    while right - left > 1 and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return doc[left:right]


def _has_relative(clause: Token) -> bool:
    # "Jane Doe, who chairs the panel," keeps its relative clause: it identifies the speaker.
    return any(t.lower_ in {"who", "whom", "whose", "which"} for t in clause.lefts)


def _core_span(head: Token) -> Span:
    """The noun phrase up to its head: modifiers, compounds and determiners, no appositive."""
    left = head.i
    for child in head.lefts:
        if child.dep_ in {"compound", "amod", "nmod", "poss", "nummod", "det", "quantmod", "npadvmod", "advmod"}:
            left = min(left, child.left_edge.i)
    span = head.doc[left : head.i + 1]
    # A title before a name is sometimes attached as its own compound chain ("Col. Steve Warren").
    return span


def _person_in(core: Span) -> Span | None:
    head = core[-1]
    ents = [e for e in core.doc.ents if e.label_ == "PERSON" and e.start <= head.i < e.end]
    if ents:
        return ents[0]
    # The small model misses some names; a capitalised proper-noun head is taken as a person
    # only when no other entity type claims it.
    if head.pos_ == "PROPN" and not head.ent_type_ and head.text[:1].isupper() and head.tag_ == "NNP":
        return core.doc[head.i : head.i + 1]
    return None


def _name_words(person: Span) -> list[str]:
    words = [t.text for t in person if not t.is_punct and t.text.strip(".").lower() not in TITLES]
    while words and words[-1].lower() in {"'s", "’s"}:
        words.pop()
    return words


def _role(core: Span, person: Span, head: Token) -> str:
    before = core.doc[core.start : person.start]
    titles = "".join(t.text_with_ws for t in person if t.text.strip(".").lower() in TITLES or t.text == ".")
    parts = [_clean(before.text) if len(before) else "", titles.strip(), _appositive(head)]
    return _clean(" ".join(p for p in parts if p))


def _appositive(head: Token) -> str:
    appos = next((c for c in head.rights if c.dep_ == "appos"), None)
    if appos is None:
        return ""
    span = head.doc[appos.left_edge.i : appos.right_edge.i + 1]
    return _clean(_strip_determiners(span).text)


def _strip_determiners(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and (
        span.doc[start].dep_ in {"det", "nummod", "quantmod", "predet"} or span.doc[start].is_punct
    ):
        start += 1
    return span.doc[start : span.end]


def _is_definite_description(core: Span) -> bool:
    return core[0].lower_ in {"the", "this", "these", "that", "those"} and not any(t.pos_ == "PROPN" for t in core)


def _kind_of(core: Span, head: Token, plural: bool) -> str:
    labels = {t.ent_type_ for t in core}
    words = {t.lower_ for t in core}
    if head.ent_type_ in {"GPE"} or words & GOVERNMENT_WORDS:
        return SpeakerKind.GOVERNMENT
    if head.ent_type_ in {"ORG", "NORP"} or "ORG" in labels and head.pos_ == "PROPN":
        return SpeakerKind.ORGANISATION
    if head.lemma_.lower() in _ORGANISATION_NOUNS:
        return SpeakerKind.ORGANISATION
    if plural:
        return SpeakerKind.GROUP
    if head.pos_ == "NOUN":
        return SpeakerKind.PERSON if head.lemma_ in _PERSON_NOUNS else SpeakerKind.UNKNOWN
    return SpeakerKind.UNKNOWN


_PERSON_NOUNS = set(
    """official spokesman spokeswoman spokesperson source aide adviser advisor analyst
    diplomat minister secretary senator lawmaker president chairman director expert officer
    commander general colonel man woman resident witness lawyer attorney mayor governor judge
    prosecutor economist professor scientist doctor spokesperson chief candidate nominee
    author writer reporter editor activist""".split()
)
_ORGANISATION_NOUNS = set(
    """union company firm group party agency organization organisation association
    newspaper paper network committee commission board institute bank court campaign
    authority club society foundation""".split()
)


_AFFILIATION_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(p) for p in sorted(AFFILIATIONS, key=len, reverse=True)) + r")(?!\w)"
)


def _affiliation(text: str) -> str:
    match = _AFFILIATION_RE.search(text.lower())
    return AFFILIATIONS[match.group(1)] if match else ""


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:-\u2014\u2013")
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
