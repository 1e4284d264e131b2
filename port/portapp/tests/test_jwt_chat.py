"""Json Web Token认证: /chat/jwt/, ``TokenAuthMiddleware`` + ``TokenSocketMixin``."""
import pytest
from django.contrib.auth import get_user_model

from portapp.tests.helpers import good_token, open_socket
from portapp.tests.token_endpoint import TokenEndpointTests


class TestJwtChat(TokenEndpointTests):
    path, group = "/chat/jwt/", "chat-jwt"

    async def connect_as(self, user):
        return await open_socket(f"{self.path}?token={good_token(user)}")

    @pytest.fixture
    def bob(self):
        return get_user_model().objects.create_user("bob", password="pw")

    async def test_text_reaches_members_signed_with_the_username(self, bob):
        alice_socket, bob_socket = await self.connect_as(self.user), await self.connect_as(bob)
        await bob_socket.send_to(text_data="hi")
        for member in (alice_socket, bob_socket):
            assert await member.receive_from() == "[bob] hi"
            assert await member.receive_nothing(timeout=0.1)

    async def test_control_characters_are_written_out(self):
        member = await self.connect_as(self.user)
        await member.send_to(text_data="one\nline\x1b[2J\u2028\x85")
        assert await member.receive_from() == "[alice] one\\u000aline\\u001b[2J\\u2028\\u0085"

    async def test_binary_frame_gets_an_error_not_a_crash(self):
        member = await self.connect_as(self.user)
        await member.send_to(bytes_data=b"\x01")
        assert await member.receive_from() == "[error] chat accepts text frames only"

    async def test_disconnect_leaves_the_group(self):
        member = await self.connect_as(self.user)
        await member.disconnect()
        assert self.member_groups() == {}
