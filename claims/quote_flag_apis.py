"""REST API for quote flags: analysts browse them, curators dismiss them (``/api/v1/quote-flags/``)."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from claims import selectors
from claims.filters import IdFilter, either_claim
from claims.models import QuoteFlag
from claims.serializers import QuoteFlagSerializer
from claims.services.quote_drift import quote_flag_dismiss
from common.renderers import LIST_RENDERERS


class QuoteFlagFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=QuoteFlag.Kind.choices)
    status = django_filters.ChoiceFilter(choices=QuoteFlag.Status.choices)
    claim = IdFilter(method=either_claim, label="One of the two claims' id")

    class Meta:
        model = QuoteFlag
        fields: list[str] = []


class QuoteFlagViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Quotations credited to different speakers (``misattribution``) or reworded (``drift``) across outlets."""

    renderer_classes = LIST_RENDERERS
    serializer_class = QuoteFlagSerializer
    filterset_class = QuoteFlagFilter
    ordering = ("-id",)
    ordering_fields = ["id", "changed_words", "created_at"]

    def get_queryset(self) -> QuerySet[QuoteFlag]:
        return selectors.quote_flag_list()


class QuoteFlagDismissApi(APIView):
    """Curators: mark a flag as no error; it stays dismissed when flags are computed again."""

    required_permissions = ("claims.change_quoteflag",)

    @extend_schema(request=None, responses=QuoteFlagSerializer)
    def post(self, request, pk: int):
        flag = get_object_or_404(QuoteFlag, pk=pk)
        quote_flag_dismiss(flag=flag, user=request.user)
        flag = selectors.quote_flag_list().get(pk=pk)
        return Response(QuoteFlagSerializer(flag, context={"request": request}).data)
