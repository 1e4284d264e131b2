# -*- coding: utf-8 -*-
"""Json Web Token认证: /chat/jwt/, function consumers with ``@ws_auth_request_token``."""
from __future__ import unicode_literals

from channels.test import ChannelTestCase
from django.contrib.auth import get_user_model

from chatapp.tests.layer import groups_of
from chatapp.tests.token_endpoint import TokenEndpointTests
from chatapp.tests.tokens import good_token


class JwtChatTests(TokenEndpointTests, ChannelTestCase):
    path, group = "/chat/jwt/", "chat-jwt"

    def test_text_reaches_members_signed_with_the_username(self):
        User = get_user_model()
        bob = User.objects.create_user("bob", password="pw")
        alice_client, _ = self.connect("token=" + good_token(self.user))
        bob_client, _ = self.connect("token=" + good_token(bob))
        self.replies(alice_client), self.replies(bob_client)
        bob_client.send_and_consume("websocket.receive", {"text": "hi"}, path=self.path)
        for client in (alice_client, bob_client):
            self.assertEqual(self.replies(client), [{"text": "[bob] hi"}])

    def test_disconnect_leaves_the_group(self):
        client, _ = self.connect("token=" + good_token(self.user))
        client.send_and_consume("websocket.disconnect", {"code": 1000}, path=self.path)
        self.assertEqual(groups_of(client), [])
