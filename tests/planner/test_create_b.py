"""New companies said as lists and with what comes with them (issue 12 §3), three sentences each: the
city as a bare item after the domain, a contact "there" or "their <title> <name> as a contact", a deal
"there", "and" inside a company's name, and "it's called X" never taken for the industry."""

from __future__ import annotations

import pytest


def _kinds(plan):
    return {a.kind: a.fields for a in plan.actions}


@pytest.mark.parametrize(("text", "name", "city"), [
    ("new company: Fernhill Bakery, fernhill.example, Denver", "Fernhill Bakery", "Denver"),
    ("Add a company: Lantern Oak Studio, lanternoak.example, Portland, marketing agency.", "Lantern Oak Studio", "Portland"),
    ("create company Copperleaf Labs, copperleaf.io, Austin", "Copperleaf Labs", "Austin"),
])
def test_city_said_as_a_bare_item_after_the_domain(planner, now, text, name, city):
    fields = _kinds(planner.plan(text, now=now))["create_company"]
    assert (fields["name"], fields["city"]) == (name, city)


@pytest.mark.parametrize(("text", "first", "last", "title"), [
    ("Add a company called Northstar Dental, northstardental.example, in Denver, and a contact there, Amy Cole, "
     "she's the practice manager.", "Amy", "Cole", "Practice Manager"),
    ("Create a company Northgate Clinics, northgateclinics.example, in Phoenix, and add their practice lead "
     "Ruth Amsel as a contact there.", "Ruth", "Amsel", "Practice Lead"),
    ("New company Bramble Foods, bramble.example, based in Reno, and add a contact there, Omar Haddad",
     "Omar", "Haddad", None),
])
def test_a_contact_at_the_new_company(planner, now, text, first, last, title):
    got = _kinds(planner.plan(text, now=now))
    company, contact = got["create_company"], got["create_contact"]
    assert (contact["first_name"], contact["last_name"], contact["company"]) == (first, last, company["name"])
    assert contact.get("job_title") == title


@pytest.mark.parametrize(("text", "amount", "stage"), [
    ("Create Pixel Forge as a company, pixelforge.example, based in Lisbon, and then a deal there for fifty k in Lead.",
     50000, "Lead"),
    ("Add a company called Tern Analytics, tern.example, in Boston, and a deal with them for 20k in Qualified",
     20000, "Qualified"),
    ("new company Harrow Studio, harrow.example, and then a new deal there, thirty k, Lead", 30000, "Lead"),
])
def test_a_deal_at_the_new_company(planner, now, text, amount, stage):
    got = _kinds(planner.plan(text, now=now))
    deal = got["create_deal"]
    assert (deal["company"], deal["amount"], deal["stage"]) == (got["create_company"]["name"], amount, stage)


@pytest.mark.parametrize(("text", "name"), [
    ("New client: Harbor and Pine Coffee, domain harborpine.com, based in Portland.", "Harbor and Pine Coffee"),
    ("add company Salt and Stone Studio, saltstone.example", "Salt and Stone Studio"),
    ("Create a company called Bell and Howe Legal in Seattle", "Bell and Howe Legal"),
])
def test_and_inside_a_company_name(planner, now, text, name):
    assert _kinds(planner.plan(text, now=now))["create_company"]["name"] == name


@pytest.mark.parametrize("text", [
    "Okay so, new company, it's called Lattice Freight, latticefreight dot io, they're in Chicago, logistics",
    "new company, it's called Quill Works, quill.example",
    "Add a new client, it's named Dovetail Media, dovetail.example, in Austin",
])
def test_its_called_is_the_name_not_the_industry(planner, now, text):
    fields = _kinds(planner.plan(text, now=now))["create_company"]
    assert "called" not in fields.get("industry", "").lower() and "named" not in fields.get("industry", "").lower()
    assert fields["name"] in ("Lattice Freight", "Quill Works", "Dovetail Media")
