"""asgiref's in-memory layer (runserver), telling how many messages wait."""
from __future__ import unicode_literals

from asgiref.inmemory import ChannelLayer as BaseChannelLayer


class ChannelLayer(BaseChannelLayer):

    def backlog(self, channel):
        """How many messages wait on ``channel`` (its length, here in memory)."""
        return len(self._channels.get(channel, ()))
