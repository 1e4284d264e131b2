"""The Procfile, run by honcho exactly as README and docs/scale-out.md say,
serves; docker-compose.yml runs the same commands, and its release step
succeeds with DEBUG off."""
from __future__ import unicode_literals

import os
import re
import subprocess
import sys

import pytest

from harness import legacy, load
from harness.processes import ROOT, Process, free_port
from harness.redis_server import start_redis

BIN = os.path.dirname(sys.executable)


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
def production_env(tmpdir):
    """Its own Redis (with a password, as compose), DEBUG off, a migrated database."""
    redis = start_redis(tmpdir, password="procfile-redis-password")
    try:
        env = legacy.server_env(tmpdir, REDIS_URL=redis.redis_url(), DEBUG="0",
                                PATH=BIN + os.pathsep + os.environ["PATH"])
        legacy.manage(["migrate", "--noinput", "-v0"], env)
        yield env
    finally:
        redis.stop()


def test_honcho_runs_the_procfile_as_documented(tmpdir, production_env):
    port = free_port()
    # README: honcho start -p 8000 -c worker=2 (from the checkout, .venv active)
    honcho = Process("honcho", [os.path.join(BIN, "honcho"), "start", "-p", str(port), "-c", "worker=2"],
                     production_env, tmpdir, port=port)
    try:
        honcho.ready("Listening on channels")
        honcho.wait_for_log("Listening on channels", count=2)  # worker.1 and worker.2
        assert load.chat_round(honcho.url, 4) == 4
    finally:
        honcho.stop()
    assert "exited with code" not in honcho.log().split("SIGTERM")[0]


def test_compose_runs_the_procfile_commands_and_its_release_succeeds_with_debug_off(production_env):
    commands = procfile()
    assert compose_command("worker") == commands["worker"]
    # In a container daphne listens on every interface, on the published port.
    assert compose_command("web") == commands["web"].replace("127.0.0.1", "0.0.0.0").replace("${PORT:-8000}", "8000")
    release = re.match(r'sh -c "(.*)"$', compose_command("release")).group(1)
    output = subprocess.check_output(["sh", "-c", release], cwd=ROOT, env=production_env, stderr=subprocess.STDOUT)
    assert b"Skipped the demo users: DEBUG is off" in output
