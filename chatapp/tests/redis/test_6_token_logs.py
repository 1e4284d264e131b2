"""Tokens never reach a log: daphne's own log, its access log, the workers'."""
from __future__ import unicode_literals

import os

from harness import legacy
from harness.sockets import Socket, refusal_status
from harness.web import WebClient


def test_no_token_in_any_log(cluster, tmpdir):
    access_log = os.path.join(str(tmpdir), "access.log")
    # A second, verbose interface server on the cluster's Redis, with an access log.
    verbose = legacy.daphne(tmpdir, cluster.env, name="daphne-verbose",
                            options=["-v", "2", "--access-log", access_log])
    try:
        good = WebClient(verbose.url).token("alice", "channels-demo")
        bad = good[:-3] + "AAA"
        for path in ("/chat/jwt/", "/live/"):
            with Socket(verbose.url, path + "?token=" + good) as ws:
                ws.send("hello")
                ws.recv()
            assert refusal_status(verbose.url, path + "?token=" + bad) == 403
    finally:
        verbose.stop()
    with open(access_log) as handle:
        access = handle.read()
    assert "WSREJECT /chat/jwt/" in access and "WSCONNECT /live/" in access
    worker_logs = "".join(worker.log() for worker in cluster.workers)
    assert "WebSocket refused on /live/: bad_signature" in worker_logs
    for name, text in [("access log", access), ("daphne", verbose.log()), ("workers", worker_logs)]:
        assert good not in text and bad not in text, name
        assert good.split(".")[2] not in text, name
