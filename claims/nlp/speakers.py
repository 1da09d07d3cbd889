"""Speaker resolution inside one article: names, titles, roles, affiliations and coreference.

A `SpeakerRegistry` lives for one article. Each speaker mention is turned into an `_Entry`
(the canonical speaker), merging "Lt. Gen. Robert Otto", "Otto" and "he" into one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .cues import can_report
from .lexicons import lexicon, words
from .syntax import QUOTE_MARKS
from .types import SpeakerKind, SpeakerRef

# Word lists are data (lexicon/*.tsv). Titles or ranks in front of a name are kept as the role.
TITLES = words("titles")
# Adjectives and names that fix an affiliation. General world knowledge, not article data.
AFFILIATIONS: dict[str, str] = lexicon("affiliations")
GOVERNMENT_WORDS = words("government_words")
# Possessives speak too: "his claim that …", "their view that …".
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
_PLURAL_PRONOUNS = {"they", "them", "their"}
_RELATIVE = {"who", "which", "that", "whom"}
_SUBJECT_PRONOUNS = {"he", "she"}
_SUBJECTS = {"nsubj", "nsubjpass"}
# Heads that count or measure the speakers named after "of": "one of the sources", "a number of
# studies", "79 percent of Democrats" speak as the sources, the studies, the Democrats.
_QUANTIFIERS = set(
    "one two three four some many several most few all both each none number majority handful percent".split()
)
# Longer source phrases are cut at a modifier boundary: the name and what identifies it stay.
_MAX_MENTION_TOKENS = 40
_TITLE_ABBREVIATIONS = lexicon("title_abbreviations")
_ABBREVIATED_TITLE = re.compile(r"\b(" + "|".join(_TITLE_ABBREVIATIONS) + r")\.")
_NOUN_CLAUSES = {"acl", "relcl", "conj", "appos"}
_RELATIVE_OPENERS = _RELATIVE | {"whose", "where"}  # a set-off clause may open with these too
# A role is read as a short phrase: "fellow at the Institute", not the clauses after it.
_MAX_ROLE_TOKENS = 12
_ARTICLES = {"the", "a", "an"}
_CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}(?:[AaPp]\.?[Mm]\.?)?")
_NAME_TAIL_PREPOSITIONS = {"of", "on", "for"}
_NAME_FUNCTION_WORDS = {"of", "on", "for", "and", "the", "&"}
_MAX_NAME_TAIL_TOKENS = 6
_ROLE_ENDS = {"relcl", "acl", "advcl", "appos", "cc", "conj", "parataxis"}
# Words that tell a person's gender when they stand in the name's phrase ("Mrs. Ortiz", "the
# party's chairwoman, Ana Ortiz"); the pronouns the article uses for the person tell it too.
_MASCULINE_WORDS = words("gender_words", "m")
_FEMININE_WORDS = words("gender_words", "f")
_GENDER_OF_MORPH = {"Masc": "m", "Fem": "f"}


@dataclass(eq=False)  # identity: two entries with equal fields are still two speakers
class _Entry:
    name: str
    kind: str
    role: str = ""
    affiliation: str = ""
    aliases: set[str] = field(default_factory=set)
    plural: bool = False
    gender: str = ""  # "m", "f" or unknown: a pronoun never resolves to a person of the other one


@dataclass
class Resolved:
    """A speaker mention at one claim, pointing at its registry entry. The entry is found when
    the registry settles the mention's chunk, in text order; reading it earlier settles then."""

    mention: str
    start: int
    end: int
    registry: SpeakerRegistry = field(repr=False)
    found: _Entry | None = None

    @property
    def entry(self) -> _Entry:
        if self.found is None:
            self.registry.settle()
        assert self.found is not None
        return self.found

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
        self._pending: list[tuple[Token, Resolved]] = []  # this chunk's mentions, not yet settled
        self._quiet: set[int] = set()  # mention heads only the tagger saw: they move no one to the fore
        self._names: list[Span] = []  # this chunk's person names, registered in text order
        self._genders: dict[int, str] = {}  # person name start -> gender its own sentence shows
        self._closing: Span | None = None  # the last sentence of the chunk observed last
        self._before: Span | None = None  # the sentence just before this chunk

    def observe(self, doc: Doc) -> None:
        """Take the person names of a chunk: each is remembered, in text order as `settle` walks
        the chunk, so a later bare surname or pronoun resolves to it."""
        self._names = [ent for ent in doc.ents if ent.label_ == "PERSON" and not _names_a_body(ent)]
        self._genders = _genders_shown(doc, self._names)
        self._before, self._closing = self._closing, (doc[-1].sent if len(doc) else None)

    def resolve(self, head: Token, offset: int, stop: Token | None = None, *, quiet: bool = False) -> Resolved:
        """The speaker mention whose syntactic head is ``head`` (``offset``: chunk start); the
        mention, the source as written, ends before ``stop`` (the cue). Its entry is found when
        the chunk is settled. A ``quiet`` mention (a tagger's source) does not make its speaker
        the most recent one, so the pronouns after it resolve as the rules alone would."""
        head = _past_time_stamp(_past_dateline(head), stop)
        if quiet:
            self._quiet.add(head.i)
        host = _participle_host(head)
        mention = _mention_span(head, stop, host)
        start, end = offset + mention.start_char, offset + mention.end_char
        resolved = Resolved(mention.text, start, end, self)
        self._pending.append((host or head, resolved))
        return resolved

    def settle(self) -> None:
        """Resolve the chunk's mentions in text order, registering its person names as they come:
        rules find speakers in priority order, but "he" must see only the names before it."""
        names = iter(self._names)
        name = next(names, None)
        entries: dict[int, _Entry] = {}  # one mention head, one entry, however many claims use it
        for head, resolved in sorted(self._pending, key=lambda pending: pending[0].i):
            while name is not None and name.start <= head.i:
                self._remember(name)
                name = next(names, None)
            if head.i not in entries:
                entries[head.i] = self._settle_one(head, touch=head.i not in self._quiet)
            resolved.found = entries[head.i]
        while name is not None:
            self._remember(name)
            name = next(names, None)
        self._pending, self._names, self._genders, self._quiet = [], [], {}, set()

    def _settle_one(self, head: Token, *, touch: bool = True) -> _Entry:
        entry = self._entry_for(head)
        named = _quantified(head)  # "one of the sources": the sources are named, not "one"
        if named.pos_ != "PRON" and named.lower_ not in _RELATIVE:  # pronouns are mentions, not names
            entry.aliases.add(_clean(_core_span(named).text))
        if touch:
            self._touch(entry)
        return entry

    def _remember(self, name: Span) -> None:
        words = _name_words(name)
        if len(words) < 2:
            return
        title = name.doc[max(name.start - 1, 0) : name.end].text  # "Mrs. Ortiz": NER leaves out the title
        gender = _gender_of_words(title) or self._genders.get(name.start, "")
        entry = self._find_person(words, gender)
        if entry is None and self._person_by_surname(words[-1]) is None:
            entry = _Entry(" ".join(words), SpeakerKind.PERSON)
            self._people.append(entry)
        if entry is not None:
            if len(words) > len(entry.name.split()):  # the full name of a person first met by surname
                entry.aliases.add(entry.name)
                entry.name = " ".join(words)
            entry.gender = entry.gender or gender

    def resolve_label(self, label: str, start: int, end: int) -> Resolved:
        """A speaker named only by a label, such as a transcript's "WALLACE:": the person seen
        before under that surname, or a new person of that name."""
        entry = self._person_by_surname(label.split()[-1])
        if entry is None:
            entry = _Entry(label, SpeakerKind.PERSON)
            self._people.append(entry)
        entry.aliases.add(label)
        self._touch(entry)
        return Resolved(label, start, end, self, entry)

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
        head = _quantified(head)
        antecedent = _antecedent(head) if head.lower_ in _RELATIVE else None
        if antecedent is not None:
            return self._entry_for(antecedent)  # "Trump, who said …"; "aides, most of whom said …"
        if head.pos_ == "PRON":
            named = _cataphor_subject(head) or _clause_subject(head)
            opening = self._opening_subject_unshared(head) if named is None else None
            named = named or opening
            entry = self._entry_for(named) if named is not None else None
            if entry is None or entry.gender not in {"", _pronoun_gender(head)}:
                return self._pronoun(head)
            if opening is not None:
                # The sentence after shows the person's gender, as "Ortiz said she …" does in
                # one: a later pronoun of the other gender then looks past them.
                entry.gender = entry.gender or _pronoun_gender(head)
            return entry
        core = _core_span(head)
        shortened = self._shortened_body(core, head)
        if shortened is not None:
            return shortened
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

    def _opening_subject_unshared(self, head: Token) -> Token | None:
        """`_opening_subject`, unless it is a bare surname two people of the article share
        ("Clinton" after both Bill and Hillary Clinton): then whose it is stays unclear."""
        subject = _opening_subject(head, self._before)
        if subject is None:
            return None
        ent = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
        words = _name_words(ent) if ent is not None else [subject.text]
        if len(words) == 1 and sum(e.name.lower().split()[-1] == words[0].lower() for e in self._people) > 1:
            return None
        return subject

    def _pronoun(self, head: Token) -> _Entry:
        word = head.lower_
        if word in _PERSON_PRONOUNS:
            found = self._person_for(_pronoun_gender(head))
        elif word in _PLURAL_PRONOUNS:
            found = next((e for e in reversed(self._entries) if _can_be_they(e)), None)
        elif word in {"it", "its"}:
            found = next(
                (e for e in reversed(self._entries) if e.kind in {SpeakerKind.ORGANISATION, SpeakerKind.GOVERNMENT}),
                None,
            )
        else:
            found = None
        return found or _Entry(head.text, SpeakerKind.UNKNOWN, plural=word in _PLURAL_PRONOUNS)

    def _person_for(self, gender: str) -> _Entry | None:
        """The person "he" or "she" stands for: the latest person speaker unless known to be of
        the other gender, else the latest person known to be of this one. No guess beyond: the
        pronoun stays unresolved rather than name someone of the wrong gender."""
        latest = self.last(SpeakerKind.PERSON) or (self._people[-1] if self._people else None)
        if latest is None or not gender or latest.gender in {"", gender}:
            return latest
        same = (e for e in [*reversed(self._entries), *reversed(self._people)] if e.gender == gender)
        return next((e for e in same if e.kind == SpeakerKind.PERSON), None)

    def _person(self, person: Span, core: Span, head: Token) -> _Entry:
        words = _name_words(person)
        name = " ".join(words) or person.text
        role = _role(core, person, head)
        gender = _gender_of_words(f"{core.text} {role}") or self._genders.get(person.start, "")
        entry = self._find_person(words, gender)
        if entry is None:
            entry = _Entry(name, SpeakerKind.PERSON)
            self._people.append(entry)
        if len(words) > len(entry.name.split()):
            entry.aliases.add(entry.name)
            entry.name = name
        entry.aliases.add(words[-1] if words else name)
        entry.role = entry.role or role
        entry.affiliation = entry.affiliation or _affiliation(f"{role} {_appositive(head, whole=True)}")
        entry.gender = entry.gender or gender
        return entry

    def _find_person(self, words: list[str], gender: str = "") -> _Entry | None:
        if not words:
            return None
        full = " ".join(words).lower()
        for entry in reversed(self._people):
            if entry.name.lower() == full:
                return entry
        # Only a bare surname is looked up by surname: "John Kerry" never merges into "Mary Kerry".
        if len(words) == 1:
            return self._person_by_surname(words[-1])
        # A person named by surname alone before their full name ("Mr. Ryan said" in a lead,
        # "Speaker Paul D. Ryan" below): the full name is theirs, unless their genders differ.
        bare = words[-1].lower()
        for entry in reversed(self._people):
            if entry.name.lower() == bare and (not gender or not entry.gender or entry.gender == gender):
                return entry
        return None

    def _person_by_surname(self, surname: str) -> _Entry | None:
        surname = surname.lower()
        return next((e for e in reversed(self._people) if e.name.lower().split()[-1] == surname), None)

    def _by_common_noun(self, lemma: str) -> _Entry | None:
        # "the official" / "the sources" after "a U.S. official" / "two Lebanese sources".
        # "the senator" after "Sen. Jane Doe": abbreviated titles are read in full.
        # A body's noun never names a person: "the campaign" after "campaign spokesman Jason
        # Miller" is the campaign, not its spokesman.
        body = lemma in _ORGANISATION_NOUNS
        for entry in reversed(self._entries):
            if body and entry.kind == SpeakerKind.PERSON:
                continue
            text = _ABBREVIATED_TITLE.sub(
                lambda m: _TITLE_ABBREVIATIONS[m.group(1)], f"{entry.name} {entry.role}".lower()
            )
            if re.search(rf"\b{re.escape(lemma)}", text):
                return entry
        return None

    def _shortened_body(self, core: Span, head: Token) -> _Entry | None:
        """"the Post" after "The Washington Post", "the Ministry" after "the Defense Ministry": a
        body's name shortened to its last word, as a person's to the surname (whatever NER makes
        of the lone word)."""
        if len(core) != 2 or core[0].lower_ != "the" or head.tag_ not in {"NNP", "NNPS"}:
            return None
        return self._body_shortened_to(head.text)

    def _body_shortened_to(self, word: str) -> _Entry | None:
        """The latest body whose name ``word`` shortens (`_shortens_to`)."""
        return next((e for e in reversed(self._entries) if _shortens_to(e, word)), None)

    def _other(self, core: Span, head: Token) -> _Entry:
        name = _clean(_strip_determiners(core).text + _name_tail(head))
        for entry in reversed(self._entries):
            if entry.name.lower() == name.lower():
                return entry
        # "the nonpartisan Commission" after "the Commission on Presidential Debates": the name
        # with a describing adjective before it, or without its "of …" part, is the same body.
        bare = _without_describing_words(core)
        found = self._body_shortened_to(bare) if bare is not None else None
        if found is not None:
            return found
        plural = head.tag_ in {"NNS", "NNPS"}
        entry = _Entry(name, _kind_of(core, head, plural), plural=plural, gender=_gender_of_words(core.text))
        entry.role = _appositive(head)
        entry.affiliation = _affiliation(f"{core.text} {_appositive(head, whole=True)}")
        return entry


