"""CRM tokens in the OS keyring (service ``"spectrum-sync"``, username ``"hubspot"`` / ``"pipedrive"``).

Tokens never go to the database, settings, logs or the repository. Adapters receive
:func:`token_provider` (a callable read on every request, so a reconnect takes effect at once).
"""

from __future__ import annotations

from collections.abc import Callable

import keyring
import keyring.errors

SERVICE = "spectrum-sync"
PROVIDERS = ("hubspot", "pipedrive")


def save_token(provider: str, token: str) -> None:
    """Store ``token`` for ``provider`` ("hubspot" | "pipedrive"). Raises ``ValueError`` for an
    unknown provider or an empty token; ``keyring.errors.KeyringError`` if no backend works."""
    if provider not in PROVIDERS:
        raise ValueError(f"unknown CRM {provider!r}; expected one of {PROVIDERS}")
    if not token.strip():
        raise ValueError("empty token")
    keyring.set_password(SERVICE, provider, token.strip())


def load_token(provider: str) -> str | None:
    """The stored token, or ``None`` when missing or the keyring is unavailable."""
    try:
        return keyring.get_password(SERVICE, provider)
    except keyring.errors.KeyringError:
        return None


def delete_token(provider: str) -> None:
    """Forget the token (``spectrum connect`` again to reconnect)."""
    try:
        keyring.delete_password(SERVICE, provider)
    except keyring.errors.PasswordDeleteError:
        pass


def token_provider(provider: str) -> Callable[[], str | None]:
    """A callable for :class:`desktop.sync.http.ApiClient` that reads the keyring each call."""
    return lambda: load_token(provider)
