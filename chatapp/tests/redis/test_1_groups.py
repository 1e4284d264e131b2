"""Groups on daphne + two runworker processes sharing one redis-server."""
from __future__ import unicode_literals

import pytest

from chatapp.tests.logs import captured_logs
from harness import load
from harness.legacy import handled
from legacyproj.layers.redis import RedisChannelLayer, StockRedisChannelLayer


def test_chat_among_twenty_clients_spread_over_both_workers(cluster):
    before = [handled(worker, "websocket.receive") for worker in cluster.workers]
    assert load.chat_round(cluster.url, 20) == 20
    after = [handled(worker, "websocket.receive") for worker in cluster.workers]
    assert sum(after) - sum(before) == 20
    assert all(a > b for a, b in zip(after, before)), "one worker handled every message"


def test_broadcast_load_loses_nothing(cluster):
    # 50 receivers, 10 broadcasts in flight: up to 510 replies queued at once
    # in daphne's single reply list, which asgi_redis caps at 100 by default.
    expected, delivered = load.broadcast(cluster.url, receivers=50, in_flight=10, total=60)
    assert delivered == expected == 3000


@pytest.mark.parametrize("layer_class", [RedisChannelLayer, StockRedisChannelLayer])
def test_a_group_send_dropped_on_a_full_channel_is_logged(cluster, layer_class):
    layer = layer_class(hosts=[cluster.redis[0].redis_url()], prefix="drop-test:", capacity=1)
    try:
        layer.group_add("drop-test", "full")
        layer.group_add("drop-test", "roomy")
        layer.send("full", {"text": "fills it"})
        with captured_logs("legacyproj") as logs:
            layer.send_group("drop-test", {"text": "to both"})
        assert layer.receive(["roomy"]) == ("roomy", {"text": "to both"})
        assert layer.receive(["full"]) == ("full", {"text": "fills it"})
        assert layer.receive(["full"]) == (None, None)
        assert any("Group drop-test: message dropped for 1 member(s)" in line for line in logs.messages())
    finally:
        layer.flush()
