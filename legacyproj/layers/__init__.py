"""legacyproj's channel layers: the stock ASGI layers, plus what the
interface server needs to know of them (``backlog``) and what Channels 1.x
lost silently (group sends dropped on a full channel).

The in-memory layer's module name contains ``inmemory`` on purpose:
Channels 1.x recognises a process-local layer by that (``local_only()``), and
``runworker`` and ``set_live_value`` refuse one.
"""
