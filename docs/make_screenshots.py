"""Save a screenshot of every panel, light and dark, under docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py   (or under xvfb-run)

Runs on a temporary copy of the demo workspace with a few sample agent runs, LLM calls,
transcription runs, approvals and a voice note added so every panel has something to show.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def seed(ws) -> None:
    """Sample agent, cost and transcription rows (the demo export has none)."""
    from desktop.store import schema as s

    now = datetime.utcnow().replace(microsecond=0)
    with ws.uow() as uow:
        ses = uow.session
        for d in range(6):
            for agent, calls, cost in (("ghostbuster", 6, 0.012), ("post-call", 4, 0.031),
                                       ("planner", 9, 0.004)):
                for k in range(calls - d % 3):
                    ses.add(s.LLMCall(at=now - timedelta(days=d, minutes=k * 7), agent=agent, model="gpt-4o-mini",
                                      prompt_tokens=1200 + 40 * k, completion_tokens=210 + 9 * k,
                                      cost_usd=cost, latency_ms=850.0))
            ses.add(s.TranscriptionRun(at=now - timedelta(days=d), audio_s=42.0 + 7 * d, decode_s=6.1 + d, cpu_s=11.0))
        for i, (agent, status) in enumerate([("ghostbuster", "done"), ("ghostbuster", "done"),
                                              ("ghostbuster", "failed"), ("post-call", "done"),
                                              ("post-call", "running")]):
            run = s.ChainRun(agent=agent, started_at=now - timedelta(hours=5 - i), status=status,
                             finished_at=None if status == "running" else now - timedelta(hours=5 - i, minutes=-2),
                             cost_usd=0.021 * (i + 1), error="CRM rate limited (429)" if status == "failed" else None)
            ses.add(run)
            ses.flush()
            for pos, tool in enumerate(("find_stale_deals", "draft_follow_up", "submit_for_approval")):
                ses.add(s.ChainStep(run_id=run.id, position=pos, tool=tool, input="{}",
                                    output=json.dumps({"records": 3 - pos}), status="done",
                                    idempotency_key=f"{run.id}-{pos}", started_at=run.started_at,
                                    finished_at=run.started_at, cost_usd=0.007))
        ses.add(s.AgentState(name="post-call", killed=False, paused=True, updated_at=now))
        for role, text in (("user", "Which deals went quiet this week?"),
                           ("agent", "Six open deals have had no activity for 7+ days; the largest is Globex "
                                     "Logistics - Fleet Analytics ($185,000, Proposal Sent). I queued follow-ups "
                                     "for three of them in Approvals.")):
            ses.add(s.ChatMessage(agent="ghostbuster", at=now, role=role, text=text))
        uow.commit()


def main() -> int:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtGui import QColor, QPainter

    from desktop.bootstrap import DEMO_NOW
    from desktop.config import Settings
    from desktop.services.backend import Backend
    from desktop.ui.app import build_main_window, ensure_app
    from desktop.ui.main_window import PANELS
    from desktop.voice.fakes import FakeEngine, FakeInputStreamFactory

    app = ensure_app()
    tmp = Path(tempfile.mkdtemp(prefix="spectrum-shots-"))
    settings = Settings(data_dir=tmp)
    b = Backend.open(settings, seed_demo=True)
    seed(b.ws)
    applied = ["Log a call with Sarah Chen: she wants a pilot in January", "Move Initech to Proposal Sent",
               "Northwind next step is a security review"]
    for text in applied:  # a little history for the Activity panel and the Command history
        b.apply(b.plan(text), "voice", False)
    b.submit(b.plan("Globex budget is 200K, they're also looking at HubSpot"), "voice")
    b.submit(b.plan("Follow up with TechCorp next Friday"), "agent:post-call")
    b.submit(b.plan("Delete the Granite Labs deal"), "agent:ghostbuster")
    b.close()
    qs = QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat)
    w = build_main_window(settings, open_backend=Backend.open, qsettings=qs,
                          engine=FakeEngine("Log a call with Sarah"),
                          stream_factory=FakeInputStreamFactory(), now=lambda: DEMO_NOW)
    w.resize(1360, 860)
    w.show()
    w.start()

    def settle(ms: int = 600) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    settle(1500)
    # a voice note with a transcript
    writer = w.voice.notes.start_recording(("deal", 5001))
    import numpy as np

    writer.write(np.zeros(16000 * 3, np.float32))
    writer.finish()
    settle(800)
    for text in applied:
        w.command_panel.add(text, "Applied — Ctrl+Z to undo")
    OUT.mkdir(parents=True, exist_ok=True)
    for theme_name in ("light", "dark"):
        w.set_theme(theme_name)
        for i, name in enumerate(PANELS):
            w.show_panel(i)
            if name == "Command":
                w.submit("Move Acme to Negotiation, budget is 100K and they're looking at Salesforce", "text")
            else:
                w.dismiss_plan()
            if name == "Approvals":
                settle(500)  # the queue reloads when the panel is shown
                w.approvals.table.selectRow(0)
            if name == "Agents":
                settle(400)
                w.agents.table.selectRow(2)
            if name == "Notes":
                w.notes.table.selectRow(0)
            settle(700)
            w.grab().save(str(OUT / f"{name.lower()}-{theme_name}.png"))
        w.show_panel(0)
        w.submit("Delete the Globex deal", "text")
        settle(600)
        w.plan_card.confirm_btn.click()
        settle(300)
        w.grab().save(str(OUT / f"destructive-plan-{theme_name}.png"))
        w.submit("Log a call with Sarah", "text")
        settle(600)
        w.grab().save(str(OUT / f"clarification-{theme_name}.png"))
        w.dismiss_plan()
        # evidence: the words an action came from, marked while the pointer is on that action
        w.submit("Move the Northwind deal to proposal sent and log a call with Priya Natarajan: "
                 "she needs a security review first", "text")
        settle(600)
        w.plan_card.highlight(1)
        settle(200)
        w.grab().save(str(OUT / f"evidence-{theme_name}.png"))
        w.dismiss_plan()
        # the plan editor (Plan card → Edit), drawn over the window it belongs to
        w.submit("Acme budget is 100K, close date is December 15", "text")
        settle(600)
        w.plan_card.edit_btn.click()
        settle(600)
        dlg = w.plan_editor
        shot = w.grab()
        painter = QPainter(shot)
        painter.fillRect(shot.rect(), QColor(0, 0, 0, 90))
        pic = dlg.grab()
        painter.drawPixmap((shot.width() - pic.width()) // 2, (shot.height() - pic.height()) // 2, pic)
        painter.end()
        shot.save(str(OUT / f"plan-editor-{theme_name}.png"))
        dlg.reject()
        settle(200)
        w.dismiss_plan()
    w.set_theme("light")
    w.close()
    print(f"saved {len(list(OUT.glob('*.png')))} screenshots to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