def _shortens_to(entry: _Entry, word: str) -> bool:
    """A body named in several words that ``word`` shortens: its last word ("the Post" for "The
    Washington Post"), or its head before "of", "on" or "for" ("the Department" for "Department
    of Justice")."""
    words = entry.name.lower().split()
    if entry.kind == SpeakerKind.PERSON or len(words) < 2:
        return False
    word = word.lower()
    head = next((words[i - 1] for i, w in enumerate(words) if i and w in _NAME_TAIL_PREPOSITIONS), None)
    return words[-1] == word or head == word


def _name_tail(head: Token) -> str:
    """The "of …" part of a body's proper name, with the space before it: " of Justice" in
    "Department of Justice", " on Presidential Debates", " of America" ("" when there is none).
    Only for a body's noun written as a name ("Department", "Commission": ``speaker_nouns.tsv``)
    and a complement of capitalised words: "Ana Ruiz of Human Rights Watch" is a person and her
    body, "senior Democrats on the House Judiciary Committee" a group, "the head of the agency"
    no name."""
    if not _body_name(head):
        return ""
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in _NAME_TAIL_PREPOSITIONS), None)
    if prep is None or prep.i != head.i + 1:
        return ""
    tail = head.doc[prep.i : prep.right_edge.i + 1]
    words = [t for t in tail[1:] if not t.is_punct]
    named = words and all(t.text[:1].isupper() or t.lower_ in _NAME_FUNCTION_WORDS for t in words)
    if not named or not any(t.pos_ == "PROPN" for t in words) or len(tail) > _MAX_NAME_TAIL_TOKENS:
        return ""
    return " " + tail.text


