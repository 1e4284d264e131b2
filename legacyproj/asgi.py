"""The ASGI entry point for daphne: ``python -m legacyproj.serve legacyproj.asgi:channel_layer``.

Channels 1.x has no ASGI *application*; daphne talks to the channel layer and
workers (``manage.py runworker``) consume from it.  Channels 2+ replaces this
file with ``application = ProtocolTypeRouter({...})``.
"""
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legacyproj.settings")

from legacyproj import preflight  # noqa: E402

preflight.run()

from channels.asgi import get_channel_layer  # noqa: E402

channel_layer = get_channel_layer()
preflight.run_for_interface_server(channel_layer)
