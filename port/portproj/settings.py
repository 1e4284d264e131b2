"""Settings for portproj, the Channels 4 port of legacyproj.

The same environment variables and defaults as the legacy project, so the two
run side by side from one set of instructions: SQLite, the in-memory channel
layer and the local-memory cache by default; ``REDIS_URL`` (comma-separate
several to shard) puts the channel layer *and* the cache on Redis, so any
number of daphne processes share groups, throttles and the live value.
"""
import os
import sys
import warnings
from datetime import timedelta
from pathlib import Path

import dj_database_url

from portproj.environment import env_bool, env_int, env_list
from portproj.redis_check import redis_urls
from portproj.secret_key import DEVELOPMENT_KEY

BASE_DIR = Path(__file__).resolve().parent.parent

# The demo app (the page, its static files and the examples' declaration) is
# shared with the legacy project: beside port/ in a checkout, copied next to
# manage.py in the Docker image.
for _candidate in (BASE_DIR, BASE_DIR.parent):
    if (_candidate / "demo" / "examples.py").is_file():
        if str(_candidate) not in sys.path:
            sys.path.append(str(_candidate))
        break


# The entry points refuse the development key unless DEBUG is on
# (portproj/preflight.py); the unit tests import these settings directly.
SECRET_KEY = os.environ.get("SECRET_KEY") or DEVELOPMENT_KEY
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# Pages on these origins (scheme://host[:port]) may open the session-cookie
# sockets too; a page's own origin always may (portapp/ws_security.py).
ALLOWED_ORIGINS = env_list("ALLOWED_ORIGINS", "")

INSTALLED_APPS = [
    # Before daphne: its runserver is replaced by one with the project's
    # WebSocket limits (portapp/management/commands/runserver.py).
    "portapp",
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "channels",
    # The demo page's template and static files, shared with legacyproj.
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves /static/ also when DEBUG is off, where Django's own view is off.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "portproj.urls"

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

ASGI_APPLICATION = "portproj.asgi.application"

DATABASES = {
    "default": dj_database_url.config(default="sqlite:///" + str(BASE_DIR / "db.sqlite3")),
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# WhiteNoise reads the apps' static folders directly, so the demo page needs
# no collectstatic step (and STATIC_ROOT, which it would warn about, need not
# exist).
WHITENOISE_USE_FINDERS = True
warnings.filterwarnings("ignore", message="No directory at")
# WhiteNoise 6 hands Django's ASGI handler file iterators that are
# synchronous; Django serves them correctly and says so once per file.
warnings.filterwarnings("ignore", message="StreamingHttpResponse must consume synchronous iterators")

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# --- Security ----------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# The demo page reads the CSRF token from its login form, never the cookie.
CSRF_COOKIE_HTTPONLY = True
# HTTPS=1: the site is served over TLS only (directly or behind a proxy that
# sets X-Forwarded-Proto), so cookies never travel in clear text.
HTTPS = env_bool("HTTPS", False)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# HTTP bodies: larger ones get 413 before they are read (portproj/http_limits.py).
HTTP_MAX_BODY_BYTES = env_int("HTTP_MAX_BODY_BYTES", 131072)
# WebSocket messages: larger ones close that socket with 1009 while their
# first frame header is read (portproj/server.py).  1 MiB + 64 KiB: a 1 MiB
# echo still fits, with room for a frame's worth of overhead.
WS_MAX_MESSAGE_BYTES = env_int("WS_MAX_MESSAGE_BYTES", 1114112)
# daphne's own runserver reads these two.
DAPHNE_WEBSOCKET_MAX_MESSAGE_SIZE = WS_MAX_MESSAGE_BYTES
DAPHNE_WEBSOCKET_MAX_FRAME_SIZE = WS_MAX_MESSAGE_BYTES
# A WebSocket client that stops reading is dropped once this much waits for
# it beyond the kernel's and Twisted's send buffers (portproj/server.py).
WS_MAX_UNSENT_BYTES = env_int("WS_MAX_UNSENT_BYTES", 2 * WS_MAX_MESSAGE_BYTES)
DATA_UPLOAD_MAX_MEMORY_SIZE = HTTP_MAX_BODY_BYTES
# A connection without a complete request head (HTTP request or WebSocket
# handshake) by then is dropped (portproj/server.py), and so is a handshake
# the application has not accepted by then (daphne's
# --websocket_connect_timeout, which python -m portproj.serve defaults to this).
HANDSHAKE_TIMEOUT_SECONDS = env_int("HANDSHAKE_TIMEOUT_SECONDS", 10)

# Credentials endpoints (POST /api-token-auth/, /api-token-refresh/ and the
# login form): attempts per client address and per submitted username,
# counted in the cache (portapp/throttling.py).
AUTH_RATE_PER_ADDRESS = os.environ.get("AUTH_RATE_PER_ADDRESS", "30/min")
AUTH_RATE_PER_USERNAME = os.environ.get("AUTH_RATE_PER_USERNAME", "10/min")

# --- Channels 4 ---------------------------------------------------------------

REDIS_URLS = redis_urls()

if REDIS_URLS:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # Several hosts shard channels and groups (channels_redis picks
                # a host per name), so every process must list them in one order.
                # redis-py 8 times a read out after 5 s by default, which ends
                # every idle consumer in the middle of channels_redis's 5 s
                # BZPOPMIN (channels_redis#422): wait longer than that.
                "hosts": [{"address": url, "socket_timeout": 15} for url in REDIS_URLS],
                # One Redis key per daphne process holds the messages for all
                # of its consumers: room for a burst of broadcasts to many sockets.
                "capacity": 1000,
                "group_expiry": 86400,
            },
        },
    }
    CACHES = {
        "default": {
            # The first host only: Django reads a list as primary + replicas.
            # It shares the channel layer's database, so never cache.clear()
            # here (FLUSHDB would take every group with it).
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URLS[0],
            "KEY_PREFIX": "portproj",
            # JSON, not pickle: nothing stored in Redis can run code when read.
            "OPTIONS": {"serializer": "portproj.cache_serializer.JSONSerializer"},
        },
    }
