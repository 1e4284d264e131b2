from __future__ import unicode_literals

import pytest

from chatapp.tests import servers


@pytest.fixture(scope="session")
def server_env(tmpdir_factory):
    tmpdir = tmpdir_factory.mktemp("runserver")
    return tmpdir, servers.prepared_env(tmpdir)


@pytest.fixture(scope="session")
def runserver(server_env):
    tmpdir, env = server_env
    process = servers.start_runserver(tmpdir, env)
    yield process
    process.stop()
