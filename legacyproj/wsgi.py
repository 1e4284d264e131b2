"""Plain WSGI entry point: HTTP only, no WebSockets (kept for ``--noasgi``)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legacyproj.settings")

application = get_wsgi_application()
