"""The UI's handle on the backend: asynchronous calls and the ``changed`` event.

Panels never call the backend directly: they call :meth:`Bridge.read` / :meth:`Bridge.write`, which
run the backend method on a worker thread (:class:`~desktop.ui.tasks.TaskRunner`) and deliver the
result on the UI thread. Every successful write emits :attr:`Bridge.changed` with the backend's
:class:`~desktop.services.backend.Change`; panels refresh from it (no timers polling the database).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol, TypedDict, TypeVar, cast

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.services.change import Change
from desktop.services.facades.command import HeldChanges
from desktop.services.facades.port import Done, Failed, Visible
from desktop.ui.tasks import ChildTask, TaskRunner

if TYPE_CHECKING:  # email_sender imports this module
    from desktop.ui.email_sender import EmailSender

T = TypeVar("T")


class BackgroundSource(Protocol):
    """What the bridge and its background supervisors use of the backend
    (:class:`desktop.services.backend.Backend`): the planner's rebuild after a change, the child
    processes' commands (None: not to be started), a sync result's Change, and closing."""

    def refresh_planner(self) -> None: ...

    def sync_argv(self, interval_s: float = 60.0, sandbox: bool = False) -> list[str] | None: ...

    def agents_serve_argv(self) -> list[str] | None: ...

    def email_send_argv(self) -> list[str] | None: ...

    def sync_change(self, result: dict[str, Any]) -> Change | None: ...

    def close(self) -> None: ...


class SyncState(TypedDict):
    """The background sync's state (:attr:`LiveSync.state`): state "off" | "starting" | "ok" |
    "offline" | "error", the CRM of the worst result, ``at`` ("HH:MM" of the last good pass or None),
    a message, records pulled in the last pass and new field conflicts."""

    state: str
    crm: str | None
    at: str | None
    message: str
    pulled: int
    new_conflicts: int


class Bridge(QObject):
    """Signals:
        changed(Change): data changed (after apply, undo, approvals, import, switches, notes).
        notify(str, str): (level "info" | "error", message) for the notification hub.
        refreshed(str): a panel finished refreshing (its name) — used by tests and benchmarks.
    """

    changed = Signal(object)
    notify = Signal(str, str)
    refreshed = Signal(str)

    def __init__(self, backend: BackgroundSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.live_sync: LiveSync | None = None  # the supervisors register themselves (see shutdown)
        self.agent_scheduler: AgentScheduler | None = None
        self.email_sender: EmailSender | None = None
        self.runner = TaskRunner(parent=self)
        self.runner.failed.connect(lambda msg: self.notify.emit("error", msg))
        self.changed.connect(self._refresh_planner)

    def _refresh_planner(self, change: Change) -> None:
        """After a CRM change (plan applied or undone, import, sync pull) rebuild the planner's
        index on a reader thread now, not on the next utterance's critical path (+1-3 s)."""
        if "crm" in change.scopes:
            self.runner.submit(self.backend.refresh_planner)

    def read(self, fn: Callable[[], T], *, done: Done[T] | None = None, error: Failed | None = None) -> None:
        """Run ``fn()`` on a reader thread; ``done(result)`` on the UI thread (``error(exc)`` if it raised)."""
        self.runner.submit(fn, done=done, error=error)

    def write(self, fn: Callable[[], T], *, done: Done[T] | None = None, error: Failed | None = None) -> None:
        """Run a writing ``fn()`` on the writer thread, then ``done(result)`` and emit :attr:`changed`
        with the :class:`Change` it returned (or found in a returned tuple) on the UI thread."""

        def ok(result: T) -> None:
            change: object = result
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

        self.runner.submit(fn, done=ok, error=bad, write=True)

    def call(self, fn: Callable[[], T], *, done: Done[T] | None = None, error: Failed | None = None,
             write: bool = False) -> None:
        """Run any blocking ``fn()`` off the UI thread (``write=True``: on the writer thread, in
        order with the writes; no :attr:`changed` is emitted)."""
        self.runner.submit(fn, done=done, error=error, write=write)

    def panel_refreshed(self, name: str) -> None:
        """Panel ``name`` finished a refresh: emit :attr:`refreshed`."""
        self.refreshed.emit(name)

    def on_change(self, panel: Visible, slot: Callable[[Change], None], scopes: set[str]) -> None:
        """Connect ``slot(change)`` for changes touching ``scopes``, run only while ``panel`` is
        visible; a hidden panel is marked stale and refreshed (``panel.refresh()``) when shown."""

        def handler(change: Change) -> None:
            if not (change.scopes & scopes):
                return
            if panel.isVisible():
                slot(change)
            else:
                panel.setProperty("stale", True)

        self.changed.connect(handler)

    def shutdown(self) -> None:
        """Finish background work and close the workspace."""
        for supervisor in (self.live_sync, self.agent_scheduler, self.email_sender):
            if supervisor is not None:
                supervisor.stop()
        self.runner.shutdown()
        self.backend.close()


