"""What every entry point checks before Django starts, in one line each.

``manage.py`` (every command) and ``asgi.py`` (daphne) call :func:`run`
first.  A setting that cannot work stops the process with one readable line
on stderr and exit status 2, instead of a traceback later or, worse, a
server that runs but cannot do its job.  (The same checks and wording as
``legacyproj/preflight.py``.)
"""
import os
import sys

from portproj import redis_check, secret_key
from portproj.environment import env_bool

# Set by ``python -m portproj.serve``: daphne runs with portproj.server.Server.
limits_in_force = False


def problems():
    if not env_bool("DEBUG"):
        refusal = secret_key.refusal(os.environ.get("SECRET_KEY", ""))
        if refusal:
            yield refusal
    urls = redis_check.redis_urls()
    if urls:
        unreachable = redis_check.check_redis(urls)
        if unreachable:
            yield (f"portproj: REDIS_URL is set but {unreachable}. Start Redis there, fix REDIS_URL, "
                   "or unset it to use the in-memory channel layer (one process only).")


def interface_server_problems():
    """What stops plain daphne from serving in production."""
    if "daphne.cli" in sys.modules and not limits_in_force and not env_bool("DEBUG"):
        yield ("portproj: plain daphne reads and parses request bodies of any size before the application "
               "can refuse them, so it does not serve with DEBUG off. Start it with the same arguments as: "
               "python -m portproj.serve ... portproj.asgi:application")


def _exit_on(problems):
    for problem in problems:
        print(problem, file=sys.stderr)
        sys.exit(2)


def run():
    _exit_on(problems())


def run_for_interface_server():
    _exit_on(interface_server_problems())
