"""daphne's Server with the project's limits, applied where daphne reads and writes the bytes.

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
* A WebSocket client that stops reading is dropped once more than
  ``WS_MAX_UNSENT_BYTES`` waits for it beyond the kernel's and Twisted's
  send buffers (one WARNING line); daphne would buffer without end.
* A connection that has not sent a complete request head (an HTTP request
  or a WebSocket handshake) within ``HANDSHAKE_TIMEOUT_SECONDS`` of
  connecting, or of its previous response on a kept-alive connection, is
  dropped (one WARNING line); Twisted would wait a minute from the last
  byte, so a byte now and then would hold the connection for ever.
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
from twisted.internet.interfaces import IPushProducer
from twisted.protocols.policies import ProtocolWrapper
from twisted.web import http
from zope.interface import implementer

from portapp.text import escape_controls
from portproj.http_limits import body_refusal

logger = logging.getLogger(__name__)

# How long a client whose body was refused may go on sending before the
# connection is cut (it should read the 413 and stop).
DRAIN_SECONDS = 10


def client_of(transport):
    """``host:port`` of the peer, for log lines."""
    peer = transport.getPeer()
    return f"{peer.host}:{peer.port}" if hasattr(peer, "host") else "?"


@implementer(IPushProducer)
class SendBufferWatch:
    """Registered with a transport to be told when its send buffer is full (paused) and drained again."""

    paused = False

    def pauseProducing(self):
        self.paused = True

    def resumeProducing(self):
        self.paused = False

    def stopProducing(self):
        pass


class WebSocketProtocol(DaphneWebSocketProtocol):
    # Bytes the application sent since the transport's buffer filled up.
    unsent = 0
    stopped_reading = False

    def connectionMade(self):
        super().connectionMade()
        # The HTTP channel that upgraded stays registered as the transport's
        # producer (and ignores its pauses while it holds a request); watch
        # the send buffer here instead.
        self.send_buffer = SendBufferWatch()
        self.transport.unregisterProducer()
        self.transport.registerProducer(self.send_buffer, True)

    def serverSend(self, content, binary=False):
        # Twisted's buffer takes every write whatever its size: bound what
        # piles up there for a client that stopped reading.
        if not self.send_buffer.paused:
            self.unsent = 0
        elif self.stopped_reading:
            return
        else:
            self.unsent += len(content if binary else content.encode("utf8"))
            if self.unsent > settings.WS_MAX_UNSENT_BYTES:
                self.stopped_reading = True
                logger.warning("WebSocket client on %s stopped reading: over WS_MAX_UNSENT_BYTES (%d) unsent, "
                               "dropped", escape_controls(self.path.decode("ascii", "replace")),
                               settings.WS_MAX_UNSENT_BYTES)
                self.dropConnection(abort=True)
                return
        super().serverSend(content, binary)

    def _max_message_size_exceeded(self, msg_size, max_msg_size, reason):
        # autobahn's hook for exactly this; it then fails the connection (1009).
        path = getattr(self, "path", b"?").decode("ascii", "replace")
        logger.warning("WebSocket message over WS_MAX_MESSAGE_BYTES (%d) on %s from %s: closed with 1009",
                       max_msg_size, escape_controls(path), client_of(self.transport))
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
        client = client_of(transport)
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


class HTTPChannel(http.HTTPChannel):
    """Twisted's HTTP/1.1 connection, with a deadline for each request head.

    Twisted's idle timeout starts again with every byte received; this
    deadline runs from the connection (or the previous response) to the end
    of the head, whatever arrives meanwhile.
    """

    deadline = None

    def connectionMade(self):
        super().connectionMade()
        self.arm_deadline()

    def arm_deadline(self):
        self.disarm_deadline()
        self.deadline = self.callLater(settings.HANDSHAKE_TIMEOUT_SECONDS, self.head_too_slow)

    def disarm_deadline(self):
        if self.deadline is not None and self.deadline.active():
            self.deadline.cancel()
        self.deadline = None

    def head_too_slow(self):
        self.deadline = None
        logger.warning("No complete request head from %s within HANDSHAKE_TIMEOUT_SECONDS (%s): dropped",
                       client_of(self.transport), settings.HANDSHAKE_TIMEOUT_SECONDS)
        self.transport.abortConnection()

    def allHeadersReceived(self):
        self.disarm_deadline()
        super().allHeadersReceived()

    def requestDone(self, request):
        if self.persistent:
            # Armed before Twisted parses what the client already sent: the
            # next head may be complete in there.
            self.arm_deadline()
        super().requestDone(request)

    def connectionLost(self, reason):
        self.disarm_deadline()
        super().connectionLost(reason)


class HTTPFactory(DaphneHTTPFactory):
    # HTTP/1.1 only, on HTTPChannel (the head deadline is its own): Twisted's
    # default protocol would switch to HTTP/2 after TLS ALPN whenever its
    # http2 extra is installed.
    protocol = HTTPChannel

    def __init__(self, server):
        super().__init__(server)
        # Twisted's idle timeout, also between requests on a kept-alive
        # connection and within a body (a minute by default).
        self.timeOut = settings.HANDSHAKE_TIMEOUT_SECONDS

    def acceptableProtocols(self):
        return [b"http/1.1"]

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
        # of dropping the TCP connection.  A client gets as long to answer a
        # close as to complete a handshake: autobahn's 1 s, then a reset,
        # would destroy the close frame and its explanation ({"error": ...})
        # before a client busy sending has read them.  run() then sets
        # daphne's options.
        factory.setProtocolOptions(failByDrop=False, closeHandshakeTimeout=settings.HANDSHAKE_TIMEOUT_SECONDS)
        self._ws_factory = factory