def _body_name(head: Token) -> bool:
    """A body's noun written as (part of) a proper name: "Commission", "Bank", "Department"."""
    return head.tag_ == "NNP" and head.lemma_.lower() in _ORGANISATION_NOUNS


def _without_describing_words(core: Span) -> str | None:
    """The proper-noun head of a name that lowercase words describe ("nonpartisan Commission"
    → "Commission"); None when nothing describes it."""
    head = core[-1]
    if not _body_name(head):
        return None
    described = any(t.dep_ == "amod" and t.text[:1].islower() for t in core if t.head.i == head.i)
    return head.text if described else None


def _gender_of_words(text: str) -> str:
    words = set(re.findall(r"[a-z]+", text.lower()))
    male, female = bool(words & _MASCULINE_WORDS), bool(words & _FEMININE_WORDS)
    return "m" if male and not female else "f" if female and not male else ""


def _genders_shown(doc: Doc, names: list[Span]) -> dict[int, str]:
    """Genders the text itself gives its people: "Smith … she said" (a person the only one named
    before a gendered pronoun of the same sentence, all such pronouns agreeing) makes Smith a
    woman. Keyed by the name's start."""
    shown: dict[int, str] = {}
    by_sentence: dict[int, list[Span]] = {}
    for name in names:
        by_sentence.setdefault(name.sent.start, []).append(name)
    for people in by_sentence.values():
        if len({" ".join(_name_words(p)) for p in people}) > 1:
            continue  # two people in one sentence: the pronoun could be either's
        first, sent = people[0], people[0].sent
        if first.root.dep_ not in {"nsubj", "nsubjpass"} or _gendered_pronoun_in(doc[sent.start : first.start]):
            # "… dogged Jo Kay after she …": only a subject is sure to be picked up again;
            # "… shows him …, but Kay said he …": someone else is already in play.
            continue
        genders: set[str] = set()
        for token in doc[first.end : sent.end]:
            if token.is_quote or token.pos_ == "PROPN" and not any(p.start <= token.i < p.end for p in people):
                break  # a quotation or another name: whose pronoun it is gets unclear
            if token.dep_ in {"nsubj", "nsubjpass"}:
                genders.update(token.morph.get("Gender"))
        genders &= set(_GENDER_OF_MORPH)
        if len(genders) == 1:
            shown.update(dict.fromkeys((p.start for p in people), _GENDER_OF_MORPH[genders.pop()]))
    return shown


