"""Source of tests/planner/heldout.jsonl: paraphrases written *after* the rules were tuned on
corpus.jsonl and scored once without further tuning (an honest estimate; reported, threshold 80%).
Same format and reference instant as make_corpus.py."""

import json
from pathlib import Path

from make_corpus import A, deal  # helpers only

CASES: list[dict] = []


def case(text, *actions, clarify=False, message=None, context=None, tag="heldout"):
    CASES.append({"id": f"h{len(CASES) + 1:03d}", "tag": tag, "text": text, "context": context,
                  "expect": {"actions": list(actions), "clarify": clarify, "message": message}})


case("Can you move Initech over to negotiation please", deal("deal:5006", stage="Negotiation"))
case("Globex deal should go to closed won", deal("deal:5004", stage="Closed Won"))
case("The northwind deal is now worth 50 thousand", deal("deal:5005", amount=50000))
case("Acme just increased their budget by 25k", deal("deal:5001", amount=85000))
case("Vertex Analytics pushed their close to end of February", deal("deal:5009", close_date="2027-02-28"))
case("I had a meeting with Jonas this morning, it went great",
     A("log_activity", "contact:112", activity_type="meeting", sentiment="positive"))
case("Talked with Oliver, he's skeptical", A("log_activity", "contact:110", activity_type="call", sentiment="negative"))
case("Set a reminder to call Elena on Thursday", A("create_task", "contact:109", due_date="2026-11-26"))
case("follow-up with Tom Becker in 2 weeks", A("create_task", "contact:106", due_date="2026-12-05"))
case("Schedule a demo for Orbital Freight on Tuesday at 4pm",
     A("book_meeting", "deal:5011", due_date="2026-11-24", time="16:00"))
case("Send Linda an email about the contract", A("draft_email", "contact:107", contains={"subject": "contract"}))
case("Grace Liu's new email is grace@lumen.example", A("update_contact", "contact:113", email="grace@lumen.example"))
case("Show me all contacts at Northwind", A("search", None, object="contact", filters={"company": "Northwind Traders"}))
case("What's the Vertex deal worth?", A("answer", None, contains={"text": "54,000"}))
case("Which deals are in negotiation", A("search", None, object="deal", filters={"stage": "Negotiation"}))
case("Remove the Blue Harbor deal", A("delete_record", "deal:5008"))
case("Follow up with Mike next Monday", A("create_task", None, due_date="2026-11-23"), clarify=True)
case("Log a call with Kara", A("log_activity", None, activity_type="call"), clarify=True)
case("Just wrapped up a call with Priya from glow bex, they want 150k, follow up Friday",
     A("log_activity", "deal:5004", activity_type="call"), deal("deal:5004", amount=150000),
     A("create_task", "deal:5004", due_date="2026-11-27"))
case("Had a call with Sarah Chen. She needs CFO approval. Follow up in a week",
     A("log_activity", "contact:102", activity_type="call"),
     deal("deal:5002", next_step="CFO approval (Sarah)"), A("create_task", "contact:102", due_date="2026-11-28"))
case("Add Julia Roberts from Pinecrest Dental as a contact",
     A("create_contact", None, first_name="Julia", last_name="Roberts", company="Pinecrest Dental"))
case("Create an account called Sunrise Bakery in Portland",
     A("create_company", None, name="Sunrise Bakery", city="Portland"))
case("Create a new deal for Northwind worth 80k", A("create_deal", None, company="Northwind Traders", amount=80000))
case("move it to closed lost", deal("deal:5011", stage="Closed Lost"), context="deal:5011")
case("log a note that he's moving to a new role", A("log_activity", "contact:106", activity_type="note"),
     context="contact:106")
case("how's the weather in Paris", message=True)
case("write me a poem about sales", message=True)
case("Robert'); DROP TABLE deals;--", message=True)
case("Umbrella Health is looking at Zendesk", deal("deal:5007", competitor="Zendesk"))
case("the acne corp deal closes on December 3rd", deal("deal:5001", close_date="2026-12-03"))
case("Bump the Pinecrest deal to 6k", deal("deal:5010", amount=6000))
case("Book a call with David Kim tomorrow at 11", A("book_meeting", "contact:114", due_date="2026-11-22", time="11:00"))
case("Who is the contact at Globex?", A("search", None, object="contact", filters={"company": "Globex Logistics"}))
case("When does Northwind close?", A("answer", None, contains={"text": "2026-12-15"}))
case("Rachel Adams asked us to stop emailing her", A("update_contact", "contact:115", do_not_contact=True))
case("Mark Quartz Partners as lost, they went with a competitor", deal("deal:5115", stage="Closed Lost"))
case("Log a meeting with the Cedar Group team, they're ready to sign",
     A("log_activity", "deal:5118", activity_type="meeting", sentiment="positive"))
case("Remind me tomorrow to update the forecast", A("create_task", None, due_date="2026-11-22"))
case("Email James Whitfield about the pilot results", A("draft_email", "contact:108", contains={"subject": "pilot"}))
case("Delete all deals at Globex", A("delete_record", "deal:5004"))

if __name__ == "__main__":
    out = Path(__file__).with_name("heldout.jsonl")
    out.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in CASES), encoding="utf-8")
    print(f"{len(CASES)} cases -> {out}")
