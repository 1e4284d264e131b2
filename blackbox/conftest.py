"""The black-box suite: one deployment shape, named by ``BLACKBOX_SHAPE``.

Each tox env ``blackbox-<shape>`` runs this folder unchanged against one
shape (``harness.shapes``): the Channels 1.x project under runserver and as
daphne + 2 runworkers over Redis, the Channels 4 port as one daphne and as
2 daphnes over Redis.  Tests speak only HTTP and WebSocket, and read logs.
Where the two stacks genuinely differ, ``differences.py`` says how, once.
"""
from __future__ import unicode_literals

import os

import pytest

from harness import shapes
from harness.legacy import DEMO_PASSWORD
from harness.web import WebClient

SHAPE = os.environ.get("BLACKBOX_SHAPE", "legacy-runserver")


def start(tmpdir_factory, label, **env):
    return shapes.start(SHAPE, tmpdir_factory.mktemp(label), **env)


@pytest.fixture(scope="session")
def deployment(tmpdir_factory):
    """The shape as deployed: production settings, refusals are bare 403s."""
    running = start(tmpdir_factory, "deployment")
    yield running
    running.stop()


@pytest.fixture(scope="session")
def explaining(tmpdir_factory):
    """WS_AUTH_EXPLAIN_FAILURES on, tokens that live 3 seconds, and DEBUG on
    (whose error pages must show no secret either)."""
    running = start(tmpdir_factory, "explaining", WS_AUTH_EXPLAIN_FAILURES="1", JWT_EXPIRATION_SECONDS="3",
                    DEBUG="1")
    yield running
    running.stop()


@pytest.fixture(scope="session")
def tokens(deployment):
    web = WebClient(deployment.url)
    return dict((name, web.token(name, DEMO_PASSWORD)) for name in ("alice", "adam", "bob", "admin"))


@pytest.fixture
def report(capsys):
    """Print a measured figure under the test's name (shown with -s or not)."""
    def say(text):
        with capsys.disabled():
            print("\n    [%s] %s" % (SHAPE, text))
    return say


def pytest_report_header(config):
    return "deployment shape: %s" % SHAPE
