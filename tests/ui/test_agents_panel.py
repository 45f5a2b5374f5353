"""The Agents panel as a user meets it: schedules and next runs, Run now, Pause / Resume, the
global spend cap's stop reason, a teammate answer with its context beside it and its plan sent
to approvals, and the app's background scheduler child."""

from __future__ import annotations

import sys

from ui_helpers import build

from desktop.ui.main_window import PANELS
from desktop.ui.models import ROLE_ROW


def _agents(qtbot, tmp_path):
    w = build(qtbot, tmp_path, panel=None)
    with qtbot.waitSignal(w.bridge.refreshed, timeout=15000, check_params_cb=lambda n: n == "agents"):
        w.show_panel(PANELS.index("Agents"))
    return w, w.panel("Agents")


def _select(qtbot, panel, name: str) -> None:
    proxy = panel.table.model()
    row = next(i for i in range(proxy.rowCount()) if proxy.index(i, 0).data(ROLE_ROW)["name"] == name)
    panel.table.selectRow(row)
    qtbot.waitUntil(lambda: panel._selected() is not None and panel._selected()["name"] == name, timeout=5000)


def test_run_now_pause_and_resume(qtbot, tmp_path):
    w, panel = _agents(qtbot, tmp_path)
    ghost = next(r for r in panel.rows if r["name"] == "ghostbuster")
    assert ghost["schedule"] == "weekdays 08:00" and ghost["next_run"]
    assert next(r for r in panel.rows if r["name"] == "post-call")["next_run"] is None   # on demand
    _select(qtbot, panel, "ghostbuster")
    with qtbot.waitSignal(w.bridge.changed, timeout=60000, check_params_cb=lambda c: "approvals" in c.scopes):
        panel.run_btn.click()
    qtbot.waitUntil(lambda: "plan(s) in Approvals" in panel.action_state.text(), timeout=10000)
    assert panel.action_state.text().startswith("ghostbuster: run #1 done; 5 plan(s)")
    _select(qtbot, panel, "ghostbuster")
    assert panel.pause_btn.text() == "Pause schedule"

    def ghost():
        return next(r for r in panel.rows if r["name"] == "ghostbuster")
    panel.pause_btn.click()
    qtbot.waitUntil(lambda: ghost()["state"] == "paused", timeout=15000)
    assert ghost()["next_run"] is None and ghost()["paused"]
    _select(qtbot, panel, "ghostbuster")
    assert panel.pause_btn.text() == "Resume schedule"
    panel.pause_btn.click()
    qtbot.waitUntil(lambda: not ghost()["paused"], timeout=15000)
    assert ghost()["next_run"] and ghost()["state"] != "paused"


def test_chat_shows_context_and_sends_the_plan_to_approvals(qtbot, tmp_path):
    w, panel = _agents(qtbot, tmp_path)
    _select(qtbot, panel, "cfo")
    panel.ask.setText("what's our burn rate?")
    panel._ask()
    qtbot.waitUntil(lambda: "burn" in panel.context.toPlainText(), timeout=20000)
    assert "Burn is" in panel.chat.toPlainText() and not panel.queue_btn.isEnabled()
    panel.ask.setText("why did the Globex deal stall?")
    panel._ask()
    qtbot.waitUntil(lambda: "I can't tell from your data" in panel.chat.toPlainText(), timeout=20000)
    assert "Ask ghostbuster" in panel.chat.toPlainText()
    _select(qtbot, panel, "ghostbuster")
    panel.ask.setText("why did the Globex deal stall?")
    panel._ask()
    qtbot.waitUntil(lambda: panel.queue_btn.isEnabled(), timeout=20000)
    assert "deal #" in panel.context.toPlainText()
    with qtbot.waitSignal(w.bridge.changed, timeout=15000, check_params_cb=lambda c: "approvals" in c.scopes):
        panel.queue_btn.click()
    qtbot.waitUntil(lambda: "queued as approval #" in panel.action_state.text(), timeout=10000)


