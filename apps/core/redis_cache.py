"""Django's Redis cache backend, keeping its redis-py client instead of building one per call.

django.core.cache.backends.redis makes a new `redis.Redis` for every get, set or delete; each
copies redis-py's table of response callbacks, which costs about as much as the round trip
itself. A client is safe to reuse (Django already gives every thread its own cache object, and
its connection pool), so this backend keeps one per pool.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _ReusedClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClient
