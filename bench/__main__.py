"""How fast each deployment shape is, in one interleaved run: ``bin/bench``.

    bin/bench [--quick] [--only KEY,KEY]

Starts every shape of ``bench.shapes`` itself, one at a time, drives it with
bounded load (``bench.client``), stops it by PID, and goes on with the next;
repeats the round with the shapes in another order and prints the medians as
one table (``bench.report``), with the machine it ran on.  Writes the figures
as JSON; ``bin/bench`` then draws them (``bench.plot``).  Asserts nothing.
"""
from __future__ import division, print_function, unicode_literals

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
import time

from bench import client, report, shapes
from harness.shapes import cpu_seconds

# Seconds per measurement.  Idle CPU is measured in the first round only.
PROFILES = {
    "full": {"repeats": 3, "echo": 1.5, "broadcast": 2.5, "idle": 10.0},
    "quick": {"repeats": 1, "echo": 0.4, "broadcast": 1.0, "idle": 3.0},
}
ECHO_CONNECTIONS = (1, 10, 100)
RECEIVERS, IN_FLIGHT = 50, 10
SETTLE = 1.0  # after the load, before idle CPU: the last disconnects are handled


def idle_cpu(processes, seconds):
    """CPU used by ``processes`` while nobody talks to them, in % of one core."""
    before = sum(cpu_seconds(process.pid) for process in processes)
    time.sleep(seconds)
    return 100.0 * (sum(cpu_seconds(process.pid) for process in processes) - before) / seconds


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else None


def latency(samples):
    return {"p50_ms": 1000 * percentile(samples, 0.5), "p99_ms": 1000 * percentile(samples, 0.99)}


def measure(running, profile, with_idle):
    figures = {}
    for connections in ECHO_CONNECTIONS:
        count, samples = asyncio.run(client.echo(running.url, connections, profile["echo"]))
        figures["echo%d" % connections] = dict(latency(samples), rate=count / profile["echo"])
    expected, delivered, seconds, samples = asyncio.run(
        client.broadcast(running.url, RECEIVERS, IN_FLIGHT, profile["broadcast"]))
    figures["broadcast"] = dict(latency(samples), rate=delivered / seconds,
                                loss_pct=100.0 * (expected - delivered) / expected)
    if with_idle:
        time.sleep(SETTLE)
        figures["idle_cpu_pct"] = idle_cpu(running.servers, profile["idle"])
    return figures


def run(keys, profile, tmpdir, log):
    envs = shapes.prepare(tmpdir)
    rounds = {key: [] for key in keys}
    chosen = [shape for shape in shapes.SHAPES if shape[0] in keys]
    for round_number in range(profile["repeats"]):
        # Another order each round: no shape always follows the same one.
        offset = round_number * len(chosen) // profile["repeats"]
        for key, label, start in chosen[offset:] + chosen[:offset]:
            directory = tempfile.mkdtemp(prefix="%s-" % key, dir=tmpdir)
            started = time.time()
            running = start(directory, envs)
            try:
                rounds[key].append(measure(running, profile, with_idle=round_number == 0))
            finally:
                running.stop()
            log("round %d/%d  %-40s %5.1f s" % (round_number + 1, profile["repeats"], label,
                                                time.time() - started))
    return {key: report.medians(results) for key, results in rounds.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one short round (the CI smoke test)")
    parser.add_argument("--only", help="comma-separated shape keys: " + ", ".join(k for k, _, _ in shapes.SHAPES))
    parser.add_argument("--json", default=os.path.join("artifacts", "bench", "bench.json"))
    args = parser.parse_args()
    keys = args.only.split(",") if args.only else [key for key, _, _ in shapes.SHAPES]
    unknown = set(keys) - set(key for key, _, _ in shapes.SHAPES)
    if unknown:
        parser.error("unknown shape(s): " + ", ".join(sorted(unknown)))
    profile_name = "quick" if args.quick else "full"
    profile = PROFILES[profile_name]

    def log(line):
        print(line, file=sys.stderr)
        sys.stderr.flush()

    began = time.time()
    tmpdir = tempfile.mkdtemp(prefix="bench-")
    try:
        figures = run(keys, profile, tmpdir, log)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    result = {
        "profile": dict(profile, name=profile_name, echo_connections=ECHO_CONNECTIONS, receivers=RECEIVERS,
                        in_flight=IN_FLIGHT, payload_bytes=len(client.PAYLOAD)),
        "machine": report.machine(shapes.interpreters()),
        "labels": dict((key, label) for key, label, _ in shapes.SHAPES if key in keys),
        "order": keys,
        "figures": figures,
        "seconds": round(time.time() - began, 1),
    }
    directory = os.path.dirname(args.json)
    if directory and not os.path.isdir(directory):
        os.makedirs(directory)
    with open(args.json, "w") as handle:
        json.dump(result, handle, indent=1, sort_keys=True)
    print(report.render(result))
    log("%.0f s in all; figures in %s" % (result["seconds"], args.json))


if __name__ == "__main__":
    main()
