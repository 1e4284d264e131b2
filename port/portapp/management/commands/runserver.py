"""daphne's ``runserver`` with the project's size limits (``portproj.server.Server``).

For development only (it serves static files and reloads code); production
runs ``python -m portproj.serve``.
"""
from daphne.management.commands import runserver

from portproj.server import Server


class Command(runserver.Command):
    server_cls = Server
