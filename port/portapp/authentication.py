"""``Authorization: JWT <token>`` for DRF views.

Its own module: DRF imports the authentication classes while
``rest_framework.views`` is being imported, so this must not import views.
"""
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.authentication import JWTAuthentication

from portapp.ws_authentication import TokenAuthError, token_authenticate


class JSONWebTokenAuthentication(JWTAuthentication):
    """simplejwt's header parsing (``AUTH_HEADER_TYPES = ("JWT",)``), the sockets' token check."""

    def authenticate(self, request):
        header = self.get_header(request)
        raw_token = None if header is None else self.get_raw_token(header)
        if raw_token is None:
            return None
        try:
            return token_authenticate(raw_token.decode("latin-1"))
        except TokenAuthError as error:
            raise AuthenticationFailed(error.detail, code=error.code)
