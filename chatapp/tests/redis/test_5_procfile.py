"""The Procfile's processes, run as written, serve; docker-compose.yml runs the same."""
from __future__ import unicode_literals

import os
import re
import subprocess
import sys

import pytest

from harness import legacy, load
from harness.processes import ROOT, Process, free_port, start
from harness.redis_server import start_redis


def read(name):
    with open(os.path.join(ROOT, name)) as handle:
        return handle.read()


def procfile():
    commands = {}
    for line in read("Procfile").splitlines():
        if line.strip() and not line.startswith("#"):
            name, command = line.split(":", 1)
            commands[name] = command.strip()
    return commands


def compose_command(service):
    match = re.search(r"^  %s:\n(?:    .*\n|\n)*?    command: (.*)$" % service, read("docker-compose.yml"), re.M)
    return match.group(1)


@pytest.fixture
def procfile_processes(tmpdir):
    """Its own Redis, so that the shared cluster's workers cannot stand in."""
    redis = start_redis(tmpdir)
    started = [redis]
    try:
        port = free_port()
        env = legacy.server_env(tmpdir, REDIS_URL=redis.redis_url(), PORT=str(port),
                                PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
        commands = procfile()
        subprocess.check_call(["sh", "-c", commands["release"]], cwd=ROOT, env=env)
        started.append(start("web", ["sh", "-c", "exec " + commands["web"]], env, tmpdir, port=port))
        worker = Process("worker", ["sh", "-c", "exec " + commands["worker"]], env, tmpdir)
        started.append(worker)
        worker.ready("Listening on channels")
        yield started[1]
    finally:
        for process in reversed(started):
            process.stop()


def test_procfile_web_and_worker_serve_chat(procfile_processes):
    assert load.chat_round(procfile_processes.url, 3) == 3


def test_compose_runs_the_procfile_commands():
    commands = procfile()
    assert compose_command("worker") == commands["worker"]
    # In a container daphne listens on every interface, on the published port.
    assert compose_command("web") == commands["web"].replace("127.0.0.1", "0.0.0.0").replace("${PORT:-8000}", "8000")
    assert commands["release"] in compose_command("release")
