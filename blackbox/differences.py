# -*- coding: utf-8 -*-
"""Where Channels 1.x and the Channels 4 port genuinely differ, said once.

The black-box tests assert each stack's own behaviour from this table, and
docs/MIGRATING.md prints it (a test holds the two together).  Anything not
in this table behaves the same on both stacks.
"""
from __future__ import unicode_literals

# key: (what, Channels 1.x (legacy), Channels 4 (port))
DIFFERENCES = [
    ("session_in_url", "A handshake naming a session in its URL (``?session_key=``)",
     "refused: ``session_in_url`` (1.x's ``http_session`` would log the socket in with it)",
     "refused as anonymous: ``not_logged_in`` (Channels 4 reads the session from the cookie only)"),
    ("recreated_user", "A token of an account deleted and made again under the same name",
     "``unknown_user`` (4008): its ``user_id`` is not the new account's",
     "``invalid_token`` (4010): simplejwt's tokens name no user id; the password hash differs"),
    ("status_413", "The reason phrase of a 413",
     "``Payload Too Large`` (RFC 7231)", "``Content Too Large`` (RFC 9110)"),
]


def expected(deployment, key):
    """What ``deployment``'s stack answers for ``key``: the first ``quoted``
    term of its column (an error code, a reason phrase)."""
    for name, _, legacy, port in DIFFERENCES:
        if name == key:
            return (legacy if deployment.stack == "legacy" else port).split("``")[1]
    raise KeyError(key)


def markdown_table():
    lines = ["| behaviour | Channels 1.x (legacyproj) | Channels 4 (port) |", "|---|---|---|"]
    lines += ["| %s | %s | %s |" % (what, legacy, port) for _, what, legacy, port in DIFFERENCES]
    return "\n".join(lines)
