"""Bad set-up is reported in one clear line with a non-zero exit, at once."""
from __future__ import unicode_literals

import os
import re
import socket
import subprocess
import sys
import tempfile
import time

import pytest

from harness import legacy
from harness.processes import ROOT, free_port
from harness.redis_server import start_redis
from harness.tokens import encode
from legacyproj.secret_key import DEVELOPMENT_KEY

SERVE = [sys.executable, "-m", "legacyproj.serve", "-b", "127.0.0.1", "-p"]


def run(args, env, timeout=60):
    """Run ``args`` to its end: (exit status, stdout, stderr).  A process
    still running after ``timeout`` seconds is killed and fails the test."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=err)
        deadline = time.time() + timeout
        while process.poll() is None and time.time() < deadline:
            time.sleep(0.05)
        if process.poll() is None:
            process.kill()
            process.wait()
            raise AssertionError("%s still running after %ss" % (args, timeout))
        out.seek(0), err.seek(0)
        return process.returncode, out.read().decode("utf-8"), err.read().decode("utf-8")


def entry_points(port=None):
    port = str(port or free_port())
    return [
        [sys.executable, "manage.py", "runworker"],
        [sys.executable, "manage.py", "runserver", "--noreload", "127.0.0.1:" + port],
        [sys.executable, "manage.py", "migrate"],
        [sys.executable, "manage.py", "set_live_value", "1"],
        SERVE + [port, "legacyproj.asgi:channel_layer"],
        [os.path.join(os.path.dirname(sys.executable), "daphne"), "-p", port, "legacyproj.asgi:channel_layer"],
    ]


@pytest.mark.parametrize("key, why", [
    (None, "missing"),
    (DEVELOPMENT_KEY, "the public development key"),
    ("short-key", "too short (9 characters; at least 50)"),
    ("ab" * 30, "too simple (fewer than 5 distinct characters)"),
])
def test_with_debug_off_nothing_starts_on_a_bad_key(tmpdir, key, why):
    env = legacy.server_env(tmpdir, DEBUG="0")
    if key is None:
        del env["SECRET_KEY"]
    else:
        env["SECRET_KEY"] = key
    line = ("legacyproj: refusing to start with DEBUG off: SECRET_KEY is %s. Generate one with: "
            'python3 -c "import secrets; print(secrets.token_urlsafe(50))"\n' % why)
    for args in entry_points():
        code, out, err = run(args, env)
        assert code == 2, (args, out, err)
        if "daphne" in args[0]:  # plain daphne: on 2.7 its imports warn first, out of our hands
            assert err.endswith(line), err
        else:
            assert err == line, (args, err)
        assert "Traceback" not in out + err


def test_the_forged_superuser_token_attack_fails_at_start_up(tmpdir):
    """The attack of issue #10: a token signed with the public development
    key.  A production server cannot run on that key, so it cannot accept it."""
    env = legacy.server_env(tmpdir, DEBUG="0", SECRET_KEY=DEVELOPMENT_KEY)
    forged = encode({"username": "root", "user_id": 1, "exp": int(time.time()) + 3600}, key=DEVELOPMENT_KEY)
    assert forged
    code, _, err = run(SERVE + [str(free_port()), "legacyproj.asgi:channel_layer"], env)
    assert code == 2 and "the public development key" in err


def test_daphne_refuses_the_in_memory_layer_and_plain_daphne_refuses_production(tmpdir):
    env = legacy.server_env(tmpdir, DEBUG="1")
    code, _, err = run(SERVE + [str(free_port()), "legacyproj.asgi:channel_layer"], env)
    assert code == 2 and err.startswith("legacyproj: daphne cannot serve with the in-memory channel layer"), err
    redis_env = legacy.server_env(tmpdir, DEBUG="0", REDIS_URL="redis://127.0.0.1:1/0")
    code, _, err = run(entry_points()[-1], redis_env)
    assert code == 2 and "unreachable" in err  # Redis is checked first...


def test_unreachable_redis_stops_every_entry_point(tmpdir):
    url = "redis://:hunter2@127.0.0.1:%d/0" % free_port()
    env = legacy.server_env(tmpdir, REDIS_URL=url)
    for args in entry_points():
        code, out, err = run(args, env)
        assert code == 2, (args, out, err)
        if "daphne" in args[0]:  # plain daphne: on 2.7 its imports warn first, out of our hands
            err = err.splitlines(True)[-1]
        assert err.startswith("legacyproj: REDIS_URL is set but Redis at redis://:***@127.0.0.1:")
        assert err.count("\n") == 1, err
        assert "hunter2" not in out + err
        assert "Traceback" not in out + err


def test_a_taken_port_is_one_line_and_a_non_zero_exit(tmpdir):
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen(1)
    port = holder.getsockname()[1]
    redis = start_redis(tmpdir)
    try:
        env = legacy.prepared_env(tmpdir)
        serve_env = dict(env, REDIS_URL=redis.redis_url())
        for args, args_env in (
                ([sys.executable, "manage.py", "runserver", "--noreload", "127.0.0.1:%d" % port], env),
                ([sys.executable, "manage.py", "runserver", "127.0.0.1:%d" % port], env),  # autoreloader
                (SERVE + [str(port), "legacyproj.asgi:channel_layer"], serve_env)):  # the Procfile's web
            code, out, err = run(args, args_env, timeout=30)
            assert code == 2, (args, out, err)
            assert "legacyproj: Couldn't listen on 127.0.0.1:%d" % port in err
            assert "PORT=<port> bin/run" in err
    finally:
        holder.close()
        redis.stop()


def test_run_command_without_python37_says_what_to_do(tmpdir):
    if os.path.exists("/usr/bin/python3.7"):
        pytest.skip("this machine has a system python3.7")
    env = dict(os.environ, PYENV_ROOT=str(tmpdir), PATH="/usr/bin:/bin")
    code, out, err = run(["bash", "bin/run"], env)
    assert code == 1
    assert "Python 3.7 was not found" in out + err
    assert "Dockerfile" in out + err


def test_production_settings_pass_check_deploy(tmpdir):
    """With HTTPS=1 (a TLS proxy in front) nothing is left; without it only
    the warnings that need TLS."""
    env = legacy.server_env(tmpdir, DEBUG="0", HTTPS="1")
    code, out, err = run([sys.executable, "manage.py", "check", "--deploy"], env)
    assert code == 0 and "System check identified no issues" in out + err, out + err
    code, out, err = run([sys.executable, "manage.py", "check", "--deploy"], dict(env, HTTPS="0"))
    warnings = set(re.findall(r"security\.(W\d+)", out + err))
    assert warnings == {"W004", "W008", "W012", "W016"}, out + err
