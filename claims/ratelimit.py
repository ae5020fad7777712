"""Rate limits per client, counted in the shared cache so that every worker counts together.

A sliding window per scope: settings.RATE_LIMITS["claims"] = (20, 3600) lets one client make at
most 20 attempts in any 3,600 seconds, whatever the clock says (a fixed clock-hour window let
40 through in the minute around the hour). Each attempt takes one of the client's 20 slots, a
cache entry that frees itself an hour after it was taken; with every slot taken the client
waits for the oldest. A client is its address (an IPv6 client its /64 network, which one phone
can fill with addresses), stored only as a keyed hash: the cache holds no IP address.

Several workers count exactly: a slot is taken with cache.add(), which the database cache makes
an INSERT on the key, its primary key, so of two workers taking the same free slot one wins and
the other moves on to the next. (A slot row that expired but was not yet deleted is taken by an
UPDATE instead; reading the slots deletes expired rows first, which leaves a race of a few
milliseconds on PostgreSQL in which two requests could share one freed slot.)
"""

import hashlib
import hmac
import ipaddress
import math
import time
from functools import lru_cache, wraps

from django.conf import settings
from django.core.cache import caches
from django.shortcuts import render

UPLOADS = "uploads"
CLAIMS = "claims"


def _parse(address: str):
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    if parsed.version == 6 and parsed.ipv4_mapped:
        return parsed.ipv4_mapped
    return parsed


@lru_cache(maxsize=4)
def _networks(allowed: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry) for entry in allowed if entry != "*")


def _is_listed(address: str) -> bool:
    """Is `address` in FORWARDED_ALLOW_IPS, the proxies gunicorn trusts too?"""
    parsed = _parse(address)
    networks = _networks(tuple(settings.FORWARDED_ALLOW_IPS))
    return parsed is not None and any(parsed in network for network in networks)


def client_address(request) -> str:
    """The address of the client.

    X-Forwarded-For counts only when the peer is a trusted proxy: anyone who reaches the app
    port can write the header. Then the client is the right-most hop that is not a trusted
    proxy, the last one a proxy of ours appended; hops further left are the client's own words.
    """
    address = request.META.get("REMOTE_ADDR", "")
    # "*" trusts any peer (gunicorn's meaning) but names no proxy: the last hop is the client.
    if "*" in settings.FORWARDED_ALLOW_IPS or _is_listed(address):
        hops = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",")]
        for hop in reversed([hop for hop in hops if hop]):
            address = hop
            if not _is_listed(hop):
                break
    parsed = _parse(address)
    if parsed is None:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _slot_keys(request, scope: str, count: int) -> list[str]:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()[:32]
    return [f"ratelimit:{scope}:{digest}:{slot}" for slot in range(count)]


def attempt(request, scope: str) -> int:
    """Count one attempt of this client in `scope`: 0 when allowed, else seconds to wait."""
    rate = settings.RATE_LIMITS.get(scope)
    if rate is None:
        return 0
    count, period = rate
    cache = caches[settings.RATE_LIMIT_CACHE]
    keys = _slot_keys(request, scope, count)
    taken = cache.get_many(keys)  # one query; it also deletes the slots that expired
    now = time.time()  # the clock the cache gives its entries' expiry by
    for key in keys:
        if key not in taken and cache.add(key, now, timeout=period):
            return 0
    # Refused: nothing is written, so a client hammering past its limit costs one read.
    oldest = min(taken.values(), default=now)
    return max(math.ceil(oldest + period - now), 1)


def too_many_requests(request, scope: str, wait: int):
    minutes = -(-wait // 60)
    response = render(request, "429.html", {"scope": scope, "minutes": minutes}, status=429)
    response["Retry-After"] = str(wait)
    return response


def limit(scope: str, methods=("POST",)):
    """View decorator: count `methods` requests in `scope`, answer 429 past the limit."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and (wait := attempt(request, scope)):
                return too_many_requests(request, scope, wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class UploadRateLimitMiddleware:
    """Count every request that carries files, whichever view takes it (add, replace…).

    It sits after the CSRF middleware and acts in process_view, so a forged post is refused
    before it counts against anybody.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # The CSRF middleware has parsed the body already: FILES costs nothing more here.
        if request.method == "POST" and request.FILES and (wait := attempt(request, UPLOADS)):
            return too_many_requests(request, UPLOADS, wait)
        return None
