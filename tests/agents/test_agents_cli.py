"""`spectrum agents ...`, `spectrum ask` and `spectrum consent` as a user meets them."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main

NOW = "2026-11-21T09:00:00"


@pytest.fixture
def cli_dir(tmp_path, fixture_dir):
    d = tmp_path / "data"
    assert main(["--data-dir", str(d), "import", str(fixture_dir)]) == 0
    return d


def run(d, *args) -> int:
    return main(["--data-dir", str(d), *args])


def test_list_run_log_kill_enable(cli_dir, capsys):
    capsys.readouterr()
    assert run(cli_dir, "agents", "list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["name"] for r in rows} >= {"qualifier", "ghostbuster", "post-call", "briefing", "cfo"}
    assert run(cli_dir, "agents", "run", "ghostbuster", "--now", NOW) == 0
    out = capsys.readouterr().out
    assert "run #1 done" in out and "5 plan(s) waiting in approvals" in out
    assert run(cli_dir, "agents", "log", "ghostbuster") == 0
    log = capsys.readouterr().out
    assert "propose_plan" in log and "-> approval #" in log
    assert run(cli_dir, "agents", "kill", "--all") == 0
    capsys.readouterr()
    assert run(cli_dir, "agents", "run", "cfo", "--now", NOW) == 1
    assert "paused - all agents are stopped" in capsys.readouterr().out
    assert run(cli_dir, "agents", "enable", "--all") == 0
    assert "Runs waiting to resume: #2" in capsys.readouterr().out
    assert run(cli_dir, "agents", "resume", "2") == 0
    assert run(cli_dir, "agents", "kill") == 2
    assert run(cli_dir, "agents", "run", "nobody") == 1
    assert "no agent called 'nobody'" in capsys.readouterr().err


def test_ask_json_and_post_call_note(cli_dir, capsys):
    capsys.readouterr()
    assert run(cli_dir, "ask", "--json", "--now", NOW, "what's", "our", "burn", "rate?") == 0
    ans = json.loads(capsys.readouterr().out)
    assert ans["agent"] == "cfo" and "Burn is $29,371/month" in ans["text"]
    assert any(c["name"] == "burn" for c in ans["context"])
    assert run(cli_dir, "ask", "--queue", "--now", NOW, "why did the Globex deal stall?") == 0
    assert "queued as approval #" in capsys.readouterr().out
    assert run(cli_dir, "agents", "run", "post-call", "--now", NOW, "--deal", "Globex", "--note",
               "Budget is 150K. They are evaluating Samsara. Next step is to send the pricing sheet.") == 0
    out = capsys.readouterr().out
    assert "1 plan(s) waiting in approvals" in out and "-> handed over to qualifier:" in out


def test_consent_withdraw_blocks_outreach(cli_dir, capsys):
    assert run(cli_dir, "consent", "101", "withdraw", "--method", "asked on call") == 0
    assert "do-not-contact is on" in capsys.readouterr().out
    assert run(cli_dir, "ask", "--now", NOW, "why did the Acme deal stall?") == 0
    assert "Mike Chen: marked do-not-contact" in capsys.readouterr().out


def test_cap_and_its_stop_reason(cli_dir, capsys):
    capsys.readouterr()
    assert run(cli_dir, "agents", "cap") == 0
    assert "Global daily cap $2.00; spent today $0.0000." in capsys.readouterr().out
    assert run(cli_dir, "agents", "cap", "0.5") == 0
    assert "Global daily cap $0.50" in capsys.readouterr().out
    assert run(cli_dir, "agents", "cap", "--", "-1") == 2
