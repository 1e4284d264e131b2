# -*- coding: utf-8 -*-
"""Every example of the tutorial, over real sockets."""
from __future__ import unicode_literals

import time

from blackbox.differences import expected
from harness.legacy import DEMO_PASSWORD
from harness.sockets import OPCODE_BINARY, Socket, refusal_status
from harness.web import WebClient


def session_socket(deployment, username, client_number=0):
    url = deployment.url_for(client_number)
    web = WebClient(url)
    assert web.login(username, DEMO_PASSWORD)
    return Socket(url, "/chat/session/", cookie="sessionid=" + web.cookie("sessionid"), origin="http://" + url)


def test_echo_text_unicode_binary_and_one_mebibyte(deployment):
    with Socket(deployment.url, "/echo/") as ws:
        for text in ["hello world", "你好，世界 ✓"]:
            ws.send(text)
            assert ws.recv() == text
        ws.send_binary(b"\x00\x01\xfe\xff")
        assert ws.recv_data() == (OPCODE_BINARY, b"\x00\x01\xfe\xff")
        big = "0123456789abcdef" * (1 << 16)
        ws.send(big)
        assert ws.recv() == big


def test_an_empty_frame_gets_no_reply(deployment):
    # The consumers do echo it; daphne (1.4 and 4.x alike) writes no empty frame.
    with Socket(deployment.url, "/echo/") as ws:
        ws.send("")
        ws.send("after")
        assert ws.recv() == "after"


def test_unknown_paths_are_refused_with_a_reason_in_the_log(deployment):
    for path in ("/no-such-example/", "/echo", "/echo/%0a", "/chat/jwt"):
        assert refusal_status(deployment.url, path) == 403, path
    log = deployment.log()
    assert "WebSocket refused on /no-such-example/: unknown_path" in log
    # The newline stays inside its one log line.
    assert "WebSocket refused on /echo/\\u000a: unknown_path" in log


def test_chat_among_three_clients(deployment):
    clients = [Socket(deployment.url_for(number), "/chat/") for number in range(3)]
    try:
        for index, sender in enumerate(clients):
            sender.send("from %d" % index)
            for receiver in clients:
                assert receiver.recv() == "[user] from %d" % index
        # A line break cannot start a line that looks like somebody else's.
        clients[0].send("ok\n[alice] pay bob")
        for receiver in clients:
            assert receiver.recv() == "[user] ok\\u000a[alice] pay bob"
        clients[0].send_binary(b"\x00")
        assert clients[0].recv() == "[error] chat accepts text frames only"
    finally:
        for ws in clients:
            ws.close()


def test_jwt_chat_signs_each_message_with_the_sender(deployment, tokens):
    alice = Socket(deployment.url_for(0), "/chat/jwt/?token=" + tokens["alice"])
    bob = Socket(deployment.url_for(1), "/chat/jwt/?token=" + tokens["bob"])
    try:
        alice.send("你好 bob")
        assert alice.recv() == bob.recv() == "[alice] 你好 bob"
        bob.send("hi")
        assert alice.recv() == bob.recv() == "[bob] hi"
    finally:
        alice.close(), bob.close()


def test_session_chat_with_real_login_cookies(deployment):
    alice, adam, bob = (session_socket(deployment, name, number)
                        for number, name in enumerate(("alice", "adam", "bob")))
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


