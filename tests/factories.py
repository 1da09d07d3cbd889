"""factory_boy factories for database state in tests."""

from __future__ import annotations

import hashlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from faker import Faker

from articles.models import Article, Outlet
from claims.models import Claim, Proposition, PropositionMember, Relation, Speaker
from claims.naming import normalize_speaker_name
from claims.nlp.types import EXTRACTOR_VERSION
from claims.services.roles import roles_ensure

_NAMES = Faker()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw-for-tests-1")


class CuratorFactory(UserFactory):
    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            # A transactional test earlier in the run may have flushed the role groups.
            roles_ensure()
            self.groups.add(Group.objects.get(name="curator"))


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Outlet {n}")
    domain = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "") + ".example")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    outlet = factory.SubFactory(OutletFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    body = factory.Faker("paragraph", nb_sentences=6)
    published_at = factory.LazyFunction(timezone.now)
    source_file = factory.Sequence(lambda n: f"article_{n}.txt")
    content_hash = factory.LazyAttribute(lambda a: hashlib.sha256(a.body.encode() + a.title.encode()).hexdigest())
    status = Article.Status.EXTRACTED


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker
        # A speaker's name key is its identity (unique): the same name again is the same speaker,
        # as extraction would resolve it.
        django_get_or_create = ("normalized_name",)

    name = factory.LazyFunction(lambda: _NAMES.unique.name())  # generated names never meet by chance
    normalized_name = factory.LazyAttribute(lambda s: normalize_speaker_name(s.name))
    kind = Speaker.Kind.PERSON


class ClaimFactory(factory.django.DjangoModelFactory):
    """A claim whose content is a real slice of its article's body."""

    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    speaker_mention = factory.LazyAttribute(lambda c: c.speaker.name if c.speaker else "")
    cue = "said"
    cue_lemma = "say"
    claim_type = Claim.Type.INDIRECT
    content_start = 0
    content_end = factory.LazyAttribute(lambda c: min(len(c.article.body), 60))
    content = factory.LazyAttribute(lambda c: c.article.body[c.content_start : c.content_end])
    sentence_start = 0
    sentence_end = factory.LazyAttribute(lambda c: c.content_end)
    extractor_version = EXTRACTOR_VERSION


def claim_at(article: Article, content: str, **fields) -> Claim:
    """A claim whose content is ``content`` exactly where it stands in the article body."""
    start = article.body.index(content)
    return ClaimFactory(article=article, content_start=start, content_end=start + len(content), **fields)


class PropositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposition

    label = factory.Sequence(lambda n: f"Dispute {n}")


class PropositionMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PropositionMember

    proposition = factory.SubFactory(PropositionFactory)
    claim = factory.SubFactory(ClaimFactory)
    side = PropositionMember.Side.SUPPORTS


class RelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relation

    claim_a = factory.SubFactory(ClaimFactory)
    claim_b = factory.SubFactory(ClaimFactory)
    type = Relation.Type.CONFLICT
    score = 0.8
    explanation = "opposite polarity"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        a, b = kwargs["claim_a"], kwargs["claim_b"]
        if a.pk > b.pk:
            kwargs["claim_a"], kwargs["claim_b"] = b, a
        return super()._create(model_class, *args, **kwargs)
