"""The UI's handle on the backend: asynchronous calls and the ``changed`` event.

Panels never call the backend directly: they call :meth:`Bridge.read` / :meth:`Bridge.write`, which
run the backend method on a worker thread (:class:`~desktop.ui.tasks.TaskRunner`) and deliver the
result on the UI thread. Every successful write emits :attr:`Bridge.changed` with the backend's
:class:`~desktop.services.backend.Change`; panels refresh from it (no timers polling the database).
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from desktop.ui.tasks import TaskRunner


class Bridge(QObject):
    """Signals:
        changed(Change): data changed (after apply, undo, approvals, import, switches, notes).
        notify(str, str): (level "info" | "error", message) for the notification hub.
        refreshed(str): a panel finished refreshing (its name) — used by tests and benchmarks.
    """

    changed = Signal(object)
    notify = Signal(str, str)
    refreshed = Signal(str)

    def __init__(self, backend: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.runner = TaskRunner(parent=self)
        self.runner.failed.connect(lambda msg: self.notify.emit("error", msg))

    def read(self, method: str, *args: Any, done: Callable[[Any], None] | None = None,
             error: Callable[[BaseException], None] | None = None) -> None:
        """Run ``backend.<method>(*args)`` on a reader thread; ``done(result)`` on the UI thread."""
        self.runner.submit(getattr(self.backend, method), *args, done=done, error=error)

    def write(self, method: str, *args: Any, done: Callable[[Any], None] | None = None,
              error: Callable[[BaseException], None] | None = None) -> None:
        """Run a writing ``backend.<method>(*args)`` on the writer thread, then emit
        :attr:`changed` with the :class:`Change` it returned (or found in a returned tuple)."""

        def ok(result: Any) -> None:
            change = result
            if isinstance(result, tuple):
                change = next((r for r in result if hasattr(r, "scopes")), None)
            if done is not None:
                done(result)
            if change is not None and hasattr(change, "scopes"):
                self.changed.emit(change)

        def bad(exc: BaseException) -> None:
            if error is not None:
                error(exc)
            else:
                self.notify.emit("error", str(exc))

        self.runner.submit(getattr(self.backend, method), *args, done=ok, error=bad, write=True)

    def call(self, fn: Callable[..., Any], *args: Any, done: Callable[[Any], None] | None = None,
             error: Callable[[BaseException], None] | None = None, write: bool = False) -> None:
        """Run any blocking callable off the UI thread."""
        self.runner.submit(fn, *args, done=done, error=error, write=write)

    def on_change(self, panel: Any, slot: Callable[[Any], None], scopes: set[str]) -> None:
        """Connect ``slot(change)`` for changes touching ``scopes``, run only while ``panel`` is
        visible; a hidden panel is marked stale and refreshed (``panel.refresh()``) when shown."""

        def handler(change: Any) -> None:
            if not (change.scopes & scopes):
                return
            if panel.isVisible():
                slot(change)
            else:
                panel.setProperty("stale", True)

        self.changed.connect(handler)

    def shutdown(self) -> None:
        """Finish background work and close the workspace."""
        self.runner.shutdown()
        self.backend.close()