def test_session_chat_refuses_anonymous_other_sites_and_sessions_in_the_url(deployment):
    assert refusal_status(deployment.url, "/chat/session/", origin=deployment.base_url) == 403
    for origin in ("http://evil.example", "http://%s:6666" % deployment.url.split(":")[0],
                   "https://" + deployment.url, "file://localhost", "null"):
        for path in ("/chat/session/", "/class/"):
            web = WebClient(deployment.url)
            web.login("alice", DEMO_PASSWORD)
            status = refusal_status(deployment.url, path, origin=origin,
                                    cookie="sessionid=" + web.cookie("sessionid"))
            # 403 from the consumer; autobahn itself answers 400 to an Origin it cannot parse.
            assert status in (400, 403), (origin, path)
    web = WebClient(deployment.url)
    web.login("alice", DEMO_PASSWORD)
    assert refusal_status(deployment.url, "/chat/session/?session_key=" + web.cookie("sessionid"),
                          origin=deployment.base_url) == 403
    log = deployment.log()
    assert "WebSocket refused on /chat/session/: not_logged_in" in log
    assert "WebSocket refused on /chat/session/: origin_not_allowed" in log
    assert "WebSocket refused on /class/: origin_not_allowed" in log
    assert "WebSocket refused on /chat/session/: %s" % expected(deployment, "session_in_url") in log
    assert web.cookie("sessionid") not in log


def test_class_consumer_echoes_text_and_bytes(deployment):
    with Socket(deployment.url, "/class/") as ws:
        ws.send("class based")
        assert ws.recv() == "class based"
        ws.send_binary(b"\x00\xff")
        assert ws.recv_data() == (OPCODE_BINARY, b"\x00\xff")


def test_live_value_put_is_pushed_to_every_socket(deployment, tokens):
    web = WebClient(deployment.url)
    auth = {"Authorization": "JWT " + tokens["alice"]}
    clients = [Socket(deployment.url_for(number), "/live/?token=" + tokens[name])
               for number, name in enumerate(("alice", "bob"))]
    try:
        value = {"pushed at": time.time()}
        status, body = web.json("PUT", "/api/live/", {"value": value}, auth)
        assert (status, body) == (200, {"value": value})
        for ws in clients:
            assert ws.recv_json() == {"text": value}
        # Any frame is answered with the current value.
        clients[0].send("what is it now?")
        assert clients[0].recv_json() == {"text": value}
        assert web.json("GET", "/api/live/", None, auth)[1] == {"value": value}
    finally:
        for ws in clients:
            ws.close()


def test_live_api_rejects_bad_input_clearly(deployment, tokens):
    web = WebClient(deployment.url)
    auth = {"Authorization": "JWT " + tokens["alice"]}
    assert web.json("PUT", "/api/live/", {"value": 1})[0] == 401
    status, body = web.json("PUT", "/api/live/", b"{oops", auth)
    assert status == 400 and "JSON parse error" in body["detail"]
    assert web.json("PUT", "/api/live/", {"no": "value"}, auth) == (
        400, {"error": "missing_value", "detail": 'Send a JSON object like {"value": 42}.'})
    assert web.json("PUT", "/api/live/", {"value": None}, auth)[1]["error"] == "null_value"


def test_set_live_value_command(deployment, tokens):
    clients = [Socket(deployment.url_for(number), "/live/?token=" + tokens[name])
               for number, name in enumerate(("alice", "bob"))]
    try:
        if not deployment.env["REDIS_URL"]:
            # The in-memory layer and cache live inside the server process.
            try:
                deployment.manage("set_live_value", "5")
            except Exception as failed:
                assert failed.returncode == 1 and b"REDIS_URL" in failed.output
            else:
                raise AssertionError("set_live_value claimed success on a single-process deployment")
            return
        output = deployment.manage("set_live_value", "42")
        assert b"live value set to 42" in output
        for ws in clients:
            assert ws.recv_json() == {"text": 42}
        deployment.manage("set_live_value", "--json", '{"from": "the command"}')
        for ws in clients:
            assert ws.recv_json() == {"text": {"from": "the command"}}
    finally:
        for ws in clients:
            ws.close()


def test_the_demo_page_and_its_files_are_served(deployment):
    web = WebClient(deployment.url)
    status, page = web.request("GET", "/")
    assert status == 200 and "/chat/jwt/" in page and 'data-path="/live/"' in page
    for path in ("/static/demo/demo.js", "/static/demo/demo.css"):
        assert web.request("GET", path)[0] == 200, path