def _cataphor_subject(pronoun: Token) -> Token | None:
    """ "Though she called the plan reckless, Ortiz voted for it": a he/she in a clause put before
    the main clause stands for that clause's subject when it is a person's name."""
    if pronoun.lower_ not in _PERSON_PRONOUNS:
        return None
    clause = pronoun
    for _ in range(4):  # the pronoun sits a few arcs below the fronted clause's verb
        if clause.dep_ == "advcl" and clause.i < clause.head.i:
            subject = next((c for c in clause.head.lefts if c.dep_ == "nsubj"), None)
            person = subject is not None and subject.i > clause.right_edge.i and subject.ent_type_ == "PERSON"
            return subject if person else None
        if clause.head.i == clause.i:
            break
        clause = clause.head
    return None


def _clause_subject(pronoun: Token) -> Token | None:
    """ "Trump didn't back away from his pledge …", "Sanders rallied voters with calls to end the
    economy that he says is rigged": a he/she (or his/her) inside a clause whose subject, named
    before it, is a person stands for that person. The nearest clause with another subject
    decides; another person named between them ("… to Rubio's record and his support") or a
    quotation (the speaker's "he" is someone else) leaves the pronoun to the usual rule."""
    if pronoun.lower_ not in _PERSON_PRONOUNS:
        return None
    token = pronoun
    for _ in range(8):  # a few arcs up to the clause's verb
        head = token.head
        if head.i == token.i:
            return None
        subject = next((c for c in head.children if c.dep_ == "nsubj" and c.i != pronoun.i), None)
        if subject is not None:
            between = pronoun.doc[subject.i + 1 : pronoun.i]
            person = subject.ent_type_ == "PERSON" and subject.i < pronoun.i
            clear = not any(t.text in QUOTE_MARKS or _may_be_person(t) for t in between)
            return subject if person and clear else None
        token = head
    return None


