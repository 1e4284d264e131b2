"""The Channels 1.x stack as real processes: runserver, daphne, runworker.

``LEGACY_PYTHON`` (default: the interpreter running the tests) must have
``requirements.txt`` installed.  Each server gets its own SQLite database in
the test's directory and the harness's signing key, so the tokens the
harness mints are the ones the server checks.
"""
from __future__ import absolute_import, unicode_literals

import os
import sys
import time

from harness.processes import ROOT, free_port, start
from harness.redis_server import start_redis
from harness.stack import Stack

PYTHON = os.environ.get("LEGACY_PYTHON", sys.executable)
DEMO_PASSWORD = "channels-demo"

STACK = Stack(PYTHON, ROOT, "legacyproj.settings", debug="1")
server_env = STACK.server_env
manage = STACK.manage
prepared_env = STACK.prepared_env


def runserver(tmpdir, env, name="runserver"):
    """runserver without the autoreloader: one process, so one PID to stop."""
    port = free_port()
    return start(name, [PYTHON, "manage.py", "runserver", "--noreload", "127.0.0.1:%d" % port],
                 env, tmpdir, port=port)


def daphne(tmpdir, env, name="daphne", options=()):
    """daphne with legacyproj's Server (``python -m legacyproj.serve``), as the Procfile runs it."""
    port = free_port()
    return start(name, [PYTHON, "-m", "legacyproj.serve"] + list(options) +
                 ["-b", "127.0.0.1", "-p", str(port), "legacyproj.asgi:channel_layer"],
                 env, tmpdir, port=port)


def worker(tmpdir, env, name="worker", verbosity=2):
    """The project's ``runworker``, verbose by default: its log names every
    message it handles (``handled``).  ``verbosity=1`` is the Procfile's."""
    return start(name, [PYTHON, "manage.py", "runworker", "-v", str(verbosity)], env, tmpdir,
                 ready_log="Listening on channels")


def handled(worker_process, channel):
    """How many messages on ``channel`` the (verbose) worker has dispatched."""
    return worker_process.log().count("Got message on %s " % channel)


class Cluster(object):
    """redis-server(s), daphne and N x runworker: the Redis deployment shape.

    ``env`` goes to every process; ``run_env`` only to daphne's and the
    workers', after migrate and the demo users, e.g. ``{"DEBUG": "0"}``.
    """

    def __init__(self, tmpdir, redis_count=1, workers=2, settings_module=None, env=None, run_env=None,
                 redis_password=None):
        self.tmpdir = tmpdir
        self.redis, self.workers, self.daphne = [], [], None
        self._names = 0
        try:
            self.redis_password = redis_password
            self.redis = [start_redis(tmpdir, name=self._name("redis"), password=redis_password)
                          for _ in range(redis_count)]
            extra = dict(env or {}, REDIS_URL=",".join(r.redis_url() for r in self.redis))
            if settings_module:
                extra["DJANGO_SETTINGS_MODULE"] = settings_module
            self.env = prepared_env(tmpdir, **extra)
            self.env.update(run_env or {})
            self.daphne = daphne(tmpdir, self.env, name=self._name("daphne"))
            for _ in range(workers):
                self.add_worker()
        except Exception:
            self.stop()
            raise

    def _name(self, kind):
        self._names += 1
        return "%s-%d" % (kind, self._names)

    @property
    def url(self):
        return self.daphne.url

    def add_worker(self):
        process = worker(self.tmpdir, self.env, name=self._name("worker"))
        self.workers.append(process)
        return process

    def stop_worker(self, process):
        process.stop()
        self.workers.remove(process)

    def kill_worker(self, process):
        """``kill -9``: no clean-up, whatever the worker held is gone."""
        process.kill()
        self.workers.remove(process)

    def only(self, process):
        """Stop every worker but ``process``, so that it handles every message."""
        for other in [w for w in self.workers if w is not process]:
            self.stop_worker(other)
        return process

    def scale_to(self, count):
        while len(self.workers) < count:
            self.add_worker()

    def restart_redis(self, index=0, downtime=1.0):
        """Stop one redis-server and start an empty one on the same port."""
        old = self.redis[index]
        old.stop()
        time.sleep(downtime)
        self.redis[index] = start_redis(self.tmpdir, port=old.port, name=self._name("redis"),
                                        password=self.redis_password)
        return self.redis[index]

    def stop(self):
        for process in self.workers + [self.daphne] + self.redis:
            if process is not None:
                process.stop()
