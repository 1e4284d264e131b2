"""The credentials endpoints: drf-jwt's token views and Django's login form,
throttled (``chatapp.throttling``) and checking tokens like every other
endpoint (``chatapp.authentication``)."""
from __future__ import unicode_literals

from django.contrib.auth import views as auth_views
from django.views.decorators.http import require_POST
from rest_framework.exceptions import Throttled
from rest_framework_jwt import views

from chatapp import authentication, throttling


class ThrottledMixin(object):
    throttle_scope = None

    def initial(self, request, *args, **kwargs):
        super(ThrottledMixin, self).initial(request, *args, **kwargs)
        wait = throttling.throttled_wait(request, self.throttle_scope)
        if wait is not None:
            raise Throttled(wait)


class ObtainToken(ThrottledMixin, views.ObtainJSONWebToken):
    throttle_scope = "obtain"


class RefreshToken(ThrottledMixin, views.RefreshJSONWebToken):
    throttle_scope = "refresh"
    serializer_class = authentication.RefreshJSONWebTokenSerializer


class VerifyToken(views.VerifyJSONWebToken):
    serializer_class = authentication.VerifyJSONWebTokenSerializer


def login(request, *args, **kwargs):
    if request.method == "POST":
        wait = throttling.throttled_wait(request, "login")
        if wait is not None:
            return throttling.too_many_attempts(wait)
    return auth_views.LoginView.as_view()(request, *args, **kwargs)


# A cross-site GET (an <img> on any page) must not log the visitor out.
logout = require_POST(auth_views.LogoutView.as_view())