def _opening_subject(pronoun: Token, before: Span | None) -> Token | None:
    """ "Ruiz has attacked the budget for weeks. She said on Monday …": a he/she opening its
    sentence as its subject stands for the person the sentence before is about, its main clause's
    subject, ahead of the latest speaker (who may be someone that sentence only mentions). When
    that sentence passes news on ("…, the Gazette reported"; ``cue_verbs.tsv`` class ``report``),
    it is about the reported clause's subject, not the outlet, record or journalist reporting it.
    No subject when it is no person's name, stands inside a quotation, shares its clause with
    another named subject ("A did this, but B did that"), or is named again in the pronoun's own
    sentence ("He accused Ruiz": the pronoun is someone else). A "they" stands likewise for a
    plural subject that can report ("Sanders supporters are crying foul. They have promised …").
    ``before``: the sentence before the pronoun's chunk, for a pronoun opening the chunk."""
    plural = pronoun.lower_ == "they"
    if pronoun.lower_ not in _SUBJECT_PRONOUNS and not plural or pronoun.dep_ not in _SUBJECTS:
        return None
    sent = pronoun.sent
    if pronoun.i != sent.start and not _after_fronted_adverbial(pronoun):
        return None
    previous = pronoun.doc[sent.start - 1].sent if sent.start > 0 else before
    if previous is None:
        return None
    clause = previous.root
    if clause.lemma_.lower() in _REPORT_VERBS:
        clause = next((c for c in clause.children if c.dep_ == "ccomp"), clause)
    subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
    if subject is None or not (_plural_source(subject) if plural else subject.ent_type_ == "PERSON"):
        return None
    quoted = sum(t.text in QUOTE_MARKS for t in previous.doc[previous.start : subject.i]) % 2 == 1
    rival = any(
        c.dep_ == "conj" and any(s.dep_ in _SUBJECTS and s.ent_type_ == "PERSON" for s in c.children)
        for c in clause.children
    )
    named_again = any(t.i != pronoun.i and t.lower_ == subject.lower_ for t in sent)
    return None if quoted or rival or named_again else subject


def _plural_source(subject: Token) -> bool:
    """ "Sanders supporters are crying foul. They have promised …": a plural noun that can report,
    not a pronoun and not coordinated ("Lee and Ruiz met. They …" is neither of them alone)."""
    return (
        subject.tag_ in {"NNS", "NNPS"}
        and can_report(subject)
        and not any(c.dep_ == "conj" for c in subject.children)
    )


def _after_fronted_adverbial(pronoun: Token) -> bool:
    """ "In his statement, he said …", "On Monday, she told …": the subject of its sentence's main
    verb after nothing but an adverbial phrase and its comma, which names no one, so the pronoun
    still opens what the sentence says."""
    sent, verb = pronoun.sent, pronoun.head
    if verb.i != sent.root.i or pronoun.i < sent.start + 2 or pronoun.doc[pronoun.i - 1].text != ",":
        return False
    fronted = [t for t in verb.children if t.i < pronoun.i and t.dep_ != "punct"]
    if len(fronted) != 1 or fronted[0].dep_ not in _FRONTED_ADVERBIALS:
        return False
    phrase = fronted[0]
    if phrase.left_edge.i != sent.start or phrase.right_edge.i != pronoun.i - 2:
        return False
    return not any(t.ent_type_ == "PERSON" for t in phrase.subtree)


_FRONTED_ADVERBIALS = {"prep", "advmod", "npadvmod", "advcl"}


def _may_be_person(token: Token) -> bool:
    # A possessive name may be a person's whatever NER calls it ("Ana Reyes's record").
    return token.ent_type_ == "PERSON" or token.dep_ == "poss" and token.pos_ == "PROPN"


def _pronoun_gender(pronoun: Token) -> str:
    """ "m" or "f" from spaCy's morphology ("he", "her"), "" when it gives none."""
    return next((_GENDER_OF_MORPH[g] for g in pronoun.morph.get("Gender") if g in _GENDER_OF_MORPH), "")


def _gendered_pronoun_in(span: Span) -> bool:
    return any(g in _GENDER_OF_MORPH for t in span if t.pos_ == "PRON" for g in t.morph.get("Gender"))


def _title_cased(sent: Span) -> bool:
    return not any(t.is_alpha and t.text[0].islower() and not t.is_stop for t in sent)


def _can_be_they(entry: _Entry) -> bool:
    # An unresolved pronoun or relative word ("which") is a placeholder, never an antecedent.
    unresolved = entry.name.lower() in _PLURAL_PRONOUNS | _RELATIVE | {"it"}
    return (entry.plural or entry.kind != SpeakerKind.PERSON) and not unresolved


