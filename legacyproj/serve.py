"""``python -m legacyproj.serve [daphne's options] legacyproj.asgi:channel_layer``

daphne's own command line, serving with ``legacyproj.server.Server`` (the
limits, the housekeeping, and one line instead of a silent server when the
port is taken).  daphne 1.4's command line builds its ``Server`` by name and
offers no hook for another class (daphne 2 added ``server_class``), so this
launcher swaps the name in daphne's command-line module, in this process only.
"""
from __future__ import absolute_import, unicode_literals

import os
import warnings

# cryptography (imported by autobahn) warns on every start under Python 2.7
# and 3.6; the pinned stack cannot change, and a refusal must stay one line.
warnings.filterwarnings("ignore", message=r"Python [0-9.]+ is no longer supported")

import daphne.cli  # noqa: E402


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legacyproj.settings")
    from legacyproj.server import Server

    daphne.cli.Server = Server
    daphne.cli.CommandLineInterface.entrypoint()


if __name__ == "__main__":
    main()
