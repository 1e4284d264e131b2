# -*- coding: utf-8 -*-
"""README says what the code does: its examples table is demo/examples.py's,
its failure table is CLOSE_CODES."""
from __future__ import unicode_literals

import io
import os
import re

from django.test import SimpleTestCase

from chatapp.ws_authentication import CLOSE_CODES
from demo.examples import markdown_table
from harness.processes import ROOT


def readme():
    with io.open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        return handle.read()


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
