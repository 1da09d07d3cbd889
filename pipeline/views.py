"""HTML pages of the pipeline: ingesting (upload or paste), a job's progress (htmx polling), retrying an article.

The article page itself is ``claims.views.article_detail``: it shows the article with its claims.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, time
from pathlib import Path

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles.ingest.files import read_sources
from articles.ingest.types import RawArticle, SourceFailure
from articles.models import Article
from common.exceptions import ApplicationError
from pipeline import services
from pipeline.models import IngestJob
from pipeline.selectors import ingest_job_get, ingest_job_items, ingest_jobs_recent

MAX_UPLOAD_FILES = 50


@login_required
@permission_required("articles.change_article", raise_exception=True)
@require_POST
def article_retry_view(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    try:
        services.article_retry(article=article)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "The article was queued again.")
    return redirect(article)


# ---- ingest ------------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, **kwargs) -> None:
        # An empty file is one failed item with its reason (the reader says so), not a refused form.
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class IngestForm(forms.Form):
    files = MultipleFileField(
        widget=MultipleFileInput(attrs={"accept": ".txt,.text,.md,.html,.htm,.jsonl,.ndjson"}),
        required=False,
        help_text="Text, HTML or JSON Lines files.",
    )
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), required=False, label="Or paste an article")
    title = forms.CharField(max_length=500, required=False, label="Title (for pasted text)")
    outlet = forms.CharField(max_length=200, required=False, label="Outlet (for pasted text)")
    url = forms.URLField(max_length=2000, required=False, assume_scheme="https", label="URL (for pasted text)")
    published = forms.DateField(
        required=False,
        label="Date (for pasted text)",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="When the story was published. Left empty, a dateline such as "
        "“ROTTERDAM, March 3 (Reuters) -” gives the date.",
    )

    def clean(self):
        data = super().clean()
        if not data.get("files") and not (data.get("text") or "").strip():
            raise ValidationError("Choose at least one file or paste some text.")
        if len(data.get("files") or []) > MAX_UPLOAD_FILES:
            raise ValidationError(f"At most {MAX_UPLOAD_FILES} files at a time.")
        return data


def _sources_from_form(data: dict) -> list[RawArticle | SourceFailure]:
    """Uploaded files go through the same readers as `manage.py ingest`; pasted text is one article."""
    sources: list[RawArticle | SourceFailure] = []
    if data["files"]:
        with tempfile.TemporaryDirectory(prefix="claimtrack-upload-") as folder:
            paths = []
            for index, upload in enumerate(data["files"]):
                # Only the base name is kept: an upload cannot choose where it is written.
                name = Path(upload.name or f"upload-{index}.txt").name or f"upload-{index}.txt"
                if upload.size > services.max_article_bytes():  # refused before a byte is read
                    sources.append(SourceFailure(name, _too_big(upload.size)))
                    continue
                path = Path(folder) / f"{index:03d}" / name
                path.parent.mkdir()
                with path.open("wb") as out:
                    for chunk in upload.chunks():
                        out.write(chunk)
                paths.append(path)
            sources.extend(read_sources(paths, max_bytes=services.max_article_bytes()))
    if (data["text"] or "").strip():
        sources.append(
            RawArticle(
                text=data["text"],
                name=(data["title"] or "Pasted text")[:200],
                source_kind=Article.SourceKind.PASTE,
                title=data["title"],
                outlet=data["outlet"],
                url=data["url"],
                published_at=_midnight_utc(data.get("published")),
            )
        )
    return sources


def _too_big(size: int) -> str:
    return f"the file is {size:,} bytes; the limit is {services.max_article_bytes():,} bytes"


def _midnight_utc(day: date | None) -> datetime | None:
    return datetime.combine(day, time.min, tzinfo=UTC) if day else None


@login_required
@permission_required("articles.add_article", raise_exception=True)
@require_http_methods(["GET", "POST"])
def ingest(request: HttpRequest) -> HttpResponse:
    form = IngestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        sources = _sources_from_form(form.cleaned_data)
        job = services.ingest_job_create(sources=sources, user=request.user, description="Web upload")
        services.ingest_job_enqueue(job=job)
        return redirect("pipeline:ingest_job", pk=job.pk)
    ctx = {"form": form, "jobs": ingest_jobs_recent(limit=10)}
    return render(request, "pipeline/ingest.html", ctx, status=400 if form.errors else 200)


@login_required
@require_GET
def ingest_job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The job's progress; htmx polls the ``pipeline/_job_progress.html`` partial until it is finished."""
    job = ingest_job_get(job_id=pk)
    if job is None:
        raise Http404("No such ingest job.")
    counts = services.ingest_job_counts(job=job)
    done = job.total - counts["pending"]
    ctx = {
        "job": job,
        "counts": counts,
        "done": done,
        "percent": round(100 * done / job.total) if job.total else 100,
        "finished": job.state in (IngestJob.State.DONE, IngestJob.State.FAILED),
        "items": ingest_job_items(job=job),
    }
    template = "pipeline/_job_progress.html" if request.htmx else "pipeline/ingest_job.html"
    return render(request, template, ctx)
