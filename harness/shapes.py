"""Deployment shapes by name: what the black-box suite starts and talks to.

``start(name, tmpdir, **env)`` returns a :class:`Deployment` serving on a free
127.0.0.1 port, in the production shape (``DEBUG`` off, the harness's key),
with the demo users created.  ``env`` adds settings (``WS_AUTH_EXPLAIN_FAILURES``,
limits, rates).  The suite only speaks HTTP and WebSocket to it, reads its
logs, and changes users through its ``manage.py``.
"""
from __future__ import absolute_import, unicode_literals

import os
import re
import time

from harness import legacy, port

SHAPES = ("legacy-runserver", "legacy-redis", "port-daphne", "port-redis")

# What the suite's own traffic needs: many logins a minute from one address.
# The throttle tests start a deployment with the real defaults.
SUITE_ENV = {"AUTH_RATE_PER_ADDRESS": "10000/min", "AUTH_RATE_PER_USERNAME": "10000/min"}

# The Redis shapes run with a password, as compose does: no answer may show it.
REDIS_PASSWORD = "harness-redis-password-5e1f"


class Deployment(object):
    """One running deployment: its processes, address and environment."""

    def __init__(self, name, stack, processes, fronts, env, manage, stop=None):
        self.name = name
        self.stack = stack  # "legacy" (Channels 1.x) or "port" (Channels 4)
        self.processes = processes
        # The processes clients connect to: one, or every daphne of the port's
        # scale-out, where clients spread over them (url_for) so that groups
        # must cross processes.
        self.fronts = fronts
        self.front = fronts[0]
        self.env = env
        self._manage = manage
        self._stop = stop

    @property
    def url(self):
        return self.front.url

    @property
    def base_url(self):
        return self.front.base_url

    def url_for(self, client_number):
        """The address client number ``client_number`` connects to."""
        return self.fronts[client_number % len(self.fronts)].url

    def log(self):
        return "".join(process.log() for process in self.processes)

    def wait_for_log_count(self, text, count, timeout=5.0):
        """Whether ``text`` occurs ``count`` times in the logs within ``timeout``
        (the process that logs it may be another than the one answering)."""
        deadline = time.time() + timeout
        while self.log().count(text) < count:
            if time.time() > deadline:
                return False
            time.sleep(0.02)
        return True

    def secrets(self):
        """What no answer may ever show: the signing key, Redis passwords."""
        return [self.env["SECRET_KEY"]] + re.findall(r"//[^:/@]*:([^@/]+)@", self.env.get("REDIS_URL", ""))

    def pids(self):
        return dict((process.name, process.pid) for process in self.processes)

    def manage(self, *args):
        return self._manage(list(args), self.env)

    def shell(self, code):
        """Run Python in ``manage.py shell`` of this deployment's stack."""
        return self.manage("shell", "-c", code)

    def stop(self):
        if self._stop is not None:
            self._stop()
        else:
            for process in reversed(self.processes):
                process.stop()


def start(name, tmpdir, **env):
    env = dict(SUITE_ENV, **env)
    debug = env.pop("DEBUG", "0")
    if name == "legacy-runserver":
        server_env = legacy.prepared_env(tmpdir, DEBUG=debug, **env)
        server = legacy.runserver(tmpdir, server_env)
        return Deployment(name, "legacy", [server], [server], server_env, legacy.manage)
    if name == "legacy-redis":
        cluster = legacy.Cluster(tmpdir, env=env, run_env={"DEBUG": debug}, redis_password=REDIS_PASSWORD)
        return Deployment(name, "legacy", cluster.redis + [cluster.daphne] + cluster.workers, [cluster.daphne],
                          cluster.env, legacy.manage, stop=cluster.stop)
    if name == "port-daphne":
        server_env = port.prepared_env(tmpdir, DEBUG=debug, **env)
        server = port.daphne(tmpdir, server_env)
        return Deployment(name, "port", [server], [server], server_env, port.manage)
    if name == "port-redis":
        cluster = port.Cluster(tmpdir, env=dict(env, DEBUG=debug), redis_password=REDIS_PASSWORD)
        return Deployment(name, "port", [cluster.redis] + cluster.servers, cluster.servers, cluster.env,
                          port.manage, stop=cluster.stop)
    raise ValueError("unknown deployment shape %r (known: %s)" % (name, ", ".join(SHAPES)))


def rss_mib(pid):
    """Resident memory of a process, in MiB (Linux)."""
    with open("/proc/%d/status" % pid) as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def cpu_seconds(pid):
    """User + system CPU time a process has used so far (Linux)."""
    with open("/proc/%d/stat" % pid) as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / float(os.sysconf(os.sysconf_names["SC_CLK_TCK"]))
