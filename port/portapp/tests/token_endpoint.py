"""What both token-authenticated endpoints must do alike: every failure class, and the socket's lifetime.

/chat/jwt/ and /live/ sit behind the same ``TokenAuthMiddleware`` and
``TokenSocketMixin``, so they must refuse and close exactly alike.
``test_jwt_chat`` and ``test_live`` run these tests against their endpoint
and add their own.
"""
import asyncio
import json
import logging
import time

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth import get_user_model

from harness.tokens import failure_cases
from portapp.tests.helpers import (
    all_members, closed_with, good_token, groups_of, open_socket, refused_explained, socket
)
from portapp.ws_authentication import CLOSE_CODES


def portapp_warnings(caplog):
    return [record.getMessage() for record in caplog.records
            if record.name.startswith("portapp") and record.levelno >= logging.WARNING]


@pytest.mark.django_db(transaction=True)
class TokenEndpointTests:
    path = group = None

    @pytest.fixture(autouse=True)
    def users(self):
        User = get_user_model()
        self.user = User.objects.create_user("alice", password="pw")
        self.inactive = User.objects.create_user("ivan", password="pw", is_active=False)

    def failure_cases(self):
        return failure_cases(good_token(self.user), good_token(self.inactive), key=settings.SECRET_KEY)

    def member_groups(self):
        return {name: len(members) for name, members in get_channel_layer().groups.items() if members}

    async def test_every_failure_is_refused_before_accept_and_joins_nothing(self, caplog):
        for name, query, code in self.failure_cases():
            caplog.clear()
            communicator = socket(self.path + "?" + query)
            connected, close_code = await communicator.connect()
            assert (connected, close_code) == (False, 1000), name
            assert all_members() == set(), name
            warnings = portapp_warnings(caplog)
            assert len(warnings) == 1, (name, warnings)
            assert warnings[0].startswith(f"WebSocket refused on {self.path}: {code} ("), (name, warnings)
            for part in query.split("&"):
                token = part.partition("=")[2]
                if token:
                    assert token not in warnings[0], name

    async def test_explained_failures_accept_tell_why_and_close_with_4xxx(self, settings):
        settings.WS_AUTH_EXPLAIN_FAILURES = True
        for name, query, code in self.failure_cases():
            error, close_code = await refused_explained(socket(self.path + "?" + query))
            assert error["error"] == code, name
            assert error["detail"], name
            assert close_code == CLOSE_CODES[code], name
            assert all_members() == set(), name

    async def test_semicolon_is_no_separator(self):
        # "token=<good>;x=1" is one value, not a token followed by x.
        connected, _ = await socket(f"{self.path}?token={good_token(self.user)};x=1").connect()
        assert not connected
        connected, _ = await socket(f"{self.path}?x=1;token={good_token(self.user)}").connect()
        assert not connected

    async def test_the_same_token_twice_is_fine(self):
        token = good_token(self.user)
        communicator = await open_socket(f"{self.path}?token={token}&token={token}")
        await communicator.disconnect()

    async def test_good_token_is_accepted_into_the_group(self, caplog):
        communicator = await open_socket(f"{self.path}?token={good_token(self.user)}")
        assert self.member_groups() == {self.group: 1, f"user-{self.user.pk}": 1}
        assert portapp_warnings(caplog) == []
        await communicator.disconnect()
        assert all_members() == set()

    async def assert_closed(self, communicator, code, detail, within):
        """Closed with legacy's frame and code (chatapp/socket_lifetime.py)."""
        started = time.monotonic()
        frames, close_code = await closed_with(communicator)
        assert time.monotonic() - started < within
        assert [json.loads(frame) for frame in frames] == [{"error": code, "detail": detail}]
        assert close_code == CLOSE_CODES[code]
        assert all_members() == set()
        # Nothing reaches it any more.
        await get_channel_layer().group_send(self.group, {"type": "live.value", "text": "late"})
        assert await communicator.receive_nothing(timeout=0.2)

    async def test_a_silent_socket_closes_when_its_token_expires(self):
        communicator = await open_socket(f"{self.path}?token={good_token(self.user, exp=int(time.time()) + 1)}")
        await self.assert_closed(communicator, "expired_token", "Signature has expired.", within=3)

    async def test_deactivating_the_user_closes_the_socket(self):
        communicator = await open_socket(f"{self.path}?token={good_token(self.user)}")
        self.user.is_active = False
        await database_sync_to_async(self.user.save)()
        await self.assert_closed(communicator, "inactive_user", "User account is disabled.", within=1)

    async def test_a_password_change_closes_the_socket(self, caplog):
        token = good_token(self.user)
        communicator = await open_socket(f"{self.path}?token={token}")
        self.user.set_password("new password")
        await database_sync_to_async(self.user.save)()
        await self.assert_closed(communicator, "invalid_token", "The password has changed.", within=1)
        caplog.clear()
        connected, _ = await socket(f"{self.path}?token={token}").connect()
        assert not connected
        assert portapp_warnings(caplog) == [f"WebSocket refused on {self.path}: invalid_token "
                                            "(The password has changed since this token was issued.)"]

    async def test_deleting_the_user_closes_the_socket(self):
        communicator = await open_socket(f"{self.path}?token={good_token(self.user)}")
        await database_sync_to_async(self.user.delete)()
        await self.assert_closed(communicator, "unknown_user", "User doesn't exist.", within=1)

    async def test_saving_the_user_otherwise_changes_nothing(self):
        communicator = await open_socket(f"{self.path}?token={good_token(self.user)}")
        self.user.first_name = "Alice"
        await database_sync_to_async(self.user.save)()
        await asyncio.sleep(0.1)
        assert await communicator.receive_nothing(timeout=0.2)
        assert len(self.member_groups()) == 2
        await communicator.disconnect()
        assert groups_of("nobody") == []
