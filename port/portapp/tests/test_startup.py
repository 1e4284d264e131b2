"""Every entry point stops at once, with one line and exit code 2, when it must not start."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from harness.processes import free_port
from harness.tokens import TEST_SECRET_KEY
from portproj.secret_key import DEVELOPMENT_KEY

PORT_DIR = Path(__file__).resolve().parents[2]


def run(args, **env):
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("SECRET_KEY", "DEBUG", "REDIS_URL", "HTTPS", "DJANGO_SETTINGS_MODULE")}
    environment.update(env)
    return subprocess.run([sys.executable, *args], cwd=PORT_DIR, env=environment, capture_output=True,
                          text=True, timeout=60)


ENTRY_POINTS = [["manage.py", "check"], ["-c", "import portproj.asgi"]]


@pytest.mark.parametrize("key, problem", [
    (None, "missing"),
    (DEVELOPMENT_KEY, "the public development key"),
    ("k" * 10 + "abcd", "too short (14 characters; at least 50)"),
    ("abab" * 20, "too simple (fewer than 5 distinct characters)"),
])
def test_debug_off_refuses_a_weak_secret_key(key, problem):
    env = {"SECRET_KEY": key} if key else {}
    for entry_point in ENTRY_POINTS:
        result = run(entry_point, **env)
        assert result.returncode == 2, result
        assert result.stderr.splitlines() == [
            f"portproj: refusing to start with DEBUG off: SECRET_KEY is {problem}. "
            'Generate one with: python3 -c "import secrets; print(secrets.token_urlsafe(50))"']


def test_debug_on_takes_the_development_key():
    assert run(["manage.py", "check"], DEBUG="1").returncode == 0


def test_unreachable_redis_is_one_line_with_the_password_masked():
    url = f"redis://:hunter2@127.0.0.1:{free_port()}/0"
    for entry_point in ENTRY_POINTS:
        result = run(entry_point, SECRET_KEY=TEST_SECRET_KEY, REDIS_URL=url)
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert "REDIS_URL is set but Redis at redis://:***@127.0.0.1:" in result.stderr
        assert "hunter2" not in result.stderr


def test_deploy_check_is_clean_with_https_and_only_tls_warnings_without():
    result = run(["manage.py", "check", "--deploy"], SECRET_KEY=TEST_SECRET_KEY, HTTPS="1")
    assert result.returncode == 0 and "no issues" in result.stdout, result
    result = run(["manage.py", "check", "--deploy"], SECRET_KEY=TEST_SECRET_KEY)
    warnings = set(re.findall(r"\((security\.W\d+)\)", result.stderr))
    assert "4 issues" in result.stderr
    assert warnings == {"security.W004", "security.W008", "security.W012", "security.W016"}, result.stderr


def test_set_live_value_refuses_without_redis():
    result = run(["manage.py", "set_live_value", "5"], SECRET_KEY=TEST_SECRET_KEY)
    assert result.returncode == 1
    assert "REDIS_URL" in result.stderr


def test_demo_users_need_debug():
    result = run(["manage.py", "create_demo_users"], SECRET_KEY=TEST_SECRET_KEY)
    assert result.returncode == 1 and "DEBUG" in result.stderr
