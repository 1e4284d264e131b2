from __future__ import unicode_literals

from django.shortcuts import render
from django.views.decorators.csrf import ensure_csrf_cookie

from demo.examples import EXAMPLES, TOKEN_PLACEHOLDER


# The page's scripts log in and PUT the live value with the CSRF cookie.
@ensure_csrf_cookie
def index(request):
    return render(request, "demo/index.html", {
        "stack": "Channels 1.x",
        "examples": EXAMPLES,
        "token_placeholder": TOKEN_PLACEHOLDER,
    })
