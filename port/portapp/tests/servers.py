"""The port as real processes: its environment, its database, ``python -m portproj.serve`` or plain daphne.

Shared by ``test_real_daphne.py`` and ``bench/latency.py``; every process is
started on 127.0.0.1 through ``harness.processes`` and stopped by its PID.
"""
import os
import subprocess
import sys
from pathlib import Path

from harness.processes import free_port, start
from harness.tokens import TEST_SECRET_KEY
from harness.web import WebClient

PORT_DIR = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PASSWORD = "channels-demo"


def server_env(tmp_path, **extra):
    """Production shape: DEBUG off, the harness's key, its own database."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "WS_", "HTTP"))}
    env.update(SECRET_KEY=TEST_SECRET_KEY, DEBUG="0", REDIS_URL="", PYTHONUNBUFFERED="1",
               DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3", DJANGO_SETTINGS_MODULE="portproj.settings")
    env.update(extra)
    return env


def prepared_env(tmp_path, **extra):
    env = server_env(tmp_path, **extra)
    manage = [sys.executable, "manage.py"]
    subprocess.run(manage + ["migrate", "--noinput", "-v0"], cwd=PORT_DIR, env=env, check=True)
    subprocess.run(manage + ["create_demo_users"], cwd=PORT_DIR, env=dict(env, DEBUG="1"), check=True,
                   stdout=subprocess.DEVNULL)
    return env


def serve(tmp_path, env, name="portproj-serve", plain_daphne=False):
    port = free_port()
    program = [str(BIN / "daphne")] if plain_daphne else [sys.executable, "-m", "portproj.serve"]
    return start(name, program + ["-b", "127.0.0.1", "-p", str(port), "portproj.asgi:application"], env,
                 tmp_path, port=port, cwd=str(PORT_DIR))


def token_of(address, username="alice"):
    return WebClient(address).token(username, PASSWORD)
