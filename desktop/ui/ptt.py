"""The in-app push-to-talk key: an application-wide event filter."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent


class PushToTalkFilter(QObject):
    """Application-wide key filter: the push-to-talk key down/up drives the voice session
    (auto-repeat ignored), wherever the focus is."""

    def __init__(self, key: int, on_press: Callable[[], object], on_release: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key, self.on_press, self.on_release = key, on_press, on_release
        self.down = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        t = event.type()
        key_event = cast(QKeyEvent, event)  # used only when ``t`` is a key press or release
        if t in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and key_event.key() == self.key:
            if key_event.isAutoRepeat():
                return True
            if t == QEvent.Type.KeyPress and not self.down:
                self.down = True
                self.on_press()
            elif t == QEvent.Type.KeyRelease and self.down:
                self.down = False
                self.on_release()
            return True
        return False
