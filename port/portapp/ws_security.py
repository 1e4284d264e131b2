"""What every WebSocket endpoint shares: refusals, origins, and how a login ends.

A handshake is refused by the middleware in front of the consumer, so a
refused socket never has a consumer and never joins a group.  Each refusal
logs ONE line at WARNING: ``WebSocket refused on <path>: <code> (<detail>)``
(control characters in the path escaped, never a token).  A refusal before
``websocket.accept`` reaches the client as HTTP 403 (daphne); with
``WS_AUTH_EXPLAIN_FAILURES`` a *token* refusal is accepted instead, told
``{"error": <code>, "detail": <text>}`` and closed with its 4xxx code.

* :class:`KnownPathRouter` — Channels' ``URLRouter`` raises
  ``ValueError("No route found")`` for an unknown path (a traceback in
  daphne's log and a 500-ish close); this one refuses it as ``unknown_path``.
* :class:`OriginCheck` — for the sockets that read the session cookie.
  Channels' ``AllowedHostsOriginValidator`` compares the Origin's host with
  ``ALLOWED_HOSTS`` only, ignoring scheme and port; this one wants the page's
  own origin (scheme, host and port of the handshake) or one listed in
  ``ALLOWED_ORIGINS``.  A handshake without Origin is refused.
* :class:`LoginRequired` — after ``AuthMiddlewareStack``: anonymous refused.
* :class:`AuthenticatedSocketMixin` — for consumers whose socket holds a
  login: it ends with ``{"error", "detail"}`` and a 4xxx close code when
  the login does (logout: ``session_ended``, 4011), and receives nothing
  after that.
"""
import hashlib
import json
import logging
from urllib.parse import urlsplit

from channels.auth import get_user
from channels.middleware import BaseMiddleware
from channels.routing import URLRouter
from django.conf import settings
from django.http.request import split_domain_port, validate_host

from portapp.text import escape_controls

logger = logging.getLogger(__name__)

# Close code for a session socket whose login ended (logout).
SESSION_ENDED = 4011


def error_text(code, detail):
    """The one frame that tells a client why its socket ends."""
    return json.dumps({"error": code, "detail": detail})


def log_refusal(scope, code, detail, event="refused"):
    logger.warning("WebSocket %s on %s: %s (%s)", event, escape_controls(scope.get("path", "?")), code, detail)


async def refuse(scope, receive, send, code, detail, close_code=None):
    """Answer the handshake with a refusal; nothing behind the caller runs.

    ``close_code`` (token failures only) is used when failures are explained.
    """
    log_refusal(scope, code, detail)
    message = await receive()
    if message["type"] != "websocket.connect":
        return  # the client went away first
    if close_code and settings.WS_AUTH_EXPLAIN_FAILURES:
        await send({"type": "websocket.accept"})
        await send({"type": "websocket.send", "text": error_text(code, detail)})
        await send({"type": "websocket.close", "code": close_code})
    else:
        await send({"type": "websocket.close"})


class KnownPathRouter(URLRouter):
    """``URLRouter`` that refuses the paths it has no route for.

    ``URLRouter`` strips *every* leading slash before matching, so it would
    serve ``//echo/`` as ``/echo/``; the check here strips exactly one.
    """

    async def __call__(self, scope, receive, send):
        path = scope["path"]
        root_path = scope.get("root_path", "")
        if root_path and path.startswith(root_path):
            path = path[len(root_path):]
        if not (path.startswith("/") and any(route.pattern.match(path[1:]) for route in self.routes)):
            return await refuse(scope, receive, send, "unknown_path", "No example is served here.")
        return await super().__call__(scope, receive, send)


def _origin_tuple(scheme, host, port):
    scheme = scheme.lower()
    default_port = 443 if scheme == "https" else 80
    return scheme, host.lower().strip("[]"), int(port) if port else default_port


def parse_origin(origin):
    """``(scheme, host, port)`` of an Origin value, or ``None`` if it is not one."""
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return _origin_tuple(parts.scheme, parts.hostname, port)


def origin_problem(scope):
    """Why this handshake's Origin may not use the session cookie, or ``None``."""
    headers = dict(scope.get("headers", []))
    raw = headers.get(b"origin", b"").decode("latin-1")
    if not raw:
        return "no Origin header"
    origin = parse_origin(raw)
    if origin is None:
        return "unreadable Origin"
    if origin in {parse_origin(allowed) for allowed in settings.ALLOWED_ORIGINS}:
        return None
    host = headers.get(b"host", b"").decode("latin-1")
    domain, port = split_domain_port(host)
    if not domain or not validate_host(domain, settings.ALLOWED_HOSTS):
        return f"Host {escape_controls(host)} is not in ALLOWED_HOSTS"
    scheme = "https" if settings.HTTPS else "http"
    expected = _origin_tuple(scheme, domain, port)
    if origin != expected:
        return f"Origin {escape_controls(raw)} is not {scheme}://{domain}:{expected[2]}"
    return None


class OriginCheck(BaseMiddleware):
    async def __call__(self, scope, receive, send):
        problem = origin_problem(scope)
        if problem:
            return await refuse(scope, receive, send, "origin_not_allowed", problem)
        return await super().__call__(scope, receive, send)


class LoginRequired(BaseMiddleware):
    """Refuse anonymous handshakes; goes inside ``AuthMiddlewareStack``."""

    async def __call__(self, scope, receive, send):
        if not scope["user"].is_authenticated:
            return await refuse(scope, receive, send, "not_logged_in", "This chat needs a login session.")
        return await super().__call__(scope, receive, send)


def session_group(session_key):
    """The group of the sockets opened with one login session.

    A digest: group names live in Redis, session keys are credentials.
    """
    return "session-" + hashlib.sha256(session_key.encode("ascii")).hexdigest()[:40]


def user_group(pk):
    """The group of every socket that holds a login of user ``pk``."""
    return f"user-{pk}"


class AuthenticatedSocketMixin:
    """For ``AsyncWebsocketConsumer`` subclasses whose socket holds a login.

    ``join()`` joins a group and remembers it, so that it is left on
    disconnect and when the socket is ended; ``end()`` ends the socket with a
    reason.  After ``end()`` the consumer handles nothing but the disconnect:
    no group message reaches a socket whose login has ended.
    """

    ended = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Never append to a ``groups`` list declared on the class.
        self.groups = list(self.groups)

    async def join(self, group):
        await self.channel_layer.group_add(group, self.channel_name)
        self.groups.append(group)

    async def join_session_group(self):
        """Join the groups that hear about this socket's login session ending."""
        session = self.scope.get("session")
        if self.scope["user"].is_authenticated and session is not None and session.session_key:
            await self.join(session_group(session.session_key))
            await self.join(user_group(self.scope["user"].pk))

    async def dispatch(self, message):
        if self.ended and message["type"] != "websocket.disconnect":
            return
        await super().dispatch(message)

    async def end(self, code, detail, close_code):
        if self.ended:
            return
        self.ended = True
        log_refusal(self.scope, code, detail, event="closed")
        for group in self.groups:
            await self.channel_layer.group_discard(group, self.channel_name)
        await self.send(text_data=error_text(code, detail))
        await self.close(code=close_code)

    async def session_ended(self, event):
        await self.end("session_ended", "The login session has ended.", SESSION_ENDED)

    async def user_changed(self, event):
        """The user was saved or deleted: does the session still log them in?

        Channels' ``get_user`` answers AnonymousUser for a deleted or
        inactive user and for a session from before a password change.
        """
        if not (await get_user(self.scope)).is_authenticated:
            await self.session_ended(event)
