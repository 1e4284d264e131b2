"""A Django project of this repository as the harness runs it: its Python,
its directory, its settings, and a database of its own per test."""
from __future__ import absolute_import, unicode_literals

import os
import subprocess

from harness.tokens import TEST_SECRET_KEY


class Stack(object):

    def __init__(self, python, directory, settings_module, debug):
        self.python = python
        self.directory = directory
        self.settings_module = settings_module
        self.debug = debug  # the DEBUG a server gets unless told otherwise

    def server_env(self, tmpdir, **extra):
        """A server's environment: its own SQLite database, the harness's key, no Redis."""
        env = dict((key, value) for key, value in os.environ.items() if not key.startswith("DJANGO_"))
        env.update({
            "DJANGO_SETTINGS_MODULE": self.settings_module,
            "DATABASE_URL": "sqlite:///" + os.path.join(str(tmpdir), "db.sqlite3"),
            "SECRET_KEY": TEST_SECRET_KEY,
            "DEBUG": self.debug,
            "PYTHONUNBUFFERED": "1",
            "REDIS_URL": "",
        })
        env.update(extra)
        return env

    def manage(self, args, env, **kwargs):
        """``manage.py ARGS``; its output, or CalledProcessError with it."""
        return subprocess.check_output([self.python, "manage.py"] + list(args), cwd=self.directory, env=env,
                                       stderr=subprocess.STDOUT, **kwargs)

    def prepared_env(self, tmpdir, **extra):
        """``server_env`` with its database migrated and the demo users created.

        The demo users need DEBUG on (their password is public): they are
        created with it on whatever ``extra`` says the servers run with.
        """
        env = self.server_env(tmpdir, **extra)
        self.manage(["migrate", "--noinput", "-v0"], env)
        self.manage(["create_demo_users"], dict(env, DEBUG="1"))
        return env
