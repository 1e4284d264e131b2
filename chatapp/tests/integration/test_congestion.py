"""The congestion hold-back (``WS_CONGESTION_BACKLOG``) under broadcast load,
in both layer configurations, on a real runserver.

Each chat frame puts 51 replies in daphne's one reply queue; while that queue
is backed up, daphne holds the sender's next frames and lets them on once it
has drained.  A hold that is never lifted stops every socket for good, so the
server must go on serving after the load.  The stock configuration
(``CHANNELS_STOCK=1``: daphne polls for replies every 50 ms) backs up most.
"""
from __future__ import unicode_literals

import pytest

from harness import legacy, load


@pytest.mark.parametrize("stock", ["", "1"], ids=["fast", "stock"])
def test_broadcast_load_loses_nothing_and_the_server_goes_on(tmpdir, stock):
    server = legacy.runserver(tmpdir, legacy.prepared_env(tmpdir, CHANNELS_STOCK=stock))
    try:
        for _ in range(2):
            expected, delivered = load.broadcast(server.url, receivers=50, in_flight=10, total=60, timeout=20)
            assert delivered == expected == 3000
        assert load.serves_echo(server.url, timeout=5)
    finally:
        server.stop()
