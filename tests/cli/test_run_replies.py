"""`spectrum run` at a terminal (issue 17): the answer to its prompt is read as a reply, as the app
reads a spoken one: yes, no, a change, a choice, a new instruction; a deletion needs its record named
or a second, typed 'yes'."""

from __future__ import annotations

import io
import json

import pytest

from desktop.cli import main

NOW = "2026-11-21T09:00:00"


@pytest.fixture
def data_dir(tmp_path, fixture_dir):
    d = tmp_path / "data"
    assert main(["--data-dir", str(d), "import", str(fixture_dir)]) == 0
    return d


@pytest.fixture
def terminal(monkeypatch):
    """``terminal("yes", "no")``: what the user types at the prompts."""
    def typed(*lines: str) -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{x}\n" for x in lines)))
        monkeypatch.setattr("desktop.cli.plans._can_ask", lambda: True)
    return typed


def run(data_dir, *args) -> int:
    return main(["--data-dir", str(data_dir), *args])


def deal(data_dir, capsys, ident="5004") -> dict:
    capsys.readouterr()
    run(data_dir, "show", "deal", ident, "--json")
    return json.loads(capsys.readouterr().out)


def test_a_change_then_yes_applies_the_changed_plan(data_dir, capsys, terminal):
    terminal("make it 250k", "yeah go ahead")
    assert run(data_dir, "run", "--now", NOW, "Globex budget is 200K") == 0
    out = capsys.readouterr().out
    assert "250,000" in out or "250000" in out or "250K" in out, out
    assert deal(data_dir, capsys)["amount"] == 250000


def test_no_declines(data_dir, capsys, terminal):
    terminal("nah, scrap that")
    assert run(data_dir, "run", "--now", NOW, "Move the Globex deal to negotiation") == 3
    assert deal(data_dir, capsys)["stage_label"] == "Proposal Sent"


def test_a_question_answered_by_name_then_confirmed(data_dir, capsys, terminal):
    terminal("Sarah Johnson", "yes")
    assert run(data_dir, "run", "--now", NOW, "Log a call with Sarah") == 0
    out = capsys.readouterr().out
    assert "Which Sarah" in out and "Applied" in out
    capsys.readouterr()
    run(data_dir, "show", "contact", "103", "--json")
    assert any(a["type"] == "call" for a in json.loads(capsys.readouterr().out)["activities"])


def test_a_bare_yes_never_deletes_but_naming_the_record_does(data_dir, capsys, terminal):
    terminal("yes", "no")
    assert run(data_dir, "run", "--now", NOW, "Delete the Globex deal") == 3
    assert "Type 'yes' to delete" in capsys.readouterr().out
    assert run(data_dir, "show", "deal", "5004") == 0
    terminal("delete Globex, yes")
    assert run(data_dir, "run", "--now", NOW, "Delete the Globex deal") == 0
    assert run(data_dir, "show", "deal", "5004") == 1


def test_a_new_instruction_replaces_the_plan(data_dir, capsys, terminal):
    terminal("Actually, move the Acme deal to Negotiation", "yes")
    assert run(data_dir, "run", "--now", NOW, "Move the Globex deal to negotiation") == 0
    assert deal(data_dir, capsys)["stage_label"] == "Proposal Sent"
    assert deal(data_dir, capsys, "5001")["stage_label"] == "Negotiation"


def test_questions_print_their_results_and_json_gives_the_rows(data_dir, capsys):
    capsys.readouterr()
    assert run(data_dir, "run", "--now", NOW, "Which deals are in Negotiation?") == 0
    out = capsys.readouterr().out
    assert "Answer: 4 deals in Negotiation" in out
    assert out.count("  deal #") == 4 and "stage Negotiation" in out
    assert run(data_dir, "run", "--json", "--now", NOW, "Which deals are in Negotiation?") == 0
    data = json.loads(capsys.readouterr().out)
    rows = data["results"]["rows"]
    assert len(rows) == 4 and {r["stage"] for r in rows} == {"Negotiation"} and all(r["type"] == "deal" for r in rows)
    assert run(data_dir, "plan", "--json", "--now", NOW, "How much is sitting in Proposal Sent?") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"]["value"] == 353000 and "6 deals" in data["results"]["sentence"]
