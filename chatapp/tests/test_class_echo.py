from __future__ import unicode_literals

from channels import Group
from channels.test import ChannelTestCase

from chatapp.tests.handshakes import SiteClient
from chatapp.tests.layer import groups_of


class ClassEchoTests(ChannelTestCase):
    def setUp(self):
        self.client = SiteClient()
        self.assertEqual(self.client.handshake("/class/"), {"accept": True})

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

    def test_another_site_is_refused_before_joining_any_group(self):
        # http_user reads the login cookie: a page elsewhere must not open it.
        for origin in ("http://evil.example", "http://127.0.0.1:6666", "https://127.0.0.1:8000", None):
            other = SiteClient()
            self.assertEqual(other.handshake("/class/", origin=origin), {"close": True}, origin)
            self.assertEqual(groups_of(other), [], origin)
