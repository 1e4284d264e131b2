"""The project's own settings, read in the unit tests' environment.

pytest-django reads the settings before any conftest runs, so the
environment is fixed here, first: production shape (DEBUG off) with the
harness's signing key, so that ``portproj.asgi`` starts and the harness's
bad tokens are signed with the key the code checks, and the in-memory
channel layer (the tests look inside it) whatever the shell says.  After
the import only the password hasher changes: production strength
(1,000,000 PBKDF2 rounds) costs half a second per user or login and proves
nothing in a unit test.  (The shared harness is importable through
pytest.ini's ``pythonpath``.)
"""
import os

from harness.tokens import TEST_SECRET_KEY

os.environ.update(SECRET_KEY=TEST_SECRET_KEY, DEBUG="0", REDIS_URL="")
for name in ("HTTPS", "WS_AUTH_EXPLAIN_FAILURES", "ALLOWED_ORIGINS", "ALLOWED_HOSTS", "DATABASE_URL",
             "JWT_EXPIRATION_SECONDS", "JWT_REFRESH_SECONDS", "HTTP_MAX_BODY_BYTES", "WS_MAX_MESSAGE_BYTES",
             "WS_MAX_UNSENT_BYTES", "HANDSHAKE_TIMEOUT_SECONDS", "AUTH_RATE_PER_ADDRESS", "AUTH_RATE_PER_USERNAME"):
    os.environ.pop(name, None)

from portproj.settings import *  # noqa: E402,F401,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
