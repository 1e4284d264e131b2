from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import ensure_csrf_cookie

from demo.examples import EXAMPLES, TOKEN_PLACEHOLDER
from portapp import throttling


# The page's scripts log in and PUT the live value with the CSRF cookie.
@ensure_csrf_cookie
def index(request):
    return render(request, "demo/index.html", {
        "stack": "Channels 4",
        "examples": EXAMPLES,
        "token_placeholder": TOKEN_PLACEHOLDER,
    })


class LoginView(auth_views.LoginView):
    """Django's login form, throttled like the token endpoints (``portapp.throttling``)."""

    def post(self, request, *args, **kwargs):
        wait = throttling.attempt(request, request.POST.get("username", ""))
        if wait:
            response = HttpResponse(throttling.detail(wait), status=429, content_type="text/plain; charset=utf-8")
            response["Retry-After"] = str(wait)
            return response
        return super().post(request, *args, **kwargs)
