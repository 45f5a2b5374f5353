"""The Plan card shows where each action came from: hovering or focusing an action marks its words
in the transcript (issue 12's evidence spans)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication

from desktop.agents.fixtures import load_fixture_rows
from desktop.planner import EntityIndex, OfflinePlanner
from desktop.planner.evaluation import CORPUS_NOW
from desktop.services.backend import ActionView
from desktop.ui.widgets.plan_card import PlanCard, _ActionLabel, evidence_html


def test_hovering_an_action_marks_its_words_in_the_transcript(qtbot):
    rows = load_fixture_rows()
    planner = OfflinePlanner(EntityIndex.build(rows.contacts, rows.companies, rows.deals, rows.stages))
    text = "Move the Northwind deal to proposal sent and log a call with Priya Natarajan: she needs a security review"
    plan = planner.plan(text, now=CORPUS_NOW)
    views = [ActionView(sentence=a.kind, kind=a.kind, destructive=a.destructive, read_only=a.read_only,
                        target=(a.target.type, a.target.id, a.target.name) if a.target else None)
             for a in plan.actions]
    card = PlanCard()
    qtbot.addWidget(card)
    card.show_plan(plan, views)
    assert "<u>" not in card.transcript.text()
    labels = card.findChildren(_ActionLabel)
    call = next(lab for lab in labels if plan.actions[lab.index].kind == "log_activity")
    QApplication.sendEvent(call, QEnterEvent(QPointF(1, 1), QPointF(1, 1), QPointF(1, 1)))
    shown = card.transcript.text()
    marked = "".join(part.split("</u>")[0] for part in shown.split("<u>")[1:])
    assert "Priya Natarajan" in marked and "she needs a security review" in marked
    assert "Northwind" not in marked
    assert "Priya" in call.toolTip()
    QApplication.sendEvent(call, QEvent(QEvent.Type.Leave))
    assert "<u>" not in card.transcript.text()


def test_evidence_html_escapes_and_ignores_spans_outside_the_text():
    assert evidence_html("a <b> c", [(2, 5), (50, 60)]) == "“a <b><u>&lt;b&gt;</u></b> c”"


def test_an_action_waiting_for_an_answer_is_shown_but_cannot_be_confirmed(qtbot):
    from PySide6.QtWidgets import QLabel, QPushButton

    rows = load_fixture_rows()
    planner = OfflinePlanner(EntityIndex.build(rows.contacts, rows.companies, rows.deals, rows.stages))
    plan = planner.plan("Move the Globex deal to Negotiation and log a call with Sarah.", now=CORPUS_NOW)
    assert [a.kind for a in plan.actions] == ["update_deal"] and [a.kind for a in plan.pending] == ["log_activity"]
    views = [ActionView(sentence=f"{a.kind} on {a.target.name if a.target else '?'}", kind=a.kind,
                        destructive=a.destructive, read_only=a.read_only, target=None, pending=a in plan.pending)
             for a in plan.actions + plan.pending]
    card = PlanCard()
    qtbot.addWidget(card)
    card.show_plan(plan, views)
    texts = [lab.text() for lab in card.findChildren(QLabel)]
    assert any(t.startswith("After you answer: log_activity") for t in texts)
    assert any("Which Sarah" in t for t in texts)
    assert sorted(b.text() for b in card.findChildren(QPushButton) if b.objectName() == "Candidate") == \
        ["Sarah Chen", "Sarah Johnson"]
    assert not card.confirm_btn.isEnabled()
