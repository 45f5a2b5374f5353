"""Global push-to-talk hotkey through pynput, where the desktop allows it.

On Wayland (no X server) and on headless machines global key grabs are not possible; the class then
reports ``available = False`` with a ``reason`` the UI shows next to the in-app shortcut, which
always works.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any


def global_hotkey_support(env: dict[str, str] | None = None, platform: str | None = None) -> tuple[bool, str]:
    """Whether a global hotkey can work here, and why not: ``(ok, reason)`` (reason "" if ok)."""
    env = dict(os.environ) if env is None else env
    platform = platform or sys.platform
    if platform.startswith("linux"):
        if env.get("XDG_SESSION_TYPE") == "wayland" or (env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY")):
            return False, ("Global hotkeys are not available on Wayland; use the in-app shortcut "
                           "(or run under X11/XWayland).")
        if not env.get("DISPLAY"):
            return False, "No X display: global hotkeys are unavailable; use the in-app shortcut."
    return True, ""


class GlobalHotkey:
    """Calls ``on_press``/``on_release`` when the key combination goes down / up anywhere.

    Args:
        combo: pynput syntax, e.g. ``<ctrl>+<alt>+<space>`` or ``<f9>``.
        on_press / on_release: called on the pynput thread (the session methods are thread-safe).
        listener_factory: ``pynput.keyboard.Listener``-like class; parse: combo -> keys
            (default ``pynput.keyboard.HotKey.parse``). Both are seams for tests: pynput cannot
            even be imported without a display.

    After :meth:`start`, :attr:`available` tells whether the listener runs and :attr:`reason` why not.
    """

    def __init__(self, combo: str, on_press: Callable[[], None], on_release: Callable[[], None], *,
                 listener_factory: Callable[..., Any] | None = None,
                 parse: Callable[[str], Any] | None = None) -> None:
        self.combo = combo
        self.on_press = on_press
        self.on_release = on_release
        self._factory = listener_factory
        self._parse = parse
        self._listener: Any = None
        self._keys: set[Any] = set()
        self._down: set[Any] = set()
        self._active = False
        self.available = False
        self.reason = "not started"

    def start(self) -> bool:
        """Try to start listening; returns :attr:`available`. Never raises."""
        factory = self._factory
        if factory is None:
            ok, why = global_hotkey_support()
            if not ok:
                self.available, self.reason = False, why
                return False
        try:
            if factory is None or self._parse is None:
                from pynput import keyboard

                factory = factory or keyboard.Listener
                self._parse = self._parse or keyboard.HotKey.parse
            self._keys = set(self._parse(self.combo))
            self._listener = factory(on_press=self._press, on_release=self._release)
            self._listener.start()
        except Exception as exc:  # noqa: BLE001 - pynput raises many backend errors; reported, not fatal
            self.available = False
            self.reason = f"Global hotkey unavailable ({exc}); use the in-app shortcut."
            return False
        self.available, self.reason = True, ""
        return True

    def stop(self) -> None:
        """Stop listening (idempotent)."""
        if self._listener is not None:
            self._listener.stop()
            self._listener = None

    def _norm(self, key: Any) -> Any:
        listener = self._listener
        if listener is not None and hasattr(listener, "canonical"):
            return listener.canonical(key)
        return key

    def _press(self, key: Any) -> None:
        self._down.add(self._norm(key))
        if not self._active and self._keys and self._keys <= self._down:
            self._active = True
            self.on_press()

    def _release(self, key: Any) -> None:
        k = self._norm(key)
        self._down.discard(k)
        if self._active and k in self._keys:
            self._active = False
            self.on_release()
