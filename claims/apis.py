"""REST API for claims: browsing claims, speakers, relations, disputes, and the articles and outlets
they come from (an article answer links to its claims, so it is served here), and curators' decisions.

Browsing endpoints are read-only viewsets (style rule 6); every other operation is one APIView.
Reads go through ``claims.selectors``, writes through ``claims.services``.
"""

from __future__ import annotations

import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import generics, mixins, pagination, serializers, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.models import Article, Outlet
from claims import selectors, services
from claims.exports import CLAIM_CSV_COLUMNS, claim_csv_row
from claims.filters import ClaimFilter, IdFilter, UtcDateTimeFilter, either_claim
from claims.models import CLAIM_SORT_DATE, Claim, Proposition, PropositionMember, Relation, Speaker, SpeakerAlias
from claims.serializers import (
    ArticleDetailSerializer,
    ArticleSerializer,
    ClaimDetailSerializer,
    ClaimSerializer,
    CloseClaimSerializer,
    DisputeSerializer,
    DisputeSidesSerializer,
    MatrixSerializer,
    OutletSerializer,
    RelatedClaimSerializer,
    RelationSerializer,
    SpeakerSerializer,
    claim_jsonld,
)
from common.api import StrictPageSizeMixin
from common.renderers import LIST_RENDERERS, CSVRenderer, JSONLDRenderer

SCHEMA_ORG = "https://schema.org"
CLAIM_ORDERING_FIELDS = ["id", "date", "confidence", "created_at"]


