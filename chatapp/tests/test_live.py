# -*- coding: utf-8 -*-
"""在channels类视图中使用token认证: /live/, a class consumer with ``TokenAuthConsumerMixin``."""
from __future__ import unicode_literals

import json

from channels import Group
from channels.test import ChannelTestCase

from chatapp import live_value
from chatapp.tests.layer import groups_of
from chatapp.tests.token_endpoint import TokenEndpointTests
from chatapp.tests.tokens import good_token


class LiveConsumerTests(TokenEndpointTests, ChannelTestCase):
    path, group = "/live/", "live"

    def test_any_frame_gets_the_current_value(self):
        live_value.set_value("first")
        client, _ = self.connect("token=" + good_token(self.user))
        self.replies(client)
        client.send_and_consume("websocket.receive", {"text": "anything"}, path=self.path)
        client.send_and_consume("websocket.receive", {"bytes": b"\x00"}, path=self.path)
        expected = {"text": json.dumps({"text": "first"})}
        self.assertEqual(self.replies(client), [expected, expected])

    def test_a_change_is_pushed_to_members_only(self):
        members = [self.connect("token=" + good_token(self.user))[0] for _ in range(2)]
        refused, _ = self.connect("token=garbage")
        for client in members + [refused]:
            self.replies(client)
        live_value.set_value({"temperature": 21})
        for client in members:
            self.assertEqual(self.replies(client), [{"text": json.dumps({"text": {"temperature": 21}})}])
        self.assertEqual(self.replies(refused), [])

    def test_disconnect_leaves_the_group(self):
        client, _ = self.connect("token=" + good_token(self.user))
        client.send_and_consume("websocket.disconnect", {"code": 1000}, path=self.path)
        self.assertEqual(groups_of(client), [])
        Group("live").send({"text": "x"})
        self.assertEqual(self.replies(client), [{"accept": True}])
