"""Loadout files: the built-in agents load, bad files fail with the file and the field named."""

from __future__ import annotations

from datetime import datetime

import pytest
from agent_helpers import write_loadout

from desktop.agents.loadout import LoadoutError, Schedule, builtin_dir, load_all, load_file

GOOD = """name: scout
role: Scout
purpose: Looks around.
kind: custom
tools: [revenue_report, create_task]
autonomy: suggest
daily_budget_usd: 0.1
schedule: "weekdays 08:00"
"""


def test_builtin_loadouts_are_valid():
    found, errors = load_all(None)
    assert errors == []
    assert {"qualifier", "ghostbuster", "post-call", "briefing", "cfo"} <= set(found)
    assert found["ghostbuster"].autonomy == "suggest" and found["ghostbuster"].daily_budget_usd > 0
    assert found["qualifier"].params["icp"]["weights"]["industry"] == 20


@pytest.mark.parametrize("line, field, words", [
    ("autonomy: yolo", "autonomy", "suggest"),
    ("daily_budget_usd: -1", "daily_budget_usd", "greater than or equal"),
    ("tools: [revenue_report, rm_rf]", "tools", "rm_rf"),
    ('schedule: "sometimes"', "schedule", "weekdays 08:00"),
    ("model: two words", "model", "litellm"),
    ("colour: blue", "colour", "Extra inputs"),
])
def test_invalid_field_names_file_and_field(data_dir, line, field, words):
    key = line.split(":")[0]
    text = "\n".join(ln for ln in GOOD.splitlines() if not ln.startswith(key + ":")) + "\n" + line + "\n"
    path = write_loadout(data_dir, "scout", text)
    with pytest.raises(LoadoutError) as info:
        load_file(path)
    assert info.value.file == "scout.yaml" and info.value.field == field
    assert str(info.value).startswith(f"scout.yaml: {field}: ") and words in str(info.value)


def test_missing_required_field_and_bad_yaml(data_dir):
    path = write_loadout(data_dir, "nameless", "role: X\npurpose: Y\n")
    with pytest.raises(LoadoutError, match=r"nameless.yaml: name: Field required"):
        load_file(path)
    path = write_loadout(data_dir, "broken", "name: [unclosed\n")
    with pytest.raises(LoadoutError, match=r"broken.yaml: not valid YAML \(line \d+\)"):
        load_file(path)


def test_user_loadout_overrides_builtin_and_broken_one_is_skipped(data_dir):
    write_loadout(data_dir, "mine", GOOD.replace("name: scout", "name: cfo").replace("role: Scout", "role: My CFO"))
    write_loadout(data_dir, "bad", "name: bad\nrole: x\n")
    found, errors = load_all(data_dir)
    assert found["cfo"].role == "My CFO" and "ghostbuster" in found
    assert len(errors) == 1 and errors[0].file == "bad.yaml" and errors[0].field == "purpose"


def test_schedule_forms():
    s = Schedule.parse("weekdays 08:00")
    assert s.due_at(datetime(2026, 11, 23, 9)) == datetime(2026, 11, 23, 8, 0)  # Monday
    assert s.due_at(datetime(2026, 11, 22, 9)) is None                           # Sunday
    assert Schedule.parse("mon,thu 09:15").weekdays == frozenset({0, 3})
    assert Schedule.parse("daily 18:30").weekdays == frozenset(range(7))
    with pytest.raises(ValueError):
        Schedule.parse("weekdays 25:00")


def test_builtin_dir_exists():
    assert (builtin_dir() / "ghostbuster.yaml").is_file()
