"""What every entry point checks before Django starts, in one line each.

``manage.py`` (every command: runserver, runworker, migrate, ...),
``asgi.py`` (daphne) and ``wsgi.py`` call :func:`run` first.  A setting that
cannot work stops the process with one readable line on stderr and exit
status 2, instead of a traceback later or, worse, a server that runs but
cannot do its job.
"""
from __future__ import print_function, unicode_literals

import os
import sys

from legacyproj import redis_check, secret_key
from legacyproj.environment import env_bool


def problems():
    if not env_bool("DEBUG"):
        refusal = secret_key.refusal(os.environ.get("SECRET_KEY", ""))
        if refusal:
            yield refusal
    urls = redis_check.redis_urls()
    if urls:
        unreachable = redis_check.check_redis(urls)
        if unreachable:
            yield ("legacyproj: REDIS_URL is set but %s. Start Redis there, fix REDIS_URL, "
                   "or unset it to use the in-memory channel layer (runserver only)." % unreachable)


def interface_server_problems(channel_layer):
    """What stops daphne from serving anybody with this layer."""
    if "inmemory" in type(channel_layer).__module__:
        yield ("legacyproj: daphne cannot serve with the in-memory channel layer: the workers that answer "
               "run in other processes and can never reach it. Set REDIS_URL for daphne and every "
               "runworker (docs/scale-out.md), or use: python manage.py runserver")
    cli = sys.modules.get("daphne.cli")
    if cli is not None and not env_bool("DEBUG"):
        from legacyproj.server import Server
        if cli.Server is not Server:
            yield ("legacyproj: plain daphne 1.4 enforces no size limits or timeouts, so it does not "
                   "serve with DEBUG off. Start it with the same arguments as: python -m legacyproj.serve "
                   "... legacyproj.asgi:channel_layer")


def _exit_on(problems):
    for problem in problems:
        print(problem, file=sys.stderr)
        sys.exit(2)


def run():
    _exit_on(problems())


def run_for_interface_server(channel_layer):
    _exit_on(interface_server_problems(channel_layer))
