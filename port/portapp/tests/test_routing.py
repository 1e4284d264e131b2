"""The routing serves exactly the paths ``demo/examples.py`` declares; any other path is refused."""
import logging
from urllib.parse import unquote

import pytest
from asgiref.testing import ApplicationCommunicator
from django.contrib.auth import get_user_model
from django.test import AsyncClient

from demo.examples import EXAMPLES
from portapp.tests.helpers import BROWSER_HEADERS, good_token, session_cookie, socket
from portapp.text import escape_controls
from portproj.asgi import application
from portproj.routing import websocket_urlpatterns

pytestmark = pytest.mark.django_db(transaction=True)

# Near misses of declared paths, and paths nobody declared (written as on
# the request line: "%0A" is the newline daphne unquotes into the path).
UNDECLARED = ["/", "/nope/", "/echo", "/echo/x", "/echo/%0A", "/echo/%1B[2J", "/chat/jwt", "/chat/session/x",
              "/class//", "/live/live/"]


@pytest.fixture
def user():
    return get_user_model().objects.create_user("alice", password="pw")


async def connects(example, path=None):
    cookie = await session_cookie(AsyncClient(), "alice") if example.auth == "session" else None
    user = await get_user_model().objects.aget(username="alice")
    query = "?token=" + good_token(user) if example.auth == "token" else ""
    communicator = socket((path or example.path) + query, BROWSER_HEADERS, cookie=cookie)
    connected, _ = await communicator.connect()
    if connected:
        await communicator.disconnect()
    return connected


async def test_every_declared_path_connects(user):
    for example in EXAMPLES:
        assert await connects(example), example.path


async def test_no_other_path_connects_and_each_refusal_is_one_line(user, caplog):
    for example in EXAMPLES:
        for path in UNDECLARED:
            caplog.clear()
            with caplog.at_level(logging.WARNING):
                assert not await connects(example, path), (example.key, path)
            escaped = escape_controls(unquote(path))
            assert [record.getMessage() for record in caplog.records] == [
                f"WebSocket refused on {escaped}: unknown_path (No example is served here.)"]


async def test_explained_failures_are_token_failures_only(settings):
    settings.WS_AUTH_EXPLAIN_FAILURES = True
    connected, _ = await socket("/nope/").connect()
    assert not connected


async def test_a_doubled_leading_slash_is_no_declared_path():
    # URLRouter strips every leading slash; a client URL cannot say "//echo/"
    # to the communicator (it reads "//echo" as a host), so the scope is made here.
    scope = {"type": "websocket", "path": "//echo/", "query_string": b"", "headers": [], "subprotocols": []}
    server = ApplicationCommunicator(application, scope)
    await server.send_input({"type": "websocket.connect"})
    assert await server.receive_output() == {"type": "websocket.close"}


def test_routing_states_each_declared_path_once():
    patterns = [entry.pattern.regex.pattern for entry in websocket_urlpatterns]
    assert patterns == [r"^%s\Z" % example.path.lstrip("/") for example in EXAMPLES]
