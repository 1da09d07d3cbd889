"""A webhook receiver for tests: a real HTTP server in a thread that checks signatures like a client would.

It keeps every request it got and the delivery ids it has accepted; a repeated delivery id is
answered 200 and not counted again, as a well-behaved receiver deduplicates.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def signature_valid(body: bytes, header: str, secret: str) -> bool:
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header)


class Receiver:
    def __init__(self, secret: str = "", delay: float = 0.0, status: int = 200, hold_from: int | None = None) -> None:
        self.secret, self.delay, self.status = secret, delay, status
        # From the hold_from-th request on, answers wait until `release()`: a test can kill the
        # sender while a request is certainly in flight, however slow the machine is.
        self.hold_from = hold_from
        self.released = threading.Event()
        self.requests: list[dict] = []  # every request, repeats included
        self.accepted: dict[str, dict] = {}  # delivery id -> body, first arrival only
        self.bad_signatures = 0
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def __enter__(self) -> Receiver:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):  # type: ignore[no-untyped-def]
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                number = receiver._record(body, dict(self.headers))
                if receiver.hold_from is not None and number >= receiver.hold_from:
                    receiver.released.wait(timeout=120)
                time.sleep(receiver.delay)  # a slow receiver: the sender may die while it waits
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        return Handler

    def release(self) -> None:
        """Let held requests be answered (to a sender that may be gone by now)."""
        self.released.set()

    def _record(self, body: bytes, headers: dict[str, str]) -> int:
        """Keep a request; returns its number, counting from 1."""
        with self.lock:
            self.requests.append({"body": body, "headers": headers})
            number = len(self.requests)
            if self.secret and not signature_valid(body, headers.get("X-ClaimTrack-Signature", ""), self.secret):
                self.bad_signatures += 1
            else:
                self.accepted.setdefault(headers["X-ClaimTrack-Delivery"], json.loads(body))
            return number
