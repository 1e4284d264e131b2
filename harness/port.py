"""The Channels 4 port (``port/``) as real processes: daphne, N x daphne over Redis.

``PORT_PYTHON`` (default: the interpreter running the tests) must have
``port/requirements.txt`` installed.  Like ``harness.legacy``: each server
gets its own SQLite database and the harness's signing key.  Scale-out is the
Channels 4 way: several daphne processes on one Redis, no workers.
"""
from __future__ import absolute_import, unicode_literals

import os
import sys

from harness.processes import ROOT, free_port, start
from harness.redis_server import start_redis
from harness.stack import Stack

PYTHON = os.environ.get("PORT_PYTHON", sys.executable)
PORT_DIR = os.path.join(ROOT, "port")

STACK = Stack(PYTHON, PORT_DIR, "portproj.settings", debug="0")
server_env = STACK.server_env
manage = STACK.manage
prepared_env = STACK.prepared_env


def daphne(tmpdir, env, name="daphne", plain=False):
    """``python -m portproj.serve`` (daphne with the port's limits), or plain daphne."""
    port = free_port()
    program = [os.path.join(os.path.dirname(PYTHON), "daphne")] if plain else [PYTHON, "-m", "portproj.serve"]
    return start(name, program + ["-b", "127.0.0.1", "-p", str(port), "portproj.asgi:application"],
                 env, tmpdir, port=port, cwd=PORT_DIR)


class Cluster(object):
    """redis-server and N x daphne, each a whole server: the port's scale-out."""

    def __init__(self, tmpdir, servers=2, env=None, redis_password=None):
        self.redis, self.servers = None, []
        try:
            self.redis = start_redis(tmpdir, password=redis_password)
            self.env = prepared_env(tmpdir, REDIS_URL=self.redis.redis_url(), **(env or {}))
            self.servers = [daphne(tmpdir, self.env, name="daphne-%d" % number) for number in range(1, servers + 1)]
        except Exception:
            self.stop()
            raise

    def stop(self):
        for process in self.servers + [self.redis]:
            if process is not None:
                process.stop()
