"""The HTTP side: token endpoints (drf-jwt's shapes on simplejwt), login, logout, admin, the page."""
import json
import time

import pytest
from django.contrib.auth import get_user_model
from rest_framework_simplejwt.tokens import AccessToken

from harness.tokens import payload_of
from portapp.tests.helpers import good_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return get_user_model().objects.create_user("alice", password="pw")


def post_json(client, path, data):
    return client.post(path, json.dumps(data), content_type="application/json")


def test_token_obtain_verify_refresh(client, user):
    response = post_json(client, "/api-token-auth/", {"username": "alice", "password": "pw"})
    assert response.status_code == 200
    token = response.json()["token"]
    assert list(response.json()) == ["token"]
    assert post_json(client, "/api-token-verify/", {"token": token}).json() == {"token": token}
    refreshed = post_json(client, "/api-token-refresh/", {"token": token})
    assert refreshed.status_code == 200
    assert list(refreshed.json()) == ["token"]
    # The login time survives the refresh: it bounds how long one can refresh.
    assert payload_of(refreshed.json()["token"])["orig_iat"] == payload_of(token)["orig_iat"]


def test_the_token_names_its_user_by_username(client, user):
    token = post_json(client, "/api-token-auth/", {"username": "alice", "password": "pw"}).json()["token"]
    payload = payload_of(token)
    assert payload["username"] == "alice"
    assert payload["token_type"] == "access"
    assert payload["exp"] - payload["iat"] == 3600


def test_wrong_password_and_bad_tokens_are_400(client, user):
    wrong = post_json(client, "/api-token-auth/", {"username": "alice", "password": "nope"})
    assert wrong.status_code == 400
    assert wrong.json() == {"non_field_errors": ["Unable to log in with provided credentials."]}
    for path in ("/api-token-verify/", "/api-token-refresh/"):
        for body in [{"token": "garbage"}, {"token": good_token(user, exp=1)}, {"token": ["x"]}, {"token": 5},
                     {}, [], "token", {"token": "a.b.c"}, {"token": "eyJhbGciOnt9fQ.e30.x"},
                     {"token": good_token(user, username=["alice"])}, {"token": "\u0000" * 100}]:
            response = post_json(client, path, body)
            assert response.status_code == 400, (path, body)
            assert response["Content-Type"] == "application/json", (path, body)


def test_expired_token_reason_is_drf_jwts(client, user):
    response = post_json(client, "/api-token-verify/", {"token": good_token(user, exp=1)})
    assert response.json() == {"non_field_errors": ["Signature has expired."]}


def test_refresh_window_is_counted_from_the_login(client, user, settings):
    old_login = good_token(user, orig_iat=int(time.time()) - settings.JWT_REFRESH_SECONDS - 1)
    response = post_json(client, "/api-token-refresh/", {"token": old_login})
    assert response.json() == {"non_field_errors": ["Refresh has expired."]}


@pytest.mark.parametrize("change", ["password", "deactivate", "delete", "recreate"])
def test_a_token_dies_with_its_users_password_activation_or_account(client, user, change):
    token = good_token(user)
    if change == "password":
        user.set_password("new password")
        user.save()
    elif change == "deactivate":
        user.is_active = False
        user.save()
    else:
        user.delete()
        if change == "recreate":
            get_user_model().objects.create_user("alice", password="pw")
    assert post_json(client, "/api-token-verify/", {"token": token}).status_code == 400
    assert post_json(client, "/api-token-refresh/", {"token": token}).status_code == 400
    response = client.get("/api/live/", HTTP_AUTHORIZATION="JWT " + token)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("JWT")


def test_a_token_of_another_type_is_refused(client, user):
    token = AccessToken(good_token(user))
    token["token_type"] = "refresh"
    assert post_json(client, "/api-token-verify/", {"token": str(token)}).status_code == 400


def test_login_logout_and_admin(client, user):
    response = client.post("/accounts/login/", {"username": "alice", "password": "pw"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert "_auth_user_id" in client.session
    assert client.get("/accounts/logout/").status_code == 405  # POST only
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/login/").status_code == 200


def test_demo_page_lists_every_example_and_sets_the_csrf_cookie(client):
    from demo.examples import EXAMPLES

    response = client.get("/")
    assert response.status_code == 200
    assert "the Channels tutorial on Channels 4" in response.content.decode()
    for example in EXAMPLES:
        assert f'data-path="{example.path}"' in response.content.decode()
    assert "csrftoken" in response.cookies
    assert client.get("/static/demo/demo.js").status_code == 200


def test_security_headers(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
