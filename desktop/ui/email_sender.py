"""The app's e-mail sender: ``spectrum email send --watch --json`` in a child process (never in the
UI process) while a mailbox is connected (see :mod:`desktop.outreach.sender`). Each e-mail it
sends, blocks, holds or cancels is one JSON line: shown in the status bar (a blocked send says
why) and re-broadcast as the bridge's ``changed`` so panels refresh. A child that dies is restarted
after ``restart_s`` seconds; a refused login (exit 3) or no mailbox (exit 2) stops it until
:meth:`EmailSender.start` is called again.

Signals:
    event(dict): ``{"event": "sent" | "blocked" | "held" | "cancelled" | "failed" | "retrying",
        "id": outbox row id, "detail": address or reason}``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.services.change import Change
from desktop.ui.bridge import Bridge, _stop_child
from desktop.ui.tasks import ChildTask

_SAY = {"sent": "E-mail sent to {}", "blocked": "E-mail not sent: {}", "held": "E-mail waits: {}",
        "cancelled": "E-mail cancelled: {}", "failed": "E-mail failed: {}", "retrying": "E-mail will be retried: {}"}


class EmailSender(QObject):
    """Supervises the sender child of ``bridge``'s workspace."""

    reported = Signal(dict)  # one sender event line (sent, blocked, held, ...); not "event": that hides QObject.event

    def __init__(self, bridge: Bridge, restart_s: float = 30.0, parent: QObject | None = None) -> None:
        super().__init__(parent or bridge)
        self.bridge = bridge
        self.restart_s = restart_s
        self.task: ChildTask | None = None
        self.state = "off"
        self._stopped = False
        self._restart = QTimer(self)
        self._restart.setSingleShot(True)
        self._restart.timeout.connect(self.start)
        bridge.email_sender = self

    def start(self) -> None:
        """Start the child when a mailbox is connected and none runs."""
        self._stopped = False
        if self.task is None or not self.task.running:
            self.bridge.read(self.bridge.backend.email_send_argv, done=self._launch)

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

    def _line(self, msg: dict[str, Any]) -> None:
        kind = msg.get("event")
        if kind not in _SAY:
            return
        self.reported.emit(msg)
        self.bridge.notify.emit("info", _SAY[kind].format(msg.get("detail", "")))
        self.bridge.changed.emit(Change(frozenset({"crm", "audit", "agents"})))

    def _exited(self, task: ChildTask, code: int, err: str) -> None:
        if task is not self.task:
            return
        self.task = None
        self.state = {2: "not connected", 3: f"login refused: {err}"}.get(code, "stopped")
        if not self._stopped and code not in (2, 3):
            self._restart.start(int(self.restart_s * 1000))

    def stop(self, wait: bool = True) -> None:
        """Stop the child (SIGTERM: the sender finishes the e-mail in hand) and any restart."""
        _stop_child(self, wait)
        self.state = "off"
