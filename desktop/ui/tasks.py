"""Background work for the UI: blocking backend calls run on worker threads, results come back on
the UI thread through a Qt signal.

Reads run on a small pool (two threads by default); writes run one at a time on their own thread
so plans, undo, imports and switches apply in the order the user asked for them. Threads are daemon
threads and :meth:`TaskRunner.shutdown` joins them.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # loaded when first used (a child process, the speech worker)
    from desktop.services.child import ChildProcess
    from desktop.voice.transcriber import TranscriberWorker

log = logging.getLogger(__name__)

T = TypeVar("T")
# What ``submit`` calls back on the UI thread: ``done(result)`` or ``error(exception)``.
Done = Callable[[T], object]
Failed = Callable[[BaseException], object]
#: A queued task: (fn, args, done, error); None stops a thread.
_Task = tuple[Callable[..., object], tuple[object, ...], Callable[[Any], object] | None, Failed | None]


def prepare_speech_worker(worker: TranscriberWorker) -> None:
    """Queue a warm-up job on the speech worker (:class:`desktop.voice.transcriber.TranscriberWorker`)
    behind the model load: one second of silence through the engine with the VAD on, so onnxruntime
    and the Silero VAD model load now and not during the first utterance's final pass (~50 ms
    holding the GIL and the import lock on the worker: a UI stall right at the release). Background
    priority, so spoken utterances go first. Only for model engines (those with ``load``).

    The encoder threads keep their normal priority: at nice +5 / +10 (tried, inherited from a niced
    loading thread) one CPU-bound program made an utterance's final take 24-44 s instead of
    0.2-0.5 s (OpenMP's threads wait for the slowest at each barrier), for no stall benefit once
    the GIL and painting causes were fixed (max 18-27 ms either way)."""
    import numpy as np

    from desktop.voice.transcriber import PRIORITY_BACKGROUND

    silence = np.zeros(16000, np.float32)
    worker.submit(lambda engine: hasattr(engine, "load") and engine.transcribe(silence, vad_filter=True),
                  PRIORITY_BACKGROUND)


class TaskRunner(QObject):
    """Runs ``fn(*args)`` off the UI thread; ``done(result)`` / ``error(exc)`` run on the UI thread.

    Signals:
        idle(): no task is queued or running any more (tests wait on it).
        failed(str): a task raised and had no ``error`` callback (the notification hub shows it).
    """

    idle = Signal()
    failed = Signal(str)
    _finished = Signal(object, object, object, object)

    def __init__(self, readers: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads: queue.Queue[_Task | None] = queue.Queue()
        self._writes: queue.Queue[_Task | None] = queue.Queue()
        self._pending = 0
        self._lock = threading.Lock()
        self._closed = False
        self._finished.connect(self._deliver)
        self._threads = [threading.Thread(target=self._loop, args=(self._reads,), name=f"ui-read-{i}", daemon=True)
                         for i in range(readers)]
        self._threads.append(threading.Thread(target=self._loop, args=(self._writes,), name="ui-write", daemon=True))
        for t in self._threads:
            t.start()

    @property
    def pending(self) -> int:
        """Tasks queued or running."""
        return self._pending

    def submit(self, fn: Callable[..., T], *args: object, done: Done[T] | None = None,
               error: Failed | None = None, write: bool = False) -> None:
        """Queue ``fn(*args)`` on the read pool (or the single writer thread with ``write=True``)."""
        if self._closed:
            return
        with self._lock:
            self._pending += 1
        (self._writes if write else self._reads).put((fn, args, done, error))

    def _loop(self, q: queue.Queue[_Task | None]) -> None:
        while True:
            item = q.get()
            if item is None:
                return
            fn, args, done, error = item
            try:
                result, exc = fn(*args), None
            except BaseException as e:  # noqa: BLE001 - handed to the UI thread
                result, exc = None, e
            self._finished.emit(result, exc, done, error)

    def _deliver(self, result: object, exc: BaseException | None, done: Callable[[Any], object] | None,
                 error: Failed | None) -> None:
        try:
            if self._closed:
                return
            if exc is not None:
                if error is not None:
                    error(exc)
                else:
                    log.error("background task failed: %s", exc, exc_info=exc)
                    self.failed.emit(f"{type(exc).__name__}: {exc}")
            elif done is not None:
                done(result)
        finally:
            with self._lock:
                self._pending -= 1
                now_idle = self._pending == 0
            if now_idle and not self._closed:
                self.idle.emit()

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop accepting work, let running tasks finish, join the threads."""
        if self._closed:
            return
        self._closed = True
        for t in self._threads:
            (self._writes if t.name == "ui-write" else self._reads).put(None)
        deadline = time.monotonic() + timeout
        for t in self._threads:
            t.join(max(0.0, deadline - time.monotonic()))


class ChildTask(QObject):
    """A child process (:class:`desktop.services.child.ChildProcess`) whose JSON stdout lines and
    exit arrive on the UI thread as signals.

    Signals:
        line(dict): one JSON object line of the child's stdout.
        exited(int, str): exit code and the child's last stderr line ('' when none).
    """

    line = Signal(dict)
    exited = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.child: ChildProcess | None = None

    def start(self, argv: list[str], env: dict[str, str] | None = None) -> None:
        """Start ``argv``; raises OSError when it cannot be started."""
        from desktop.services.child import ChildProcess

        child = ChildProcess(argv, on_line=self.line.emit, env=env)
        child.on_exit = lambda code: self.exited.emit(code, child.error_text())
        self.child = child.start()

    @property
    def running(self) -> bool:
        """True while the child runs."""
        return self.child is not None and self.child.running

    def cancel(self) -> None:
        """Stop the child (SIGTERM, then SIGKILL after 3 s); ``exited`` still follows."""
        if self.child is not None:
            self.child.cancel()
