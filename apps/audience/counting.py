"""Private analytics: counted in the cache as views happen, written to the database in batches.

A view is never a database write: each beacon adds 1 to a few counters in the shared cache
(Redis INCR in production, atomic), grouped in one-minute buckets. `flush()` (the
`flush_counts` task, run every minute by `manage.py audience_flush`, and before /analytics/
shows numbers) adds every closed bucket to `DailyCount` in one transaction and forgets it.

How a bucket's counters are found again without scanning the cache: the first request to
create a counter (`cache.add` succeeds for exactly one) gives it the next slot number of its
bucket (`INCR`), and writes its name under that slot. A bucket is flushed one minute after it
closed, so a request that chose a bucket just before the minute turned has long finished.

Privacy: a unique visitor is a hash of the IP address, the user agent and a salt that changes
every day, kept in the cache for two days to recognise the visitor again that day; neither
the address nor the hash is ever written to the database, and after two days nothing can link
two days' visitors. Visitors who send Do-Not-Track or Global Privacy Control are not counted
at all; nor are user agents that say they are bots.
"""

import hashlib
import re
import secrets
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

from allauth.account.adapter import get_adapter
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

BUCKET_SECONDS = 60
GRACE_BUCKETS = 1  # a bucket is flushed only once the next one has closed too
KEEP = 60 * 60 * 48  # counters and seen-visitor marks outlive any flush delay
BOTS = re.compile(
    r"bot|crawl|spider|slurp|preview|fetch|scrape|curl|wget|python|java/|go-http|httpclient"
    r"|facebookexternalhit|embedly|whatsapp|lighthouse|pingdom|monitor",
    re.I,
)
MOBILE = re.compile(r"Mobi|iPhone|Android.+Mobile", re.I)
TABLET = re.compile(r"iPad|Tablet|Android(?!.*Mobile)", re.I)
TARGET = re.compile(r"[pr]:[0-9a-f]{32}")
_salts: dict[str, str] = {}
_script = None  # the registered Lua script (EVALSHA, loaded again if Redis restarted)
METRICS = ("view", "visitor", "page", "referrer", "campaign", "device", "download", "share_open")


def beacon_url(target: str, page: str = "") -> str:
    """The beacon's address for a page: signed, so a forged request cannot invent targets or
    pages (only count real ones, as any visitor could)."""
    params = {"t": target, "pg": page}
    params["sig"] = _signature(params)
    return f"{reverse('audience:beacon')}?{urlencode(params)}"


def beacon_params(query) -> dict | None:
    """The target and page of a beacon request, or None when not signed by us."""
    params = {name: query.get(name, "")[:200] for name in ("t", "pg")}
    if not TARGET.fullmatch(params["t"]):
        return None
    if not constant_time_compare(query.get("sig", ""), _signature(params)):
        return None
    return params


def _signature(params: dict) -> str:
    value = f"{params['t']}|{params['pg']}"
    return salted_hmac("audience.beacon", value, algorithm="sha256").hexdigest()[:20]


def target_of(thing) -> str:
    return f"{'p' if thing.__class__.__name__ == 'Portfolio' else 'r'}:{thing.pk.hex}"


def is_bot(request: HttpRequest) -> bool:
    agent = request.headers.get("User-Agent", "")
    return not agent or bool(BOTS.search(agent))


def opted_out(request: HttpRequest) -> bool:
    return request.headers.get("DNT") == "1" or request.headers.get("Sec-GPC") == "1"


def countable(request: HttpRequest) -> bool:
    return not is_bot(request) and not opted_out(request)


def device(agent: str) -> str:
    if TABLET.search(agent):
        return "tablet"
    return "mobile" if MOBILE.search(agent) else "desktop"


def referrer_domain(referrer: str, own_host: str) -> str:
    """The referring site's host ("" for none or for the site itself)."""
    try:
        host = (urlsplit(referrer).hostname or "").removeprefix("www.")
    except ValueError:
        return ""
    return "" if host == own_host.split(":")[0].removeprefix("www.") else host[:200]


