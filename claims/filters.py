"""Claim filters shared by the web UI and the REST API (django-filter FilterSets)."""

from __future__ import annotations

from datetime import UTC

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db.models import Q, QuerySet

from claims.models import Claim, PropositionMember


def claims_search(queryset: QuerySet[Claim], text: str) -> QuerySet[Claim]:
    """Full-text search with web-search syntax ("quoted phrase", -word, or), on the GIN-indexed vector."""
    query = SearchQuery(text, config="english", search_type="websearch")
    # The stored column: a phrase query's recheck reads it instead of parsing each row's text again.
    return queryset.filter(search_vector=query)


class IdFilter(django_filters.NumberFilter):
    """A row id: whole numbers only ("1.5" or "abc" is a 400, not a silent truncation)."""

    field_class = forms.IntegerField


def either_claim(queryset: QuerySet, name: str, value: int) -> QuerySet:
    """Rows of claim pairs (relations, quote flags) with the claim on either end."""
    return queryset.filter(Q(claim_a_id=value) | Q(claim_b_id=value))


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 instant, compared in UTC.

    Python accepts UTC offsets up to ±23:59, PostgreSQL only up to ±15:59; converting first
    keeps a valid but unusual offset from reaching the database as an error.
    """

    def filter(self, qs, value):  # type: ignore[no-untyped-def]
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
        return super().filter(qs, value)


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Full-text search in content and speaker")
    speaker = IdFilter(field_name="speaker_id", label="Speaker id")
    affiliation = django_filters.CharFilter(field_name="speaker__affiliation", lookup_expr="iexact")
    outlet = IdFilter(field_name="article__outlet_id", label="Outlet id")
    article = IdFilter(field_name="article_id", label="Article id")
    date_from = django_filters.DateFilter(field_name="claim_date", lookup_expr="gte", label="Claim date on or after")
    date_to = django_filters.DateFilter(field_name="claim_date", lookup_expr="lte", label="Claim date on or before")
    cue_class = django_filters.ChoiceFilter(choices=Claim.CueClass.choices)
    type = django_filters.ChoiceFilter(field_name="claim_type", choices=Claim.Type.choices)
    polarity = django_filters.ChoiceFilter(choices=Claim.Polarity.choices)
    review_status = django_filters.ChoiceFilter(choices=Claim.ReviewStatus.choices)
    method = django_filters.ChoiceFilter(choices=Claim.Method.choices, label="Found by the rules, the trained tagger, or both")
    dispute = IdFilter(field_name="dispute_membership__proposition_id", label="Dispute id")
    side = django_filters.ChoiceFilter(field_name="dispute_membership__side", choices=PropositionMember.Side.choices)

    class Meta:
        model = Claim
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return claims_search(queryset, value) if value.strip() else queryset