def _antecedent(relative: Token) -> Token | None:
    """The noun a relative clause hangs on, for a relative word near the clause's start ("who",
    "most of whom"); None for a demonstrative "that" or a relative the parser left unattached."""
    clause = relative
    for _ in range(4):  # the relative sits at most a few arcs below its clause's verb
        if clause.dep_ == "relcl":
            near_start = relative.i - clause.left_edge.i <= 3
            if not near_start or clause.head.i == clause.i:
                return None
            return _phrase_head_that_speaks(_conjunct_that_speaks(clause.head, relative))
        if clause.head.i == clause.i or clause.pos_ in {"VERB", "AUX"}:
            break
        clause = clause.head
    return _noun_before_comma(relative)


def _conjunct_that_speaks(noun: Token, relative: Token) -> Token:
    """A relative clause hung on a noun that cannot speak, the first of a coordination ("blamed
    rising costs and the unions, who said …"), is about the conjunct after it nearest the
    relative word that can. ``noun`` when it can speak itself (which of several speakers a clause
    after them is about, the parse alone cannot tell) or no later conjunct can."""
    if can_report(noun):
        return noun
    later = sorted((t for t in noun.conjuncts if noun.i < t.i < relative.i), key=lambda t: -t.i)
    return next((t for t in later if t.pos_ in {"NOUN", "PROPN"} and can_report(t)), noun)


def _phrase_head_that_speaks(noun: Token) -> Token:
    """A relative clause hung on a noun that cannot speak, the object of a preposition, is about
    the noun just before that preposition when that one can ("volunteers from [the village], who
    said …", "the man with a [relationship] with the mayor who said …"): the parser attaches the
    clause, and often the phrase itself, to the nearest noun. In text order, since the phrase's
    own attachment is as often wrong."""
    if can_report(noun) or noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.i == 0:
        return noun
    before = noun.doc[noun.head.i - 1]
    return before if before.pos_ in {"NOUN", "PROPN"} and can_report(before) else noun


def _noun_before_comma(relative: Token) -> Token | None:
    """ "the firefighters, most of whom said …" when the parser did not attach the clause to the
    noun: a wh-relative opening a clause right after a comma refers to the noun before it."""
    doc, start = relative.doc, relative.i
    while start > 0 and doc[start - 1].dep_ in {"nsubj", "prep", "nsubjpass"} | {"det", "amod", "nummod"}:
        start -= 1  # back over "most of" / "some of"
    if relative.lower_ == "that" or start < 2 or start < relative.i - 3 or doc[start - 1].text != ",":
        return None
    noun = doc[start - 2]
    return noun if noun.pos_ in {"NOUN", "PROPN"} else None


def _participle_host(head: Token) -> Token | None:
    """ "A coalition representing bakers endorsed …", parsed with "bakers" as the subject (or
    as the noun "coalition" modifies): the noun before the participle is the source, "bakers"
    only what the participle takes. None for a well-parsed phrase."""
    participle = next((c for c in head.lefts if c.dep_ == "amod" and c.tag_ in {"VBG", "VBN"}), None)
    if participle is None or participle.left_edge.i == 0:
        return None
    noun = head.doc[participle.left_edge.i - 1]
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.i == head.i:
        return None
    sibling_subject = noun.head.i == head.head.i and noun.dep_ in {"nsubj", "nsubjpass"}
    modifier = noun.head.i == head.i and noun.dep_ in {"nmod", "compound"}
    return noun if sibling_subject or modifier else None


