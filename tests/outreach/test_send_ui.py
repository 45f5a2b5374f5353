"""The desktop app with a connected mailbox: "email Nina the onboarding checklist" shows a Plan card
with recipient, subject and text (editable), the confirmed e-mail is sent by the app's sender child
(on the local SMTP server, filed in Sent), and Ctrl+Z within the undo window cancels a send."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests" / "ui"), str(ROOT / "tests" / "sync")]

from file_keyring import FileKeyring  # noqa: E402
from mailservers import PASSWORD  # noqa: E402
from outreach_helpers import connect_args  # noqa: E402
from ui_helpers import build  # noqa: E402

from desktop.cli import main  # noqa: E402


@pytest.fixture
def app_window(qtbot, tmp_path, mail, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "file_keyring.FileKeyring")
    monkeypatch.setenv("SPECTRUM_TEST_KEYRING", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("PYTHONPATH", str(ROOT / "tests" / "sync"))
    old = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    w = build(qtbot, tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(connect_args(tmp_path / "ws", mail)) == 0
    yield w
    w.close()
    keyring.set_keyring(old)


def type_instruction(qtbot, w, text):
    w.command_bar.field.setFocus()
    w.command_bar.field.clear()
    qtbot.keyClicks(w.command_bar.field, text)
    with qtbot.waitSignal(w.plan_shown, timeout=10000) as blocker:
        qtbot.keyClick(w.command_bar.field, Qt.Key.Key_Return)
    return blocker.args[0]


def confirm(qtbot, w):
    with qtbot.waitSignal(w.applied, timeout=10000) as blocker:
        qtbot.mouseClick(w.plan_card.confirm_btn, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_send_from_the_command_bar_and_undo_send(qtbot, app_window, mail, tmp_path, capsys):
    from desktop.ui.widgets.plan_editor import PlanEditorDialog

    w = app_window
    assert main(["--data-dir", str(tmp_path / "ws"), "email", "settings", "--undo-seconds", "0"]) == 0
    plan = type_instruction(qtbot, w, "email Nina the onboarding checklist")
    assert [a.kind for a in plan.actions] == ["send_email"]
    texts = " ".join(lab.text() for lab in w.plan_card.findChildren(type(w.plan_card.title)))
    assert "nina.patel@pinecrestdental.example" in texts and "Onboarding checklist" in texts
    assert "Here is the onboarding checklist." in texts
    # the card's fields are editable: recipient, subject, text
    dlg = PlanEditorDialog(plan, [])
    qtbot.addWidget(dlg)
    assert {"to", "subject", "body"} <= set(dlg.editors[0])
    subject = next(eds["subject"] for eds in dlg.editors)
    subject.widget.setText("Your onboarding checklist")
    plan = dlg.edited()
    assert plan.actions[0].fields["subject"] == "Your onboarding checklist"
    # confirm the (unedited) card; the app's sender child sends it
    w.email_sender.start()
    qtbot.waitUntil(lambda: w.email_sender.state == "running", timeout=20000)
    with qtbot.waitSignal(w.email_sender.reported, timeout=30000,
                          check_params_cb=lambda m: m.get("event") == "sent") as sent:
        confirm(qtbot, w)
    assert sent.args[0]["detail"] == "nina.patel@pinecrestdental.example"
    [msg] = mail.wait_delivered(1)
    assert msg["Subject"] == "Onboarding checklist"
    # undo send: with a 10 s window, Ctrl+Z takes the e-mail back before it leaves
    assert main(["--data-dir", str(tmp_path / "ws"), "email", "settings", "--undo-seconds", "10"]) == 0
    type_instruction(qtbot, w, "email Priya the pricing sheet")
    confirm(qtbot, w)
    assert "undo send" in w.statusBar().currentMessage()
    w.sidebar.setFocus()
    with qtbot.waitSignal(w.undone, timeout=10000):
        qtbot.keyClick(w.sidebar, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "ws"), "email", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["to"] for r in rows] == ["nina.patel@pinecrestdental.example"]  # Priya's is gone
    assert len(mail.delivered()) == 1
