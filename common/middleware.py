"""Middleware run on every request: the body size check before anything reads it, and the
Content-Security-Policy on every answer (this site only: the app ships all it needs, so the policy
stops only what should never happen, such as ReDoc's logo from cdn.redoc.ly)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class RequestSizeLimitMiddleware:
    """Refuse a body over ``CLAIMTRACK_MAX_UPLOAD_TOTAL_BYTES`` by its Content-Length, unread (413).

    Django would otherwise parse a 300 MB upload (to memory or temporary files) before the view
    could look at its size. A body without a length is not read by Django at all.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        declared = request.META.get("CONTENT_LENGTH") or "0"
        limit = settings.CLAIMTRACK_MAX_UPLOAD_TOTAL_BYTES
        if declared.isdigit() and int(declared) > limit:
            ctx = {"size": int(declared), "limit": limit}
            return render(request, "413.html", ctx, status=413)
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.CLAIMTRACK_CONTENT_SECURITY_POLICY:
            response.headers.setdefault("Content-Security-Policy", settings.CLAIMTRACK_CONTENT_SECURITY_POLICY)
        return response
