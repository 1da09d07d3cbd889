"""A local news site for ingest tests: article pages, feeds and misbehaving URLs on 127.0.0.1.

Nothing leaves the machine: tests that fetch pages fetch them from here.
"""

from __future__ import annotations

import html
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
BOILERPLATE = "Subscribe to our newsletter for the best stories of the week"


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def article_html(text: str, *, title: str, author: str = "Jane Reporter", date: str = "2015-09-30") -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta name="author" content="{author}"><meta property="article:published_time" content="{date}">
<meta property="og:site_name" content="Local Herald"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About us</a></nav>
<article><h1>{html.escape(title)}</h1>{paragraphs}</article>
<aside><p>{BOILERPLATE}</p></aside><footer><p>Copyright Local Herald. All rights reserved.</p></footer>
</body></html>"""


def rss(items: list[tuple[str, str, str]], *, title: str = "Local Herald") -> str:
    entries = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(link)}</link><guid>{html.escape(guid)}</guid>"
        "<pubDate>Wed, 30 Sep 2015 10:00:00 GMT</pubDate></item>"
        for guid, link, t in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{entries}</channel></rss>'


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # clients that time out or stop reading are what these tests are about


class NewsServer:
    """Serves ``pages`` (path → (content type, body)), plus /slow, /loop, /redirect-to-file and 404s."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, bytes]] = {}
        self.requests: list[tuple[str, str]] = []  # (path, user agent)
        self.slow_seconds = 5.0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append((self.path, self.headers.get("User-Agent", "")))
                server.respond(self)

            def log_message(self, *args) -> None:
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> NewsServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8") -> str:
        self.pages[path] = (content_type, body.encode() if isinstance(body, str) else body)
        return self.url(path)

    def add_article(self, path: str, text: str, *, title: str) -> str:
        return self.add(path, article_html(text, title=title))

    def respond(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        if path == "/slow":
            time.sleep(self.slow_seconds)  # longer than the fetch read timeout of the tests
        if path == "/loop":
            return self._redirect(handler, "/loop")
        if path.startswith("/hop/"):
            remaining = int(path.rsplit("/", 1)[1])
            return self._redirect(handler, f"/hop/{remaining - 1}" if remaining else "/article/0")
        if path.startswith("/status/"):  # an answer such as 503 or 429, for retries
            handler.send_error(int(path.rsplit("/", 1)[1]))
            return None
        if path == "/redirect-to-file":
            return self._redirect(handler, "file:///etc/passwd")
        if path not in self.pages:
            handler.send_error(404, "Not Found")
            return None
        content_type, body = self.pages[path]
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        try:
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: that is what a size limit does
        return None

    def _redirect(self, handler: BaseHTTPRequestHandler, location: str) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
