# -*- coding: utf-8 -*-
from __future__ import unicode_literals

from channels.test import ChannelTestCase
from django.contrib.auth import get_user_model

from chatapp.consumers.session_chat import group_for
from chatapp.socket_lifetime import session_group
from chatapp.tests.handshakes import ORIGIN, SiteClient
from chatapp.tests.layer import groups_of

PATH = "/chat/session/"


class SessionChatTests(ChannelTestCase):
    def setUp(self):
        User = get_user_model()
        for name in ("alice", "adam", "bob"):
            User.objects.create_user(name, password="pw")

    def client_for(self, username=None):
        return SiteClient(username)

    def connect(self, client, origin=ORIGIN, query=""):
        return client.handshake(PATH, origin=origin, query=query)

    def test_logged_in_user_joins_the_group_of_their_initial(self):
        alice = self.client_for("alice")
        self.assertEqual(self.connect(alice), {"accept": True})
        user = get_user_model().objects.get(username="alice")
        self.assertEqual(groups_of(alice), ["chat-a", session_group(alice.session_key),
                                            "session-user-%d" % user.pk])

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
        # Scheme, host and port must all be this site's (allowed_hosts_only
        # compared the host only).
        for origin in ("http://evil.example", "http://127.0.0.1:6666", "https://127.0.0.1:8000",
                       "file://localhost", "null", None):
            alice = self.client_for("alice")
            self.assertEqual(self.connect(alice, origin=origin), {"close": True}, origin)
            self.assertEqual(groups_of(alice), [], origin)

    def test_ipv6_loopback_and_listed_origins_are_accepted(self):
        alice = self.client_for("alice")
        self.assertEqual(alice.handshake(PATH, origin="http://[::1]:8000", host="[::1]:8000"), {"accept": True})
        with self.settings(ALLOWED_ORIGINS=["https://chat.example"]):
            adam = self.client_for("adam")
            self.assertEqual(self.connect(adam, origin="https://chat.example"), {"accept": True})

    def test_a_session_named_in_the_url_is_refused(self):
        # Channels 1.x's http_session takes ?session_key= over the cookie.
        alice = self.client_for("alice")
        intruder = self.client_for()
        self.assertEqual(self.connect(intruder, query="session_key=" + alice.session_key), {"close": True})
        self.assertEqual(groups_of(intruder), [])

    def test_group_names_stay_valid_for_any_username(self):
        User = get_user_model()
        self.assertEqual(group_for(User(username="émile")), "chat-u00e9")
        self.assertEqual(group_for(User(username="+plus")), "chat-u002b")
        self.assertEqual(group_for(User(username="Zed")), "chat-Z")
