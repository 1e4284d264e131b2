from __future__ import unicode_literals

import json

from channels import Group
from channels.test import ChannelTestCase, WSClient
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from chatapp import live_value
from chatapp.tests.tokens import good_token


class LiveValueApiTests(ChannelTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_user("alice", password="pw")
        self.api = APIClient()
        self.member = WSClient()
        Group(live_value.GROUP).add(self.member.reply_channel)

    def put(self, body, content_type="application/json"):
        return self.api.put("/api/live/", body, content_type=content_type)

    def test_jwt_put_sets_pushes_and_get_reads(self):
        self.api.credentials(HTTP_AUTHORIZATION="JWT " + good_token(self.user))
        response = self.put(json.dumps({"value": 42}))
        self.assertEqual((response.status_code, response.json()), (200, {"value": 42}))
        self.assertEqual(self.member.receive(json=False), json.dumps({"text": 42}))
        self.assertEqual(self.api.get("/api/live/").json(), {"value": 42})

    def test_session_put_works_too(self):
        self.api.login(username="alice", password="pw")
        self.assertEqual(self.put(json.dumps({"value": "via session"})).status_code, 200)
        self.assertEqual(live_value.current_value(), "via session")

    def test_anonymous_and_bad_tokens_are_401(self):
        self.assertEqual(self.put(json.dumps({"value": 1})).status_code, 401)
        self.api.credentials(HTTP_AUTHORIZATION="JWT garbage")
        self.assertEqual(self.put(json.dumps({"value": 1})).status_code, 401)
        self.assertIsNone(live_value.current_value())
        self.assertIsNone(self.member.receive(json=False))

    def test_bad_bodies_are_400_with_a_reason_and_change_nothing(self):
        self.api.credentials(HTTP_AUTHORIZATION="JWT " + good_token(self.user))
        live_value.set_value("kept")
        self.member.receive(json=False)
        for body, expected in [
            ("{not json", "JSON parse error"),
            (json.dumps({"other": 1}), "missing_value"),
            (json.dumps([1, 2]), "missing_value"),
            (json.dumps({"value": None}), "null_value"),
            (json.dumps({"value": "x" * (65 * 1024)}), "value_too_large"),
        ]:
            response = self.put(body)
            self.assertEqual(response.status_code, 400, body[:40])
            self.assertIn(expected, json.dumps(response.json()), body[:40])
        self.assertEqual(live_value.current_value(), "kept")
        self.assertIsNone(self.member.receive(json=False))


class SetLiveValueCommandTests(ChannelTestCase):
    def test_refuses_under_the_in_memory_layer(self):
        with self.assertRaises(CommandError) as refused:
            call_command("set_live_value", "5")
        self.assertIn("REDIS_URL", str(refused.exception))
        self.assertIsNone(live_value.current_value())

    def test_values_are_json_when_they_parse_as_the_page_reads_them(self):
        from chatapp.management.commands.set_live_value import parse
        self.assertEqual(parse("42", None), 42)
        self.assertEqual(parse('{"a": [1]}', None), {"a": [1]})
        self.assertEqual(parse("hello", None), "hello")
        self.assertEqual(parse("42", "text"), "42")
        with self.assertRaises(CommandError):
            parse("hello", "json")
