"""Answers on screen (issue 17): questions and "show me…" instructions are executed read-only and
shown as a results list (filters kept, rows open their record); a spoken question too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import build, speak, spoken

from desktop.domain.plan import Action, Plan
from desktop.services.facades.command import PlannedInstruction


def ask(qtbot, w, text: str):
    w.command_bar.field.setFocus()
    w.command_bar.field.clear()
    qtbot.keyClicks(w.command_bar.field, text)
    with qtbot.waitSignal(w.results_shown, timeout=15000) as blocker:
        qtbot.keyClick(w.command_bar.field, Qt.Key.Key_Return)
    return blocker.args[0]


def test_a_typed_question_lists_the_deals_with_their_fields(qtbot, window):
    w = window
    res = ask(qtbot, w, "Which deals are in Negotiation?")
    assert res.sentence.startswith("4 deals in Negotiation")
    assert w.results_view.isVisible() and w.results_view.model.rowCount() == 4
    assert {r["stage"] for r in res.rows} == {"Negotiation"}
    headers = [w.results_view.model.headerData(i, Qt.Orientation.Horizontal) for i in range(
        w.results_view.model.columnCount())]
    assert headers[:3] == ["Deal", "Stage", "Amount"]
    assert "Owner" not in headers  # the demo export has no owners: no empty column
    with qtbot.waitSignal(w.results_view.open_record, timeout=5000) as b:
        w.results_view._open(w.results_view.model.index(0, 0))
    assert b.args[0] == "deal"


def test_results_replace_the_plan_card_and_close_with_escape(qtbot, window):
    # nothing to confirm on a question: no Plan card with greyed buttons, the sentence is not the
    # table again, and Esc closes the results
    w = window
    ask(qtbot, w, "Which deals are in Negotiation?")
    assert not w.plan_card.isVisible()
    assert w.results_view.sentence.text() == "4 deals in Negotiation"
    w.results_view.table.setFocus()
    qtbot.keyClick(w.results_view.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not w.results_view.isVisible(), timeout=5000)


def test_a_total_is_a_sentence_with_the_number(qtbot, window):
    res = ask(qtbot, window, "How much is sitting in Proposal Sent?")
    assert "$353,000" in res.sentence and "6 deals" in res.sentence and res.value == 353000


def test_a_search_plan_keeps_its_filters(qtbot, window):
    w = window
    plan = Plan(transcript="show me open deals over 50k in Proposal Sent", actions=[Action(
        kind="search", fields={"object": "deal", "filters": {"stage": "Proposal Sent", "amount_gte": 50000,
                                                             "is_open": True}})])
    with qtbot.waitSignal(w.results_shown, timeout=10000) as blocker:
        w._show_plan(PlannedInstruction(plan, w.bridge.backend.plan_view(plan)))
    res = blocker.args[0]
    assert res.rows and all(r["stage"] == "Proposal Sent" and r["amount"] >= 50000 for r in res.rows)
    assert res.sentence.startswith(f"{len(res.rows)} deals open in Proposal Sent of at least $50,000")


@pytest.mark.slow
def test_a_spoken_question_shows_its_results(qtbot, tmp_path, tmp_path_factory):
    from desktop.voice.transcriber import WhisperEngine, resolve_model_path

    w = build(qtbot, tmp_path, engine=WhisperEngine(resolve_model_path("tiny.en")))
    qtbot.waitUntil(lambda: w.voice.model_status == "ready" and w.voice.mic_status == "ready", timeout=60000)
    audio = spoken("Which deals are in Negotiation?", tmp_path_factory.getbasetemp() / "reply-speech")
    (res,) = speak(qtbot, w, audio, w.results_shown).args
    assert res.sentence.startswith("4 deals in Negotiation"), res.sentence
    assert w.results_view.model.rowCount() == 4
    w.close()
