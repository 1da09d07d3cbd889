"""Output shapes of the claims API (read-only): claims, speakers, relations, disputes, JSON-LD, and the
articles and outlets they come from (here, not in ``articles``: an article links to its claims)."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Article, Outlet
from claims.models import Claim, Proposition, PropositionMember, QuoteFlag, Relation, Speaker
from claims.nlp.relation.positions import SIDES
from claims.selectors.quote_flags import claim_quote_flags
from common.api import DetailUrlField


def api_url(name: str, pk: int, context: dict) -> str:
    """Absolute URL of an API resource, without the ``?format=`` of the current request."""
    path = reverse(f"claims_api:{name}", args=[pk])
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path


# ---- articles and outlets ------------------------------------------------------------------


class OutletRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name"]


class OutletSerializer(serializers.ModelSerializer):
    url = DetailUrlField("claims_api:outlet-detail")
    article_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Outlet
        fields = ["id", "url", "name", "domain", "country", "article_count"]


class ArticleRefSerializer(serializers.ModelSerializer):
    """An article inside another answer (a claim's, a job's)."""

    url = DetailUrlField("claims_api:article-detail")
    source_url = serializers.CharField(source="url", help_text="Where the article was published (may be empty).")
    outlet = OutletRefSerializer(allow_null=True)
    copy_of = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="The id of the article this one republishes, or null (an original)."
    )

    class Meta:
        model = Article
        fields = ["id", "url", "title", "source_url", "outlet", "published_at", "copy_of"]


class ArticleSerializer(ArticleRefSerializer):
    claim_count = serializers.IntegerField(read_only=True)
    claims = serializers.SerializerMethodField()

    class Meta(ArticleRefSerializer.Meta):
        fields = ArticleRefSerializer.Meta.fields + [
            "author", "language", "source_file", "source_kind", "status", "created_at", "claim_count", "claims",
        ]  # fmt: skip

    @extend_schema_field(OpenApiTypes.URI)
    def get_claims(self, article: Article) -> str:
        # Built by hand: REST framework's reverse() would carry this request's ?format= along.
        path = f"{reverse('claims_api:claim-list')}?article={article.pk}"
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = ArticleSerializer.Meta.fields + ["body", "extractor_version", "failure_reason"]


# ---- claims -----------------------------------------------------------------------------


class SpeakerRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "name", "kind", "role", "affiliation"]


class DisputeRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="proposition_id")
    side = serializers.ChoiceField(choices=PropositionMember.Side.choices)


class ClaimSerializer(serializers.ModelSerializer):
    url = DetailUrlField("claims_api:claim-detail")
    type = serializers.ChoiceField(source="claim_type", choices=Claim.Type.choices)
    article = ArticleRefSerializer()
    speaker = SpeakerRefSerializer(allow_null=True)
    dispute = serializers.SerializerMethodField()
    position = serializers.ChoiceField(
        choices=[(side, side) for side in SIDES],
        read_only=True,
        allow_null=True,
        help_text="The side the cue takes on the thing the content names ('criticized [the plan]'), or null.",
    )

    class Meta:
        model = Claim
        fields = [
            "id", "url", "article", "speaker", "speaker_mention", "cue", "cue_lemma", "cue_class", "type",
            "content", "content_start", "content_end", "polarity", "position", "claim_date", "confidence",
            "method", "review_status", "dispute", "extractor_version",
        ]  # fmt: skip

    @extend_schema_field(DisputeRefSerializer(allow_null=True))
    def get_dispute(self, claim: Claim) -> dict | None:
        membership = getattr(claim, "dispute_membership", None)
        return {"id": membership.proposition_id, "side": membership.side} if membership else None


class ClaimDetailSerializer(ClaimSerializer):
    sentence = serializers.SerializerMethodField()
    reviewed_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    agreeing = serializers.SerializerMethodField()
    conflicting = serializers.SerializerMethodField()
    quote_flags = serializers.SerializerMethodField()

    class Meta(ClaimSerializer.Meta):
        fields = ClaimSerializer.Meta.fields + [
            "sentence", "sentence_start", "sentence_end", "speaker_start", "speaker_end",
            "entities", "reviewed_by", "reviewed_at", "agreeing", "conflicting", "quote_flags",
        ]  # fmt: skip

    @extend_schema_field(serializers.ListSerializer(child=serializers.DictField()))
    def get_quote_flags(self, claim: Claim) -> list[dict]:
        """The same quotation elsewhere, credited to another speaker or reworded (``QuoteFlagSerializer``)."""
        return QuoteFlagSerializer(claim_quote_flags(claim=claim), many=True, context=self.context).data

    def get_sentence(self, claim: Claim) -> str:
        """The sentence around the claim, as in the article (plain text: clients escape it)."""
        return claim.article.body[claim.sentence_start : claim.sentence_end]

    @extend_schema_field(OpenApiTypes.URI)
    def get_agreeing(self, claim: Claim) -> str:
        return api_url("claim-agreeing", claim.pk, self.context)

    @extend_schema_field(OpenApiTypes.URI)
    def get_conflicting(self, claim: Claim) -> str:
        return api_url("claim-conflicting", claim.pk, self.context)


class ClaimRefSerializer(serializers.ModelSerializer):
    """A claim inside another answer: enough to show it, with a link to the rest."""

    url = DetailUrlField("claims_api:claim-detail")
    speaker = SpeakerRefSerializer(allow_null=True)
    type = serializers.ChoiceField(source="claim_type", choices=Claim.Type.choices)

    class Meta:
        model = Claim
        fields = ["id", "url", "article_id", "speaker", "speaker_mention", "type", "content", "polarity", "claim_date", "review_status"]


class RelationSerializer(serializers.ModelSerializer):
    url = DetailUrlField("claims_api:relation-detail")
    claim_a = ClaimRefSerializer()
    claim_b = ClaimRefSerializer()

    class Meta:
        model = Relation
        fields = ["id", "url", "type", "score", "explanation", "origin", "review_status", "reviewed_at", "claim_a", "claim_b"]


class RelationRefSerializer(serializers.ModelSerializer):
    url = DetailUrlField("claims_api:relation-detail")

    class Meta:
        model = Relation
        fields = ["id", "url", "type", "score", "explanation", "origin", "review_status"]


class RelatedClaimSerializer(serializers.Serializer):
    """One agreeing or conflicting claim of a given claim, with the relation that links them."""

    relation = RelationRefSerializer(source="*")
    claim = serializers.SerializerMethodField()

    @extend_schema_field(ClaimRefSerializer)
    def get_claim(self, relation: Relation) -> dict:
        anchor = self.context["claim"]
        other = relation.claim_b if relation.claim_a_id == anchor.pk else relation.claim_a
        return ClaimRefSerializer(other, context=self.context).data


class CloseClaimSerializer(serializers.Serializer):
    """A claim close in meaning to another that no relation joins to it yet (not judged)."""

    similarity = serializers.FloatField(help_text="Cosine similarity of the two claims' embeddings.")
    claim = ClaimRefSerializer()


class SpeakerSerializer(serializers.ModelSerializer):
    url = DetailUrlField("claims_api:speaker-detail")
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="name")
    claim_count = serializers.IntegerField(read_only=True)
    claims = serializers.SerializerMethodField()

    class Meta:
        model = Speaker
        fields = ["id", "url", "name", "kind", "role", "affiliation", "curated", "aliases", "claim_count", "claims"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_claims(self, speaker: Speaker) -> str:
        return api_url("speaker-claims", speaker.pk, self.context)


class DisputeSerializer(serializers.ModelSerializer):
    url = DetailUrlField("claims_api:dispute-detail")
    supports = serializers.IntegerField(read_only=True, help_text="Number of claims supporting the proposition.")
    refutes = serializers.IntegerField(read_only=True, help_text="Number of claims refuting it.")
    sides = serializers.SerializerMethodField()
    independent_reports = serializers.SerializerMethodField(
        help_text="Distinct original articles behind the claims (syndicated copies count once): all, and per side."
    )

    class Meta:
        model = Proposition
        fields = [
            "id", "url", "label", "origin", "label_curated", "central_claim", "supports", "refutes", "independent_reports", "sides",
        ]  # fmt: skip

    @extend_schema_field(
        {"type": "object", "properties": {k: {"type": "integer"} for k in ("all", "supports", "refutes")}}
    )
    def get_independent_reports(self, dispute: Proposition) -> dict[str, int]:
        return {"all": dispute.independent_reports, "supports": dispute.supports_reports, "refutes": dispute.refutes_reports}

    @extend_schema_field(OpenApiTypes.URI)
    def get_sides(self, dispute: Proposition) -> str:
        return api_url("dispute-sides", dispute.pk, self.context)


class DisputeSidesSerializer(serializers.Serializer):
    dispute = DisputeSerializer()
    supports = ClaimSerializer(many=True)
    refutes = ClaimSerializer(many=True)


class MatrixCellSerializer(serializers.Serializer):
    a = serializers.JSONField(help_text="Speaker id, or affiliation name.")
    b = serializers.JSONField(help_text="Speaker id, or affiliation name.")
    agree = serializers.IntegerField()
    conflict = serializers.IntegerField()


class MatrixSerializer(serializers.Serializer):
    by = serializers.ChoiceField(choices=["speaker", "affiliation"])
    speakers = SpeakerRefSerializer(many=True, help_text="The speakers named in the pairs (by=speaker).")
    pairs = MatrixCellSerializer(many=True)


# ---- JSON-LD (schema.org Claim) ---------------------------------------------------------

_SCHEMA_ORG_AGENT = {
    Speaker.Kind.PERSON: "Person",
    Speaker.Kind.GOVERNMENT: "GovernmentOrganization",
    Speaker.Kind.ORGANISATION: "Organization",
    Speaker.Kind.GROUP: "Organization",
    Speaker.Kind.UNKNOWN: "Person",
}


def claim_jsonld(claim: Claim, context: dict) -> dict:
    """A claim as a schema.org ``Claim``: its text, who made it, where it appeared and when."""
    article = claim.article
    appearance = {
        "@type": "NewsArticle",
        "headline": article.title,
        "url": article.url or None,
        "datePublished": article.published_at.isoformat() if article.published_at else None,
        "publisher": {"@type": "Organization", "name": article.outlet.name} if article.outlet else None,
    }
    published = claim.claim_date or (article.published_at.date() if article.published_at else None)
    return {
        "@type": "Claim",
        "@id": api_url("claim-detail", claim.pk, context),
        "text": claim.content,
        "author": _author_jsonld(claim),
        "appearance": {key: value for key, value in appearance.items() if value is not None},
        "datePublished": published.isoformat() if published else None,
    }


def _author_jsonld(claim: Claim) -> dict | None:
    speaker = claim.speaker
    if speaker is None:
        return {"@type": "Person", "name": claim.speaker_mention} if claim.speaker_mention else None
    author = {"@type": _SCHEMA_ORG_AGENT.get(speaker.kind, "Person"), "name": speaker.name}
    if speaker.role:
        author["jobTitle"] = speaker.role
    if speaker.affiliation:
        author["affiliation"] = {"@type": "Organization", "name": speaker.affiliation}
    return author


# ---- quote flags ------------------------------------------------------------------------


class QuoteFlagSerializer(serializers.ModelSerializer):
    """One quotation in two articles: credited to different speakers, or reworded beyond small edits."""

    url = DetailUrlField("claims_api:quote-flag-detail")
    claim_a = ClaimRefSerializer()
    claim_b = ClaimRefSerializer()
    diff = serializers.JSONField(help_text="Word diff runs: [tag, words in claim_a, words in claim_b]; tag is equal, replace, insert, delete or trim (an excerpt's ends).")
    dismissed_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = QuoteFlag
        fields = [
            "id", "url", "kind", "status", "changed_words", "summary", "diff", "claim_a", "claim_b",
            "dismissed_by", "dismissed_at", "created_at",
        ]  # fmt: skip
