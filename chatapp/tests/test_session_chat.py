# -*- coding: utf-8 -*-
from __future__ import unicode_literals

from channels.exceptions import DenyConnection
from channels.test import ChannelTestCase, WSClient
from django.contrib.auth import get_user_model

from chatapp.consumers.session_chat import group_for
from chatapp.tests.layer import groups_of

PATH = "/chat/session/"


class SessionChatTests(ChannelTestCase):
    def setUp(self):
        User = get_user_model()
        for name in ("alice", "adam", "bob"):
            User.objects.create_user(name, password="pw")

    def client_for(self, username=None):
        client = WSClient()
        if username:
            self.assertTrue(client.login(username=username, password="pw"))
        return client

    def connect(self, client, origin=b"http://127.0.0.1:8000"):
        headers = [[b"cookie", client.headers["cookie"]]]
        if origin:
            headers.append([b"origin", origin])
        client.send_and_consume("websocket.connect", {"headers": headers}, path=PATH, check_accept=False)
        return client.receive(json=False)

    def test_logged_in_user_joins_the_group_of_their_initial(self):
        alice = self.client_for("alice")
        self.assertEqual(self.connect(alice), {"accept": True})
        self.assertEqual(groups_of(alice), ["chat-a"])

    def test_text_reaches_only_the_same_initial_verbatim(self):
        alice, adam, bob = (self.client_for(name) for name in ("alice", "adam", "bob"))
        for client in (alice, adam, bob):
            self.connect(client)
        alice.send_and_consume("websocket.receive", {"text": "hi a-people"}, path=PATH)
        self.assertEqual(alice.receive(json=False), "hi a-people")
        self.assertEqual(adam.receive(json=False), "hi a-people")
        self.assertIsNone(bob.receive(json=False))

    def test_anonymous_is_refused_and_its_disconnect_is_harmless(self):
        anonymous = self.client_for()
        self.assertEqual(self.connect(anonymous), {"close": True})
        self.assertEqual(groups_of(anonymous), [])
        # The tutorial's ws_disconnect raised IndexError on username[0] here.
        anonymous.send_and_consume("websocket.disconnect", {"code": 1006}, path=PATH)
        self.assertIsNone(anonymous.receive(json=False))

    def test_foreign_or_missing_origin_is_denied(self):
        for origin in (b"http://evil.example", None):
            alice = self.client_for("alice")
            # The worker turns DenyConnection into {"close": True}: HTTP 403.
            with self.assertRaises(DenyConnection):
                self.connect(alice, origin=origin)
            self.assertEqual(groups_of(alice), [])

    def test_group_names_stay_valid_for_any_username(self):
        User = get_user_model()
        self.assertEqual(group_for(User(username="émile")), "chat-u00e9")
        self.assertEqual(group_for(User(username="+plus")), "chat-u002b")
        self.assertEqual(group_for(User(username="Zed")), "chat-Z")
