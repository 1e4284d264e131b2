"""Push and chat latency on real servers: one server (in-memory layer), and two over one Redis.

    cd port && .venv/bin/python -m bench.latency

Prints a table; asserts nothing.  Starts ``python -m portproj.serve`` (and a
``redis-server``) on free 127.0.0.1 ports and stops them by PID.  Bounded:
30 PUTs and 50 chat lines per row.
"""
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parents[2]))  # the repository root: the harness

from harness.redis_server import start_redis  # noqa: E402
from harness.sockets import Socket  # noqa: E402
from harness.web import WebClient  # noqa: E402
from portapp.tests.servers import PASSWORD, prepared_env, serve  # noqa: E402


def live_push(put_to, listen_on, token, count=30):
    """Milliseconds from a PUT /api/live/ to the pushed frame."""
    web, samples = WebClient(put_to), []
    with Socket(listen_on, "/live/?token=" + token) as live:
        for number in range(count):
            started = time.perf_counter()
            web.json("PUT", "/api/live/", {"value": number}, {"Authorization": "JWT " + token})
            while json.loads(live.recv())["text"] != number:
                pass
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def chat_line(send_on, receive_on, token, count=50):
    """Milliseconds from a chat line sent to its arrival at another member."""
    samples = []
    with Socket(send_on, "/chat/jwt/?token=" + token) as sender, \
            Socket(receive_on, "/chat/jwt/?token=" + token) as receiver:
        for number in range(count):
            started = time.perf_counter()
            sender.send(str(number))
            while receiver.recv() != f"[alice] {number}":
                pass
            samples.append((time.perf_counter() - started) * 1000)
            sender.recv()  # its own copy
    return samples


def measure(directory):
    rows, rates = [], {"AUTH_RATE_PER_ADDRESS": "1000/min"}
    one = serve(directory, prepared_env(directory / "one", **rates), name="one")
    try:
        token = WebClient(one.url).token("alice", PASSWORD)
        rows.append(("in-memory, 1 server", "PUT /api/live/ -> push", live_push(one.url, one.url, token)))
        rows.append(("in-memory, 1 server", "chat line to a member", chat_line(one.url, one.url, token)))
    finally:
        one.stop()
    redis, servers = start_redis(directory), []
    try:
        env = prepared_env(directory / "two", REDIS_URL=redis.redis_url(), **rates)
        servers = [serve(directory, env, name=f"server-{number}") for number in (1, 2)]
        first, second = (server.url for server in servers)
        token = WebClient(first).token("alice", PASSWORD)
        rows.append(("Redis, 2 servers", "PUT on 1 -> push on 2", live_push(first, second, token)))
        rows.append(("Redis, 2 servers", "chat line 1 -> 2", chat_line(first, second, token)))
    finally:
        for server in servers:
            server.stop()
        redis.stop()
    return rows


def main():
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        (directory / "one").mkdir()
        (directory / "two").mkdir()
        rows = measure(directory)
    print(f"{'shape':<22} {'what':<24} {'median':>8} {'p90':>8} {'max':>8}")
    for shape, what, samples in rows:
        samples.sort()
        p90 = samples[int(len(samples) * 0.9) - 1]
        print(f"{shape:<22} {what:<24} {statistics.median(samples):6.1f}ms {p90:6.1f}ms {samples[-1]:6.1f}ms")


if __name__ == "__main__":
    main()
