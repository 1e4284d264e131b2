"""Real daphne processes, for what the black-box suite (``blackbox/``) does not start.

The black-box suite runs the port as deployed (``python -m portproj.serve``,
alone and as two daphnes over Redis).  Here: plain ``daphne`` on the same
application, refused with DEBUG off and serving with it on, and a socket
idle past redis-py's read timeout.  Every process is started through
``harness.port`` on 127.0.0.1 and stopped by its PID.
"""
import time

import pytest

from harness import port
from harness.processes import ProcessError
from harness.sockets import Socket, refusal_status
from harness.web import WebClient
from portapp.management.commands.create_demo_users import DEMO_PASSWORD


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return port.prepared_env(tmp_path_factory.mktemp("db"))


def test_plain_daphne_refuses_to_serve_with_debug_off(tmp_path, env):
    with pytest.raises(ProcessError, match="exited with 2 before listening") as refused:
        port.daphne(tmp_path, env, plain=True)
    assert "portproj: plain daphne reads and parses request bodies of any size" in str(refused.value)


def test_plain_daphne_serves_the_same_application_with_debug_on(tmp_path, env):
    process = port.daphne(tmp_path, dict(env, DEBUG="1"), plain=True)
    try:
        assert refusal_status(process.url, "/chat/jwt/") == 403
        assert refusal_status(process.url, "/nope/") == 403
        token = WebClient(process.url).token("alice", DEMO_PASSWORD)
        with Socket(process.url, "/chat/jwt/?token=" + token) as chat:
            chat.send("hi")
            assert chat.recv() == "[alice] hi"
        assert "Traceback" not in process.log()
    finally:
        process.stop()


def test_a_socket_idle_past_redis_read_timeout_still_hears_its_group(tmp_path):
    # redis-py 8 times a read out after 5 s, inside channels_redis's 5 s
    # blocking pop (channels_redis#422): settings.py waits longer.
    cluster = port.Cluster(tmp_path, servers=1)
    try:
        server = cluster.servers[0]
        token = WebClient(server.url).token("alice", DEMO_PASSWORD)
        with Socket(server.url, "/chat/jwt/?token=" + token) as chat:
            time.sleep(6)
            chat.send("still here")
            assert chat.recv() == "[alice] still here"
        assert "Traceback" not in server.log()
    finally:
        cluster.stop()
