"""The README's screenshot of the Approvals panel holding a plan an MCP client submitted.

    xvfb-run -a .venv/bin/python docs/make_mcp_screenshot.py

On a temporary copy of the demo workspace: a spoken and a typed instruction are planned and queued
through the app's backend (as "Later" on the Plan card does), then the real `spectrum mcp` server is
started over stdio and an MCP client from the SDK, naming itself "Claude Desktop", plans an
instruction and submits the plan. The app then starts, shows Approvals with the MCP plan selected,
and the window is saved to docs/screenshots/approvals-mcp-{light,dark}.png.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
INSTRUCTION = ("Move the Acme deal to Negotiation, the budget is 100K, and remind me to call Mike next Friday "
               "about the security review")


async def submit_through_mcp(data_dir: Path) -> int:
    """Plan and submit INSTRUCTION through the real server; returns the approval id."""
    from mcp import Client, StdioServerParameters
    from mcp_types import Implementation

    params = StdioServerParameters(command=sys.executable, args=["-m", "desktop", "--data-dir", str(data_dir), "mcp"],
                                   cwd=str(ROOT), env=dict(os.environ))
    async with Client(params, client_info=Implementation(name="Claude Desktop", version="0.14")) as c:
        planned = json.loads((await c.call_tool("plan", {"instruction": INSTRUCTION})).content[0].text)
        result = await c.call_tool("submit_plan", {"plan": planned["plan"]})
        if result.is_error:
            raise SystemExit(f"submit_plan failed: {result.content[0].text}")
        return json.loads(result.content[0].text)["approval_id"]


def main() -> int:
    import anyio
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from desktop.bootstrap import DEMO_NOW, build_main_window
    from desktop.config import Settings
    from desktop.services.backend import Backend
    from desktop.ui.app import ensure_app
    from desktop.ui.main_window import PANELS
    from desktop.voice.fakes import FakeEngine, FakeInputStreamFactory

    app = ensure_app()
    tmp = Path(tempfile.mkdtemp(prefix="spectrum-mcp-shot-"))
    try:
        settings = Settings(data_dir=tmp)
        b = Backend.open(settings, seed_demo=True, now=lambda: DEMO_NOW)
        b.submit(b.plan("Globex budget is 200K, they're also looking at HubSpot"), "voice")
        b.submit(b.plan("Follow up with TechCorp next Friday"), "text")
        b.close()
        approval_id = anyio.run(submit_through_mcp, tmp)
        print(f"MCP client 'Claude Desktop' queued approval #{approval_id}")
        qs = QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat)
        w = build_main_window(settings, open_backend=Backend.open, qsettings=qs, engine=FakeEngine(""),
                              stream_factory=FakeInputStreamFactory(), now=lambda: DEMO_NOW)
        w.resize(1360, 860)
        w.show()
        w.start()

        def settle(ms: int) -> None:
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        settle(1500)
        OUT.mkdir(parents=True, exist_ok=True)
        for theme_name in ("light", "dark"):
            w.set_theme(theme_name)
            w.show_panel(PANELS.index("Approvals"))
            settle(800)
            panel = w.approvals
            rows = [row["id"] for row in panel.model.rows]
            panel.table.selectRow(rows.index(approval_id))
            settle(900)
            assert panel.card.isVisible() and "MCP: Claude Desktop" in panel.origin.text(), panel.origin.text()
            path = OUT / f"approvals-mcp-{theme_name}.png"
            w.grab().save(str(path))
            print(f"saved {path}")
        w.set_theme("light")
        w.close()
        app.processEvents()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
