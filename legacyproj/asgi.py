"""The ASGI entry point for daphne: ``daphne legacyproj.asgi:channel_layer``.

Channels 1.x has no ASGI *application*; daphne talks to the channel layer and
workers (``manage.py runworker``) consume from it.  Channels 2+ replaces this
file with ``application = ProtocolTypeRouter({...})``.
"""
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legacyproj.settings")

from legacyproj.redis_check import exit_if_redis_unreachable  # noqa: E402

exit_if_redis_unreachable()

from channels.asgi import get_channel_layer  # noqa: E402

channel_layer = get_channel_layer()
