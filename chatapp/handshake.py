"""Refusing a WebSocket handshake, and the checks of those that carry a login.

Every refusal goes through :func:`refuse`: one WARNING line naming the path
and the reason (never a token or a cookie), the socket's channel session
deleted, and ``{"close": True}``, which daphne answers with HTTP 403 before
the handshake completes.

Handshakes that carry the login cookie (``/chat/session/``, and ``/class/``
whose ``http_user`` reads it) must come from a page of this site: browsers
send cookies with cross-site WebSocket handshakes, so without this check any
page on the web could open these sockets in its visitor's name.  Channels
1.x's ``allowed_hosts_only`` compares only the host name (any scheme or port
passes, and ``[::1]`` never matches); here scheme, host and port must equal
the handshake's own, or be listed in ``ALLOWED_ORIGINS``.  The session comes
from the cookie only: 1.x's ``http_session`` also takes ``?session_key=``
from the URL, where it leaks into logs and history.

Channels 2+: ``OriginValidator`` / ``AllowedHostsOriginValidator`` wrap the
application; the same port/scheme caveat applies to the latter.
"""
from __future__ import unicode_literals

import logging
from functools import wraps

from channels.message import Message
from django.conf import settings
from django.http.request import split_domain_port, validate_host
from six.moves.urllib.parse import parse_qsl, urlsplit

from chatapp.escaping import printable

logger = logging.getLogger("chatapp.ws")

DEFAULT_PORTS = {"http": "80", "https": "443"}


def message_in(args):
    """The message of a consumer call: function ``(message, ...)`` or method ``(self, message, ...)``."""
    for arg in args[:2]:
        if isinstance(arg, Message):
            return arg
    raise ValueError("used on something that is not a consumer")


def refuse(message, code, detail):
    """Refuse the handshake of ``message``, saying why in the log."""
    logger.warning("WebSocket refused on %s: %s (%s)", printable(message.content.get("path", "?")), code, detail)
    session = getattr(message, "channel_session", None)
    if session is not None:
        session.flush()  # a refused socket leaves nothing behind
    message.reply_channel.send({"close": True})


def header(message, name):
    for key, value in message.content.get("headers", []):
        if key.lower() == name:
            return value.decode("latin1") if isinstance(value, bytes) else value
    return None


def _origin(scheme, netloc):
    """``scheme://host:port`` with the port always written out."""
    host, port = split_domain_port(netloc.lower())
    return "%s://%s:%s" % (scheme, host, port or DEFAULT_PORTS.get(scheme, "")), host


def origin_problem(message):
    """Why the handshake's Origin is not this site's, or None."""
    origin = header(message, b"origin")
    if not origin:
        return "no Origin header"
    if origin in settings.ALLOWED_ORIGINS:
        return None
    parts = urlsplit(origin)
    host_header = header(message, b"host") or ""
    expected, host = _origin("https" if settings.HTTPS else "http", host_header)
    if not validate_host(host, settings.ALLOWED_HOSTS):
        return "Host %s is not in ALLOWED_HOSTS" % printable(host_header)
    if _origin(parts.scheme, parts.netloc)[0] != expected:
        return "Origin %s is not %s" % (printable(origin), expected)
    return None


def site_session_only(func):
    """Refuse handshakes from other sites, and sessions named in the URL."""
    @wraps(func)
    def inner(*args, **kwargs):
        message = message_in(args)
        problem = origin_problem(message)
        if problem:
            return refuse(message, "origin_not_allowed", problem)
        query = message.content.get("query_string", "")
        if isinstance(query, bytes):
            query = query.decode("latin1")
        if any(name == "session_key" for name, _ in parse_qsl(query, keep_blank_values=True)):
            return refuse(message, "session_in_url", "The session comes from the cookie only.")
        return func(*args, **kwargs)
    return inner
