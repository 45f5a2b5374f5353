"""The seam between a panel's facade and the UI's asynchronous call mechanism.

A facade never blocks: each query or command it offers hands a zero-argument callable to a
:class:`CallPort`, which runs it on a worker thread (reads on the reader pool, writes one at a time on
the writer thread) and delivers the result, already typed, to a ``done`` callback on the UI thread.
The desktop's :class:`desktop.ui.bridge.Bridge` implements this port with Qt signals; nothing here
imports Qt, the store or the backend (the UI imports the facades, and the UI may reach neither).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from desktop.services.change import Change

T = TypeVar("T")
B = TypeVar("B")

#: ``done(result)``: called on the UI thread with a query's or command's typed result (what it
#: returns is ignored).
Done = Callable[[T], object]
#: ``error(exception)``: called on the UI thread when the work raised (what it returns is ignored).
Failed = Callable[[BaseException], object]


class Visible(Protocol):
    """What :meth:`CallPort.on_change` needs of a panel (a QWidget has it): whether it is shown, and
    a place to mark it stale (``setProperty("stale", True)``) so it refreshes when shown."""

    def isVisible(self) -> bool: ...  # noqa: N802 - Qt's name

    def setProperty(self, name: str, value: Any) -> bool: ...  # noqa: N802 - Qt's name


class CallPort(Protocol):
    """Runs blocking work off the UI thread and reports back on it.

    ``read``: on a reader thread. ``write``: on the single writer thread (in the order asked), then
    the :class:`Change` it returned (or found in a returned tuple) is broadcast to every panel.
    ``call``: any blocking callable (``write=True``: on the writer thread, no broadcast).
    ``on_change``: ``slot(change)`` for changes touching ``scopes`` while ``panel`` is visible (a
    hidden panel is marked stale instead). ``panel_refreshed``: panel ``name`` finished a refresh
    (tests and benchmarks wait for it).
    """

    def read(self, fn: Callable[[], T], *, done: Done[T] | None = None,
             error: Failed | None = None) -> None: ...

    def write(self, fn: Callable[[], T], *, done: Done[T] | None = None,
              error: Failed | None = None) -> None: ...

    def call(self, fn: Callable[[], T], *, done: Done[T] | None = None, error: Failed | None = None,
             write: bool = False) -> None: ...

    def on_change(self, panel: Visible, slot: Callable[[Change], None], scopes: set[str]) -> None: ...

    def panel_refreshed(self, name: str) -> None: ...


class PanelFacade(Generic[B]):
    """Base of the per-panel facades: holds the backend ``B`` (each facade types it as a Protocol of
    the backend methods it uses, so the UI never imports the backend or the store) and the
    :class:`CallPort`.

    Attributes:
        name: the panel's name as :meth:`refreshed` reports it ("pipeline", "revenue", ...).
    """

    name = ""

    def __init__(self, backend: B, port: CallPort) -> None:
        self._backend = backend
        self._port = port

    def watch(self, panel: Visible, slot: Callable[[Change], None], scopes: set[str]) -> None:
        """Call ``slot(change)`` on the UI thread after each change touching ``scopes`` (while
        ``panel`` is hidden it is marked stale instead and refreshes when shown)."""
        self._port.on_change(panel, slot, scopes)

    def refreshed(self) -> None:
        """Report that the panel finished showing fresh data (the bridge's ``refreshed(name)``)."""
        self._port.panel_refreshed(self.name)
