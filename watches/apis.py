"""/api/v1/ endpoints of the watches app: a user's own watches, alerts, webhooks and deliveries.

Any signed-in user may watch (analysts included): these writes change only the user's own rows,
so they need no curator permission, unlike the claims API. Another user's row answers 404.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from articles.models import Outlet
from claims.models import Claim, Proposition, Speaker
from watches import selectors, services
from watches.models import Alert, Watch, WebhookDelivery, WebhookSubscription


class OwnRowsApi(GenericAPIView):
    permission_classes = [IsAuthenticated]
    filter_backends: list = []


class WatchOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = Watch
        fields = ["id", "kind", "label", "speaker", "dispute", "claim", "query", "outlet", "cue_class",
                  "claim_type", "polarity", "date_from", "date_to", "created_at"]  # fmt: skip


class WatchListCreateApi(OwnRowsApi, ListAPIView):
    """List your watches, or watch something: a saved search (query and facets), a speaker, a dispute or a claim."""

    serializer_class = WatchOutputSerializer

    @extend_schema_serializer(component_name="WatchInput")
    class InputSerializer(serializers.Serializer):
        kind = serializers.ChoiceField(choices=Watch.Kind.choices)
        label = serializers.CharField(max_length=300, required=False, default="")
        speaker = serializers.PrimaryKeyRelatedField(queryset=Speaker.objects.all(), required=False, allow_null=True)
        dispute = serializers.PrimaryKeyRelatedField(
            queryset=Proposition.objects.all(), required=False, allow_null=True
        )
        claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all(), required=False, allow_null=True)
        query = serializers.CharField(max_length=500, required=False, default="", allow_blank=True)
        outlet = serializers.PrimaryKeyRelatedField(queryset=Outlet.objects.all(), required=False, allow_null=True)
        cue_class = serializers.ChoiceField(
            choices=Claim.CueClass.choices, required=False, default="", allow_blank=True
        )
        claim_type = serializers.ChoiceField(choices=Claim.Type.choices, required=False, default="", allow_blank=True)
        polarity = serializers.ChoiceField(choices=Claim.Polarity.choices, required=False, default="", allow_blank=True)
        date_from = serializers.DateField(required=False, allow_null=True, default=None)
        date_to = serializers.DateField(required=False, allow_null=True, default=None)

    def get_queryset(self):
        return selectors.watches_for_user(user=self.request.user)

    @extend_schema(request=InputSerializer, responses={201: WatchOutputSerializer})
    def post(self, request):
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        watch = services.watch_create(user=request.user, **serializer.validated_data)
        return Response(WatchOutputSerializer(watch).data, status=status.HTTP_201_CREATED)


class WatchDetailApi(OwnRowsApi):
    """One of your watches: read it, rename it (label), or stop watching (DELETE)."""

    serializer_class = WatchOutputSerializer

    @extend_schema_serializer(component_name="WatchUpdateInput")
    class InputSerializer(serializers.Serializer):
        label = serializers.CharField(max_length=300)

    def get_queryset(self):
        return selectors.watches_for_user(user=self.request.user)

    def get(self, request, pk: int):
        return Response(WatchOutputSerializer(get_object_or_404(self.get_queryset(), pk=pk)).data)

    @extend_schema(request=InputSerializer, responses=WatchOutputSerializer)
    def patch(self, request, pk: int):
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        watch = services.watch_update(watch=get_object_or_404(self.get_queryset(), pk=pk), **serializer.validated_data)
        return Response(WatchOutputSerializer(watch).data)

    def delete(self, request, pk: int):
        services.watch_delete(watch=get_object_or_404(self.get_queryset(), pk=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class AlertOutputSerializer(serializers.ModelSerializer):
    watch_label = serializers.CharField(source="watch.__str__")
    claim_content = serializers.CharField(source="claim.content")
    reason_label = serializers.CharField(source="get_reason_display")

    class Meta:
        model = Alert
        fields = ["id", "watch", "watch_label", "claim", "claim_content", "reason", "reason_label", "detail",
                  "created_at", "read_at"]  # fmt: skip


@extend_schema(parameters=[OpenApiParameter("unread", OpenApiTypes.BOOL, description="Only unread alerts.")])
class AlertListApi(OwnRowsApi, ListAPIView):
    """Your alerts, newest first; ``?unread=1`` for the unread ones only."""

    extra_query_parameters = ("unread",)

    serializer_class = AlertOutputSerializer

    def get_queryset(self):
        unread = self.request.query_params.get("unread") in ("1", "true")
        return selectors.alerts_for_user(user=self.request.user, unread=unread)


class AlertReadApi(OwnRowsApi):
    """Mark one of your alerts read."""

    serializer_class = AlertOutputSerializer

    @extend_schema(request=None, responses=AlertOutputSerializer)
    def post(self, request, pk: int):
        alert = get_object_or_404(selectors.alerts_for_user(user=request.user), pk=pk)
        return Response(AlertOutputSerializer(services.alert_mark_read(alert=alert)).data)


class AlertReadAllApi(OwnRowsApi):
    """Mark all your alerts read; answers how many were unread."""

    class OutputSerializer(serializers.Serializer):
        marked = serializers.IntegerField()

    serializer_class = OutputSerializer

    @extend_schema(request=None, responses=OutputSerializer)
    def post(self, request):
        return Response({"marked": services.alerts_mark_all_read(user=request.user)})


class WebhookOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookSubscription
        # The secret is the owner's: they need it to verify signatures.
        fields = ["id", "url", "secret", "active", "created_at"]


class WebhookListCreateApi(OwnRowsApi, ListAPIView):
    """Your webhook subscriptions, or a new one (its secret is generated and returned)."""

    serializer_class = WebhookOutputSerializer

    @extend_schema_serializer(component_name="WebhookInput")
    class InputSerializer(serializers.Serializer):
        url = serializers.URLField(max_length=2000)

    def get_queryset(self):
        return selectors.webhooks_for_user(user=self.request.user)

    @extend_schema(request=InputSerializer, responses={201: WebhookOutputSerializer})
    def post(self, request):
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        subscription = services.webhook_subscription_create(user=request.user, url=serializer.validated_data["url"])
        return Response(WebhookOutputSerializer(subscription).data, status=status.HTTP_201_CREATED)


class WebhookDeleteApi(OwnRowsApi):
    """Remove one of your webhook subscriptions (its delivery log goes with it)."""

    serializer_class = WebhookOutputSerializer

    def delete(self, request, pk: int):
        subscription = get_object_or_404(selectors.webhooks_for_user(user=request.user), pk=pk)
        services.webhook_subscription_delete(subscription=subscription)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeliveryOutputSerializer(serializers.ModelSerializer):
    webhook = serializers.IntegerField(source="subscription_id")

    class Meta:
        model = WebhookDelivery
        fields = ["id", "delivery_id", "webhook", "alert", "status", "attempts", "response_code", "last_error",
                  "created_at", "delivered_at"]  # fmt: skip


class DeliveryListApi(OwnRowsApi, ListAPIView):
    """The delivery log of your webhooks, newest first."""

    serializer_class = DeliveryOutputSerializer

    def get_queryset(self):
        return selectors.deliveries_for_user(user=self.request.user)
