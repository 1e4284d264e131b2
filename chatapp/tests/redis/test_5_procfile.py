"""The Procfile's processes, run as written, serve; docker-compose.yml runs the same."""
from __future__ import unicode_literals

import os
import re
import subprocess
import sys

import pytest

from chatapp.tests import load, servers


def read(name):
    with open(os.path.join(servers.ROOT, name)) as handle:
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
    redis = servers.start_redis(str(tmpdir))
    started = [redis]
    try:
        port = servers.free_port()
        env = servers.server_env(tmpdir, REDIS_URL="redis://127.0.0.1:%d/0" % redis.port, PORT=str(port),
                                 PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
        commands = procfile()
        subprocess.check_call(["sh", "-c", commands["release"]], cwd=servers.ROOT, env=env)
        started.append(servers.start_listening(["sh", "-c", "exec " + commands["web"]], env,
                                               str(tmpdir.join("web.log")), port))
        worker = servers.Process(["sh", "-c", "exec " + commands["worker"]], env, str(tmpdir.join("worker.log")))
        started.append(worker)
        servers.wait_for_log(worker, "Listening on channels")
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
