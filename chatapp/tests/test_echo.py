# -*- coding: utf-8 -*-
from __future__ import unicode_literals

from channels.test import ChannelTestCase, WSClient


class EchoConsumerTests(ChannelTestCase):
    def setUp(self):
        self.client = WSClient()
        self.client.send_and_consume("websocket.connect", path="/echo/")

    def test_text_comes_back_verbatim(self):
        for text in ["hello world", "你好，世界 ✓", "x" * (1 << 20)]:
            self.client.send_and_consume("websocket.receive", {"text": text}, path="/echo/")
            self.assertEqual(self.client.receive(json=False), text)

    def test_binary_comes_back_as_the_same_bytes(self):
        # The article's consumer raised KeyError here: binary frames have no "text".
        payload = b"\x00\xff\x10binary"
        self.client.send_and_consume("websocket.receive", {"bytes": payload}, path="/echo/")
        self.assertEqual(self.client.receive(json=False), {"bytes": payload})

    def test_unknown_path_is_refused(self):
        other = WSClient()
        other.send_and_consume("websocket.connect", path="/no-such-example/", check_accept=False)
        self.assertEqual(other.receive(json=False), {"close": True})