def _quantified(head: Token) -> Token:
    """ "one of the sources" → "sources"; "79 percent of Democrats" → "Democrats"."""
    if head.lower_ in _QUANTIFIERS:
        of = next((c for c in head.children if c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            return obj
    return head


def _mention_span(head: Token, stop: Token | None = None, host: Token | None = None) -> Span:
    """The source as written at this claim: the speaker's whole noun phrase, with appositives,
    restrictive participles and relative clauses, prepositional modifiers and coordinated
    sources ("Anna Berg, a researcher at the institute who led …"; "a survey released on
    Monday by the ministry"; "Grant and Said"). A pronoun is its own mention.

    The phrase ends before ``stop`` (the cue, or a headline's colon), before a clause set off
    from the name ("…, when asked whether …", "…, speaking on Monday"), and before the modifier
    that would take it past `_MAX_MENTION_TOKENS`, so analysts see a readable source phrase.
    """
    doc = head.doc
    left = head.left_edge.i if host is None else min(head.left_edge.i, host.left_edge.i)
    if stop is not None and left <= stop.i < head.i:
        left = stop.i + 1
    left = _after_last_dash(doc, left, head.i)
    right, _ = _phrase_end(head, left, stop)
    if right - left > _MAX_MENTION_TOKENS:
        left, right = _core_span(head).start, head.i + 1
    while right - left > 1 and _loose_end(doc[left:right]):
        right -= 1
    while right - left > 1 and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return doc[left:right]


def _phrase_end(token: Token, left: int, stop: Token | None) -> tuple[int, bool]:
    """Where the phrase of ``token`` ends, and whether the length cap cut it: right modifiers
    are taken in order until one ends the mention; a noun modifier too long to fit is cut
    inside, a clause too long to fit is left out whole."""
    right = token.i + 1
    for child in token.rights:
        if _ends_mention(child, stop):
            return right, False
        end, capped = _phrase_end(child, left, stop)
        if end - left > _MAX_MENTION_TOKENS or capped and child.dep_ in {"acl", "relcl"}:
            return right, True
        if capped or end <= child.right_edge.i:
            return end, capped
        right = end
    return right, False


def _loose_end(span: Span) -> bool:
    """A trailing comma, space or conjunction, or a closing bracket the mention does not open."""
    last = span[-1]
    if last.text == ")":
        return "(" not in span.text
    return last.is_punct or last.is_space or last.dep_ == "cc"


def _ends_mention(child: Token, stop: Token | None) -> bool:
    # The cue inside the modifier, or between the noun and a modifier hung on it from across
    # the verb ("A group … endorsed the mayor, another sign of …").
    if stop is not None and child.head.i < stop.i <= child.right_edge.i:
        return True
    if child.head.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"}:
        return False  # inside a modifier clause, only the cue ends the phrase
    # A participle used as a preposition ("most governors, including Ana Ruiz,") names who
    # else speaks; a verb's own clause on the noun does not.
    if child.dep_ == "advcl" or child.pos_ in {"VERB", "AUX"} and child.dep_ not in _NOUN_CLAUSES | {"prep"}:
        return True
    # A clause set off by a comma without a relative word ("…, speaking on Monday", "…, when
    # asked …") tells what the speaker was doing, not who it is; "…, who led …" identifies.
    set_off = child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == ","
    return child.dep_ in {"acl", "relcl"} and set_off and not _has_relative(child) and not _made_by(child)


def _made_by(clause: Token) -> bool:
    """A passive participle naming who made or runs the source ("the survey, conducted by the
    institute,", "the aides, led by the campaign manager,"): a relative clause cut short, which
    tells which source this is."""
    return clause.dep_ == "acl" and clause.tag_ == "VBN" and any(c.dep_ == "agent" for c in clause.children)


def _has_relative(clause: Token) -> bool:
    """The clause opens with a relative word, also one inside its first phrase ("whose roots
    are …", "in which …") or of place ("the markets, where traders bet …")."""
    opening = clause.doc[clause.left_edge.i : clause.i]
    return any(t.lower_ in _RELATIVE_OPENERS for t in opening)


def _core_span(head: Token) -> Span:
    """The noun phrase up to its head: modifiers, compounds and determiners, no appositive."""
    left = head.i
    for child in head.lefts:
        if child.dep_ in {"compound", "amod", "nmod", "poss", "nummod", "det", "quantmod", "npadvmod", "advmod"}:
            left = min(left, child.left_edge.i)
    span = head.doc[_after_last_dash(head.doc, left, head.i) : head.i + 1]
    # A title before a name is sometimes attached as its own compound chain ("Col. Steve Warren").
    return span


def _past_dateline(head: Token) -> Token:
    """A dateline the parser took for the subject ("WASHINGTON -- President Obama … said",
    "RANGOON, Burma - Aung San Suu Kyi's allies said"): the place heads the sentence in capitals,
    a dash follows, and the speaker hangs on the place as its apposition. The speaker is that."""
    if not (head.is_upper and head.is_alpha and len(head) > 1 and head.i == head.sent.start):
        return head
    dash = next((t.i for t in head.doc[head.i + 1 : head.i + 5] if _is_dash(t)), None)
    if dash is None:
        return head
    return next((child for child in head.children if child.dep_ == "appos" and child.i > dash), head)


def _past_time_stamp(head: Token, stop: Token | None) -> Token:
    """A live blog's byline and post time the parser took for the subject ("Sam Levine … 9:12PM
    Trump Says …"): the name between the last clock time and the cue is the speaker."""
    if stop is None or not head.i < stop.i:
        return head
    times = [t.i for t in head.doc[head.i + 1 : stop.i] if _CLOCK_TIME.fullmatch(t.text)]
    if not times:
        return head
    name = head.doc[times[-1] + 1 : stop.i]
    if not len(name) or not all(t.pos_ == "PROPN" and t.ent_type_ not in {"DATE", "TIME"} for t in name):
        return head
    # Only a name the parser hung on the subject: "Ruiz at 10:30 Sunday said" keeps Ruiz.
    return name[-1] if head.is_ancestor(name[-1]) else head


def _after_last_dash(doc: Doc, left: int, head: int) -> int:
    """Where a phrase starts once what stands before a dash or a clock time is left out: a
    dateline is no part of a name ("Burma - Aung San Suu Kyi's allies"), nor a live blog's
    time stamp ("9:52PMBush says")."""
    marks = [i for i in range(left, head) if _is_dash(doc[i]) or _CLOCK_TIME.fullmatch(doc[i].text)]
    return marks[-1] + 1 if marks else left


def _is_dash(token: Token) -> bool:
    # A hyphen set off by spaces is a dash; inside a word ("low-cost") it is not.
    return token.text in _DASHES or token.text == "-" and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def _person_in(core: Span) -> Span | None:
    head = core[-1]
    ents = [e for e in core.doc.ents if e.label_ == "PERSON" and e.start <= head.i < e.end]
    if ents:
        return None if _names_a_body(ents[0]) else ents[0]
    # The small model misses some names; a capitalised proper-noun head is taken as a person
    # only when no other entity type claims it, and not after an article without a title: a
    # person's name takes none ("the Rev. Ana Ruiz" has a title), a body's does ("The Commission
    # on Presidential Debates said", "the Kremlin").
    if head.pos_ == "PROPN" and not head.ent_type_ and head.text[:1].isupper() and head.tag_ == "NNP":
        if _ends_a_body_name(head):
            return None  # "Our Principles PAC", "the Whitaker Center": a body's name
        titled = any(t.text.strip(".").lower() in TITLES for t in core if t.lower_ not in _ARTICLES)
        if _after_article(core) and not titled:
            return None
        return core.doc[_given_names_start(head) : head.i + 1]
    return None


def _names_a_body(name: Span) -> bool:
    """A name the tagger calls a person's that ends in a capitalised word only bodies' names end
    in ("Harbor Watch", "the Whitaker Center"; ``lexicon/body_name_ends.tsv``)."""
    words = [t for t in name if not t.is_punct and t.lower_ not in {"'s", "’s"}]
    return len(words) > 1 and _ends_a_body_name(words[-1])


def _ends_a_body_name(word: Token) -> bool:
    return word.text[:1].isupper() and word.lower_ in _BODY_NAME_ENDS


def _after_article(core: Span) -> bool:
    return any(t.dep_ == "det" and t.lower_ in _ARTICLES for t in core)


def _given_names_start(surname: Token) -> int:
    """Where a name the model did not tag begins: the proper-noun compounds right before the
    surname, not titles ("Former Secretary of State Ana Ruiz" → "Ana Ruiz")."""
    start = surname.i
    doc = surname.doc
    if _title_cased(surname.sent):
        return start  # a headline capitalises every word: "New Poll …" is no given name
    while start > 0:
        word = doc[start - 1]
        if word.head.i != surname.i or word.dep_ != "compound" or word.pos_ != "PROPN":
            break
        if word.text.strip(".").lower() in TITLES:
            break
        start -= 1
    return start


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


def _appositive(head: Token, *, whole: bool = False) -> str:
    """The appositive of ``head`` as a role phrase ("director of the water agency"), without the
    clauses that tell more about the person; ``whole``: all of it, as written."""
    appos = next((c for c in head.rights if c.dep_ == "appos"), None)
    if appos is None:
        return ""
    left = appos.left_edge.i
    end = appos.right_edge.i + 1 if whole else _role_end(appos, left)[0]
    return _clean(_strip_determiners(head.doc[left:end]).text)


def _role_end(token: Token, left: int) -> tuple[int, bool]:
    """Where the role phrase of ``token`` ends, and whether the length cap ended it: noun
    modifiers are kept in order; a clause, a second role or anything set off by punctuation
    ends the phrase, and a modifier that would pass `_MAX_ROLE_TOKENS` is left out whole
    ("at the University of Utah", never "at the University")."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in _ROLE_ENDS or child.is_punct:
            return end, False
        child_end, capped = _role_end(child, left)
        if capped or child_end - left > _MAX_ROLE_TOKENS:
            return end, True
        end = child_end
        if child_end <= child.right_edge.i:
            return end, False  # a clause ended the child's phrase: it ends this one too
    return end, False


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
    if head.lemma_.lower() in _ORGANISATION_NOUNS or _ends_a_body_name(head):
        return SpeakerKind.ORGANISATION
    if plural:
        return SpeakerKind.GROUP
    if head.pos_ == "NOUN":
        return SpeakerKind.PERSON if head.lemma_ in _PERSON_NOUNS else SpeakerKind.UNKNOWN
    return SpeakerKind.UNKNOWN


_PERSON_NOUNS = words("speaker_nouns", "person")
# Verbs of passing on news or findings: the subject of what they report is who the text is about.
_REPORT_VERBS = words("cue_verbs", "report")
_ORGANISATION_NOUNS = words("speaker_nouns", "body")
_BODY_NAME_ENDS = words("body_name_ends")
_DASHES = {"--", "\u2013", "\u2014"}


_AFFILIATION_RE = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(p) for p in sorted(AFFILIATIONS, key=len, reverse=True)) + r")(?!\w)"
)


def _affiliation(text: str) -> str:
    match = _AFFILIATION_RE.search(text.lower())
    return AFFILIATIONS[match.group(1)] if match else ""


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:-\u2014\u2013")
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
