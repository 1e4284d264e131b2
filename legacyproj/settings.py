"""Settings for legacyproj.

Everything has a development default, so ``manage.py runserver`` works on a
fresh clone (SQLite, in-memory channel layer, local-memory cache).  The
environment switches to production shapes:

* ``REDIS_URL=redis://host:port/db`` (comma-separate several to shard) puts the
  channel layer *and* the cache on Redis, so daphne and any number of
  ``runworker`` processes share groups, channel sessions and the live value.
* ``SECRET_KEY``, ``DEBUG``, ``ALLOWED_HOSTS`` (comma-separated) and
  ``DATABASE_URL`` (e.g. ``sqlite:////var/lib/app/db.sqlite3``,
  ``postgres://...``).
"""
from __future__ import unicode_literals

import datetime
import os
import warnings

import dj_database_url

from legacyproj.redis_check import redis_urls

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# The fallback key is for development only; it is public in this repository.
SECRET_KEY = os.environ.get("SECRET_KEY", "legacyproj-development-only-not-secret")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    # Before channels: Django takes a management command from the first app
    # that has it, and chatapp's runworker survives Redis restarts.
    "chatapp",
    "channels",
    # The demo page's template and static files, shared with the Channels 4 port.
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves /static/ also when DEBUG is off (daphne + runworker), where
    # Django's own static view is disabled.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "legacyproj.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "legacyproj.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default="sqlite:///" + os.path.join(BASE_DIR, "db.sqlite3"),
    ),
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_L10N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = os.path.join(BASE_DIR, "staticfiles")
# WhiteNoise reads the apps' static folders directly, so the demo page needs
# no collectstatic step under any of the deployment shapes (and STATIC_ROOT,
# which it would warn about, need not exist).
WHITENOISE_USE_FINDERS = True
warnings.filterwarnings("ignore", message="No directory at", module="whitenoise.base")

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# --- Channels 1.x --------------------------------------------------------

REDIS_URLS = redis_urls()

if REDIS_URLS:
    CHANNEL_LAYERS = {
        "default": {
            # asgi_redis's layer, except that a group send dropped on a full
            # channel is logged instead of vanishing (docs/scale-out.md).
            "BACKEND": "legacyproj.channel_layer.RedisChannelLayer",
            "CONFIG": {
                # Several hosts shard channels and groups (asgi_redis picks a
                # host per name), so every process must list them in one order.
                "hosts": REDIS_URLS,
                # Consumer channels (websocket.receive, http.request): a burst
                # beyond this mutes the socket (close 1013) or answers 503.
                "capacity": 1000,
                "channel_capacity": {
                    # ONE list per daphne holds the replies for all of its
                    # sockets, so asgi_redis's default of 100 dropped
                    # broadcasts as soon as 10 were in flight to 10 sockets.
                    # It must hold sockets x broadcasts in flight.
                    "daphne.response.*": 100000,
                },
                # Left at 86400: daphne also closes every WebSocket after
                # group_expiry seconds (its default websocket_timeout).
                "group_expiry": 86400,
            },
            "ROUTING": "legacyproj.routing.channel_routing",
        },
    }
    CACHES = {
        "default": {
            # The first host only (django-redis reads a list as primary +
            # replicas).  It shares the channel layer's database, so never
            # cache.clear() here: that is FLUSHDB, and takes every group and
            # queued message with it.
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URLS[0],
            "KEY_PREFIX": "legacyproj",
        },
    }
else:
    # One process only: runserver's interface server and its worker threads
    # share this layer in memory; runworker refuses it on purpose.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "asgiref.inmemory.ChannelLayer",
            # This layer has one capacity for every channel, 10 by default,
            # and runserver's replies to all sockets share one channel:
            # broadcasts to a few sockets were dropped without a word.
            "CONFIG": {"capacity": 100000},
            "ROUTING": "legacyproj.routing.channel_routing",
        },
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "legacyproj",
        },
    }

# --- Django REST framework + djangorestframework-jwt ------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": (
        "rest_framework_jwt.authentication.JSONWebTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ),
    "DEFAULT_PERMISSION_CLASSES": ("rest_framework.permissions.IsAuthenticated",),
}

JWT_AUTH = {
    "JWT_EXPIRATION_DELTA": datetime.timedelta(
        seconds=int(os.environ.get("JWT_EXPIRATION_SECONDS", "3600"))),
    "JWT_ALLOW_REFRESH": True,
}

# Token failures on WebSockets: False (the tutorial's behaviour) refuses the
# handshake, which a browser sees only as HTTP 403 / close code 1006.  True
# accepts, sends {"error": <code>, "detail": ...} and closes with a 4xxx code
# (chatapp.ws_authentication.CLOSE_CODES), so a client can tell why.
WS_AUTH_EXPLAIN_FAILURES = env_bool("WS_AUTH_EXPLAIN_FAILURES", False)

# --- Logging --------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "loggers": {
        "chatapp": {"handlers": ["console"], "level": "INFO"},
        "legacyproj": {"handlers": ["console"], "level": "INFO"},
    },
}
