"""Sign-in throttling: django-axes' lockout check, and the client address it counts failures by."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses sign-ins from a locked-out address; never signs anyone in itself.

    ``authenticate()`` called without a request (a shell, a management command) is not an
    attempt over the network and has no address to count, so it is let through to the next backend.
    """

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs
    ):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_address(request: HttpRequest) -> str | None:
    """The address of the client, seen through ``CLAIMTRACK_PROXY_COUNT`` trusted proxies.

    Each proxy appends the address it received the request from to X-Forwarded-For, so with N
    proxies the Nth entry from the right is the client's; entries further left are unverified.
    """
    count = settings.CLAIMTRACK_PROXY_COUNT
    if count <= 0:
        return request.META.get("REMOTE_ADDR")
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return request.META.get("REMOTE_ADDR")  # not through all our proxies: the direct peer
    return forwarded[-count]
