"""Settings for legacyproj.

Everything has a development default, so ``manage.py runserver`` works on a
fresh clone (SQLite, in-memory channel layer, local-memory cache).  The
environment switches to production shapes:

* ``REDIS_URL=redis://host:port/db`` (comma-separate several to shard) puts the
  channel layer *and* the cache on Redis, so daphne and any number of
  ``runworker`` processes share groups, channel sessions and the live value.
* ``SECRET_KEY``, ``DEBUG``, ``ALLOWED_HOSTS`` (comma-separated) and
  ``DATABASE_URL`` (e.g. ``sqlite:////var/lib/app/db.sqlite3``,
  ``postgres://...``).  With ``DEBUG`` off nothing starts without a real
  ``SECRET_KEY`` (``legacyproj.secret_key``); ``HTTPS=1`` turns on the
  settings that need TLS in front.
* The limits a public server needs (``docs/security.md``), each from the
  environment variable of the same name.
"""
from __future__ import unicode_literals

import datetime
import os
import warnings

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from legacyproj import secret_key
from legacyproj.environment import env_bool, env_int, env_list
from legacyproj.redis_check import redis_urls

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if DEBUG and not SECRET_KEY:
    SECRET_KEY = secret_key.DEVELOPMENT_KEY  # public: development only
if not DEBUG and secret_key.problem(SECRET_KEY):
    # Entry points say this in one line before they get here (legacyproj.preflight).
    raise ImproperlyConfigured(secret_key.refusal(SECRET_KEY))
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# WebSocket handshakes that carry the login cookie (/chat/session/, /class/)
# must come from a page of this server, or from one of these origins
# (scheme://host[:port], comma-separated).
ALLOWED_ORIGINS = env_list("ALLOWED_ORIGINS", "")

INSTALLED_APPS = [
    # First: Django takes a management command from the first app that has
    # it, and chatapp's runserver (legacyproj's interface server) and
    # runworker (survives Redis restarts) must win over staticfiles' and
    # channels' own.
    "chatapp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "channels",
    # The demo page's template and static files, shared with the Channels 4 port.
    "demo",
]

MIDDLEWARE = [
    # First: refuses body types nothing here reads (multipart above all)
    # before any parser or the CSRF check touches them.
    "legacyproj.middleware.BodyTypeMiddleware",
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
if DEBUG:
    # The debug page shows local variables and request headers: keep the
    # key, Redis passwords and the session id out of it.
    MIDDLEWARE.insert(0, "legacyproj.middleware.ScrubSecretsMiddleware")

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

# --- Security ---------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_BROWSER_XSS_FILTER = True
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
# TLS in front (a proxy that sets X-Forwarded-Proto): secure cookies, HSTS,
# redirects, and WebSocket origins expected as https://.
HTTPS = env_bool("HTTPS")
if HTTPS:
    # Behind a TLS proxy that sets X-Forwarded-Proto (docs/security.md).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Limits (docs/security.md).  The interface server (legacyproj.server, under
# runserver and under daphne) enforces them before a payload is buffered or
# put on the channel layer.
WS_MAX_MESSAGE_BYTES = env_int("WS_MAX_MESSAGE_BYTES", 1024 * 1024 + 64 * 1024)
WS_MAX_UNSENT_BYTES = env_int("WS_MAX_UNSENT_BYTES", 2 * WS_MAX_MESSAGE_BYTES)
WS_CONGESTION_BACKLOG = env_int("WS_CONGESTION_BACKLOG", 100)
HTTP_MAX_BODY_BYTES = env_int("HTTP_MAX_BODY_BYTES", 128 * 1024)
HANDSHAKE_TIMEOUT_SECONDS = env_int("HANDSHAKE_TIMEOUT_SECONDS", 10)
# Django's own check, for bodies that reach it some other way (WSGI).
DATA_UPLOAD_MAX_MEMORY_SIZE = HTTP_MAX_BODY_BYTES
# Credentials endpoints: attempts per client address and per username.
AUTH_RATE_PER_ADDRESS = os.environ.get("AUTH_RATE_PER_ADDRESS", "30/min")
AUTH_RATE_PER_USERNAME = os.environ.get("AUTH_RATE_PER_USERNAME", "10/min")

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# --- Channels 1.x --------------------------------------------------------

REDIS_URLS = redis_urls()

# CHANNELS_STOCK=1: the channel layers' messaging exactly as asgiref and
# asgi_redis ship it, so daphne polls for replies every 50 ms and workers
# every 10 ms (docs/performance.md).  By default the project's layers wait
# for messages instead of polling, and speak to Redis in fewer round trips;
# every process sharing a Redis must run with the same value.
CHANNELS_STOCK = env_bool("CHANNELS_STOCK")

if REDIS_URLS:
    CHANNEL_LAYERS = {
        "default": {
            # asgi_redis's layer, except that a group send dropped on a full
            # channel is logged instead of vanishing (docs/scale-out.md).
            "BACKEND": "legacyproj.layers.redis." + ("StockRedisChannelLayer" if CHANNELS_STOCK
                                                     else "RedisChannelLayer"),
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
            # JSON, not pickle: whoever can write to Redis must not be able
            # to run code in every worker by planting a value.
            "OPTIONS": {"SERIALIZER": "django_redis.serializers.json.JSONSerializer"},
        },
    }
else:
    # One process only: runserver's interface server and its worker threads
    # share this layer in memory; runworker refuses it on purpose.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "legacyproj.layers.inmemory." + ("StockChannelLayer" if CHANNELS_STOCK else "ChannelLayer"),
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

# Channel sessions live in the cache under their own prefix: apart from the
# login sessions (a channel session key is never a valid sessionid), no
# database row per handshake, deleted when the socket closes.
CHANNEL_SESSION_ENGINE = "legacyproj.channel_sessions"

# Run every second by the interface server (legacyproj.server).
SERVER_HOUSEKEEPING = ["chatapp.socket_lifetime.close_expired_sockets"]

# --- Django REST framework + djangorestframework-jwt ------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": (
        "chatapp.authentication.JSONWebTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ),
    "DEFAULT_PERMISSION_CLASSES": ("rest_framework.permissions.IsAuthenticated",),
    # No multipart: nothing here uploads files, and Django 1.11's multipart
    # parser has unfixed CVEs.  JSON that nests too deep is a 400, not a 500.
    "DEFAULT_PARSER_CLASSES": (
        "chatapp.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
    ),
    "EXCEPTION_HANDLER": "chatapp.throttling.exception_handler",
}

JWT_AUTH = {
    "JWT_EXPIRATION_DELTA": datetime.timedelta(seconds=env_int("JWT_EXPIRATION_SECONDS", 3600)),
    "JWT_ALLOW_REFRESH": True,
    # How long after the first login a token can still be refreshed
    # (djangorestframework-jwt's default is 7 days).
    "JWT_REFRESH_EXPIRATION_DELTA": datetime.timedelta(seconds=env_int("JWT_REFRESH_SECONDS", 86400)),
    # Tokens name their user's id and a hash of the password: a password
    # change, deactivation or deletion ends every token (chatapp.tokens).
    "JWT_PAYLOAD_HANDLER": "chatapp.tokens.payload_for",
    "JWT_AUTH_HEADER_PREFIX": "JWT",
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
        # Not propagated: daphne's command line gives the root logger a
        # handler of its own, which would print every line twice.
        "chatapp": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "legacyproj": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Every 500 with its traceback, also with DEBUG off.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
