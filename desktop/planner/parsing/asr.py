"""Undo common speech-recognition slips before planning a transcript.

Small, conservative rewrites of what Whisper-class models write for spoken CRM instructions
(measured with benchmarks/plan_e2e_audio.py): a dropped leading "d"/"h" turns "Add a note" into
"And a note" and "Had a call" into "And a call"; "follow up on" becomes "follow upon"; numbers
come back as "100 K", "100k." or "$100,000". Typed instructions are left unchanged by these rules
(none of them matches ordinary written English).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.planner.parsing.early_slips import undo_early_slips

#: Words that say a meeting is being booked (a bare "at 1030" is then a clock time, not an amount).
_BOOKING_CUE = re.compile(r"\b(?:book|schedule|meeting|call|demo|sync|lunch|coffee|kickoff|check-?in|review|monday|tuesday|"
                          r"wednesday|thursday|friday|tomorrow|january|february|march|april|may|june|july|august|september|"
                          r"october|november|december)\b", re.I)
#: Words after "competitor" that name no rival ("the competitor is unknown", "competitor is them").
_NOT_A_RIVAL_WORD = frozenset("""the a an is are was unknown none nobody them they their it this that who which what same
still also too here there now our us we and or not no""".split())
#: Lower-case words that can follow "lost X to" without naming a rival ("lost them to inertia", "lost it to budget").
_COMMON_AFTER_LOST_TO = frozenset("""another someone something nobody inertia budget timing price pricing legal procurement
them they their inhouse internal silence competition cost costs""".split())

_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # "I'm at a note on ..." / "I'm can you book ..." -> the filler "um" heard as "I'm"
    (re.compile(r"(?:^|(?<=[,.]\s)|(?<=\bso\s))(?:I'm|I am)\s+(?=(?:at|add|can|could|book|log|move|set|mark|create|put)\b)",
                re.I), ""),
    # "And a note to the Acme deal" / "And, a note" -> "Add a note ..." (an instruction never opens with "and a note")
    (re.compile(r"^\s*and,?\s+(?=(?:a|an|another)\s+(?:note|task|reminder|to-?do|contact|deal|company)\b)", re.I), "Add "),
    # "At a new contact at Initech", "At a company called BrightWave" -> "Add a ..." ("add" heard as "at")
    (re.compile(r"^\s*at,?\s+(?=(?:a|an|another)\s+(?:new\s+)?(?:note|task|reminder|to-?do|contact|deal|company)\b)", re.I), "Add "),
    # "At a call with Rachel Adams at Northwind, they're ..." -> "Had a call ..." ("had" heard as "at")
    (re.compile(r"^\s*at,?\s+(?=(?:a|an)\s+(?:\w+\s+)?(?:call|meeting|chat|demo|conversation)\s+with\b)", re.I), "Had "),
    # "Just finish the Globex call with Priya" -> "Just finished ..." (the "-ed" lost)
    (re.compile(r"^(\s*(?:i\s+)?just\s+)finish\b(?=\s+(?:the|a|my|our|up|with)\b)", re.I), r"\1finished"),
    # "Mark Nina Patel, a Sales Qualified", "Move Zoe Price, the sales qualified lead", "Update his title, The Head of
    # Operations": "as"/"to" heard as a comma and an article before the value
    (re.compile(r"^(\s*(?:mark|move|set|update|change|make)\s+(?:[\w'-]+\s+){1,3}?[\w'-]+),\s+(?:a|an|the)\s+"
                r"(?=(?:sales|marketing)\s+qualified\b|(?:customer|evangelist|subscriber|opportunity)\b|"
                r"(?:head|vp|director|chief|manager)\b)", re.I), r"\1 to "),
    # "And 15,000 to the Acme deal" -> "Add 15,000 ..."
    (re.compile(r"^\s*and,?\s+(?=\$?\d)", re.I), "Add "),
    # "And a quick call with Linda" -> "Had a quick call ..."
    (re.compile(r"^\s*and,?\s+(?=(?:(?:a|an)\s+(?:\w+\s+)?(?:call|meeting|chat|demo|conversation)|coffee|lunch|dinner|"
                r"drinks)\s+with\b)", re.I), "Had "),
    # "Have a call with Tom from Northwind, they want ..." (no date in that clause) -> "Had a call ..."
    (re.compile(r"^(\s*(?:just\s+)?)have,?\s+(?=(?:a|an)\s+(?:\w+\s+)?(?:call|meeting|chat|demo|conversation)\s+with\b"
                r"(?![^,.;]*\b(?:tomorrow|today|tonight|next|this|on\s+\w+day|at\s+\d|in\s+\w+\s+(?:days?|weeks?)|"
                r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b))", re.I),
     lambda m: m.group(1) + ("had " if m.group(1).strip() else "Had ")),
    # "Logocall with Pinecrest" / "Log-a-call" -> "Log a call"
    (re.compile(r"\blog(?:o|-a-|\s+a\s*-?)\s*(call|meeting|note)\b", re.I), r"Log a \1"),
    # "Logical, with Mike" / "Logica with Mike" / "Logga Call with" -> "Log a call with" (the words run together)
    (re.compile(r"^\s*log(?:ical|ica|ga(?:\s+call)?|a\s*call)\b(?P<p>,?)(?P<next>\s+(?:with|on|to|for|from|about|re)\b)?", re.I),
     lambda m: "Log a call" + (m.group("next") or (":" if m.group("p") else ""))),
    # "What a call with Dan", "Plug a meeting with Hugo", "Wagon email to Maya", "Love calls with both ...", "Lug a note on":
    # "log a" heard as another word at the start of an instruction, before a kind and the person
    (re.compile(r"^\s*(?:what|plug|wag|lug|lock|blog|love|loved|lagged?|look|luck)\s+(?:a|an|the)\s+(?=(?:call|meeting|email|e-mail|note)s?\s+"
                r"(?:with|to|on|for)\b)", re.I), "Log a "),
    (re.compile(r"^\s*(?:wagon|waggin'?|wuggin'?|logan|lagan|login)\s+(?=(?:e-?mail|call|meeting|note)s?\s+(?:with|to|on|for)\b)", re.I),
     "Log an "),
    (re.compile(r"^\s*(?:love|luv|log)\s+(call|meeting|email|note)s\s+with\s+(?:both\s+)?", re.I), r"Log a \1 with "),
    # "Move it to Dental Scheduled" -> "Demo Scheduled" (the stage as a recogniser hears it)
    (re.compile(r"\bdental\s+scheduled\b", re.I), "Demo Scheduled"),
    # "Log it is a meeting" -> "Log it as a meeting"
    (re.compile(r"\blog\s+it\s+is\s+(?=(?:a|an)\s+(?:meeting|call|note|email)\b)", re.I), "log it as "),
    # "Head the QBR with Quinn Fischer today" -> "Had the QBR ..." ("had" heard as "head")
    (re.compile(r"^\s*head\s+(?=(?:a|an|the|our)\s+(?:\w+\s+)?(?:call|meeting|chat|demo|qbr|conversation|review|kickoff)\b)", re.I), "Had "),
    # "Call to Elena Garcia, she's interested" / "Discalled Omar Walsh": "Called" and "Just called" as heard
    (re.compile(r"^\s*call\s+to\s+(?=(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[a-z]+\s*,\s*(?:she|he|they)\b)", re.I), "Called "),
    (re.compile(r"^\s*(?:discalled|justcalled|just\s+cold)\b", re.I), "Just called"),
    # "follow up with Gina on two weeks" -> "in two weeks" ("in" heard as "on" before a span)
    (re.compile(r"\bon\s+(?=(?:a|one|two|three|four|five|six|\d)\s+(?:days?|weeks?|months?)\b(?!\s+(?:ago|before|after)\b))", re.I), "in "),
    # "What a call that was with Tom Becker, he loved it": an exclamation about a call had, not a question
    (re.compile(r"^\s*what\s+(?:a|an)\s+((?:\w+\s+)?(?:call|meeting|demo|chat|conversation))\s+(?:that\s+was\s+)?(?=with\b)", re.I),
     r"Had a \1 "),
    # "Logano, Tom, Orbital Freight" -> "Log a note on Orbital Freight"
    (re.compile(r"^\s*logano\b,?(?:\s+(?:on|to|the)\b,?)?", re.I), "Log a note on"),
    # "Creator Company called ..." / "Creator New Contact" -> "Create a ..." ("create a" run together)
    (re.compile(r"^\s*creator\b,?", re.I), "Create a"),
    # "Right Sarah Johnson, an email about ..." -> "Write Sarah Johnson an email ..." (homophone)
    (re.compile(r"^\s*(?i:right)\s+(?=[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,?\s+(?i:an?\s+e-?mail)\b)"), "Write "),
    # "Right on email to Linda" / "Right an email" -> "Write an email" (homophone)
    (re.compile(r"^\s*right\s+(?:an?|on|and)\s+(?=e-?mail\b)", re.I), "Write an "),
    # "New Deal Call Northwind Expansion" / "new deal, Caul ..." -> "New deal called ..."
    (re.compile(r"\b(deal|company|contact|opportunity),?\s+ca(?:ll|ul)\b,?(?=\s+(?-i:[A-Z])(?!t\b))", re.I), r"\1 called"),
    # "One was our last meeting with Linda?" / "one did we last talk to Tom" -> "When ..." (homophone at the start
    # of a question: no instruction opens with "one was" / "one did")
    (re.compile(r"^\s*one\s+(?=(?:was|were|did|is|does|do|are|will|'s)\b)", re.I), "When "),
    # "Graph an email to Jonas" / "Graph-tone-mail to James" -> "Draft ..." (no instruction opens with "graph")
    (re.compile(r"^\s*graph\b-?\s*", re.I), "Draft "),
    # homophones before a time unit: "in to weeks" / "in too weeks" -> "in two weeks", "in for days" -> "in four days"
    (re.compile(r"\b(in|within|for|next|every)\s+(?:to|too)\s+(?=(?:days?|weeks?|months?|years?|hours?)\b)", re.I),
     r"\1 two "),
    (re.compile(r"\b(in|within)\s+for\s+(?=(?:days?|weeks?|months?|years?|hours?)\b)", re.I), r"\1 four "),
    # "remind me too call Mike" -> "remind me to call Mike"
    (re.compile(r"\b(remind me|forget|need|needs|want|wants|have|has|going)\s+too\s+(?=[a-z])", re.I), r"\1 to "),
    # "and of January" / "end on month" / "by End on Year" -> "end of ..."
    (re.compile(r"\b(?:and|an|end)\s+(?:of|on)\s+(?=(?:the\s+)?(?:month|year|quarter|week|jan|feb|mar|apr|may|jun|"
                r"jul|aug|sep|oct|nov|dec)[a-z]*\b)", re.I), "end of "),
    # "Left-time voicemail" / "Left-off voice mail" -> "Left a voicemail"
    (re.compile(r"\bleft[- ]\w+\s+voice[- ]?mail\b", re.I), lambda m: m.group(0)[0] + "eft a voicemail"),
    # "Closed State" / "Closed-Date" / "closed date" -> "close date" (no CRM field is called either)
    (re.compile(r"\bclosed?[- ](?:date|state)\b", re.I), "close date"),
    # "Market lost" / "market one" -> "Mark it lost" / "Mark it won" (no instruction says "market lost")
    (re.compile(r"\bmarket\s+(?=(?:as\s+)?(?:lost|won|one|closed|dead)\b)", re.I), "mark it "),
    # "mark it one", "Mark the Hobba deal as one", "mark this as one" -> won (a deal is never marked "one")
    (re.compile(r"\b(mark(?:ed)?\s+(?:it|this|that|them|the\s+[\w\s-]{1,40}?)\s+(?:as\s+)?)one\b", re.I), r"\1won"),
    # "Log and email to Priya" / "log and call with" -> "Log an email ..." ("log an" heard as "log and")
    (re.compile(r"\blog\s+and\s+(?=(?:e-?mail|call|meeting|note|interaction)\b)", re.I), "Log an "),
    # "At a new contact at Northwind" / "Other new lead, ..." / "Other note to Felix" -> "Add a ..."
    (re.compile(r"^\s*(?:at|other|and another|another)\s+(?:an?\s+)?(?=(?:new\s+)?(?:contact|lead|deal|company|client|"
                r"customer|note|task)\b)", re.I), "Add a "),
    # "Add on a Costa as a contact" -> "Add Ana Costa ..." is a name slip we cannot undo; "Resign, Eva to
    # Morgan" is "Reassign" (nobody resigns a contact to a colleague)
    (re.compile(r"^\s*re-?sign,?\s+(?=.*\bto\s+[A-Z])", re.I), "Reassign "),
    # "in the life cycle field" -> "lifecycle"
    (re.compile(r"\blife[\s-]cycle\b", re.I), "lifecycle"),
    # "promoted to BP Marketing" -> "VP Marketing" (B and V sound alike; "BP" is no title)
    (re.compile(r"\bB\.?P\.?(?=\s+(?:of\s+)?(?:sales|marketing|engineering|operations|finance|product|growth|"
                r"revenue|partnerships|people|customer|business)\b)", re.I), "VP"),
    # "Ad Marcus Reed, ..." -> "Add ..." (no instruction opens with "ad")
    (re.compile(r"^\s*(?i:ad)\s+(?=[A-Z])"), "Add "),
    # "..., an odd 10k to the amount" -> "and add 10k" ("and add" heard as "an odd")
    (re.compile(r"\ban odd\s+(?=\$?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a)\b)", re.I),
     "and add "),
    # "December 1, 1030, No. 11." -> "..., no, 11" (the stop after "No" is the recogniser's, not an abbreviation)
    (re.compile(r",\s*No\.\s+(?=\d{1,2}(?::\d\d)?\b)"), ", no, "),
    # "Draft Linda and email with the pricing tiers" -> "an email" ("an" heard as "and" between a name and "email")
    (re.compile(r"\b((?:draft|write|send)\s+(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z'-]+)?)\s+and\s+(?=e-?mail\b)", re.I), r"\1 an "),
    # "They want the extra seats, call at 40k all in" -> "call it 40k" ("it" heard as "at" before a figure with its scale)
    (re.compile(r"\bcall\s+at\s+(?=\$?\d[\d,.]*\s*(?:k|grand|thousand)\b)", re.I), "call it "),
    # "on December 1st at 10M" -> "at 10 am" (the "a" of "am" lost: ten million is no time of day)
    (re.compile(r"\b(at\s+(?:1[0-2]|[1-9])(?::[0-5]\d)?)\s?(?-i:M)\b(?!\s*(?:dollars|bucks|ARR|in)\b)"), r"\1 am"),
    # "Boca kickoff with Eva Young" -> "Book a kickoff ..." ("book a" run together)
    (re.compile(r"\b(?:boca|booka|bookah|booker)\s+(?=(?:[\w-]+\s+)?(?:kick-?off|meeting|call|demo|check-?in|session|review|sync|intro|"
                r"catch-?up|workshop|lunch|coffee)\b)", re.I), "book a "),
    # "The Acme deal grew, odd 15k for the extra plant" -> "add 15k" ("add" heard as "odd" before a figure with its scale)
    (re.compile(r"(?:^|(?<=[,.;]\s))\s*odd\s+(?=\$?\d[\d,.]*\s*(?:k|grand|thousand)\b)", re.I), "add "),
    # "follow upon Friday" -> "follow up on Friday"
    (re.compile(r"\bfollow[- ]?upon\b", re.I), "follow up on"),
    # "Remind me, called Jonas Weber" -> "Remind me to call ..." (a reminder is about what is still to do)
    (re.compile(r"^(\W*(?:please\s+)?remind me)\W+called\b", re.I), r"\1 to call"),
    # "Mark the Upland Ventures expansion, as one" -> "... as won" (the pause became a comma)
    (re.compile(r"\b(mark(?:ed)?\s+(?:it|this|that|them|the\s+[\w\s-]{1,40}?))\s*,\s*(as\s+)one\b", re.I), r"\1 \2won"),
    # "Set up a QBR with car quiz that Delta works" -> "... with car quiz at Delta works" ("at" heard as "that")
    (re.compile(r"\b(with\s+(?:[a-z]+\s+){1,2})that\s+(?=(?-i:[A-Z])[a-z]+\s+(?:[a-z]+\s+)?(?:on|for|at|next|this|tomorrow)\b)"),
     r"\1at "),
    # "Know the 4th at 10am" -> "no, the 4th" (a correction heard as another word)
    (re.compile(r"(?:(?<=[.!?]\s)|(?<=,\s))know,?\s+(?=(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|"
                r"tenth|\w+teenth|twentieth|twenty|thirtieth|monday|tuesday|wednesday|thursday|friday|make it|wait)\b)", re.I), "no, "),
    # "at Quota, past two in the afternoon" -> "at quarter past two" ("quarter" heard as "quota")
    (re.compile(r"\bquota,?\s+(past|to)\b", re.I), r"quarter \1"),
    # "When did we last? Email Mike Rodriguez." -> one question (the recogniser's pause in the middle of it)
    (re.compile(r"\b(when did (?:we|i|you|anyone) last)\?\s+(email|call|talk to|speak (?:to|with)|meet(?: with)?|contact|hear from)\b",
                re.I), lambda m: f"{m.group(1)} {m.group(2).lower()}"),
    # "Set up a discovery, meeting with Maya" -> "a discovery meeting" (a pause inside the meeting's name)
    (re.compile(r"\b((?:set up|book|schedule|arrange|put in)\s+(?:a|an|the)\s+(?:discovery|intro|demo|kick-?off|renewal|pricing|"
                r"strategy|planning|review|check-?in|follow-?up|onboarding|training|creative|pitch)),\s+(?=(?:meeting|call|session|chat)\b)",
                re.I), r"\1 "),
    # "Look a call with Raj Zimmer" -> "Log a call ..." ("log" heard as "look")
    (re.compile(r"^(\W*)look\s+(?=(?:a|the)\s+(?:call|meeting|note|email)\b)", re.I), r"\1Log "),
    # "and Booka follow up with him" -> "book a" (two words heard as one)
    (re.compile(r"\bbooka\b", re.I), "book a"),
    # "Draft to follow up to Oliver Grant" -> "Draft a follow-up email to ..." ("a follow-up" heard as "to follow up")
    (re.compile(r"\bdraft\s+(?:to|a)\s+follow[- ]?up\s+(?=to\b)", re.I), "draft a follow-up email "),
    # "Update Carla Hughes, Email to ..." -> "Update Carla Hughes's email to ..." (the possessive heard as a pause)
    (re.compile(r"\b(update|change|set|fix|correct)\s+((?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[a-z'-]+?)'?,\s+"
                r"(e-?mail|phone(?:\s+number)?|number|title|job title|mobile)\s+(?=to\b|is\b)", re.I), r"\1 \2's \3 "),
    # "got off with a Elena Garcia" -> "with Elena Garcia" (a filler heard as "a" before a name)
    (re.compile(r"\b(with|to|for)\s+a\s+(?=(?-i:[AEIOU])[a-z]+\s+(?-i:[A-Z])[a-z])"), r"\1 "),
    # "Send Carla Carter the one-pager, log it, ..." -> "Sent ..." (what was done and is to be logged: "sent" heard as "send")
    (re.compile(r"^(\W*)send\s+(?=(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z'-]+)?\s+(?:the|our|a|an|my)\s+[^,.;]{2,40}[,.]\s*(?:log\s+it|logit)\b)",
                re.I), r"\1Sent "),
    # "Lifecycle State, the customer" -> "lifecycle stage to customer"
    (re.compile(r"\blife ?cycle\s+state\b", re.I), "lifecycle stage"),
    (re.compile(r"\b(lifecycle\s+stage)\s*,?\s+the\s+(?=(?:customer|lead|opportunity|evangelist|subscriber|other)\b)", re.I), r"\1 to "),
    # "this quota" -> "this quarter" (a period)
    (re.compile(r"\b(this|last|next)\s+quota\b", re.I), r"\1 quarter"),
    # "Dollar 45,000" -> "$45,000"
    (re.compile(r"\bdollars?\s+(?=\d)", re.I), "$"),
    # "they won a discount" -> "they want a discount" (a customer who "won" something is a want heard)
    (re.compile(r"\b(they|she|he)\s+won\s+(?=(?:a|an|the|to|more|us)\b|it\s+(?:signed|done|live|by)\b)", re.I), r"\1 want "),
    # "At 15,000 to the Onyx Health deal" / "At contact, Lena Park" -> "Add ..." (an instruction's first word heard)
    (re.compile(r"(?:^|(?<=[.!?]\s))\s*(?:at|odd|had|and)\s+(?=\$?\d[\d,.]*\s*(?:k|grand|thousand|bucks|dollars)?\s+(?:to|on)\s+(?:the\s+)?(?-i:[A-Z])"
                r"|(?:a\s+)?(?:new\s+)?contact\b)", re.I), "Add "),
    # "Created Deal for Tidal Media, ..." -> "Create deal ..." (an instruction, not a report)
    (re.compile(r"^\s*created\s+(?=(?:a\s+)?(?:new\s+)?(?:deal|contact|company|task|note)\b)", re.I), "Create "),
    # "Lunch W slash Theo Ortiz" -> "with" (typed "w/" read aloud); "log that in book one" -> "and book one"
    (re.compile(r"\b(?:w|with)\s*slash\b", re.I), "with"),
    # "Lunch with Theo, 3rd, 1230." / "Friday 1030" -> "3rd at 12:30" (a clock time after a day, colon lost)
    (re.compile(r"\b(\d{1,2}(?:st|nd|rd|th)|monday|tuesday|wednesday|thursday|friday|tomorrow|today),?\s+(1[0-2]|[1-9])([0-5]\d)\b"
                r"(?!\s*(?:k|grand|thousand|dollars|bucks|%|percent)\b)", re.I), r"\1 at \2:\3"),
    (re.compile(r"\b(log\s+(?:that|it|this))\s+in\s+(?=(?:book|schedule|set)\b)", re.I), r"\1 and "),
    # a pause the recogniser wrote inside a stage or lifecycle name: "Bump Noah to Sales, Qualified", "Proposal, Sent"
    (re.compile(r"\b(sales|marketing),\s+(qualified)\b", re.I), r"\1 \2"),
    (re.compile(r"\b(proposal|demo|closed),\s+(sent|scheduled|won|lost)\b", re.I), r"\1 \2"),
    # "Jordans taking over Quartz" -> "Jordan's" (a name's 's heard without its apostrophe, before a verb)
    (re.compile(r"\b((?-i:[A-Z])[a-z]+)s\s+(?=(?:taking|going|handling|covering|looking|getting|picking)\b)"), r"\1's "),
    # "Knock 20% of the Onyx Health deal" -> "off the" (an amount taken off, "off" heard as "of")
    (re.compile(r"\b((?:knock|take|shave|cut)\s+\$?\d[\d,.]*\s*(?:%|percent|k|grand|thousand)?)\s+of\s+(?=the\b|their\b|(?-i:[A-Z]))",
                re.I), r"\1 off "),
    # "Remind me, to send ..." -> "Remind me to"; "..., do the fourth" -> "due the fourth"; "lead stay" -> "lead stage"
    (re.compile(r"\b(remind me),\s+(?=to\b)", re.I), r"\1 "),
    (re.compile(r",\s+do\s+(?=(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|tenth|monday|tuesday|wednesday|"
                r"thursday|friday|tomorrow|next)\b)", re.I), ", due "),
    (re.compile(r"\b(lead|qualified|negotiation|scheduled|sent)\s+stay\b", re.I), r"\1 stage"),
    # "When did we last here from Maya" -> "hear from"; "Right Oliver Grant email, ..." -> "Write ..."
    (re.compile(r"\b(last|ever|first)\s+here\s+from\b", re.I), r"\1 hear from"),
    (re.compile(r"^\s*right\s+(?=(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?\s+(?:an?\s+)?e-?mail\b)", re.I), "Write "),
    # "... Email, Subject, Contract, Redlines. Saying legal has ..." -> "subject contract redlines, saying ..." (an e-mail
    # dictated with pauses: the subject's words and the body said after a full stop stay the e-mail's)
    (re.compile(r"\b(subject)(?:\s+line)?\s*,\s+((?-i:[A-Z])?[\w-]+)(?:,\s+((?-i:[A-Z])?[\w-]+))?(?=[.,])", re.I),
     lambda m: f"subject {m.group(2).lower()}" + (f" {m.group(3).lower()}" if m.group(3) else "")),
    (re.compile(r"(?<=\w)[.!]\s+(?=(?:saying|telling (?:him|her|them)|asking (?:him|her|them)|letting (?:him|her|them) know)\b)", re.I),
     ", "),
    # "Add Omar Walsh's direct line. It's plus 1-300-..." -> ", it's" (the number said after the pause is the field's)
    (re.compile(r"\b(phone(?: number)?|number|mobile|cell|direct line|email(?: address)?)[.!]\s+(?=it'?s\b)", re.I), r"\1, "),
    # "bump it by 12 and a half a K" -> "12 and a half K"
    (re.compile(r"\band a half\s+a\s+(?=(?:k|grand|thousand)\b)", re.I), "and a half "),
    # "Closed John 31" / "by John 15th" -> "Jan" (a month heard as a name before a day)
    (re.compile(r"\b(close|closing|closed|due|by|on|to|until|till)\s+john\s+(?=\d{1,2}(?:st|nd|rd|th)?\b)", re.I), r"\1 Jan "),
    # "Shoot Maya Alvarez and email with ..." -> "an email" ("an" heard as "and")
    (re.compile(r"\b(shoot|send|drop)\s+((?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)\s+and\s+(?=(?:quick\s+)?e-?mail\b)", re.I),
     r"\1 \2 an "),
    # "Bug a check in call with ..." -> "Log a ..."; "Had a new contact, ..." -> "Add a new contact"
    (re.compile(r"^\s*bug\s+(?=(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:call|meeting|note|email)\b)", re.I), "Log "),
    (re.compile(r"^\s*had\s+(?=(?:a|an)\s+new\s+(?:contact|lead|deal|company|note|task)\b)", re.I), "Add "),
    # "move it to closed loss" -> "closed lost"
    (re.compile(r"\bclosed[- ]loss\b", re.I), "closed lost"),
    # "so are that as the competitor" -> "so add that as the competitor"
    (re.compile(r"\b(so|and|then)\s+(?:are|at|and)\s+(?=that\s+as\s+(?:the|a|their)\b)", re.I), r"\1 add "),
    # "Closed Deck 15" / "closed Jan 31" -> "close Dec 15" (a close date said tersely; "deck" is "Dec")
    (re.compile(r"\bclosed\s+(?:deck|dec)\b(?=\s*\d)", re.I), "close Dec"),
    (re.compile(r"\bclosed\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d)", re.I), "close "),
    # "Close and Q1" -> "close in Q1"; "reopen the Tidal deal and Proposal Sent" -> "in Proposal Sent"
    (re.compile(r"\b(close|closing)\s+and\s+(?=Q[1-4]\b)", re.I), r"\1 in "),
    (re.compile(r"(?<!\blead)(?<!\bqualified)(?<!\bscheduled)(?<!\bsent)(?<!\bnegotiation)(?<!\bwon)(?<!\blost)"
                r"\s+and\s+(?=(?:lead|qualified|demo scheduled|proposal sent|negotiation|closed won|closed lost)\s*(?:[,.;]|$|\band\b))",
                re.I), " in "),
    # "Pump the deal to 9K" -> "Bump ..." (nobody pumps a deal)
    (re.compile(r"\bpump\s+(?=(?:the|it|that|this|them)\b|(?-i:[A-Z]))", re.I), "bump "),
    # "Next up on the Vertex deal is a security review" -> "next step on ..." (the field, heard)
    (re.compile(r"\bnext up\s+(?=(?:on|for)\s+.{1,40}?\s+is\b)", re.I), "next step "),
    # "in League" -> "in Lead" (a stage)
    (re.compile(r"\bin\s+league\b", re.I), "in Lead"),
    # "Had Omar Haddad from Juniper as a contact" -> "Add ..." (nobody "had" someone as a contact)
    (re.compile(r"^\s*had\s+(?=(?-i:[A-Z])[\w'-]+(?:\s+\S+){0,6}?\s+as\s+a\s+(?:new\s+)?contact\b)", re.I), "Add "),
    # "Just talk to Tom Becker, he mentioned ..." / "Talk to Wendy Price at Onyx, they're ..." -> "talked to"
    # (a report: the name is followed by a pause and what was said; an instruction goes on with "about")
    (re.compile(r"^(\s*(?:(?:just|so|okay|ok|right)\W+)*)talk\s+to\s+(?=(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?"
                r"(?:\s+(?:at|from|over at)\s+(?-i:[A-Z])\w*(?:\s+(?-i:[A-Z])\w*)?)?\s*,\s*(?:he|she|they|we)\b)", re.I),
     lambda m: m.group(1) + ("talked to " if m.group(1).strip() else "Talked to ")),
    # "had her as a contact" -> "add her as a contact"; "..., and had a note on it that ..." -> "and add a note"
    (re.compile(r"\bhad\s+(?=(?:him|her|them)\s+as\s+(?:a\s+)?(?:new\s+)?contacts?\b)", re.I), "add "),
    (re.compile(r"(?:(?<=\band)|(?<=\bthen)|(?<=\balso)|(?<=,))\s+had\s+(?=a\s+(?:quick\s+)?note\s+(?:on|to)\b)", re.I), " add "),
    # "But the Acme deal at 55K" -> "Put the ..." (a deal put at an amount or in a stage)
    (re.compile(r"^\s*but\s+(?=the\s+(?:[\w-]+\s+){1,3}(?:deal|opportunity)\s+(?:at|to|in(?:to)?)\s+(?:\$?\d|(?:lead|qualified|demo|"
                r"proposal|negotiation|closed)\b))", re.I), "Put "),
    # "But a note on Maya Carter" -> "Put a note on ..." (no instruction opens with "but a note")
    (re.compile(r"^\s*but\s+(?=a\s+(?:quick\s+)?note\s+(?:on|to|in)\b)", re.I), "Put "),
    # "Mark the deal is lost" -> "mark the deal as lost" ("as" heard as "is")
    (re.compile(r"\b(mark\s+(?:it|this|that|them|the\s+[\w\s-]{1,40}?))\s+is\s+(?=(?:lost|won|closed|dead)\b)", re.I), r"\1 as "),
    # "close day" -> "close date" (no CRM field is called "close day")
    (re.compile(r"\bclose\s+day\b", re.I), "close date"),
    # "Thursday at 4.30" -> "at 4:30" (a clock time written with a dot)
    (re.compile(r"\b(at|for|around|by)\s+(1[0-2]|[1-9])\.([0-5]\d)\b(?!\s*(?:k|m|million|percent|%))", re.I), r"\1 \2:\3"),
    # "next Tuesday at 1030" -> "at 10:30" (a clock time written without its colon)
    (re.compile(r"\b(at|for|around|by)\s+(1[0-2]|[1-9])([0-5]\d)\b(?=\s*(?:am|pm|a\.m\.|p\.m\.|to\b|in the\b|,|\.|$))", re.I),
     r"\1 \2:\3"),
    # "her email is Marcus.hale at Initech.example" -> "marcus.hale@initech.example" (a spoken address)
    (re.compile(r"(?:\b(?P<u>[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+)|(?<=\bemail is )(?P<u2>[A-Za-z][\w-]*))\s+at\s+"
                r"(?P<h>[A-Za-z][\w-]*)\.(?P<tld>example|com|io|co|net|org|ai|dev)\b", re.I),
     lambda m: f"{(m.group('u') or m.group('u2')).lower()}@{m.group('h').lower()}.{m.group('tld').lower()}"),
    # "at half, past four" / "a quarter. To ten" -> "half past four" (a pause heard as a comma inside a clock time)
    (re.compile(r"\b(half|quarter)\s*[,.]\s*(past|to|after)\s+(?=(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                r"twelve|noon|midnight|\d))", re.I), r"\1 \2 "),
    # "She loved the routing, once pricing for 600 seats" / "Delta Works, once a second project" -> "wants" (a want
    # heard as "once": no verb follows in the clause, which a real "once a contract is signed" has)
    (re.compile(r"(?<=[\w,])\s+once\s+(?!(?:a|an|per|every)\s+(?:day|week|month|year|quarter|"
                r"while|fortnight)\b|again\b|more\b|or\b|in\b|upon\b)(?=(?:a|an|another|some|more|pricing|to\s+[a-z]+)\b[^,.;!?]*"
                r"(?:[,.;!?]|$))(?![^,.;!?]*\b(?:is|are|was|were|be|been|gets?|got|has|have|had|comes?|came|goes|went|signs?|signed|"
                r"done|approved|closes|closed|lands?|landed|starts?|started|finish(?:es|ed)?|we|they|he|she|i|you|it)\b)", re.I),
     " wants "),
    # "they went German language support" / "they went a discount" -> "want" (nobody "went" a thing: "went" takes
    # "with", "to", "for", "dark" ...; an object straight after it is a want heard)
    (re.compile(r"\b(they|she|he)\s+went\s+(?=(?:a|an|some|more)\s+(?!(?:different|other|another|separate|new)\s+"
                r"(?:way|direction|route))\w|(?-i:[A-Z])[a-z]+\s+(?:language|support|integration|pricing|features?|"
                r"reporting|access|onboarding|training)\b)", re.I), r"\1 want "),
    # "Put in a test to call Rachel" -> "a task to call" (a "test to <verb>" is a task heard)
    (re.compile(r"\b(a|the|new)\s+test\s+(?=to\s+(?:call|email|e-mail|ping|follow|send|check|chase|reach|ring|text|book|"
                r"remind|invoice|update)\b)", re.I), r"\1 task "),
    # "reopened their dealer Qualified" -> "their deal at Qualified" ("deal at" run together, before a stage)
    (re.compile(r"\bdealer\s+(?=(?:lead|qualified|demo scheduled|proposal sent|negotiation|closed won|closed lost)\b)", re.I),
     "deal at "),
    # "Send Elena Garcia, a quick email saying ..." -> no pause between the person and what is sent
    (re.compile(r"^(\W*(?:please\s+)?(?:send|shoot|drop|write)\s+(?-i:[A-Z])[a-z'-]+(?:\s+(?-i:[A-Z])[a-z'-]+)?),\s+"
                r"(?=(?:a|an)\s+(?:quick\s+|short\s+|brief\s+)?(?:e-?mail|note|message|line)\b)", re.I), r"\1 "),
    # "At the next step on Quartz Partners" -> "Add a next step ..." (no instruction opens with "at the next step")
    (re.compile(r"^\s*(?:at|add)\s+(?:the|a)\s+(?=next step\s+(?:on|to|for)\b)", re.I), "Add a "),
    (re.compile(r"^(\s*add a next step\s+(?:on|to|for)\s+(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}),\s+", re.I), r"\1: "),
    # "Add a new laid" -> "new lead"; "make her a load" -> "a lead" (no CRM record is a "laid" or a "load")
    (re.compile(r"\bnew\s+laid\b", re.I), "new lead"),
    (re.compile(r"\b((?:make|mark|set)\s+(?:her|him|them|it|(?-i:[A-Z])[a-z]+)\s+(?:as\s+)?a)\s+load\b", re.I), r"\1 lead"),
    # "brightline.Eo" -> ".io" (a top-level domain heard as a word)
    (re.compile(r"(?<=[a-z0-9])\.eo\b", re.I), ".io"),
    # "the domain is Brightline dot io" stays for the planner; "Hannah, Dot, Moss, and Initech.example" -> an address
    # said with pauses ("at" heard as "and")
    (re.compile(r"\b(?P<a>[A-Za-z][a-z'-]+),?\s+dot,?\s+(?P<b>[A-Za-z][a-z'-]+),?\s+(?:at|and)\s+(?P<h>[A-Za-z][\w-]*)\."
                r"(?P<tld>example|com|io|co|net|org|ai|dev)\b", re.I),
     lambda m: f"{m.group('a').lower()}.{m.group('b').lower()}@{m.group('h').lower()}.{m.group('tld').lower()}"),
    # "The late Kestrel Works from the CRM" -> "Delete ..." (a record taken out of the CRM)
    (re.compile(r"^\s*the late\s+(?=(?-i:[A-Z])[^.]{1,40}?\b(?:from the (?:crm|system|workspace|database|pipeline)|deal|"
                r"contact|record)\b)", re.I), "Delete "),
    # "to 50 Grant", "by 12, Grant" -> "grand" (an amount's unit heard as the surname)
    (re.compile(r"(?<=\d)(\s*,)?\s+grant\b(?!\s+(?-i:[A-Z]))", re.I), " grand"),
    # "his new email as oliver@..." -> "is"; "Theo Price in SQL now" -> "is an SQL"
    (re.compile(r"\b((?:e-?mail|number|phone|address)(?:\s+address)?)\s+as\s+(?=[\w.+-]+@|[\w.]+\s+at\s+\w)", re.I), r"\1 is "),
    (re.compile(r"(?<=[a-z])\s+in\s+(?=(?:SQL|MQL|SAL)\b)"), " is an "),
    # "Mark M. Do Not Contact" -> "mark him" ("him" heard as the letter M)
    (re.compile(r"\b(mark)\s+(?:M\.?|em)\s+(?=(?:as\s+)?(?:do not contact|dnc|an?\s|lost|won|dead)\b)", re.I), r"\1 him "),
    # "What a call with Paula at Juniper. No answer." -> "Log a call ..." ("log a" heard as "what a")
    (re.compile(r"^\s*what a (?=(?:quick\s+)?(?:call|meeting|note)\s+(?:with|on|to)\s+(?-i:[A-Z])[^!?]*\.)", re.I), "Log a "),
    # "Nove on the Harbor Health deal" -> "Note on" ("nove" is no word)
    (re.compile(r"^\s*nove\s+(?=on|to|for)\b", re.I), "Note "),
    # "and both her a training session" -> "and book her ..." ("book" heard as "both" before a person)
    (re.compile(r"\b(and|then|so|also)\s+both\s+(?=(?:him|her|them)\s+(?:a|an|the|in|for)?\s*\w)", re.I), r"\1 book "),
    # "..., at a task." -> "add a task" (the order at the end of a report)
    (re.compile(r"(?:(?<=,)|(?<=\w))\s+at\s+a\s+(?=(?:task|reminder|note)\s*[.!]?\s*$)", re.I), " add a "),
    # "changed to plus 353-1555-0203" -> "+353-..." (the plus said as a word before digits)
    (re.compile(r"\bplus\s+(?=\d{1,3}[\s-]?\d)", re.I), "+"),
    # "Nudge me Christmas Eve to chase Quinn" / "ping me Friday to ..." -> "Remind me" (a reminder asked in other words)
    (re.compile(r"^(\W*(?:(?:please|ok|okay|so|and)\W+)*)(?:nudge|ping|poke|bug)\s+me\b", re.I), r"\1remind me"),
    # "How fat is the pipe right now?" -> "the pipeline" (sales shorthand)
    (re.compile(r"\b(the|our|my|your)\s+pipe\b(?!\s*-?\s*line)", re.I), r"\1 pipeline"),
    # "What's the dollar figure on this?" / "the price tag on Acme" -> "how much is ... worth"
    (re.compile(r"^\W*what(?:'s| is)\s+the\s+(?:dollar\s+figure|price\s+tag|number)\s+on\s+(?P<r>[^?]+?)\s*\??\s*$", re.I),
     lambda m: f"How much is {m.group('r')} worth?"),
    # "theo underscore price at gmail dot com" -> "theo_price at gmail dot com" (an address spelt out)
    (re.compile(r"\b(\w+)\s+underscore\s+(?=\w)", re.I), r"\1_"),
    # "Matt with David Kim, the CFO" -> "Met with" ("met" heard as the name Matt before "with" and a person)
    (re.compile(r"^(\W*(?:(?:okay|ok|so|just)\W+)*)(?-i:Matt)\s+with\s+(?=(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z]))", re.I), r"\1Met with "),
    # "Market lost." / "Market as won" -> "Mark it ..." ("mark it" heard as one word before a stage)
    (re.compile(r"\bmarket\s+(?=(?:as\s+)?(?:lost|won|dead|closed[- ]lost|closed[- ]won)\b)", re.I), "mark it "),
    # "to Fed15", "on Fed 3rd" -> "Feb 15" (the month's short name heard as "Fed")
    (re.compile(r"\bFed\s?(?=\d{1,2}(?:st|nd|rd|th)?\b)"), "Feb "),
    # "on December 2nd at 1030" -> "at 10:30" (a clock time written without its colon)
    (re.compile(r"\b(at|by|around)\s+(?P<h>0?[1-9]|1[0-2])(?P<m>[0-5]\d)\b(?!\s*(?:k|grand|dollars?|bucks|percent|%|seats?|users?|people)\b)"
                r"(?!,\d)(?!\s*(?:a|per|/)\s*(?:month|year|seat|user|head))", re.I),
     lambda m: f"{m.group(1)} {int(m.group('h'))}:{m.group('m')}" if _BOOKING_CUE.search(m.string)
     and not re.search(r"\b(?:amount|price|priced|budget|worth|deal\s+size)\b", m.string, re.I) else m.group(0)),
    # "..., and reminded me to send the revised proposal by Friday" -> "remind me" (an order heard in the past tense:
    # nobody is said to have reminded the user)
    (re.compile(r"(?:(?<=,\s)|(?<=\band\s)|(?<=\bso\s))reminded\s+me\s+to\b", re.I), "remind me to"),
    # "We lost Vertex to snowflake." -> the rival said last, lower-cased by the recogniser, keeps its capital
    (re.compile(r"\b(lost\s+(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,2}\s+to)\s+(?P<c>(?-i:[a-z]{4,}))(?=\s*[.!,;]|\s*$)"),
     lambda m: m.group(0) if m.group("c") in _COMMON_AFTER_LOST_TO else f"{m.group(1)} {m.group('c').capitalize()}"),
    # "Blue Harbor Realty, competitors follow up boss, and ..." -> "competitor is Follow Up Boss" (a rival's name said
    # after the field, lower-cased by the recogniser)
    (re.compile(r"\bcompetitors?\s+(?:is\s+|are\s+)?(?P<c>(?-i:[a-z]{3,})(?:\s+(?-i:[a-z]{2,})){0,2})(?=\s*(?:[,.;]|$|\s+and\b))", re.I),
     lambda m: m.group(0) if set(m.group("c").split()) & _NOT_A_RIVAL_WORD
     else "competitor is " + " ".join(w.capitalize() for w in m.group("c").split())),
    # "Big Day, Harbor Health signed for 12K, Market One" -> "mark it won" ("won" heard as the number)
    (re.compile(r"\bmarket\s+one\b", re.I), "mark it won"),
    # "Mark Poller has do not contact" -> "as" (the lifecycle or flag said after "mark <person>")
    (re.compile(r"\b(mark\s+(?:him|her|them|(?-i:[A-Z])[a-z'-]+(?:\s+(?-i:[A-Z])[a-z'-]+)?))\s+has\s+"
                r"(?=(?:do\s+not\s+contact|dnc|an?\s+(?:customer|lead|opportunity|evangelist|subscriber|mql|sql)|lost|won|dead)\b)", re.I),
     r"\1 as "),
    # "..., an other note that renewal risk is low", "..., another task to prep the deck" -> "and add a ..." (the order
    # "and add a" heard as one word)
    (re.compile(r"(?:(?<=,\s)|(?<=,))\s*(?:an\s+other|another)\s+(?=(?:note|task|reminder)\s+(?:that|to|on|for|saying)\b)", re.I),
     " and add a "),
    # "Brand refresh 30,000 stage laid", "move it to laid" -> "lead" (no stage is "laid")
    (re.compile(r"\b(stage|to|as|in|at)\s+laid\b", re.I), r"\1 lead"),
    # "put the closed date at December 18th" -> "close date"
    (re.compile(r"\bclosed\s+dates\s+(?=the\b|is\b|now\b)", re.I), "close date's "),
    (re.compile(r"\bclosed\s+date\b", re.I), "close date"),
    # "Sign Tom Becker, and Rachel Adams to Morgan." -> "Assign" (the first syllable lost) before people and a teammate
    (re.compile(r"^(\W*)sign\s+(?P<who>(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[a-z'-]+\b[^.]*)\bto\s+(?P<to>(?-i:[A-Z])[a-z]+\W*)$", re.I),
     lambda m: f"{m.group(1)}Assign {m.group('who').replace(', and ', ' and ')}to {m.group('to')}"),
    # "and harm the deal to Sam" -> "hand" (a deal handed over)
    (re.compile(r"\bharm\s+(?=(?:the\s+deal|it|them|that\s+deal|this\s+one)\s+(?:over\s+)?to\b)", re.I), "hand "),
    # "Change is titled to CEO" -> "Change his title to"
    (re.compile(r"\bchange\s+(?:is|his)\s+titled?\s+to\b", re.I), "change his title to"),
    # "Call him no answer." -> "Called him, no answer." (a report of a call that did not get through)
    (re.compile(r"^(\W*)call\s+(him|her|them|(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z'-]+)?),?\s+(?=no\s+(?:answer|reply|pickup)\b)", re.I),
     r"\1Called \2, "),
    # "Competitor on Meadow Health is epic and ..." -> "is Epic" (a rival's name lower-cased after the record)
    (re.compile(r"\b(competitors?\s+(?:on|for)\s+(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}\s+(?:is|are))\s+"
                r"(?P<c>(?-i:[a-z]{3,})(?:\s+(?-i:[a-z]{2,})){0,1})(?=\s*(?:[,.;]|$|\s+and\b))", re.I),
     lambda m: m.group(0) if set(m.group("c").split()) & _NOT_A_RIVAL_WORD
     else f"{m.group(1)} " + " ".join(w.capitalize() for w in m.group("c").split())),
    # "Next step on Ember Logistics. Get the signed pilot agreement back" -> a colon where the recogniser put a stop
    (re.compile(r"^(\W*(?:(?:add|set|update|change)\s+(?:a|the)\s+)?next\s+steps?\s+(?:on|for)\s+(?:the\s+)?(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}"
                r"(?:\s+(?-i:[a-z]+)){0,2}?(?:\s+(?:deal|account|renewal|expansion))?)"
                r"\.\s+(?=\S)", re.I), r"\1: "),
    # "Add a new company. Brightline Robotics, ..." -> "Add a new company: ..."
    (re.compile(r"^(\W*(?:please\s+)?(?:add|create)\s+(?:a\s+)?new\s+(?:company|contact|lead|deal))\.\s+(?=(?-i:[A-Z]))", re.I), r"\1: "),
    # "Delete, Kestrel Works, we never ..." -> "Delete Kestrel Works, ..." (a pause heard after the verb)
    (re.compile(r"^(\W*(?:please\s+)?(?:delete|remove))\s*,\s+(?=(?-i:[A-Z]))", re.I), r"\1 "),
    # "Love the call, set the Granite Health next step ..." -> "Log the call" (a command heard as a word it rhymes with)
    (re.compile(r"(?:^|(?<=[.,;]\s)|(?<=\band\s))love\s+(?=(?:the|a|an|that|this)\s+(?:call|meeting|note|email|voicemail)\b)", re.I), "log "),
    # "Log it is a no, and remind me ..." -> "Log it as a note"
    (re.compile(r"\blog\s+(?:it|that|this)\s+is\s+a\s+no(?:te)?\b", re.I), "log it as a note"),
    # "and add a test to prep the deck" -> "a task to" (no CRM record is a "test")
    (re.compile(r"\b(add|create|make|set)\s+a\s+test\s+to\b", re.I), r"\1 a task to"),
    # "Mark their deal loss because of ...", "deal loss to Intercom" -> "lost"
    (re.compile(r"\b(mark\s+(?:it|them|that|this|the\s+[\w&' -]{2,40}?\s+deal|their\s+deal|his\s+deal|her\s+deal))\s*,?\s+loss\b", re.I),
     r"\1 lost"),
    # "Draft to follow up to Quinn Silva" -> "Draft a follow-up to"
    (re.compile(r"\b(draft|write|send)\s+to\s+follow[- ]?up\s+(?=to\b)", re.I), r"\1 a follow-up "),
    # "set her life cycle to ..." -> "lifecycle"
    (re.compile(r"\blife\s+cycle\b", re.I), "lifecycle"),
    # "marked the platform rollout closed one", "the Upland Ventures deal as one." -> "won"
    (re.compile(r"\bclosed\s+one\b", re.I), "closed won"),
    (re.compile(r"\b((?:deal|it|them|that|this|rollout|plan|retainer|renewal)\s+as)\s+one(?=\s*(?:[.,;!]|$))", re.I), r"\1 won"),
    # "Log a nov on the Northwind renewal" -> "note"
    (re.compile(r"\b(log|add|leave|put)\s+a\s+nov\b", re.I), r"\1 a note"),
    # "procurement once it under 180", "Tidal Media once back in", "their finance lead once quarterly invoicing" -> "wants"
    (re.compile(r"\b(?P<s>procurement|legal|finance|he|she|they|lead|team|(?-i:[A-Z])[a-z]+)\s+once\s+"
                r"(?=(?:it|back|quarterly|monthly|annual|annually|a\s+(?:demo|call|quote|proposal|discount|meeting|trial|pilot)|"
                r"to\s+(?:see|get|know|start|move|sign|push|cut|add|meet|talk))\b)", re.I),
     lambda m: f"{m.group('s')} {'want' if m.group('s').lower() == 'they' else 'wants'} "),
    # "Draft a renewal reminder to Tom Becker and mentioned that ..." -> "mention that" (an "-ed" the speaker never said)
    (re.compile(r"^(\W*(?:please\s+)?(?:draft|write|send|e-?mail)\b[^.]*?\band)\s+mentioned\s+that\b", re.I), r"\1 mention that"),
    # "set her life circle stage to other" -> "lifecycle stage"
    (re.compile(r"\blife[\s-]*(?:circle|cycle)\s+stage\b", re.I), "lifecycle stage"),
    # "Email James Whitfield the white paper this morning. Log that.", "Send Jack Ueda an intro email, log it." -> the
    # "-ed" lost: what is logged happened
    # ("Email Theo Ortiz at Granite Labs. No reply yet.": no reply to an e-mail that has not gone out)
    (re.compile(r"^(\W*(?:i\s+)?(?:just\s+)?)(?P<v>e-?mail|send)\s+(?=(?-i:[A-Z])[^.?]*[.,]\s*(?:(?:and\s+)?log\s+(?:it|that|this)\b|"
                r"(?:still\s+)?no\s+(?:reply|response|answer|word)(?:\s+(?:yet|back|so far))?\W*$|(?:he|she|they)\s+(?:hasn'?t|haven'?t)\s+"
                r"(?:replied|answered|responded|gotten back)))", re.I),
     lambda m: m.group(1) + ("Emailed " if m.group("v").lower().startswith("e") else "Sent ")),
    # "Wrap the demo with Sofia Alvarez. She's ..." -> "Wrapped"; "Talk to Dan Walsh. Their ops team ..." -> "Talked to"
    (re.compile(r"^(\W*(?:just\s+)?)wrap\s+(?=(?:the|a|our|my)\s+(?:\w+\s+)?(?:call|demo|meeting|session|kickoff|qbr|review)\s+with\b)", re.I),
     r"\1Wrapped "),
    (re.compile(r"^(\W*(?:just\s+)?)talk\s+to\s+(?=(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[a-z'-]+[.,]\s+(?:he|she|they|their|his|her|we)\b)", re.I),
     r"\1Talked to "),
    # "confirm renewal terms by the tent" -> "by the 10th"
    (re.compile(r"\b(by|on|before|until|till)\s+the\s+tent\b", re.I), r"\1 the 10th"),
    # "Change her title, the VP revenue", "his title, the Chief Revenue Officer" -> "title to" ("to" heard as "the")
    (re.compile(r"\b((?:his|her|their|(?-i:[A-Z])[a-z]+(?:'s|s'))\s+(?:job\s+)?title)\s*,?\s+the\s+(?=(?-i:[A-Z])|vp\b|head\b|chief\b|director\b)",
                re.I), r"\1 to "),
    # "Remind me on Monday, the Chase Grace Liu for a referral" -> "Remind me on Monday to chase ..."
    (re.compile(r"^(\W*remind\s+me\s+(?:on\s+|by\s+|next\s+|this\s+)?(?:mon|tues|wednes|thurs|fri)day|^\W*remind\s+me\s+tomorrow)\s*,?\s+the\s+"
                r"(?=(?:chase|call|email|send|ping|follow|check|ask|book|review|prep|update|text)\b)", re.I), r"\1 to "),
    # "The Onyx renewal slipped the February" -> "slipped to February"
    (re.compile(r"\b(slipped|pushed|moved|slid|push|move|slip)\s+the\s+(?=(?:january|february|march|april|may|june|july|august|september|"
                r"october|november|december|next\s+(?:week|month|quarter|year)|end\s+of)\b)", re.I), r"\1 to "),
    # "Draft and Email to Sarah Johnson" -> "Draft an email"
    (re.compile(r"\b(draft|write|send)\s+and\s+e-?mail\b", re.I), r"\1 an email"),
    # "Oliver Grant got promoted, his Chief Data Officer at Vertex now" -> "he's" (a title after "his" with nothing owned)
    (re.compile(r"([,.]\s+)(?:his|is)\s+(?=(?:now\s+)?(?:the\s+)?(?:new\s+)?(?:chief|vp|head|director|ceo|cfo|cto|coo|cmo|cro|manager)\b"
                r"[^,.;]*\b(?:now|at)\b)", re.I), r"\1he's "),
    # "Quartz Partners said yes, close it out as one." -> "as won"
    (re.compile(r"\b((?:close|mark)\s+(?:it|this|that|them|the\s+deal)(?:\s+out)?\s+as)\s+one\b", re.I), r"\1 won"),
    # "remind me Monday to nudge Tom about the inverse", "quarterly inversing" -> invoice
    (re.compile(r"\bthe\s+inverse\b", re.I), "the invoice"),
    (re.compile(r"\binversing\b", re.I), "invoicing"),
    # "..., and logged that as a call with him." -> "log that" (an "-ed" the request never had)
    (re.compile(r"(,?\s+and\s+)logged\s+(?=(?:that|it|this)\s+as\b)", re.I), r"\1log "),
    # "Create a deal for Summit Ventures. Start a plan, 6K" -> "starter plan"
    (re.compile(r"\bstart\s+a\s+plan\b", re.I), "starter plan"),
    # "Log an email to Dan Walsh. Send him the pilot success criteria." -> ": sent him ..." (what the e-mail was)
    (re.compile(r"^(\W*log\s+an?\s+e-?mail\s+(?:to|with)\s+[^.:]{2,40}?)[.,]\s+send\s+(?=(?:him|her|them)\b)", re.I), r"\1: sent "),
    # "follow-up with Grace" / "followup with" stay verbs: the planner's rules accept both spellings
)


def undo_asr_slips(text: str) -> str:
    """``text`` with the rewrites above (and :func:`~desktop.planner.parsing.early_slips.undo_early_slips`) applied (idempotent; returns ``text`` itself when nothing
    matches).

    Example: ``"And, a note to the Acme deal, legal review pending."`` ->
    ``"Add a note to the Acme deal, legal review pending."``
    """
    text = undo_early_slips(text)
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text, count=1)
    return text


#: "5K Sorry, Amin 50K" / "sorry a mean": "sorry, I mean" as a recogniser writes it
_I_MEAN = re.compile(r"[,.]?\s+(sorry|no|actually),?\s+(?:amin|a mean|i mean|I mean|eye mean)\b,?", re.I)
_KNOW = re.compile(r"\b(actually|oh|uh|um),?\s+know\b(?=\s*[,.]|\s+(?:make|wait|sorry|straight|right)\b)", re.I)
_SPLIT_CORRECTION = re.compile(r"\b(actually,?\s+no|no,?\s+wait|sorry|i mean|scratch that)\s*[.!]\s+"
                               r"(?=(?:make|change|set) (?:it|that)\b)", re.I)
#: A correction after a full stop the recogniser put at the pause: "to December 20th. Sorry, the 22nd.",
#: "with Rachel. No. Sorry. Tom Becker." ("... No, make it ..." is a restart the planner reads as such)
_STOP_CORRECTION = re.compile(
    r"(?<=\w)[.!?]\s+(?P<cue>(?:no|sorry|actually|wait|i mean)(?:[.,]?\s+(?:no|sorry|actually|wait|i mean))*)[.,]?\s+"
    r"(?=(?:the\s+)?\d|(?:it'?s|to|on|at)\s+\w|with\s+(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?\W*$|(?-i:[A-Z][a-z]+)(?:[.,]|\s+(?-i:[A-Z]))"
    # "Friday at 9. No. Make it 10.", "closer to 6 grand. No, let's say 6500.": a new number for the one said
    # (a bare "No" only: "Actually no, make it 55k" is a restart the planner reads as such)
    r"|(?<=[.!?]\sno[.,]\s)(?:let'?s say|make it|make that)\s+(?:(?:at|to)\s+)?\$?\d"
    # "Book a check-in with Jonas on Thursday. Actually make it Friday at 9am.": a new day for the one said
    r"|(?:make it|make that|let'?s say|let'?s do)\s+(?:(?:on|for)\s+)?(?:next\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|(?<=[.!?]\sNo[.,]\s)(?:let'?s say|make it|make that|Let'?s say|Make it|Make that)\s+(?:(?:at|to)\s+)?\$?\d)", re.I)
#: "closer to 6 grand, no. Let's say, 6500.": the speaker's "no" closed with a full stop before the new number.
_NO_STOP = re.compile(r",\s*(no|sorry|wait)[.!]\s+(?=(?:let'?s say|make it|make that)\b,?\s*(?:(?:at|to)\s+)?\$?\d)", re.I)
#: "... up to 90 grand. No way. Make it 85": "no wait" heard as "no way" before a new number.
_NO_WAY = re.compile(r"(?<=\w)[.!,]\s+no way[.,]?\s+(?=(?:let'?s say|make it|make that)\s+(?:(?:at|to)\s+)?\$?\d"
                     # "Make Morgan the owner of the Tidal deal. No way. Give it to Jordan.": the same record given again
                     r"|(?:give|hand|assign|make|set|move|put|change|push)\s+(?:it|that|them|him|her|the\s+\w+)\b)", re.I)
#: A new day taken back after a full stop: "... on Wednesday at 4. No actually make it Thursday, same time."
_STOP_RESCHEDULE = re.compile(r"(?<=\w)[.!]\s+(?P<cue>no,? actually|actually,? no|no,? wait|no|sorry)[.,]?\s+(?=make it\s+(?:on\s+)?"
                              r"(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|next\s+\w+day)\w*\b)", re.I)
#: A question the recogniser closed where the speaker went on: "Can you set up a meeting with Nina? Let's
#: say Thursday ...", "Could you write up an email to Hugo? Just tell him ..."
_REQUEST_GOES_ON = re.compile(r"^(?P<req>\W*(?:(?:so|okay|ok|hey)\W+)?(?:can|could|would|will) you\b[^?.]*)\?\s+"
                              r"(?P<next>(?:let'?s say|say|just|and|maybe|ideally|preferably|tell|ask|make it|for|on|at|by)\b)", re.I)


#: "they picked Gong, no, not Gong, it was Chorus": the name taken back and the one put in its place.
_NOT_X_IT_WAS = re.compile(r"\b(?P<x>(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*)?),?\s+(?:no|sorry|wait),?\s+not\s+(?P=x),?\s+"
                           r"(?:it\s+was|it'?s|it\s+is|they\s+(?:went\s+with|picked|chose)|but|rather)\s+(?=(?-i:[A-Z]))", re.I)
#: "Log an email to Zoe Silva, wait, not Zoe, Eva Young": the person taken back by first name, the one meant after.
_NOT_FIRST_NAME = re.compile(r"\b(?P<x>(?-i:[A-Z])[a-z]+)(?:\s+(?-i:[A-Z])[a-z'-]+)?,?\s+(?:wait|no|sorry),?\s+not\s+(?P=x),?\s+"
                             r"(?=(?-i:[A-Z])[a-z]+)")
#: "Set Gina back to, uh, subscriber? No, lead.": a label asked of oneself and answered.
_LABEL = (r"(?:lead|subscriber|customer|opportunity|evangelist|other|qualified|negotiation|proposal sent|demo scheduled|"
          r"closed won|closed lost|(?:marketing|sales)[- ]qualified(?: lead)?|mql|sql)")
_ASKED_LABEL = re.compile(rf"\b(?P<old>{_LABEL})\?\s+no,?\s+(?P<new>{_LABEL})\b[.,!]?(?:\s+(?:just|only)\s+(?P=new)\b[.,!]?)?", re.I)


_VALUE_AHEAD = (r"(?=\$?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
                r"sixty|seventy|eighty|ninety|a hundred|half|quarter|mid|end|early|late|next|the\s+\w+(?:th|st|nd|rd)\b|"
                r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|(?:mon|tues|wednes|thurs|fri)day|closed)\b)")
#: A value said again after a hedge: "seventy, call it seventy-four", "three, or maybe four, let's say four",
#: "end of the year, well, realistically mid-January, put the fifteenth", "Marketing Director, er, VP Marketing".
#: The speaker says they do not know which of the figures: nothing is taken back (the planner asks).
_UNDECIDED = (r"(?![^;]{0,80}?\b(?:don'?t know|do not know|not sure|no idea|can'?t decide|haven'?t decided|undecided|who knows)\b"
              r"(?![^;]{0,60}?\b(?:let'?s say|let'?s go with|call it|make it|go with)\b))")  # ("..., I'm not sure, let's say four")
_HEDGED_AGAIN = re.compile(_UNDECIDED + r",\s*(?:(?:or maybe|well|er|erm|i'?m not sure|realistically|probably|hmm)\s*,?\s*)*"
                           r"(?:call it|let'?s say|let'?s go with|put|make it|or maybe|realistically|er|erm|well),?\s+(?:it\s+(?:at|to)\s+)?"
                           + _VALUE_AHEAD, re.I)
#: A figure said again after a hedge: "maybe seventy, call it seventy-four", "at three, or maybe four, let's say four".
_NUMBER_AGAIN = re.compile(r"(?<=\w)" + _UNDECIDED + r",\s*(?:(?:or maybe|i'?m not sure)\s*,?\s*)*(?:call it|let'?s say|let'?s go with|or maybe)\s+"
                           r"(?=\$?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
                           r"fifty|sixty|seventy|eighty|ninety|a hundred)\b)", re.I)
_SAID_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
                          r"sixty|seventy|eighty|ninety|hundred)\b", re.I)
#: "Marketing Director, er, VP Marketing": a name or title said again after "er".
_ER_AGAIN = re.compile(r",\s*(?:er|erm|or rather|i mean),\s+(?=(?-i:[A-Z]))", re.I)
#: "We lost them to Monday.com? No, it was Asana.": the name asked and answered.
_ASKED_NAME = re.compile(r"(?<=\w)\?\s+no,?\s+(?:it\s+was|it'?s|it\s+is|they\s+(?:went\s+with|picked|chose))\s+(?=(?-i:[A-Z]))", re.I)
#: "Move it to proposal, hold on, they signed this morning, make it closed won": the value said after "hold on".
_HOLD_ON = re.compile(r",\s*(?:hold on|hang on|wait)\s*,\s*(?P<why>[^,.;]{3,60}),\s*make it\s+", re.I)
#: ", no, four, no, four": the same value taken back to twice.
_SAID_TWICE = re.compile(r"(,\s*no,\s*(?P<v>[^,.;]{1,30}))(?:,\s*no,\s*(?P=v))+(?=[,.;]|$)", re.I)


def join_spoken_corrections(text: str) -> str:
    """Repair how a recogniser writes a spoken self-correction, so it reads as one:
    "actually know, make it 85" -> "actually no, make it 85" (homophone); "at 4pm, sorry. Make it
    Friday" -> "at 4pm, sorry, make it Friday" (the pause became a full stop); "they picked Gong, no, not Gong,
    it was Chorus" -> "they picked Chorus"; "back to subscriber? No, lead." -> "back to lead.". Returns ``text``
    unchanged when none is present."""
    # "Move Acme to negotiation, no, keep it in qualified" -> "..., no, qualified" (the value kept is the correction)
    text = re.sub(r"(,\s*no,?\s+)(?:keep|leave)\s+(?:it|them|that)\s+(?:in|at|as)\s+", r"\1", text, flags=re.I)
    text = _NOT_X_IT_WAS.sub("", text)
    text = _NOT_FIRST_NAME.sub("", text)
    text = _ASKED_NAME.sub(", no, ", text)
    text = _HOLD_ON.sub(", actually no, ", text)
    text = _ER_AGAIN.sub(", no, ", text)
    text = _NUMBER_AGAIN.sub(lambda m: ", no, " if _SAID_NUMBER.search(re.split(r"[.;!?]", text[:m.start()])[-1]) else m.group(0),
                             text)  # (only when a figure was said before it: "Meadow Health, call it eighty-five" sets it)
    text = _SAID_TWICE.sub(r"\1", text)
    text = _ASKED_LABEL.sub(lambda m: f"{m.group('new')}.", text)
    text = _KNOW.sub(lambda m: f"{m.group(1)} no", text)
    text = re.sub(r"\bno,?\s+weight\b", "no wait", text, flags=re.I)  # "two hundred, no weight, 250,000" (a homophone)
    # "on December 3rd. Know the 4th at 10am" -> "..., no, the 4th ..." ("no" heard as "know" after the pause)
    text = re.sub(r"[.!?,]\s+know,?\s+(?=(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|tenth|\w+teenth|"
                  r"twentieth|twenty|thirtieth|monday|tuesday|wednesday|thursday|friday|make it|wait)\b)", ", no, ", text, flags=re.I)
    # "Move X to Qualified, actually no, straight to Demo Scheduled" -> "..., actually no, Demo Scheduled"
    text = re.sub(r"(\b(?:actually\s+no|no|sorry|wait)\b,?\s+)(?:straight|right|directly)\s+(?:to|into)\s+", r"\1", text, flags=re.I)
    text = _NO_WAY.sub(", no wait, ", text)
    text = _NO_STOP.sub(lambda m: f", {m.group(1).lower()}, ", text)
    text = _REQUEST_GOES_ON.sub(lambda m: f"{m.group('req')}, {m.group('next').lower()}", text)
    text = _STOP_CORRECTION.sub(
        lambda m: ", " + ", ".join(re.findall(r"i mean|no|sorry|actually|wait", m.group("cue").lower())) + ", ", text)
    text = _STOP_RESCHEDULE.sub(lambda m: f", {m.group('cue').lower()}, ", text)
    text = _I_MEAN.sub(lambda m: f", {m.group(1).lower()}, I mean", text)
    return _SPLIT_CORRECTION.sub(lambda m: f"{m.group(1)}, ", text).replace(", Make it", ", make it") \
        .replace(", Make that", ", make that").replace(", Change it", ", change it").replace(", Set it", ", set it") \
        .replace(", Let's say", ", let's say").replace(", Lets say", ", lets say") \
        .replace("let's say, ", "let's say ").replace("Let's say, ", "let's say ")


#: Spoken fillers ("uh", "um", "erm", "hmm") with the commas a recogniser puts around them.
#: ", what," said while thinking ("push the close out to, what, the 18th"): no word of the instruction.
_WHAT_PAUSE = re.compile(r",\s*what\s*,\s*(?=(?:the|a|an|\$?\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|"
                         r"fifty|sixty|seventy|eighty|ninety|next|this|mon|tues|wednes|thurs|fri|jan|feb|mar|apr|may|jun|jul|aug|"
                         r"sep|oct|nov|dec)\w*\b)", re.I)
_FILLER = re.compile(r"(?:,\s*)?\b(?:u+h+|u+m+|e+r+m+|hm+|mhm|hum|ah)\b\s*,?"
                     # "um" heard as "Uma" (a workspace first name) between pauses: "..., Uma, give the deal to ..."
                     r"|(?:(?<=^)|,|(?<=\.)|(?<=\band\s))\s*uma\s*,(?!\s*(?-i:[A-Z])[a-z]+\s*(?:,|\s+at\b|\s+from\b))", re.I)
#: A full stop the recogniser put at the pause before a filler: "Book a demo with Priya. Uma, next Thursday at 3.30" - the
#: hesitation goes on the same sentence.
_STOP_BEFORE_FILLER = re.compile(r"(?<=[a-z0-9])\.\s+(?=(?:u+m+|u+h+|uma|ah|e+r+m+|hm+)\s*,\s*(?:next|this|on|at|by|around|"
                                 r"tomorrow|today|monday|tuesday|wednesday|thursday|friday|the\s+\d|\d|thanks|thank|ask|say|tell|"
                                 r"make\s+(?:it|that))\b)", re.I)
#: "yeah" said as a filler: "so yeah, mark it closed won", "..., yeah, set a task".
_YEAH = re.compile(r"\b(?P<so>so),?\s+yeah\b\s*,?|,\s*yeah\s*,", re.I)
#: A self-correction starting right after a filler ("..., uh sorry, forty five k").
_CORRECTION_NEXT = re.compile(r"\s*(?:sorry|no|nope|i mean|actually|rather|make (?:it|that)|scratch that|wait)\b", re.I)
#: A command's verb right after a pause between commas.
_COMMAND_NEXT = re.compile(r"\s*(?:(?:and|so|then|also|please)\s+)*(?:book|log|set|move|mark|add|put|remind|schedule|send|draft|"
                           r"email|create|push|change|update|make|give|assign|bump|drop|try|follow up|ping|call(?!\s+(?:it|that|this)\b)|reopen|delete|remove|"
                           # "Draft him an email, subject contract timing, um, say we can hold the price": what the e-mail says
                           r"say|tell\s+(?:him|her|them)|let\s+(?:him|her|them)\s+know|mention|ask)\b", re.I)
#: A new clause's subject right after a pause.
_CLAUSE_NEXT = re.compile(r"\s*(?:he|she|they|we|i)\b(?!\s*,)", re.I)
_NOTE_FIRST = re.compile(r"^\W*(?:please\s+)?(?:add|put|leave|make|log|drop)\s+(?:a\s+)?(?:quick\s+)?note\b", re.I)
#: The note's record said as "here"/"on this one" just before a pause: "Log a note here, um, go-live slipped".
_NOTE_HERE = re.compile(r"\bnote\s+(?:here|on\s+(?:this|that)(?:\s+(?:one|deal|contact|account|record))?|on\s+(?:him|her|them|it))\s*$",
                        re.I)
#: Hedges said between commas inside a phrase: "bump Quartz to, like, Proposal Sent".
_HEDGE = re.compile(r"(?<=\w),\s*(?:like|you know|let'?s say|kind of|sort of|basically)\s*,\s*", re.I)
#: A hedge before a day and time: "..., let's say Thursday, half past nine" -> "..., Thursday, half past nine"
#: (only with a time: "maybe next year", "maybe Friday" stay hedged, as call notes say them).
_WHEN_HEDGE = re.compile(r",\s*(?:let'?s say|maybe|ideally|preferably|how about)\s+(?=(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|"
                         r"next\s+(?:mon|tue|wed|thu|fri|sat|sun)\w*|the\s+\d|\d|noon|half past|quarter (?:past|to))\w*\b"
                         r"(?=[^.;]{0,30}(?:\d|noon|morning|afternoon|evening|half past|quarter|[ap]\.?m\b)))",
                         re.I)
#: A small word said twice around a pause: "to the, uh, the 15th" -> "to the 15th".
_REPEAT = re.compile(r"\b(the|a|an|to|at|on|in|is|he|she|he's|she's|they|they're|it|it's|we|i|for|with|and|so|that)"
                     r"(?:\s*,)?\s+\1\b", re.I)


def strip_fillers(text: str) -> str:
    """Remove what a speaker says while thinking, so the words of the instruction meet again:
    "move the, uh, the Delta deal to, like, Negotiation" -> "move the Delta deal to Negotiation";
    "I, um, had a great chat" -> "I had a great chat". Hedges are removed only between commas
    ("I'd like, a call" keeps its "like"). Text without fillers comes back unchanged."""
    text = _WHAT_PAUSE.sub(" ", text)  # "to, what, the 18th of December"
    text = _STOP_BEFORE_FILLER.sub(", ", text)
    if not (_FILLER.search(text) or _HEDGE.search(text) or _WHEN_HEDGE.search(text) or _YEAH.search(text)):
        return text
    def filler(m: re.Match[str]) -> str:
        if re.fullmatch(r",\s*uma\s*,", m.group(0).strip(), re.I):
            # "Orbital Freight, Uma, Jonas wants ...": the pause stays; "Next step on Onyx is, Uma, get ...": the words go on
            return " " if re.search(r"\b(?:is|are|was|to|the|a|an|for|with|at|on|in|of|by|as|and|or|that)\s*$", text[:m.start()],
                                    re.I) else ", "
        # "forty k, uh sorry, forty five k": the pause before a self-correction stays a comma
        if m.group(0).lstrip().startswith(",") and (_CORRECTION_NEXT.match(text, m.end())
                                                    or (m.group(0).rstrip().endswith(",") and _CLAUSE_NEXT.match(text, m.end())
                                                        and _NOTE_FIRST.match(text))):
            # "add a note on Leo Ueda, um, he typed ...": the pause after the note's record ends it
            return ", "
        if m.group(0).lstrip().startswith(",") and m.group(0).rstrip().endswith(",") and re.match(
                r"\s*the\s+(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fifth|eighth|ninth|twelfth|twentieth|thirtieth|"
                r"(?:twenty|thirty)[- ]\w+|\w+teenth|\w+th)\b\s*[,.]", text[m.end():], re.I):
            return ", "  # "Book her for a follow-up demo, um, the third, at one pm": the day said on its own
        if m.group(0).lstrip().startswith(",") and m.group(0).rstrip().endswith(",") and _CLAUSE_NEXT.match(text, m.end()) \
                and re.match(r"\s*(?:he|she|they|we)(?:'s|'re|'ve|'d|'ll)?\s+(?:\w+ed|wants?|needs?|said|says|is|are|was|were|had|has|"
                             r"have|will|would|can|could|might|don'?t|didn'?t|do|does|think|thinks|went|got|chose|picked|signed|brought|built|took|"
                             r"made|lost|left|found|bought|sent|kept|gave|came|ran|told|just|still|already|never|really)\b",
                             text[m.end():], re.I) \
                and not re.search(r"\b(?:to|the|a|an|for|with|at|on|in|of|by|as|and|or|that|told|asked|tell|ask|said|say)\s*$",
                                  text[:m.start()], re.I):
            return ", "  # "We lost Delta to HubSpot, um, they wanted everything in one suite": a new clause after the pause
        if m.group(0).lstrip().startswith(",") and m.group(0).rstrip().endswith(",") and _NOTE_FIRST.match(text) \
                and _NOTE_HERE.search(text[:m.start()]):
            return ", "  # "Log a note here, um, go-live slipped a week": what follows the pause is the note
        if m.group(0).lstrip().startswith(",") and m.group(0).rstrip().endswith(",") and _COMMAND_NEXT.match(text, m.end()) \
                and not re.search(r"\b(?:to|the|a|an|for|with|at|on|in|of|by|as|is|be|and|or|that|next step)\s*$", text[:m.start()], re.I):
            # ("Set the Vertex next step to, uh, schedule the kickoff": the words after the pause finish the clause)
            return ", "  # "... on the third at eleven, um, book that": a pause before a command ends the clause
        if m.group(0).lstrip().startswith(",") and m.group(0).rstrip().endswith(",") \
                and re.search(r"(?-i:[A-Z])[\w&'-]+\s+(?-i:[A-Z])[\w&'-]+$", text[:m.start()]) \
                and re.match(r"\s*(?-i:[A-Z])[a-z'-]+\s+(?-i:[A-Z])[a-z'-]+", text[m.end():]):
            return ", "  # "two contacts at Willow Group, um, Nora Blake, CFO": two names keep the comma between them
        return " "

    out = _HEDGE.sub(" ", _FILLER.sub(filler, text))
    out = _YEAH.sub(lambda m: m.group("so") or ",", out)  # "..., so yeah, set a task for that" -> "..., so set a task ..."
    out = _WHEN_HEDGE.sub(", ", out)
    out = _REPEAT.sub(lambda m: m.group(1), out)
    out = re.sub(r"\s+,", ",", re.sub(r"[ \t]{2,}", " ", out))
    out = re.sub(r",\s*,+", ",", out)
    out = re.sub(r"^\W+(?=\w)", "", out)
    return out.strip()


_SHORT_DAYS = {"mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
               "thur": "Thursday", "thurs": "Thursday", "fri": "Friday"}
_SHORT_DAY = re.compile(r"(?:(?<=\s)|^)(?P<d>mon|tues?|wed|thur?s?|fri)\.?"
                        r"(?=\s+\d|\s+at\b|\s*[,.;]|\s*$|\s+(?:morning|afternoon|evening|noon|am|pm)\b)", re.I)
_SHORT_WORDS = ((re.compile(r"\bw/\s*|\bw\b(?=\s+[A-Za-z])", re.I), "with "),
                (re.compile(r"\bmtgs?\b", re.I), "meeting"), (re.compile(r"\bappt\b", re.I), "appointment"),
                (re.compile(r"\bfwd\b", re.I), "forward"), (re.compile(r"\bpl[sz]\b", re.I), "please"),
                (re.compile(r"\bb/c\b", re.I), "because"), (re.compile(r"\bre:\s*", re.I), "about "))


def expand_shorthand(text: str) -> str:
    """Typed shorthand spelled out: "book mtg w gina fri 4pm" -> "book meeting with gina Friday 4pm",
    "call back kara thurs" -> "... Thursday". Weekday abbreviations only where a day can stand
    (before a time, a comma or the end, after "on/for/by/next"). Unchanged text without any."""
    for pattern, word in _SHORT_WORDS:
        text = pattern.sub(word, text)
    text = _SHORT_DAY.sub(lambda m: _SHORT_DAYS[m.group("d").lower()], text)
    return re.sub(r"[ \t]{2,}", " ", text)


_GLUED_ADDRESS = re.compile(r"(?P<pre>\b[A-Za-z][\w-]*\.)?(?P<em>e-?mail)?(?P<u>[A-Za-z][\w.]*?)\.?at(?P<h>[a-z][\w-]{2,})"
                            r"\.(?P<tld>example|com|io|co|net|org|ai|dev)\b", re.I)


def unglue_addresses(text: str, domains: Callable[[str], str | None]) -> str:
    """``text`` with e-mail addresses the recogniser ran together put back: "Initech.emailhannah.moss.atinitech.example"
    -> "Initech. email hannah.moss@initech.example"; "Oliveratvertexanolytics.example" -> "oliver@vertexanalytics.example".
    ``domains(host)`` returns the workspace's domain that ``host`` ("vertexanolytics.example") is, or None; only such
    addresses are rewritten (a word that merely contains "at" before a host nobody has stays as it is)."""
    def fix(m: re.Match[str]) -> str:
        host = f"{m.group('h')}.{m.group('tld')}".lower()
        known = domains(host)
        if known is None or len(m.group("u")) < 2:
            return m.group(0)
        pre = f"{m.group('pre')[:-1]}. " if m.group("pre") else ""
        return f"{pre}{'email ' if m.group('em') else ''}{m.group('u').lower().strip('.')}@{known}"

    def spaced(m: re.Match[str]) -> str:
        known = domains(f"{''.join(m.group('h').split())}.{m.group('tld')}".lower())
        user = re.sub(r"\s+dot\s+", ".", m.group("u"), flags=re.I).lower()
        return f"{user}@{known}" if known is not None else m.group(0)

    if "at" not in text.lower():
        return text
    # "Oliver at Vertex Analytics.example": the host's words written apart
    return _SPACED_HOST.sub(spaced, _GLUED_ADDRESS.sub(fix, text))


_SPACED_HOST = re.compile(r"\b(?P<u>[A-Za-z][\w.]*(?:\s+(?i:dot)\s+[A-Za-z][\w.]*)*)\s+at\s+(?P<h>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){1,2})\."
                          r"(?P<tld>example|com|io|co|net|org|ai|dev)\b")

