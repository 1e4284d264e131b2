"""Draw a benchmark's JSON as one PNG: latency and throughput per shape.

    python -m bench.plot bench.json bench.png

Run by ``bin/bench`` with matplotlib from ``.venv-bench`` (requirements-bench.txt).
"""
from __future__ import division, unicode_literals

import json
import sys

import matplotlib

matplotlib.use("Agg")  # files only, no display

import matplotlib.pyplot as plt  # noqa: E402

LATENCIES = [("echo1", "p50_ms", "1 conn"), ("echo10", "p50_ms", "10 conns"), ("echo100", "p50_ms", "100 conns"),
             ("broadcast", "p50_ms", "broadcast")]
RATES = [("echo1", "rate", "echo, 1 conn"), ("echo100", "rate", "echo, 100 conns"),
         ("broadcast", "rate", "broadcast delivered")]
SERIES = [("latency p50, ms (log)", LATENCIES), ("throughput: messages/s (log)", RATES)]


def draw(result, path):
    keys = result["order"]
    labels = [result["labels"][key] for key in keys]
    figure, axes = plt.subplots(1, len(SERIES), figsize=(15, 0.45 * len(keys) + 2.2))
    for axis, (title, series) in zip(axes, SERIES):
        height = 0.8 / len(series)
        for number, (name, field, legend) in enumerate(series):
            values = [result["figures"][key][name][field] for key in keys]
            positions = [row + number * height for row in range(len(keys))]
            axis.barh(positions, values, height=height, label=legend)
        axis.set_xscale("log")
        axis.set_yticks([row + 0.4 - height / 2 for row in range(len(keys))])
        axis.set_yticklabels(labels if axis is axes[0] else [""] * len(keys))
        axis.invert_yaxis()
        axis.set_title(title)
        axis.grid(axis="x", which="both", alpha=0.3)
        axis.legend(loc="lower right", fontsize="small")
    box = result["machine"]
    figure.suptitle("bin/bench%s: %s, %d cores; medians of %d round(s)" % (
        " --quick" if result["profile"]["name"] == "quick" else "", box["cpu"], box["cores"],
        result["profile"]["repeats"]))
    figure.tight_layout()
    figure.savefig(path, dpi=90)


def main():
    with open(sys.argv[1]) as handle:
        draw(json.load(handle), sys.argv[2])


if __name__ == "__main__":
    main()
