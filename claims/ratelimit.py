"""Rate limits per client, counted in the shared cache so that every worker counts together.

A fixed window per scope: settings.RATE_LIMITS["claims"] = (20, 3600) lets one client make 20
attempts an hour; the 21st gets the 429 page until the hour turns. A client is its address
(an IPv6 client its /64 network, which one phone can fill with addresses), stored only as a
keyed hash: the cache holds no IP address. Counting is approximate when two workers count the
same client in the same instant (the database cache's incr is a read and a write).
"""

import hashlib
import hmac
import ipaddress
import time
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.shortcuts import render

UPLOADS = "uploads"
CLAIMS = "claims"
clock = time.time  # the windows' clock; the cache keeps its own time for expiry


def client_address(request) -> str:
    """The address of the client; behind our proxy, the hop that proxy added last."""
    address = request.META.get("REMOTE_ADDR", "")
    if settings.BEHIND_TLS_PROXY:
        hops = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",")]
        address = next((hop for hop in reversed(hops) if hop), address)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _client_key(request, scope: str, window: int) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{window}"


def seconds_left(scope: str, now: float | None = None) -> int:
    """Seconds until the current window of `scope` ends (and its counters start again)."""
    _count, period = settings.RATE_LIMITS[scope]
    now = clock() if now is None else now
    return max(int(period - now % period), 1)


def allow(request, scope: str) -> bool:
    """Count one attempt of this client in `scope`; False once it is over the limit."""
    rate = settings.RATE_LIMITS.get(scope)
    if rate is None:
        return True
    count, period = rate
    key = _client_key(request, scope, int(clock() // period))
    cache = caches[settings.RATE_LIMIT_CACHE]
    cache.add(key, 0, timeout=period + 60)
    try:
        used = cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, timeout=period + 60)
        used = 1
    return used <= count


def too_many_requests(request, scope: str):
    minutes = -(-seconds_left(scope) // 60)
    response = render(request, "429.html", {"scope": scope, "minutes": minutes}, status=429)
    response["Retry-After"] = str(seconds_left(scope))
    return response


def limit(scope: str, methods=("POST",)):
    """View decorator: count `methods` requests in `scope`, answer 429 past the limit."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and not allow(request, scope):
                return too_many_requests(request, scope)
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
        if request.method == "POST" and request.FILES and not allow(request, UPLOADS):
            return too_many_requests(request, UPLOADS)
        return None
