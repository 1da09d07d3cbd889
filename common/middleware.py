"""A Content-Security-Policy on every answer: pages load scripts, styles, images and fonts from this
site only. The app ships all it needs (WhiteNoise, drf-spectacular-sidecar), so the policy only
stops what should never happen, such as ReDoc's "API docs by Redocly" logo from cdn.redoc.ly.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.CLAIMTRACK_CONTENT_SECURITY_POLICY:
            response.headers.setdefault("Content-Security-Policy", settings.CLAIMTRACK_CONTENT_SECURITY_POLICY)
        return response
