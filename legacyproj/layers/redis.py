"""asgi_redis's channel layer, with group sends that never fail silently,
and the length of a channel for the interface server (``backlog``).

asgi_redis 1.4 ``send_group`` swallows ``ChannelFull`` for each member whose
channel is full, so a broadcast can reach some sockets and not others without
a trace.  The settings size the channels so that this should not happen; when
it still does, this layer says so in the log (at-most-once delivery remains:
see docs/scale-out.md).
"""
from __future__ import unicode_literals

import logging

from asgi_redis import RedisChannelLayer as BaseRedisChannelLayer

logger = logging.getLogger(__name__)


class RedisChannelLayer(BaseRedisChannelLayer):

    def send_group(self, group, message):
        dropped = 0
        for channel in self.group_channels(group):
            try:
                self.send(channel, message)
            except self.ChannelFull:
                dropped += 1
        if dropped:
            logger.warning("Group %s: message dropped for %d member(s) whose channel is full "
                           "(raise channel_capacity in CHANNEL_LAYERS)", group, dropped)

    def backlog(self, channel):
        """How many messages wait on ``channel``: one LLEN per shard, since
        asgi_redis spreads the sends of a normal channel over every host."""
        return sum(self.connection(index).llen(self.prefix + channel) for index in range(self.ring_size))
