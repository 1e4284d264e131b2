from __future__ import unicode_literals

from channels import Group
from channels.test import ChannelTestCase, WSClient


class GroupChatTests(ChannelTestCase):
    def connect(self):
        client = WSClient()
        client.send_and_consume("websocket.connect", path="/chat/")
        return client

    def test_text_reaches_every_member_prefixed(self):
        members = [self.connect() for _ in range(3)]
        members[1].send_and_consume("websocket.receive", {"text": "hi all"}, path="/chat/")
        for member in members:
            self.assertEqual(member.receive(json=False), "[user] hi all")
            self.assertIsNone(member.receive(json=False))

    def test_disconnect_leaves_the_group(self):
        leaving, staying = self.connect(), self.connect()
        leaving.send_and_consume("websocket.disconnect", {"code": 1000}, path="/chat/")
        Group("chat").send({"text": "after"})
        self.assertIsNone(leaving.receive(json=False))
        self.assertEqual(staying.receive(json=False), "after")

    def test_binary_frame_gets_an_error_not_a_crash(self):
        member = self.connect()
        member.send_and_consume("websocket.receive", {"bytes": b"\x01"}, path="/chat/")
        self.assertEqual(member.receive(json=False), "[error] chat accepts text frames only")
