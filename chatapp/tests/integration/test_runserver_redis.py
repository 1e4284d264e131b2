"""runserver on the Redis layer: a separate process can change the live value.

Under the in-memory default ``set_live_value`` must refuse (tested in
test_runserver_examples); with ``REDIS_URL`` the command, runserver's workers
and the cache share one Redis, so the push reaches every open /live/ socket.
"""
from __future__ import unicode_literals

import time

import pytest

from harness import legacy
from harness.redis_server import start_redis
from harness.sockets import Socket
from harness.web import WebClient


@pytest.fixture(scope="module")
def redis_runserver(tmpdir_factory):
    tmpdir = tmpdir_factory.mktemp("redis-runserver")
    redis = start_redis(tmpdir)
    try:
        env = legacy.prepared_env(tmpdir, REDIS_URL=redis.redis_url())
        server = legacy.runserver(tmpdir, env)
        yield server
        server.stop()
    finally:
        redis.stop()


def test_set_live_value_command_pushes_to_two_clients(redis_runserver):
    web = WebClient(redis_runserver.url)
    clients = [Socket(redis_runserver.url, "/live/?token=" + web.token(name, "channels-demo"))
               for name in ("alice", "bob")]
    try:
        output = legacy.manage(["set_live_value", "--json", '{"from": "the command"}'], redis_runserver.env)
        done = time.time()
        assert b'live value set to {"from": "the command"}' in output
        for ws in clients:
            assert ws.recv_json() == {"text": {"from": "the command"}}
        late = time.time() - done
        assert late < 0.1, "clients got the push %.3fs after the command finished" % late
        clients[1].send("and now?")
        assert clients[1].recv_json() == {"text": {"from": "the command"}}
    finally:
        for ws in clients:
            ws.close()
