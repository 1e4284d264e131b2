"""Start and stop the real servers the integration tests talk to.

Every process is started here with its own free 127.0.0.1 port and stopped by
its PID when the fixture ends.
"""
from __future__ import unicode_literals

import os
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def wait_for_port(port, process, timeout=30.0):
    """Wait until ``process`` (a Process) listens on ``port``."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.popen.poll() is not None:
            raise RuntimeError("process %s exited with %s before listening on %s:\n%s"
                               % (process.pid, process.popen.returncode, port, process.log()[-3000:]))
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except (OSError, socket.error):
            time.sleep(0.1)
    raise RuntimeError("nothing listened on 127.0.0.1:%s within %ss" % (port, timeout))


class Process(object):
    """A child process whose output goes to a log file we can read back."""

    def __init__(self, args, env, log_path):
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.popen = subprocess.Popen(args, cwd=ROOT, env=env, stdout=self._log,
                                      stderr=subprocess.STDOUT)
        self.pid = self.popen.pid

    def log(self):
        with open(self.log_path, "rb") as handle:
            return handle.read().decode("utf-8", "replace")

    def stop(self):
        if self.popen.poll() is None:
            self.popen.terminate()
            deadline = time.time() + 10
            while self.popen.poll() is None and time.time() < deadline:
                time.sleep(0.05)
            if self.popen.poll() is None:
                self.popen.kill()
                self.popen.wait()
        self._log.close()


def manage(args, env, **kwargs):
    return subprocess.check_output([sys.executable, "manage.py"] + args, cwd=ROOT, env=env,
                                   stderr=subprocess.STDOUT, **kwargs)


def server_env(tmpdir, **extra):
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "legacyproj.settings",
        "DATABASE_URL": "sqlite:///" + os.path.join(str(tmpdir), "db.sqlite3"),
        "DEBUG": "1",
        "PYTHONUNBUFFERED": "1",
        "REDIS_URL": "",
    })
    env.update(extra)
    return env


def prepared_env(tmpdir, **extra):
    """``server_env`` with its database migrated and the demo users created."""
    env = server_env(tmpdir, **extra)
    manage(["migrate", "--noinput", "-v0"], env)
    manage(["create_demo_users"], env)
    return env


def wait_for_log(process, text, timeout=30.0):
    """Wait until ``text`` appears in the output of ``process`` (a Process)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if text in process.log():
            return
        if process.popen.poll() is not None:
            raise RuntimeError("process %s exited with %s before logging %r:\n%s"
                               % (process.pid, process.popen.returncode, text, process.log()[-3000:]))
        time.sleep(0.1)
    raise RuntimeError("process %s did not log %r within %ss" % (process.pid, text, timeout))


def start_listening(args, env, log_path, port):
    """Start a server on ``port`` and return it once it accepts connections."""
    process = Process(args, env, log_path)
    try:
        wait_for_port(port, process)
    except Exception:
        process.stop()
        raise
    process.port = port
    process.url = "127.0.0.1:%d" % port
    return process


def start_runserver(tmpdir, env):
    """runserver without the autoreloader: one process, so one PID to stop."""
    port = free_port()
    return start_listening([sys.executable, "manage.py", "runserver", "--noreload", "127.0.0.1:%d" % port],
                           env, os.path.join(str(tmpdir), "runserver.log"), port)


def start_redis(tmpdir, port=None, name="redis"):
    """A throw-away redis-server: 127.0.0.1 only, nothing saved to disk."""
    port = port or free_port()
    return start_listening(["redis-server", "--bind", "127.0.0.1", "--port", str(port),
                            "--save", "", "--appendonly", "no", "--dir", str(tmpdir)],
                           dict(os.environ), os.path.join(str(tmpdir), "%s-%d.log" % (name, port)), port)


def start_daphne(tmpdir, env, name="daphne"):
    port = free_port()
    daphne = os.path.join(os.path.dirname(sys.executable), "daphne")
    return start_listening([daphne, "-b", "127.0.0.1", "-p", str(port), "legacyproj.asgi:channel_layer"],
                           env, os.path.join(str(tmpdir), "%s.log" % name), port)


def start_worker(tmpdir, env, name="worker"):
    """The project's ``runworker``, verbose: its log names every message it handles."""
    process = Process([sys.executable, "manage.py", "runworker", "-v", "2"], env,
                      os.path.join(str(tmpdir), "%s.log" % name))
    try:
        wait_for_log(process, "Listening on channels")
    except Exception:
        process.stop()
        raise
    return process
