"""Uvicorn's httptools protocol with limits on a request's head: its size and its time.

httptools reads a request line and headers of any size into memory (a 20 MB header was
accepted whole), which lets one client hold a worker's memory. Past MAX_HEAD bytes before
the head is complete, this answers 431 and closes the connection, as nginx does. And
uvicorn waits for a head for ever, so a client that opens connections and sends a byte now
and then (slowloris) could hold them all: a head not finished within HEAD_SECONDS of the
connection opening, or of its first byte, closes the connection. Bodies have their own
limit in the app (DIARYCARD_MAX_BODY_BYTES).
"""

from __future__ import annotations

import asyncio

import msgspec
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

# Far above what a browser sends (a session cookie and a CSRF token are under 200 bytes).
MAX_HEAD = 32 * 1024
# Generous for a phone on a poor signal: a head is a few hundred bytes.
HEAD_SECONDS = 10.0

_BODY = msgspec.json.encode({
    "type": "about:blank",
    "title": "Request Header Fields Too Large",
    "status": 431,
    "code": "head_too_large",
    "detail": f"The request line and headers must be under {MAX_HEAD // 1024} KB together.",
})
_ANSWER = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
    b"content-type: application/problem+json\r\n"
    b"content-length: " + str(len(_BODY)).encode() + b"\r\n"
    b"cache-control: no-store\r\n"
    b"connection: close\r\n\r\n" + _BODY
)


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """Two counts, as httptools holds a header back until it is whole: the request line
    and headers parsed so far (checked before the app is called), and the raw bytes of
    reads that ended inside a head (a head that never ends). Either past MAX_HEAD: 431."""

    _in_head = True  # from the end of one request to the end of the next one's head
    _raw = 0
    _parsed = 0
    _heads = 0  # heads completed on this connection
    _refused = False
    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_head_clock()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_head_clock()
        super().connection_lost(exc)

    def _start_head_clock(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(HEAD_SECONDS, self._head_too_slow)

    def _stop_head_clock(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if self._in_head and not self.transport.is_closing():
            self.transport.close()

    def on_message_begin(self) -> None:
        self._start_head_clock()  # the next request on a kept-alive connection
        super().on_message_begin()

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        counting, heads = self._in_head, self._heads
        super().data_received(data)
        if counting and heads == self._heads:
            self._raw += len(data)
        if (self._refused or self._raw > MAX_HEAD) and not self.transport.is_closing():
            self._refused = True
            self.transport.write(_ANSWER)
            self.transport.close()

    def on_url(self, url: bytes) -> None:
        self._parsed += len(url)
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._parsed += len(name) + len(value)
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._stop_head_clock()
        self._in_head = False
        self._heads += 1
        if self._parsed > MAX_HEAD:
            self._refused = True  # answered in data_received; the app never sees it
            return
        super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        if not self._refused:
            super().on_body(body)

    def on_message_complete(self) -> None:
        if self._refused:
            return
        # The next request on this keep-alive connection starts a new head.
        self._in_head, self._raw, self._parsed = True, 0, 0
        super().on_message_complete()
