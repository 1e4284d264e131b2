"""Child processes with a log file, a port, and a PID to stop them by.

Every server listens on 127.0.0.1 on a free port chosen here, and every
process is stopped by its PID (``Process.stop``), whatever the test's outcome.
"""
from __future__ import absolute_import, unicode_literals

import os
import signal
import socket
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


class ProcessError(RuntimeError):
    pass


class Process(object):
    """One child process: its command, environment, log file and port.

    With ``group=True`` it leads a process group of its own (a shell script
    and everything it starts in the background), and ``stop`` signals the
    whole group, by that same ID.
    """

    def __init__(self, name, args, env, log_dir, port=None, cwd=ROOT, group=False):
        self.name = name
        self.args = list(args)
        self.env = dict(env)
        self.cwd = cwd
        self.port = port
        self.group = group
        self.log_path = os.path.join(str(log_dir), "%s.log" % name)
        self._log = open(self.log_path, "ab")
        self.popen = subprocess.Popen(self.args, cwd=cwd, env=self.env, stdout=self._log,
                                      stderr=subprocess.STDOUT, preexec_fn=os.setsid if group else None)
        self.pid = self.popen.pid

    @property
    def url(self):
        """``127.0.0.1:<port>``, what the clients in this package take."""
        return "127.0.0.1:%d" % self.port

    @property
    def base_url(self):
        return "http://" + self.url

    def running(self):
        return self.popen.poll() is None

    def log(self):
        with open(self.log_path, "rb") as handle:
            return handle.read().decode("utf-8", "replace")

    def _died(self, waiting_for):
        return ProcessError("%s (pid %s) exited with %s before %s:\n%s" % (
            self.name, self.pid, self.popen.returncode, waiting_for, self.log()[-3000:]))

    def wait_for_port(self, timeout=30.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if not self.running():
                raise self._died("listening on %s" % self.url)
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except (OSError, socket.error):
                time.sleep(0.05)
        raise ProcessError("%s: nothing listened on %s within %ss" % (self.name, self.url, timeout))

    def wait_for_log(self, text, timeout=30.0, count=1):
        """Until ``text`` is in the log ``count`` times (several workers, say)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.log().count(text) >= count:
                return self
            if not self.running():
                raise self._died("logging %r" % text)
            time.sleep(0.05)
        raise ProcessError("%s did not log %r within %ss" % (self.name, text, timeout))

    def ready(self, log_text=None, timeout=30.0):
        """Wait until the process listens on its port (if it has one) and has
        logged ``log_text`` (if given); if it never gets there, stop it and
        raise with the end of its log."""
        try:
            if self.port is not None:
                self.wait_for_port(timeout)
            if log_text is not None:
                self.wait_for_log(log_text, timeout)
        except Exception:
            self.stop()
            raise
        return self

    def wait(self, timeout=30.0):
        """The exit status, once the process has ended by itself."""
        deadline = time.time() + timeout
        while self.running() and time.time() < deadline:
            time.sleep(0.05)
        if self.running():
            raise ProcessError("%s still running after %ss" % (self.name, timeout))
        return self.popen.returncode

    def signal(self, number):
        try:
            if self.group:
                os.killpg(self.pid, number)
            else:
                os.kill(self.pid, number)
        except OSError:
            pass  # gone already

    def stop(self, timeout=10.0):
        """SIGTERM, then SIGKILL after ``timeout`` seconds; always by PID
        (the process, or its whole group)."""
        if self.running() or self.group:
            self.signal(signal.SIGTERM)
            deadline = time.time() + timeout
            while self.running() and time.time() < deadline:
                time.sleep(0.05)
            if self.group or self.running():  # a group: whatever of it is left
                self.signal(signal.SIGKILL)
        self.popen.wait()
        self._log.close()

    def kill(self):
        """SIGKILL at once: no clean-up, whatever the process held is gone."""
        if self.running():
            self.signal(signal.SIGKILL)
        self.stop()


def start(name, args, env, log_dir, port=None, ready_log=None, timeout=30.0, cwd=ROOT):
    """Start a process and return it once it is ready (see ``Process.ready``)."""
    return Process(name, args, env, log_dir, port=port, cwd=cwd).ready(ready_log, timeout)
