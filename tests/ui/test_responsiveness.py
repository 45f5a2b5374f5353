"""Work that would otherwise land in the middle of an utterance is done ahead of it: the VAD is
warmed on the speech worker after the model loads, and the planner's index is rebuilt in the
background right after a change, not when the next instruction is planned."""

from __future__ import annotations

from ui_helpers import build


class ModelEngine:
    """A fake engine with a model to load (as the real one has)."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def load(self) -> None:
        pass

    def transcribe(self, audio, **opts):
        return self.inner.transcribe(audio, **opts)


def test_vad_is_warmed_after_the_model_loads(qtbot, tmp_path):
    from desktop.voice.fakes import FakeEngine

    engine = ModelEngine(FakeEngine("Move Acme to Negotiation"))
    w = build(qtbot, tmp_path, engine=engine, panel=None)
    qtbot.waitUntil(lambda: w.voice.model_status == "ready", timeout=10000)
    # one second of silence through the engine, VAD on, before anyone spoke
    qtbot.waitUntil(lambda: any(c.get("vad_filter") and c["samples"] == 16000 for c in engine.inner.calls),
                    timeout=10000)
    # the warm-up produced no text and no utterance
    assert w.command_bar.field.text() == ""


def test_applied_plan_rebuilds_the_planner_index_in_the_background(qtbot, tmp_path):
    """The next spoken or typed instruction after a change does not wait for the index rebuild."""
    from PySide6.QtCore import Qt

    w = build(qtbot, tmp_path)
    qtbot.waitUntil(lambda: w.bridge.backend._planner is not None and not w.bridge.backend._planner_dirty, timeout=15000)
    before = w.bridge.backend._planner
    w.command_bar.field.setFocus()
    qtbot.keyClicks(w.command_bar.field, "Move Acme to Negotiation")
    with qtbot.waitSignal(w.plan_shown, timeout=10000):
        qtbot.keyClick(w.command_bar.field, Qt.Key.Key_Return)
    with qtbot.waitSignal(w.applied, timeout=10000):
        qtbot.mouseClick(w.plan_card.confirm_btn, Qt.MouseButton.LeftButton)
    # no instruction was given since: the rebuild ran because of the change alone
    qtbot.waitUntil(lambda: w.bridge.backend._planner is not before and not w.bridge.backend._planner_dirty, timeout=15000)
