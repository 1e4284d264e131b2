"""The signing key: what makes it acceptable for a production shape.

``SECRET_KEY`` signs sessions, CSRF tokens and every JWT.  The development
key below is public (it is in this repository), so anybody can mint a token
for any user of a server that runs on it.  With ``DEBUG`` off nothing starts
on it, or on a key too short or too simple to resist guessing; with
``DEBUG`` on it keeps ``bin/run`` free of set-up.
"""
from __future__ import unicode_literals

DEVELOPMENT_KEY = "legacyproj-development-only-not-secret"
MIN_LENGTH = 50
MIN_DISTINCT = 5
GENERATE = 'python3 -c "import secrets; print(secrets.token_urlsafe(50))"'


def problem(key):
    """Why ``key`` may not sign anything in production, or None when it may."""
    if not key:
        return "missing"
    if key == DEVELOPMENT_KEY:
        return "the public development key"
    if len(key) < MIN_LENGTH:
        return "too short (%d characters; at least %d)" % (len(key), MIN_LENGTH)
    if len(set(key)) < MIN_DISTINCT:
        return "too simple (fewer than %d distinct characters)" % MIN_DISTINCT
    return None


def refusal(key):
    """The one line an entry point prints before it exits, or None."""
    why = problem(key)
    if why is None:
        return None
    return ("legacyproj: refusing to start with DEBUG off: SECRET_KEY is %s. "
            "Generate one with: %s" % (why, GENERATE))
