"""daphne 1.4's interface server, with the limits a public server needs.

daphne 1.4 takes any WebSocket message and any HTTP body whole into memory
and onto the channel layer, keeps a half-sent request head open for twelve
hours, lets a client that never reads grow the server's send buffer without
end, and cannot be told any of this from its command line.  This subclass
keeps daphne's protocols and adds, from Django's settings:

* ``WS_MAX_MESSAGE_BYTES``: a longer WebSocket message closes that socket with
  1009 as soon as its frame headers announce the length, before the payload
  is buffered or reaches the layer;
* ``WS_MAX_UNSENT_BYTES``: a client that stops reading is dropped once that
  much is waiting for it beyond the kernel's and Twisted's own buffers;
* ``HTTP_MAX_BODY_BYTES``: a longer request body is answered 413 before it is
  buffered or put on the layer (Content-Length, or counted when chunked);
* ``HANDSHAKE_TIMEOUT_SECONDS``: a connection that has not sent a complete
  request head (HTTP request or WebSocket handshake) by then is dropped;
* ``WS_CONGESTION_BACKLOG``: while more messages than this wait for a worker
  on ``websocket.receive``, or for this server on its reply channel (each is
  one FIFO for every socket), each socket's frames are held here and let
  through one per socket every 50 ms, round robin, and a socket holding
  frames is not read from: a client flooding frames slows itself down (TCP
  pushes back), not everybody else;
* ``SERVER_HOUSEKEEPING``: functions called every second with the channel
  layer (closing sockets whose token expired, ``chatapp.socket_lifetime``).

Each limit is logged once when it is hit.  A server that cannot listen says so
in one line and exits with status 2 instead of running without a socket.

``manage.py runserver`` uses this class (``chatapp``'s runserver command);
daphne's own command line has no hook for a server class, so
``python -m legacyproj.serve`` is daphne's command line with this class.
"""
from __future__ import print_function, unicode_literals

import logging
import os
import random
import string
import sys
import threading
from collections import OrderedDict, deque
from io import BytesIO

from daphne import http_protocol, server, ws_protocol
from django.conf import settings
from django.utils.module_loading import import_string
from twisted.internet import reactor
from twisted.internet.endpoints import serverFromString
from twisted.internet.interfaces import IPushProducer
from twisted.logger import STDLibLogObserver, globalLogBeginner
from twisted.web import http
from zope.interface import implementer

logger = logging.getLogger(__name__)


class Limits(object):
    """The limits of one server, read from Django's settings."""

    def __init__(self, ws_max_message_bytes, ws_max_unsent_bytes, ws_congestion_backlog, http_max_body_bytes,
                 handshake_timeout):
        self.ws_max_message_bytes = ws_max_message_bytes
        self.ws_max_unsent_bytes = ws_max_unsent_bytes
        self.ws_congestion_backlog = ws_congestion_backlog
        self.http_max_body_bytes = http_max_body_bytes
        self.handshake_timeout = handshake_timeout

    @classmethod
    def from_settings(cls):
        return cls(settings.WS_MAX_MESSAGE_BYTES, settings.WS_MAX_UNSENT_BYTES, settings.WS_CONGESTION_BACKLOG,
                   settings.HTTP_MAX_BODY_BYTES, settings.HANDSHAKE_TIMEOUT_SECONDS)


def client_of(transport):
    peer = transport.getPeer() if transport else None
    return "%s:%s" % (peer.host, peer.port) if hasattr(peer, "host") else "?"


