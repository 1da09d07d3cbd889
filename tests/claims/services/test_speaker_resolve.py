"""speaker_resolve: one row per real speaker across articles, curated fields left alone."""

import pytest

from claims.models import Speaker
from claims.nlp.types import SpeakerKind, SpeakerRef
from claims.services import speaker_resolve
from tests.racing import race

pytestmark = pytest.mark.django_db


def ref(name: str, mention: str = "", **extra) -> SpeakerRef:
    return SpeakerRef(name=name, mention=mention or name, start=0, end=len(mention or name), **extra)


def test_the_same_person_in_two_articles_is_one_speaker():
    first = speaker_resolve(
        ref=ref("Robert Otto", "Lt. Gen. Robert Otto", kind=SpeakerKind.PERSON, aliases=("Lt. Gen. Robert Otto",))
    )
    second = speaker_resolve(ref=ref("Robert Otto", "Otto", aliases=("Otto",)))

    assert first == second
    assert Speaker.objects.count() == 1
    assert set(first.aliases.values_list("name", flat=True)) == {"Lt. Gen. Robert Otto", "Otto"}


def test_a_full_name_alias_finds_the_speaker_under_another_canonical_name():
    peskov = speaker_resolve(ref=ref("Dmitry Peskov"))

    found = speaker_resolve(ref=ref("Kremlin spokesman Peskov", aliases=("Dmitry Peskov",)))

    assert found == peskov


def test_a_bare_surname_alias_does_not_join_two_people():
    speaker_resolve(ref=ref("Steve Warren", aliases=("Warren",)))

    other = speaker_resolve(ref=ref("Elizabeth Warren", aliases=("Warren",)))

    assert other.name == "Elizabeth Warren"
    assert Speaker.objects.count() == 2


def test_a_name_with_a_middle_initial_and_without_is_one_person():
    with_initial = speaker_resolve(ref=ref("Donald J. Trump", kind=SpeakerKind.PERSON))

    assert speaker_resolve(ref=ref("Donald Trump", kind=SpeakerKind.PERSON)) == with_initial
    assert speaker_resolve(ref=ref("Paul Ryan", kind=SpeakerKind.PERSON)) == speaker_resolve(
        ref=ref("Paul D. Ryan", kind=SpeakerKind.PERSON)
    )


def test_two_people_with_different_initials_stay_two_and_an_ambiguous_name_joins_neither():
    elder = speaker_resolve(ref=ref("George H. W. Bush", kind=SpeakerKind.PERSON))
    younger = speaker_resolve(ref=ref("George W. Bush", kind=SpeakerKind.PERSON))
    plain = speaker_resolve(ref=ref("George Bush", kind=SpeakerKind.PERSON))

    assert len({elder, younger, plain}) == 3


def test_initials_join_people_only_not_organisations():
    person = speaker_resolve(ref=ref("Acme Trust", kind=SpeakerKind.PERSON))

    assert speaker_resolve(ref=ref("Acme B Trust", kind=SpeakerKind.ORGANISATION)) != person


def test_groups_that_differ_only_by_a_count_are_one_group():
    two = speaker_resolve(ref=ref("two U.S. officials", kind=SpeakerKind.GROUP, affiliation="United States"))

    assert speaker_resolve(ref=ref("U.S. officials")) == two
    assert two.affiliation == "United States"


def test_resolving_again_writes_no_new_history():
    speaker = speaker_resolve(ref=ref("Peter Cook", role="Pentagon spokesman"))

    speaker_resolve(ref=ref("Peter Cook", role="Pentagon spokesman"))

    assert speaker.history.count() == 1


def test_it_fills_blanks_but_never_overwrites_a_curators_values():
    speaker = speaker_resolve(ref=ref("Josh Earnest"))
    Speaker.objects.filter(pk=speaker.pk).update(curated=True, role="")

    speaker_resolve(ref=ref("Josh Earnest", role="White House press secretary"))

    speaker.refresh_from_db()
    assert speaker.role == ""


def test_a_name_with_nothing_to_key_on_gives_no_speaker():
    assert speaker_resolve(ref=ref("the")) is None


def test_a_long_source_phrase_or_a_pronoun_is_never_an_alias():
    speaker = speaker_resolve(
        ref=ref("Nora Ilves", "Nora Ilves, who chairs the harbour board,", aliases=("Nora Ilves", "Ilves"))
    )
    speaker_resolve(ref=ref("Nora Ilves", "She", aliases=("Ilves",)))

    assert set(speaker.aliases.values_list("name", flat=True)) == {"Ilves"}


@pytest.mark.django_db(transaction=True)
def test_two_workers_meeting_one_new_speaker_at_once_store_one_row():
    # Two articles about the same newcomer, resolved by two workers in overlapping transactions.
    first, second = race(
        lambda: speaker_resolve(
            ref=ref("Ines Valdrada", "Mayor Ines Valdrada", kind=SpeakerKind.PERSON, aliases=("Mayor Ines Valdrada",))
        ),
        lambda: speaker_resolve(
            ref=ref("Ines Valdrada", "Ms. Valdrada", role="mayor of Tarsk", aliases=("Ms. Valdrada",))
        ),
    )

    assert first.pk == second.pk
    speaker = Speaker.objects.get(normalized_name="ines valdrada")
    assert speaker.role == "mayor of Tarsk"
    assert set(speaker.aliases.values_list("name", flat=True)) == {"Mayor Ines Valdrada", "Ms. Valdrada"}


def test_a_runaway_speaker_name_is_cut_to_the_column_not_fatal():
    name = "Minister " + "Longname " * 47  # 432 characters: a parse of a text with no sentence breaks
    runaway = SpeakerRef(name=name, mention=name, start=0, end=len(name), aliases=(name,))

    speaker = speaker_resolve(ref=runaway)

    assert len(speaker.name) == 300 and len(speaker.normalized_name) <= 300
    assert speaker_resolve(ref=runaway) == speaker  # found again by the cut key


@pytest.mark.parametrize("name", ["He", "she", "Those", "anyone", "some of them", "No one", "I"])
def test_a_pronoun_the_extractor_could_not_resolve_names_no_speaker(name):
    assert speaker_resolve(ref=ref(name)) is None
    assert not Speaker.objects.exists()


@pytest.mark.parametrize("name", ["Those close to the mayor", "One Nation", "Ruth Bell"])
def test_a_name_with_more_than_stand_in_words_is_a_speaker(name):
    assert speaker_resolve(ref=ref(name)).name == name


def test_two_articles_unresolved_he_are_not_one_speaker():
    from claims.services.extraction import claims_extract_for_article
    from claims.services.linking import _speaker_identity
    from tests.factories import ArticleFactory

    first, second = (
        claims_extract_for_article(article=ArticleFactory(body=f"He said the {thing} would reopen in May."))
        for thing in ("bridge", "ferry terminal")
    )

    assert [c.speaker_mention for c in (*first, *second)] == ["He", "He"]
    assert [c.speaker for c in (*first, *second)] == [None, None]
    assert not Speaker.objects.exists()
    assert _speaker_identity(first[0]) != _speaker_identity(second[0])