def campaign(query: str) -> str:
    values = parse_qs(query.lstrip("?")).get("utm_campaign") or [""]
    return values[0].strip()[:200]


def client_ip(request: HttpRequest) -> str:
    """The visitor's address as allauth sees it (its rate limits use the same): behind a proxy,
    from X-Forwarded-For as ALLAUTH_TRUSTED_PROXY_COUNT / ALLAUTH_TRUSTED_CLIENT_IP_HEADER say."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return ""


def visitor_hash(request: HttpRequest, day: date) -> str:
    salt = _daily_salt(day)
    ip = client_ip(request)
    agent = request.headers.get("User-Agent", "")
    return hashlib.sha256(f"{salt}|{ip}|{agent}".encode()).hexdigest()[:32]


def record_view(
    request: HttpRequest, target: str, *, page: str = "", referrer: str = "", query: str = ""
) -> None:
    """Count one view of `target` ("p:<hex>" or "r:<hex>") from this request."""
    day = _today()
    counts = [("view", ""), ("page", page[:200])]
    counts.append(("device", device(request.headers.get("User-Agent", ""))))
    domain = referrer_domain(referrer, request.get_host())
    if domain:
        counts.append(("referrer", domain))
    name = campaign(query)
    if name:
        counts.append(("campaign", name))
    seen = f"an:seen:{day.isoformat()}:{target}:{visitor_hash(request, day)}"
    client = _redis()
    if client is not None:  # one round trip, whatever is counted
        bucket = int(datetime.now(UTC).timestamp()) // BUCKET_SECONDS
        fields = _fields(target, [*counts, ("visitor", "")])
        keys = [seen, f"an:h:{bucket}", "an:buckets"]
        _count_view_script(client)(keys=keys, args=[KEEP, bucket, *fields], client=client)
        return
    if cache.add(seen, 1, KEEP):
        counts.append(("visitor", ""))
    add_many(target, counts)


# The visitor field comes last: it is counted only when the visitor's mark is new.
COUNT_VIEW = """
local new = redis.call('SET', KEYS[1], 1, 'NX', 'EX', ARGV[1])
for i = 3, #ARGV - 1 do redis.call('HINCRBY', KEYS[2], ARGV[i], 1) end
if new then redis.call('HINCRBY', KEYS[2], ARGV[#ARGV], 1) end
redis.call('EXPIRE', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[2])
return new and 1 or 0
"""


def _count_view_script(client):
    global _script
    if _script is None:
        _script = client.register_script(COUNT_VIEW)
    return _script


def _fields(target: str, counts: list[tuple[str, str]]) -> list[str]:
    day = _today().isoformat()
    return ["|".join((target, day, metric, key)) for metric, key in counts]


def add(target: str, metric: str, key: str = "", amount: int = 1) -> None:
    add_many(target, [(metric, key)], amount)


def add_many(target: str, counts: list[tuple[str, str]], amount: int = 1) -> None:
    """Add to counters of the current bucket: no database; with Redis, one round trip."""
    bucket = int(datetime.now(UTC).timestamp()) // BUCKET_SECONDS
    fields = _fields(target, counts)
    client = _redis()
    if client is not None:
        pipe = client.pipeline(transaction=False)
        for field in fields:
            pipe.hincrby(f"an:h:{bucket}", field, amount)
        pipe.expire(f"an:h:{bucket}", KEEP)
        pipe.sadd("an:buckets", bucket)
        pipe.execute()
        return
    for field in fields:
        # Hashed: keys stay short and free of the characters some caches refuse (spaces, …).
        counter = f"an:c:{bucket}:{hashlib.sha256(field.encode()).hexdigest()[:32]}"
        if cache.add(counter, 0, KEEP):
            slot = _incr(f"an:n:{bucket}")
            cache.set(f"an:s:{bucket}:{slot}", (counter, field), KEEP)
        _incr(counter, amount)


def flush(*, everything: bool = False) -> int:
    """Add closed buckets to the database; returns how many counts were written.
    `everything` includes the open bucket (tests; a final flush)."""
    if not cache.add("an:flush-lock", 1, 300):
        return 0
    try:
        now = int(datetime.now(UTC).timestamp()) // BUCKET_SECONDS
        last = now + 1 if everything else now - GRACE_BUCKETS
        client = _redis()
        if client is not None:
            return _flush_redis(client, last)
        start = cache.get("an:flushed")
        start = max(start + 1, last - KEEP // BUCKET_SECONDS) if start else last - 60 * 24
        written = 0
        for bucket in range(start, last):
            written += _flush_bucket(bucket)
        if not everything:
            cache.set("an:flushed", last - 1, None)
        return written
    finally:
        cache.delete("an:flush-lock")


def _flush_redis(client, last: int) -> int:
    """Each bucket's hash is renamed away before it is read, so a late increment starts a new
    hash (and marks its bucket again) instead of being lost. A hash renamed by a flush that
    died before writing is picked up by the next one."""
    import redis

    written = 0
    for bucket in sorted(int(b) for b in client.smembers("an:buckets")):
        if bucket >= last:
            continue
        taken = f"an:f:{bucket}"
        client.srem("an:buckets", bucket)
        if not client.exists(taken):
            try:
                client.rename(f"an:h:{bucket}", taken)
            except redis.ResponseError:  # nothing counted since the last flush
                continue
        fields = client.hgetall(taken)
        written += _write([(f.decode(), int(n)) for f, n in fields.items()])
        client.delete(taken)
    return written


def _flush_bucket(bucket: int) -> int:
    size = cache.get(f"an:n:{bucket}")
    if not size:
        return 0
    slots = [f"an:s:{bucket}:{n}" for n in range(1, size + 1)]
    named = dict(cache.get_many(slots).values())  # counter -> its field
    counts = cache.get_many(list(named))
    written = _write([(named[counter], value) for counter, value in counts.items()])
    cache.delete_many([*slots, *named, f"an:n:{bucket}"])
    return written


def _write(counts: list[tuple[str, int]]) -> int:
    rows = []
    for field, value in counts:
        if value:
            target, day, metric, key = field.split("|", 3)
            rows.append((target, date.fromisoformat(day), metric, key, value))
    with transaction.atomic():
        _upsert(rows)
    return sum(row[-1] for row in rows)


def _upsert(rows: list[tuple]) -> None:
    # One statement per row, adding to what is there (PostgreSQL and SQLite share the syntax).
    sql = (
        "INSERT INTO audience_dailycount (target, day, metric, key, count) "
        "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (target, day, metric, key) "
        "DO UPDATE SET count = audience_dailycount.count + excluded.count"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _incr(key: str, amount: int = 1) -> int:
    try:
        return cache.incr(key, amount)
    except ValueError:  # evicted or never set: start it (a race here can lose only that one)
        if cache.add(key, amount, KEEP):
            return amount
        return cache.incr(key, amount)


def _daily_salt(day: date) -> str:
    """The day's salt, shared by every worker through the cache (and remembered here)."""
    key = f"an:salt:{day.isoformat()}"
    if key not in _salts:
        cache.add(key, secrets.token_hex(16), KEEP)
        _salts.clear()  # only today's is needed
        _salts[key] = cache.get(key)
    return _salts[key] or ""


def _redis():
    """The redis-py client when the cache is Redis (production), else None."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        return backend._cache.get_client(write=True)
    return None


def _today() -> date:
    return datetime.now(UTC).date()


def days(n: int) -> list[date]:
    today = _today()
    return [today - timedelta(days=i) for i in range(n - 1, -1, -1)]
