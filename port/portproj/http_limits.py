"""HTTP request bodies: a size limit and two media types, before anything reads them.

``HttpBodyLimits`` wraps Django's ASGI application.  Django's ASGI handler
reads the whole body into a file before any middleware or view runs, so the
checks must come before it:

* a body over ``HTTP_MAX_BODY_BYTES`` gets 413 — at once when
  ``Content-Length`` says so, else (chunked) as soon as the bytes received
  pass the limit, with never more than the limit held in memory;
* a non-empty body that is not ``application/json`` or
  ``application/x-www-form-urlencoded`` gets 415 before any parser or the
  CSRF check sees it: nothing here uploads files, and multipart parsing is
  where Django's parsers have had their denial-of-service bugs.

Both answer JSON ``{"error": ..., "detail": ...}``.  ``portproj.server``
makes the same decision (:func:`body_refusal`) inside daphne, before
Twisted buffers the body or parses a multipart one itself.
"""
import json
from dataclasses import dataclass

from django.conf import settings

ALLOWED_MEDIA_TYPES = ("application/json", "application/x-www-form-urlencoded")


@dataclass
class Refusal:
    status: int
    reason: str
    code: str
    detail: str

    def body(self):
        return json.dumps({"error": self.code, "detail": self.detail}).encode()

    def headers(self):
        return [(b"content-type", b"application/json"), (b"content-length", str(len(self.body())).encode()),
                (b"connection", b"close")]

    def http_response(self):
        """The whole HTTP/1.1 response, for a server answering before the application exists."""
        head = f"HTTP/1.1 {self.status} {self.reason}\r\n".encode()
        head += b"".join(name + b": " + value + b"\r\n" for name, value in self.headers())
        return head + b"\r\n" + self.body()


def media_type(content_type):
    """``application/json`` of ``Application/JSON; charset=utf-8``."""
    return content_type.decode("latin-1").split(";")[0].strip().lower()


def body_refusal(size, content_type):
    """The refusal for a body of (at least) ``size`` bytes of this type, or ``None``."""
    limit = settings.HTTP_MAX_BODY_BYTES
    if size > limit:
        return Refusal(413, "Content Too Large", "body_too_large", f"The request body is over {limit} bytes.")
    kind = media_type(content_type)
    if size and kind not in ALLOWED_MEDIA_TYPES:
        return Refusal(415, "Unsupported Media Type", "unsupported_media_type",
                       f"Bodies here are {' or '.join(ALLOWED_MEDIA_TYPES)}; not {kind or 'untyped'}.")
    return None


class HttpBodyLimits:
    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        headers = dict(scope.get("headers", []))
        content_type = headers.get(b"content-type", b"")
        try:
            length = int(headers.get(b"content-length", b"0"))
        except ValueError:
            length = 0  # daphne/Twisted refuse such a request before it gets here
        refusal = body_refusal(length, content_type)
        body, more = b"", True
        while more and refusal is None:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            more = message.get("more_body", False)
            refusal = body_refusal(len(body), content_type)
        if refusal is not None:
            await send({"type": "http.response.start", "status": refusal.status, "headers": refusal.headers()})
            await send({"type": "http.response.body", "body": refusal.body()})
            return
        return await self.application(scope, _replay(body, receive), send)


def _replay(body, receive):
    """A ``receive`` that hands the body read here to the application, then the rest of the connection."""
    sent = False

    async def replayed():
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}
    return replayed
