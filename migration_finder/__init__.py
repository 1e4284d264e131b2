"""What is left of Channels 1.x in a codebase: every construct, with
``file:line`` and the section of docs/MIGRATING.md that says what to do.

It reads Python source as syntax trees (``ast``), not text: an import of a
1.x name, a call, a keyword, a class attribute or method that only Channels
1.x gives meaning to.  ``python -m migration_finder PATH...`` prints one line
per finding and exits 1 when there is any, 0 when the code is clean (and 2
when a file cannot be read).
"""
from __future__ import unicode_literals

import ast
import io
import os

GUIDE = "docs/MIGRATING.md"


class Construct(object):
    def __init__(self, key, title):
        self.key = key  # the anchor of its row in the guide
        self.title = title

    @property
    def reference(self):
        return "%s#%s" % (GUIDE, self.key)


CONSTRUCTS = dict((key, Construct(key, title)) for key, title in [
    ("route", "route() / route_class() / include()"),
    ("as-route", "WebsocketConsumer.as_route()"),
    ("channel-routing", "channel_routing and CHANNEL_LAYERS[...]['ROUTING']"),
    ("asgi-channel-layer", "asgi.py's channel_layer (get_channel_layer)"),
    ("reply-channel", "message.reply_channel.send({'accept' / 'close' / 'text'})"),
    ("close-status", "WebsocketConsumer.close(status=...)"),
    ("group", "Group(...).add / discard / send"),
    ("immediately", "send(..., immediately=True)"),
    ("channel-session", "channel_session and message.channel_session"),
    ("http-session", "http_session and message.http_session"),
    ("session-user", "channel_session_user_from_http / channel_session_user"),
    ("http-user", "http_user = True"),
    ("allowed-hosts-only", "allowed_hosts_only"),
    ("connection-groups", "connection_groups()"),
    ("ordering", "strict_ordering / enforce_ordering"),
    ("generic-websockets", "channels.generic.websockets consumers"),
    ("asgi-request", "AsgiRequest built from a message"),
    ("message-content", "message.content"),
    ("jwt-decorator", "the token decorator (djangorestframework-jwt)"),
    ("runworker", "runworker and the worker machinery"),
    ("asgi-redis", "asgi_redis and the in-memory layer (capacities, group expiry)"),
    ("channels-test", "channels.test: ChannelTestCase, WSClient, apply_routes"),
])

# (module, name) imported from Channels 1.x (and its layers) -> construct.
IMPORTS = {
    ("channels.routing", "route"): "route",
    ("channels.routing", "route_class"): "route",
    ("channels.routing", "include"): "route",
    ("channels.routing", "connect_consumer"): "route",
    ("channels", "Group"): "group",
    ("channels", "Channel"): "reply-channel",
    ("channels", "channel_layers"): "runworker",
    ("channels", "DEFAULT_CHANNEL_LAYER"): "runworker",
    ("channels.sessions", "channel_session"): "channel-session",
    ("channels.sessions", "session_for_reply_channel"): "channel-session",
    ("channels.sessions", "http_session"): "http-session",
    ("channels.sessions", "enforce_ordering"): "ordering",
    ("channels.auth", "channel_session_user"): "session-user",
    ("channels.auth", "channel_session_user_from_http"): "session-user",
    ("channels.auth", "http_session_user"): "session-user",
    ("channels.security.websockets", "allowed_hosts_only"): "allowed-hosts-only",
    ("channels.handler", "AsgiRequest"): "asgi-request",
    ("channels.handler", "ViewConsumer"): "runworker",
    ("channels.asgi", "get_channel_layer"): "asgi-channel-layer",
    ("channels.message", "Message"): "message-content",
    ("channels.message", "pending_message_store"): "runworker",
    ("channels.signals", "consumer_finished"): "runworker",
}
# Whole modules that exist only in Channels 1.x (or that only 1.x uses).
MODULES = {
    "channels.generic.websockets": "generic-websockets",
    "channels.test": "channels-test",
    "channels.management.commands": "runworker",
    "channels.worker": "runworker",
    "asgi_redis": "asgi-redis",
    "asgiref.inmemory": "asgi-redis",
    "rest_framework_jwt": "jwt-decorator",
}
CLASS_ATTRIBUTES = {"http_user": "http-user", "http_user_and_session": "http-user",
                    "strict_ordering": "ordering", "channel_session_user": "session-user",
                    "channel_session": "channel-session"}
