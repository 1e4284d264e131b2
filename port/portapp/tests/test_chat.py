"""利用组的概念: /chat/."""
import pytest
from channels.layers import get_channel_layer

from portapp.tests.helpers import all_members, open_socket

# Channels closes stale database connections around every message.
pytestmark = pytest.mark.django_db(transaction=True)


async def test_text_reaches_every_member_prefixed():
    members = [await open_socket("/chat/") for _ in range(3)]
    await members[1].send_to(text_data="hi all")
    for member in members:
        assert await member.receive_from() == "[user] hi all"
        assert await member.receive_nothing(timeout=0.1)


async def test_control_characters_are_written_out():
    member = await open_socket("/chat/")
    await member.send_to(text_data="a\r\nb\x7f\u2029")
    assert await member.receive_from() == "[user] a\\u000d\\u000ab\\u007f\\u2029"


async def test_disconnect_leaves_the_group():
    leaving, staying = await open_socket("/chat/"), await open_socket("/chat/")
    await leaving.disconnect()
    assert len(all_members()) == 1
    await get_channel_layer().group_send("chat", {"type": "chat.message", "text": "after"})
    assert await staying.receive_from() == "after"


async def test_binary_frame_gets_an_error_not_a_crash():
    member = await open_socket("/chat/")
    await member.send_to(bytes_data=b"\x01")
    assert await member.receive_from() == "[error] chat accepts text frames only"
