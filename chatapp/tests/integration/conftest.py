from __future__ import unicode_literals

import pytest

from harness import legacy


@pytest.fixture(scope="session")
def server_env(tmpdir_factory):
    tmpdir = tmpdir_factory.mktemp("runserver")
    return tmpdir, legacy.prepared_env(tmpdir)


@pytest.fixture(scope="session")
def runserver(server_env):
    tmpdir, env = server_env
    process = legacy.runserver(tmpdir, env)
    yield process
    process.stop()
