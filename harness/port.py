"""The Channels 4 port (``port/``) as real processes: daphne, N x daphne over Redis.

``PORT_PYTHON`` (default: the interpreter running the tests) must have
``port/requirements.txt`` installed.  Like ``harness.legacy``: each server
gets its own SQLite database and the harness's signing key.  Scale-out is the
Channels 4 way: several daphne processes on one Redis, no workers.
"""
from __future__ import absolute_import, unicode_literals

import os
import subprocess
import sys

from harness.processes import ROOT, free_port, start
from harness.redis_server import start_redis
from harness.tokens import TEST_SECRET_KEY

PYTHON = os.environ.get("PORT_PYTHON", sys.executable)
PORT_DIR = os.path.join(ROOT, "port")


def server_env(tmpdir, **extra):
    """A port server's environment: its own database, the test key, no Redis, DEBUG off."""
    env = dict((key, value) for key, value in os.environ.items() if not key.startswith("DJANGO_"))
    env.update({
        "DJANGO_SETTINGS_MODULE": "portproj.settings",
        "DATABASE_URL": "sqlite:///" + os.path.join(str(tmpdir), "db.sqlite3"),
        "SECRET_KEY": TEST_SECRET_KEY,
        "DEBUG": "0",
        "PYTHONUNBUFFERED": "1",
        "REDIS_URL": "",
    })
    env.update(extra)
    return env


def manage(args, env, **kwargs):
    """The port's ``manage.py ARGS``; its output, or CalledProcessError with it."""
    return subprocess.check_output([PYTHON, "manage.py"] + list(args), cwd=PORT_DIR, env=env,
                                   stderr=subprocess.STDOUT, **kwargs)


def prepared_env(tmpdir, **extra):
    """``server_env`` with its database migrated and the demo users created."""
    env = server_env(tmpdir, **extra)
    manage(["migrate", "--noinput", "-v0"], env)
    manage(["create_demo_users"], dict(env, DEBUG="1"))
    return env


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
