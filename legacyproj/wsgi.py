"""Plain WSGI entry point: HTTP only, no WebSockets (kept for ``--noasgi``)."""
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legacyproj.settings")

from legacyproj import preflight  # noqa: E402

preflight.run()

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
