from __future__ import unicode_literals

import json

from django.contrib.auth import get_user_model
from django.test import TestCase


class HttpEndpointTests(TestCase):
    def setUp(self):
        get_user_model().objects.create_user("alice", password="pw")

    def post_json(self, path, data):
        return self.client.post(path, json.dumps(data), content_type="application/json")

    def test_token_obtain_verify_refresh(self):
        response = self.post_json("/api-token-auth/", {"username": "alice", "password": "pw"})
        self.assertEqual(response.status_code, 200)
        token = response.json()["token"]
        self.assertEqual(self.post_json("/api-token-verify/", {"token": token}).json(), {"token": token})
        refreshed = self.post_json("/api-token-refresh/", {"token": token})
        self.assertEqual(refreshed.status_code, 200)
        self.assertIn("token", refreshed.json())

    def test_wrong_password_and_bad_token_are_400(self):
        wrong = self.post_json("/api-token-auth/", {"username": "alice", "password": "nope"})
        self.assertEqual(wrong.status_code, 400)
        self.assertIn("Unable to log in", json.dumps(wrong.json()))
        self.assertEqual(self.post_json("/api-token-verify/", {"token": "garbage"}).status_code, 400)

    def test_login_logout_and_admin(self):
        response = self.client.post("/accounts/login/", {"username": "alice", "password": "pw"})
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertIn("_auth_user_id", self.client.session)
        self.client.get("/accounts/logout/")
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertEqual(self.client.get("/admin/login/").status_code, 200)
