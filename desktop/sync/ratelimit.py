"""Request pacing from the CRM's own rate-limit headers, so 429s stay rare.

:class:`Pacer` is a GCRA token bucket: requests are spaced ``1/rate`` seconds apart with a small
burst allowance; the rate is ``safety * max / interval`` learnt from response headers
(HubSpot ``X-HubSpot-RateLimit-Max`` / ``-Interval-Milliseconds`` / ``-Remaining`` / ``-Daily-Remaining``;
Pipedrive ``x-ratelimit-limit`` / ``-remaining`` / ``-reset`` (2-second window) and
``x-daily-requests-left``). A 429 blocks the pacer for ``Retry-After`` seconds.

Sources: HubSpot "API usage guidelines and limits" (developers.hubspot.com/docs/guides/apps/api-usage),
Pipedrive "Rate limiting" (pipedrive.readme.io/docs/core-api-concepts-rate-limiting).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Awaitable, Callable, Mapping


@dataclass(slots=True)
class Limits:
    """Parsed rate-limit headers. ``interval_s`` seconds; counts are requests; ``reset_s`` is the
    time left in a fixed window (Pipedrive) or ``None`` (HubSpot's rolling window)."""

    max: int | None = None
    interval_s: float | None = None
    remaining: int | None = None
    reset_s: float | None = None
    daily_remaining: int | None = None


def _int(headers: Mapping[str, str], name: str) -> int | None:
    value = headers.get(name)
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


def parse_hubspot(headers: Mapping[str, str]) -> Limits:
    """Read ``X-HubSpot-RateLimit-*`` headers (case-insensitive mapping, e.g. ``httpx.Headers``)."""
    interval_ms = _int(headers, "x-hubspot-ratelimit-interval-milliseconds")
    return Limits(
        max=_int(headers, "x-hubspot-ratelimit-max"),
        interval_s=interval_ms / 1000.0 if interval_ms else None,
        remaining=_int(headers, "x-hubspot-ratelimit-remaining"),
        daily_remaining=_int(headers, "x-hubspot-ratelimit-daily-remaining"),
    )


def parse_pipedrive(headers: Mapping[str, str]) -> Limits:
    """Read Pipedrive's ``x-ratelimit-*`` (2-second window) and ``x-daily-requests-left`` headers."""
    reset = headers.get("x-ratelimit-reset")
    try:
        reset_s = float(reset) if reset is not None else None
    except ValueError:
        reset_s = None
    return Limits(
        max=_int(headers, "x-ratelimit-limit"),
        interval_s=2.0 if headers.get("x-ratelimit-limit") is not None else None,
        remaining=_int(headers, "x-ratelimit-remaining"),
        reset_s=reset_s,
        daily_remaining=_int(headers, "x-daily-requests-left"),
    )


class Pacer:
    """Spaces requests to stay under a learnt rate.

    Args:
        rate: initial requests per second before any header was seen (conservative default).
        burst: requests that may go back to back; with ``rate`` this bounds any window to
            ``burst + rate * interval`` requests, which :meth:`observe` keeps <= the server's max.
        safety: fraction of the advertised rate to use (0.95 keeps rolling-window jitter off 429).
        clock / sleep: injectable for tests (seconds).
    """

    def __init__(self, rate: float = 5.0, burst: int = 1, *, safety: float = 0.95,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.rate = rate
        self.burst = max(1, burst)
        self.safety = safety
        self._clock = clock
        self._sleep = sleep
        self._tat = 0.0  # theoretical arrival time of the next request
        self._blocked_until = 0.0
        self._lock = asyncio.Lock()
        self.daily_remaining: int | None = None
        self.waited_s = 0.0
        self.acquired = 0

    async def acquire(self) -> None:
        """Wait (asynchronously) until the next request may be sent."""
        async with self._lock:
            now = self._clock()
            interval = 1.0 / self.rate
            tolerance = (self.burst - 1) * interval
            start = max(now, self._tat - tolerance, self._blocked_until)
            if start > now:
                self.waited_s += start - now
                await self._sleep(start - now)
                now = self._clock()
            self._tat = max(self._tat, now) + interval
            self.acquired += 1

    def observe(self, limits: Limits) -> None:
        """Adopt the server's advertised limits; slow down when ``remaining`` runs low."""
        if limits.daily_remaining is not None:
            self.daily_remaining = limits.daily_remaining
        if limits.max and limits.interval_s:
            self.rate = max(0.1, self.safety * limits.max / limits.interval_s)
            self.burst = max(1, int(limits.max * (1.0 - self.safety)))
        if limits.remaining is not None and limits.remaining <= 0:
            wait = limits.reset_s if limits.reset_s is not None else 1.0 / self.rate
            self.block(wait)

    def block(self, seconds: float) -> None:
        """Send nothing for ``seconds`` (after a 429's ``Retry-After``)."""
        self._blocked_until = max(self._blocked_until, self._clock() + max(0.0, seconds))