class LiveSync(QObject):
    """Background sync with the connected CRM in a child process (``spectrum sync --watch
    --interval S``, see :meth:`Backend.sync_argv`): never in the UI process.

    Each JSON line the child prints (one per pass, every connected CRM's result) updates :attr:`state` and, when the
    pull changed records, is re-broadcast as the bridge's ``changed`` (panels refresh from it). A
    child that dies is restarted after ``restart_s`` seconds; a rejected token (exit 3) or no
    connection (exit 2) stops it until :meth:`start` is called again (e.g. after a token is saved).

    Signals:
        state_changed(dict): {"state": "off" | "starting" | "ok" | "offline" | "error",
        "crm": str | None, "at": "HH:MM" of the last good pass or None, "message": str,
        "pulled": records pulled in the last pass, "new_conflicts": int}.
    """

    state_changed = Signal(dict)

    def __init__(self, bridge: Bridge, interval_s: float = 60.0, restart_s: float = 30.0,
                 argv: list[str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent or bridge)
        self.bridge = bridge
        self.interval_s, self.restart_s = interval_s, restart_s
        self.fixed_argv = argv  # tests: a fake child
        self.sandbox = False
        self.state: SyncState = {"state": "off", "crm": None, "at": None, "message": "not connected",
                                      "pulled": 0, "new_conflicts": 0}
        self.task: ChildTask | None = None
        self._stopped = False
        self._restart = QTimer(self)
        self._restart.setSingleShot(True)
        self._restart.timeout.connect(self.start)
        bridge.live_sync = self
        bridge.changed.connect(self._on_change)

    def _set(self, **kw: str | int | None) -> None:
        self.state = cast(SyncState, {**self.state, **kw})
        self.state_changed.emit(dict(self.state))

    def start(self, sandbox: bool | None = None) -> None:
        """(Re)start the sync child if a CRM is connected (or ``sandbox``); no-op while one runs."""
        self._stopped = False
        if sandbox is not None:
            self.sandbox = sandbox
        if self.task is not None and self.task.running:
            return
        if self.fixed_argv is not None:
            self._launch(self.fixed_argv)
        else:
            backend, interval_s, sandbox = self.bridge.backend, self.interval_s, self.sandbox
            self.bridge.read(lambda: backend.sync_argv(interval_s, sandbox), done=self._launch,
                             error=lambda e: self._set(state="error", message=str(e)))

    def _launch(self, argv: list[str] | None) -> None:
        if self._stopped or (self.task is not None and self.task.running):
            return
        if argv is None:
            self._set(state="off", message="not connected")
            return
        self.task = task = ChildTask(self)
        task.line.connect(self._line)
        task.exited.connect(lambda code, err, t=task: self._exited(t, code, err))
        try:
            task.start(argv)
        except OSError as exc:
            self._set(state="error", message=f"cannot start sync: {exc}")
            return
        self._set(state="starting", message="syncing…")

    def _line(self, msg: dict) -> None:
        """One stdout line of the child: ``{"event": "cycle", "crms": [per-CRM result]}`` (``--watch``)
        or a bare per-CRM result (``--json``); the worst CRM state of the pass wins."""
        if msg.get("event") == "stopped":
            return
        results = (msg.get("crms") or []) if msg.get("event") == "cycle" else [msg]
        rank = {"ok": 0, "offline": 1, "error": 2}
        worst: dict[str, Any] | None = None  # {"state", "crm", "message"?}
        pulled = sent = conflicts = 0
        for r in results:
            crm, err = r.get("crm"), r.get("error")
            st: dict[str, Any]
            if err == "offline" or (r.get("offline") is True and "sent" not in r):
                st = {"state": "offline", "crm": crm,
                      "message": r.get("message") or f"{crm} unreachable; changes wait in the outbox"}
            elif err:
                st = {"state": "error", "crm": crm, "message": str(r.get("message") or err)}
            else:
                st = {"state": "offline" if r.get("offline") else "ok", "crm": crm}
            pulled += sum((r.get("pulled") or {}).values())
            sent += int(r.get("sent") or 0)
            conflicts += int(r.get("new_conflicts") or 0)
            if worst is None or rank[st["state"]] > rank[worst["state"]]:
                worst = st
            change = self.bridge.backend.sync_change(r)
            if change is not None:
                self.bridge.changed.emit(change)
        if worst is None:
            return
        if worst["state"] == "ok":
            worst["message"] = f"pulled {pulled}, pushed {sent}"
            worst["at"] = datetime.now().strftime("%H:%M")
        self._set(pulled=pulled, new_conflicts=conflicts, **worst)

    def _exited(self, task: ChildTask, code: int, err: str) -> None:
        if task is not self.task:
            return
        self.task = None
        if self._stopped:
            return
        if code == 3:
            self._set(state="error", message=err or "the CRM token was rejected; reconnect in Settings")
        elif code == 2:
            self._set(state="off", message=err or "not connected")
        elif code != 0 or self.state["state"] == "starting":
            self._set(state="error", message=err or f"sync stopped (exit {code})")
            self._restart.start(int(self.restart_s * 1000))
        else:
            self._restart.start(int(self.interval_s * 1000))

    def _on_change(self, change: Change) -> None:
        if "settings" in change.scopes and (self.task is None or not self.task.running):
            self.start()  # a CRM token was saved

    def stop(self, wait: bool = True) -> None:
        """Stop the child (SIGTERM: ``--watch`` exits cleanly) and any restart. ``wait=False``
        does not block the UI thread (the child is reaped on a worker thread)."""
        _stop_child(self, wait)

    def sync_now(self, sandbox: bool | None = None) -> None:
        """Run a pass now: restart the child (its first cycle starts at once)."""
        self.stop(wait=False)
        self.start(sandbox)


class AgentScheduler(QObject):
    """The app's background scheduler: ``spectrum agents serve --json`` in a child process (never in
    the UI process), which runs every agent whose schedule is due (a slot missed while the machine
    slept runs once on wake). Each finished run it reports (one JSON line) refreshes the agents,
    approvals and costs; a child that dies is restarted after ``restart_s`` seconds; exit 4 means
    another scheduler (``spectrum agents serve`` under systemd) already runs this workspace's
    agents, so this one waits and tries again later.

    Signals:
        ran(dict): one finished run ({"agent", "run_id", "status", "error", "approvals", ...}).
    """

    ran = Signal(dict)

    def __init__(self, bridge: Bridge, restart_s: float = 60.0, parent: QObject | None = None) -> None:
        super().__init__(parent or bridge)
        self.bridge = bridge
        self.restart_s = restart_s
        self.fixed_argv: list[str] | None = None  # tests: a fake child
        self.task: ChildTask | None = None
        self.state = "off"
        self._stopped = False
        self._restart = QTimer(self)
        self._restart.setSingleShot(True)
        self._restart.timeout.connect(self.start)
        bridge.agent_scheduler = self

    def start(self) -> None:
        """Start the scheduler child unless one runs or it is turned off (``agents_scheduler``)."""
        self._stopped = False
        if self.task is not None and self.task.running:
            return
        if self.fixed_argv is not None:
            self._launch(self.fixed_argv)
        else:
            self.bridge.read(self.bridge.backend.agents_serve_argv, done=self._launch)

    def _launch(self, argv: list[str] | None) -> None:
        if self._stopped or argv is None or (self.task is not None and self.task.running):
            return
        self.task = task = ChildTask(self)
        task.line.connect(self._line)
        task.exited.connect(lambda code, err, t=task: self._exited(t, code, err))
        try:
            task.start(argv)
        except OSError as exc:
            self.state = f"error: {exc}"
            return
        self.state = "running"

    def _line(self, msg: dict) -> None:
        if msg.get("event") != "run":
            return
        self.ran.emit(msg)
        self.bridge.changed.emit(Change(frozenset({"agents", "approvals", "costs"})))

    def _exited(self, task: ChildTask, code: int, err: str) -> None:
        if task is not self.task:
            return
        self.task = None
        self.state = "elsewhere" if code == 4 else "stopped"
        if not self._stopped:
            self._restart.start(int(self.restart_s * 1000))

    def stop(self, wait: bool = True) -> None:
        """Stop the child (SIGTERM: ``serve`` exits cleanly) and any restart."""
        _stop_child(self, wait)
        self.state = "off"


class _Supervisor(Protocol):
    """A supervisor of a child process (:class:`LiveSync`, :class:`AgentScheduler`, ``EmailSender``)."""

    bridge: Bridge
    task: ChildTask | None
    _restart: QTimer
    _stopped: bool


def _stop_child(owner: _Supervisor, wait: bool) -> None:
    """Stop a supervised child process of ``owner`` (the sync runner or the agents' scheduler:
    objects with ``task``, ``_restart`` timer, ``_stopped`` and ``bridge``) and its pending restart;
    ``wait=False`` reaps the child on a worker thread so the UI thread never blocks."""
    owner._stopped = True
    owner._restart.stop()
    if owner.task is not None:
        if wait:
            owner.task.cancel()
        else:
            task = owner.task
            owner.bridge.call(task.cancel)
    owner.task = None


def sync_status_text(outbox: dict[str, int], conflicts: int, state: SyncState | None,
                     held: HeldChanges | None = None) -> tuple[str, str]:
    """The status bar's sync label and tooltip: (text, tooltip), e.g. ("Sync: ✓ 14:02 · 3 waiting ·
    1 held · 1 failed · 2 conflicts", ...). ``outbox``: counts by status; ``state``:
    :attr:`LiveSync.state`; ``held``: the changes held back from the CRM (e.g. a stage with no CRM
    stage), whose reasons go in the tooltip."""
    held_n = held.count if held else 0
    waiting = outbox.get("pending", 0) + outbox.get("retrying", 0) - held_n
    dead = outbox.get("dead", 0)
    st = state["state"] if state else "off"
    head = {"ok": f"✓ {state['at']}" if state and state.get("at") else "✓", "starting": "syncing…",
            "offline": "offline", "error": "⚠ error", "off": ""}.get(st, st)
    parts = [p for p in (head, f"{waiting} waiting" if waiting else "", f"{held_n} held" if held_n else "",
                         f"{dead} failed" if dead else "",
                         f"{conflicts} conflict{'s' if conflicts != 1 else ''}" if conflicts else "") if p]
    if not parts:
        parts = ["up to date"] if st != "off" else ["not connected" if not waiting else "up to date"]
    tip = [f"CRM sync: {state['message'] if state else 'not connected'}"]
    if state and state.get("crm"):
        tip[0] = f"CRM sync ({state['crm']}): {state.get('message', '')}"
    tip.append(f"Outbox: {waiting} waiting to push, {dead} failed (dead-lettered)")
    if held_n:
        tip.append(f"{held_n} change(s) held back (not sent): " + "; ".join(held.reasons if held else []))
    if conflicts:
        tip.append(f"{conflicts} field conflict(s) to decide: spectrum sync status")
    return "Sync: " + " · ".join(parts), "\n".join(tip)
