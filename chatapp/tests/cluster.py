"""The Redis deployment shape, for real: redis-server(s), daphne, N x runworker.

Used by the redis tests and by bench/broadcast_loss.py.  Every process is
started with its own free 127.0.0.1 port and stopped by its PID in ``stop()``.
"""
from __future__ import unicode_literals

import os
import signal
import time

from chatapp.tests import servers


class Cluster(object):

    def __init__(self, tmpdir, redis_count=1, workers=2, settings_module=None, env=None, run_env=None):
        """``env`` is added to every process's environment; ``run_env`` only to
        daphne's and the workers', after migrate and create_demo_users (which
        needs DEBUG on), e.g. ``{"DEBUG": "0"}``."""
        self.tmpdir = tmpdir
        self.redis, self.workers, self.daphne = [], [], None
        self._names = 0
        try:
            self.redis = [servers.start_redis(tmpdir, name=self._name("redis")) for _ in range(redis_count)]
            extra = dict(env or {}, REDIS_URL=",".join("redis://127.0.0.1:%d/0" % r.port for r in self.redis))
            if settings_module:
                extra["DJANGO_SETTINGS_MODULE"] = settings_module
            self.env = servers.prepared_env(tmpdir, **extra)
            self.env.update(run_env or {})
            self.daphne = servers.start_daphne(tmpdir, self.env, name=self._name("daphne"))
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
        worker = servers.start_worker(self.tmpdir, self.env, name=self._name("worker"))
        self.workers.append(worker)
        return worker

    def stop_worker(self, worker):
        worker.stop()
        self.workers.remove(worker)

    def kill_worker(self, worker):
        """``kill -9``: no clean-up, whatever the worker held is gone."""
        os.kill(worker.pid, signal.SIGKILL)
        worker.popen.wait()
        self.stop_worker(worker)

    def only(self, worker):
        """Stop every worker but ``worker``, so that it handles every message."""
        for other in [w for w in self.workers if w is not worker]:
            self.stop_worker(other)
        return worker

    def scale_to(self, count):
        while len(self.workers) < count:
            self.add_worker()

    def restart_redis(self, index=0, downtime=1.0):
        """Stop one redis-server and start an empty one on the same port."""
        old = self.redis[index]
        old.stop()
        time.sleep(downtime)
        self.redis[index] = servers.start_redis(self.tmpdir, port=old.port, name=self._name("redis"))
        return self.redis[index]

    def stop(self):
        for process in self.workers + [self.daphne] + self.redis:
            if process is not None:
                process.stop()


def handled(worker, channel):
    """How many messages on ``channel`` the (verbose) worker has dispatched."""
    return worker.log().count("Got message on %s " % channel)
