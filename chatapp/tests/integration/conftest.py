from __future__ import unicode_literals

import pytest

from chatapp.tests import servers


@pytest.fixture(scope="session")
def server_env(tmpdir_factory):
    tmpdir = tmpdir_factory.mktemp("runserver")
    env = servers.server_env(tmpdir)
    servers.manage(["migrate", "--noinput", "-v0"], env)
    servers.manage(["create_demo_users"], env)
    return tmpdir, env


@pytest.fixture(scope="session")
def runserver(server_env):
    tmpdir, env = server_env
    process = servers.start_runserver(tmpdir, env)
    yield process
    process.stop()
