"""REST API of the pipeline: posting text or files to ingest, and following the job."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from django.shortcuts import get_object_or_404
from django.utils.text import get_valid_filename
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.fields import ProhibitNullCharactersValidator
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from articles.ingest.files import SUPPORTED_SUFFIXES, read_path
from articles.ingest.types import RawArticle, SourceFailure
from articles.models import Article
from common.api import PayloadTooLarge
from common.parsers import GuardedJSONParser
from pipeline.selectors import ingest_jobs_with_results
from pipeline.serializers import IngestJobSerializer
from pipeline.services import ingest_job_create, ingest_job_enqueue, max_article_bytes


class ArticleTextField(serializers.CharField):
    """A JSON string and nothing else (``{"text": 42}`` is a 400, not an article "42").

    Control characters, NUL included, are allowed here: reading removes them and notes it on the
    item, as for files (``articles.ingest.text.strip_controls``).
    """

    default_error_messages = {"not_a_string": "'text' must be a string, not {kind}."}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.validators = [v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)]

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_a_string", kind="null" if data is None else type(data).__name__)
        return super().to_internal_value(data)


class IngestCreateApi(APIView):
    """Queue text or a file for ingestion: 202 with the job's URL, which reports progress and results.

    JSON: ``{"text": ..., "title", "url", "outlet", "published"}``. Multipart: a ``file`` (.txt,
    .html or .jsonl) with the same optional fields. Metadata given here wins over what the file
    says. A text already stored is not stored twice: the job's item says "duplicate" and links
    the existing article.
    """

    parser_classes = [GuardedJSONParser, MultiPartParser]
    required_permissions = ("articles.add_article",)

    @extend_schema_serializer(component_name="IngestInput")
    class InputSerializer(serializers.Serializer):
        text = ArticleTextField(required=False, help_text="The article's text (instead of a file).")
        file = serializers.FileField(
            required=False, allow_empty_file=True, help_text="A .txt, .html or .jsonl file (multipart only)."
        )  # an empty file is a failed item saying so, like in a folder
        title = serializers.CharField(required=False, allow_blank=True, max_length=500)
        url = serializers.URLField(required=False, allow_blank=True, max_length=2000)
        outlet = serializers.CharField(required=False, allow_blank=True, max_length=200)
        published = serializers.DateTimeField(required=False, allow_null=True)

        def validate_file(self, upload):
            if Path(upload.name or "").suffix.lower() not in SUPPORTED_SUFFIXES:
                raise serializers.ValidationError("Unsupported file type: use .txt, .html or .jsonl.")
            return upload

        def validate(self, data):
            if ("text" in data) == ("file" in data):
                raise serializers.ValidationError("Send either 'text' or a 'file', not both and not neither.")
            return data

    @extend_schema(
        request=InputSerializer,
        responses={202: IngestJobSerializer, 413: OpenApiResponse(description="Text or file over the size limit.")},
    )
    def post(self, request):
        _refuse_oversized(int(request.META.get("CONTENT_LENGTH") or 0), slack=64 * 1024)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        sources = _sources_from_upload(data["file"]) if "file" in data else [_raw_from_text(data)]
        sources = [_with_given_metadata(source, data) for source in sources]
        job = ingest_job_create(sources=sources, user=request.user, description=f"API: {sources[0].name}"[:300])
        ingest_job_enqueue(job=job)
        body = IngestJobSerializer(ingest_jobs_with_results().get(pk=job.pk), context={"request": request}).data
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["url"]})


class IngestJobDetailApi(APIView):
    """An ingest job: state, progress, and per item the article it became (with its claims once the job is over)."""

    @extend_schema(responses=IngestJobSerializer)
    def get(self, request, pk: int):
        job = get_object_or_404(ingest_jobs_with_results(), pk=pk)
        return Response(IngestJobSerializer(job, context={"request": request}).data)


def _refuse_oversized(size: int, slack: int = 0) -> None:
    limit = max_article_bytes()
    if size > limit + slack:
        raise PayloadTooLarge(f"The upload is {size} bytes; the limit is {limit} bytes.")


def _raw_from_text(data: dict) -> RawArticle:
    _refuse_oversized(len(data["text"].encode("utf-8")))
    return RawArticle(text=data["text"], name=data.get("title") or "posted text", source_kind=Article.SourceKind.PASTE)


def _sources_from_upload(upload) -> list[RawArticle | SourceFailure]:
    """Read an uploaded file with the same readers as ``manage.py ingest`` (by its extension)."""
    _refuse_oversized(upload.size)
    name = Path(upload.name).name
    try:
        safe_name = get_valid_filename(name)
    except Exception:  # a name such as ".." has no safe form: keep only the extension
        safe_name = "upload" + Path(name).suffix.lower()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / safe_name
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return list(read_path(path, max_bytes=max_article_bytes()))


def _with_given_metadata(source: RawArticle | SourceFailure, data: dict) -> RawArticle | SourceFailure:
    if isinstance(source, SourceFailure):
        return source
    given = {"title": data.get("title"), "url": data.get("url"), "outlet": data.get("outlet"), "published_at": data.get("published")}
    return dataclasses.replace(source, **{key: value for key, value in given.items() if value})
