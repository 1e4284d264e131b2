"""daphne's Server with the project's size limits, applied where daphne reads the bytes.

``python -m portproj.serve`` (production) and ``manage.py runserver``
(development) serve with it:

* WebSocket messages: ``portproj.serve`` sets daphne's
  ``--websocket-max-message-size`` and ``--websocket-max-frame-size`` to
  ``WS_MAX_MESSAGE_BYTES`` (runserver reads them from the settings
  ``DAPHNE_WEBSOCKET_MAX_*``).  autobahn checks a frame's length in
  its header, before the payload is buffered.  daphne leaves autobahn's
  ``failByDrop`` on, which drops the TCP connection without a word; here
  the socket is closed with 1009 (message too big), and one WARNING line
  names the path.  Other sockets are unaffected.
* An HTTP body over ``HTTP_MAX_BODY_BYTES`` gets 413 while Twisted reads it
  (``Content-Length`` at once, a chunked body when it passes the limit),
  before Twisted buffers it in memory or a temporary file; a non-empty body
  of another type than JSON or a form gets 415 before Twisted parses a
  multipart body itself (it does, for every request).  The application
  checks both again (``portproj.http_limits``), for any other ASGI server.

Plain ``daphne`` would apply its own WebSocket limit (1 MiB, TCP drop
instead of 1009) and the body checks only after Twisted has read (and
parsed) the body, so with DEBUG off ``portproj.asgi`` refuses to serve under
it (``portproj.preflight``).
"""
import logging

from daphne.http_protocol import HTTPFactory as DaphneHTTPFactory
from daphne.http_protocol import WebRequest as DaphneWebRequest
from daphne.server import Server as DaphneServer
from daphne.ws_protocol import WebSocketProtocol as DaphneWebSocketProtocol
from django.conf import settings
from twisted.internet import protocol, reactor
from twisted.protocols.policies import ProtocolWrapper

from portapp.text import escape_controls
from portproj.http_limits import body_refusal

logger = logging.getLogger(__name__)

# How long a client whose body was refused may go on sending before the
# connection is cut (it should read the 413 and stop).
DRAIN_SECONDS = 10


class WebSocketProtocol(DaphneWebSocketProtocol):
    def _max_message_size_exceeded(self, msg_size, max_msg_size, reason):
        # autobahn's hook for exactly this; it then fails the connection (1009).
        path = getattr(self, "path", b"?").decode("ascii", "replace")
        logger.warning("WebSocket message over WS_MAX_MESSAGE_BYTES (%d) on %s from %s: closed with 1009",
                       max_msg_size, escape_controls(path), getattr(self.transport.getPeer(), "host", "?"))
        super()._max_message_size_exceeded(msg_size, max_msg_size, reason)


class _Drain(protocol.Protocol):
    """What is left of a connection whose request was refused: its bytes go nowhere."""

    def __init__(self, transport):
        self.cut = reactor.callLater(DRAIN_SECONDS, transport.abortConnection)

    def dataReceived(self, data):
        pass

    def connectionLost(self, reason=None):
        if self.cut.active():
            self.cut.cancel()


class WebRequest(DaphneWebRequest):
    refused = False
    received = 0

    def content_type(self):
        return (self.requestHeaders.getRawHeaders(b"content-type") or [b""])[0]

    def gotLength(self, length):
        super().gotLength(length)
        self.refuse_if(body_refusal(length or 0, self.content_type()),
                       "chunked" if length is None else f"{length} bytes announced")

    def handleContentChunk(self, data):
        if self.refused:
            return
        self.received += len(data)
        if not self.refuse_if(body_refusal(self.received, self.content_type()), f"{self.received} bytes read"):
            super().handleContentChunk(data)

    def process(self):
        if not self.refused:
            return super().process()

    def refuse_if(self, refusal, how):
        """Answer ``refusal`` and stop reading the request, without closing on a client still sending.

        Closing a socket with unread bytes sends a reset, which can destroy
        the answer before the client reads it; so the write side is closed
        and whatever still arrives is read and dropped for a while.
        """
        if refusal is None:
            return False
        self.refused = True
        transport = self.channel.transport
        client = getattr(transport.getPeer(), "host", "?")
        if refusal.status == 413:
            logger.warning("HTTP body over HTTP_MAX_BODY_BYTES (%d) from %s: %s, refused with 413",
                           settings.HTTP_MAX_BODY_BYTES, client, how)
        else:
            logger.warning("HTTP body from %s: %s, refused with %d", client, refusal.detail, refusal.status)
        transport.write(refusal.http_response())
        drain = _Drain(transport)
        if isinstance(transport, ProtocolWrapper):  # TLS
            transport.wrappedProtocol = drain
        else:
            transport.protocol = drain
        transport.loseWriteConnection()
        self.server.protocol_disconnected(self)
        return True


class HTTPFactory(DaphneHTTPFactory):
    def buildProtocol(self, addr):
        built = super().buildProtocol(addr)
        built.requestFactory = WebRequest
        return built


class Server(DaphneServer):
    """daphne's Server, building the factories above.

    daphne makes its two factories inside ``run()``; these properties put
    the project's in their place as ``run()`` assigns them, and keep the
    rest of ``run()`` (protocol options, listening, the reactor) daphne's.
    """

    @property
    def http_factory(self):
        return self._http_factory

    @http_factory.setter
    def http_factory(self, factory):
        self._http_factory = HTTPFactory(self)

    @property
    def ws_factory(self):
        return self._ws_factory

    @ws_factory.setter
    def ws_factory(self, factory):
        factory.protocol = WebSocketProtocol
        # Send the failure's close code (1009 for a message too big) instead
        # of dropping the TCP connection.  run() then sets daphne's options.
        factory.setProtocolOptions(failByDrop=False)
        self._ws_factory = factory
