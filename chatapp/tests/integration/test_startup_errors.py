"""Bad set-up is reported in one clear line with a non-zero exit."""
from __future__ import unicode_literals

import os
import subprocess
import sys

import pytest

from harness import legacy
from harness.processes import ROOT, free_port


def run(args, env):
    process = subprocess.Popen(args, cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.communicate()
    return process.returncode, out.decode("utf-8") + err.decode("utf-8")


def test_unreachable_redis_stops_every_entry_point(tmpdir):
    url = "redis://:hunter2@127.0.0.1:%d/0" % free_port()
    env = legacy.server_env(tmpdir, REDIS_URL=url)
    for args in ([sys.executable, "manage.py", "runworker"],
                 [sys.executable, "-c", "import legacyproj.asgi"]):
        code, output = run(args, env)
        assert code == 2, output
        assert "REDIS_URL is set but Redis at redis://:***@127.0.0.1:" in output
        assert "hunter2" not in output
        assert "Traceback" not in output


def test_run_command_without_python37_says_what_to_do(tmpdir):
    if os.path.exists("/usr/bin/python3.7"):
        pytest.skip("this machine has a system python3.7")
    env = dict(os.environ, PYENV_ROOT=str(tmpdir), PATH="/usr/bin:/bin")
    code, output = run(["bash", "bin/run"], env)
    assert code == 1
    assert "Python 3.7 was not found" in output
    assert "Dockerfile" in output