class WebRequest(http_protocol.WebRequest):
    """An HTTP request whose body may not exceed ``HTTP_MAX_BODY_BYTES``."""

    refused = False

    def gotLength(self, length):
        self.body_bytes = 0
        if length is not None and length > self.channel.factory.limits.http_max_body_bytes:
            # No "100 Continue": the answer is final, the body is not wanted.
            self.requestHeaders.removeHeader(b"expect")
            self.refuse_body(length)
        else:
            http_protocol.WebRequest.gotLength(self, length)

    def handleContentChunk(self, data):
        if self.refused:
            return  # read and dropped, never stored
        self.body_bytes += len(data)
        if self.body_bytes > self.channel.factory.limits.http_max_body_bytes:
            self.refuse_body(None)  # a chunked body that grew too long
        else:
            http_protocol.WebRequest.handleContentChunk(self, data)

    def refuse_body(self, length):
        """Answer 413 now, keep reading (and dropping) what the client still sends."""
        self.refused = True
        self.content = BytesIO()
        limit = self.channel.factory.limits.http_max_body_bytes
        logger.warning("HTTP body over HTTP_MAX_BODY_BYTES (%d) from %s: %s, refused with 413",
                       limit, client_of(self.channel.transport),
                       "%d bytes announced" % length if length is not None else "chunked")
        body = ('{"error": "body_too_large", "detail": "The request body is over %d bytes."}' % limit).encode()
        self.channel.transport.write(
            b"HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\n"
            b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        # Half-close: the client reads the answer and an end of stream, even
        # while it is still sending; the channel's abort timer ends the rest.
        self.channel.transport.loseWriteConnection()
        reactor.callLater(self.channel.factory.limits.handshake_timeout, self.channel.transport.abortConnection)

    def requestReceived(self, command, path, version):
        if self.refused:
            return  # already answered
        http_protocol.WebRequest.requestReceived(self, command, path, version)


class HTTPChannel(http.HTTPChannel):
    """Twisted's HTTP connection, with a deadline for each request head."""

    deadline = None

    def connectionMade(self):
        http.HTTPChannel.connectionMade(self)
        self.arm_deadline()

    def arm_deadline(self):
        self.disarm_deadline()
        self.deadline = reactor.callLater(self.factory.limits.handshake_timeout, self.head_too_slow)

    def disarm_deadline(self):
        if self.deadline is not None and self.deadline.active():
            self.deadline.cancel()
        self.deadline = None

    def head_too_slow(self):
        self.deadline = None
        logger.warning("No complete request head from %s within HANDSHAKE_TIMEOUT_SECONDS (%s): dropped",
                       client_of(self.transport), self.factory.limits.handshake_timeout)
        self.transport.abortConnection()

    def allHeadersReceived(self):
        self.disarm_deadline()
        http.HTTPChannel.allHeadersReceived(self)

    def requestDone(self, request):
        http.HTTPChannel.requestDone(self, request)
        if self.transport is not None and self.persistent:
            self.arm_deadline()  # the next request head on a kept-alive connection

    def connectionLost(self, reason):
        self.disarm_deadline()
        http.HTTPChannel.connectionLost(self, reason)


@implementer(IPushProducer)
class SendBufferWatch(object):
    """Told by the transport when its send buffer is full (paused) or drained."""

    paused = False

    def pauseProducing(self):
        self.paused = True

    def resumeProducing(self):
        self.paused = False

    def stopProducing(self):
        pass


class WebSocketProtocol(ws_protocol.WebSocketProtocol):
    """daphne's WebSocket protocol with a message size and an unsent-bytes
    bound, whose frames wait their turn while the workers are behind."""

    unsent = 0

    def connectionMade(self):
        self.held = deque()
        ws_protocol.WebSocketProtocol.connectionMade(self)
        # The HTTP connection that upgraded is done with the transport; watch
        # its send buffer from here on.
        self.watch = SendBufferWatch()
        self.transport.unregisterProducer()
        self.transport.registerProducer(self.watch, True)

    def onMessageFrameBegin(self, length):
        ws_protocol.WebSocketProtocol.onMessageFrameBegin(self, length)
        limit = self.main_factory.limits.ws_max_message_bytes
        if self.message_data_total_length > limit and not self.failedByMe:
            logger.warning("WebSocket message over WS_MAX_MESSAGE_BYTES (%d) on %s from %s: closed with 1009",
                           limit, getattr(self, "path", b"?").decode("ascii", "replace"),
                           client_of(self.transport))
            # Frames already announced stop here: autobahn drops the payload
            # of a connection it failed instead of buffering it.
            self._fail_connection(self.CLOSE_STATUS_CODE_MESSAGE_TOO_BIG, "message too big")

    def onMessage(self, payload, isBinary):
        if self.held or not self.main_factory.admit():
            self.held.append((payload, isBinary))
            if len(self.held) == 1:
                self.main_factory.waiting[self] = None
                self.transport.pauseProducing()
            return
        ws_protocol.WebSocketProtocol.onMessage(self, payload, isBinary)

    def release(self, one):
        """Pass held frames on: ``one``, or as many as the factory admits.
        True once none is left."""
        if one and self.held:
            self.main_factory.count_admission()
            ws_protocol.WebSocketProtocol.onMessage(self, *self.held.popleft())
        while self.held and self.main_factory.admit():
            ws_protocol.WebSocketProtocol.onMessage(self, *self.held.popleft())
        if self.held:
            return False
        self.transport.resumeProducing()
        return True

    def onClose(self, wasClean, code, reason):
        self.main_factory.waiting.pop(self, None)
        ws_protocol.WebSocketProtocol.onClose(self, wasClean, code, reason)

    def serverSend(self, content, binary=False):
        if self.watch.paused:
            self.unsent += len(content)
            if self.unsent > self.main_factory.limits.ws_max_unsent_bytes:
                if not self.muted:
                    self.muted = True
                    logger.warning("WebSocket client on %s stopped reading: over WS_MAX_UNSENT_BYTES (%d) "
                                   "unsent, dropped", self.path.decode("ascii", "replace"),
                                   self.main_factory.limits.ws_max_unsent_bytes)
                    self.dropConnection(abort=True)
                return
        else:
            self.unsent = 0
        ws_protocol.WebSocketProtocol.serverSend(self, content, binary)


class HTTPFactory(http_protocol.HTTPFactory):

    def __init__(self, channel_layer, limits, **kwargs):
        http_protocol.HTTPFactory.__init__(self, channel_layer, **kwargs)
        self.limits = limits
        # Twisted's idle timeout (12 hours by default) also covers the gaps
        # between requests on a kept-alive connection.
        self.timeOut = limits.handshake_timeout
        self.protocol = HTTPChannel
        self.ws_factory.protocol = WebSocketProtocol
        # Fail a connection with a close frame that says why (1009), instead
        # of autobahn's default of dropping the TCP connection without a word.
        self.ws_factory.setProtocolOptions(failByDrop=False)
        # Whether websocket.receive is backed up, and the sockets holding
        # frames back meanwhile (in the order they started to).
        self.congested = False
        self.waiting = OrderedDict()
        self.admitted = 0
        # The backlog watch's wake-up while it sleeps (no frame came in).
        self.asleep = None

    def admit(self):
        """Whether a frame may go to the layer now.  Between two backlog
        measurements, as many frames as the backlog limit get through."""
        if self.congested:
            return False
        self.count_admission()
        return True

    def count_admission(self):
        self.admitted += 1
        if self.asleep is not None:
            wake, self.asleep = self.asleep, None
            wake()
        if self.admitted >= self.limits.ws_congestion_backlog:
            self.congested = True

    def release_waiting(self):
        """Let waiting sockets' frames on, round robin: one per socket while
        congested, as many as are admitted otherwise."""
        for protocol in list(self.waiting):
            if protocol.release(one=self.congested):
                del self.waiting[protocol]

    def buildProtocol(self, addr):
        protocol = http_protocol.HTTPFactory.buildProtocol(self, addr)
        protocol.requestFactory = WebRequest
        return protocol


class Server(server.Server):

    def __init__(self, *args, **kwargs):
        server.Server.__init__(self, *args, **kwargs)
        self.limits = Limits.from_settings()
        self.housekeeping = [import_string(path) for path in getattr(settings, "SERVER_HOUSEKEEPING", [])]
        self.listen_failed = False

    def run(self):
        # daphne's run(), but with this module's factory, and a failure to
        # listen that ends the process.
        process_id = "".join(random.choice(string.ascii_letters) for _ in range(10))
        self.send_channel = "daphne.response.%s!" % process_id
        self.factory = HTTPFactory(
            self.channel_layer,
            self.limits,
            action_logger=self.action_logger,
            send_channel=self.send_channel,
            timeout=self.http_timeout,
            websocket_timeout=self.websocket_timeout,
            websocket_connect_timeout=self.websocket_connect_timeout,
            ping_interval=self.ping_interval,
            ping_timeout=self.ping_timeout,
            ws_protocols=self.ws_protocols,
            root_path=self.root_path,
            proxy_forwarded_address_header=self.proxy_forwarded_address_header,
            proxy_forwarded_port_header=self.proxy_forwarded_port_header,
            proxy_forwarded_proto_header=self.proxy_forwarded_proto_header,
            websocket_handshake_timeout=self.websocket_handshake_timeout,
        )
        if self.verbosity <= 1:
            globalLogBeginner.beginLoggingTo([lambda _: None], redirectStandardIO=False, discardBuffer=True)
        else:
            globalLogBeginner.beginLoggingTo([STDLibLogObserver(__name__)])
        # The project's layers wait for replies (legacyproj.layers); with
        # CHANNELS_STOCK=1 they do not, and daphne polls every 50 ms.
        if "twisted" in self.channel_layer.extensions and not self.force_sync:
            reactor.callLater(0, self.backend_reader_twisted)
        else:
            reactor.callLater(0, self.backend_reader_sync)
        reactor.callLater(2, self.timeout_checker)
        reactor.callLater(1, self.run_housekeeping)
        reactor.callLater(0, self.watch_backlog)
        for description in self.endpoints:
            logger.info("Listening on endpoint %s", description)
            listener = serverFromString(reactor, str(description)).listen(self.factory)
            listener.addErrback(self.on_listener_error)
            self.listeners.append(listener)
        reactor.run(installSignalHandlers=self.signal_handlers)
        if self.listen_failed:
            if isinstance(threading.current_thread(), threading._MainThread):
                raise SystemExit(2)
            # Under runserver's autoreloader the server runs in a thread of
            # its own, where SystemExit would end only that thread.
            sys.stderr.flush()
            os._exit(2)

    def on_listener_error(self, failure):
        self.listen_failed = True
        print("legacyproj: %s Another server may hold that address: choose another port "
              "(PORT=<port> bin/run, or -p <port>)." % failure.getErrorMessage(), file=sys.stderr)
        if reactor.running:
            reactor.stop()
        else:
            reactor.callWhenRunning(reactor.stop)

    def watch_backlog(self, interval=0.05):
        if not reactor.running:
            return
        backlog = getattr(self.channel_layer, "backlog", None)  # the project's layers have it
        # Measured only while frames come in or wait: congestion matters to
        # nothing else, and an idle server then costs no layer round trips
        # and no wake-ups (the watch sleeps until the next frame).
        busy = bool(self.factory.admitted or self.factory.waiting or self.factory.congested)
        if busy:
            try:
                self.factory.congested = backlog is not None and max(
                    backlog("websocket.receive"), backlog(self.send_channel)) > self.limits.ws_congestion_backlog
            except Exception:
                self.factory.congested = False  # layer unreachable: nothing to pace
        self.factory.admitted = 0
        self.factory.release_waiting()
        if busy:
            reactor.callLater(interval, self.watch_backlog)
        else:
            self.factory.asleep = lambda: reactor.callLater(interval, self.watch_backlog)

    def run_housekeeping(self):
        if not reactor.running:
            return
        for task in self.housekeeping:
            try:
                task(self.channel_layer)
            except Exception:
                logger.exception("Housekeeping task %s failed", task)
        reactor.callLater(1, self.run_housekeeping)