ATTRIBUTES = {"channel_session": "channel-session", "http_session": "http-session",
              "content": "message-content"}


class Finding(object):
    def __init__(self, path, line, key):
        self.path, self.line, self.construct = path, line, CONSTRUCTS[key]

    def __str__(self):
        return "%s:%d: %s -> %s" % (self.path, self.line, self.construct.title, self.construct.reference)


class _Visitor(ast.NodeVisitor):
    def __init__(self, path):
        self.path = path
        self.findings = []

    def found(self, node, key):
        self.findings.append(Finding(self.path, node.lineno, key))

    def visit_ImportFrom(self, node):
        module = node.module or ""
        for alias in node.names:
            key = IMPORTS.get((module, alias.name)) or _module_key(module) or \
                _module_key("%s.%s" % (module, alias.name))
            if key:
                self.found(node, key)

    def visit_Import(self, node):
        for alias in node.names:
            key = _module_key(alias.name)
            if key:
                self.found(node, key)

    def visit_ClassDef(self, node):
        for statement in node.body:
            if isinstance(statement, ast.Assign):
                for target in statement.targets:
                    if isinstance(target, ast.Name) and target.id in CLASS_ATTRIBUTES:
                        self.found(statement, CLASS_ATTRIBUTES[target.id])
            elif isinstance(statement, ast.FunctionDef) and statement.name == "connection_groups":
                self.found(statement, "connection-groups")
        self.generic_visit(node)

    def visit_Attribute(self, node):
        # message.reply_channel.send(...), message.channel_session, message.content
        if node.attr == "send" and isinstance(node.value, ast.Attribute) and node.value.attr == "reply_channel":
            self.found(node, "reply-channel")
        elif node.attr in ATTRIBUTES and isinstance(node.value, (ast.Name, ast.Attribute)) and \
                _name_of(node.value) in ("message", "self.message"):
            self.found(node, ATTRIBUTES[node.attr])
        elif node.attr == "as_route":
            self.found(node, "as-route")
        self.generic_visit(node)

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name) and node.func.id == "Group":
            self.found(node, "group")
        for keyword in node.keywords:
            if keyword.arg == "immediately":
                self.found(node, "immediately")
            elif keyword.arg == "status" and _name_of(node.func).endswith(".close"):
                self.found(node, "close-status")
        self.generic_visit(node)

    def visit_Assign(self, node):
        # channel_routing = [...], and the ROUTING key of CHANNEL_LAYERS.
        for target in node.targets:
            if isinstance(target, ast.Name) and target.id == "channel_routing":
                self.found(node, "channel-routing")
        self.generic_visit(node)

    def visit_Dict(self, node):
        for key in node.keys:
            if isinstance(key, ast.Str) and key.s == "ROUTING":
                self.found(key, "channel-routing")
        self.generic_visit(node)


def _module_key(module):
    for prefix, key in MODULES.items():
        if module == prefix or module.startswith(prefix + "."):
            return key
    return None


def _name_of(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return "%s.%s" % (_name_of(node.value), node.attr)
    return ""


def python_files(paths):
    for path in paths:
        if not os.path.exists(path):
            raise IOError("%s: no such file or directory" % path)
        if os.path.isfile(path):
            yield path
            continue
        for directory, subdirectories, files in os.walk(path):
            subdirectories[:] = sorted(d for d in subdirectories if not d.startswith(".") and d != "__pycache__")
            for name in sorted(files):
                if name.endswith(".py"):
                    yield os.path.join(directory, name)


def scan(paths):
    """Every finding under ``paths``, in file and line order."""
    findings = []
    for path in python_files(paths):
        with io.open(path, "rb") as handle:  # bytes: the file's own coding declaration applies
            tree = ast.parse(handle.read(), filename=path)
        visitor = _Visitor(path)
        visitor.visit(tree)
        findings.extend(sorted(visitor.findings, key=lambda finding: finding.line))
    return findings
