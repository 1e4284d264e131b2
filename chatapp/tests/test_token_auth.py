"""Every token failure class, against both token-authenticated endpoints.

/chat/jwt/ (function consumers, ``@ws_auth_request_token``) and /live/ (a
class consumer, ``TokenAuthConsumerMixin``) share one implementation, so they
must refuse exactly alike.
"""
from __future__ import unicode_literals

import json
import time

from channels import Group
from channels.test import ChannelTestCase, WSClient
from django.contrib.auth import get_user_model

from chatapp import live
from chatapp.tests.layer import groups_of
from chatapp.tests.logs import captured_logs
from chatapp.tests.tokens import failure_cases, good_token
from chatapp.ws_authentication import CLOSE_CODES


class TokenEndpointTests(object):
    path = group = None

    def setUp(self):
        User = get_user_model()
        self.user = User.objects.create_user("alice", password="pw")
        self.inactive = User.objects.create_user("ivan", password="pw", is_active=False)

    def replies(self, client):
        messages = []
        while True:
            message = client.get_next_message(client.reply_channel)
            if message is None:
                return messages
            messages.append(message.content)

    def connect(self, query):
        client = WSClient()
        with captured_logs("chatapp") as logs:
            client.send_and_consume("websocket.connect", path=self.path + "?" + query, check_accept=False)
        return client, logs

    def test_every_failure_is_refused_before_accept_and_joins_nothing(self):
        for name, query, code in failure_cases(self.user, self.inactive):
            client, logs = self.connect(query)
            self.assertEqual(self.replies(client), [{"close": True}], name)
            self.assertEqual(groups_of(client), [], name)
            warnings = logs.messages()
            self.assertEqual(len(warnings), 1, (name, warnings))
            self.assertIn(code, warnings[0], name)
            token = query.partition("=")[2]
            if token:
                self.assertNotIn(token.split("&")[0], warnings[0], name)
            # The disconnect daphne sends for a refused socket must not fail.
            client.send_and_consume("websocket.disconnect", {"code": 1006}, path=self.path)

    def test_explained_failures_accept_tell_why_and_close_with_4xxx(self):
        with self.settings(WS_AUTH_EXPLAIN_FAILURES=True):
            for name, query, code in failure_cases(self.user, self.inactive):
                client, logs = self.connect(query)
                replies = self.replies(client)
                self.assertEqual(len(replies), 1, name)
                reply = replies[0]
                self.assertEqual(reply["close"], CLOSE_CODES[code], name)
                self.assertTrue(reply["accept"], name)
                self.assertEqual(json.loads(reply["text"])["error"], code, name)
                self.assertEqual(groups_of(client), [], name)

    def test_good_token_is_accepted_into_the_group(self):
        client, logs = self.connect("token=" + good_token(self.user))
        self.assertEqual(self.replies(client), [{"accept": True}])
        self.assertEqual(groups_of(client), [self.group])
        self.assertEqual(logs.messages(), [])

    def test_token_expiring_while_open_closes_on_next_frame(self):
        client, _ = self.connect("token=" + good_token(self.user, exp=int(time.time()) + 2))
        self.replies(client)
        time.sleep(2.1)
        client.send_and_consume("websocket.receive", {"text": "late"}, path=self.path)
        replies = self.replies(client)
        self.assertEqual(len(replies), 1, replies)
        self.assertEqual(replies[0]["close"], CLOSE_CODES["expired_token"])
        self.assertEqual(json.loads(replies[0]["text"])["error"], "expired_token")


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


class LiveConsumerTests(TokenEndpointTests, ChannelTestCase):
    path, group = "/live/", "live"

    def test_any_frame_gets_the_current_value(self):
        live.set_value("first")
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
        live.set_value({"temperature": 21})
        for client in members:
            self.assertEqual(self.replies(client), [{"text": json.dumps({"text": {"temperature": 21}})}])
        self.assertEqual(self.replies(refused), [])

    def test_disconnect_leaves_the_group(self):
        client, _ = self.connect("token=" + good_token(self.user))
        client.send_and_consume("websocket.disconnect", {"code": 1000}, path=self.path)
        self.assertEqual(groups_of(client), [])
        Group("live").send({"text": "x"})
        self.assertEqual(self.replies(client), [{"accept": True}])
