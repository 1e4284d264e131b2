"""Smoke checks on real sockets: the port under ``python -m portproj.serve`` and plain ``daphne``.

What WebsocketCommunicator cannot show: a refusal before accept is HTTP 403
on the wire, a 4xxx code reaches the client only after accept, daphne drops
empty frames, the size limits are enforced by the server, and groups cross
processes over Redis.  Every process is started on 127.0.0.1 and stopped by
its PID in the test that started it (harness.processes).
"""
import http.client
import json
import re
import subprocess
import sys
import time

import pytest

from harness.processes import free_port, start
from harness.redis_server import start_redis
from harness.sockets import OPCODE_TEXT, Socket, WebSocketBadStatusException, refusal_status
from harness.web import WebClient
from portapp.tests.servers import BIN, PASSWORD, PORT_DIR, prepared_env, serve, token_of


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return prepared_env(tmp_path_factory.mktemp("db"))


@pytest.fixture
def server(tmp_path, env):
    process = serve(tmp_path, env)
    yield process
    process.stop()


def test_refusals_are_http_403_logged_once_without_traceback(server):
    token = token_of(server.url)
    assert refusal_status(server.url, "/chat/jwt/") == 403
    assert refusal_status(server.url, "/live/?token=" + token[:-3] + "abc") == 403
    assert refusal_status(server.url, "/no-such-example/") == 403
    assert refusal_status(server.url, "/echo/%1B[2J") == 403
    assert refusal_status(server.url, "/chat/session/") == 403  # no login
    time.sleep(0.2)
    log = server.log()
    assert "WebSocket refused on /chat/jwt/: missing_token (Missing token request parameter.)" in log
    assert "WebSocket refused on /live/: bad_signature (" in log
    assert "WebSocket refused on /no-such-example/: unknown_path (" in log
    assert "WebSocket refused on /echo/\\u001b[2J: unknown_path (" in log
    assert "WebSocket refused on /chat/session/: not_logged_in (" in log
    assert "Traceback" not in log and token[:-3] not in log


def test_every_example_answers(server):
    token = token_of(server.url)
    web = WebClient(server.url)
    assert web.login("alice", PASSWORD)
    with Socket(server.url, "/echo/") as echo:
        echo.send("hello")
        assert echo.recv() == "hello"
    with Socket(server.url, "/chat/jwt/?token=" + token) as chat:
        chat.send("hi")
        assert chat.recv() == "[alice] hi"
    with Socket(server.url, "/chat/session/", cookie="sessionid=" + web.cookie("sessionid")) as chat:
        chat.send("hi a")
        assert chat.recv() == "hi a"
    with Socket(server.url, "/live/?token=" + token) as live:
        live.send("?")
        assert json.loads(live.recv()) == {"text": None}
        status, _ = web.json("PUT", "/api/live/", {"value": 42}, {"Authorization": "JWT " + token})
        assert status == 200
        assert json.loads(live.recv()) == {"text": 42}
    status, page = web.request("GET", "/")
    assert status == 200 and "Channels 4" in page
    assert web.request("GET", "/static/demo/demo.js")[0] == 200


def test_an_empty_frame_gets_no_reply_and_the_next_is_echoed(server):
    with Socket(server.url, "/echo/") as echo:
        echo.send("")
        echo.send("after")
        assert echo.recv() == "after"


def test_a_message_over_the_limit_closes_that_socket_with_1009(server):
    with Socket(server.url, "/echo/") as other, Socket(server.url, "/echo/") as big:
        big.send("x" * (1 << 20))  # 1 MiB fits
        assert len(big.recv()) == 1 << 20
        big.send("x" * (1114112 + 1))
        assert big.recv_close_code() == 1009
        other.send("still here")
        assert other.recv() == "still here"
    time.sleep(0.2)
    assert server.log().count("WebSocket message over WS_MAX_MESSAGE_BYTES (1114112) on /echo/ from 127.0.0.1: "
                              "closed with 1009") == 1