else:
    CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels.layers.InMemoryChannelLayer"},
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portproj",
        },
    }

# --- Django REST framework + djangorestframework-simplejwt -------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": (
        "portapp.authentication.JSONWebTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ),
    "DEFAULT_PERMISSION_CLASSES": ("rest_framework.permissions.IsAuthenticated",),
    "DEFAULT_PARSER_CLASSES": (
        "portapp.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
    ),
}

JWT_EXPIRATION_SECONDS = env_int("JWT_EXPIRATION_SECONDS", 3600)
# How long after a login a token may still be refreshed (drf-jwt's
# JWT_REFRESH_EXPIRATION_DELTA, counted from the "orig_iat" claim).
JWT_REFRESH_SECONDS = env_int("JWT_REFRESH_SECONDS", 86400)

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(seconds=JWT_EXPIRATION_SECONDS),
    "ALGORITHM": "HS256",
    "SIGNING_KEY": SECRET_KEY,
    # drf-jwt's header: "Authorization: JWT <token>".
    "AUTH_HEADER_TYPES": ("JWT",),
    # The user is named by username, as drf-jwt did; the harness derives its
    # bad tokens from that claim on both stacks.
    "USER_ID_FIELD": "username",
    "USER_ID_CLAIM": "username",
    # Each token carries a hash of its user's password hash: a password
    # change, or a user deleted and created again, ends the old tokens.
    "CHECK_REVOKE_TOKEN": True,
    "UPDATE_LAST_LOGIN": False,
    "AUTH_TOKEN_CLASSES": ("rest_framework_simplejwt.tokens.AccessToken",),
}

# Token failures on WebSockets: False (the tutorial's behaviour) refuses the
# handshake, which a browser sees only as HTTP 403 / close code 1006.  True
# accepts, sends {"error": <code>, "detail": ...} and closes with a 4xxx code
# (portapp.ws_authentication.CLOSE_CODES), so a client can tell why.
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
        # daphne configures the root logger too: no propagation, no doubles.
        "portapp": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "portproj": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Every 500 with its traceback, also with DEBUG off.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Group messages dropped on a full channel are logged here.
        "channels_redis": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
