# -*- coding: utf-8 -*-
"""JWT authentication for WebSocket consumers (Json Web Token认证).

Browsers cannot set headers on a WebSocket handshake, so the token travels in
the query string: ``ws://host/chat/jwt/?token=<JWT>``.  The query string
exists only on ``websocket.connect``, so what later frames need (the user and
the token's ``exp``) is kept in the ``channel_session``.

The names follow the tutorial (``token_authenticate``, ``check_payload``,
``check_user``, ``_close_reply_channel``, ``ws_auth_request_token``); the
behaviour does not.  In the tutorial a failure closed the reply channel and
then carried on: the consumer still ran, accepted and joined its group, and
an unknown user or an ``alg`` it did not expect raised into the worker.  Here
every failure raises :class:`TokenAuthError`, which the decorator turns into
exactly one refusal: the consumer is not called, nothing is accepted, no
group is joined, nothing escapes, and one WARNING line (never the token)
names the reason.

A token names its user's id and a hash of the password (``chatapp.tokens``):
a password change, deactivation, deletion or a new account under the same
name ends it, here and on the HTTP API, which checks tokens with the same
functions.  A socket also ends with its token while it is silent
(``chatapp.socket_lifetime``).

A refusal before ``accept`` reaches a browser only as HTTP 403 (close code
1006).  With ``WS_AUTH_EXPLAIN_FAILURES = True`` the socket is accepted
instead, gets ``{"error": <code>, "detail": <text>}`` and is closed with the
4xxx code of :data:`CLOSE_CODES`.

Channels 2+: this becomes an ASGI middleware that reads ``scope["query_string"]``
and sets ``scope["user"]``, wrapped around the ``URLRouter``.
"""
from __future__ import unicode_literals

import logging
import time
from functools import wraps

import jwt
import six
from channels.handler import AsgiRequest
from channels.sessions import channel_session
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import get_user_model
from django.utils.crypto import constant_time_compare
from rest_framework_jwt.settings import api_settings
from six.moves.urllib.parse import unquote_plus

from chatapp import socket_lifetime
from chatapp.escaping import printable
from chatapp.handshake import message_in, refuse
from chatapp.tokens import AUTH_CLAIM, auth_hash

logger = logging.getLogger("chatapp.ws")

jwt_decode_handler = api_settings.JWT_DECODE_HANDLER
jwt_get_username_from_payload = api_settings.JWT_PAYLOAD_GET_USERNAME_HANDLER

# The close code sent (after accept) for each failure when failures are
# explained; 4000-4999 is the range RFC 6455 leaves to applications.
CLOSE_CODES = {
    "missing_token": 4001,
    "ambiguous_token": 4002,
    "malformed_token": 4003,
    "bad_signature": 4004,
    "bad_algorithm": 4005,
    "expired_token": 4006,
    "invalid_payload": 4007,
    "unknown_user": 4008,
    "inactive_user": 4009,
    "invalid_token": 4010,
}

# channel_session key holding the token's expiry (seconds since the epoch).
SESSION_EXP_KEY = "jwt_exp"


class TokenAuthError(Exception):
    """Why a token was refused: ``code`` is a key of CLOSE_CODES."""

    def __init__(self, code, detail):
        super(TokenAuthError, self).__init__(detail)
        self.code = code
        self.detail = detail

    @property
    def close_code(self):
        return CLOSE_CODES[self.code]


def token_authenticate(token, message):
    """Return ``(user, payload)`` for a valid token, else raise TokenAuthError.

    (The tutorial returned ``(user, token)``; the caller has the token, what
    it needs back is the payload, whose ``exp`` is kept for later frames.)
    """
    payload = check_payload(token=token, message=message)
    user = check_user(payload=payload, message=message)
    return user, payload


def check_payload(token, message):
    """Decode and verify the token with djangorestframework-jwt's handler."""
    try:
        return jwt_decode_handler(token)
    except jwt.ExpiredSignatureError:
        raise TokenAuthError("expired_token", "Signature has expired.")
    except jwt.InvalidAlgorithmError:
        # alg "none" or anything but settings.JWT_AUTH["JWT_ALGORITHM"].
        raise TokenAuthError("bad_algorithm", "Token algorithm is not allowed.")
    except jwt.InvalidSignatureError:
        raise TokenAuthError("bad_signature", "Signature verification failed.")
    except jwt.DecodeError:
        raise TokenAuthError("malformed_token", "Error decoding signature.")
    except jwt.InvalidTokenError as exc:
        raise TokenAuthError("invalid_token", "Invalid token (%s)." % type(exc).__name__)


