"""Refuse to start in production with a signing key anybody could know.

``SECRET_KEY`` signs sessions, CSRF tokens, password-reset links and every
JWT this server issues, so a guessable key hands out logins.  With ``DEBUG``
off, every entry point (manage.py, asgi.py, wsgi.py) calls
:func:`exit_if_secret_key_unsafe` before Django sets anything up and stops
with one line and exit code 2.  With ``DEBUG`` on the public development key
is fine.
"""
import os
import sys

# Public in this repository: for DEBUG only.
DEVELOPMENT_KEY = "portproj-development-only-not-secret"
MIN_LENGTH = 50
MIN_DISTINCT = 5
TRUE_VALUES = ("1", "true", "yes", "on")


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in TRUE_VALUES


def secret_key_problem(key):
    """Why ``key`` is unfit for production, or ``None``."""
    if not key:
        return "missing"
    if key == DEVELOPMENT_KEY:
        return "the public development key"
    if len(key) < MIN_LENGTH:
        return f"too short ({len(key)} characters; at least {MIN_LENGTH})"
    if len(set(key)) < MIN_DISTINCT:
        return f"too simple (fewer than {MIN_DISTINCT} distinct characters)"
    return None


def exit_if_secret_key_unsafe():
    if env_bool("DEBUG"):
        return
    problem = secret_key_problem(os.environ.get("SECRET_KEY", ""))
    if problem:
        print(
            f"portproj: refusing to start with DEBUG off: SECRET_KEY is {problem}. "
            'Generate one with: python3 -c "import secrets; print(secrets.token_urlsafe(50))"',
            file=sys.stderr,
        )
        sys.exit(2)
