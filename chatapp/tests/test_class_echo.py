from __future__ import unicode_literals

from channels import Group
from channels.test import ChannelTestCase, WSClient


class ClassEchoTests(ChannelTestCase):
    def setUp(self):
        self.client = WSClient()
        self.client.send_and_consume("websocket.connect", path="/class/")

    def test_echoes_text_and_bytes(self):
        self.client.send_and_consume("websocket.receive", {"text": "hello"}, path="/class/")
        self.assertEqual(self.client.receive(json=False), "hello")
        self.client.send_and_consume("websocket.receive", {"bytes": b"\x01\x02"}, path="/class/")
        self.assertEqual(self.client.receive(json=False), {"bytes": b"\x01\x02"})

    def test_connection_groups_are_joined_and_left(self):
        Group("test").send({"text": "to the group"})
        self.assertEqual(self.client.receive(json=False), "to the group")
        self.client.send_and_consume("websocket.disconnect", {"code": 1000}, path="/class/")
        Group("test").send({"text": "again"})
        self.assertIsNone(self.client.receive(json=False))