def check_user(payload, message=None):
    """The active user the payload names, if the token is still theirs.

    Also used for HTTP (``chatapp.authentication``), without a message.
    """
    username = jwt_get_username_from_payload(payload)
    if not username or not isinstance(username, six.string_types):
        raise TokenAuthError("invalid_payload", "Invalid payload: no username.")
    User = get_user_model()
    try:
        user = User.objects.get_by_natural_key(username)
    except User.DoesNotExist:
        raise TokenAuthError("unknown_user", "User doesn't exist.")
    if not user.is_active:
        raise TokenAuthError("inactive_user", "User account is disabled.")
    if payload.get("user_id") != user.pk:
        # Deleted, and another account made under the same name since.
        raise TokenAuthError("unknown_user", "User doesn't exist.")
    if not constant_time_compare(six.text_type(payload.get(AUTH_CLAIM, "")), auth_hash(user)):
        raise TokenAuthError("invalid_token", "The password has changed since this token was issued.")
    return user


def _close_reply_channel(message, error):
    """Refuse (before accept) or explain-then-close (after accept)."""
    # Only websocket.connect arrives before the handshake is answered; later
    # frames (an expired token) can always be told why.
    handshake = message.channel.name == "websocket.connect"
    if handshake and not getattr(settings, "WS_AUTH_EXPLAIN_FAILURES", False):
        refuse(message, error.code, error.detail)
        return
    logger.warning("WebSocket %s on %s: %s (%s)", "refused" if handshake else "closed",
                   printable(message.content.get("path", "?")), error.code, error.detail)
    reply = socket_lifetime.closing_frame(error.code, error.detail, error.close_code)
    if handshake:
        reply["accept"] = True
        message.channel_session.flush()
    message.reply_channel.send(reply)


def token_from_message(message):
    """The single ``token`` query parameter of a connect message."""
    # AsgiRequest wants a method; a WebSocket connect message has none.
    message.content.setdefault("method", "GET")
    request = AsgiRequest(message)  # decodes query_string: bytes (daphne) or str (WSClient)
    # Not request.GET: Django 1.11 also splits the query on ";" (CVE-2021-23336).
    tokens = set(unquote_plus(value) for name, _, value in
                 (part.partition("=") for part in request.META["QUERY_STRING"].split("&"))
                 if unquote_plus(name) == "token")
    if len(tokens) > 1:
        raise TokenAuthError("ambiguous_token", "More than one token in the query string.")
    token = tokens.pop() if tokens else ""
    if not token:
        raise TokenAuthError("missing_token", "Missing token request parameter.")
    return token


def authenticate_connect(message):
    """Authenticate a connect message and log the user into its channel session."""
    user, payload = token_authenticate(token_from_message(message), message)
    # Store the user the way django.contrib.auth does, so that
    # @channel_session_user (and http_user class consumers) find it later.
    session = message.channel_session
    session[auth.SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[auth.BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[auth.HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[SESSION_EXP_KEY] = payload.get("exp")
    socket_lifetime.join_token_groups(message, user, payload.get("exp"))
    message.user = user
    return user


def check_still_valid(message):
    """Raise TokenAuthError when the socket's token has expired since connect."""
    session = message.channel_session
    if auth.SESSION_KEY not in session:
        raise TokenAuthError("missing_token", "This socket never authenticated.")
    exp = session.get(SESSION_EXP_KEY)
    if exp is not None and time.time() >= exp:
        raise TokenAuthError("expired_token", "Signature has expired.")


def _guarded(check):
    """A consumer decorator: run ``check(message)``; on TokenAuthError refuse."""
    def decorator(func):
        @channel_session
        @wraps(func)
        def inner(*args, **kwargs):
            message = message_in(args)
            try:
                check(message)
            except TokenAuthError as error:
                _close_reply_channel(message, error)
                return None
            return func(*args, **kwargs)
        return inner
    return decorator


#: For ``websocket.connect``: authenticate ``?token=``, set ``message.user``.
ws_auth_request_token = _guarded(authenticate_connect)

#: For ``websocket.receive``: close the socket once its token has expired.
ws_token_still_valid = _guarded(check_still_valid)


class TokenAuthConsumerMixin(object):
    """Token authentication for ``WebsocketConsumer`` subclasses.

    ``WebsocketConsumer.raw_connect`` adds the socket to every
    ``connection_groups()`` group *before* it calls ``connect()``, so checking
    the token in ``connect()`` (as the tutorial does) leaves a refused socket
    in those groups.  Authenticating around ``raw_connect`` makes that
    impossible: a refused socket never reaches the group code.
    """

    channel_session_user = True

    @ws_auth_request_token
    def raw_connect(self, message, **kwargs):
        return super(TokenAuthConsumerMixin, self).raw_connect(message, **kwargs)

    @ws_token_still_valid
    def raw_receive(self, message, **kwargs):
        return super(TokenAuthConsumerMixin, self).raw_receive(message, **kwargs)

    @socket_lifetime.ends_with_socket
    def raw_disconnect(self, message, **kwargs):
        return super(TokenAuthConsumerMixin, self).raw_disconnect(message, **kwargs)
