"""BANT+ extraction, one language phenomenon at a time, continued from ``test_agents_bant_phenomena.py``
(issue/18m onwards): each case is a short note in words of our own (not a blind-set sentence) and the
field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import NOW, said

from desktop.agents.bant import extract


@pytest.mark.parametrize("note,value", [
    # a customer's budget said per month is the year's figure (x12) when no term is said
    ("Marisol can put about six hundred a month toward it.", 7200),
    ("budget ~1.2k/mo, owner decides.", 14400),
    ("He's comfortable with two hundred and fifty dollars a month.", 3000),
    # ... or x the term in months when one is said ("annual contract" is twelve)
    ("She has three hundred a month for it over a six-month pilot.", 1800),
    ("Budget is nine hundred a month on an annual contract.", 10800),
    ("They can do a thousand a month on an eighteen-month term.", 18000),
    # a figure said per month, then restated as the total, is the total
    ("He said two grand a month, then corrected himself: two grand total for the trial.", 2000),
    # a yearly figure said beside the monthly one wins
    ("Seven hundred a month, so eighty-four hundred a year, is what's approved.", 8400),
])
def test_issue18m_a_monthly_budget_is_read_per_year(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note", [
    # our price per month is never their budget, however it is said
    "Our starter plan is four hundred a month; she didn't react.",
    "I quoted them 1,100/mo for the team tier.",
    "We'd be around seven fifty a month at their volume.",
])
def test_issue18m_our_monthly_price_is_no_budget(note):
    assert extract(note, NOW).budget is None, extract(note, NOW)


@pytest.mark.parametrize("note", [
    # our price, said back to us in the customer's words after a label's colon, is no budget
    "Her reply, roughly: 'Nine grand is what you quoted, and I have not picked a number of my own.'",
    "His words: two thousand a year is what you offered us, he's still thinking about spend.",
    "Paraphrasing her: 'Twelve K was what you proposed; we'll see.'",
])
def test_issue18m_what_you_quoted_is_no_budget(note):
    assert extract(note, NOW).budget is None, extract(note, NOW)


@pytest.mark.parametrize("note,field", [
    # the seller's own reason for writing ("so I don't lose it") is no problem of theirs
    ("Acme check-in, jotting this down now so I don't lose it.", "need"),
    ("Typing this up fast so we don't forget anything: Dana liked the demo.", "need"),
    ("Writing it out in full, so that I don't lose track of who said what.", "need"),
    # another vendor pitching them something else is no need of theirs
    ("He said HubSpot keeps pitching him their service hub, but that's not what this is about.", "need"),
    ("Apparently Zendesk keeps trying to upsell her on their workforce tool.", "need"),
    ("She joked that Oracle keeps pitching them a new ERP every quarter.", "need"),
    # an approval someone must give ("needs my manager's sign-off") is no need
    ("That needs my director's sign-off on our end first.", "need"),
    ("The extra discount needs our CFO's approval, so I'll ask.", "need"),
    ("Any change to the terms needs their lawyer's okay.", "need"),
    # a yes to the deal ("wants to go ahead") is no need
    ("Tom liked the pilot and wants to go ahead.", "need"),
    ("She's keen to proceed once legal is done.", "need"),
    ("They want to move ahead with the annual plan.", "need"),
])
def test_issue18m_no_need_stated(note, field):
    assert getattr(extract(note, NOW), field) is None, extract(note, NOW)


@pytest.mark.parametrize("note", [
    # a fee or price "on our side" is ours, not their budget
    "The onboarding fee on our side is 2k, he didn't push back.",
    "Setup cost on our end comes to about four thousand.",
    "The pilot price on our side is fifteen hundred, she's fine with it.",
    # a figure said and then disowned ("don't hold me to a number") is withdrawn
    "He floated maybe ten grand, then said don't hold me to that number.",
    "She said twenty K, possibly, but told me not to hold her to a figure.",
    "Something like five thousand, he said, though I can't hold him to the number, he stressed.",
])
def test_issue18m_no_budget_stated(note):
    assert extract(note, NOW).budget is None, extract(note, NOW)


@pytest.mark.parametrize("note", [
    # "in the new year" with nothing firmer is no date ("by the new year" still is December 31st)
    "They want to kick off in the new year, nothing firmer than that.",
    "Go-live in the new year, no date yet.",
    "He'd like to start using it in the new year.",
    # "no date", "no hard date" after a vague start: none
    "They'd like it soon, no hard date.",
    "Rollout early next year, but no firm date.",
    "Hoping to launch in spring, no set date.",
    # a budget killed or frozen for a quarter gives no buying date
    "The CFO killed the budget for Q1, so nothing moves.",
    "Their owner, who decides on everything, froze the budget for the fourth quarter.",
    "Finance slashed the marketing budget for this quarter and the project stalls.",
])
def test_issue18m_no_timeline_stated(note):
    assert extract(note, NOW).timeline is None, extract(note, NOW)


@pytest.mark.parametrize("note", [
    # a decision "made by" a date says when, not who
    "The decision has to be made by the end of January.",
    "She said a choice will be made by December 15th, one way or another.",
    "Their pick gets made by next Friday.",
])
def test_issue18m_made_by_a_date_names_no_decider(note):
    assert extract(note, NOW).authority is None, extract(note, NOW)


@pytest.mark.parametrize("note,vendor", [
    # the seller's own demo booked or had with a contact ("Booked demo w/ First Last") names no rival
    ("Booked demo w/ Nadia Fox, Contoso, for Thursday.", None),
    ("Had a demo with Peter Lund this morning; he liked the dashboards.", None),
    ("I booked a demo with Grace Ode for the 9th.", None),
    # ... but the customer's demo with a vendor still does
    ("They had a demo with Gorgias last week.", "Gorgias"),
])
def test_issue18m_our_demo_with_a_contact_is_no_rival(note, vendor):
    assert extract(note, NOW).competitor == vendor, extract(note, NOW)


@pytest.mark.parametrize("note,who", [
    # a title set beside a name (in brackets, or after a comma) names the person, typed in lower case or not
    ("fabrikam - call w/ ines. budget ok. lukas berg (their coo) signs.", "berg"),
    ("contoso: tariq (owner) approves all spend, wants it live jan.", "tariq"),
    ("Met the team at Tailspin. Dr. Amara Osei, the clinic director, has the final say.", "Osei"),
])
def test_issue18m_a_title_beside_a_name_names_the_decider(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    # "Confirmed Uma's number, and she signs": a sentence opening on a verb names nobody; "she" is the note's person
    ("Lena Park, owner at Bluebird. Confirmed Tom's figure, and she signs.", "Park"),
    ("Omar Haddad, CEO at Vertex. Checked Ana's numbers with him, and he approves.", "Haddad"),
    ("Rosa Diaz from Halcyon. Reviewed Ben's list together, she's the one who decides.", "Diaz"),
])
def test_issue18m_a_verb_opening_a_sentence_is_no_name(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    # a typed header "company - first last" names the person "he"/"she" means
    ("Contoso - lena park. 20 seats. she decides, no one else.", "park"),
    ("Tailspin - omar haddad (owner). he signs.", "haddad"),
    ("Bluebird Cafe - rosa diaz. she approves all spend.", "diaz"),
    # so does "First Last, Company, ..." as the opener
    ("Nadia Fox, Fabrikam, second chat. She makes every buying decision herself.", "Fox"),
    ("Peter Lund, Northwind, quick check-in. He signs everything over there.", "Lund"),
    ("Grace Ode, Halcyon Spa, by phone. She has the final say.", "Ode"),
])
def test_issue18m_the_opener_names_whom_the_pronoun_means(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    # the one who reported it ("what Raj said", "Kara had told me") is not whom the pronoun right after means
    ("Mia Ross, the COO at Contoso, rang me. Confirmed what Ben said, she's the approver.", "Ross"),
    ("Leo Marsh, CEO at Tailspin. Ines had told me he's the one to win over, and he signs.", "Marsh"),
    ("Ada Kim from Northwind called. Agreed with what Tom said, she decides.", "Kim"),
    # "..., meaning First Last" names whom a quoted pronoun means
    ("Sara said 'he signs everything here', meaning Jonas Berg, their owner.", "Berg"),
    ("Per Rui, 'she has the final word', meaning Alma Ruiz.", "Ruiz"),
    ("Tom put it like this: 'he decides, we just advise', meaning Ivan Holm, the MD.", "Holm"),
    # "I asked who decides and X said ...": the answer after the question is a fact
    ("I asked who signs and Lena said the CFO, Marta Voss, signs anything like this.", "Voss"),
    ("We asked who has the final say and Dev said their owner, Rita Sol, decides.", "Sol"),
    ("I asked about sign-off and Ken said Nora Bell approves it.", "Bell"),
    # a purchase that "goes through" a title names the title
    ("Ben says any renewal goes through their head of procurement, no name yet.", "procurement"),
    ("Any expansion goes through the CFO there.", "CFO"),
    ("She said every upgrade goes through their board.", "board"),
])
def test_issue18m_whom_the_pronoun_means(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    # "what they've had approved is forty" is the budget, not who approves it
    ("Dan Lee at Contoso. What they've had approved is forty. Their COO, Mia Ross, signs.", "Ross"),
    ("Ana Ruiz, Tailspin. What she has approved is twenty K; Leo Marsh, the CEO, signs.", "Marsh"),
    ("Omar, Northwind. What they've got approved is sixty, and the owner Tom Reed decides.", "Reed"),
])
def test_issue18m_what_is_approved_is_no_approver(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note", [
    # users signing up for the customer's own product sign nothing of ours
    "Their trial users sign up and then drop off within a week.",
    "Patients sign up online but half never show.",
    "Students sign up for the course and nobody follows up.",
])
def test_issue18m_users_signing_up_name_no_decider(note):
    assert extract(note, NOW).authority is None, extract(note, NOW)


@pytest.mark.parametrize("note,value", [
    # a spoken range "between A and B" is a range (its upper bound), not one number joined by "and"
    ("She said their budget is somewhere between one twenty and one fifty thousand.", 150000),
    ("They've got between forty and sixty thousand for it.", 60000),
    ("Budget lands between eighty and a hundred thousand, he thinks.", 100000),
    # a bare figure under a hundred said as money is thousands
    ("For the rollout they could stretch to forty-five.", 45000),
    ("What finance has approved is sixty, nothing more.", 60000),
    ("Then the owner chimed in: it's twenty-five for the year.", 25000),
    ("budget 'about thirty', she said.", 30000),
    ("Budget: around fifteen, maybe a bit more.", 15000),
    ("He thinks they can go up to ninety if the pilot works.", 90000),
    # the figure agreed before, said again
    ("Still the same forty K as we discussed.", 40000),
    ("Same 18k as last time.", 18000),
    ("Budget is the same twelve thousand we agreed, nothing new.", 12000),
    # a volume said before a figure ("tickets ~3k/mo") is no money; the budget said after it is
    ("Support tickets ~3k/mo, mostly refunds. budget around fifty.", 50000),
    ("Calls about 1,200 a week, they can spend forty thousand.", 40000),
    ("Orders ~5k/mo; they have twenty grand set aside.", 20000),
    # "your proposal ..., our budget is ...": the customer's words, so the budget is theirs
    ("I floated seventy and she said, no, seventy is your price, our budget is sixty thousand.", 60000),
    ("He replied that fifty is your number, our budget is forty-two thousand.", 42000),
    ("She said, that's your quote, our ceiling is thirty thousand.", 30000),
])
def test_issue18m_budget_said_short_or_in_their_words(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note", [
    # a volume per month is no budget, however it is said
    "Tickets ~2k/mo and climbing.",
    "Leads about 500 a month, mostly from ads.",
    "They handle calls around 3k/mo at peak.",
])
def test_issue18m_a_volume_is_no_budget(note):
    assert extract(note, NOW).budget is None, extract(note, NOW)


@pytest.mark.parametrize("note,step", [
    # a typed lower-case name doing the step ("yusuf will book a 15 min call")
    ("contoso - ana. stalled. ana will book a 20 min call w/ her ceo next wk.", "call"),
    ("tailspin - leo. leo will send the vendor form fri.", "vendor form"),
    ("bluebird - rosa. rosa will set up a demo for her team.", "demo"),
    # the customer's step said in the present progressive
    ("He's forwarding our security pack to their IT lead today.", "security pack"),
    ("She's passing on the case study to her partners this week.", "case study"),
    ("They're handing the proposal to procurement Monday.", "proposal"),
    # the seller's own step: "I'm taking X to my manager", "I'll take X to my VP"
    ("I'm taking the pricing question to my manager Monday.", "pricing question"),
    ("We're bringing the revised terms to our legal team tomorrow.", "revised terms"),
    ("I'll take the extension request to my director after the holiday.", "extension request"),
])
def test_issue18m_next_steps_said_in_more_ways(note, step):
    said(note, "next_step", step)


@pytest.mark.parametrize("note", [
    # our own approval needed ("I'd need my VP to approve it") is no agreed next action
    "I told him I'd need my VP to approve it.",
    "I said we need our CFO to sign off on that discount.",
    "I'd need my manager to okay any change to the price.",
])
def test_issue18m_our_own_approval_is_no_next_step(note):
    assert extract(note, NOW).next_step is None, extract(note, NOW)


@pytest.mark.parametrize("note,vendor", [
    # a vendor "dropped" after a comma is out; the one "still in" stays
    ("Freshdesk was on the shortlist, dropped after the pricing call. Gorgias still in.", "Gorgias"),
    ("Aircall got a look, then cut last week. Dialpad still in the mix.", "Dialpad"),
    ("Outreach was evaluated, ruled out on price. Apollo still in.", "Apollo"),
    # a vendor named, then "they're still looking at it"
    ("They brought up Pipedrive, they're still looking at it.", "Pipedrive"),
    ("He mentioned Attio, he's still considering it for the team.", "Attio"),
    ("She named Close, she's also evaluating it.", "Close"),
    # a vendor that pitched them is in the running
    ("Heads up, Talkdesk pitched them last week and their COO liked it.", "Talkdesk"),
    ("Apparently Gong pitched her on Tuesday.", "Gong"),
    ("Between us, Klara approached them too.", "Klara"),
])
def test_issue18m_rivals_said_in_more_ways(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note,day", [
    # "the <Month> intake, that starts on the Nth": the day is in that month
    ("She'd like it live for the March intake, which starts on the 2nd.", "2027-03-02"),
    ("They want it for the January semester, that begins on the 11th.", "2027-01-11"),
    ("Ideally running for the April season, it opens on the 6th.", "2027-04-06"),
    # a body meeting to review it is no deadline; the date they want to sign by is
    ("Their committee meets December 9th to review it, and Ana wants it signed by the end of the year.", "2026-12-31"),
    ("The partners meet on the 14th to discuss it, but they need it live by January 31st.", "2027-01-31"),
    ("The board meets next Tuesday to consider it, and Leo wants the contract signed by December 22nd.", "2026-12-22"),
])
def test_issue18m_the_date_they_buy_by(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note,need", [
    # "and they want that gone" points back at the chore said before it in the sentence
    ("So their planners spend, she said, most Mondays re-keying orders from email, all of it, and they want that gone.", "re-keying"),
    ("Ops burns hours every week copying invoices between systems, and he wants that automated.", "invoices"),
    ("Their agents chase signatures by phone all afternoon, and she wants that killed.", "signatures"),
    # a pain said after "fell over" / "slipping through"
    ("Their old tracker fell over when volume doubled.", "tracker"),
    ("Renewals are slipping through because nobody owns them.", "renewals"),
    ("The intake sheet falls over every Monday.", "intake"),
])
def test_issue18m_needs_said_in_more_ways(note, need):
    said(note, "need", need)


@pytest.mark.parametrize("note", [
    # a role held "on paper" is no paperwork pain
    "She's the approver on paper, but Tom really decides.",
    "He's the owner on paper only.",
    "Procurement is the gatekeeper on paper.",
    # contract terms asked of us are no need
    "Their legal wants net sixty instead of net thirty.",
    "They want a cap on liability at one year of fees.",
    "Procurement asked for net 45 and a liability cap.",
    # a lost customer wanting to come back states no problem by itself
    "Tidewater wants back in!",
    "Good news, Fabrikam wants back in.",
    "They want back in after the pilot elsewhere.",
])
def test_issue18m_no_need_in_terms_roles_or_returns(note):
    assert extract(note, NOW).need is None, extract(note, NOW)


@pytest.mark.parametrize("note,need", [
    # "X, that's the need": the words before name it
    ("So automated shift reminders, that's the need.", "shift reminders"),
    ("Quote approvals in one place, that's the need for them.", "quote approvals"),
    ("Faster invoice matching, that is the need.", "invoice matching"),
    # typed into "a spreadsheet" (singular) is manual work
    ("Their drivers text photos of receipts to Bo, who types them into a spreadsheet.", "receipts"),
    ("The night shift types every order into a sheet.", "order"),
    ("She copies each lead into the spreadsheet by hand.", "lead"),
    # sent from several different tools; a queue nobody owns
    ("Their appointment texts go out from two different tools.", "appointment texts"),
    ("Refund requests land in a mailbox nobody owns.", "refund requests"),
    ("Partner enquiries sit in a channel no one owns.", "partner enquiries"),
    # "the same thing X has, <need>": the need said after it
    ("The need is the same thing their Leeds office has, supplier onboarding checklists.", "supplier onboarding"),
    ("What they want is the same setup the clinic got, recall reminders by text.", "recall reminders"),
    ("Their need is the same thing Denver had, missed-call text-back.", "missed-call"),
])
def test_issue18m_needs_named_by_their_words(note, need):
    said(note, "need", need)


def test_issue18m_nobody_owning_the_deal_is_no_need():
    for note in ("Their managing partner left and nobody owns this now.", "No one owns the decision since the reorg.",
                 "Nobody owns the relationship on their side at the moment."):
        assert extract(note, NOW).need is None, (note, extract(note, NOW))


# -- issue/18n (after callnotes13) ------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    # a figure walked back (with an adverb) or said off the record is withdrawn
    "He mentioned fifty K for the budget, then walked it right back.",
    "She floated twelve thousand and then quickly walked it back, nothing is planned yet.",
    "Budget-wise he said maybe forty grand, then told me don't write that down.",
    "Ines said twenty K, off the record, they haven't even started planning.",
    # our price told to them ("told her X", "at list") is ours
    "She wanted to know the price. Told her nine thousand a year at list.",
    "I told him twelve hundred a month for the starter plan and he went quiet.",
    "He asked about cost; gave him about fifteen thousand for the whole rollout.",
    # the plan they move between with us is our price
    "They're switching from monthly (149/mo) to annual next month.",
    "Account is moving over from the monthly plan to annual, currently 89 a month.",
    "Tailspin is upgrading from month-to-month (450 a month) to a yearly contract.",
])
def test_issue18n_no_budget_stated(note):
    assert extract(note, NOW).budget is None, extract(note, NOW)


@pytest.mark.parametrize("note,value", [
    # "X was last quarter's number, it's Y now": the newer figure
    ("Their budget is twenty thousand, sorry, twenty was last quarter's number, it's eighteen now.", 18000),
    ("She said nine K, no wait, nine was last year's figure, it's eleven this year.", 11000),
    ("Budget is forty, well, forty was last cycle's number, it's thirty-five now.", 35000),
    # "a year, not per month": a monthly figure denied is the year's
    ("They've set aside eight thousand for the year, not per month.", 8000),
    ("It's five grand annually, not a month, he was clear.", 5000),
    ("Budget is three thousand for the whole year, not per month, total.", 3000),
    # another person corrects the figure: "use X", "go with X"
    ("Budget: Ana said thirty K, then her boss cut in and said thirty-five, use thirty-five.", 35000),
    ("Tom floated ten thousand but the owner said twelve works, go with twelve.", 12000),
    ("They said fifty K at first, then the CFO said sixty is fine, use sixty.", 60000),
    # a budget that lines up with our number is theirs
    ("Their budget is about 40k, lines up with our number.", 40000),
    ("budget ~25k, in line with our number.", 25000),
    ("She has thirty thousand approved, which squares with our figure.", 30000),
    # compared with the CRM amount: the figure they said is the budget
    ("Budget next year is twenty thousand, below the twenty-four we have in the CRM.", 20000),
    ("He said they have fifty K, more than the forty in our CRM.", 50000),
    ("Budget is sixty thousand, which is above the fifty-five we had in the system.", 60000),
    # "asked for two months free" is a discount, not a term: a monthly budget is still read per year
    ("Budget is five hundred a month; she asked for two months free.", 6000),
    ("They can do 300 a month, and he asked for 3 months free on top.", 3600),
    ("Max 1k a month. Asked for one month free.", 12000),
])
def test_issue18n_budget_said(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note,field", [
    # account admin asked of us (an invite resent, a W-9, accounts closed) is no step of the deal
    ("Ana Ruiz asked me to resend the meeting invite, it landed in her spam. Resent.", "next_step"),
    ("Their finance team asked for our W-9 and a voided check for vendor setup.", "next_step"),
    ("Leo asked us to close out the two extra user accounts after the downsizing.", "next_step"),
    ("Nadia asked me to reset her login, which I did.", "next_step"),
    # a request met, reported as "Done, confirmed by email" / "Sent both from ...": nothing left, and no problem of theirs
    ("Omar asked for a copy of last month's receipt. Sent it from the billing inbox.", "next_step"),
    ("Tom wanted his billing contact changed to Ines. Done, confirmed by email.", "need"),
    ("Priya asked us to remove her from the newsletter. Done, confirmed by phone.", "need"),
    ("Asked to have the old admin deactivated. Done, confirmed over chat.", "need"),
    # away from the office until a date is no buying timeline
    ("Auto-reply says Lena is out of the office until the 4th.", "timeline"),
    ("His assistant said he's away from his desk until December 9th.", "timeline"),
    ("She's traveling until the 12th, so I left a voicemail.", "timeline"),
])
def test_issue18n_nothing_stated(note, field):
    assert getattr(extract(note, NOW), field) is None, extract(note, NOW)


@pytest.mark.parametrize("note,vendor", [
    # a vendor that quoted or pitched them but that they are not entertaining is out
    ("Aircall quoted them last month but he's not entertaining it, too pricey.", None),
    ("Gorgias pitched her too; she's not considering them at all.", None),
    ("Zendesk quoted her for the same thing, way over budget, off the table.", None),
    ("Dialpad quoted him as well, but that's a non-starter for them.", None),
    # ... and another still in is the one
    ("Front quoted them but she's not entertaining it. Help Scout is still on the list though.", "Help Scout"),
])
def test_issue18n_a_vendor_not_entertained_is_out(note, vendor):
    assert extract(note, NOW).competitor == vendor, extract(note, NOW)


@pytest.mark.parametrize("note,who", [
    # a company of three capitalised words, then the person: "she decides" means the person, not the company
    ("Harbor Point Dental, Mia Ross. Wants fewer no-shows. She's the owner, she decides.", "Ross"),
    ("Silver Creek Logistics, Omar Haddad. He runs the place, he signs.", "Haddad"),
    ("North Star Realty, Lena Park. Loved the demo. She decides, it's her firm.", "Park"),
    # the first name of two people, one denied ("this is Sarah Chen, not Sarah Johnson"): the one meant
    ("Call with Ana Ruiz. To be clear, this is Ana Ruiz in finance, not Ana Ortiz from IT. Ana said she signs.", "Ruiz"),
    ("Met Tom Reed, not Tom Hale, who left. Tom confirmed he approves the spend.", "Reed"),
    ("Spoke to Ines Berg, rather than Ines Voss this time. Ines says she has the final say.", "Berg"),
    # "won't sign anything until X": the signer, with a condition
    ("Leo Marsh, the CFO. He won't sign anything until legal has read it.", "Marsh"),
    ("Dana Shaw, their COO, said she won't sign it until the security review is done.", "Shaw"),
    ("Peter Lund runs the clinic. He will not sign the contract before the pilot ends.", "Lund"),
])
def test_issue18n_whom_the_decider_means(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,vendor", [
    # "looking hard at X", "looking closely at X": still looking at X
    ("They're also looking hard at Motive for the dispatch side.", "Motive"),
    ("She's looking closely at Gorgias as well.", "Gorgias"),
    ("Honestly they're looking seriously at Aircall too.", "Aircall"),
    # "one other BPO, X", "another outsourcer, X": the vendor named after the kind
    ("He's also talking to one other BPO, TaskUs.", "TaskUs"),
    ("They got a quote from another outsourcer, Helpware.", "Helpware"),
    ("Comparing us with a call center, AnswerFirst.", "AnswerFirst"),
    # "X did a demo": a vendor that demoed to them is in the running
    ("Ines said Freshworks did a demo on Tuesday and she liked it.", "Freshworks"),
    ("Apparently Gong gave them a demo last week.", "Gong"),
    ("Front did a walkthrough for the support leads yesterday.", "Front"),
    # "If X can't ..., you're plan B": X is the one they try first
    ("If Zendesk can't fix the routing, you're plan B.", "Zendesk"),
    ("Her words: if HubSpot doesn't deliver by March, you're the backup.", "HubSpot"),
    ("Unless Klaviyo falls short on SMS, we're the fallback.", "Klaviyo"),
])
def test_issue18n_rival_said(note, vendor):
    assert extract(note, NOW).competitor == vendor, extract(note, NOW)


@pytest.mark.parametrize("note,words", [
    # "booked him/her a call": the seller booked the meeting for the person
    ("Got Nadia on the phone. Booked her a call Thursday with our AE.", "call"),
    ("Booked him a discovery session for the 3rd.", "session"),
    ("Quick chat with Peter, booked them a demo next Wednesday.", "demo"),
    # "added her to Tuesday's pricing call", "invited him to the demo": a meeting ahead with one more on it
    ("Added Ines to Thursday's review call with their CFO.", "review"),
    ("Invited him to the demo on the 4th with the ops team.", "demo"),
    ("Looped her into next week's kickoff meeting.", "kickoff"),
    # "prepping for Tuesday's call with X": a meeting that lies ahead
    ("Contoso, prepping for Monday's call with Lena.", "call"),
    ("Preparing for Friday's demo with the dispatch team.", "demo"),
    ("Getting ready for tomorrow's workshop with Omar and Ana.", "workshop"),
    # "she'll join the call", "he'll attend the demo": the person at a meeting ahead
    ("Tom will join the call with their CFO on the 9th.", "call"),
    ("She'll attend the demo on Wednesday.", "demo"),
    ("He'll sit in on Thursday's pricing review.", "pricing"),
    # a kind of meeting said first: "Scoping call with X on December 7th"
    ("Discovery call with Ana and Leo on December 4th.", "discovery"),
    ("Pricing call with their CFO next Tuesday.", "pricing"),
    ("Kickoff meeting with the ops team on the 14th.", "kickoff"),
    # "they're walking their CEO through our proposal next week": their step with our proposal
    ("They're walking their board through the proposal on Monday.", "proposal"),
    ("She's taking her CFO through our deck this week.", "deck"),
    ("He's presenting our pricing to the partners Thursday.", "pricing"),
    # a meeting moved "from Tuesday to Wednesday" is still ahead (a weekday is no rival's name)
    ("Her assistant moved the demo from Monday to Thursday.", "demo"),
    ("They rescheduled the call from Friday December 4th to Monday December 7th.", "call"),
    ("Moved our review from Tuesday the 1st to Wednesday the 2nd.", "review"),
])
def test_issue18n_next_step_said(note, words):
    said(note, "next_step", words)


@pytest.mark.parametrize("note,words", [
    # "X is the bit they care about", "... that's what she cares about": X is the need
    ("Ops went through the deck and dispatch scheduling is the bit they care about.", "dispatch"),
    ("Honestly the audit trail is the part she really wants.", "audit trail"),
    ("He wants the demo to show how reps log calls from mobile, that's what he cares about.", "mobile"),
    # "wants it to <do X>", "wants it for one thing, X": what the product is for
    ("Ana wants it to flag which trial users never log in.", "log in"),
    ("He needs the tool to chase unpaid invoices automatically.", "invoices"),
    ("Mia wants it for one thing, getting board reports out without a weekend of spreadsheet work.", "board reports"),
    # "What he wants is X", "All she wants is X"
    ("What she wants is supplier onboarding forms collected in one place.", "supplier"),
    ("Met Leo. What they really need is shift swaps handled without a group chat.", "shift swaps"),
    ("All he wants is the intake calls transcribed.", "intake"),
    # "she'd rather we build X" and "wants us to write their X": a service from us
    ("She'd rather we build out their renewal reminders as a project than license the tool.", "renewal"),
    ("He would rather we handle their inbound chat than hire two agents.", "chat"),
    ("They want us to write their nurture sequences for the spring launch.", "nurture"),
    # "wants that for the whole team": more of what was just said
    ("The trial cut their invoice processing from a week to a day, and they want that for the whole company.", "invoice"),
    ("The pilot halved their no-shows, and she wants that across every clinic.", "no-shows"),
    ("Routing got first replies under an hour, and he wants that for all the regions.", "first replies"),
    # complaints said as scattered channels or no single view
    ("Orders come in by phone, email and Instagram and nobody tracks them.", "orders"),
    ("Support requests arrive via chat, email or text, no single view of them.", "support requests"),
    ("She says nobody has a full picture of the open service tickets.", "service tickets"),
    # "we'd pull X so their managers stop phoning HQ": what it stops them doing
    ("We'd sync order status from their ERP so reps stop calling the warehouse.", "order status"),
    ("The plan is we'd push alerts to the drivers so dispatch stops texting them all day.", "alerts"),
    ("We'd pull lab results in so the nurses stop chasing them by phone.", "lab results"),
    # "... at two a.m. and the bot can't answer": a clock time ends no sentence; "keep asking" is their customers' habit
    ("Tenants keep asking about late fees at 11 p.m. and nobody answers, so she wants that handled.", "late fees"),
    ("Guests keep asking about parking at 6 a.m. and the desk is empty, so he wants that covered.", "parking"),
    ("Patients kept asking about refills at 2 a.m. and the line is closed, so they want that solved.", "refills"),
    # "a quote from X for handling Y": what they shop for
    ("They got a quote from Buildium for tracking work orders and they're weighing it.", "work orders"),
    ("Apparently there's a proposal from Zendesk for handling refund requests.", "refund"),
    ("She has pricing from Gorgias for answering order status emails.", "order status"),
    # "asking whether we'd run X": a service asked about still says the need
    ("He's asking whether we'd run their LinkedIn outreach for a quarter.", "outreach"),
    ("She wondered if we could manage their after-hours phones.", "phones"),
    ("They asked if we would handle their review replies for all stores.", "review"),
])
def test_issue18n_need_said(note, words):
    said(note, "need", words)


@pytest.mark.parametrize("note", [
    # who must be convinced, a contract term, our training: no problem of theirs
    "Tom told me: he's the one you need to convince.",
    "She said the CFO is who you need to win over.",
    "The pilot's done and they want to go annual.",
    "He wants to move to an annual plan next year.",
    "She wants the new hires trained in their first week.",
    "He'd like the support team onboarded before the launch.",
])
def test_issue18n_no_need_stated(note):
    assert extract(note, NOW).need is None, extract(note, NOW)


@pytest.mark.parametrize("note,field,value", [
    # a person of the note who "did a demo" of something is no vendor
    ("Dan Alvarez runs ops. Dan did a demo of their current process for me.", "competitor", None),
    ("Mia Ross, the owner. Mia gave a walkthrough of their intake sheet.", "competitor", None),
    ("Leo Marsh joined late. Leo ran a demo of the old CRM for us.", "competitor", None),
    # joining a company or a team is no meeting ahead
    ("She'll join the company in January as COO.", "next_step", None),
    ("He'll join their board next year.", "next_step", None),
    ("Their new CFO will attend to budgets from Q1.", "next_step", None),
    # an invite for a meeting asked again still points at the meeting
    ("Ana asked me to resend the invite for Tuesday's demo.", "next_step", "demo"),
    ("Tom asked me to resend the demo invite.", "next_step", "demo"),
    ("Ines asked us to send a new meeting invite for the pricing call.", "next_step", "pricing"),
])
def test_issue18n_limits(note, field, value):
    said(note, field, value)


@pytest.mark.parametrize("note", [
    # a day the month does not have is no timeline, and the extraction does not raise on it
    "They want it live by February thirtieth.",
    "Move the close to April 31st, she said.",
    "Go-live is June 31, according to Tom.",
])
def test_issue18n_an_impossible_day_is_no_timeline(note):
    assert extract(note, NOW).timeline is None, extract(note, NOW)


# -- issue/18o (after callnotes14) -----------------------------------------------------------------------------------


@pytest.mark.parametrize("note,field,value", [
    # the rest of our own offer, joined to it with "and then" / "plus", is still our price, not their budget
    ("We offered the starter package at four grand and then nine hundred a month for support.", "budget", None),
    ("I quoted a setup fee of three thousand, plus two hundred a month hosting.", "budget", None),
    ("I proposed an audit for five K and then twelve hundred a month to run the ads.", "budget", None),
    # ... but a budget of theirs said after our offer still counts
    ("I quoted them ten K and then she said her budget is eight.", "budget", 8000),
    # a fact the note says is beside the deal ("not related to this", "unrelated") is no timeline
    ("Their office lease ends in March, not related to this.", "timeline", None),
    ("Also their insurance renews in May, unrelated to the deal.", "timeline", None),
    ("She mentioned the payroll switch happens in April, totally unrelated.", "timeline", None),
    # "after New Year", "from the new year": open-ended, no date
    ("She wants to kick off after New Year, nothing firmer.", "timeline", None),
    ("He'd like to start after the new year.", "timeline", None),
    ("They'd roll it out from the New Year on, no date yet.", "timeline", None),
    ("They want it signed by the new year.", "timeline", "2026-12-31"),
    # "priorities" / "focus" said as a loss reason are no need of theirs
    ("He said it came down to shifting priorities and they parked the project.", "need", None),
    ("They lost budget to other priorities this quarter.", "need", None),
    ("She called to say the board changed focus and the project is dead.", "need", None),
])
def test_issue18o_invented_fields(note, field, value):
    said(note, field, value)


@pytest.mark.parametrize("note,value", [
    # a pronoun's contraction after a "Competition?" label is no vendor
    ("Competition? They'd had a look at Relay but it's not their thing.", None),
    ("Competitor: She'd rather not say.", None),
    ("Competition: They've looked at Outreach and are still weighing it.", "Outreach"),
    ("Competitor? He's been talking to Gorgias, still in.", "Gorgias"),
    # a clause taken back at once ("no wait", "scratch that") names no rival
    ("She's also evaluating Drata, no wait, she said they already run Drata for SOC 2, different purpose.", None),
    ("He's talking to Loom, scratch that, they use Loom internally for videos.", None),
    ("They're comparing us with Notion, no, sorry, they just keep their docs in Notion.", None),
    # a vendor looked at that they are not buying is out
    ("They looked at Segment too but they're not buying it.", None),
    ("She's looking at Clay, but they won't buy it, too pricey.", None),
    ("Evaluating Apollo, but they aren't going to buy it this year.", None),
])
def test_issue18o_no_rival_said(note, value):
    said(note, "competitor", value)


@pytest.mark.parametrize("note,field,value", [
    # "US" in capitals inside a quote is the country, not "us" (their side): no "Them" as the decider
    ("Jo said: 'The US office holds the money, Dana Ruiz, our COO, signs.'", "authority", "Ruiz"),
    ("Per Ken: 'Our US team pays for it and Lena Park approves it.'", "authority", "Park"),
    ("'The US parent has the budget,' Raj said, 'and Omar Haddad signs.'", "authority", "Haddad"),
    # a year's figure said with the month denied is not per month
    ("She said: 'eighteen thousand a year, I don't budget in monthly amounts.'", "budget", 18000),
    ("Budget is forty K for the year, he doesn't think in monthly terms.", "budget", 40000),
    ("Twelve thousand annually, they never plan monthly spend.", "budget", 12000),
    # a vendor's name joined by "&" is one name
    ("They're also talking to Salt & Pepper, still in.", "competitor", "Salt & Pepper"),
    ("She's getting a quote from Bright & Bold too.", "competitor", "Bright & Bold"),
    ("Also evaluating Hook & Line for the same work.", "competitor", "Hook & Line"),
    # a month past, said with a past go-live, is no buying date
    ("Their portal went live in September and they love it. They want the add-on signed by January 20th.", "timeline",
     "2027-01-20"),
    ("The chatbot launched in August; Ana is happy with it.", "timeline", None),
    ("Phase one rolled out in October, no date for phase two.", "timeline", None),
])
def test_issue18o_wrong_values(note, field, value):
    said(note, field, value)


@pytest.mark.parametrize("note,value", [
    # a deadline said as one beats a date said as an event, in the same sentence ...
    ("Their store opens May 2nd, and they need the booking flow live by April 15th.", "2027-04-15"),
    ("The conference is on June 9th, so the app has to be ready by May 20th.", "2027-05-20"),
    # ... or later in the note
    ("Their contract renews in April. Tom wants the new one signed by the end of March.", "2027-03-31"),
    ("Launch is in June. She wants the integration live before May 1st.", "2027-05-01"),
    # a date said as an event alone is still the timeline
    ("Their current contract renews in March.", "2027-03-31"),
])
def test_issue18o_a_deadline_beats_an_event(note, value):
    said(note, "timeline", value)


@pytest.mark.parametrize("note,value", [
    # a bare corrected figure takes the scale of the one it corrects
    ("Budget's twenty thousand, then he corrected himself, it's eighteen.", 18000),
    ("Maya put the budget at thirty K, Leo corrected her, twenty-five is what they have.", 25000),
    ("Budget is fifty grand, no, sorry, forty-five.", 45000),
    # ("five and a half thousand" is one figure)
    ("Budget eight thousand, then corrected himself, six and a half thousand is the number.", 6500),
])
def test_issue18o_a_bare_corrected_budget_keeps_its_scale(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note,value", [
    # an offer of ours taken up is the agreed step
    ("I offered them a free pilot on one site and they said yes.", "pilot"),
    ("We suggested a three-day workshop with the ops team and Nadia agreed.", "workshop"),
    ("I proposed a sandbox trial for their support team and he accepted.", "sandbox"),
    # "Agreed I send ...": the step agreed, said in the present
    ("Agreed I send the updated quote by Friday.", "quote"),
    ("Agreed, we share the security pack on Monday.", "security pack"),
    ("Agreed I book the kickoff with their IT lead.", "kickoff"),
    # "I'm setting her up on a trial"
    ("I'm setting him up on a sandbox Tuesday.", "sandbox"),
    ("We're setting them up with a pilot account next week.", "pilot"),
    ("I'm setting Rosa up for a trial on Monday.", "trial"),
    # what the note itself will be ("put this in his words") and a gut check asked of a colleague are no step
    ("Nadia Ruiz called. I'm going to put this mostly in her words. We book a demo for Tuesday.", "demo"),
    ("He owns it, though he'll ask his CFO for a gut check. I'm sending the order form Monday.", "order form"),
    ("She decides, but she'll ask her partner for an opinion. Trial set up for Wednesday, I'll send the login.", "trial"),
])
def test_issue18o_next_step_said(note, value):
    said(note, "next_step", value)


@pytest.mark.parametrize("note", [
    # a contract wanted "executed by" a date is the timeline, not a step
    "They need the contract executed by January 8th.",
    "She wants the order form countersigned by the 15th.",
    "He needs the paperwork executed before their year end.",
])
def test_issue18o_executed_by_is_no_step(note):
    assert extract(note, NOW).next_step is None, extract(note, NOW)


@pytest.mark.parametrize("note,value", [
    # "he"/"she" with no one named in its own sentence: the person last named before it
    ("Northwind renewal, Tom Becker again. He wants the reps on mobile. He signs.", "Tom Becker"),
    ("Quick one on Acme: Priya Shah emailed about the rollout. She holds the budget and she signs.", "Priya Shah"),
    ("Harbor Dental expansion, Nina Ross this time. Nina's team wants more seats. She approves it.", "Nina Ross"),
    # pilot decisions "sit with" someone; a typed "decision = X"
    ("Per Omar, renewal decisions sit with Lena Park.", "Park"),
    ("Per Omar, pilot decisions sit with their CFO, Ana Diaz.", "Diaz"),
    ("decision = COO Raj Mehta.", "Mehta"),
    # "no idea" about money does not make a decider said after it a guess
    ("I asked about budget and she said no idea, that's Tom Lee's area, Tom signs.", "Tom Lee"),
    ("He had no idea on price; Ana Cruz approves it anyway.", "Ana Cruz"),
    ("No idea on timing, but Ken Wu signs.", "Ken Wu"),
    # a speaker with an aside before the quote ("Zoe said, and I wrote it down, '...'")
    ("Maya Lin said, and I quote her here, 'I sign the contracts.'", "Maya Lin"),
    ("Raj Patel said, and I noted it, 'I approve every vendor.'", "Raj Patel"),
    ("Ana Cruz told me, and I wrote it down, 'I sign off on vendors.'", "Ana Cruz"),
    # a title then the name in apposition
    ("The signature is their Chief Financial Officer, Jan van Dijk.", "van Dijk"),
    ("Approval sits with their Head of Operations, Maria Lopez.", "Lopez"),
    ("Purchases sit with their Controller, Omar Haddad.", "Haddad"),
    # a signing limit and "anything above" said after a semicolon
    ("Lia can sign up to twenty thousand; anything above goes to Omar Said.", "Omar Said"),
    ("Ben approves up to 10k; anything over goes to Dana Wolfe.", "Dana Wolfe"),
    ("Ken signs up to five grand; anything above that goes to Rita Moss.", "Rita Moss"),
    # a signature "targeted for" a date says when, not who
    ("Signature is targeted for after their board meets, and their CFO signs.", "CFO"),
    ("The signature is scheduled for the week after the offsite; Ana Cruz signs.", "Ana Cruz"),
    ("Signing is planned after the audit committee, and the COO signs it.", "COO"),
])
def test_issue18o_authority_said(note, value):
    said(note, "authority", value)


@pytest.mark.parametrize("note,value", [
    # the problem said, then what they want for it in the next sentence: both are the need
    ("Half their reps never follow up on trade-show badge scans. She wants every scan emailed within an hour.", "badge scans"),
    ("Half their reps never follow up on trade-show badge scans. She wants every scan emailed within an hour.", "emailed"),
    ("His agents answer the same twenty questions about shipping every day. He wants a bot that answers from the FAQ.",
     "same twenty questions"),
    ("The tutors field the same questions in every cohort. They want an assistant that replies from the syllabus.", "syllabus"),
    # "those" with a phrase after it points back at what was said before the want
    ("Their nurses take about two hundred refill calls a day, and they want an agent to handle those in Spanish too.",
     "refill calls"),
    ("Clerks get ninety permit questions a week and she wants a bot to answer those over chat.", "permit questions"),
    ("Drivers send forty status texts a shift, and he wants the system to log those for dispatch.", "status texts"),
    # typed units of time ("takes ~3 wks"); an audit or test that "found there's no" something
    ("quoting a new job takes ~2 wks, wants it same day.", "quoting"),
    ("month-end close takes about 6 days, wants 2.", "month-end close"),
    ("Their SOC 2 audit found there's no access review on the admin accounts.", "access review"),
    ("The review showed there are no backups of the patient files.", "backups"),
    ("Their consultant flagged that they have no approval trail on refunds.", "approval trail"),
    # "want it routing ...": what they want it doing
    ("They want it routing support emails to the right queue.", "routing support emails"),
    ("He'd like it tagging every inbound call by product line.", "tagging every inbound call"),
    ("She wants the bot booking the follow-up visits.", "booking the follow-up visits"),
])
def test_issue18o_need_said(note, value):
    said(note, "need", value)


@pytest.mark.parametrize("note,value", [
    # typed meetings ahead: "booked disco w/ AE", "AE call Mon 11/30", "sent invite for demo w/ AE 12/2"
    ("booked disco w/ our AE Wed 12/2.", "disco"),
    ("passed to AE, intro sent, AE call Tue 12/8.", "call"),
    ("sent invite for demo w/ AE 12/3.", "demo"),
    ("sent the calendar invite for the pricing call on Friday.", "pricing call"),
    # "Pitch meeting with X on ...", "Chemistry session with ..."
    ("Pitch meeting with Laura on December 9th.", "pitch"),
    ("Chemistry session with their team on Thursday.", "chemistry"),
    # a typed document to a person said as a pronoun
    ("Proposal to him Tuesday.", "proposal"),
    ("Order form to them by Friday.", "order form"),
    ("SOW to her Monday.", "sow"),
])
def test_issue18o_typed_steps(note, value):
    said(note, "next_step", value)


@pytest.mark.parametrize("note,value", [
    # "two and a half grand": the half said between the figure and its scale
    ("Budget is two and a half grand for the pilot.", 2500),
    ("She has one and a half million set aside for the program.", 1500000),
    ("Their budget: three and a half thousand a year.", 3500),
    # "X said eight K for the project": what they have for the piece of work
    ("Ivy said twelve K for the project.", 12000),
    ("Omar mentioned 6k for the whole build.", 6000),
    ("Per Lena, nine grand for this campaign.", 9000),
    # ... but our figure for the project is still ours
    ("We quoted fifteen K for the project.", None),
])
def test_issue18o_budget_said(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note,value", [
    # a problem said alone, then (typed) what they want for it: both
    ("missing ~20 walk-in calls/day at the front desk. want online check-in that syncs w/ their PMS.", "online check-in"),
    ("Their techs waste hours re-keying job sheets. They want a mobile job sheet app.", "mobile job sheet app"),
    ("losing leads after 6pm. needs an auto-reply that books a callback.", "auto-reply"),
])
def test_issue18o_problem_then_want(note, value):
    said(note, "need", value)


@pytest.mark.parametrize("note,value", [
    # a date said on the success of their pilot is their target
    ("If the pilot works she wants the rollout signed by the end of January.", "2027-01-31"),
    ("If the trial goes well, they'd sign by March 15th.", "2027-03-15"),
    ("If their POC succeeds he plans to go live in Q2.", "2027-06-30"),
    # any other condition still states no date
    ("If the board approves it, they'd sign by March 15th.", None),
    ("If they get the grant, she wants it live in Q2.", None),
])
def test_issue18o_a_pilot_condition_keeps_the_date(note, value):
    said(note, "timeline", value)


@pytest.mark.parametrize("note,value", [
    # "X said ... are his to sign": the one who said it of himself
    ("Met Lia Moss and Ravi Shah. I asked who'd sign and Lia said the board, but Ravi said renewals are his to sign.", "Ravi Shah"),
    ("Sam Lee and Ana Cruz joined. Ana said tools this size are hers to sign.", "Ana Cruz"),
    ("Call with Tom Reyes and Kim Park. Kim confirmed it's hers to sign.", "Kim Park"),
])
def test_issue18o_his_to_sign(note, value):
    said(note, "authority", value)
