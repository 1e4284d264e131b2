"""channels的认证: /chat/session/, logged-in users by initial, Origin checked."""
import logging

import pytest
from channels.db import database_sync_to_async
from django.contrib.auth import get_user_model
from django.test import AsyncClient

from portapp.consumers.session_chat import group_for
from portapp.tests.helpers import (
    BROWSER_HEADERS, all_members, closed_with, groups_of, open_socket, session_cookie, socket
)

PATH = "/chat/session/"
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def users():
    User = get_user_model()
    return {name: User.objects.create_user(name, password="pw") for name in ("alice", "adam", "bob")}


async def logged_in(username, headers=BROWSER_HEADERS):
    client = AsyncClient()
    return client, await open_socket(PATH, headers, cookie=await session_cookie(client, username))


def member_groups():
    from channels.layers import get_channel_layer
    return sorted(name for name, members in get_channel_layer().groups.items() if members)


async def test_logged_in_user_joins_the_group_of_their_initial(users):
    await logged_in("alice")
    assert [name for name in member_groups() if name.startswith("chat-")] == ["chat-a"]


async def test_text_reaches_only_the_same_initial_verbatim(users):
    (_, alice), (_, adam), (_, bob) = [await logged_in(name) for name in ("alice", "adam", "bob")]
    await alice.send_to(text_data="hi a-people\n")
    assert await alice.receive_from() == "hi a-people\n"
    assert await adam.receive_from() == "hi a-people\n"
    assert await bob.receive_nothing(timeout=0.2)


async def test_anonymous_is_refused(users, caplog):
    with caplog.at_level(logging.WARNING, "portapp"):
        assert (await socket(PATH, BROWSER_HEADERS).connect())[0] is False
    assert [r.getMessage() for r in caplog.records][0] == (
        f"WebSocket refused on {PATH}: not_logged_in (This chat needs a login session.)")
    assert all_members() == set()


@pytest.mark.parametrize("headers", [
    [(b"host", b"127.0.0.1:8000"), (b"origin", b"http://evil.example")],
    [(b"host", b"127.0.0.1:8000")],
    # Same host, another scheme or port: another origin.
    [(b"host", b"127.0.0.1:8000"), (b"origin", b"https://127.0.0.1:8000")],
    [(b"host", b"127.0.0.1:8000"), (b"origin", b"http://127.0.0.1:9000")],
    # A host not in ALLOWED_HOSTS, even when Origin matches it.
    [(b"host", b"evil.example"), (b"origin", b"http://evil.example")],
    [(b"host", b"127.0.0.1:8000"), (b"origin", b"null")],
])
async def test_foreign_or_missing_origin_is_refused(users, headers):
    client = AsyncClient()
    cookie = await session_cookie(client, "alice")
    assert (await socket(PATH, headers, cookie=cookie).connect())[0] is False
    assert all_members() == set()


async def test_own_origin_on_ipv6_and_listed_origins_are_accepted(users, settings):
    await logged_in("alice", [(b"host", b"[::1]:8000"), (b"origin", b"http://[::1]:8000")])
    await logged_in("alice", [(b"host", b"localhost"), (b"origin", b"http://localhost:80")])
    settings.ALLOWED_ORIGINS = ["https://example.com"]
    await logged_in("alice", [(b"host", b"127.0.0.1:8000"), (b"origin", b"https://example.com")])


async def test_https_expects_https_origins(users, settings):
    settings.HTTPS = True
    client = AsyncClient()
    cookie = await session_cookie(client, "alice")
    assert (await socket(PATH, BROWSER_HEADERS, cookie=cookie).connect())[0] is False
    await logged_in("alice", [(b"host", b"127.0.0.1:8000"), (b"origin", b"https://127.0.0.1:8000")])


async def test_logout_closes_the_socket(users):
    client, alice = await logged_in("alice")
    _, adam = await logged_in("adam")
    await client.alogout()
    frames, code = await closed_with(alice)
    assert (frames, code) == (['{"error": "session_ended", "detail": "The login session has ended."}'], 4011)
    assert await adam.receive_nothing(timeout=0.1)
    assert member_groups() == [g for g in member_groups() if "chat-a" == g or g.startswith(("session-", "user-"))]
    assert len(all_members()) == 1


async def test_deactivating_the_user_closes_the_socket(users):
    _, alice = await logged_in("alice")
    users["alice"].is_active = False
    await database_sync_to_async(users["alice"].save)()
    frames, code = await closed_with(alice)
    assert code == 4011
    assert all_members() == set()


def test_group_names_stay_valid_for_any_username():
    User = get_user_model()
    assert group_for(User(username="émile")) == "chat-u00e9"
    assert group_for(User(username="+plus")) == "chat-u002b"
    assert group_for(User(username="Zed")) == "chat-Z"
    assert groups_of("nobody") == []
