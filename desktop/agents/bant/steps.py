"""Next step: the agreed next action (the seller's own "I'll send the deck" counts)."""

from __future__ import annotations

import re

from desktop.agents.bant.asides import MET_AFTER_COMMA
from desktop.agents.bant.text import _clauses, _clean, _seller_pronoun

# -- next step -----------------------------------------------------------------------------------
_WHEN = (r"(?:next |this )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|\d{1,2}/\d{1,2}\b|(?:the )?\d{1,2}(?:st|nd|rd|th)?|(?:the )?(?:first|second|third|"
         r"\w+th)\b|"
         r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s")
#: A day said plainly (not "with", which :data:`_WHEN`'s "\w+th" also reads): a weekday, "12/2", "December 9", "the 9th".
_DAY = (r"(?:next |this )?(?:mon|tues|wednes|thurs|fri)day|tomorrow|next week|\d{1,2}/\d{1,2}|\d{1,2}(?:st|nd|rd|th)|"
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}|the (?:first|second|third|fourth|fifth|\w+teenth|"
        r"twentieth|thirtieth)")
_NEXT_CUE = re.compile(
    r"\b(?:next steps?\s*(?:is|are|will be|:|-|,|would be|=)?\s*(?:to\s+|that\s+|for\s+)?|next\s*:\s*|^next,\s+|"
    r"(?:^|(?<=, ))(?=(?:the )?(?:contract|proposal|quote|order form|deck|sow|msa|paperwork)s? (?:goes |going |is going )?"
    r"(?:out|over|sent|to (?:their|the|her|his) (?:lawyers?|legal|counsel|attorneys?|procurement|board))\b|"
    # "Proposal goes to her Tuesday": our document to the customer, with its day
    r"(?:the |a |our )?(?:revised |updated |final |new )?(?:contract|proposal|quote|order form|deck|sow|msa|paperwork)s? (?:goes|is going|"
    r"will go) to (?:her|him|them|(?-i:[A-Z][a-z]+))\b(?=[^.;]*\b(?:" + _DAY + r"|next week|this week)\b))|"
    # a document's next move said bare: "Paperwork next week.", "Order form Monday."
    r"^(?=(?:the |a |our |their )?(?:signed |signing |final |revised |renewal |expansion )?(?:paperwork|order form|proposal|quote|sow|msa|"
    r"contract)s?,? (?:(?:on|by|early|later|sometime) )?(?:next week|this week|tomorrow|(?:next |this )?(?:mon|tues|wednes|thurs|fri)day|"
    r"\d{1,2}/\d{1,2})[.!]?$)|"
    # a typed step: "Revised proposal to Priya by Friday.", "Order form to Tom Monday."
    r"^(?=(?:the |a )?(?:revised |updated |final |new |signed |renewal |draft )?(?:contract|proposal|quote|order form|deck|sow|msa|"
    r"paperwork|one-pager|pricing sheet)s? to (?:(?-i:[A-Z][a-z]+)|her|him|them)\b)|"
    # a typed step from us: "Expansion quote from me on Monday."
    r"^(?=(?:[\w-]+ ){0,2}(?:contract|proposal|quote|order form|deck|sow|msa|paperwork|one-pager|pricing sheet)s? from (?:me|us)\b)|"
    # a step said in the present with its day or its order: "I send the proposal Monday", "Dan sends over their brief
    # Monday", "Jonas presents to the works council on December 8th", "First she sends me the roster, then ..."
    r"(?:^|(?<=, )|(?<=; ))(?:first,? )?(?=(?:i|we|she|he|they|(?:their|the|our|her|his) [\w-]+|(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?) (?:first )?"
    # ("Hugo takes our proposal to the board": a step; "they take over the building on January 1st": their event)
    r"(?:send|sends|present|presents|(?:take|takes|bring|brings) (?:our|the|this|it|that)\b[^.;]*?\bto (?:the|their|his|her)\b|"
    r"share|shares|forward|forwards|book|books|schedule|schedules|"
    r"set up|sets up|email|emails|walk|walks|draft|drafts|prepare|prepares|demo|demos|introduce|introduces)\b"
    r"(?![^.;]*\b(?:every|each|usually|always|normally|never)\b)[^.;]*?\b(?:(?:today|tonight|tomorrow|(?:mon|tues|wednes|thurs|"
    r"fri)day|next week|this week|first|then)\b|on (?:the )?\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d))|"
    # "I come back to him Monday with a discount answer", "I redline the order form and send it Monday": ours, in the present
    # (not "their reps follow up days later, then lose track": their habit)
    r"(?:^|(?<=, )|(?<=; )|(?<=: ))(?=(?:i|we) (?:come back|get back|circle back|follow up|redline)\b[^.;]*?\b(?:today|tonight|tomorrow|"
    r"(?:mon|tues|wednes|thurs|fri)day|next week|this week)\b)|"
    # "our AE joins next week for a discovery call"
    r"\b(?:our|my) (?:ae|se|csm|rep|engineer|solutions engineer|account executive) (?=joins?\b[^.;]*\b(?:call|demo|meeting|"
    r"session|workshop)\b)|"
    # "demo moved to 12/2": a meeting moved still lies ahead
    r"\b(?=(?:the |our |their )?(?:[\w-]+ )?(?:demo|call|meeting|review|session|walk-?through|workshop)s? (?:got |was |has been |is )?"
    r"(?:moved|rescheduled|pushed|bumped|shifted) to\b)|"
    # "Quinn starts a two-week trial Monday": their evaluation begins
    r"\b(?-i:[A-Z][a-z]+) (?:starts|begins|kicks off) (?=(?:a|the|their) (?:[\w-]+ ){0,2}(?:trial|pilot|evaluation|poc)\b)|"
    r"^(?=(?:a |the )?(?:(?:scoping|discovery|pricing|kickoff|kick-off|intro|follow-up|technical|onboarding|planning|pitch|chemistry|ae|se|"
    r"training|renewal|strategy|review) )?(?:demo|call|meeting|workshop|walk-?through|review|session|visit) (?:with|on|at|for|of|next|(?=(?:mon|tue|wed|thu|fri)\w*\b))\b"
    r"(?![^.]*\b(?:went|was|were|is done|done|happened|took place)\b)[^.]*\b(?:" + _WHEN + r"|next)\b)|"
    # a meeting said without a verb, with what it is about: "Proposal review meeting with Wendy on December 9.", "Security
    # review with Ava on the 8th", "pilot kickoff 12/2 w/ dan" (not a meeting that went: "the demo call on Tuesday went well")
    r"^(?=(?:a |the |our |their )?(?:[\w-]+ ){1,2}(?:demo|call|meeting|workshop|walk-?through|review|session|visit|kick-?off|deep[- ]dive|"
    r"check-?in|sync|training)(?: (?:meeting|call|session))? (?:(?:with|w/|for|on|at) |(?=\d{1,2}/\d{1,2}\b))"
    r"(?![^.]*\b(?:went|was|were|is done|done|happened|took place|every|each)\b)[^.;]{0,45}?\b(?:" + _DAY + r")\b)|"
    # the seller's booking said as a gerund: "Booking a call with Theo for Thursday.", "Setting up a demo with their ops lead."
    r"^(?:booking|setting up|scheduling|arranging|lining up|organi[sz]ing|sending)\s+(?=(?:a|an|the|our|him|her|them)\b)|"
    r"\bwaiting (?:on|for) (?=(?:their|the|her|his) (?:legal|lawyers?|procurement|security|it team|paperwork|contract|"
    r"signature)\b)|"
    r"^(?=(?:the |our |their )?(?:rfp|proposal|response|bid|quote)s?(?: \w+)? (?:is |are )?due\b)|"
    r"(?:she's|he's|they're|she is|he is|they are|(?<=^)[a-z]+'s|(?-i:[A-Z][a-z]+)'s) (?:also )?(?=looping|bringing|sending|setting up|scheduling|booking|"
    r"calling (?:me|us) back|getting back to|ringing (?:me|us) back|emailing (?:me|us) back|"
    r"pulling|sharing|introducing|arranging|forwarding|passing (?:on|along)|handing|"
    r"(?:walking|taking) (?:their|the|his|her) (?:[\w-]+ ){0,2}?(?:through|over)\b|presenting (?:our|the|it|this)\b|checking(?= (?:with|on|back|internally|availability|calendars?|if|whether)\b)|running (?:it|this|that|the \w+) (?:past|by))|"
    r"(?:the )?plan is (?:to|that)\s+|agreed (?:to|that|on)\s+|"
    # "She did agree to a short intro call with their founder": an agreement said with its auxiliary
    r"\b(?:did|does|has|have|had|will|would) (?:also )?agree (?:to|on)\s+(?=(?:a|an|the|our|another)\s+(?:[\w-]+\s+){0,2}(?:call|demo|meeting|"
    r"intro|session|workshop|pilot|trial|visit|review|walk-?through)\b)|^agreed,?\s+(?=(?:i|we)\b)|"
    # "I offered a two-week POC on their data and he said yes": an offer taken up is the agreed step
    r"\b(?:i|we) (?:offered|suggested|proposed|pitched) (?:them |her |him )?(?=(?:a|an|the|our)\b[^.;]*?\band (?:he|she|they|"
    r"(?-i:[A-Z][a-z]+)) (?:said yes|agreed|accepted|jumped at it|took it)\b)|"
    r"(?:she's|he's|they're|she is|he is|they are) (?:in|good|confirmed|on board|up) for (?=(?:the|a|an|our) )|"
    r"\b(?:called|emailed|wrote|texted|rang|messaged|wants?|wanted|asked|would like|'d like) (?:me |us )?to (?=(?:move|reschedule|push|shift|bring forward|postpone|"
    r"confirm) (?:the|our|their) )|"
    r"\b(?:i|we) (?:need|have to get|must get|still need) (?=(?:sign[- ]?off|approval|an? ok|the ok|the go-ahead|"
    r"a green light) from (?:our|my)\b)|"
    r"(?:i'll|i will|i'm going to|i'm gonna|i need to|(?:i|we) need (?:our|my|the) (?:[\w-]+ ){1,3}?to(?! (?:approve|okay|ok|sign off|bless)\b)|"
    # "I'm taking the discount request to my manager Monday": the seller's step in the present
    r"(?:i'm|we're|i am|we are)(?=\s+(?:taking|bringing|sending|forwarding|passing|handing) (?:the|our|their|this|that|her|his|it)\b|"
    # "I'm setting her up on a two-week trial Monday"
    r"\s+setting (?:her|him|them|it|(?-i:[A-Z][a-z]+)) up (?:on|with|for)\b)|i have to|i've got to|i should|i promised to|i owe (?:them|her|him)|"
    r"we'll|we will|we're going to|we need to|we agreed to|we're gonna|let's|"
    r"(?:they|she|he|(?-i:[A-Z][a-z]+)|(?<=^)[a-z]+(?= will\b))(?:'ll| will| is going to| are going to|'s going to|'re going to|'s gonna| promised to| agreed to| said (?:they|she|"
    r"he)'d))\s+"
    r"(?:also\s+|then\s+|probably\s+|just\s+)?"
    r"(?=(?:send|set up|schedule|book (?:a|the|an|another) (?:[\w-]+ ){0,2}?(?:demo|call|meeting|session|workshop|follow)|share|follow|put|"
    # "Carla will re-share the proposal with Iris": a document sent again
    r"re-?(?:share|send|submit|issue|forward|circulate)|"
    r"(?<=i'll )take (?:the|our|this|that|it|her|his|their) (?:[\w-]+ ){0,2}?to\b|"
    # "he'll take our business case to him at their budget meeting": our document carried to their decider (not "take it to
    # the CFO", their own process)
    r"(?:(?<=he'll )|(?<=she'll )|(?<=they'll ))take (?:our|the) (?:[\w-]+ )?(?:business case|proposal|quote|deck|pricing|numbers|"
    r"roi (?:model|analysis)|analysis|write-?up|one-pager|order form|contract) to\b|(?:taking|bringing|sending|forwarding|passing|handing) "
    r"(?:the|our|their|this|that|her|his|it)\b|setting (?:her|him|them|it|(?-i:[A-Z][a-z]+)) up (?:on|with|for)\b|"
    r"get|draft|write|loop|call|email|circle|reach|check|prepare|run(?! (?:it|this|that|the \w+) day[- ]to[- ]day)|do|demo|try|ask|give|bring|invite|include|"
    # "I'll scope the flow and send her a quote"
    r"scope|price (?:out|up)|quote|"
    r"have (?:\w+ ){1,3}(?:review|look|sign|check|approve)|reschedule|regroup|reconnect|sync|"
    r"intro|introduce|ping|review|confirm|come back|revert|sort|pull|arrange|organi[sz]e|forward|connect|talk|meet|"
    r"walk|present|look|dig|chase|grab|hop|jump|touch|finali[sz]e|redline|submit|deliver|provide|"
    r"coordinate|line up|pencil|nail|go over|recycle|re-?engage|nurture|record|tee up|hand|pass|reopen|"
    r"mock up|build|respond|reply|answer|join (?:us|me|them)\b|sit in on\b|"
    # "she'll join the call with Gina on the 27th", "he'll attend Thursday's demo": a meeting ahead, not a new job
    r"(?:join|attend) (?:the|our|a|an|next|this|(?:mon|tues|wednes|thurs|fri)day's|tomorrow's|next week's) (?:[\w-]+ ){0,2}?"
    r"(?:call|demo|meeting|session|workshop|review|walk-?through|kick-?off|presentation|visit)s?)\b)"
    r"|(?:^|(?<=, ))(?:will|'ll) (?=try (?:again|back)|call|email|follow up|ping|send|circle back|reach out)"
    r"|(?:scheduled|booked|set up|lined up|pencilled in|penciled in) (?:(?:him|her|them|us|(?-i:[A-Z][a-z]+)) (?=(?:a|an|the|our)\s+(?:[\w-]+\s+){0,2}(?:demo|"
    r"call|meeting|walk-?through|workshop|session|onsite|visit|review|slot)\b))?(?=(?:a|the|an|our)\s+\w+|(?:[\w-]+ )?(?:demo|call|meeting|"
    r"walk-?through|workshop|session|onsite|visit|review|disco)\b)|"
    # a typed meeting ahead after a comma, with its day: "handed to AE, intro email sent, AE call Mon 11/30"
    r"(?<=, )(?=(?:[\w-]+ )?(?:demo|call|meeting|workshop|session|review|walk-?through) (?:(?:with|w/) [^,.;]{1,30} )?(?:on )?"
    r"(?:(?:mon|tue|wed|thu|fri)\w*|\d{1,2}/\d{1,2})\b)|"
    # "sent invite for demo w/ AE 12/2": the meeting the invite is for lies ahead
    r"\b(?:sent|sending|send|sent out) (?:(?:an?|the|a calendar|the calendar) )?invites? (?:for|to) (?=(?:a |an |the |our )?(?:[\w-]+ )?"
    r"(?:demo|call|meeting|workshop|session|review|walk-?through)\b)|"
    # a meeting moved ("moved our proposal review call from Tuesday to Wednesday") still lies ahead; "before I can send
    # the contract": the step after our own approval; "Elena Garcia to sign the order form": a terse note's step
    r"\b(?=(?:moved|rescheduled|pushed|shifted|bumped) (?:our|the|their|this) (?:[\w-]+ ){0,3}(?:call|meeting|demo|review|"
    r"session|walk-?through|workshop)s?\b)|\bbefore (?:i|we) can (?=(?:send|share|issue|sign|countersign)\b)|"
    r"(?:^|(?<=:\s))(?!(?-i:Wants?|Needs?|Needed|Hopes?|Hoping|Plans?|Planning|Aims?|Expects?|Likes?|Going|Has|Have|Got|"
    r"Trying|Ready|Happy|Keen|Able)\b)(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))? to (?=(?:sign|countersign|send|return|review|"
    r"confirm|book|schedule)\b(?!\s+(?:by|before|in|on|this|next|off by)\b))|"
    r"\b(?:i|we) (?:owe|promised) (?:them|her|him|(?-i:[A-Z][a-z]+)) |"
    # "Added her to Tuesday's pricing call", "invited him to the demo on the 2nd": a meeting ahead with one more on it;
    # "prepping for Tuesday's call with Noah": a meeting that lies ahead
    r"\b(?:added|adding|invited|inviting|looped|looping|pulled|pulling) (?:her|him|them|(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?) "
    r"(?:in)?to (?=(?:the |our |their |this |next )?(?:(?:mon|tues|wednes|thurs|fri)day's |next week's |tomorrow's )?(?:[\w-]+ )?"
    r"(?:call|demo|meeting|workshop|session|walk-?through|review|kick-?off)\b)|"
    r"\b(?:prepping|preparing|getting ready|prep) for (?=(?:the |our |their |this |next )?(?:(?:mon|tues|wednes|thurs|fri)day's |next week's |"
    r"tomorrow's )(?:[\w-]+ )?(?:call|demo|meeting|workshop|session|walk-?through|review|kick-?off)\b)|"
    # "We meet again on December 10": a meeting already agreed
    r"\b(?:we|i) (?=(?:meet|talk|speak|reconvene|regroup|sync|reconnect) again\b)|"
    # "Raj confirmed the demo for Tues Dec 1": a meeting confirmed for a day ahead
    r"\b(?:confirmed|locked in|firmed up) (?=(?:the|a|our) (?:[\w-]+ )?(?:demo|call|meeting|walk-?through|workshop|session|review|visit|"
    r"kick-?off)s? (?:for|on) (?:" + _WHEN + r"|next|(?:mon|tues?|wed|thu(?:rs)?|fri)\b))|"
    # "Nina booked for a discovery call with our AE": a person booked (passive) for a call
    r"(?<!\bi )(?<!\bwe )\b(?:booked|scheduled|confirmed|lined up|set) for (?=(?:a|an|the|our)\s+(?:[\w-]+\s+){0,2}(?:call|demo|"
    r"meeting|walk-?through|workshop|session|review|visit)\b)|"
    # the customer's own instruction to us: "Get the paperwork to me so it's signed by the 3rd"
    r"(?:^|(?<=:\s))(?=get (?:the |our |a )?(?:[\w-]+ )?(?:paperwork|contract|order form|proposal|quote|docs?|documents?|deck|"
    r"sow|msa|agreement|invoice)s? (?:over )?to\b)|"
    r"\b(?:i'm|i am|we're|we are) (?:also )?(?=doing (?:a|an|the) (?:[\w-]+ ){0,2}(?:call|demo|meeting|workshop|session|"
    r"walkthrough|review|deep[- ]dive|dive|training|presentation|kick-?off|check-?in|scoping \w+)\b|doing (?:a|an|the) (?:[\w-]+ ){1,3}"
    r"(?:with|for) (?:her|his|their|them|him|the)\b|revising|updating|reworking|tweaking|finali[sz]ing|redoing|adjusting|sending|sharing|drafting|preparing|setting up|scheduling|booking|calling|"
    r"emailing|putting together|pulling together|pulling|writing|building|creating|following up|recording|filming|mocking up|"
    r"demoing|presenting|visiting|"
    r"forwarding|looping|recycling)|"
    r"\b(?:agreed|told (?:him|her|them|(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)|said|replied|wrote back|answered|confirmed|promised(?: (?:him|her|them))?) (?:that )?(?:i'd|we'd|i would|we would|i'll|"
    r"we'll) |"
    r"\bnext up is |"
    # the customer asking to move a meeting ("can we push our trial call to Thursday?"): the meeting still lies ahead
    r"\b(?:can|could) (?:we|they|i|you) (?=(?:move|reschedule|push|shift|bump|postpone) (?:the|our|their) (?:[\w-]+ ){0,2}(?:call|demo|"
    r"meeting|review|session|walk-?through|workshop|visit)s? (?:to|until|till)\b)|"
    # a go-ahead followed by the instruction ("Dr. Hale says go, send the paperwork"): what they asked us to do next
    r"\b(?:says|said) (?:go|yes|go ahead|ok|okay)\s*,\s*(?=(?:send|book|schedule|set up|draw up|get)\b)|"
    # "Then I go back to Sarah with a revised quote": the plan said in the present after "then"
    r"(?:^|(?<=, )|(?<=; ))(?:and )?then (?:i|we) (?=(?:go back|send|call|follow up|set up|book|schedule|share|email|draft|"
    r"meet|loop|circle back|get back|put together|ping|reach out|come back|present|walk)\b)|"
    r"\b(?:said|told me|asked me) (?:to )?(?=check back|ping|call|follow up|reach out|circle back|email|send|touch base)|"
    # ("asked for our security questionnaire answers"; but "asked for a fifteen percent discount" is a concession asked, no step)
    r"\basked (?:me |us )?for (?=(?:a|an|the|some|our)\s)(?!(?:a|an|the|some|our)\s+(?:[\w-]+\s+){0,3}(?:percent|%|discount|"
    r"price (?:cut|break|match|reduction)|lower price|better price|rebate|refund|credit)\b)|"
    # the rep named in a manager's recap: "Jen is sending a revised proposal Monday", "Ana has a check-in with ..."
    r"(?!(?-i:She|He|They|It|We|I)\b)(?-i:[A-Z][a-z]+)(?: (?:is|are)|'s) (?=sending|drafting|preparing|scheduling|setting up|booking|putting together|"
    r"revising|updating|reworking|redoing|finali[sz]ing|forwarding|sharing|looping|arranging|introducing|paying|"
    r"getting (?:us|me|him|her|them|(?-i:[A-Z][a-z]+) on)\b|"
    r"pulling together|writing|building|following up|calling|emailing|recording)|"
    r"(?!(?-i:She|He|They|It|We|I)\b)(?-i:[A-Z][a-z]+)'s (?=calling (?:me|us) back|emailing (?:me|us) back|getting back to "
    r"(?:me|us)|ringing (?:me|us) back)|"
    r"(?!(?-i:She|He|They|It|We|I)\b)(?-i:[A-Z][a-z]+) has (?=(?:a|an) (?:[\w-]+ )?(?:check-?in|call|meeting|session|"
    r"workshop) with (?:their|the|our)\b)|"
    r"(?:^|(?<=, ))(?=(?:talk to|call|ping|email|reach out to|check back with|circle back with) (?-i:[A-Z])\w+ "
    r"(?:in|on|after|next)\b)|(?<![\w'])next (?:is|up is|comes|will be|would be)\s+|"
    r"^(?=(?:\w+[\s-]){1,6}(?:is|comes) (?:next|the next step)\b(?!\s+\w))|"
    r"(?<!before )(?<!by )(?<!after )(?<!until )(?<!board )\b(?=(?:the |a |our )?(?:(?!board )[\w-]+ ){0,2}(?:demo|call|meeting|"
    r"kick-?off(?: call)?|workshop|visit|review|session)(?:'s | )"
    r"(?:is |was |got |has been )?(?:on the (?:calendar|books|schedule|diary)|booked|scheduled|set up|set|planned|confirmed|on (?=(?:" + _WHEN + r"))|(?:(?:set )?for |is )(?=(?:" + _WHEN + r"))))|"
    # ("want to automate follow-up emails after demos": the thing to automate is their need, not our step)
    r"(?<!to )(?<!can't )(?<!never )(?<!don't )(?<!automate )(?<!automating )(?<!automated )(?<!automatic )(?<!manual )"
    r"(?<!their )(?<!the )follow[- ]?up (?=(?:call|meeting|demo|email|on|with|next|by|is)(?!s\b|ing\b))|"
    r"(?:^|(?<=:\s))(?:please\s+)?(?=(?:kick-?off (?:call|meeting) is|send|sending|schedule|scheduling|book|set up|share|follow up|"
    r"put together|draft|email|call (?:them|him|her|back)|"
    r"loop in|circle back|reach out|check in|ping|remind me|get them|get him|get her)\b)|"
    # "she needs our security questionnaire back by the 4th, that's on us": a task the note puts on us
    # (not "the onboarding was slow, that's on us": an apology, no task)
    r"^(?:(?:oh|and|also|so|plus),?\s+)*(?=[^.;]*\b(?:needs?|wants?|asked for|requested|owe|due|back by|send|sending|deck|quote|proposal|"
    r"questionnaire|form|report|one-pager|w-?9|dpa|sow|msa|contract|references?|docs?|answers?)\b"
    r"[^.;]*,\s*(?:that's|that is|which is|and that's) (?:on (?:us|me)|our (?:job|homework|action))\s*[.!]?$)|"
    # "Mike wants David Kim on a call, ... we set it for December 3rd": the meeting we set a date for
    r"^(?=[^.;]*\bon (?:a|the) (?:[\w-]+ )?(?:call|meeting|demo|zoom)\b[^.;]*\b(?:we|i) (?:set|booked|scheduled|pencil(?:l)?ed)"
    r"(?: it| that| one)?(?: in)? for\b))", re.I)
#: What a customer hires the seller to do is the need, not a next step ("they want us to run their outbound").
_SERVICE = (r"(?:run|set up|setup|manage|handle|build|take over|automate|route|triage|fix|redo|rebuild|redesign|design|develop|replace|"
            r"migrate|implement|own|operate|overhaul|clean up|take care of|do their|sit (?:in )?between|connect|integrate|"
            r"monitor|plug into|sync|build out|write (?:all )?(?:their|her|his)|"
            # ("wants us to take the intake and route jobs to contractors": their work done by us, not a step)
            r"take (?:on )?(?:the|their|all (?:the|their)) (?:[\w-]+ )?(?:intake|inbound|calls|bookings|requests|tickets|enquiries|inquiries|"
            r"leads|queue|triage|admin|scheduling|follow-?ups|phones|messages|emails)\b|"
            # ("write their outbound sequences", "create their onboarding emails": their own content, made by us)
            r"(?:write|create|produce|draft) (?:the |all the )?(?:[\w-]+ )?(?:sequences|copy|content|scripts|campaigns|newsletters|posts))\b")
#: What the customer asked for, a next step when no one said what happens next ("she wants pricing for twenty seats").
_NEXT_ASK = re.compile(r"(?<!n't )(?<!not )\b(?:wants?|asked) (?=(?:us|me) (?:on[- ]?site|onsite|in person)\b)|(?<!n't )(?<!not )\b(?:wants?|asked) (?=(?:to (?:talk|meet|speak|reconnect|catch up) again|(?:us|"
                       r"me|"
                       r"our \w+) to (?!" + _SERVICE + r")\w+)\b)|"
                       r"(?<!n't )(?<!not )\b(?:wants?|needs?|asked for|requested|would like|'d like) (?:to (?:see|get|"
                       r"have) )?(?!(?:a |an |the )?signed\b)(?!(?:how|whether|if)\b)(?=(?:a|an|the|"
                       r"another|some)?\s*(?:[\w-]+\s+){0,2}(?:demo|"
                       r"proposals?|quotes?|trial|pilot|sandbox|workshop|walkthrough|references?|case stud(?:y|ies)|"
                       r"business case|paperwork|contract|order form|sow|msa|deck|one-pager|slides|write-?up|"
                       r"pricing|deep[- ]?dive|tech(?:nical)? review)\b(?!\s+(?:bookings?|requests?|sign-?ups?|no-?shows?|conversions?|rates?|volume|numbers|"
                       r"pipeline|leads|attendance|show rates?)\b))|"
                       r"(?<!n't )(?<!not )\b(?:wants?|asked for|requested|would like|'d like) (?=(?:a|an|another)\s+(?:[\w-]+\s+)?"
                       r"(?:call|meeting|chat|session|sync|intro)\s+(?:with|on|next|this)\b)|"
                       r"(?<!n't )(?<!not )\b(?:wants?|needs?|asked for|requested) (?=(?:a|an|the|some|"
                       r"\w+)\s[\w\s-]{3,40}\bfrom (?:me|us)\b)", re.I)
#: "Globex, follow-up on the fleet analytics proposal.": what the note is, not a step to come
_OPENER = re.compile(r"^(?:(?:a|quick|short|second|another) )?(?:follow-?up|check-?in|catch-?up|debrief) (?:call |meeting )?(?:with|w/) "
                     r"(?-i:[A-Z])[a-z]+(?: (?-i:[A-Z])[\w'-]+)?(?:,[^.;]{2,40})?\.?$|"
                     r"^(?-i:[A-Z])[\w&.'-]*(?: (?-i:[A-Z])[\w&.'-]*){0,3},\s+(?:(?:a|the|quick|short|second|first|another|"
                     r"brief|founder|ae|sdr|cs|agency|renewal|expansion|discovery|intro) )*(?:follow-?up|check-?in|call|update|recap|"
                     r"debrief|catch-?up)\b(?: (?:on|about|re|to|after|with|w/) [^.,]*)?"
                     r"\.?$|"
                     # a call's header without the comma: "Umbrella Health follow-up with James Whitfield."
                     r"^(?-i:[A-Z])[\w&.'-]*(?: (?-i:[A-Z])[\w&.'-]*){0,3} (?:(?:quick|short|second|first|another|brief|renewal|"
                     r"expansion) )*(?:follow-?up|check-?in|recap|debrief|catch-?up) (?:call |meeting )?(?:with|w/) "
                     r"(?-i:[A-Z])[a-z]+(?: (?-i:[A-Z])[\w'-]+)?(?:,? and (?-i:[A-Z])[a-z]+(?: (?-i:[A-Z])[\w'-]+)?)?\.?$", re.I)
_NEXT_NEG = re.compile(r"\b(?:no next steps?|nothing (?:agreed|scheduled|planned|set)|no follow[- ]?up|didn't agree|"
                       # "moved our call to Thursday, then cancelled it altogether": nothing left on the calendar
                       r"(?:then|later|and then|but then) (?:cancell?ed|called off|scrapped|dropped) (?:it|that|the \w+)|"
                       r"cancell?ed (?:it|the \w+) altogether|(?:then|later) called (?:it|that|the \w+) off|"
                       r"no (?:meeting|call|demo) (?:booked|scheduled|set))\b", re.I)


#: A sentence that says only that nothing is next: "No follow-up is booked.", "Nothing scheduled yet.", "No next step."
_NOTHING_NEXT = re.compile(r"(?:so |and )?(?:there's |there is )?(?:no (?:follow[- ]?ups?|next steps?)(?: is| was| has been)?(?: (?:booked|"
                           r"scheduled|set|agreed|planned|on the calendar|in the diary))?|(?:no (?:meeting|call|demo)|nothing(?: else)?)"
                           r"(?: is| was| has been)? (?:booked|scheduled|set|agreed|planned|on the calendar|in the diary))(?: yet| for now)?"
                           r"[.!]?", re.I)


#: "the pilot running by December 14th", "the contract done by January", "the gate check-in pilot running by the 15th":
#: when, not a step (the timeline)
_DONE_BY = re.compile(r"^(?:(?:the|a|an|their|his|her)\s+)?(?!(?:a|an|the)\b)(?:[\w-]+ ){1,3}?(?:running|done|signed|executed|countersigned|live|in place|closed|finali[sz]ed|"
                      r"wrapped up|finished|up and running|deployed|rolled out|extended|expanded|scaled up|started|kicked off|underway|going)\b"
                      r"(?=\s+(?:by|before|no later than|in time for)\b)|"
                      r"^(?:(?:the|a|an|their|his|her)\s+)?(?!(?:a|an|the)\b)(?:[\w-]+ ){1,3}?(?:running|done|signed|executed|countersigned|live|"
                      r"in place|closed|finali[sz]ed|wrapped up|finished|up and running|deployed|rolled out|extended|expanded|scaled up)\b", re.I)
#: A quote or demo from another vendor ("procurement wants a competing quote from Dialpad"): their process with a
#: rival, not a step of this deal (callnotes10 README, convention 10)
_FROM_RIVAL = re.compile(r"\b(?:competing |rival |counter |second |cheaper )?(?:quotes?|proposals?|bids?|offers?|pricing|demos?) "
                         r"from (?!(?:us|me|our|my)\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
                         r"dec)[a-z]*\.?\s+\d)(?-i:[A-Z])", re.I)
#: A step whose object points back ("forward that to finance"): what it points at is said just before it.
_POINTS_BACK = re.compile(r"^(?:[\w-]+ ){1,2}(?:that|it|this|them|those|these|one)\b(?!\s+(?:is|was|are|were)\b)", re.I)


#: What the customer asked for in a sentence, for a step in the next one that points back at it ("Sending it Monday")
_ASKED_THING = re.compile(r"\b(?:needs?|wants?|asked for|requested|(?:is|are) waiting (?:on|for))\s+((?:our|the|a|an|your)\s+"
                          r"[^,.;]{2,40}?)(?=\s+(?:before|by|so|for|until|when|from)\b|[.,;]|$)", re.I)


#: A request already met ("asked for a copy of the invoice. Sent it."): nothing left to do
_DONE_ALREADY = re.compile(r"^(?:and |so )?(?:i |we )?(?:already |just )?(?:sent|re-?sent|emailed|re-?emailed|forwarded|shared|handled|did|done|"
                           r"took care of|dealt with|closed|removed|fixed|updated|changed|switched|corrected|amended|cancell?ed|deactivated|sorted)(?: (?:it|that|them|this|those|"
                           r"over|across|both|everything|all of it|out))*"
                           # "Sent both from the finance inbox.", "Done, confirmed by email."
                           # ("Updated in billing.", "Changed in the CRM.": where it was done)
                           r"(?:,? (?:from|via|through|by|over|in|on) (?:the |our |my |their )?[\w-]+(?: [\w-]+)?)?"
                           r"(?:,? (?:and )?(?:confirmed|replied|told (?:her|him|them))(?: (?:by|over|via|in) [\w-]+)?)?"
                           r"(?: (?:already|right away|"
                           r"straight away|today|same day|just now|this (?:morning|afternoon|evening)|earlier|yesterday|last night))?[.!]?$", re.I)

#: An account-admin request ("asked me to resend the calendar invite", "asked for our W-9", "asked us to close out their
#: user accounts"): housekeeping, not a step of the deal
_ADMIN = re.compile(r"^(?:(?:me|us|our [\w-]+) to )?(?:re-?send|send|fix|update|change|close(?: out)?|cancel|deactivate|remove|"
                    r"delete|reset|add)?\s*(?:(?:a|an|the|our|their|his|her|my|some)\s+)?(?:[\w-]+\s+){0,3}?"
                    r"(?:calendar invites?|invites?|invitations?|w-?9s?|w-?8s?|tax forms?|bank details|banking details|"
                    r"vendor (?:setup|forms?|registration|onboarding)|(?<!sandbox )(?<!trial )(?<!demo )(?<!test )(?<!pilot )"
                    r"(?<!new )(?<!extra )(?<!more )accounts?|logins?|passwords?|"
                    r"receipts?|invoice cop(?:y|ies)|cop(?:y|ies) of (?:the |our )?invoices?|billing (?:address|contact|details)|"
                    r"(?:mailing|distribution|email) lists?|seats? removed)\b(?! (?:demo|call|meeting|review)\b)", re.I)


#: The note's own label for the step ("Next step is a call with ...", "Next: ..."), which beats any other cue
_LABEL = re.compile(r"^(?:the\s+)?next\s+steps?\s*(?:is|are|will be|would be|:|-|,|=)\s*(?:to\s+|that\s+|for\s+)?|^next\s*:\s*|"
                    # ("Action items from today's call (auto-summary): 1) Iris to review the contract": the label with what it is
                    # from, and the first item's number)
                    # ("Agreed: I redline the order form and send it Monday": an agreement said as who does what)
                    r"^agreed\s*:\s*(?=(?:i|we|they|she|he|(?-i:[A-Z][a-z]+))\s)(?:(?:we|i)\s+)?|"
                    r"^(?:action items?|actions|todo|to-do|follow-?ups?)(?: (?:from|for|of) [^:()]{1,50}?)?(?:\s*\([^)]{1,30}\))?\s*:\s*"
                    r"(?:(?:1|a|i)[.)]\s+)?(?:(?:we|i)\s+(?=\w))?", re.I)


def _next_step(sentences: list[str]) -> tuple[str | None, str | None]:
    for i, s in enumerate(sentences):  # a labelled step first ("Globex follow-up with Priya ... Next step is a call")
        label = _LABEL.match(s)
        if label and len(_clean(s[label.end():])) >= 4 and not _NEXT_NEG.search(s):
            phrase = _clean(s[label.end():])
            if not _POINTS_BACK.match(phrase):
                return _named(phrase, sentences, i), s
    # "He asked us to shave the price ... No follow-up is booked.": a note that ends by saying nothing is next has no step
    # before it (a step said after it still counts)
    closed = max((i for i, s in enumerate(sentences) if _NOTHING_NEXT.fullmatch(s.strip())), default=-1)
    for cue in (_NEXT_CUE, _NEXT_ASK):  # what someone will do first; what the customer asked for only if nothing is
        for i, s in enumerate(sentences):
            if i < closed:
                continue
            if _NEXT_NEG.search(s) or (s is sentences[0] and _OPENER.match(s)):
                continue
            if re.search(r"\b(?:auto-?repl(?:y|ies)|autoreply|out[- ]of[- ]office|bounced)\b", s, re.I) and not re.search(
                    r"\b(?:i|we)(?:'ll|'m|'d| will| would| need| should| can)?\b", s, re.I):
                continue  # "the mail bounced with an out-of-office: ..., urgent matters to his assistant": who covers, no step
            met = any(_DONE_ALREADY.match(x.strip()) for x in _clauses(s)[1:] + sentences[i + 1:i + 2]) or \
                bool(MET_AFTER_COMMA.search(s))  # "asked for our SOC2 report, sent it": met in the same breath
            # "Ping him again in January?", "Do I chase him Monday?": a question to myself is no agreed step (a customer's
            # "can we push the call to Thursday?" is a request about a meeting that still lies ahead)
            if s.rstrip().endswith("?") and (not re.search(r"\b(?:can|could) (?:we|they|you) (?:move|reschedule|push|shift|bump|"
                                                             r"postpone)\b", s, re.I) or re.match(
                    r"^(?:no|nope|can't|cannot|couldn't|not possible|said no)\b", sentences[i + 1] if i + 1 < len(sentences) else "", re.I)):
                continue  # (a move refused: "Can we push the demo to Friday? No, ...")
            clauses = (_clauses(s) or [s]) + [s]  # each clause, then the whole sentence ("Next step, I send ...")
            for k, c in enumerate(clauses):
                # ("wants it signed before his sales kickoff on January 12": their event is the deadline, not a step)
                m = next((x for x in cue.finditer(c) if not re.search(
                    r"\b(?:before|by|after|until|ahead of)\s+(?:(?:the|their|his|her|its)\s+)?(?:[\w-]+\s+){0,2}$", c[:x.start()],
                    re.I)), None)
                if m and any(_seller_pronoun(s, x) for x in _clauses(s)
                             if x in c and c.find(x) <= m.start() < c.find(x) + len(x)):
                    continue  # "I need my VP to approve the discount, he'll answer by Tuesday": the seller's side
                if not m or re.match(r"(?:set up|booked|scheduled|arranged|lined up) (?:this|the) call\b(?!\s+(?:for|on|with|next))",
                                     c[m.start():], re.I):  # "Yusuf set up the call": the call this note is about
                    continue
                if re.match(r"\s*(?:call|make) it\b(?!\s+(?:in|off|on|over|through|a day)\b)", c[m.end():], re.I):
                    continue  # "then said call it twelve": a figure settled on, no phone call
                if met and (cue is _NEXT_ASK or re.match(r"asked|request", m.group(0), re.I)):
                    continue  # the request is already met
                if (cue is _NEXT_ASK or re.search(r"asked|request|wants?", m.group(0), re.I)) and _ADMIN.match(
                        _clean(c[m.end():])) and not re.search(r"\b(?:demo|call|meeting|workshop|review|session|walk-?through|"
                                                                r"kick-?off|pilot|trial|proposal|contract|order form)\b",
                                                                _ADMIN.sub("", _clean(c[m.end():]), count=1), re.I) and not re.search(
                        r"\b(?:demo|meeting|workshop|session|walk-?through|kick-?off)s? invites?\b", c, re.I):
                    continue  # "asked me to resend the invite": account admin, no step of the deal
                phrase = _clean(c[m.end():] if not re.match(r"^(?:scheduled|booked|set up|lined up|penc|follow)", m.group(0), re.I)
                                else c[m.start():])
                if len(phrase) < 4 or (cue is _NEXT_ASK and _DONE_BY.match(phrase)) or _FROM_RIVAL.search(phrase):
                    continue
                if re.match(r"(?:need|have to get|must get|get) (?:my|our) (?:[\w-]+ ){0,2}?(?:to (?:approve|okay|ok|sign off)|approval|sign-?off|ok)\b",
                            phrase, re.I):
                    continue
                if re.fullmatch(r"(?:get|find out|grab|dig up|look up|chase|check|confirm) (?:the|his|her|their|a) (?:last |full |first |correct |"
                                r"right )?(?:name|surname|spelling|email(?: address)?|(?:phone |cell |mobile |direct )?number|job title|title)"
                                r"(?: (?:later|tomorrow|after|from \w+)\b.*)?", phrase, re.I):
                    continue  # "Marcus something, I'll get the last name": a gap in my notes, no step of the deal
                if re.match(r"(?:(?:me|us) to )?(?:email|e-mail|send|call|ring|text|message|ping|follow up|reach out|write)\b", phrase, re.I) and any(
                        re.fullmatch(r"(?:and |so )?(?:i |we )?(?:already |just )?(?:sent|emailed|called|rang|texted|messaged|pinged|did)"
                                     # ("... asked me to email instead. Sent the one-pager.": what the email carried, sent)
                                     r"(?: (?:the|an?|my|our) (?:[\w-]+ )?(?:email|e-mail|message|note|text|follow-?up|one-pager|deck|"
                                     r"brochure|overview|info|details|link|case study|pdf|summary|recap)| (?:it|that|him|her|them))?"
                                     r"(?: (?:already|right away|just now|today|this morning|this afternoon|earlier))?[.!]?", x.strip(), re.I)
                        for x in sentences[i + 1:i + 2]):
                    continue  # "... I should email instead. Sent the email.": the step is already done
                if re.match(r"(?:put|write|keep|note|log|jot|record|capture|summari[sz]e|quote) (?:this|it|that|these|the (?:note|call|rest))"
                            r"(?: down)?(?: (?:mostly |all |just )?(?:in|as|from) (?:his|her|their|my) (?:own )?words)?\b", phrase, re.I) or \
                        re.match(r"ask (?:her|his|their|the) (?:[\w-]+ ){1,3}?(?:for|about) (?:a |an |their |her |his )?(?:quick )?(?:gut[- ]check|"
                                 r"opinion|input|thoughts|view|sanity[- ]check|second opinion|take)\b", phrase, re.I):
                    continue  # "I'm going to put this in his words": about the note; "ask her office manager for a gut check"  # "I'd need my VP to approve it": our own approval, not the agreed next action
                which = re.match(r"^(.*?),?\s+which\s+$", c[:m.start()], re.I)
                thing = which and re.search(r"\b(?:asked (?:me |us )?for|wants?|wanted|needs?|needed|requested|would like|'d like)\s+(.+)$",
                                            which.group(1), re.I)
                if thing:  # "Theo asked for two references, which I'm sending by Tuesday": what "which" is
                    phrase = _clean(thing.group(1)) + "; " + phrase
                if re.fullmatch(r"(?:get|come|circle) back to (?:him|her|them|(?-i:[A-Z][a-z]+))(?: (?:by|on|next|this|tomorrow|"
                                r"(?:mon|tues|wednes|thurs|fri)day)\b.*)?", phrase, re.I) and 0 < k < len(clauses) - 1:
                    about = next((w for w in (re.search(r"\b(?:whether|if|about)\s+(.+)$", x, re.I) for x in reversed(clauses[:k]))
                                  if w), None)
                    if about:  # "I'm asking my VP whether we can hold the price, and I'll get back to Tom by Friday": on what
                        phrase = phrase + " on " + ("" if re.match(r"about\b", about.group(0), re.I) else "whether ") + _clean(about.group(1))
                if re.match(r"asked", m.group(0), re.I):  # "she asked for a side-by-side, so I'm recording a Loom": both
                    answer = next((cue.search(x) for x in clauses[k + 1:-1] if cue.search(x) and re.match(
                        r"^(?:so |and )?(?:i|we)\b", x, re.I)), None)
                    if answer is not None:
                        c, phrase = answer.string, phrase + "; " + _clean(answer.string[answer.end():])
                if _POINTS_BACK.match(phrase) and c != s and s.find(c) > 0:  # "..., so I'll forward that to finance"
                    before = _clean(re.sub(r",?\s*(?:so|and)?\s*$", "", s[:s.find(c)]))
                    if len(before.split()) >= 3:
                        phrase = before + "; " + phrase
                elif _POINTS_BACK.match(phrase) and i and not s.find(c) > 0:
                    # "They need our SOC 2 report ... Sending it Monday.": what "it" is, from the sentence before
                    thing = _ASKED_THING.search(sentences[i - 1])
                    if thing:
                        phrase = _clean(thing.group(1)) + "; " + phrase
                return _named(phrase, sentences, sentences.index(s)), s
    return _doc_in_hand(sentences)


#: "sent over a security questionnaire, she wants it back by December 4th. I'm filling it in.": their document, which we are
#: completing to send back
_THEIR_DOC = re.compile(r"\b((?:a|an|the|their) (?:[\w-]+ ){0,3}?(?:questionnaire|rfp|rfi|form|assessment|survey|checklist|spreadsheet|"
                        r"template)(?: (?:spreadsheet|form|document|doc))?)\b", re.I)
_FILLING = re.compile(r"^(?:and |so )?(?:i'm|we're|i am|we are|i'll be|we'll be) (?:now |already |currently )?(?:filling (?:it|them) (?:in|out)|"
                      r"completing (?:it|them)|working (?:on|through) (?:it|them)|answering (?:it|them))\b", re.I)
_BACK_BY = re.compile(r"\b(?:wants?|needs?|asked for|expects?) (?:it|them) back (?:by|before|on) [^,.;]+", re.I)


def _doc_in_hand(sentences: list[str]) -> tuple[str | None, str | None]:
    """The document of theirs we are completing ("I'm filling it in", after the sentence that names it) as the
    step, with when it is due back when said; ``(None, None)`` when there is none."""
    for i, s in enumerate(sentences):
        if i and _FILLING.match(s.strip()):
            doc = _THEIR_DOC.search(sentences[i - 1])
            if doc:
                due = _BACK_BY.search(sentences[i - 1])
                return f"return the {re.sub(r'^(?:a|an|the|their) ', '', doc.group(1), flags=re.I)}" + (
                    f" ({due.group(0)})" if due else ""), s
    return None, None


def _named(phrase: str, sentences: list[str], idx: int) -> str:
    """"call him then" -> "call Omar then": the person "him"/"her" stands for, when the note names one."""
    m = re.search(r"\b(?:him|her)\b(?=\s*(?:$|then|back|on|tomorrow|next|about|after|before|when|once|in|at|,))", phrase)
    if not m:
        return phrase
    from desktop.agents.bant.people import _contact_name  # people -> rivals -> text; no cycle at import time

    who = _contact_name(sentences, idx)
    return phrase[:m.start()] + who + phrase[m.end():] if who else phrase
