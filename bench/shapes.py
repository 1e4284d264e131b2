"""The deployment shapes the benchmark starts, each on free 127.0.0.1 ports.

Every shape runs in the production configuration (``DEBUG`` off, workers at
the Procfile's verbosity) and is stopped by PID.  The legacy shapes come in
two configurations: ``fast`` (the default) and ``stock``
(``CHANNELS_STOCK=1``).  ``servers`` are the processes whose idle CPU is
measured (Redis is not one of them: it is the same redis-server for both
stacks).
"""
from __future__ import unicode_literals

import os
import sys

from harness import legacy, port
from harness.processes import free_port, start
from harness.redis_server import start_redis


class Running(object):

    def __init__(self, url, servers, others=()):
        self.url = url
        self.servers = list(servers)
        self.processes = list(others) + self.servers

    def stop(self):
        for process in reversed(self.processes):
            process.stop()


def raw(stack):
    """The raw echo server in ``stack``'s interpreter and packages: on the
    legacy one it is the limit of daphne 1.4; on the port's, it shows how
    much of Channels 4's lead is Python 3.12 and autobahn 26 alone."""
    def begin(tmpdir, envs):
        number = free_port()
        server = start("raw", [interpreters()[stack], "-m", "bench.raw_server", str(number)], envs[stack], tmpdir,
                       port=number)
        return Running(server.url, [server])
    return begin


def runserver(stock):
    def begin(tmpdir, envs):
        server = legacy.runserver(tmpdir, dict(envs["legacy"], CHANNELS_STOCK="1" if stock else ""))
        return Running(server.url, [server])
    return begin


def legacy_redis(workers, stock):
    def begin(tmpdir, envs):
        redis = start_redis(tmpdir)
        servers = []
        try:
            env = dict(envs["legacy"], REDIS_URL=redis.redis_url(), CHANNELS_STOCK="1" if stock else "")
            servers.append(legacy.daphne(tmpdir, env))
            for number in range(workers):
                servers.append(legacy.worker(tmpdir, env, name="worker-%d" % number, verbosity=1))
        except Exception:
            for process in servers + [redis]:
                process.stop()
            raise
        return Running(servers[0].url, servers, [redis])
    return begin


def port_daphne(tmpdir, envs):
    server = port.daphne(tmpdir, envs["port"])
    return Running(server.url, [server])


def port_redis(tmpdir, envs):
    redis = start_redis(tmpdir)
    try:
        server = port.daphne(tmpdir, dict(envs["port"], REDIS_URL=redis.redis_url()))
    except Exception:
        redis.stop()
        raise
    return Running(server.url, [server], [redis])


# (key, label, start): the order of the table.
SHAPES = [
    ("raw", "raw autobahn/Twisted echo (the limit)", raw("legacy")),
    ("raw-port", "raw autobahn/Twisted echo, the port's Python and packages", raw("port")),
    ("port", "Channels 4: daphne 4", port_daphne),
    ("port-redis", "Channels 4: daphne 4 + channels_redis", port_redis),
    ("runserver-stock", "runserver, stock", runserver(stock=True)),
    ("runserver", "runserver, fast", runserver(stock=False)),
    ("redis1-stock", "daphne + 1 runworker + Redis, stock", legacy_redis(1, stock=True)),
    ("redis1", "daphne + 1 runworker + Redis, fast", legacy_redis(1, stock=False)),
    ("redis2-stock", "daphne + 2 runworkers + Redis, stock", legacy_redis(2, stock=True)),
    ("redis2", "daphne + 2 runworkers + Redis, fast", legacy_redis(2, stock=False)),
]


def prepare(tmpdir):
    """One migrated database per stack, shared by its shapes (echo and chat
    never write to it): the servers' environments."""
    envs = {}
    for stack, module in (("legacy", legacy), ("port", port)):
        os.mkdir(os.path.join(tmpdir, stack))
        envs[stack] = module.prepared_env(os.path.join(tmpdir, stack), DEBUG="0")
    return envs


def interpreters():
    return {"legacy": legacy.PYTHON, "port": port.PYTHON, "bench": sys.executable}
