"""The signing key: what makes it acceptable for a production shape.

``SECRET_KEY`` signs sessions, CSRF tokens and every JWT.  The development
key below is public (it is in this repository), so anybody can mint a token
for any user of a server that runs on it.  With ``DEBUG`` off nothing starts
on it, or on a key too short or too simple to resist guessing; with
``DEBUG`` on it keeps development free of set-up.
"""
DEVELOPMENT_KEY = "portproj-development-only-not-secret"
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
        return f"too short ({len(key)} characters; at least {MIN_LENGTH})"
    if len(set(key)) < MIN_DISTINCT:
        return f"too simple (fewer than {MIN_DISTINCT} distinct characters)"
    return None


def refusal(key):
    """The one line an entry point prints before it exits, or None."""
    why = problem(key)
    if why is None:
        return None
    return f"portproj: refusing to start with DEBUG off: SECRET_KEY is {why}. Generate one with: {GENERATE}"
