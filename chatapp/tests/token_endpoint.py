"""What both token-authenticated endpoints must do alike: every failure class.

/chat/jwt/ (function consumers, ``@ws_auth_request_token``) and /live/ (a
class consumer, ``TokenAuthConsumerMixin``) share one implementation, so they
must refuse exactly alike.  ``test_jwt_chat`` and ``test_live`` run these
tests against their endpoint and add their own.
"""
from __future__ import unicode_literals

import json
import time

from channels import DEFAULT_CHANNEL_LAYER, channel_layers
from channels.sessions import session_for_reply_channel
from channels.test import WSClient
from django.conf import settings
from django.contrib.auth import get_user_model
from rest_framework_jwt.settings import api_settings
from rest_framework_jwt.utils import jwt_payload_handler

from chatapp.socket_lifetime import close_expired_sockets
from chatapp.tests.layer import groups_of
from chatapp.tests.logs import captured_logs
from chatapp.tests.tokens import good_token
from chatapp.ws_authentication import CLOSE_CODES, SESSION_EXP_KEY
from harness.tokens import failure_cases, payload_of


def closing(code):
    """The frame that ends an open socket for ``code``."""
    return {"close": CLOSE_CODES[code], "text": json.dumps({"error": code, "detail": DETAILS[code]})}


DETAILS = {
    "expired_token": "Signature has expired.",
    "inactive_user": "User account is disabled.",
    "unknown_user": "User doesn't exist.",
    "invalid_token": "The password has changed.",
}


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

    def failure_cases(self):
        return failure_cases(good_token(self.user), good_token(self.inactive), key=settings.SECRET_KEY)

    def connect(self, query):
        client = WSClient()
        with captured_logs("chatapp") as logs:
            client.send_and_consume("websocket.connect", path=self.path + "?" + query, check_accept=False)
        return client, logs

    def test_every_failure_is_refused_before_accept_and_joins_nothing(self):
        for name, query, code in self.failure_cases():
            client, logs = self.connect(query)
            self.assertEqual(self.replies(client), [{"close": True}], name)
            self.assertEqual(groups_of(client), [], name)
            self.assertFalse(self.has_channel_session(client), name)
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
            for name, query, code in self.failure_cases():
                client, logs = self.connect(query)
                replies = self.replies(client)
                self.assertEqual(len(replies), 1, name)
                reply = replies[0]
                self.assertEqual(reply["close"], CLOSE_CODES[code], name)
                self.assertTrue(reply["accept"], name)
                self.assertEqual(json.loads(reply["text"])["error"], code, name)
                self.assertEqual(groups_of(client), [], name)

    def test_good_token_is_accepted_into_the_group(self):
        token = good_token(self.user)
        client, logs = self.connect("token=" + token)
        self.assertEqual(self.replies(client), [{"accept": True}])
        exp = payload_of(token)["exp"]
        self.assertEqual(groups_of(client), sorted([self.group, "jwt-user-%d" % self.user.pk, "jwt-exp-%d" % exp]))
        self.assertEqual(logs.messages(), [])

    def has_channel_session(self, client):
        session = session_for_reply_channel(client.reply_channel)
        return session.exists(session.session_key)

    def test_disconnect_leaves_every_group_and_deletes_the_channel_session(self):
        client, _ = self.connect("token=" + good_token(self.user))
        self.assertTrue(self.has_channel_session(client))
        client.send_and_consume("websocket.disconnect", {"code": 1000}, path=self.path)
        self.assertEqual(groups_of(client), [])
        self.assertFalse(self.has_channel_session(client))

    def test_tokens_end_with_their_user(self):
        User = get_user_model()
        tokens = {"plain drf-jwt payload": jwt_payload_handler(self.user)}
        for name, payload in tokens.items():
            client, _ = self.connect("token=" + api_settings.JWT_ENCODE_HANDLER(payload))
            self.assertEqual(self.replies(client), [{"close": True}], name)
        changes = [
            ("password changed", lambda user: (user.set_password("new"), user.save()), "invalid_token"),
            ("deactivated", lambda user: (setattr(user, "is_active", False), user.save()), "inactive_user"),
            ("deleted", lambda user: user.delete(), "unknown_user"),
        ]
        for name, change, code in changes:
            user = User.objects.create_user("carol", password="pw")
            token = good_token(user)
            client, _ = self.connect("token=" + token)
            self.replies(client)
            change(user)
            # The open socket is closed at once, without sending anything...
            self.assertEqual(self.replies(client), [closing(code)], name)
            # ...and the token opens no new one.
            refused, logs = self.connect("token=" + token)
            self.assertEqual(self.replies(refused), [{"close": True}], name)
            self.assertIn(code, logs.messages()[0], name)
            User.objects.filter(username="carol").delete()
        # A new account under a deleted user's name is not the token's user.
        carol = User.objects.create_user("carol", password="pw")
        token = good_token(carol)
        carol.delete()
        User.objects.create_user("carol", password="pw")
        refused, logs = self.connect("token=" + token)
        self.assertIn("unknown_user", logs.messages()[0])

    def test_a_silent_socket_is_closed_once_its_token_expires(self):
        exp = int(time.time()) + 30
        client, _ = self.connect("token=" + good_token(self.user, exp=exp))
        self.replies(client)
        layer = channel_layers[DEFAULT_CHANNEL_LAYER]
        close_expired_sockets(layer, now=exp - 1)
        self.assertEqual(self.replies(client), [])
        close_expired_sockets(layer, now=exp + 1)
        self.assertEqual(self.replies(client), [closing("expired_token")])

    def test_token_expiring_while_open_closes_on_next_frame(self):
        client, _ = self.connect("token=" + good_token(self.user))
        self.replies(client)
        # What the connect kept of the token, as if its expiry had passed.
        session = session_for_reply_channel(client.reply_channel)
        session[SESSION_EXP_KEY] = int(time.time()) - 1
        session.save()
        client.send_and_consume("websocket.receive", {"text": "late"}, path=self.path)
        replies = self.replies(client)
        self.assertEqual(len(replies), 1, replies)
        self.assertEqual(replies[0]["close"], CLOSE_CODES["expired_token"])
        self.assertEqual(json.loads(replies[0]["text"])["error"], "expired_token")
