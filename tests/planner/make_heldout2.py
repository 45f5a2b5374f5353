"""Source of tests/planner/heldout2.jsonl: a second blind set (ASR-style errors, fillers, no
punctuation), written after the second tuning round and scored once before any fix.
Same format and reference instant as make_corpus.py."""

import json
from pathlib import Path

from make_corpus import A, deal

CASES: list[dict] = []


def case(text, *actions, clarify=False, message=None, context=None, tag="heldout2"):
    CASES.append({"id": f"k{len(CASES) + 1:03d}", "tag": tag, "text": text, "context": context,
                  "expect": {"actions": list(actions), "clarify": clarify, "message": message}})


case("um so move initech to negotiation", deal("deal:5006", stage="Negotiation"))
case("uh the globex budget is a hundred and fifty k", deal("deal:5004", amount=150000))
case("log a call with nena patel she's interested", A("log_activity", "contact:111", activity_type="call",
                                                      sentiment="positive"))
case("follow up with jonas webber next friday", A("create_task", "contact:112", due_date="2026-11-27"))
case("move north wind traders to proposal sent", deal("deal:5005", stage="Proposal Sent"))
case("vertex analytic is now in negotiation", deal("deal:5009", stage="Negotiation"))
case("the pinecrest deal is worth five thousand", deal("deal:5010", amount=5000))
case("Orbital Fright closes end of February", deal("deal:5011", close_date="2027-02-28"))
case("spoke to priya natarajan about pricing she was annoyed",
     A("log_activity", "contact:105", activity_type="call", sentiment="negative"))
case("remind me to send the contract to umbrella health tomorrow", A("create_task", "deal:5007", due_date="2026-11-22"))
case("book a demo with linda okafor on wednesday at 3 pm",
     A("book_meeting", "contact:107", due_date="2026-11-25", time="15:00"))
case("draft an email to oliver grant about the renewal", A("draft_email", "contact:110", contains={"subject": "renewal"}))
case("what stage is the northwind deal in", A("answer", None, contains={"text": "Negotiation"}))
case("show me deals closing this month", A("search", None, object="deal", filters={"close_date_before": "2026-11-30"}))
case("mark blue harbor realty as won", deal("deal:5008", stage="Closed Won"))
case("increase the orbital freight deal by ten percent", deal("deal:5011", amount=105600))
case("acme's budget dropped to 45k", deal("deal:5001", amount=45000))
case("had a demo with the initech team it went great",
     A("log_activity", "deal:5006", activity_type="meeting", sentiment="positive"))
case("follow up with sarah next week", A("create_task", None, due_date="2026-11-23"), clarify=True)
case("log a call with mike", A("log_activity", None, activity_type="call"), clarify=True)
case("email dan about the pilot", A("draft_email", None), clarify=True)
case("follow up with them in two weeks", A("create_task", "deal:5004", due_date="2026-12-05"), context="deal:5004")
case("log a note she's on maternity leave until march", A("log_activity", "contact:102", activity_type="note"),
     context="contact:102")
case("delete this contact", A("delete_record", "contact:115"), context="contact:115")
case("what's the weather in berlin", message=True)
case("hey how are you", message=True)
case("1; DELETE FROM contacts WHERE 1=1", message=True)
case("add grace liu's new phone number +1 416 555 0199", A("update_contact", "contact:113", phone="+1 416 555 0199"))
case("Umbrella Health wants to push the close date to April 30th", deal("deal:5007", close_date="2027-04-30"))
case("schedule a call with tom becker for tomorrow at 9",
     A("book_meeting", "contact:106", due_date="2026-11-22", time="09:00"))
case("Northwind is comparing us with Pipedrive", deal("deal:5005", competitor="Pipedrive"))
case("create a deal for pinecrest dental worth ten thousand",
     A("create_deal", None, company="Pinecrest Dental", amount=10000))
case("add a contact named Maria Gonzalez at Globex, maria@globex.example",
     A("create_contact", None, first_name="Maria", last_name="Gonzalez", company="Globex Logistics",
       email="maria@globex.example"))
case("how much is the globex deal worth", A("answer", None, contains={"text": "185,000"}))
case("we lost the vertex deal they went with a competitor", deal("deal:5009", stage="Closed Lost"))
case("just got off the phone with david kim at acme budget approved at 80k follow up monday",
     A("log_activity", "deal:5001", activity_type="call"), deal("deal:5001", amount=80000),
     A("create_task", "deal:5001", due_date="2026-11-23"))
case("list contacts at acme corp", A("search", None, object="contact", filters={"company": "Acme Corp"}))
case("remind me to call rachel on the 3rd of december", A("create_task", "contact:115", due_date="2026-12-03"))
case("set up a meeting with james whitfield in three weeks", A("book_meeting", "contact:108", due_date="2026-12-12"))
case("cut the umbrella health deal by 40k", deal("deal:5007", amount=200000))

if __name__ == "__main__":
    out = Path(__file__).with_name("heldout2.jsonl")
    out.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in CASES), encoding="utf-8")
    print(f"{len(CASES)} cases -> {out}")
