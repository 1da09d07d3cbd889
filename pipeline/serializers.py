"""Output shapes of the ingest API: a job, its progress, and per item the article it became with its claims."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import Claim
from claims.serializers import ArticleRefSerializer
from common.api import DetailUrlField
from pipeline.models import IngestItem, IngestJob


class JobClaimSerializer(serializers.ModelSerializer):
    url = DetailUrlField("claims_api:claim-detail")
    speaker = serializers.CharField(source="speaker.name", allow_null=True, default=None)
    type = serializers.CharField(source="claim_type")

    class Meta:
        model = Claim
        fields = ["id", "url", "speaker", "speaker_mention", "cue", "type", "content", "polarity"]


class JobArticleSerializer(ArticleRefSerializer):
    claims = JobClaimSerializer(many=True)

    class Meta(ArticleRefSerializer.Meta):
        fields = ArticleRefSerializer.Meta.fields + ["claims"]


class IngestItemSerializer(serializers.ModelSerializer):
    article = serializers.SerializerMethodField()

    class Meta:
        model = IngestItem
        fields = ["name", "outcome", "reason", "claims_found", "article"]

    @extend_schema_field(JobArticleSerializer(allow_null=True))
    def get_article(self, item: IngestItem) -> dict | None:
        """The article this item became (a duplicate gives the existing one), with claims once the job is over."""
        if item.article is None:
            return None
        job_over = self.context.get("job_over", False)
        serializer = JobArticleSerializer if job_over else ArticleRefSerializer
        return serializer(item.article, context=self.context).data


class JobProgressSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    done = serializers.IntegerField(help_text="Items stored as new articles or found to be duplicates.")
    failed = serializers.IntegerField()
    pending = serializers.IntegerField()


class IngestJobSerializer(serializers.ModelSerializer):
    url = DetailUrlField("pipeline_api:ingest-job-detail")
    progress = serializers.SerializerMethodField()
    items = serializers.SerializerMethodField()

    class Meta:
        model = IngestJob
        fields = ["id", "url", "state", "description", "created_at", "finished_at", "progress", "items"]

    @extend_schema_field(JobProgressSerializer)
    def get_progress(self, job: IngestJob) -> dict:
        counts = {outcome: 0 for outcome in IngestItem.Outcome.values}
        for item in job.items.all():
            counts[item.outcome] += 1
        done = counts[IngestItem.Outcome.CREATED] + counts[IngestItem.Outcome.DUPLICATE]
        return {"total": job.total, "done": done, "failed": counts[IngestItem.Outcome.FAILED], "pending": counts[IngestItem.Outcome.PENDING]}

    @extend_schema_field(IngestItemSerializer(many=True))
    def get_items(self, job: IngestJob) -> list[dict]:
        context = {**self.context, "job_over": job.state in (IngestJob.State.DONE, IngestJob.State.FAILED)}
        return IngestItemSerializer(job.items.all(), many=True, context=context).data
