# -*- coding: utf-8 -*-
"""Every tutorial example through the real ``manage.py runserver``, real sockets."""
from __future__ import unicode_literals

import json
import re
import time

import pytest

from harness import legacy
from harness.sockets import OPCODE_BINARY, Socket, refusal_status
from harness.tokens import failure_cases
from harness.web import WebClient

PASSWORD = "channels-demo"


def origin_of(server):
    return "http://%s" % server.url


@pytest.fixture(scope="module")
def tokens(runserver):
    web = WebClient(runserver.url)
    return dict((name, web.token(name, PASSWORD)) for name in ("alice", "adam", "bob"))


def session_socket(server, username, origin=None):
    web = WebClient(server.url)
    assert web.login(username, PASSWORD)
    return Socket(server.url, "/chat/session/", cookie="sessionid=" + web.cookie("sessionid"),
                  origin=origin or origin_of(server))


def test_jwt_chat_signs_each_message_with_the_sender(runserver, tokens):
    alice = Socket(runserver.url, "/chat/jwt/?token=" + tokens["alice"])
    bob = Socket(runserver.url, "/chat/jwt/?token=" + tokens["bob"])
    try:
        alice.send("你好 bob")
        assert alice.recv() == bob.recv() == "[alice] 你好 bob"
        bob.send("hi")
        assert alice.recv() == bob.recv() == "[bob] hi"
    finally:
        alice.close(), bob.close()


def test_session_chat_with_real_login_cookies(runserver):
    alice, adam, bob = (session_socket(runserver, name) for name in ("alice", "adam", "bob"))
    try:
        alice.send("for the a-people")
        assert alice.recv() == adam.recv() == "for the a-people"
        bob.send("bob only")
        assert bob.recv() == "bob only"
        # bob got nothing from alice: his next frame is his own second message.
        bob.send("still bob")
        assert bob.recv() == "still bob"
    finally:
        for ws in (alice, adam, bob):
            ws.close()


def test_session_chat_refuses_anonymous_and_foreign_origin(runserver):
    assert refusal_status(runserver.url, "/chat/session/", origin=origin_of(runserver)) == 403
    with pytest.raises(Exception) as refused:
        session_socket(runserver, "alice", origin="http://evil.example")
    assert getattr(refused.value, "status_code", None) == 403


def test_class_consumer_echoes_text_and_bytes(runserver):
    with Socket(runserver.url, "/class/") as ws:
        ws.send("class based")
        assert ws.recv() == "class based"
        ws.send_binary(b"\x00\xff")
        assert ws.recv_data() == (OPCODE_BINARY, b"\x00\xff")


def test_live_value_push_after_put_reaches_two_clients_fast(runserver, tokens):
    web = WebClient(runserver.url)
    auth = {"Authorization": "JWT " + tokens["alice"]}
    clients = [Socket(runserver.url, "/live/?token=" + tokens[name]) for name in ("alice", "bob")]
    try:
        value = "pushed at %f" % time.time()
        started = time.time()
        status, body = web.json("PUT", "/api/live/", {"value": value}, auth)
        assert (status, body) == (200, {"value": value})
        for ws in clients:
            assert ws.recv_json() == {"text": value}
        elapsed = time.time() - started
        assert elapsed < 0.1, "push took %.3fs" % elapsed
        # Any frame is answered with the current value.
        clients[0].send("what is it now?")
        assert clients[0].recv_json() == {"text": value}
        assert web.json("GET", "/api/live/", None, auth)[1] == {"value": value}
    finally:
        for ws in clients:
            ws.close()


def test_live_api_rejects_bad_input_clearly(runserver, tokens):
    web = WebClient(runserver.url)
    auth = {"Authorization": "JWT " + tokens["alice"]}
    assert web.json("PUT", "/api/live/", {"value": 1})[0] == 401
    status, body = web.json("PUT", "/api/live/", b"{oops", auth)
    assert status == 400 and "JSON parse error" in body["detail"]
    assert web.json("PUT", "/api/live/", {"no": "value"}, auth) == (
        400, {"error": "missing_value", "detail": 'Send a JSON object like {"value": 42}.'})


def test_set_live_value_command_refuses_under_the_in_memory_layer(server_env):
    tmpdir, env = server_env
    with pytest.raises(Exception) as failed:
        legacy.manage(["set_live_value", "5"], env)
    assert failed.value.returncode == 1
    assert b"REDIS_URL" in failed.value.output


def set_user(env, username, **fields):
    """Create or change a user in the server's database, in a separate process."""
    legacy.manage(["shell", "-c", "from django.contrib.auth.models import User; "
                   "user, new = User.objects.get_or_create(username=%r); new and user.set_password(%r); "
                   "user.__dict__.update(%r); user.save()"
                   % (username, PASSWORD, fields)], env)


@pytest.fixture(scope="module")
def failures(server_env, runserver, tokens):
    """Every refusal class of the unit tests, derived from this server's own tokens."""
    tmpdir, env = server_env
    set_user(env, "ivan")
    inactive = WebClient(runserver.url).token("ivan", PASSWORD)
    set_user(env, "ivan", is_active=False)
    return failure_cases(tokens["alice"], inactive)


@pytest.mark.parametrize("path", ["/chat/jwt/", "/live/"])
def test_every_bad_token_class_is_refused_and_never_logged(runserver, failures, path):
    for name, query, code in failures:
        before = runserver.log()
        assert refusal_status(runserver.url, path + "?" + query) == 403, name
        new_lines = runserver.log()[len(before):]
        assert "WebSocket refused on %s: %s" % (path, code) in new_lines, name
    log = runserver.log()
    for name, query, code in failures:
        for value in re.findall(r"token=([^&]+)", query):
            assert value not in log, name


@pytest.fixture(scope="module")
def explaining_server(tmpdir_factory):
    tmpdir = tmpdir_factory.mktemp("explain")
    env = legacy.prepared_env(tmpdir, WS_AUTH_EXPLAIN_FAILURES="1", JWT_EXPIRATION_SECONDS="3")
    process = legacy.runserver(tmpdir, env)
    yield process
    process.stop()


def test_explained_failure_reaches_the_client_as_json_and_4xxx(explaining_server):
    with Socket(explaining_server.url, "/chat/jwt/?token=garbage") as ws:
        assert ws.recv_json() == {"error": "malformed_token", "detail": "Error decoding signature."}
        assert ws.recv_close_code() == 4003


def test_token_expiring_while_open_closes_on_the_next_frame(explaining_server):
    token = WebClient(explaining_server.url).token("alice", PASSWORD)
    with Socket(explaining_server.url, "/live/?token=" + token) as ws:
        ws.send("before")
        assert ws.recv_json() == {"text": None}
        time.sleep(3.2)
        ws.send("after expiry")
        assert ws.recv_json()["error"] == "expired_token"
        assert ws.recv_close_code() == 4006
