"""What the unit tests share: the application, tokens, sockets, the layer's groups."""
import json

from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator

from portapp.token_api import issue_token
from portproj.asgi import application

# What a browser on the page at this address sends with a handshake.
SITE = "http://127.0.0.1:8000"
BROWSER_HEADERS = [(b"host", b"127.0.0.1:8000"), (b"origin", SITE.encode())]


def good_token(user, **claims):
    """A token as /api-token-auth/ issues it, with ``claims`` changed."""
    from rest_framework_simplejwt.tokens import AccessToken

    token = AccessToken(issue_token(user))
    for name, value in claims.items():
        token[name] = value
    return str(token)


def groups_of(channel_name):
    """The names of the groups ``channel_name`` is a member of (in-memory layer)."""
    return sorted(name for name, members in get_channel_layer().groups.items() if channel_name in members)


def all_members():
    return {channel for members in get_channel_layer().groups.values() for channel in members}


def socket(path, headers=(), cookie=None):
    headers = list(headers)
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    return WebsocketCommunicator(application, path, headers=headers)


async def open_socket(path, headers=(), cookie=None):
    """A connected socket, or AssertionError."""
    communicator = socket(path, headers, cookie)
    connected, _ = await communicator.connect()
    assert connected, path
    return communicator


async def closed_with(communicator):
    """The close code the server sends next (after any frames, which are returned too)."""
    frames = []
    while True:
        output = await communicator.receive_output(timeout=3)
        if output["type"] == "websocket.close":
            return frames, output.get("code")
        frames.append(output.get("text", output.get("bytes")))


async def refused_explained(communicator):
    """``(error frame, close code)`` of an explained refusal."""
    connected, _ = await communicator.connect()
    assert connected
    frames, code = await closed_with(communicator)
    assert len(frames) == 1, frames
    return json.loads(frames[0]), code


async def session_cookie(client, username, password="pw"):
    """Log ``client`` (django.test.AsyncClient) in; the Cookie header for a handshake."""
    assert await client.alogin(username=username, password=password)
    return f"sessionid={client.cookies['sessionid'].value}"
