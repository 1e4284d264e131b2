"""The limit: autobahn on Twisted (daphne 1.4's own stack), nothing else.

    python -m bench.raw_server PORT

``/echo/`` sends each frame back; ``/chat/`` sends ``[user] <frame>`` to
every open ``/chat/`` socket, like the project's chat without a layer,
workers or Django.  Listens on 127.0.0.1 only.
"""
from __future__ import unicode_literals

import sys

from autobahn.twisted.websocket import WebSocketServerFactory, WebSocketServerProtocol
from twisted.internet import reactor


class Protocol(WebSocketServerProtocol):

    def onConnect(self, request):
        self.path = request.path

    def onOpen(self):
        if self.path == "/chat/":
            self.factory.members.add(self)

    def onMessage(self, payload, isBinary):
        if self.path == "/chat/":
            for member in self.factory.members:
                member.sendMessage(b"[user] " + payload, isBinary)
        else:
            self.sendMessage(payload, isBinary)

    def onClose(self, wasClean, code, reason):
        self.factory.members.discard(self)


def main():
    factory = WebSocketServerFactory()
    factory.protocol = Protocol
    factory.members = set()
    reactor.listenTCP(int(sys.argv[1]), factory, interface="127.0.0.1")
    reactor.run()


if __name__ == "__main__":
    main()
