"""How fast a live-value change reaches open /live/ sockets, on runserver.

    .tox/py37/bin/python -m bench.live_push [--rounds 50] [--clients 2]

Starts a throw-away runserver (in-memory layer, SQLite in a temp dir) on a
free 127.0.0.1 port, connects the clients, then times PUT /api/live/ until
every client has the new value.  Prints one table; stops the server by PID.
"""
from __future__ import print_function, unicode_literals

import argparse
import shutil
import sys
import tempfile
import time

from harness import legacy
from harness.sockets import Socket
from harness.web import WebClient


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--clients", type=int, default=2)
    args = parser.parse_args()

    tmpdir = tempfile.mkdtemp(prefix="live-push-")
    env = legacy.prepared_env(tmpdir)
    server = legacy.runserver(tmpdir, env)
    try:
        web = WebClient(server.url)
        token = web.token("alice", "channels-demo")
        auth = {"Authorization": "JWT " + token}
        clients = [Socket(server.url, "/live/?token=" + token) for _ in range(args.clients)]
        put_done, all_received = [], []
        for round_number in range(args.rounds):
            started = time.time()
            web.json("PUT", "/api/live/", {"value": round_number}, auth)
            put_done.append(time.time() - started)
            for ws in clients:
                assert ws.recv_json() == {"text": round_number}
            all_received.append(time.time() - started)
        for ws in clients:
            ws.close()
    finally:
        server.stop()
        shutil.rmtree(tmpdir, ignore_errors=True)

    print("live push on runserver, %d rounds, %d clients, Python %s"
          % (args.rounds, args.clients, sys.version.split()[0]))
    print("%-34s %9s %9s %9s" % ("measure (ms)", "median", "p90", "max"))
    for label, values in (("PUT /api/live/ answered", put_done),
                          ("every client has the value", all_received)):
        print("%-34s %9.1f %9.1f %9.1f" % (
            label, 1000 * percentile(values, 0.5), 1000 * percentile(values, 0.9), 1000 * max(values)))


if __name__ == "__main__":
    main()
