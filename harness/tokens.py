"""The signing key the harness gives every server, and the bad tokens it mints.

Good tokens always come from the server under test (``POST /api-token-auth/``,
or in unit tests the app's own encoder): only the server knows what makes a
token good for it.  Bad ones are derived here from a good one, re-signed with
the key the harness itself handed to the server, so each differs from a good
token in exactly one way.
"""
from __future__ import absolute_import, unicode_literals

import time

import jwt

# What every server started by the harness signs with.  Long and unique
# enough for a production-shape server (DEBUG off) to accept it.
TEST_SECRET_KEY = "harness-signing-key-for-tests-only-4c1d7e02b9a35f68-not-secret"


def encode(payload, key=TEST_SECRET_KEY, algorithm="HS256"):
    token = jwt.encode(payload, key, algorithm=algorithm)
    return token.decode("ascii") if isinstance(token, bytes) else token


def payload_of(token):
    """The claims of ``token``, unverified (PyJWT 1.x and 2.x alike)."""
    return jwt.decode(token, options={"verify_signature": False, "verify_exp": False}, algorithms=["HS256"])


def failure_cases(good, inactive, key=TEST_SECRET_KEY, user_claim="username"):
    """``(name, query string, expected error code)`` for every refusal class.

    ``good`` is a valid token and ``inactive`` a token that was valid for a
    user since deactivated; ``key`` is the server's signing key.
    """
    payload = payload_of(good)
    no_user = dict(payload)
    del no_user[user_claim]
    return [
        ("missing token", "", "missing_token"),
        ("empty token", "token=", "missing_token"),
        ("garbage", "token=garbage", "malformed_token"),
        # Cut inside the payload: whatever is left cannot be decoded.  (Cut
        # inside the signature it decodes, and fails as bad_signature.)
        ("truncated", "token=" + good[:good.index(".") + 6], "malformed_token"),
        ("other secret", "token=" + encode(payload, key="not-the-secret"), "bad_signature"),
        ("alg none", "token=" + encode(payload, key="", algorithm="none"), "bad_algorithm"),
        ("other algorithm", "token=" + encode(payload, key=key, algorithm="HS512"), "bad_algorithm"),
        ("expired", "token=" + encode(dict(payload, exp=int(time.time()) - 5), key=key), "expired_token"),
        ("no username", "token=" + encode(no_user, key=key), "invalid_payload"),
        ("username not a string", "token=" + encode(dict(payload, **{user_claim: ["alice"]}), key=key),
         "invalid_payload"),
        ("unknown user", "token=" + encode(dict(payload, **{user_claim: "nobody"}), key=key), "unknown_user"),
        ("inactive user", "token=" + inactive, "inactive_user"),
        ("other parameter", "access_token=" + good, "missing_token"),
        ("two different tokens", "token=%s&token=%s" % (good, inactive), "ambiguous_token"),
    ]
