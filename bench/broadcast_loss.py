#!/usr/bin/env python
"""How many group messages get lost: 50 receivers, 10 broadcasts in flight.

Prints, for runserver's in-memory layer and for daphne + Redis + runworkers,
the median loss over a few runs with the channel layers as Channels 1.x ships
them ("before", bench/upstream_settings.py) and as legacyproj configures them
("after").  Needs redis-server on PATH; every server listens on 127.0.0.1 and
is stopped by PID.  Run from the checkout with the redis tox env:

    .tox/redis/bin/python -m bench.broadcast_loss [--runs 3] [--workers 2]
"""
from __future__ import division, print_function, unicode_literals

import argparse
import shutil
import sys
import tempfile
import time

from harness import legacy, load
from harness.legacy import Cluster

SETTINGS = [("before", "bench.upstream_settings"), ("after", "legacyproj.settings")]


def start_runserver(tmpdir, settings, args):
    server = legacy.runserver(tmpdir, legacy.server_env(tmpdir, DJANGO_SETTINGS_MODULE=settings))
    return server.url, server.stop


def start_cluster(tmpdir, settings, args):
    cluster = Cluster(tmpdir, workers=args.workers, settings_module=settings)
    return cluster.url, cluster.stop


def one_run(start, settings, args):
    tmpdir = tempfile.mkdtemp(prefix="broadcast-loss-")
    try:
        url, stop = start(tmpdir, settings, args)
        try:
            started = time.time()
            expected, delivered = load.broadcast(url, receivers=args.receivers, in_flight=args.in_flight,
                                                 total=args.total, timeout=args.timeout)
            return 100.0 * (expected - delivered) / expected, time.time() - started
        finally:
            stop()
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--receivers", type=int, default=50)
    parser.add_argument("--in-flight", type=int, default=10)
    parser.add_argument("--total", type=int, default=60, help="broadcasts per run")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run at most")
    args = parser.parse_args()
    shapes = [("runserver, in-memory layer", start_runserver),
              ("daphne + Redis + %d runworker" % args.workers, start_cluster)]
    print("%d receivers, %d broadcasts in flight, %d broadcasts per run, median of %d runs"
          % (args.receivers, args.in_flight, args.total, args.runs))
    print("%-32s %-7s %8s %-26s %9s" % ("shape", "config", "lost %", "runs (lost %)", "seconds"))
    for shape, start in shapes:
        for label, settings in SETTINGS:
            results = [one_run(start, settings, args) for _ in range(args.runs)]
            losses = [loss for loss, _ in results]
            print("%-32s %-7s %8.1f %-26s %9.1f" % (
                shape, label, median(losses), " ".join("%.1f" % loss for loss in losses),
                median([seconds for _, seconds in results])))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
