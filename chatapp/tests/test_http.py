from __future__ import unicode_literals

import json

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import TestCase, override_settings
from six.moves.urllib.parse import urlencode

from chatapp.tests.tokens import good_token
from harness.tokens import encode, payload_of

FORM = "application/x-www-form-urlencoded"


class HttpEndpointTests(TestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_user("alice", password="pw")

    def post_json(self, path, data, **extra):
        return self.client.post(path, json.dumps(data), content_type="application/json", **extra)

    def post_form(self, path, data, **extra):
        return self.client.post(path, urlencode(data), content_type=FORM, **extra)

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

    def test_hostile_tokens_are_400_on_verify_and_refresh(self):
        # drf-jwt 1.11 let these escape as a 500 (whose debug page showed the key).
        payload = payload_of(good_token(self.user))
        for name, token in [
            ("alg none", encode(payload, key="", algorithm="none")),
            ("HS512", encode(payload, key=settings.SECRET_KEY, algorithm="HS512")),
            ("nbf in the future", encode(dict(payload, nbf=payload["exp"]), key=settings.SECRET_KEY)),
            ("not a string", 42),
        ]:
            for path in ("/api-token-verify/", "/api-token-refresh/"):
                response = self.post_json(path, {"token": token})
                self.assertEqual(response.status_code, 400, (name, path))

    def test_a_token_ends_with_its_password_and_account(self):
        token = good_token(self.user)
        auth = {"HTTP_AUTHORIZATION": "JWT " + token}
        self.assertEqual(self.client.get("/api/live/", **auth).status_code, 200)
        self.user.set_password("changed")
        self.user.save()
        self.assertEqual(self.client.get("/api/live/", **auth).status_code, 401)
        for path in ("/api-token-verify/", "/api-token-refresh/"):
            self.assertEqual(self.post_json(path, {"token": token}).status_code, 400, path)

    def test_login_and_logout_by_post_only(self):
        response = self.post_form("/accounts/login/", {"username": "alice", "password": "pw"})
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        self.assertIn("_auth_user_id", self.client.session)
        # A cross-site <img src=/accounts/logout/> must not log anybody out.
        self.assertEqual(self.client.get("/accounts/logout/").status_code, 405)
        self.assertIn("_auth_user_id", self.client.session)
        self.post_form("/accounts/logout/", {})
        self.assertNotIn("_auth_user_id", self.client.session)
        self.assertEqual(self.client.get("/admin/login/").status_code, 200)

    def test_multipart_and_unknown_bodies_are_415_before_anything_reads_them(self):
        # CVE-2022-23833: this part sent Django 1.11's multipart parser into an endless loop.
        body = ('--B\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n'
                'Content-Transfer-Encoding: base64\r\n\r\nAAA\r\n--B--\r\n')
        self.client.cookies["csrftoken"] = "x" * 64
        for path in ("/api-token-auth/", "/api-token-refresh/", "/accounts/login/", "/admin/login/", "/api/live/"):
            for content_type in ("multipart/form-data; boundary=B", "text/plain", "application/xml"):
                response = self.client.post(path, body, content_type=content_type)
                self.assertEqual(response.status_code, 415, (path, content_type))
                self.assertEqual(response.json()["error"], "unsupported_media_type")

    def test_json_nested_too_deep_is_400(self):
        auth = {"HTTP_AUTHORIZATION": "JWT " + good_token(self.user)}
        deep = "[" * 100000 + "]" * 100000
        response = self.client.put("/api/live/", '{"value": %s}' % deep, content_type="application/json", **auth)
        self.assertEqual(response.status_code, 400)


@override_settings(AUTH_RATE_PER_ADDRESS="6/min", AUTH_RATE_PER_USERNAME="3/min")
class CredentialThrottleTests(TestCase):
    def setUp(self):
        cache.clear()
        User = get_user_model()
        for name in ("alice", "bob"):
            User.objects.create_user(name, password="pw")

    def attempt(self, username, password="wrong", address="10.0.0.1", path="/api-token-auth/"):
        data = {"username": username, "password": password}
        if path == "/api-token-auth/":
            return self.client.post(path, json.dumps(data), content_type="application/json", REMOTE_ADDR=address)
        return self.client.post(path, urlencode(data), content_type=FORM, REMOTE_ADDR=address)

    def test_per_username_then_429_with_retry_after(self):
        for path in ("/api-token-auth/", "/accounts/login/"):
            statuses = [self.attempt("alice", path=path).status_code for _ in range(4)]
            self.assertEqual(statuses[3], 429, path)
            response = self.attempt("alice", path=path, address="10.0.0.2")
            self.assertEqual(response.status_code, 429, path)
            self.assertGreater(int(response["Retry-After"]), 0)
        self.assertEqual(self.attempt("alice", path="/api-token-auth/").json()["error"], "throttled")

    def test_another_users_failures_from_elsewhere_never_throttle_a_login(self):
        for _ in range(10):
            self.attempt("bob", address="10.0.0.66")
        response = self.attempt("alice", password="pw", address="10.0.0.1")
        self.assertEqual(response.status_code, 200)
        self.assertIn("token", response.json())

    def test_per_address_across_usernames(self):
        statuses = [self.attempt("user%d" % number, address="10.0.0.9").status_code for number in range(7)]
        self.assertEqual(statuses[-1], 429)
        self.assertEqual(self.attempt("alice", password="pw", address="10.0.0.10").status_code, 200)
