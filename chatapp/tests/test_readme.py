# -*- coding: utf-8 -*-
"""README says what the code does: its examples table is demo/examples.py's,
its failure table is CLOSE_CODES, and the tests the docs cite exist."""
from __future__ import unicode_literals

import io
import os
import re

from django.test import SimpleTestCase

from chatapp.ws_authentication import CLOSE_CODES
from demo.examples import markdown_table
from harness.processes import ROOT


def read(path):
    with io.open(os.path.join(ROOT, path), encoding="utf-8") as handle:
        return handle.read()


def readme():
    return read("README.md")


def suite_names():
    """Every test function and test module of the project's suites."""
    names = set()
    for top in ("chatapp", "blackbox", "recipes", os.path.join("port", "portapp")):
        for directory, _, files in os.walk(os.path.join(ROOT, top)):
            for name in files:
                if name.startswith("test_") and name.endswith(".py"):
                    names.add(name[:-3])
                    names.update(re.findall(r"def (test_\w+)", read(os.path.join(directory, name))))
    return names


class ReadmeTests(SimpleTestCase):
    def test_the_examples_table_is_the_declaration(self):
        self.assertIn(markdown_table(), readme())

    def test_every_linked_file_exists(self):
        for path in re.findall(r"\]\(((?:chatapp|port|demo|legacyproj|docs)/[^)#]+)\)", readme()):
            self.assertTrue(os.path.exists(os.path.join(ROOT, path)), path)

    def test_the_failure_table_is_close_codes(self):
        rows = re.findall(r"^\|[^|\n]*\| `([a-z_]+)` \| (\d{4}) \|$", readme(), re.M)
        self.assertEqual(dict((code, int(close)) for code, close in rows), CLOSE_CODES)
        self.assertEqual(len(rows), len(CLOSE_CODES))

    def test_every_test_the_docs_cite_exists(self):
        known = suite_names()
        for path in ("README.md", "port/README.md", "docs/security.md", "docs/MIGRATING.md", "docs/scale-out.md"):
            cited = set(re.findall(r"`(test_\w+)", read(path)))
            self.assertTrue(cited <= known, "%s cites tests that do not exist: %s" % (path, sorted(cited - known)))