def _claims_with_sort_keys(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    # Undated claims sort last (newest first) and still have a cursor position; indexed (see the model).
    return claims.annotate(date=CLAIM_SORT_DATE)


# ---- articles and outlets ----------------------------------------------------------------


class OutletViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """News outlets, with how many articles each has."""

    serializer_class = OutletSerializer
    renderer_classes = LIST_RENDERERS
    ordering = ("name", "id")
    ordering_fields = ["id", "name"]
    filterset_fields = {"name": ["iexact", "icontains"], "country": ["iexact"]}

    def get_queryset(self) -> QuerySet[Outlet]:
        return selectors.outlet_list()


class ArticleFilter(django_filters.FilterSet):
    outlet = IdFilter(field_name="outlet_id", label="Outlet id")
    published_from = UtcDateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_to = UtcDateTimeFilter(field_name="published_at", lookup_expr="lte")
    status = django_filters.ChoiceFilter(choices=Article.Status.choices)
    title = django_filters.CharFilter(lookup_expr="icontains")

    class Meta:
        model = Article
        fields: list[str] = []


class ArticleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Articles; the list leaves out the body, the detail has it. Their claims: ``/claims/?article=ID``."""

    renderer_classes = LIST_RENDERERS
    filterset_class = ArticleFilter
    ordering = ("-id",)
    ordering_fields = ["id", "published", "created_at"]

    def get_queryset(self) -> QuerySet[Article]:
        articles = selectors.article_list()
        return articles if self.action == "retrieve" else articles.defer("body")

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer


# ---- claims ------------------------------------------------------------------------------


class ClaimJsonLdMixin:
    """``?format=jsonld``: a page of claims as a schema.org ``ItemList`` of ``Claim``s, one claim as a ``Claim``."""

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format != JSONLDRenderer.format:
            return super().list(request, *args, **kwargs)
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        graph = [claim_jsonld(claim, self.get_serializer_context()) for claim in page]
        response = self.get_paginated_response(graph)  # for the Link header to the next page
        response.data = {"@context": SCHEMA_ORG, "@type": "ItemList", "numberOfItems": len(graph), "itemListElement": graph}
        return response

    def retrieve(self, request, *args, **kwargs):
        if request.accepted_renderer.format != JSONLDRenderer.format:
            return super().retrieve(request, *args, **kwargs)
        return Response({"@context": SCHEMA_ORG, **claim_jsonld(self.get_object(), self.get_serializer_context())})


class ClaimCsvMixin:
    """``?format=csv``: the columns of the claims page's CSV download, built by the same function."""

    csv_columns = CLAIM_CSV_COLUMNS

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format != CSVRenderer.format:
            return super().list(request, *args, **kwargs)
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        site_url = request.build_absolute_uri("/")[:-1]
        rows = [claim_csv_row(claim, site_url=site_url) for claim in page]
        response = self.get_paginated_response(rows)  # for the Link header to the next page
        response.data = rows
        return response


def _claim_detail_queryset() -> QuerySet[Claim]:
    return Claim.objects.select_related("speaker", "article__outlet", "dispute_membership", "reviewed_by")


class ClaimViewSet(ClaimCsvMixin, ClaimJsonLdMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Attributed claims. ``?format=csv`` and ``?format=jsonld`` (schema.org ``Claim``) export them."""

    renderer_classes = [*LIST_RENDERERS, JSONLDRenderer]
    filterset_class = ClaimFilter
    ordering = ("-id",)
    ordering_fields = CLAIM_ORDERING_FIELDS

    def get_queryset(self) -> QuerySet[Claim]:
        if self.action == "retrieve":
            return _claim_detail_queryset()
        return _claims_with_sort_keys(selectors.claim_list())

    def get_serializer_class(self):
        return ClaimDetailSerializer if self.action == "retrieve" else ClaimSerializer


class LinkPagination(StrictPageSizeMixin, pagination.PageNumberPagination):
    """Numbered pages of a claim's relations (bounded per claim, so counting them is cheap).

    ``?page_size=`` as on every other list (1 to 500, else a 400); ``?page=`` a page number.
    """


class ClaimRelatedListApi(generics.ListAPIView):
    """Claims that agree (or conflict) with a claim, strongest link first; rejected links left out."""

    serializer_class = RelatedClaimSerializer
    filter_backends: list = []
    pagination_class = LinkPagination
    ordering = ("-score", "-id")  # claim_links orders them so; kept for the schema
    relation_type = Relation.Type.AGREE

    def get_queryset(self) -> QuerySet[Relation]:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no URL arguments
            return Relation.objects.none()
        # Every link is a stored relation (linking stores them all), so each row has its id and url.
        return selectors.claim_relations(claim_id=self._claim().pk, relation_type=self.relation_type)

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "claim": self._claim()}

    def _claim(self) -> Claim:
        if not hasattr(self, "_anchor"):
            self._anchor = get_object_or_404(Claim.objects.only("pk"), pk=self.kwargs["pk"])
        return self._anchor


class ClaimAgreeingListApi(ClaimRelatedListApi):
    relation_type = Relation.Type.AGREE


class ClaimConflictingListApi(ClaimRelatedListApi):
    relation_type = Relation.Type.CONFLICT


class ClaimCloseListApi(APIView):
    """Claims close in meaning that no relation joins to this one: not judged agree or conflict,
    for a person to read (the claim page's "Close in meaning" list). Closest first."""

    @extend_schema_serializer(component_name="ClaimCloseQuery")
    class FilterSerializer(serializers.Serializer):
        limit = serializers.IntegerField(min_value=1, max_value=50, default=5)

    @extend_schema(parameters=[FilterSerializer], responses=CloseClaimSerializer(many=True))
    def get(self, request, pk: int):
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        claim = get_object_or_404(Claim.objects.only("pk", "embedding"), pk=pk)
        close = selectors.claims_close_in_meaning(claim=claim, limit=params.validated_data["limit"])
        return Response(CloseClaimSerializer(close, many=True, context={"request": request}).data)


class ClaimReviewApi(APIView):
    """Curators: verify or reject a claim, or correct its text (which marks it "edited")."""

    required_permissions = ("claims.change_claim",)

    @extend_schema_serializer(component_name="ClaimReviewInput")
    class InputSerializer(serializers.Serializer):
        status = serializers.ChoiceField(choices=Claim.ReviewStatus.choices)
        content = serializers.CharField(required=False, max_length=20000, help_text="Corrected claim text.")

    @extend_schema(request=InputSerializer, responses=ClaimDetailSerializer)
    def post(self, request, pk: int):
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        claim = get_object_or_404(Claim.objects.select_for_update(of=("self",)), pk=pk)
        services.claim_review(claim=claim, user=request.user, **serializer.validated_data)
        claim = _claim_detail_queryset().get(pk=pk)
        return Response(ClaimDetailSerializer(claim, context={"request": request}).data)


# ---- speakers ----------------------------------------------------------------------------


class SpeakerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Name or alias contains")
    affiliation = django_filters.CharFilter(lookup_expr="iexact")
    kind = django_filters.ChoiceFilter(choices=Speaker.Kind.choices)

    class Meta:
        model = Speaker
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet[Speaker], name: str, value: str) -> QuerySet[Speaker]:
        aliases = SpeakerAlias.objects.filter(speaker=OuterRef("pk"), name__icontains=value)
        return queryset.filter(Q(name__icontains=value) | Exists(aliases))


class SpeakerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Speakers with their aliases and number of claims. Their claims: ``/speakers/ID/claims/``."""

    renderer_classes = LIST_RENDERERS
    serializer_class = SpeakerSerializer
    filterset_class = SpeakerFilter
    ordering = ("id",)
    ordering_fields = ["id", "name"]

    def get_queryset(self) -> QuerySet[Speaker]:
        return selectors.speaker_list()


class SpeakerClaimListApi(ClaimCsvMixin, ClaimJsonLdMixin, generics.ListAPIView):
    """One speaker's claims, with the same filters, search and ordering as ``/claims/``."""

    renderer_classes = [*LIST_RENDERERS, JSONLDRenderer]
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilter
    ordering = ("-id",)
    ordering_fields = CLAIM_ORDERING_FIELDS

    def get_queryset(self) -> QuerySet[Claim]:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no URL arguments
            return Claim.objects.none()
        speaker = get_object_or_404(Speaker.objects.only("pk"), pk=self.kwargs["pk"])
        return _claims_with_sort_keys(selectors.claim_list().filter(speaker=speaker))


class SpeakerMergeApi(APIView):
    """Curators: merge this speaker into another (``into``); its claims and aliases move over."""

    required_permissions = ("claims.change_speaker", "claims.delete_speaker")

    @extend_schema_serializer(component_name="SpeakerMergeInput")
    class InputSerializer(serializers.Serializer):
        into = serializers.IntegerField(min_value=1, help_text="Id of the speaker that remains.")

    @extend_schema(request=InputSerializer, responses=SpeakerSerializer)
    def post(self, request, pk: int):
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        source = get_object_or_404(Speaker, pk=pk)
        target = get_object_or_404(Speaker, pk=serializer.validated_data["into"])
        merged = services.speakers_merge(source=source, target=target, user=request.user)
        speaker = selectors.speaker_list().get(pk=merged.pk)
        return Response(SpeakerSerializer(speaker, context={"request": request}).data)


# ---- relations ---------------------------------------------------------------------------


class RelationFilter(django_filters.FilterSet):
    type = django_filters.ChoiceFilter(choices=Relation.Type.choices)
    review_status = django_filters.ChoiceFilter(choices=Relation.ReviewStatus.choices)
    origin = django_filters.ChoiceFilter(choices=Relation._meta.get_field("origin").choices)
    claim = IdFilter(method=either_claim, label="Either claim's id")
    speaker = IdFilter(method="filter_speaker", label="Either claim's speaker id")
    min_score = django_filters.NumberFilter(field_name="score", lookup_expr="gte")

    class Meta:
        model = Relation
        fields: list[str] = []

    def filter_speaker(self, queryset: QuerySet[Relation], name: str, value: int) -> QuerySet[Relation]:
        return queryset.filter(Q(claim_a__speaker_id=value) | Q(claim_b__speaker_id=value))


class RelationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Links between two claims: agree, conflict, or the same claim reported again."""

    renderer_classes = LIST_RENDERERS
    serializer_class = RelationSerializer
    filterset_class = RelationFilter
    ordering = ("-id",)
    ordering_fields = ["id", "score"]

    def get_queryset(self) -> QuerySet[Relation]:
        return selectors.relation_list()


class RelationReviewApi(APIView):
    """Curators: confirm or reject a machine's relation; re-linking never overturns it."""

    required_permissions = ("claims.change_relation",)

    @extend_schema_serializer(component_name="RelationReviewInput")
    class InputSerializer(serializers.Serializer):
        decision = serializers.ChoiceField(choices=[Relation.ReviewStatus.CONFIRMED, Relation.ReviewStatus.REJECTED])

    @extend_schema(request=InputSerializer, responses=RelationSerializer)
    def post(self, request, pk: int):
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        relation = get_object_or_404(Relation.objects.select_for_update(of=("self",)), pk=pk)
        services.relation_review(relation=relation, user=request.user, decision=serializer.validated_data["decision"])
        relation = selectors.relation_list().get(pk=pk)
        return Response(RelationSerializer(relation, context={"request": request}).data)


# ---- disputes ----------------------------------------------------------------------------


class DisputeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="label", lookup_expr="icontains", label="Label contains")
    speaker = IdFilter(method="filter_speaker", label="A member claim's speaker id")

    class Meta:
        model = Proposition
        fields: list[str] = []

    def filter_speaker(self, queryset: QuerySet[Proposition], name: str, value: int) -> QuerySet[Proposition]:
        members = PropositionMember.objects.filter(proposition=OuterRef("pk"), claim__speaker_id=value)
        return queryset.filter(Exists(members))


class DisputeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Disputes (propositions) with the number of claims on each side. Both sides: ``/disputes/ID/sides/``."""

    renderer_classes = LIST_RENDERERS
    serializer_class = DisputeSerializer
    filterset_class = DisputeFilter
    ordering = ("-id",)
    ordering_fields = ["id", "label"]

    def get_queryset(self) -> QuerySet[Proposition]:
        return selectors.disputes_with_reports(selectors.dispute_list())


class DisputeSidesApi(APIView):
    """A dispute's two sides: the claims that support the proposition and those that refute it."""

    @extend_schema(responses=DisputeSidesSerializer)
    def get(self, request, pk: int):
        dispute = get_object_or_404(selectors.disputes_with_reports(selectors.dispute_list()), pk=pk)
        sides: dict[str, list[Claim]] = {side: [] for side in PropositionMember.Side.values}
        for member in selectors.dispute_members(dispute=dispute):
            sides[member.side].append(member.claim)
        data = {"dispute": dispute, **sides}
        return Response(DisputeSidesSerializer(data, context={"request": request}).data)


# ---- agreement / conflict matrix ---------------------------------------------------------


class MatrixApi(APIView):
    """Who agrees and who conflicts: pairs of speakers (or affiliations) with relation counts."""

    @extend_schema_serializer(component_name="MatrixQuery")
    class FilterSerializer(serializers.Serializer):
        by = serializers.ChoiceField(choices=list(selectors.MATRIX_KEYS), default="speaker")
        limit = serializers.IntegerField(min_value=1, max_value=500, default=50, help_text="Most related pairs first.")

    @extend_schema(parameters=[FilterSerializer], responses=MatrixSerializer)
    def get(self, request):
        params = self.FilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        by = params.validated_data["by"]
        pairs = selectors.agreement_matrix(by=by, limit=params.validated_data["limit"])
        ids = {pair[side] for pair in pairs for side in ("a", "b")} if by == "speaker" else set()
        speakers = Speaker.objects.filter(pk__in=ids).order_by("name") if ids else Speaker.objects.none()
        data = {"by": by, "speakers": speakers, "pairs": pairs}
        return Response(MatrixSerializer(data, context={"request": request}).data)

