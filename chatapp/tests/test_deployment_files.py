"""The Docker files and README's docker commands, read (no Docker engine runs
on the project's build machines): a non-root image whose default command is
the production shape, nothing private copied in, loopback-only publishing."""
from __future__ import unicode_literals

import io
import os
import re

from django.test import SimpleTestCase

from harness.processes import ROOT


def read(name):
    with io.open(os.path.join(ROOT, name), encoding="utf-8") as handle:
        return handle.read()


class DeploymentFilesTests(SimpleTestCase):
    def test_the_image_runs_unprivileged_and_never_the_debug_server(self):
        for dockerfile in ("Dockerfile", "port/Dockerfile"):
            text = read(dockerfile)
            users = re.findall(r"^USER (\S+)", text, re.M)
            self.assertTrue(users and users[-1] not in ("root", "0"), dockerfile)
            cmd = re.search(r"^CMD (.*)$", text, re.M).group(1)
            self.assertNotIn("runserver", cmd, dockerfile)
            self.assertNotIn("create_demo_users", cmd, dockerfile)
            self.assertFalse(re.search(r"DEBUG=1", text), dockerfile)

    def test_nothing_private_goes_into_the_image(self):
        ignored = read(".dockerignore").split()
        for entry in (".git", ".tox", ".venv", "**/.venv", "*.sqlite3", "**/*.sqlite3", "dump.rdb",
                      "appendonlydir", "artifacts"):
            self.assertIn(entry, ignored)

    def test_documented_docker_commands_publish_on_loopback_only(self):
        for name in ("README.md", "port/README.md", "port/Dockerfile", "docs/scale-out.md"):
            for published in re.findall(r"-p (\S*\d:\d+)", read(name)):
                self.assertTrue(published.startswith("127.0.0.1:"), (name, published))

    def test_compose_asks_for_a_key_and_a_redis_password_and_defaults_debug_off(self):
        compose = read("docker-compose.yml")
        self.assertIn("SECRET_KEY: ${SECRET_KEY:?", compose)
        self.assertIn("${REDIS_PASSWORD:?", compose)
        self.assertIn("--requirepass", compose)
        self.assertIn("DEBUG: ${DEBUG:-0}", compose)
        self.assertNotIn("legacyproj-development-only", compose)
        self.assertIn('"127.0.0.1:8000:8000"', compose)
