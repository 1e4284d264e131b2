"""HTTP bodies: 413 over the size limit and 415 for other media types, before Django reads them."""
import json

import pytest
from channels.testing import HttpCommunicator

from portproj.asgi import application
from portproj.cache_serializer import JSONSerializer

pytestmark = pytest.mark.django_db(transaction=True)


async def request(body=b"", content_type=b"application/json", method="POST", path="/api-token-auth/",
                  length=True, chunks=None):
    headers = [(b"host", b"127.0.0.1")]
    if content_type:
        headers.append((b"content-type", content_type))
    if length:
        headers.append((b"content-length", str(len(body)).encode()))
    communicator = HttpCommunicator(application, method, path, body=body, headers=headers)
    if chunks is not None:
        # A chunked body arrives in pieces, with no Content-Length.
        communicator.scope["headers"].append((b"transfer-encoding", b"chunked"))
        for number, chunk in enumerate(chunks):
            await communicator.send_input({"type": "http.request", "body": chunk,
                                           "more_body": number < len(chunks) - 1})
    response = await communicator.get_response()
    return response["status"], response["body"]


async def test_a_body_over_the_limit_is_413_from_its_length():
    status, body = await request(b"x" * 131073)
    assert (status, json.loads(body)) == (
        413, {"error": "body_too_large", "detail": "The request body is over 131072 bytes."})


async def test_a_chunked_body_is_counted():
    status, body = await request(length=False, chunks=[b"x" * 65536] * 3)
    assert (status, json.loads(body)["error"]) == (413, "body_too_large")


async def test_a_body_at_the_limit_goes_through():
    status, _ = await request(json.dumps({"username": "u" * 131000, "password": "p"}).encode()[:131072])
    assert status == 400  # read by the view: it is not JSON any more


@pytest.mark.parametrize("content_type", [b"multipart/form-data; boundary=x", b"text/plain", b"application/xml", None])
async def test_other_media_types_are_415(content_type):
    status, body = await request(b"--x\r\n", content_type)
    kind = content_type.split(b";")[0].decode() if content_type else "untyped"
    assert (status, json.loads(body)) == (415, {
        "error": "unsupported_media_type",
        "detail": f"Bodies here are application/json or application/x-www-form-urlencoded; not {kind}."})


async def test_an_empty_body_needs_no_media_type():
    status, _ = await request(method="GET", path="/api/live/", content_type=None)
    assert status == 401


async def test_form_bodies_still_reach_the_login_form():
    status, _ = await request(b"username=a&password=b", b"application/x-www-form-urlencoded", path="/accounts/login/")
    assert status == 403  # the CSRF check, which runs after this one


def test_the_cache_stores_json_and_plain_integers():
    serializer = JSONSerializer()
    for value in ["42", 42, 4.2, True, None, {"a": [1, "x"]}, "", "é"]:
        stored = serializer.dumps(value)
        assert isinstance(stored, (bytes, int))
        assert serializer.loads(stored if isinstance(stored, bytes) else str(stored).encode()) == value
    assert serializer.dumps(7) == 7  # so that Redis INCR works on counters
