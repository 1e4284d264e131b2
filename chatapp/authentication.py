"""Token checks for HTTP: djangorestframework-jwt's, through the WebSocket code.

The API (``JSONWebTokenAuthentication``), ``/api-token-verify/`` and
``/api-token-refresh/`` use ``chatapp.ws_authentication``'s
``check_payload`` and ``check_user``, so a token is good or bad alike on
every endpoint.  drf-jwt's own serializers let PyJWT's errors other than
expiry and decoding escape (``alg: none``, another algorithm, ``nbf`` in the
future): a 500, whose debug page showed the signing key.
"""
from __future__ import unicode_literals

from rest_framework import exceptions, serializers
from rest_framework_jwt import authentication
from rest_framework_jwt import serializers as jwt_serializers

from chatapp.ws_authentication import TokenAuthError, check_payload, check_user


class JSONWebTokenAuthentication(authentication.JSONWebTokenAuthentication):

    def authenticate_credentials(self, payload):
        try:
            return check_user(payload)
        except TokenAuthError as error:
            raise exceptions.AuthenticationFailed(error.detail)


class CheckedTokenMixin(object):

    def _check_payload(self, token):
        try:
            return check_payload(token=token, message=None)
        except TokenAuthError as error:
            raise serializers.ValidationError(error.detail)

    def _check_user(self, payload):
        try:
            return check_user(payload)
        except TokenAuthError as error:
            raise serializers.ValidationError(error.detail)


class VerifyJSONWebTokenSerializer(CheckedTokenMixin, jwt_serializers.VerifyJSONWebTokenSerializer):
    pass


class RefreshJSONWebTokenSerializer(CheckedTokenMixin, jwt_serializers.RefreshJSONWebTokenSerializer):
    pass
