"""Fetch a web page or feed for ingestion without letting a URL reach into our own network.

Every hop (the URL and each redirect target) is resolved once, every address it resolves to
is checked, and the connection goes to the checked address itself, so a DNS answer that
changes between the check and the connect (DNS rebinding) cannot point us at 127.0.0.1 or
an internal service. TLS still verifies the certificate against the host name (SNI).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from urllib3.exceptions import HTTPError as Urllib3Error

from .types import IngestError

USER_AGENT = "ClaimTrack/1.0 (news claim analysis; fetches pages and feeds that a user submitted)"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
# Answers worth trying again later; every other 4xx/5xx is the page's own final answer.
TRANSIENT_STATUSES = {408, 425, 429, 500, 502, 503, 504}


class FetchError(IngestError):
    """The URL cannot be ingested as it is (bad address, 404, wrong type, too big)."""


class FetchUnavailable(Exception):
    """The server did not answer properly this time (timeout, refused, 503): worth a retry."""


@dataclass(frozen=True)
class FetchPolicy:
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    accept: tuple[str, ...] = PAGE_TYPES + FEED_TYPES


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str  # lower case, without parameters
    charset: str | None

    @property
    def is_feed(self) -> bool:
        if self.content_type in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
            return True
        head = self.content[:2048].lstrip().lower()
        return self.content_type in FEED_TYPES and any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def fetch_url(url: str, *, policy: FetchPolicy) -> Fetched:
    """GET ``url`` following at most ``policy.max_redirects`` redirects, each one re-checked.

    Raises `FetchError` for what retrying cannot fix and `FetchUnavailable` for what it might.
    """
    seen: set[str] = set()
    for _ in range(policy.max_redirects + 1):
        seen.add(url)
        response = _get_once(url, policy)
        location = response.headers.get("Location") if 300 <= response.status < 400 else None
        if not location:
            return _read_response(url, response, policy)
        response.release_conn()
        url = urljoin(url, location)
        if url in seen:
            raise FetchError(f"redirect loop at {url}")
    raise FetchError(f"more than {policy.max_redirects} redirects")


def check_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL, or `FetchError` saying what is wrong with it."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"not a valid URL: {exc}") from exc
    if parts.scheme not in ("http", "https"):
        raise FetchError("only http:// and https:// URLs can be ingested")
    if not parts.hostname:
        raise FetchError("the URL has no host name")
    if parts.username or parts.password:
        raise FetchError("URLs with a user name or password are not fetched")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def resolve_public(host: str, port: int, *, allow_private: bool) -> list[str]:
    """Every address ``host`` resolves to, refusing the lot if any one is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"the host {host} could not be found ({exc.strerror})") from exc
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not allow_private:
        for address in addresses:
            if not _is_public(ipaddress.ip_address(address.split("%")[0])):
                raise FetchError(f"refused: {host} is a private, loopback or link-local address ({address})")
    return addresses


def _is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _get_once(url: str, policy: FetchPolicy) -> urllib3.BaseHTTPResponse:
    scheme, host, port = check_url(url)
    address = resolve_public(host, port, allow_private=policy.allow_private)[0]
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {
        "Host": parts.netloc.rsplit("@", 1)[-1],
        "User-Agent": USER_AGENT,
        "Accept": ", ".join(policy.accept) + ";q=0.9, */*;q=0.1",
    }
    timeout = urllib3.Timeout(connect=policy.connect_timeout, read=policy.read_timeout)
    pool = _pool(scheme, address, host, port, timeout)
    try:
        return pool.urlopen("GET", path, headers=headers, redirect=False, retries=False, preload_content=False)
    except urllib3.exceptions.NewConnectionError as exc:  # a subclass of ConnectTimeoutError, but refused
        raise FetchUnavailable(f"cannot connect to {host}: {_short(exc)}") from exc
    except urllib3.exceptions.ConnectTimeoutError as exc:
        raise FetchUnavailable(f"{host} did not accept a connection within {policy.connect_timeout:g} s") from exc
    except urllib3.exceptions.ReadTimeoutError as exc:
        raise FetchUnavailable(f"{host} did not answer within {policy.read_timeout:g} s") from exc
    except urllib3.exceptions.SSLError as exc:
        raise FetchError(f"{host} has no valid TLS certificate: {exc}") from exc
    except (Urllib3Error, OSError) as exc:
        raise FetchUnavailable(f"cannot connect to {host}: {_short(exc)}") from exc


def _pool(scheme: str, address: str, host: str, port: int, timeout: urllib3.Timeout) -> urllib3.HTTPConnectionPool:
    # The pool connects to the checked address; the host name is only used for Host/SNI/cert.
    if scheme == "http":
        return urllib3.HTTPConnectionPool(address, port, timeout=timeout, maxsize=1)
    return urllib3.HTTPSConnectionPool(
        address,
        port,
        timeout=timeout,
        maxsize=1,
        cert_reqs="CERT_REQUIRED",
        ca_certs=certifi.where(),
        assert_hostname=host,
        server_hostname=host,
    )


def _read_response(url: str, response: urllib3.BaseHTTPResponse, policy: FetchPolicy) -> Fetched:
    try:
        _check_status(response)
        content_type, charset = _content_type(response.headers.get("Content-Type", ""))
        if content_type not in policy.accept:
            raise FetchError(f"unsupported content type {content_type or 'none'} (expected a web page or feed)")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > policy.max_bytes:
            raise FetchError(f"the page is larger than the {_mb(policy.max_bytes)} limit")
        return Fetched(url=url, content=_read_limited(response, policy), content_type=content_type, charset=charset)
    finally:
        response.release_conn()


def _check_status(response: urllib3.BaseHTTPResponse) -> None:
    if response.status in TRANSIENT_STATUSES:
        raise FetchUnavailable(f"the server answered HTTP {response.status} {response.reason or ''}".strip())
    if response.status >= 300:
        raise FetchError(f"HTTP {response.status} {response.reason or ''}".strip())


def _read_limited(response: urllib3.BaseHTTPResponse, policy: FetchPolicy) -> bytes:
    # The read timeout is per socket read; a server dripping bytes also meets a total deadline.
    deadline = time.monotonic() + policy.connect_timeout + 4 * policy.read_timeout
    chunks, size = [], 0
    try:
        for chunk in response.stream(64 * 1024, decode_content=True):
            size += len(chunk)
            if size > policy.max_bytes:
                raise FetchError(f"the page is larger than the {_mb(policy.max_bytes)} limit")
            if time.monotonic() > deadline:
                raise FetchUnavailable("the server sent the page too slowly")
            chunks.append(chunk)
    except urllib3.exceptions.ReadTimeoutError as exc:
        raise FetchUnavailable(f"the server stopped sending within {policy.read_timeout:g} s") from exc
    except (urllib3.exceptions.ProtocolError, urllib3.exceptions.DecodeError) as exc:
        raise FetchUnavailable(f"the connection broke while reading: {_short(exc)}") from exc
    return b"".join(chunks)


def _content_type(header: str) -> tuple[str, str | None]:
    main, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ").lower()
    return main.strip().lower(), charset


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def _short(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or exc
    return str(reason)[:300]
