"""The `spectrum` command as a user meets it: clear lines, exit codes, nothing half-written."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from desktop.cli import main

NOW = "2026-11-21T09:00:00"


@pytest.fixture
def data_dir(tmp_path, fixture_dir):
    d = tmp_path / "data"
    assert main(["--data-dir", str(d), "import", str(fixture_dir)]) == 0
    return d


def run(data_dir, *args) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_import_summary_and_idempotent(data_dir, fixture_dir, capsys):
    capsys.readouterr()
    assert run(data_dir, "import", str(fixture_dir), "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["imported"] == 349 and out["created"] == {} and out["skipped"] == 0


def test_report_json_has_every_figure(data_dir, capsys):
    capsys.readouterr()
    assert run(data_dir, "report", "--json", "--now", NOW) == 0
    r = json.loads(capsys.readouterr().out)
    for key in ("mrr", "arr", "pipeline_value", "weighted_pipeline", "deals_by_stage", "win_rate",
                "burn", "runway_months", "stale_deals"):
        assert key in r
    assert r["mrr"] == 16634.67 and r["runway_months"] is None
    assert run(data_dir, "set", "cash", "250,000") == 0
    capsys.readouterr()
    run(data_dir, "report", "--json", "--now", NOW)
    r = json.loads(capsys.readouterr().out)
    assert r["cash_balance"] == 250000 and r["runway_months"] > 0


def test_show_by_name_id_and_ambiguous(data_dir, capsys):
    capsys.readouterr()
    assert run(data_dir, "show", "company", "Acme Corp", "--json") == 0
    co = json.loads(capsys.readouterr().out)
    assert co["id"] == 9001 and any(d["name"] == "Acme Corp - Platform Rollout" for d in co["deals"])
    assert run(data_dir, "show", "contact", "Sarah") == 2
    err = capsys.readouterr().err
    assert "Sarah Chen" in err and "Sarah Johnson" in err
    assert run(data_dir, "show", "deal", "Nonexistent Deal") == 1


def test_run_applies_after_yes_and_undo(data_dir, capsys):
    capsys.readouterr()
    assert run(data_dir, "run", "--yes", "--now", NOW, "Move the Globex deal to negotiation") == 0
    assert "Applied" in capsys.readouterr().out
    run(data_dir, "show", "deal", "5004", "--json")
    assert json.loads(capsys.readouterr().out)["stage_label"] == "Negotiation"
    assert run(data_dir, "undo") == 0
    capsys.readouterr()
    run(data_dir, "show", "deal", "5004", "--json")
    assert json.loads(capsys.readouterr().out)["stage_label"] == "Proposal Sent"
    assert run(data_dir, "audit", "--verify") == 0
    assert "intact" in capsys.readouterr().out


def test_run_without_confirmation_applies_nothing(data_dir, capsys, monkeypatch):
    with open(os.devnull) as devnull:
        monkeypatch.setattr("sys.stdin", devnull)
        assert run(data_dir, "run", "--now", NOW, "Move the Globex deal to negotiation") == 3
    capsys.readouterr()
    run(data_dir, "show", "deal", "5004", "--json")
    assert json.loads(capsys.readouterr().out)["stage_label"] == "Proposal Sent"


def test_yes_never_deletes(data_dir, capsys):
    capsys.readouterr()
    code = run(data_dir, "run", "--yes", "--now", NOW, "Delete the Acme Corp - Platform Rollout deal")
    out = capsys.readouterr().out
    assert code == 3 and "destructive" in out
    assert run(data_dir, "show", "deal", "5001") == 0


def test_plan_json_lines_from_stdin(data_dir):
    proc = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "plan", "--json",
                           "--now", NOW, "-"], input="Move Globex to negotiation\n\nCall Sarah tomorrow\n",
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    plans = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(plans) == 3  # one line per input line, the blank one included (an empty plan)
    assert plans[0]["actions"][0]["fields"]["stage"] == "Negotiation"
    assert plans[1]["actions"] == [] and plans[1]["message"]
    assert plans[2]["clarifications"] and all(a["target"] is None or "Sarah" not in a["target"]["name"]
                                              for a in plans[2]["actions"])


def test_bad_inputs_give_one_clear_line(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "import", str(tmp_path / "missing.csv")]) == 1
    assert "missing.csv: no such file" in capsys.readouterr().err
    corrupt = tmp_path / "c"
    corrupt.mkdir()
    (corrupt / "workspace.db").write_bytes(b"this is not a database" * 100)
    assert main(["--data-dir", str(corrupt), "report"]) == 1
    err = capsys.readouterr().err.strip()
    assert "damaged or not a Spectrum database" in err and len(err.splitlines()) == 1
    if os.geteuid() != 0:  # root ignores permissions
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(stat.S_IREAD | stat.S_IEXEC)
        assert main(["--data-dir", str(ro), "report"]) == 1
        assert "not writable" in capsys.readouterr().err


def test_data_dir_that_cannot_be_created(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["--data-dir", str(blocker / "data"), "report"]) == 1
    err = capsys.readouterr().err
    assert "cannot create the data folder" in err and "--data-dir" in err


def test_stages_are_editable(data_dir, capsys):
    capsys.readouterr()
    assert run(data_dir, "stages", "Negotiation", "--probability", "0.7", "--position", "1") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("1. Negotiation") and "70%" in out[1]
    assert run(data_dir, "stages", "Negotiation", "--probability", "7") == 2
    assert "between 0 and 1" in capsys.readouterr().err
    run(data_dir, "report", "--json", "--now", NOW)
    r = json.loads(capsys.readouterr().out)
    assert [x["stage"] for x in r["deals_by_stage"]][:2] == ["Lead", "Negotiation"]


def test_import_progress_on_the_terminal(tmp_path, fixture_dir, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "import", "--progress", str(fixture_dir)]) == 0
    err = capsys.readouterr().err
    assert "activities.csv: 100% (104 rows)" in err


def test_plan_batch_prints_one_json_line_per_input_line_and_survives_bad_lines(tmp_path):
    import json as _json
    import subprocess as _sp
    import sys as _sys

    lines = "Move Acme to negotiation\n\nfollow up with Tom in 10000 years\nLog a call with Nina\n"
    proc = _sp.run([_sys.executable, "-m", "desktop", "plan", "--json", "-"], input=lines, capture_output=True,
                   text=True, env={**__import__("os").environ, "SPECTRUM_DATA_DIR": str(tmp_path)}, timeout=120)
    out = proc.stdout.splitlines()
    assert len(out) == 4, proc.stdout + proc.stderr
    plans = [_json.loads(x) for x in out]
    assert plans[1]["transcript"] == "" and plans[1]["actions"] == []
    assert plans[2]["clarifications"] and "error" not in plans[2]


def test_run_json_prints_one_object_and_sends_human_lines_to_stderr(data_dir):
    def spectrum(*args, stdin=subprocess.DEVNULL):
        return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "run", "--json",
                               "--now", NOW, *args], stdin=stdin, capture_output=True, text=True, timeout=120)

    applied = spectrum("--yes", "Move Globex to negotiation")
    assert applied.returncode == 0, applied.stderr
    out = json.loads(applied.stdout)  # the whole of stdout is one JSON object
    assert out["applied"] is True and out["changes"] == 1 and out["audit_id"]
    assert out["plan"]["actions"][0]["fields"] == {"stage": "Negotiation"}
    assert "Applied" in applied.stderr and "Plan:" in applied.stderr

    asked = spectrum("--yes", "Log a call with Sarah")
    out = json.loads(asked.stdout)
    assert asked.returncode == 2 and out["applied"] is False and out["reason"].startswith("question: Which Sarah")
    assert out["plan"]["pending"][0]["kind"] == "log_activity"

    declined = spectrum("Move Globex to proposal sent")  # no terminal to confirm on, no --yes
    assert declined.returncode == 3 and json.loads(declined.stdout)["reason"] == "declined"
    assert "pass --yes" in declined.stderr


def test_run_with_closed_stdin_says_how_to_confirm(data_dir):
    proc = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "run", "--now", NOW,
                           "Move Globex to proposal sent"], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=120, preexec_fn=lambda: os.close(0))
    assert proc.returncode == 3 and "Traceback" not in proc.stderr
    assert "pass --yes" in proc.stdout


def _spectrum(data_dir, *args, env=None, stdin=subprocess.DEVNULL, **kw):
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args], stdin=stdin,
                          capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})}, **kw)


def test_connect_without_a_keyring_backend_says_how_to_get_one(data_dir):
    proc = _spectrum(data_dir, "connect", "hubspot", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
                     stdin=None, input="pat-na1-00000000-1111-2222-3333\n")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "no usable keyring" in proc.stderr and "PYTHON_KEYRING_BACKEND" in proc.stderr
    assert "pat-na1" not in proc.stdout + proc.stderr


def test_a_reader_that_leaves_early_ends_the_command_quietly(data_dir):
    lines = "Move Acme to negotiation\n" * 3000
    proc = subprocess.run(f"{sys.executable} -m desktop --data-dir {data_dir} plan --json - | head -1",
                          shell=True, input=lines, capture_output=True, text=True, timeout=120)
    assert proc.stdout.count("\n") == 1 and "BrokenPipe" not in proc.stderr and "Traceback" not in proc.stderr


def test_the_log_file_exists_and_holds_no_token_or_note_words(data_dir):
    from desktop.logs import log_path, redact

    _spectrum(data_dir, "plan", "Add a note to the Acme deal: the zebra-migration secret plan")
    _spectrum(data_dir, "connect", "hubspot", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
              stdin=None, input="pat-na1-00000000-1111-2222-3333\n")
    log = log_path(data_dir)
    assert log.is_file()
    text = log.read_text()
    assert "no keyring backend" in text  # the failure is recorded ...
    assert "pat-na1" not in text and "zebra-migration" not in text  # ... never the token or the note
    assert redact("Authorization: Bearer abc.def.ghi12345 and api_token=s3cr3t") == \
        "Authorization: Bearer *** and api_token=***"


def test_under_the_global_kill_switch_runs_fail_and_chat_says_it_is_read_only(data_dir, capsys):
    assert run(data_dir, "agents", "kill", "--all") == 0
    assert run(data_dir, "agents", "enable", "ghostbuster") == 0
    assert "global kill switch is still on" in capsys.readouterr().err
    assert run(data_dir, "agents", "run", "ghostbuster", "--now", NOW) == 1  # refused: non-zero
    assert "global kill switch" in capsys.readouterr().out
    assert run(data_dir, "ask", "what is in my pipeline?", "--now", NOW) == 0
    err = capsys.readouterr().err
    assert "all agents are stopped" in err and "no model calls" in err
    assert run(data_dir, "ask", "--queue", "move Acme to negotiation", "--now", NOW) == 3
    assert "not queued" in capsys.readouterr().err
    assert run(data_dir, "approvals", "list", "--json") == 0
    assert capsys.readouterr().out == ""  # nothing reached the approvals queue
