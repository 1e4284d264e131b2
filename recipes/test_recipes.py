"""Every command block of README.md, port/README.md and docs/*.md runs as
written and shows what the text says (recipes/blocks.py: the markers).

A recipe runs as a bash script from the checkout, with a user's environment
(none of the test env's settings), in a process group of its own that the
test stops by its ID.  The one change made to the text: the ports 8000 and
6379 become free ports (and ``PORT`` is set), so that nothing here collides
with a server already running on the machine.
"""
from __future__ import unicode_literals

import io
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from harness import load
from harness.processes import ROOT, Process, free_port
from harness.sockets import Socket
from harness.web import WebClient
from legacyproj.secret_key import problem
from recipes.blocks import blocks, script

ALL = blocks()
# Recipes that only prepare others (``after:``) are run as part of those.
PREREQUISITES = set(block.after for block in ALL if block.after)


def user_env():
    """A user's shell: none of this test env's settings, and not its Python first."""
    env = dict((key, value) for key, value in os.environ.items()
               if key not in ("SECRET_KEY", "REDIS_URL", "DEBUG", "DJANGO_SETTINGS_MODULE", "BLACKBOX_SHAPE",
                              "VIRTUAL_ENV", "PYTHONPATH", "PORT", "HOST"))
    ours = os.path.dirname(sys.executable)
    env["PATH"] = os.pathsep.join(part for part in env["PATH"].split(os.pathsep) if part != ours)
    return env


class Recipe(object):
    """A recipe's script running in its own process group (``command``
    instead when the text is one command that a test signals itself)."""

    def __init__(self, name, tmpdir, text=None, command=None):
        self.web_port, self.redis_port = free_port(), free_port()
        text = text if text is not None else script(name)
        self.text = re.sub(r"\b6379\b", str(self.redis_port), re.sub(r"\b8000\b", str(self.web_port), text))
        self.path = os.path.join(str(tmpdir), "%s.sh" % name)
        with io.open(self.path, "w", encoding="utf-8") as handle:
            handle.write(self.text)
        self.env = dict(user_env(), PORT=str(self.web_port))
        self.process = Process(name, command or ["bash", self.path], self.env, tmpdir, port=self.web_port,
                               group=True)

    @property
    def url(self):
        return "127.0.0.1:%d" % self.web_port

    def log(self):
        return self.process.log()

    def wait_until_served(self, timeout=300):
        """Until ``/`` answers 200 (a first run builds its virtualenv)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if WebClient(self.url).request("GET", "/")[0] == 200:
                    return
            except Exception:
                pass
            time.sleep(0.5)
        raise AssertionError("%s did not serve within %ss:\n%s" % (self.process.name, timeout, self.log()[-3000:]))

    def finish(self, timeout=120):
        """Run to the end: (exit status, output)."""
        return self.process.wait(timeout), self.log()

    def stop(self):
        self.process.stop()


@pytest.fixture(scope="session")
def built_venv():
    """The .venv/ that bin/run builds, which the recipes after it use."""
    subprocess.check_call(["bash", "-c", ". bin/_python37.sh && make_venv .venv requirements.txt"], cwd=ROOT,
                          env=user_env())


@pytest.fixture
def recipe(tmpdir, built_venv):
    started = []

    def start(name, text=None, command=None):
        started.append(Recipe(name, tmpdir, text, command))
        return started[-1]
    yield start
    for running in started:
        running.stop()


def test_every_block_is_marked_and_every_recipe_checked():
    unmarked = [block for block in ALL if block.name is None]
    assert unmarked == [], "blocks without a recipe marker: %s" % unmarked
    named = set(block.name for block in ALL if block.runnable) - PREREQUISITES
    assert named == set(CHECKS), named ^ set(CHECKS)
    for block in ALL:
        if not block.runnable:
            assert block.why and len(block.why) > 10, block


def serves_chat(url):
    return load.chat_round(url, 3) == 3


def answers(url):
    try:
        WebClient(url).request("GET", "/")
        return True
    except Exception:
        return False


def check_quick_start(recipe):
    # README's first block: bin/run, as typed (bin/test is the suite running this).
    command = next(line for line in script("quick-start").splitlines() if line.startswith("bin/run"))
    run = recipe("quick-start", command=command.split("#")[0].split())
    run.wait_until_served()
    assert "Starting Channels development server at http://127.0.0.1:%d/" % run.web_port in run.log()
    assert WebClient(run.url).token("alice", "channels-demo")
    # kill <pid of bin/run> stops the server too (the autoreloader's child).
    os.kill(run.process.pid, signal.SIGTERM)
    deadline = time.time() + 5
    while time.time() < deadline and answers(run.url):
        time.sleep(0.1)
    assert not answers(run.url), "the server outlived bin/run"


def check_run_production(recipe):
    run = recipe("run-production")
    run.wait_until_served()
    assert "Skipped the demo users: DEBUG is off" in run.log()
    assert "DEBUG = True" not in run.log() and "Traceback" not in run.log()


def check_generate_key(recipe):
    code, output = recipe("generate-key").finish()
    key = output.strip()
    assert code == 0 and "\n" not in key and problem(key) is None, output


def check_redis_by_hand(recipe):
    run = recipe("redis-by-hand")
    run.wait_until_served(timeout=120)
    run.process.wait_for_log("live value set to 42")
    web = WebClient(run.url)
    token = web.token("alice", "channels-demo")
    with Socket(run.url, "/live/?token=" + token) as ws:
        ws.send("value?")
        assert ws.recv_json() == {"text": 42}
    run.process.wait_for_log("Listening on channels", count=2)  # both workers
    assert serves_chat(run.url)


def check_wrong_redis_url(recipe):
    code, output = recipe("wrong-redis-url").finish()
    assert code == 2
    last = output.rstrip("\n").rsplit("\n", 1)[-1]  # after the set-up's own output
    assert last.startswith("legacyproj: REDIS_URL is set but Redis at redis://:***@127.0.0.1:1/0 is unreachable")
    assert ":secret@" not in output


def check_honcho(recipe):
    run = recipe("honcho")
    run.wait_until_served(timeout=120)
    run.process.wait_for_log("Listening on channels", count=2)  # worker.1 and worker.2
    assert serves_chat(run.url)


def check_port_run(recipe):
    run = recipe("port-run")
    run.wait_until_served()
    assert "Channels 4" in WebClient(run.url).request("GET", "/")[1]


def check_finder(recipe, name="finder"):
    code, output = recipe(name).finish()
    assert code == 1
    assert "chatapp/consumers/chat.py:21: Group(...).add / discard / send -> docs/MIGRATING.md#group" in output


CHECKS = {
    "quick-start": check_quick_start,
    "run-production": check_run_production,
    "generate-key": check_generate_key,
    "redis-by-hand": check_redis_by_hand,
    "wrong-redis-url": check_wrong_redis_url,
    "honcho": check_honcho,
    "port-run": check_port_run,
    "finder": check_finder,
    "finder-guide": lambda recipe: check_finder(recipe, "finder-guide"),
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_recipe(recipe, name):
    CHECKS[name](recipe)
