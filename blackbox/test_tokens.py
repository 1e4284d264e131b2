"""Token authentication on /chat/jwt/ and /live/: every way a token fails, and
how long a socket may outlive its token or its user."""
from __future__ import unicode_literals

import re
import time

import pytest

from blackbox.differences import expected
from harness.legacy import DEMO_PASSWORD
from harness.sockets import Socket, refusal_status
from harness.tokens import failure_cases, payload_of
from harness.web import WebClient

TOKEN_PATHS = ["/chat/jwt/", "/live/"]


def make_user(deployment, username, password=DEMO_PASSWORD, **fields):
    """Create (or reset) a user through the deployment's own manage.py."""
    deployment.shell(
        "from django.contrib.auth.models import User\n"
        "User.objects.filter(username=%r).delete()\n"
        "user = User.objects.create_user(%r, password=%r)\n"
        "user.__dict__.update(%r)\n"
        "user.save()\n" % (username, username, password, fields))


def change_user(deployment, username, code):
    deployment.shell("from django.contrib.auth.models import User\n"
                     "user = User.objects.get(username=%r)\n%s\nuser.save()\n" % (username, code))


@pytest.fixture(scope="module")
def failures(deployment, tokens):
    """Every refusal class, derived from this deployment's own tokens."""
    make_user(deployment, "ivan")
    inactive = WebClient(deployment.url).token("ivan", DEMO_PASSWORD)
    change_user(deployment, "ivan", "user.is_active = False")
    return failure_cases(tokens["alice"], inactive)


@pytest.mark.parametrize("path", TOKEN_PATHS)
def test_every_bad_token_is_refused_with_its_reason_logged_and_never_the_token(deployment, failures, path):
    for name, query, code in failures:
        line = "WebSocket refused on %s: %s (" % (path, code)
        before = deployment.log().count(line)
        assert refusal_status(deployment.url, path + "?" + query) == 403, name
        assert deployment.wait_for_log_count(line, before + 1), name
    log = deployment.log()
    for name, query, code in failures:
        for value in re.findall(r"token=([^&]+)", query):
            assert value not in log, name


def test_the_token_is_read_up_to_an_ampersand_only(deployment, tokens):
    # Django 1.11 also splits a query on ";" (CVE-2021-23336).
    assert refusal_status(deployment.url, "/chat/jwt/?token=garbage;token=" + tokens["alice"]) == 403


def test_explained_failures_reach_the_client_as_json_and_4xxx(explaining):
    with Socket(explaining.url, "/chat/jwt/?token=garbage") as ws:
        assert ws.recv_json() == {"error": "malformed_token", "detail": "Error decoding signature."}
        assert ws.recv_close_code() == 4003
    with Socket(explaining.url, "/live/") as ws:
        assert ws.recv_json()["error"] == "missing_token"
        assert ws.recv_close_code() == 4001


def test_a_token_expiring_while_open_closes_on_the_next_frame(explaining):
    token = WebClient(explaining.url).token("alice", DEMO_PASSWORD)
    with Socket(explaining.url, "/live/?token=" + token) as ws:
        ws.send("before")
        assert "text" in ws.recv_json()
        # Just after the expiry: the server may close first (the port, at
        # exp) or notice it on this frame (legacy); the client hears why either way.
        time.sleep(max(0, payload_of(token)["exp"] - time.time()) + 0.3)
        ws.send("after expiry")
        assert ws.recv_json()["error"] == "expired_token"
        assert ws.recv_close_code() == 4006


@pytest.mark.parametrize("path", TOKEN_PATHS)
def test_a_silent_socket_is_closed_within_two_seconds_of_its_token_expiring(explaining, path):
    token = WebClient(explaining.url).token("bob", DEMO_PASSWORD)
    exp = payload_of(token)["exp"]
    with Socket(explaining.url, path + "?token=" + token, timeout=10) as ws:
        assert ws.recv_json() == {"error": "expired_token", "detail": "Signature has expired."}
        assert ws.recv_close_code() == 4006
        assert exp - 0.5 <= time.time() < exp + 2


def test_a_token_ends_with_a_password_change_and_with_deactivation(deployment):
    make_user(deployment, "carol")
    web = WebClient(deployment.url)
    token = web.token("carol", DEMO_PASSWORD)
    auth = {"Authorization": "JWT " + token}
    assert web.json("GET", "/api/live/", None, auth)[0] == 200
    change_user(deployment, "carol", "user.set_password('another-password')")
    assert web.json("GET", "/api/live/", None, auth)[0] == 401
    assert web.json("POST", "/api-token-refresh/", {"token": token})[0] == 400
    assert refusal_status(deployment.url, "/chat/jwt/?token=" + token) == 403
    token = web.token("carol", "another-password")
    change_user(deployment, "carol", "user.is_active = False")
    assert web.json("GET", "/api/live/", None, {"Authorization": "JWT " + token})[0] == 401
    assert refusal_status(deployment.url, "/live/?token=" + token) == 403
    # Deleted, then a new account under the same name: not the token's user.
    make_user(deployment, "carol")
    assert refusal_status(deployment.url, "/live/?token=" + token) == 403


def test_a_token_of_an_account_deleted_and_made_again_says_why(explaining):
    make_user(explaining, "erin")
    token = WebClient(explaining.url).token("erin", DEMO_PASSWORD)
    make_user(explaining, "erin")  # deleted, and made again under the same name
    code = expected(explaining, "recreated_user")
    with Socket(explaining.url, "/chat/jwt/?token=" + token) as ws:
        assert ws.recv_json()["error"] == code
        assert ws.recv_close_code() == {"unknown_user": 4008, "invalid_token": 4010}[code]


def test_an_open_socket_closes_when_its_password_changes(deployment):
    """The change goes through the admin (in the server's own process), so it
    reaches the socket on every shape, in-memory layer included."""
    make_user(deployment, "dave")
    token = WebClient(deployment.url).token("dave", DEMO_PASSWORD)
    with Socket(deployment.url, "/chat/jwt/?token=" + token, timeout=10) as ws:
        admin = WebClient(deployment.url)
        assert admin.admin_set_password("admin", DEMO_PASSWORD, "dave", "a-new-password-for-dave")
        assert ws.recv_json() == {"error": "invalid_token", "detail": "The password has changed."}
        assert ws.recv_close_code() == 4010


def test_a_session_socket_closes_when_its_login_ends(deployment):
    web = WebClient(deployment.url)
    assert web.login("adam", DEMO_PASSWORD)
    with Socket(deployment.url, "/chat/session/", cookie="sessionid=" + web.cookie("sessionid"),
                origin=deployment.base_url, timeout=10) as ws:
        web.logout()
        assert ws.recv_json() == {"error": "session_ended", "detail": "The login session has ended."}
        assert ws.recv_close_code() == 4011
