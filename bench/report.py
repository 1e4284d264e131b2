"""Medians, the machine, and the one table (Markdown) of a benchmark run."""
from __future__ import division, unicode_literals

import os
import platform
import subprocess

# (figure, field, heading, format)
COLUMNS = [
    ("echo1", "rate", "echo 1: msg/s", "{:,.0f}"),
    ("echo1", "p50_ms", "p50 ms", "{:.2f}"),
    ("echo1", "p99_ms", "p99 ms", "{:.2f}"),
    ("echo10", "rate", "echo 10: msg/s", "{:,.0f}"),
    ("echo10", "p50_ms", "p50 ms", "{:.2f}"),
    ("echo10", "p99_ms", "p99 ms", "{:.2f}"),
    ("echo100", "rate", "echo 100: msg/s", "{:,.0f}"),
    ("echo100", "p50_ms", "p50 ms", "{:.2f}"),
    ("echo100", "p99_ms", "p99 ms", "{:.2f}"),
    ("broadcast", "rate", "broadcast: delivered/s", "{:,.0f}"),
    ("broadcast", "loss_pct", "lost %", "{:.1f}"),
    ("broadcast", "p50_ms", "p50 ms", "{:.2f}"),
    ("broadcast", "p99_ms", "p99 ms", "{:.2f}"),
    ("idle_cpu_pct", None, "idle CPU %", "{:.2f}"),
]
NO_RATIO = {"loss_pct", "idle_cpu_pct"}


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def medians(rounds):
    """The median of each figure over the rounds that measured it."""
    result = {}
    for name in set(name for figures in rounds for name in figures):
        measured = [figures[name] for figures in rounds if name in figures]
        if isinstance(measured[0], dict):
            result[name] = dict((field, median([m[field] for m in measured])) for field in measured[0])
        else:
            result[name] = median(measured)
    return result


def value(figures, name, field):
    figure = figures.get(name)
    return figure.get(field) if isinstance(figure, dict) else figure


def reference_of(key):
    """The Channels 4 shape a legacy shape is compared with."""
    if key.startswith("runserver"):
        return "port"
    if key.startswith("redis"):
        return "port-redis"
    return None


def machine(interpreters):
    def version(program, *args):
        try:
            return subprocess.check_output([program] + list(args), stderr=subprocess.STDOUT).decode().strip()
        except (OSError, subprocess.CalledProcessError):
            return "?"
    model = "?"
    with open("/proc/cpuinfo") as handle:
        for line in handle:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "kernel": platform.release(),
        "redis": version("redis-server", "--version").split(" sha=")[0],
        "python": dict((name, version(path, "-c", "import sys; print(sys.version.split()[0])"))
                       for name, path in interpreters.items()),
    }


def _cells(figures, reference=None):
    cells = []
    for name, field, _, form in COLUMNS:
        mine = value(figures, name, field)
        if reference is None:
            cells.append(form.format(mine) if mine is not None else "–")
            continue
        theirs = value(reference, name, field)
        if mine is None or not theirs or (field or name) in NO_RATIO:
            cells.append("")
        else:
            cells.append("×{:.2f}".format(mine / theirs))
    return cells


def render(result):
    figures, labels = result["figures"], result["labels"]
    profile, box = result["profile"], result["machine"]
    lines = [
        "Machine: %s, %d cores, Linux %s, %s; Python: %s." % (
            box["cpu"], box["cores"], box["kernel"], box["redis"],
            ", ".join("%s %s" % item for item in sorted(box["python"].items()))),
        "Load: %d-byte text frames; echo closed loop per connection for %.1f s; broadcast to %d receivers on "
        "/chat/ with %d in flight for %.1f s; idle CPU of the server processes over %.0f s; medians of %d "
        "round(s), shapes interleaved. ×: the figure divided by raw's / by Channels 4's (same stack: "
        "runserver vs daphne 4, Redis vs daphne 4 + channels_redis); for latencies below 1 is faster." % (
            profile["payload_bytes"], profile["echo"], profile["receivers"], profile["in_flight"],
            profile["broadcast"], profile["idle"], profile["repeats"]),
        "",
        "| shape | | " + " | ".join(heading for _, _, heading, _ in COLUMNS) + " |",
        "|---|---|" + "---:|" * len(COLUMNS),
    ]
    for key in result["order"]:
        lines.append("| %s | | %s |" % (labels[key], " | ".join(_cells(figures[key]))))
        if key != "raw" and "raw" in figures:
            lines.append("| | × raw | %s |" % " | ".join(_cells(figures[key], figures["raw"])))
        reference = reference_of(key)
        if reference in figures:
            lines.append("| | × Channels 4 | %s |" % " | ".join(_cells(figures[key], figures[reference])))
    lines += ["", "Targets (fast configuration):", ""] + ["- " + line for line in targets(figures)]
    return "\n".join(lines)


# (shape, figure, field, comparison, reference shape or None, factor or bound, words)
TARGETS = [
    ("runserver", "echo1", "p50_ms", "<=", "port", 1.0, "echo 1 connection p50, runserver <= Channels 4 daphne"),
    ("redis2", "echo1", "p50_ms", "<=", None, 1.5, "echo 1 connection p50, daphne + 2 runworkers <= 1.5 ms"),
    ("runserver", "echo100", "rate", ">=", "port", 1.0, "echo 100 connections, runserver >= Channels 4 daphne"),
    ("redis2", "echo100", "rate", ">=", "port-redis", 0.5,
     "echo 100 connections, Redis shape >= 50 % of Channels 4 + Redis"),
    ("runserver", "broadcast", "loss_pct", "<=", None, 0.0, "broadcast loss, runserver 0 %"),
    ("redis2", "broadcast", "loss_pct", "<=", None, 0.0, "broadcast loss, Redis shape 0 %"),
    ("runserver", "broadcast", "rate", ">=", "port", 2.0, "broadcast, runserver >= 2 x Channels 4"),
    ("redis2", "broadcast", "rate", ">=", "port-redis", 1.0, "broadcast, Redis shape >= 1 x Channels 4 + Redis"),
    ("runserver", "idle_cpu_pct", None, "<=", None, 0.5, "idle CPU, runserver <= 0.5 % of a core"),
    ("redis2", "idle_cpu_pct", None, "<=", None, 0.5, "idle CPU, daphne + 2 runworkers <= 0.5 % of a core"),
]


def targets(figures):
    lines = []
    for shape, name, field, comparison, reference, factor, words in TARGETS:
        if shape not in figures or (reference and reference not in figures):
            continue
        mine = value(figures[shape], name, field)
        if mine is None:
            continue
        bound = factor * value(figures[reference], name, field) if reference else factor
        met = mine <= bound if comparison == "<=" else mine >= bound
        lines.append("%s: %.2f %s %.2f: %s" % (words, mine, comparison, bound, "met" if met else "NOT met"))
    return lines
