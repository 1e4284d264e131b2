from __future__ import unicode_literals

import pytest

from harness.legacy import Cluster


@pytest.fixture(scope="session")
def cluster(tmpdir_factory):
    """One redis-server, daphne and two workers, shared by the redis tests.

    Tests that kill a worker or restart Redis put the cluster back (two
    workers, Redis up) before they return.
    """
    running = Cluster(tmpdir_factory.mktemp("cluster"))
    yield running
    running.stop()