def test_spend_cap_stop_reason_is_shown(qtbot, tmp_path):
    w, panel = _agents(qtbot, tmp_path)
    svc = w.bridge.backend.agent_service()
    svc._cap_reached("spend cap reached: all agents spent $2.0100 of the $2.00 daily cap")
    with qtbot.waitSignal(w.bridge.refreshed, timeout=15000, check_params_cb=lambda n: n == "agents"):
        panel.refresh()
    assert panel.global_state.text() == ("All agents stopped: spend cap reached: all agents spent $2.0100 of the "
                                         "$2.00 daily cap")
    assert "of the $2.00 daily cap" in panel.cap_state.text()
    assert all(r["state"] == "killed" for r in panel.rows)


def test_background_scheduler_child_refreshes_the_agents(qtbot, tmp_path):
    w, panel = _agents(qtbot, tmp_path)
    sched = w.agent_scheduler
    assert sched.state == "off"   # SPECTRUM_AGENTS_SCHEDULER=0 in tests
    line = '{"event": "run", "run_id": 7, "agent": "briefing", "status": "done", "approvals": []}'
    sched.fixed_argv = [sys.executable, "-c", f"import time\nprint({line!r}, flush=True)\ntime.sleep(30)\n"]
    with qtbot.waitSignal(sched.ran, timeout=15000) as got:
        with qtbot.waitSignal(w.bridge.changed, timeout=15000, check_params_cb=lambda c: "agents" in c.scopes):
            sched.start()
    assert got.args[0]["agent"] == "briefing" and sched.state == "running"
    sched.stop()
    assert sched.task is None and sched.state == "off"


def test_sequences_tab_shows_sent_replied_bounced_and_the_variant_reply_rates(qtbot, tmp_path):
    """Sequence e-mails (two variants of step 1, one reply to B, one bounce) appear per sequence and
    per variant, with each variant's 95% interval and no winner declared on so few e-mails."""
    from datetime import datetime

    from sqlalchemy import select

    from desktop.store import email_outbox as eo
    from desktop.store import schema as s
    from desktop.store import sequences as store
    from desktop.store.executor import ChangeSet

    w, panel = _agents(qtbot, tmp_path)
    ws = w.bridge.backend.ws
    now = datetime(2026, 11, 23, 10)
    with ws.uow() as uow:
        contacts = list(uow.session.execute(select(s.Contact.id).order_by(s.Contact.id).limit(4)).scalars())
        for n, cid in enumerate(contacts):
            eid, _ = store.enroll(uow.session, agent="ghostbuster", sequence="revive", contact_id=cid, deal_id=None,
                                  seed=1, now=now)
            row = eo.queue(uow.session, now=now, actor="agent:ghostbuster", agent="ghostbuster", contact_id=cid,
                           deal_id=None, activity_id=None, to_addr=f"c{n}@example.com", subject="Hi", body="x",
                           in_reply_to=None, sender=None, enrollment_id=eid, seq_step=0, variant="AB"[n % 2])
            eo.mark_sent(uow.session, row.id, now)
            if n == 1:
                eo.record_reply(uow.session, row.id, now, sender="c1@example.com", subject="Re: Hi", bounce=False,
                                changes=ChangeSet())
            if n == 2:
                row.bounced_at = now
        uow.commit()
    with qtbot.waitSignal(w.bridge.refreshed, timeout=15000, check_params_cb=lambda n: n == "agents"):
        panel.refresh()
    rows = panel.seq_model.rows
    assert rows[0]["step"] == "all" and rows[0]["emails"] == "4 / 1 / 1" and rows[0]["reply_rate"] == "25%"
    assert rows[0]["enrolled"] == "4 (3 active, 1 replied)"
    a, b = rows[1], rows[2]
    assert (a["variant"], a["emails"], b["variant"], b["emails"]) == ("A", "2 / 0 / 1", "B", "2 / 1 / 0")
    assert b["reply_rate"].startswith("50% (") and b["verdict"] == "no winner yet (intervals overlap)"
    assert panel.detail.tabText(2) == "Sequences and A/B"
