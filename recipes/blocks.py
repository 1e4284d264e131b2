"""The command blocks of README.md and docs/*.md, with their recipe markers.

A block is marked by the HTML comment just above it:

* ``<!-- recipe: NAME -->`` — runnable; every block of one NAME runs, in
  order, as one shell script;
* ``<!-- recipe: NAME; after: OTHER -->`` — the same, with OTHER's blocks first
  (the set-up a reader has just typed);
* ``<!-- recipe: not-run: WHY -->`` — cannot run here (Docker, several
  machines); WHY says what checks it instead.
"""
from __future__ import unicode_literals

import io
import os
import re

from harness.processes import ROOT

DOCUMENTS = ["README.md", "port/README.md"] + sorted(
    os.path.join("docs", name) for name in os.listdir(os.path.join(ROOT, "docs")) if name.endswith(".md"))

MARKER = re.compile(r"<!-- recipe: (?P<name>[a-z0-9-]+)(?:; after: (?P<after>[a-z0-9-]+))?(?P<why>: .*)? -->\s*$")
FENCE = re.compile(r"^```sh\n(.*?)^```$", re.M | re.S)


class Block(object):
    def __init__(self, document, line, text, name, after, why):
        self.document, self.line, self.text = document, line, text
        self.name, self.after, self.why = name, after, why

    @property
    def runnable(self):
        return self.name is not None and self.name != "not-run"

    def __repr__(self):
        return "%s:%d" % (self.document, self.line)


def blocks():
    found = []
    for document in DOCUMENTS:
        with io.open(os.path.join(ROOT, document), encoding="utf-8") as handle:
            text = handle.read()
        for match in FENCE.finditer(text):
            before = text[:match.start()].rstrip("\n").rsplit("\n", 1)[-1]
            marker = MARKER.match(before)
            line = text.count("\n", 0, match.start()) + 1
            if marker:
                found.append(Block(document, line, match.group(1), marker.group("name"), marker.group("after"),
                                   marker.group("why")))
            else:
                found.append(Block(document, line, match.group(1), None, None, None))
    return found


def script(name, all_blocks=None):
    """The shell script of recipe ``name``: its prerequisite's blocks, then its own."""
    all_blocks = all_blocks if all_blocks is not None else blocks()
    own = [block for block in all_blocks if block.name == name]
    if not own:
        raise KeyError(name)
    after = next((block.after for block in own if block.after), None)
    prefix = script(after, all_blocks) if after else ""
    return prefix + "".join(block.text for block in own)
