"""migration_finder, both ways: every construct of the guide's table in the
Channels 1.x project, nothing in the Channels 4 port."""
from __future__ import unicode_literals

import io
import os
import re
import subprocess
import sys
import unittest

from django.test import SimpleTestCase

from harness.processes import ROOT
from migration_finder import CONSTRUCTS, scan

# Rows of the guide's table that the project no longer uses (it replaced them).
NO_LONGER_USED = {"close-status", "allowed-hosts-only"}


def finder(*paths):
    process = subprocess.Popen([sys.executable, "-m", "migration_finder"] + list(paths), cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.communicate()
    return process.returncode, out.decode("utf-8"), err.decode("utf-8")


class MigrationFinderTests(SimpleTestCase):
    def test_every_construct_of_the_legacy_project_is_found_with_its_line_and_section(self):
        code, out, err = finder("chatapp", "legacyproj")
        self.assertEqual(code, 1)
        found = set(re.findall(r"-> docs/MIGRATING.md#([a-z-]+)$", out, re.M))
        self.assertEqual(found, set(CONSTRUCTS) - NO_LONGER_USED)
        self.assertIn("chatapp/consumers/chat.py:21: Group(...).add / discard / send -> docs/MIGRATING.md#group", out)

    @unittest.skipIf(sys.version_info < (3,), "Python 2's parser cannot read the port's Python 3 code")
    def test_the_port_has_none_left(self):
        self.assertEqual(finder("port")[:2], (0, ""))

    def test_the_constructs_no_longer_used_here_are_found_too(self):
        source = os.path.join(ROOT, "artifacts", "finder-sample.py")
        if not os.path.isdir(os.path.dirname(source)):
            os.makedirs(os.path.dirname(source))
        with io.open(source, "w", encoding="utf-8") as handle:
            handle.write("from channels.security.websockets import allowed_hosts_only\n"
                         "def disconnect(self):\n    self.close(status=4000)\n")
        try:
            self.assertEqual(sorted(finding.construct.key for finding in scan([source])), sorted(NO_LONGER_USED))
        finally:
            os.remove(source)

    def test_every_construct_has_its_row_in_the_guide(self):
        with io.open(os.path.join(ROOT, "docs", "MIGRATING.md"), encoding="utf-8") as handle:
            guide = handle.read()
        for key in CONSTRUCTS:
            self.assertIn('<a id="%s"></a>' % key, guide)

    def test_unreadable_code_is_one_line_and_status_2(self):
        code, out, err = finder("no/such/dir.py")
        self.assertEqual(code, 2)
        self.assertTrue(err.startswith("migration_finder: cannot read"), err)
