"""Faults under traffic: a worker killed with SIGKILL, Redis restarted.

Both tests put the shared cluster back (two workers, Redis up) before they end.
"""
from __future__ import print_function, unicode_literals

import time

from harness import load
from harness.legacy import handled
from harness.sockets import Socket


def report(capsys, text):
    with capsys.disabled():
        print("\n    " + text)


def test_kill_9_one_of_two_workers_under_steady_echo_traffic(cluster, capsys, record_property):
    cluster.scale_to(2)
    victim, survivor = cluster.workers
    streams = load.echo_streams(cluster.url, streams=4, count=150, interval=0.01)
    time.sleep(1.0)
    victim_handled = handled(victim, "websocket.receive")
    cluster.kill_worker(victim)
    survivor_before = handled(survivor, "websocket.receive")
    lost = sum(streams.join())
    survivor_after = handled(survivor, "websocket.receive")
    cluster.scale_to(2)

    record_property("frames_lost_to_kill_9", lost)
    report(capsys, "kill -9 of 1 of 2 workers under 4 echo streams x 150 frames: %d frame(s) lost" % lost)
    assert victim_handled > 0, "the killed worker never served: the test proved nothing"
    assert survivor_after - survivor_before > 100, "service did not continue on the survivor"
    # A single-threaded worker holds one message at a time: only that can go.
    assert lost <= 1


def test_redis_restart_under_light_traffic_service_back_within_10s(cluster, capsys, record_property):
    cluster.scale_to(2)
    idle = Socket(cluster.url, "/echo/")
    try:
        traffic = load.echo_streams(cluster.url, streams=1, count=100, interval=0.1, timeout=1.0)
        time.sleep(0.5)
        cluster.restart_redis(downtime=2.0)
        back_at = time.time()
        while not load.serves_echo(cluster.url) and time.time() - back_at < 15:
            time.sleep(0.1)
        recovery = time.time() - back_at
        lost = sum(traffic.join())

        record_property("redis_restart_recovery_seconds", round(recovery, 2))
        report(capsys, "Redis restart (2 s down): service back %.1f s after Redis; "
                       "%d of 100 light-traffic frames lost" % (recovery, lost))
        assert recovery < 10
        assert all(worker.popen.poll() is None for worker in cluster.workers)
        # daphne kept the idle socket; its reply channel needs no state in Redis.
        idle.send("still here")
        assert idle.recv() == "still here"
    finally:
        idle.close()
    assert_every_worker_serves(cluster)
    # Groups lived in the Redis that was lost; new members form them again.
    assert load.chat_round(cluster.url, 3) == 3


def assert_every_worker_serves(cluster, attempts=50):
    before = [handled(worker, "websocket.receive") for worker in cluster.workers]
    with Socket(cluster.url, "/echo/") as ws:
        for number in range(attempts):
            ws.send("%d" % number)
            assert ws.recv() == "%d" % number
            after = [handled(worker, "websocket.receive") for worker in cluster.workers]
            if all(a > b for a, b in zip(after, before)):
                return
    raise AssertionError("a worker served nothing after the restart: %s -> %s" % (before, after))


def test_redis_restarts_under_heavy_traffic_kill_no_worker(cluster, capsys):
    # Under load a worker is often between running a consumer and sending
    # what it buffered; Channels sends that from the consumer_finished signal,
    # outside the worker's try, so a Redis outage there ended the worker.
    cluster.scale_to(2)
    for restart in range(2):
        streams = load.echo_streams(cluster.url, streams=6, count=300, interval=0, timeout=1.0)
        time.sleep(1.0)
        cluster.restart_redis(downtime=0.5)
        lost = sum(streams.join())
        report(capsys, "Redis restart %d under 6 unthrottled echo streams: %d of 1800 frames lost"
               % (restart + 1, lost))
        assert [worker.popen.poll() for worker in cluster.workers] == [None, None]
    assert_every_worker_serves(cluster)
