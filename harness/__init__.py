"""The test harness: real processes, real sockets, one place.

Used by the unit-test integration folders, the black-box suite and ``bench/``
alike.  It starts and stops servers (``processes``, ``legacy``, ``redis_server``),
mints test tokens (``tokens``) and speaks HTTP (``web``) and WebSocket
(``sockets``, ``load``) to them.  It never imports the applications: what it
knows of a server it passes in through the environment (the signing key,
the database, the channel layer).

Runs on every interpreter the legacy suite does (2.7, 3.6, 3.7) and on the
port's 3.12.
"""
