"""使用类视图: /class/, the session-aware class consumer with group "test"."""
import logging

import pytest
from channels.layers import get_channel_layer
from django.contrib.auth import get_user_model
from django.test import AsyncClient

from portapp.tests.helpers import BROWSER_HEADERS, all_members, closed_with, open_socket, session_cookie, socket

# Channels closes stale database connections around every message.
pytestmark = pytest.mark.django_db(transaction=True)


async def test_echoes_text_and_bytes():
    echo = await open_socket("/class/", BROWSER_HEADERS)
    await echo.send_to(text_data="hello")
    assert await echo.receive_from() == "hello"
    await echo.send_to(bytes_data=b"\x01\x02")
    assert await echo.receive_from() == b"\x01\x02"


async def test_its_group_is_joined_and_left():
    echo = await open_socket("/class/", BROWSER_HEADERS)
    await get_channel_layer().group_send("test", {"type": "test.message", "text": "to the group"})
    assert await echo.receive_from() == "to the group"
    await echo.disconnect()
    assert all_members() == set()


async def test_foreign_or_missing_origin_is_refused_and_logged(caplog):
    foreign = [(b"host", b"127.0.0.1:8000"), (b"origin", b"http://evil.example")]
    # Legacy's wording: the expected origin with its port written out.
    for headers, problem in ((foreign, "Origin http://evil.example is not http://127.0.0.1:8000"),
                             (foreign[:1], "no Origin header")):
        caplog.clear()
        with caplog.at_level(logging.WARNING, "portapp"):
            assert (await socket("/class/", headers).connect())[0] is False
        assert [r.getMessage() for r in caplog.records] == [
            f"WebSocket refused on /class/: origin_not_allowed ({problem})"]
        assert all_members() == set()


async def test_a_logged_in_socket_closes_when_its_session_logs_out():
    await get_user_model().objects.acreate_user("alice", password="pw")
    client = AsyncClient()
    echo = await open_socket("/class/", BROWSER_HEADERS, cookie=await session_cookie(client, "alice"))
    await client.alogout()
    frames, code = await closed_with(echo)
    assert code == 4011 and "session_ended" in frames[0]
    assert all_members() == set()
