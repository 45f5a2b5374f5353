"""Workspace-name correction of transcripts (``Bias.correct`` / ``NameCorrector``) and its call sites."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf
from conftest import tone

from desktop.voice.bias import Bias, build_bias, correct_text
from desktop.voice.name_correction import NameCorrector, phonetic_key

LEXICON = ["Quinn Fischer", "Acme Corp", "Globex Logistics", "TechCorp", "Northwind Traders", "Uma Quist",
           "Linda Okafor", "Mike Rodriguez", "Tom Becker", "Salesforce", "HubSpot", "Upland Works", "Paula Larsen",
           "Acme Corp - Platform Rollout", "Iris Fischer"]


@pytest.fixture(scope="module")
def fix() -> NameCorrector:
    return NameCorrector(LEXICON)


@pytest.mark.parametrize("heard, expected", [
    ("Just finished the acne corp call", "Just finished the Acme Corp call"),
    ("Move the Globx deal to negotiation", "Move the Globex deal to negotiation"),
    ("Sarah Johnson from Tech Corp wants a demo", "Sarah Johnson from TechCorp wants a demo"),
    ("they're also looking at sales force", "they're also looking at Salesforce"),
    ("Call Uma quest tomorrow morning", "Call Uma Quist tomorrow morning"),
    ("Mark the North Wind Traders renewal", "Mark the Northwind Traders renewal"),
    ("Iris Fisher from uplandworks needs the plan", "Iris Fischer from Upland Works needs the plan"),
    ("a meeting with Linda Okafur on Monday", "a meeting with Linda Okafor on Monday"),
    ("Win Fisher wants a demo", "Quinn Fischer wants a demo"),  # the full name beats "Fisher" alone
])
def test_misheard_names_get_the_workspace_spelling(fix, heard, expected):
    assert fix.correct(heard) == expected


def test_punctuation_and_possessive_around_a_name_are_kept(fix):
    assert fix.correct("Update acne corp's deal, then call Globx.") == "Update Acme Corp's deal, then call Globex."


@pytest.mark.parametrize("text", [
    "Make sure we meet next week and send the price",  # "make" ~ Mike, "price" ~ Price: common words
    "Follow up in two weeks, budget is 100K",
    "Log a call with the team about the onboarding project",
    "",
])
def test_common_words_and_name_free_text_are_untouched(fix, text):
    assert fix.correct(text) == text


def test_correct_names_and_case_are_left_alone(fix):
    text = "Tom Becker at Acme Corp approved, Paula Larsen signed, they left Salesforce for HubSpot"
    assert fix.correct(text) == text


def test_no_lexicon_means_no_change():
    assert Bias(None, None).correct("acne corp") == "acne corp"
    assert build_bias([]).correct("acne corp") == "acne corp"
    assert correct_text("Globx", []) == "Globx"
    assert not NameCorrector(["", "  ", "-"])


def test_build_bias_carries_the_whole_lexicon_for_correction():
    names = [f"Company{i} Labs" for i in range(300)] + ["Globex Logistics"]
    bias = build_bias(names, max_hotword_chars=40, max_prompt_chars=40,
                      count_tokens=lambda w: 1 if w == "Globex" else 3)
    assert "Globex" not in (bias.hotwords or "") + (bias.initial_prompt or "")  # over the budget
    assert bias.correct("ship it to Globx Logistics") == "ship it to Globex Logistics"  # still corrected


def test_phonetic_key_merges_spelling_variants():
    assert phonetic_key("Fischer") == phonetic_key("Fisher")
    assert phonetic_key("Acme") == phonetic_key("akme")
    assert phonetic_key("Globex") != phonetic_key("Global")


def test_notes_service_from_build_voice_services_corrects_names(tmp_path):
    from desktop.config import Settings
    from desktop.voice.fakes import FakeEngine, FakeInputStreamFactory
    from desktop.voice.services import build_voice_services

    svc = build_voice_services(Settings(data_dir=tmp_path), names=["Acme Corp"], engine=FakeEngine(),
                               stream_factory=FakeInputStreamFactory())
    try:
        assert svc.notes.correct("met acne corp") == "met Acme Corp"
        svc.set_vocabulary(["Globex Logistics"])
        assert svc.notes.correct("met Globx") == "met Globex"
    finally:
        svc.close()


def test_cli_transcribe_corrects_names_from_the_workspace(tmp_path, monkeypatch, capsys):
    import argparse

    import desktop.bootstrap
    from desktop.cli import voice as commands
    from desktop.config import Settings
    from desktop.voice.fakes import FakeEngine
    from desktop.voice.transcriber import TranscriberWorker

    wav = tmp_path / "call.wav"
    sf.write(wav, (0.1 * np.sin(np.arange(16_000) / 5)).astype(np.float32), 16_000)
    monkeypatch.setattr(commands, "_worker", lambda settings, model: TranscriberWorker(
        FakeEngine("Just finished the acne corp call")).start())
    monkeypatch.setattr(desktop.bootstrap, "workspace_vocabulary", lambda settings: ["Acme Corp", "Zoho"])
    parser = argparse.ArgumentParser()
    commands.register(parser.add_subparsers())
    for extra, expected in (([], "Just finished the Acme Corp call"),
                            (["--no-bias"], "Just finished the acne corp call")):
        args = parser.parse_args(["transcribe", str(wav), *extra])
        args.settings = Settings(data_dir=tmp_path)
        assert args.func(args) == 0
        assert capsys.readouterr().out.strip() == expected


@pytest.mark.parametrize("text", [
    "Tom Becker at Northwind asked for a discount",  # "at" is not pulled into the name
    "Victor Price from Summit Lab is happy",  # "is" neither (only "Lab" -> "Labs" may change)
    "When the price is right",  # "the price" is not "Theo Price"
    "Theo from Price Waterhouse called",  # "from" inside is not swallowed into "Theo Price"
    "pricing for the patient intake project",  # "intake" is not "Initech"
])
def test_neighbouring_and_common_words_survive(text):
    fixer = NameCorrector(["Northwind Traders", "Theo Price", "Initech", "Summit Labs", "Victor Price"])
    out = fixer.correct(text)
    assert out.replace("Summit Labs", "Summit Lab") == text


def test_frequent_words_change_only_on_a_near_exact_match():
    fixer = NameCorrector(["Clari", "Iris Fischer", "Gong", "Outreach"])
    assert fixer.correct("they clearly want it, it's gone") == "they clearly want it, it's gone"
    assert fixer.correct("Iris from Fisher") == "Iris from Fischer"
    assert fixer.correct("do some outreach") == "do some outreach"  # a name, but an ordinary word too


def test_notes_are_transcribed_with_names_corrected(tmp_path):
    from desktop.voice.fakes import FakeEngine
    from desktop.voice.notes import NotesService
    from desktop.voice.transcriber import TranscriberWorker

    worker = TranscriberWorker(FakeEngine("Priya wants the Globx proposal")).start()
    svc = NotesService(tmp_path, worker, correct=build_bias(["Globex Logistics", "Priya Natarajan"]).correct)
    try:
        writer = svc.start_recording()
        writer.write(tone(2.0))
        writer.finish()
        assert svc.wait_idle(10)
        (info,) = svc.list_notes()
        assert info.transcript.text == "Priya wants the Globex proposal"
        assert [s.text for s in info.transcript.segments] == ["Priya wants the Globex proposal"]
    finally:
        svc.close()
        worker.stop()


@pytest.mark.parametrize("streaming", [False, True])
def test_push_to_talk_final_transcript_has_names_corrected(make_session, streaming):
    from desktop.voice.fakes import FakeEngine
    from desktop.voice.transcriber import TranscriberWorker

    worker = TranscriberWorker(FakeEngine("move the acne corp deal to negotiation")).start()
    try:
        session, rec, mic = make_session(worker, mode="hold", streaming=streaming)
        session.set_bias(build_bias(["Acme Corp", "Globex Logistics"]))
        mic.feed_silence(0.5)
        session.press()
        mic.feed(tone(1.0))
        session.release()
        assert rec.got_final.wait(10)
        assert rec.finals[0].text == "move the Acme Corp deal to negotiation"
    finally:
        worker.stop()


def test_plan_audio_transcription_corrects_names(tmp_path, monkeypatch):
    from desktop.cli import plans as cli_plans
    from desktop.config import Settings
    from desktop.voice import transcriber
    from desktop.voice.fakes import FakeEngine

    wav = tmp_path / "call.wav"
    sf.write(wav, tone(1.0), 16_000)
    monkeypatch.setattr(transcriber, "WhisperEngine",
                        lambda path, cpu_threads=2: FakeEngine("move acne corp to negotiation"))
    tr = cli_plans.transcribe_file(wav, Settings(data_dir=tmp_path), ["Acme Corp", "Negotiation"])
    assert tr.text == "move Acme Corp to negotiation"
