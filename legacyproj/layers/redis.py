"""asgi_redis's channel layer, with group sends that never fail silently, the
length of a channel for the interface server (``backlog``), and (the
default) far fewer Redis round trips per message.

asgi_redis 1.4 ``send_group`` swallows ``ChannelFull`` for each member whose
channel is full, so a broadcast can reach some sockets and not others without
a trace.  The settings size the channels so that this should not happen; when
it still does, this layer says so in the log (at-most-once delivery remains:
see docs/scale-out.md).

asgi_redis 1.4 stores each message under a key of its own and pushes the key
onto the channel's list: a send is two scripts (the push, then statistics
counters), a receive is BLPOP, GET and DEL, a group send is that per member,
and daphne polls for replies every 50 ms.  ``RedisChannelLayer`` keeps the
lists, capacities, sharding, encryption and expiry of the channel, but puts
the message itself in the list, as channels_redis 2+ does: a send is one
script, a receive one BLPOP, a group send one script per Redis host, and
daphne gets replies through ``receive_twisted`` (ASGI's Twisted extension),
in batches.  Every process sharing a Redis must use the same class (one
setting, ``CHANNELS_STOCK``); ``StockRedisChannelLayer`` is asgi_redis's.
"""
from __future__ import absolute_import, unicode_literals

import logging
import random
from collections import defaultdict

from asgi_redis import RedisChannelLayer as BaseRedisChannelLayer

from legacyproj.layers.reader import ThreadedReader

logger = logging.getLogger(__name__)


class StockRedisChannelLayer(BaseRedisChannelLayer):

    def send_group(self, group, message):
        dropped = 0
        for channel in self.group_channels(group):
            try:
                self.send(channel, message)
            except self.ChannelFull:
                dropped += 1
        self.log_dropped(group, dropped)

    def log_dropped(self, group, dropped):
        if dropped:
            logger.warning("Group %s: message dropped for %d member(s) whose channel is full "
                           "(raise channel_capacity in CHANNEL_LAYERS)", group, dropped)

    def backlog(self, channel):
        """How many messages wait on ``channel``: one LLEN per shard, since
        asgi_redis spreads the sends of a normal channel over every host."""
        return sum(self.connection(index).llen(self.prefix + channel) for index in range(self.ring_size))


class RedisChannelLayer(StockRedisChannelLayer):

    # No "statistics": asgi_redis's counters cost a script per send and
    # nothing here reads them (CHANNELS_STOCK=1 keeps them).
    extensions = ["groups", "flush", "twisted"]

    # Replies the interface server takes from its list in one round trip.
    batch_size = 100

    # Pushes ARGV[2 + i] onto list KEYS[i] unless it holds ARGV[1 + #KEYS + i]
    # messages already; each list expires ARGV[1] + 1 s after its last push
    # (asgi_redis's expiry, now of the list as a whole).  Returns how many
    # pushes the capacities refused.
    lua_push = """
        local full = 0
        for i = 1, #KEYS do
            if redis.call('llen', KEYS[i]) < tonumber(ARGV[1 + #KEYS + i]) then
                redis.call('rpush', KEYS[i], ARGV[1 + i])
                redis.call('expire', KEYS[i], ARGV[1] + 1)
            else
                full = full + 1
            end
        end
        return full
    """

    # Up to ARGV[1] messages from the head of list KEYS[1].
    lua_pop_batch = """
        local messages = redis.call('lrange', KEYS[1], 0, tonumber(ARGV[1]) - 1)
        if #messages > 0 then
            redis.call('ltrim', KEYS[1], #messages, -1)
        end
        return messages
    """

    def __init__(self, **kwargs):
        super(RedisChannelLayer, self).__init__(**kwargs)
        connection = self.connection(0)
        self.push = connection.register_script(self.lua_push)
        self.pop_batch = connection.register_script(self.lua_pop_batch)
        self.reader = ThreadedReader(self.receive_batch)

    def global_statistics(self):
        raise NotImplementedError("statistics are kept with CHANNELS_STOCK=1 only")

    channel_statistics = global_statistics

    def _list_and_payload(self, channel, message):
        """The shard, list key and serialized message of a send to ``channel``
        (asgi_redis's checks and process-local naming)."""
        assert isinstance(message, dict), "message is not a dict"
        assert self.valid_channel_name(channel), "Channel name not valid"
        assert "__asgi_channel__" not in message
        if "!" in channel:
            message = dict(message)
            message["__asgi_channel__"] = channel  # a text key on Python 2 too
            channel = self.non_local_name(channel)
        # Consistent for process-local and single-reader channels, spread
        # over the shards for the others, as asgi_redis does.
        if "!" in channel or "?" in channel:
            index = self.consistent_hash(channel)
        else:
            index = next(self._send_index_generator)
        return index, self.prefix + channel, self.serialize(message), self.get_capacity(channel)

    def _push(self, index, sends):
        """Push ``(list key, payload, capacity)`` tuples onto one shard in
        one round trip; how many were refused as full."""
        keys, payloads, capacities = zip(*sends)
        return self.push(keys=keys, args=(self.expiry,) + payloads + capacities, client=self.connection(index))

    def send(self, channel, message):
        index, key, payload, capacity = self._list_and_payload(channel, message)
        if self._push(index, [(key, payload, capacity)]):
            raise self.ChannelFull(channel)

    def send_group(self, group, message):
        assert self.valid_group_name(group), "Group name not valid"
        by_shard = defaultdict(list)
        for channel in self.group_channels(group):
            index, key, payload, capacity = self._list_and_payload(channel, message)
            by_shard[index].append((key, payload, capacity))
        self.log_dropped(group, sum(self._push(index, sends) for index, sends in by_shard.items()))

    def _message(self, list_key, payload):
        """``(channel, message)`` from a list key and what was popped from it."""
        channel = list_key[len(self.prefix):]
        channel = channel.decode("utf8") if isinstance(channel, bytes) else channel
        message = self.deserialize(payload)
        return message.pop("__asgi_channel__", channel), message

    def receive(self, channels, block=False):
        indexes = self._receive_list_names(channels)
        for index, list_names in (indexes or {}).items():
            random.shuffle(list_names)  # no channel starves the others
            connection = self.connection(index)
            if block:
                result = connection.blpop(list_names, timeout=self.blpop_timeout)
            else:
                result = self.lpopmany(keys=list_names, client=connection)
            if result:
                return self._message(*result)
        return None, None

    def receive_batch(self, channel):
        """Up to ``batch_size`` messages waiting on one channel, in order;
        if none is, the first to arrive within the BLPOP timeout (or none)."""
        [(index, [list_key])] = self._receive_list_names([channel]).items()
        connection = self.connection(index)
        payloads = self.pop_batch(keys=[list_key], args=[self.batch_size], client=connection)
        if not payloads:
            popped = connection.blpop([list_key], timeout=self.blpop_timeout)
            payloads = [popped[1]] if popped else []
        return [self._message(list_key, payload) for payload in payloads]

    def receive_twisted(self, channels):
        """A Deferred for the next ``(channel, message)`` on one channel (the
        interface server's replies), read by a thread in batches."""
        [channel] = channels
        return self.reader.receive(channel)