def raw_post(address, path, body, headers):
    connection = http.client.HTTPConnection(*address.split(":"), timeout=10)
    try:
        connection.request("POST", path, body=body, headers=headers,
                           encode_chunked=headers.get("Transfer-Encoding") == "chunked")
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def test_bodies_over_the_limit_are_413_and_other_types_415(server):
    big = b"{" + b" " * 300000 + b"}"
    status, body = raw_post(server.url, "/api-token-auth/", big, {"Content-Type": "application/json"})
    assert (status, body["error"]) == (413, "body_too_large")
    chunks = (b" " * 65536 for _ in range(5))
    chunked = {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}
    status, body = raw_post(server.url, "/api-token-auth/", chunks, chunked)
    assert (status, body["error"]) == (413, "body_too_large")
    status, body = raw_post(server.url, "/accounts/login/", b"--x\r\n\r\n--x--",
                            {"Content-Type": "multipart/form-data; boundary=x"})
    assert (status, body["error"]) == (415, "unsupported_media_type")
    log = server.log()
    over = "HTTP body over HTTP_MAX_BODY_BYTES (131072) from 127.0.0.1: "
    assert over + "300002 bytes announced, refused with 413" in log
    assert re.search(re.escape(over) + r"\d+ bytes read, refused with 413", log)  # chunked
    # The server is fine afterwards.
    assert token_of(server.url)


def test_explain_mode_accepts_then_closes_with_4xxx(tmp_path, env):
    process = serve(tmp_path, dict(env, WS_AUTH_EXPLAIN_FAILURES="1"), name="explaining")
    try:
        with Socket(process.url, "/chat/jwt/?token=garbage") as refused:
            opcode, data = refused.ws.recv_data()
            assert opcode == OPCODE_TEXT and json.loads(data)["error"] == "malformed_token"
            assert refused.recv_close_code() == 4003
        assert refusal_status(process.url, "/nope/") == 403  # only token failures are explained
    finally:
        process.stop()


def test_plain_daphne_refuses_to_serve_with_debug_off(tmp_path, env):
    port = free_port()
    process = start("plain-daphne-refusing", [str(BIN / "daphne"), "-b", "127.0.0.1", "-p", str(port),
                                              "portproj.asgi:application"], env, tmp_path, cwd=str(PORT_DIR))
    assert process.wait() == 2
    assert "portproj: plain daphne reads and parses request bodies of any size" in process.log()
    process.stop()


def test_plain_daphne_serves_the_same_application_with_debug_on(tmp_path, env):
    process = serve(tmp_path, dict(env, DEBUG="1"), name="plain-daphne", plain_daphne=True)
    try:
        assert refusal_status(process.url, "/chat/jwt/") == 403
        assert refusal_status(process.url, "/nope/") == 403
        with Socket(process.url, "/chat/jwt/?token=" + token_of(process.url)) as chat:
            chat.send("hi")
            assert chat.recv() == "[alice] hi"
        assert "Traceback" not in process.log()
    finally:
        process.stop()


def test_groups_cross_two_daphne_processes_over_redis(tmp_path):
    redis = start_redis(tmp_path)
    servers = []
    try:
        env = prepared_env(tmp_path, REDIS_URL=redis.redis_url())
        servers = [serve(tmp_path, env, name=f"daphne-{number}") for number in (1, 2)]
        token = token_of(servers[0].url)
        with Socket(servers[0].url, "/chat/jwt/?token=" + token) as first, \
                Socket(servers[1].url, "/chat/jwt/?token=" + token) as second, \
                Socket(servers[1].url, "/live/?token=" + token) as live:
            # Idle longer than redis-py 8's default 5 s read timeout (channels_redis#422).
            time.sleep(6)
            first.send("across")
            assert second.recv() == "[alice] across"
            assert first.recv() == "[alice] across"
            status, _ = WebClient(servers[0].url).json("PUT", "/api/live/", {"value": "pushed"},
                                                       {"Authorization": "JWT " + token})
            assert status == 200
            assert json.loads(live.recv()) == {"text": "pushed"}
        result = subprocess.run([sys.executable, "manage.py", "set_live_value", "--json", "7"], cwd=PORT_DIR,
                                env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        for process in servers:
            assert "Traceback" not in process.log()
    finally:
        for process in servers:
            process.stop()
        redis.stop()


def test_a_refused_handshake_raises_for_the_client(server):
    with pytest.raises(WebSocketBadStatusException):
        Socket(server.url, "/live/")
