"""Microphone capture: an always-open input stream, a bounded queue and one consumer thread.

The PortAudio callback only copies the block and ``put_nowait``s it into a bounded queue; a consumer
thread computes levels and hands blocks to a *sink* (the voice session). Control events (press,
release, ...) travel through the same queue, so they are ordered exactly against the audio.

The stream is created by an injected factory with the call shape of ``sounddevice.InputStream``
(``samplerate, channels, dtype, blocksize, device, callback(indata, frames, time, status),
finished_callback``; the result has ``start/stop/close``). Tests pass a fake that replays WAV files.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np

from desktop.voice.types import SAMPLE_RATE, DeviceError

log = logging.getLogger(__name__)

StreamFactory = Callable[..., Any]


class CaptureSink(Protocol):
    """Receives audio and events on the capture thread, in arrival order."""

    def handle_block(self, block: np.ndarray, rms: float) -> None: ...
    def handle_event(self, event: str, payload: Any) -> None: ...
    def handle_device_lost(self, reason: str) -> None: ...
    # optional: handle_gap(samples) - that many samples were dropped (queue full) by now


def list_input_devices() -> list[str]:
    """Names of the input devices PortAudio sees (empty if none or PortAudio is unavailable)."""
    try:
        import sounddevice as sd

        return [d["name"] for d in sd.query_devices() if d.get("max_input_channels", 0) > 0]
    except Exception:  # noqa: BLE001 - no PortAudio / no devices: report none
        return []


def resolve_input_device(name: str | None, devices: list[str] | None = None) -> int | None:
    """Index of the input device called ``name`` (exact, then case-insensitive substring match).

    None means the system default. Raises :class:`DeviceError` naming the device when it is absent.
    """
    if not name:
        return None
    import sounddevice as sd

    all_devices: list[Any] = list(sd.query_devices()) if devices is None else [
        {"name": n, "max_input_channels": 1} for n in devices
    ]
    inputs = [(i, d["name"]) for i, d in enumerate(all_devices) if d.get("max_input_channels", 0) > 0]
    for i, n in inputs:
        if n == name:
            return i
    for i, n in inputs:
        if name.lower() in n.lower():
            return i
    raise DeviceError(f"Input device {name!r} is not connected; choose another one in Settings.")


def default_stream_factory(**kwargs: Any) -> Any:
    """``sounddevice.InputStream`` (imported lazily so importing this module needs no PortAudio)."""
    import sounddevice as sd

    return sd.InputStream(**kwargs)


_STOP = object()


class AudioCapture:
    """The always-open input stream while the app is armed.

    Args:
        sink: receives blocks/events on the capture thread.
        stream_factory: ``sounddevice.InputStream``-like factory (tests: a fake).
        device: device index or name passed to the factory (None: default device).
        block_s: block length in seconds (20 ms default).
        queue_blocks: bound of the block queue (default ~4 s of audio); overflowing blocks are
            counted in :attr:`dropped_blocks`, never blocking the callback.
        stall_timeout_s: if no block arrives for this long while open, the device is treated as
            lost (None: only the stream's ``finished_callback`` reports loss).
    """

    def __init__(self, sink: CaptureSink, *, stream_factory: StreamFactory = default_stream_factory,
                 device: int | str | None = None, block_s: float = 0.02, queue_blocks: int = 200,
                 stall_timeout_s: float | None = 2.0) -> None:
        self.sink = sink
        self.stream_factory = stream_factory
        self.device = device
        self.blocksize = int(SAMPLE_RATE * block_s)
        self.stall_timeout_s = stall_timeout_s
        self.dropped_blocks = 0
        self.status_flags = 0
        self._q: queue.Queue[Any] = queue.Queue(maxsize=queue_blocks)
        self._ctl: queue.Queue[Any] = queue.Queue()
        self._stream: Any = None
        self._thread: threading.Thread | None = None
        self._closing = False
        self._lost = False
        self._noticed_drops = 0  # dropped blocks already reported to the sink

    # --- PortAudio thread -------------------------------------------------------------------
    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        if status:
            self.status_flags += 1
        try:
            self._q.put_nowait((0, indata[:, 0].copy() if indata.ndim == 2 else indata.copy()))
        except queue.Full:
            self.dropped_blocks += 1

    def _finished(self) -> None:
        if not self._closing:
            self._q.put(("__lost__", "the input device stopped (disconnected?)"))

    # --- control ----------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        """True while the stream is open and the device has not been lost."""
        return self._stream is not None and not self._lost

    def open(self) -> None:
        """Open and start the stream and the consumer thread. Raises :class:`DeviceError`."""
        if self._stream is not None:
            return
        self._closing = False
        self._lost = False
        try:
            self._stream = self.stream_factory(
                samplerate=SAMPLE_RATE, channels=1, dtype="float32", blocksize=self.blocksize,
                device=self.device, callback=self._callback, finished_callback=self._finished,
            )
            self._stream.start()
        except DeviceError:
            raise
        except Exception as exc:  # PortAudioError and friends, mapped at the edge
            self._stream = None
            raise DeviceError(f"Could not open the microphone: {exc}") from exc
        self._thread = threading.Thread(target=self._run, name="audio-capture", daemon=True)
        self._thread.start()

    def post(self, event: str, payload: Any = None) -> None:
        """Queue a control event for the sink, ordered after all audio received so far."""
        self._q.put((event, payload))

    def flush(self) -> None:
        """Block until every block and event queued so far has been handled (tests, shutdown)."""
        done = threading.Event()
        self.post("__flush__", done)
        done.wait()

    def close(self) -> None:
        """Stop the stream and the consumer thread (idempotent)."""
        self._closing = True
        stream, self._stream = self._stream, None
        if stream is not None:
            for op in ("stop", "close"):
                try:
                    getattr(stream, op)()
                except Exception:  # noqa: BLE001 - a vanished device may fail to stop; we are closing
                    pass
        if self._thread is not None:
            self._q.put(_STOP)
            self._thread.join(5)
            self._thread = None

    # --- consumer thread --------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            try:
                item = self._q.get(timeout=self.stall_timeout_s)
            except queue.Empty:
                if not self._closing and not self._lost:
                    self._lost = True
                    self._safe(self.sink.handle_device_lost, "no audio from the input device")
                continue
            if item is _STOP:
                return
            drops = self.dropped_blocks - self._noticed_drops
            if drops > 0:  # reported at the next item handled (the queue was full until then)
                self._noticed_drops += drops
                if hasattr(self.sink, "handle_gap"):
                    self._safe(self.sink.handle_gap, drops * self.blocksize)
            if item[0] == 0:
                block = item[1]
                rms = float(np.sqrt(np.mean(np.square(block)))) if len(block) else 0.0
                self._safe(self.sink.handle_block, block, rms)
                continue
            if isinstance(item, tuple):
                event, payload = item
                if event == "__flush__":
                    payload.set()
                elif event == "__lost__":
                    if not self._lost:
                        self._lost = True
                        self._safe(self.sink.handle_device_lost, payload)
                else:
                    self._safe(self.sink.handle_event, event, payload)

    def _safe(self, fn: Callable[..., None], *args: Any) -> None:
        try:
            fn(*args)
        except Exception:  # the capture thread must survive a sink bug; it is logged
            log.exception("voice sink failed")
