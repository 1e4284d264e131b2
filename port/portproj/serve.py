"""``python -m portproj.serve [daphne's options] portproj.asgi:application``

daphne's own command line, serving with ``portproj.server.Server`` (daphne 4
offers ``server_class`` for that), with these defaults from the settings:
``--websocket-max-message-size`` and ``--websocket-max-frame-size`` are
``WS_MAX_MESSAGE_BYTES``, ``--websocket_connect_timeout`` (the handshake's
deadline) is ``HANDSHAKE_TIMEOUT_SECONDS``.  Options given on the command
line win.
"""
import os

from daphne.cli import CommandLineInterface as DaphneCommandLineInterface
from django.conf import settings

from portproj import preflight
from portproj.server import Server


class CommandLineInterface(DaphneCommandLineInterface):
    description = "portproj's daphne: daphne with the project's limits"
    server_class = Server

    def __init__(self):
        super().__init__()
        limit = settings.WS_MAX_MESSAGE_BYTES
        self.parser.set_defaults(websocket_max_message_size=limit, websocket_max_frame_size=limit,
                                 websocket_connect_timeout=settings.HANDSHAKE_TIMEOUT_SECONDS)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portproj.settings")
    preflight.limits_in_force = True
    CommandLineInterface.entrypoint()


if __name__ == "__main__":
    main()
