"""docs/MIGRATING.md prints the black-box suite's table of differences."""
from __future__ import unicode_literals

import io
import os

from django.test import SimpleTestCase

from blackbox.differences import markdown_table
from harness.processes import ROOT


class MigrationGuideTests(SimpleTestCase):
    def test_the_differences_table_is_the_suites(self):
        with io.open(os.path.join(ROOT, "docs", "MIGRATING.md"), encoding="utf-8") as handle:
            self.assertIn(markdown_table(), handle.read())
