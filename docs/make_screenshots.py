"""Save a screenshot of every panel, light and dark, under docs/screenshots/.

    xvfb-run -a .venv/bin/python docs/make_screenshots.py      (or QT_QPA_PLATFORM=offscreen)

Runs on a temporary copy of the demo workspace. Nothing on the Agents, Costs or chat screenshots is
written by this script: the agents really run (``AgentService``: Briefing, Qualifier, Ghostbuster,
CFO, and Post-call on a dictated call note, which hands the deal to the Qualifier) and teammates
really answer questions, with their language calls going over real HTTP to a local fake
OpenAI-compatible server on 127.0.0.1 (it returns each draft unchanged and counts tokens; litellm
prices the calls as gpt-4o-mini). A few typed and spoken instructions are planned and applied or
queued through the same backend a user drives.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the agents run above on the demo workspace's day; the app's own scheduler child would run them
# again at today's real time, mixing two clocks on one screenshot
os.environ["SPECTRUM_AGENTS_SCHEDULER"] = "0"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
CALL_NOTE = ("Call with Priya at Globex. They've got about 150K set aside and the CFO signs off. They need to cut "
             "manual dispatch work. They want to go live by the end of January, and they're also looking at "
             "Samsara. I'll send over the security questionnaire.")


class FakeOpenAI(BaseHTTPRequestHandler):
    """``POST /v1/chat/completions``: answers with the draft found in the prompt (after "Draft:"),
    unchanged, or - for a tool-calling chat question - "I can't tell from your data."; usage
    tokens are the prompt and answer lengths / 4."""

    def do_POST(self) -> None:  # http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        last = str(body["messages"][-1].get("content") or "")
        text = last.split("Draft:\n", 1)[1] if "Draft:\n" in last else "I can't tell from your data."
        prompt = sum(len(str(m.get("content") or "")) for m in body["messages"]) // 4
        data = json.dumps({"id": "chatcmpl-local", "object": "chat.completion", "created": 0, "model": body["model"],
                           "choices": [{"index": 0, "finish_reason": "stop",
                                        "message": {"role": "assistant", "content": text}}],
                           "usage": {"prompt_tokens": prompt, "completion_tokens": len(text) // 4,
                                     "total_tokens": prompt + len(text) // 4}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *a) -> None:
        pass


def run_agents(ws, settings) -> None:
    """Real agent runs and teammate answers on the workspace (LLM calls to the local fake server)."""
    from desktop.agents.llm import LiteLLMPort
    from desktop.agents.service import AgentService

    srv = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        port = LiteLLMPort(api_base=f"http://127.0.0.1:{srv.server_address[1]}/v1", api_key="sk-local-fake")
        from datetime import datetime

        from desktop.bootstrap import DEMO_NOW

        start = datetime.utcnow()  # the agents work on the demo workspace's day, as the window shows it
        svc = AgentService(ws, settings.model_copy(update={"llm_model": "openai/gpt-4o-mini"}), llm=port,
                           clock=lambda: DEMO_NOW + (datetime.utcnow() - start))

        async def go() -> None:
            for name in ("briefing", "qualifier", "ghostbuster", "cfo"):
                await svc.run(name)
            await svc.run("post-call", input={"text": CALL_NOTE, "deal": "Globex"})
            await svc.ask("cfo", "what's our burn rate?")
            await svc.ask("cfo", "should we hire an engineer at 150K?")
            await svc.ask("ghostbuster", "which deals are at risk?")
            await svc.ask("ghostbuster", "why did the Globex deal stall?")
            await svc.ask("qualifier", "what's our NPS?")
        asyncio.run(go())
        svc.pause_agent("cfo")
    finally:
        srv.shutdown()
        srv.server_close()
        t.join(timeout=5)


def main() -> int:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtGui import QColor, QPainter

    from desktop.bootstrap import DEMO_NOW, build_main_window
    from desktop.config import Settings
    from desktop.services.backend import Backend
    from desktop.ui.app import ensure_app
    from desktop.ui.main_window import PANELS
    from desktop.voice.fakes import FakeEngine, FakeInputStreamFactory

    _app = ensure_app()  # held: the QApplication must outlive the windows below
    tmp = Path(tempfile.mkdtemp(prefix="spectrum-shots-"))
    settings = Settings(data_dir=tmp)
    b = Backend.open(settings, seed_demo=True)
    run_agents(b.ws, settings)
    applied = ["Log a call with Sarah Chen: she wants a pilot in January", "Move Initech to Proposal Sent",
               "Northwind next step is a security review"]
    for text in applied:  # a little history for the Activity panel and the Command history
        b.apply(b.plan(text), "voice", False)
    b.submit(b.plan("Globex budget is 200K, they're also looking at HubSpot"), "voice")
    b.submit(b.plan("Delete the Granite Labs deal"), "voice")
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
                w.agents.table.selectRow(2)  # ghostbuster: its runs and step log
                w.agents.detail.setCurrentIndex(0)
            if name == "Notes":
                w.notes.table.selectRow(0)
            settle(700)
            w.grab().save(str(OUT / f"{name.lower()}-{theme_name}.png"))
        # the teammate chat of the CFO (its answers with their context beside them)
        w.show_panel(PANELS.index("Agents"))
        settle(400)
        w.agents.table.selectRow(1)
        w.agents.detail.setCurrentIndex(1)
        settle(900)
        w.grab().save(str(OUT / f"agents-chat-{theme_name}.png"))
        w.agents.table.selectRow(2)
        settle(900)
        w.grab().save(str(OUT / f"agents-chat-ghostbuster-{theme_name}.png"))
        w.agents.detail.setCurrentIndex(0)
        w.show_panel(0)
        w.submit("Delete the Globex deal", "text")
        settle(600)
        w.plan_card.confirm_btn.click()
        settle(300)
        w.grab().save(str(OUT / f"destructive-plan-{theme_name}.png"))
        w.submit("Log a call with Sarah", "text")
        settle(600)
        w.grab().save(str(OUT / f"clarification-{theme_name}.png"))
        # the answer to "Which Sarah?" spoken as a reply (the final transcript goes where the
        # microphone's would): read as a choice, the same plan now names the contact
        w._heard("Sarah Chen")
        settle(900)
        w.grab().save(str(OUT / f"reply-choice-{theme_name}.png"))
        w.dismiss_plan()
        # a question: executed read-only and shown as a results list with its sentence
        question = "Show me open deals over 50K that nobody touched in two weeks"
        w.command_bar.field.setText(question)
        w.submit(question, "text")
        settle(900)
        w.grab().save(str(OUT / f"results-{theme_name}.png"))
        w.results_view.show_results(None)
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
