"""/api/v1/ routes of the claims app."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from claims import apis, quote_flag_apis

app_name = "claims_api"

router = SimpleRouter()
router.register("claims", apis.ClaimViewSet, basename="claim")
router.register("speakers", apis.SpeakerViewSet, basename="speaker")
router.register("relations", apis.RelationViewSet, basename="relation")
router.register("disputes", apis.DisputeViewSet, basename="dispute")
router.register("outlets", apis.OutletViewSet, basename="outlet")
router.register("articles", apis.ArticleViewSet, basename="article")
router.register("quote-flags", quote_flag_apis.QuoteFlagViewSet, basename="quote-flag")

urlpatterns = [
    path("claims/<int:pk>/agreeing/", apis.ClaimAgreeingListApi.as_view(), name="claim-agreeing"),
    path("claims/<int:pk>/conflicting/", apis.ClaimConflictingListApi.as_view(), name="claim-conflicting"),
    path("claims/<int:pk>/close/", apis.ClaimCloseListApi.as_view(), name="claim-close"),
    path("claims/<int:pk>/review/", apis.ClaimReviewApi.as_view(), name="claim-review"),
    path("speakers/<int:pk>/claims/", apis.SpeakerClaimListApi.as_view(), name="speaker-claims"),
    path("speakers/<int:pk>/merge/", apis.SpeakerMergeApi.as_view(), name="speaker-merge"),
    path("relations/<int:pk>/review/", apis.RelationReviewApi.as_view(), name="relation-review"),
    path("disputes/<int:pk>/sides/", apis.DisputeSidesApi.as_view(), name="dispute-sides"),
    path("quote-flags/<int:pk>/dismiss/", quote_flag_apis.QuoteFlagDismissApi.as_view(), name="quote-flag-dismiss"),
    path("matrix/", apis.MatrixApi.as_view(), name="matrix"),
    *router.urls,
]
