"""The token endpoints and ``Authorization: JWT <token>``, on djangorestframework-simplejwt.

The request and response shapes are drf-jwt's, as the legacy project serves
them: ``POST /api-token-auth/`` ``{"username", "password"}`` -> ``{"token"}``,
``/api-token-refresh/`` and ``/api-token-verify/`` ``{"token"}`` ->
``{"token"}``, failures 400 ``{"non_field_errors": [<reason>]}``.  The token
is a simplejwt access token whose user claim is ``username``; it also
carries ``orig_iat`` (the login time, which limits refreshing to
``JWT_REFRESH_SECONDS``, as drf-jwt's ``JWT_REFRESH_EXPIRATION_DELTA`` did).

Every token is checked by ``portapp.ws_authentication.token_authenticate``,
the code the WebSockets and ``portapp.authentication`` use, so a token that
a socket refuses the API refuses too, and for the same reason.
"""
import time

import jwt
from django.conf import settings
from django.contrib.auth import authenticate
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import AccessToken

from portapp import throttling
from portapp.ws_authentication import TokenAuthError, token_authenticate

ORIG_IAT = "orig_iat"


def issue_token(user, orig_iat=None):
    token = AccessToken.for_user(user)
    token[ORIG_IAT] = token["iat"] if orig_iat is None else orig_iat
    return str(token)


def claimed_username(token):
    """The username a token claims, unverified: whom a refresh is for, to count the attempt."""
    try:
        username = jwt.decode(token, options={"verify_signature": False}).get(api_settings.USER_ID_CLAIM)
    except (jwt.InvalidTokenError, AttributeError):
        return None
    return username if isinstance(username, str) else None


class ObtainTokenSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)

    def validate(self, attrs):
        user = authenticate(self.context["request"], username=attrs["username"], password=attrs["password"])
        if user is None:  # a wrong password and an inactive user alike
            raise serializers.ValidationError("Unable to log in with provided credentials.")
        return {"token": issue_token(user)}


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()

    def checked(self, token):
        """``(user, payload)``, or the token's failure as a validation error."""
        try:
            return token_authenticate(token)
        except TokenAuthError as error:
            raise serializers.ValidationError(error.detail)


class VerifyTokenSerializer(TokenSerializer):
    def validate(self, attrs):
        self.checked(attrs["token"])
        return {"token": attrs["token"]}


class RefreshTokenSerializer(TokenSerializer):
    def validate(self, attrs):
        user, payload = self.checked(attrs["token"])
        orig_iat = payload.get(ORIG_IAT)
        if not isinstance(orig_iat, int):
            raise serializers.ValidationError("orig_iat field is required.")
        if time.time() > orig_iat + settings.JWT_REFRESH_SECONDS:
            raise serializers.ValidationError("Refresh has expired.")
        return {"token": issue_token(user, orig_iat)}


class TokenView(APIView):
    """POST ``{...}`` -> ``{"token"}``; no session, no CSRF (as drf-jwt's views)."""

    authentication_classes = ()
    permission_classes = ()
    serializer_class = None

    def username_of(self, data):
        """Whose credentials this attempt tries, for the throttle; ``None``: not throttled."""
        return None

    def post(self, request):
        data = request.data
        username = self.username_of(data if isinstance(data, dict) else {})
        if username is not None:
            wait = throttling.attempt(request, username)
            if wait:
                return Response({"error": "throttled", "detail": throttling.detail(wait)},
                                status=status.HTTP_429_TOO_MANY_REQUESTS, headers={"Retry-After": str(wait)})
        serializer = self.serializer_class(data=data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        return Response(serializer.validated_data)


class ObtainTokenView(TokenView):
    serializer_class = ObtainTokenSerializer

    def username_of(self, data):
        username = data.get("username")
        return username if isinstance(username, str) else ""


class RefreshTokenView(TokenView):
    serializer_class = RefreshTokenSerializer

    def username_of(self, data):
        token = data.get("token")
        return (claimed_username(token) if isinstance(token, str) else None) or ""


class VerifyTokenView(TokenView):
    serializer_class = VerifyTokenSerializer
