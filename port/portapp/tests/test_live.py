"""在channels类视图中使用token认证: /live/, a token consumer that never joins before the check."""
import json

from asgiref.sync import sync_to_async

from portapp import live_value
from portapp.tests.helpers import good_token, open_socket, socket
from portapp.tests.token_endpoint import TokenEndpointTests


class TestLive(TokenEndpointTests):
    path, group = "/live/", "live"

    async def test_any_frame_gets_the_current_value(self):
        await sync_to_async(live_value.set_value)("first")
        member = await open_socket(f"{self.path}?token={good_token(self.user)}")
        await member.send_to(text_data="anything")
        await member.send_to(bytes_data=b"\x00")
        expected = json.dumps({"text": "first"})
        assert [await member.receive_from(), await member.receive_from()] == [expected, expected]

    async def test_the_value_is_null_at_first(self):
        member = await open_socket(f"{self.path}?token={good_token(self.user)}")
        await member.send_to(text_data="?")
        assert json.loads(await member.receive_from()) == {"text": None}

    async def test_a_change_is_pushed_to_members_only(self):
        members = [await open_socket(f"{self.path}?token={good_token(self.user)}") for _ in range(2)]
        refused = socket(f"{self.path}?token=garbage")
        assert (await refused.connect())[0] is False
        await sync_to_async(live_value.set_value)({"temperature": 21})
        for member in members:
            assert json.loads(await member.receive_from()) == {"text": {"temperature": 21}}
        assert self.member_groups()[self.group] == 2

    async def test_disconnect_leaves_the_group(self):
        member = await open_socket(f"{self.path}?token={good_token(self.user)}")
        await member.disconnect()
        assert self.member_groups() == {}
