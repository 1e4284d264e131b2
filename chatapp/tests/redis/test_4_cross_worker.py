"""State that must cross workers: channel sessions, groups, the cached live value.

Each test lets one worker alone handle every connect, then replaces it with a
fresh worker that handles everything after: whatever the second one knows, it
read from Redis or the database.
"""
from __future__ import unicode_literals

import pytest

from harness.legacy import handled
from harness.sockets import Socket
from harness.web import WebClient

PASSWORD = "channels-demo"


@pytest.fixture
def handover(cluster):
    """Yields a function that swaps the only worker for a new one.

    It returns how many connects the first worker handled since the test
    began, and the new worker, which handles everything from now on.
    """
    first = cluster.only(cluster.workers[0])
    earlier = handled(first, "websocket.connect")

    def swap():
        second = cluster.add_worker()
        cluster.only(second)
        return handled(first, "websocket.connect") - earlier, second

    yield swap
    cluster.scale_to(2)


def session_socket(cluster, username):
    web = WebClient(cluster.url)
    assert web.login(username, PASSWORD)
    return Socket(cluster.url, "/chat/session/", cookie="sessionid=" + web.cookie("sessionid"),
                  origin="http://" + cluster.url)


def test_live_push_from_put_on_one_worker_reaches_sockets_connected_on_another(cluster, handover):
    web = WebClient(cluster.url)
    token = web.token("bob", PASSWORD)
    clients = [Socket(cluster.url, "/live/?token=" + token) for _ in range(3)]
    try:
        connects_on_first, second = handover()
        status, body = web.json("PUT", "/api/live/", {"value": {"n": 1}}, {"Authorization": "JWT " + token})
        assert status == 200, body
        for ws in clients:
            assert ws.recv_json() == {"text": {"n": 1}}
        clients[0].send("value?")
        assert clients[0].recv_json() == {"text": {"n": 1}}
        assert connects_on_first == 3
        assert handled(second, "http.request") > 0
        assert handled(second, "websocket.connect") == 0
    finally:
        for ws in clients:
            ws.close()


def test_jwt_and_session_users_connect_on_one_worker_and_talk_on_another(cluster, handover):
    web = WebClient(cluster.url)
    jwt_alice = Socket(cluster.url, "/chat/jwt/?token=" + web.token("alice", PASSWORD))
    jwt_bob = Socket(cluster.url, "/chat/jwt/?token=" + web.token("bob", PASSWORD))
    alice, adam = session_socket(cluster, "alice"), session_socket(cluster, "adam")
    try:
        connects_on_first, second = handover()
        jwt_bob.send("hi alice")
        assert jwt_alice.recv() == jwt_bob.recv() == "[bob] hi alice"
        adam.send("for the a-people")
        assert alice.recv() == adam.recv() == "for the a-people"
        assert connects_on_first == 4
        assert handled(second, "websocket.receive") == 2
        assert handled(second, "websocket.connect") == 0
    finally:
        for ws in (jwt_alice, jwt_bob, alice, adam):
            ws.close()
