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
applies the same size limit inside daphne, before Twisted buffers the body.
"""
import json

from django.conf import settings

ALLOWED_MEDIA_TYPES = ("application/json", "application/x-www-form-urlencoded")


def too_large_detail(limit):
    return f"The request body is larger than {limit} bytes."


def too_large_response_bytes(limit):
    """A whole HTTP/1.1 413 response, for servers that answer before the application exists."""
    body = json.dumps({"error": "body_too_large", "detail": too_large_detail(limit)}).encode()
    return (b"HTTP/1.1 413 Content Too Large\r\nContent-Type: application/json\r\n"
            b"Connection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))


async def _reply(send, status, code, detail):
    body = json.dumps({"error": code, "detail": detail}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]})
    await send({"type": "http.response.body", "body": body})


def _media_type(headers):
    return headers.get(b"content-type", b"").decode("latin-1").split(";")[0].strip().lower()


class HttpBodyLimits:
    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        limit = settings.HTTP_MAX_BODY_BYTES
        headers = dict(scope.get("headers", []))
        try:
            length = int(headers.get(b"content-length", b"0"))
        except ValueError:
            length = 0  # daphne/Twisted refuse such a request before it gets here
        if length > limit:
            return await _reply(send, 413, "body_too_large", too_large_detail(limit))
        media_type = _media_type(headers)
        unsupported = f"Send the body as one of {', '.join(ALLOWED_MEDIA_TYPES)}, not {media_type or 'untyped'}."
        if length and media_type not in ALLOWED_MEDIA_TYPES:
            return await _reply(send, 415, "unsupported_media_type", unsupported)
        body, more = b"", True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > limit:
                return await _reply(send, 413, "body_too_large", too_large_detail(limit))
        if body and media_type not in ALLOWED_MEDIA_TYPES:
            return await _reply(send, 415, "unsupported_media_type", unsupported)
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
