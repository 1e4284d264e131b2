"""Look inside the in-memory channel layer that ChannelTestCase installs."""
from __future__ import unicode_literals

from channels import DEFAULT_CHANNEL_LAYER, channel_layers


def groups_of(client):
    """The names of the groups ``client``'s reply channel is a member of."""
    groups = channel_layers[DEFAULT_CHANNEL_LAYER].channel_layer._groups
    return sorted(name for name, members in groups.items() if client.reply_channel in members)
