"""JWT authentication for WebSockets (Json Web Token认证), as Channels 4 middleware.

Browsers cannot set headers on a WebSocket handshake, so the token travels in
the query string: ``ws://host/chat/jwt/?token=<JWT>``.  The legacy project's
decorator ``@ws_auth_request_token`` becomes :class:`TokenAuthMiddleware`,
which wraps the consumer in ``portproj/routing.py``: it checks the token
*before the consumer exists*, so a refused socket never runs consumer code
and never joins a group, even for a moment.  The check itself keeps the
legacy names (``token_authenticate``, ``check_payload``, ``check_user``) and
serves the HTTP API as well (``portapp/token_api.py``): one implementation
for every place a token is read.

Every failure is a :class:`TokenAuthError` with one of the codes of
:data:`CLOSE_CODES`, logged at WARNING without the token.  A refusal is
HTTP 403 (daphne answers a close before accept so); with
``WS_AUTH_EXPLAIN_FAILURES`` the handshake is accepted, gets
``{"error": <code>, "detail": <text>}`` and is closed with the 4xxx code.

While the socket is open (:class:`TokenSocketMixin`):

* the token's expiry closes it at that moment, silent or not (4006);
* a change of its user (password, deactivation, deletion, all sent by
  ``portapp/signals.py``) makes it check its token again at once and close
  with the code of the new failure (4010, 4009, 4008).
"""
import asyncio
import time
from urllib.parse import unquote_plus

import jwt
from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from django.contrib.auth import get_user_model
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.utils import get_md5_hash_password

from portapp.ws_security import AuthenticatedSocketMixin, refuse, user_group

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

EXPIRED = "Signature has expired."
# What an open socket is told when its user's password changes; a handshake
# with a token from before the change gets check_user's longer detail.
PASSWORD_CHANGED = "The password has changed."


class TokenAuthError(Exception):
    """Why a token was refused: ``code`` is a key of CLOSE_CODES."""

    def __init__(self, code, detail):
        super().__init__(detail)
        self.code = code
        self.detail = detail

    @property
    def close_code(self):
        return CLOSE_CODES[self.code]


def token_authenticate(token):
    """Return ``(user, payload)`` for a valid token, else raise TokenAuthError.

    Touches the database: call it through ``database_sync_to_async`` from
    async code.
    """
    payload = check_payload(token)
    return check_user(payload), payload


def check_payload(token):
    """Decode and verify the token: signature, algorithm, expiry, type."""
    try:
        payload = jwt.decode(
            token,
            api_settings.SIGNING_KEY,
            algorithms=[api_settings.ALGORITHM],
            leeway=api_settings.LEEWAY,
            options={"require": ["exp"]},
        )
    except jwt.ExpiredSignatureError:
        raise TokenAuthError("expired_token", EXPIRED)
    except jwt.InvalidAlgorithmError:
        # alg "none" or anything but settings.SIMPLE_JWT["ALGORITHM"].
        raise TokenAuthError("bad_algorithm", "Token algorithm is not allowed.")
    except jwt.InvalidSignatureError:
        raise TokenAuthError("bad_signature", "Signature verification failed.")
    except jwt.DecodeError:
        raise TokenAuthError("malformed_token", "Error decoding signature.")
    except jwt.InvalidTokenError as exc:
        raise TokenAuthError("invalid_token", f"Invalid token ({type(exc).__name__}).")
    if payload.get(api_settings.TOKEN_TYPE_CLAIM) != "access":
        raise TokenAuthError("invalid_token", "Token has wrong type.")
    return payload


def check_user(payload):
    """The active user the payload names, whose password is still the token's."""
    username = payload.get(api_settings.USER_ID_CLAIM)
    if not username or not isinstance(username, str):
        raise TokenAuthError("invalid_payload", "Invalid payload: no username.")
    User = get_user_model()
    try:
        user = User.objects.get(**{api_settings.USER_ID_FIELD: username})
    except User.DoesNotExist:
        raise TokenAuthError("unknown_user", "User doesn't exist.")
    if not user.is_active:
        raise TokenAuthError("inactive_user", "User account is disabled.")
    # A token from before a password change, or for an earlier user of the
    # same name, carries another hash.
    if payload.get(api_settings.REVOKE_TOKEN_CLAIM) != get_md5_hash_password(user.password):
        raise TokenAuthError("invalid_token", "The password has changed since this token was issued.")
    return user


def token_from_scope(scope):
    """The single ``token`` query parameter of a handshake.

    The query string is split on ``&`` only: ``;`` is part of a value.
    """
    query = scope.get("query_string", b"")
    if isinstance(query, bytes):
        query = query.decode("latin-1")
    tokens = set()
    for field in query.split("&"):
        name, _, value = field.partition("=")
        if unquote_plus(name) == "token":
            tokens.add(unquote_plus(value))
    if len(tokens) > 1:
        raise TokenAuthError("ambiguous_token", "More than one token in the query string.")
    token = tokens.pop() if tokens else ""
    if not token:
        raise TokenAuthError("missing_token", "Missing token request parameter.")
    return token


def _authenticate_scope(scope):
    return token_authenticate(token_from_scope(scope))


class TokenAuthMiddleware(BaseMiddleware):
    """Authenticate ``?token=`` before the consumer exists; set ``scope["user"]``.

    The consumer also finds the token's claims in ``scope["token_payload"]``.
    """

    async def __call__(self, scope, receive, send):
        try:
            user, payload = await database_sync_to_async(_authenticate_scope)(scope)
        except TokenAuthError as error:
            return await refuse(scope, receive, send, error.code, error.detail, error.close_code)
        return await super().__call__(dict(scope, user=user, token_payload=payload), receive, send)


class TokenSocketMixin(AuthenticatedSocketMixin):
    """For consumers behind :class:`TokenAuthMiddleware`: the socket lives as long as its token.

    Consumers join their own groups in ``connect()``, never through a
    ``groups`` class attribute: those are joined before ``connect()`` runs.
    """

    expiry = None

    async def websocket_connect(self, message):
        await super().websocket_connect(message)
        await self.join(user_group(self.scope["user"].pk))
        delay = self.scope["token_payload"]["exp"] - time.time()
        self.expiry = asyncio.create_task(self._expire_after(delay))

    async def _expire_after(self, delay):
        await asyncio.sleep(max(delay, 0))
        await self.fail(TokenAuthError("expired_token", EXPIRED))

    async def websocket_receive(self, message):
        # The timer may be a moment late: no frame is served past the expiry.
        if time.time() >= self.scope["token_payload"]["exp"]:
            return await self.fail(TokenAuthError("expired_token", EXPIRED))
        await super().websocket_receive(message)

    async def websocket_disconnect(self, message):
        if self.expiry is not None:
            self.expiry.cancel()
        await super().websocket_disconnect(message)

    async def user_changed(self, event):
        """The user was saved or deleted: is the token still good?"""
        try:
            await database_sync_to_async(check_user)(self.scope["token_payload"])
        except TokenAuthError as error:
            if error.code == "invalid_token":
                error = TokenAuthError(error.code, PASSWORD_CHANGED)
            await self.fail(error)

    async def fail(self, error):
        await self.end(error.code, error.detail, error.close_code)
