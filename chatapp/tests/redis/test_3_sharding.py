"""asgi_redis sharding: REDIS_URL with two hosts, both in use."""
from __future__ import unicode_literals

import pytest
import redis

from harness import load
from harness.legacy import Cluster
from harness.sockets import Socket
from harness.web import WebClient


@pytest.fixture(scope="module")
def sharded(tmpdir_factory):
    running = Cluster(tmpdir_factory.mktemp("sharded"), redis_count=2, workers=2)
    yield running
    running.stop()


def commands_processed(server):
    return redis.StrictRedis(host="127.0.0.1", port=server.port).info()["total_commands_processed"]


def test_chat_over_two_redis_hosts(sharded):
    before = [commands_processed(server) for server in sharded.redis]
    assert load.chat_round(sharded.url, 12) == 12
    after = [commands_processed(server) for server in sharded.redis]
    # Both hosts carry the chat: sends go to the hosts in turn.  (A blocking
    # worker costs a host a command every few seconds, so more than that.)
    assert all(a - b > 10 for a, b in zip(after, before)), (before, after)


def test_live_push_over_two_redis_hosts(sharded):
    web = WebClient(sharded.url)
    token = web.token("alice", "channels-demo")
    clients = [Socket(sharded.url, "/live/?token=" + token) for _ in range(3)]
    try:
        status, body = web.json("PUT", "/api/live/", {"value": "sharded"},
                                {"Authorization": "JWT " + token})
        assert status == 200, body
        for ws in clients:
            assert ws.recv_json() == {"text": "sharded"}
    finally:
        load.close(clients)
