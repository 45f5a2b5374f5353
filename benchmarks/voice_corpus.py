"""Spoken CRM instructions for the voice benchmarks, synthesised with espeak-ng (cached in /tmp).

Names come from the fixture workspace (/work/shared/fixtures/workspace/*.csv).
"""

from __future__ import annotations

import csv
import hashlib
import subprocess
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT.parent / "shared" / "fixtures" / "workspace"
if not FIXTURES.exists():
    FIXTURES = ROOT / "resources" / "demo_workspace"
CACHE = Path("/tmp/spectrum-voice-bench")
SR = 16_000

INSTRUCTIONS = [
    "Just finished the Acme call. Mike needs board approval, budget is 100K, they're also looking at Salesforce, follow up in two weeks",
    "Move the Globex deal to negotiation",
    "Log a call with Nina, she's not interested, follow up in three months",
    "Sarah Johnson from TechCorp wants a demo next Tuesday",
    "Create a task to send Priya Natarajan the Globex Logistics proposal by Friday",
    "Mark the Northwind Traders renewal as closed won",
    "Tom Becker at Northwind asked for a discount on the renewal",
    "Schedule a meeting with Linda Okafor from Initech on Monday at ten",
    "Move the Initech helpdesk deal to proposal sent",
    "James Whitfield from Umbrella Health wants pricing for the patient intake project",
    "Elena Garcia at Blue Harbor Realty is comparing us with HubSpot",
    "Oliver Grant from Vertex Analytics says the data pipeline deal slips to January",
    "Set the Vertex Analytics deal amount to fifty four thousand",
    "Log an email to Jonas Weber at Orbital Freight about the dispatch voice agent",
    "Grace Liu from Lumen Learning Labs signed the enrollment bot contract",
    "David Kim at Acme Corp approved the budget for the platform rollout",
    "Rachel Adams from Northwind wants a marketing case study",
    "Mike Rodriguez at FinanceStartup needs support scaling, move it to qualified",
    "Add a note to the Pinecrest Dental deal, Nina wants a booking assistant demo",
    "Follow up with Sarah Chen at TechCorp about onboarding automation next week",
    "The TechCorp security add-on is closed lost, they went with Pipedrive",
    "Gina Moreau from Willow Group is the new head of growth",
    "Call Uma Quist at Willow Group tomorrow morning",
    "Move the Granite Health expansion to closed won",
    "Hugo Evans from Granite Health asked for a reference customer",
    "Sofia Alvarez at Meadow Health wants the expansion proposal",
    "The Delta Solutions annual plan is in negotiation, Omar Walsh is the champion",
    "Kara Ito from Delta Works booked a demo for Thursday",
    "Log a meeting with Maya Alvarez at Meadow Ventures about the annual plan",
    "Raj Alvarez from Harbor Health says the expansion needs legal review",
    "Ben Khan at Upland Media is not interested anymore",
    "Wendy Price from Onyx Health wants a proposal for the annual plan",
    "Move the Redwood Systems starter plan to demo scheduled",
    "Felix Brooks at Redwood Systems asked about single sign on",
    "Dan Walsh from Ember Logistics wants to start a pilot next month",
    "Theo Price at Kestrel Partners signed the starter plan proposal",
    "Victor Price from Summit Labs is happy with the expansion",
    "Yusuf Evans at Quartz Partners wants a call on Wednesday",
    "Iris Fischer from Upland Works needs the annual plan by the end of the month",
    "The Tidal Media starter plan is closed lost, Kara Novak chose Zoho",
    "Quinn Fischer at Cedar Group wants a demo of the starter plan",
    "Maya Carter from Upland Ventures asked for a discount on the expansion",
    "Follow up with Leo Vogel at Summit Labs in two weeks",
    "Paula Larsen from Cedar Group renewed for another year",
]

COMPETITORS = ["Salesforce", "HubSpot", "Pipedrive", "Zoho"]
STAGES = ["Lead", "Qualified", "Demo Scheduled", "Proposal Sent", "Negotiation", "Closed Won", "Closed Lost"]


def workspace_names() -> list[str]:
    """Company, contact (full and first names), deal names, stage labels, competitors."""
    names: list[str] = []
    with open(FIXTURES / "companies.csv", newline="") as f:
        names += [r["Company name"] for r in csv.DictReader(f)]
    with open(FIXTURES / "contacts.csv", newline="") as f:
        names += [f"{r['First Name']} {r['Last Name']}" for r in csv.DictReader(f)]
    with open(FIXTURES / "deals.csv", newline="") as f:
        names += [r["Deal Name"] for r in csv.DictReader(f)]
    return names + STAGES + COMPETITORS


def name_words() -> set[str]:
    """Lower-case words that belong to workspace names (for name-restricted WER)."""
    words: set[str] = set()
    generic = {"the", "and", "group", "labs", "health", "partners", "systems", "solutions", "works", "media",
               "ventures", "corp", "plan", "starter", "annual", "expansion", "pilot", "lead", "qualified",
               "demo", "scheduled", "proposal", "sent", "negotiation", "closed", "won", "lost", "renewal",
               "platform", "rollout", "support", "scaling", "data", "pipeline", "security", "add-on",
               "onboarding", "automation", "patient", "intake", "booking", "assistant", "enrollment", "bot",
               "dispatch", "voice", "agent", "fleet", "analytics", "helpdesk", "ai", "response", "-", "2027",
               "learning", "dental", "freight", "traders", "logistics", "realty", "harbor"}
    for n in workspace_names():
        for w in n.lower().replace(",", " ").split():
            if w not in generic:
                words.add(w)
    return words


def synth(text: str, voice: str = "en-us") -> np.ndarray:
    """espeak-ng + sox -> float32 16 kHz mono, cached."""
    CACHE.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha1(f"{voice}|{text}".encode()).hexdigest()[:12]
    out = CACHE / f"{key}.wav"
    if not out.exists():
        raw = CACHE / f"{key}.raw.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(raw), text], check=True)
        subprocess.run(["sox", str(raw), "-r", str(SR), "-c", "1", str(out)], check=True)
    audio, _ = sf.read(out, dtype="float32")
    return audio
