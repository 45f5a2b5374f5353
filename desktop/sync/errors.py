"""Sync errors, mapped at the HTTP boundary (see :func:`desktop.sync.http.map_response`).

Every failure an adapter raises is one of these; callers never see ``httpx`` exceptions.

- :class:`Retryable`: transient (5xx, timeouts, dropped connections, truncated bodies); try again later.
- :class:`Offline`: the network is unreachable (connect errors); the outbox waits without spending attempts.
- :class:`RateLimited`: HTTP 429 or an exhausted budget; ``retry_after`` in seconds, ``policy`` e.g.
  ``"SECONDLY"`` / ``"DAILY"`` (HubSpot ``policyName``) or ``"BURST"`` (Pipedrive).
- :class:`AuthExpired`: 401 (or no token); the user must reconnect (``spectrum connect``).
- :class:`MissingScope`: 403; the token is valid but lacks a permission (HubSpot scope). Refreshing
  or reconnecting with the same grant cannot help: the message names the scopes to add.
- :class:`Conflict`: 409 (e.g. a unique property already taken by another record).
- :class:`Permanent`: any other 4xx; retrying cannot help, the outbox row is dead-lettered.
"""

from __future__ import annotations


class SyncError(Exception):
    """Base class. ``status`` is the HTTP status code when there was one."""

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class Retryable(SyncError):
    """A transient failure; the same request may succeed later."""


class Offline(Retryable):
    """The CRM could not be reached at all (DNS/connect failure)."""


class RateLimited(Retryable):
    """Too many requests; wait ``retry_after`` seconds (float) before the next one."""

    def __init__(self, message: str, *, retry_after: float, policy: str | None = None,
                 status: int | None = 429) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after
        self.policy = policy


class AuthExpired(SyncError):
    """The token was rejected (401/403) or is missing. ``token_id``: a short SHA-256 fingerprint
    of the refused token, set by the HTTP boundary for its one refresh-and-retry (the token itself
    is never kept here)."""

    token_id: str | None = None

    def __repr__(self) -> str:
        return f"AuthExpired({str(self)!r}, status={self.status!r})"


class MissingScope(SyncError):
    """HTTP 403: the token works but is not allowed this call. ``scopes``: the scopes the CRM says
    are required (HubSpot ``errors[].context.requiredGranularScopes`` / ``requiredScopes``; may
    be empty when the answer does not name them). The outbox waits; nothing is dead-lettered."""

    def __init__(self, message: str, *, scopes: list[str] | None = None,
                 status: int | None = 403) -> None:
        super().__init__(message, status=status)
        self.scopes = list(scopes or [])


class Conflict(SyncError):
    """The CRM refused the write because of a conflicting record (409)."""


class Permanent(SyncError):
    """A request the CRM will never accept as sent (400/404/422 ...)."""
