"""``manage.py runserver`` on legacyproj's interface server.

Channels' own runserver, with three changes: it serves through
``legacyproj.server.Server`` (the same limits as in production); static
files come from WhiteNoise, as under daphne (Channels' static handler, meant
for development, hangs a minute on ``/static/../`` paths); and a server under
the autoreloader stops when the reloader does, instead of serving on alone.
"""
from __future__ import unicode_literals

import os
import threading
import time

from channels.handler import ViewConsumer
from channels.management.commands import runserver

from legacyproj.server import Server


def exit_with_parent(parent):
    """Stop this process as soon as ``parent`` is gone (we get re-parented)."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


class Command(runserver.Command):
    server_cls = Server

    def get_consumer(self, *args, **options):
        return ViewConsumer()

    def inner_run(self, *args, **options):
        if os.environ.get("RUN_MAIN") == "true":  # the autoreloader's child
            watcher = threading.Thread(target=exit_with_parent, args=(os.getppid(),))
            watcher.daemon = True
            watcher.start()
        return super(Command, self).inner_run(*args, **options)
