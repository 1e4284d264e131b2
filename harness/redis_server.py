"""A throw-away ``redis-server``: 127.0.0.1 only, nothing saved to disk."""
from __future__ import absolute_import, unicode_literals

import os

from harness.processes import Process, free_port


class RedisServer(Process):

    def __init__(self, log_dir, port=None, name="redis", password=None):
        port = port or free_port()
        self.password = password
        args = ["redis-server", "--bind", "127.0.0.1", "--port", str(port),
                "--save", "", "--appendonly", "no", "--dir", str(log_dir)]
        if password:
            args += ["--requirepass", password]
        super(RedisServer, self).__init__("%s-%d" % (name, port), args, dict(os.environ), log_dir, port=port)

    def redis_url(self, db=0):
        auth = ":%s@" % self.password if self.password else ""
        return "redis://%s127.0.0.1:%d/%d" % (auth, self.port, db)


def start_redis(log_dir, port=None, name="redis", password=None):
    return RedisServer(log_dir, port=port, name=name, password=password).ready()
