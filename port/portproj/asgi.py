"""The ASGI entry point: ``python -m portproj.serve ... portproj.asgi:application``.

Channels 1.x had no ASGI *application*: daphne talked to the channel layer
(``legacyproj.asgi:channel_layer``) and ``runworker`` processes consumed
from it.  Channels 4 runs the consumers inside the daphne process; scale
out with more daphne processes over one Redis.
"""
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portproj.settings")

from portproj import preflight  # noqa: E402

preflight.run()
preflight.run_for_interface_server()

from django.core.asgi import get_asgi_application  # noqa: E402

# Django first: it sets up the apps that the routing's imports need.
django_application = get_asgi_application()

from channels.routing import ProtocolTypeRouter  # noqa: E402

from portproj.http_limits import HttpBodyLimits  # noqa: E402
from portproj.routing import websocket_application  # noqa: E402

application = ProtocolTypeRouter({
    "http": HttpBodyLimits(django_application),
    "websocket": websocket_application,
})
