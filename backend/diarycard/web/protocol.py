"""Uvicorn's httptools protocol with a limit on the size of a request's head.

httptools reads a request line and headers of any size into memory (a 20 MB header was
accepted whole), which lets one client hold a worker's memory. Past MAX_HEAD bytes before
the head is complete, this answers 431 and closes the connection, as nginx does. Bodies
have their own limit in the app (DIARYCARD_MAX_BODY_BYTES).
"""

from __future__ import annotations

import msgspec
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

# Far above what a browser sends (a session cookie and a CSRF token are under 200 bytes).
MAX_HEAD = 32 * 1024

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
    _in_head = True
    _head_bytes = 0

    def data_received(self, data: bytes) -> None:
        # Counted after parsing, so a read that holds a whole head and the start of its
        # body is not mistaken for a long head. The parser holds at most one read more.
        was_in_head = self._in_head
        super().data_received(data)
        if not (was_in_head and self._in_head) or self.transport.is_closing():
            return
        self._head_bytes += len(data)
        if self._head_bytes > MAX_HEAD:
            self.transport.write(_ANSWER)
            self.transport.close()

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        # The next request on this keep-alive connection starts a new head.
        self._in_head, self._head_bytes = True, 0
        super().on_message_complete()
