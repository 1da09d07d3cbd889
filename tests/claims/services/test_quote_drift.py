"""quote_flags_for_article: one quotation credited to two speakers, or reworded, across outlets."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from claims.models import Claim, QuoteFlag
from claims.services.quote_drift import quote_flag_dismiss, quote_flags_for_article
from common.exceptions import ApplicationError
from tests.factories import ArticleFactory, CuratorFactory, OutletFactory, SpeakerFactory, claim_at

pytestmark = pytest.mark.django_db

QUOTE = "We cannot ask families to drive over a bridge our own engineers no longer trust"
TWO_WORDS_CHANGED = "We cannot ask families to drive across a bridge our own engineers no longer believe"
ONE_WORD_CHANGED = "We can't ask families to drive over a bridge our own engineers no longer trust"


def quoted(quote: str, speaker_name: str, outlet: str = "") -> Claim:
    """An article quoting ``speaker_name``, flagged as the link stage does when it arrives."""
    body = f'"{quote}," {speaker_name} said on Tuesday.'
    article = ArticleFactory(body=body, outlet=OutletFactory(name=outlet) if outlet else OutletFactory())
    claim = claim_at(article, quote, claim_type=Claim.Type.DIRECT, speaker=SpeakerFactory(name=speaker_name))
    quote_flags_for_article(article=article)
    return claim


def flags(kind: str) -> list[QuoteFlag]:
    return list(QuoteFlag.objects.filter(kind=kind))


def test_the_same_quote_credited_to_two_speakers_is_a_misattribution():
    mayor = quoted(QUOTE, "Helen Okafor")
    engineer = quoted(QUOTE, "Tomasz Brandt")

    [flag] = flags(QuoteFlag.Kind.MISATTRIBUTION)
    assert {flag.claim_a, flag.claim_b} == {mayor, engineer}
    assert not flags(QuoteFlag.Kind.DRIFT)


def test_a_quote_with_two_words_changed_is_drift_with_the_words_named():
    first = quoted(QUOTE, "Helen Okafor")
    reworded = quoted(TWO_WORDS_CHANGED, "Helen Okafor")

    [flag] = flags(QuoteFlag.Kind.DRIFT)
    assert (flag.claim_a, flag.claim_b) == (first, reworded)
    assert flag.changed_words == 2
    assert flag.summary == "2 words changed: “over” → “across”; “trust” → “believe”"
    assert not flags(QuoteFlag.Kind.MISATTRIBUTION)


def test_a_one_word_edit_is_not_drift():
    quoted(QUOTE, "Helen Okafor")
    quoted(ONE_WORD_CHANGED, "Helen Okafor")

    assert not QuoteFlag.objects.exists()


def test_a_shorter_excerpt_of_the_quote_is_not_drift():
    quoted(QUOTE, "Helen Okafor")
    quoted("drive over a bridge our own engineers no longer trust", "Helen Okafor")

    assert not QuoteFlag.objects.exists()


def test_two_ways_of_writing_one_name_are_no_misattribution():
    quoted(QUOTE, "Helen Okafor")
    quoted(QUOTE, "Okafor")

    assert not QuoteFlag.objects.exists()


def test_the_same_outlet_twice_is_not_flagged():
    quoted(QUOTE, "Helen Okafor", outlet="Valley Herald")
    quoted(QUOTE, "Tomasz Brandt", outlet="Valley Herald")

    assert not QuoteFlag.objects.exists()


def test_a_dismissed_flag_stays_dismissed_when_flags_are_computed_again():
    quoted(QUOTE, "Helen Okafor")
    quoted(QUOTE, "Tomasz Brandt")
    curator = CuratorFactory()
    quote_flag_dismiss(flag=QuoteFlag.objects.get(), user=curator)

    call_command("flag_quotes")

    flag = QuoteFlag.objects.get()
    assert (flag.status, flag.dismissed_by) == (QuoteFlag.Status.DISMISSED, curator)
    with pytest.raises(ApplicationError, match="dismissed already"):
        quote_flag_dismiss(flag=flag, user=curator)


def test_an_open_flag_that_no_longer_holds_is_removed():
    quoted(QUOTE, "Helen Okafor")
    engineer = quoted(QUOTE, "Tomasz Brandt")
    assert QuoteFlag.objects.exists()
    Claim.objects.filter(pk=engineer.pk).update(speaker=SpeakerFactory(name="Helen Okafor"))

    quote_flags_for_article(article=engineer.article)

    assert not QuoteFlag.objects.exists()
