"""Need: the problem the customer wants solved, in the note's words."""

from __future__ import annotations

import re
from datetime import date

from desktop.agents.bant.asides import BUSY_PERSON, OUR_NO_SHOW
from desktop.agents.bant.money import _BUDGET_CUE, _amounts
from desktop.agents.bant.need_not import strip_not_needs
from desktop.agents.bant.steps import _DONE_ALREADY, _SERVICE
from desktop.agents.bant.text import _clauses, _clean, _seller_subject
from desktop.agents.bant.timeline import _TIME_WORDS, period_end

# -- need ----------------------------------------------------------------------------------------
_NEED_CUE = re.compile(
    r"\b(?:(?:main |biggest |big |real |core |key |top |their |the )*(?:pain(?: point)?s?|problems?|(?:(?<=big )|(?<=biggest )|(?<=main )|(?<=real ))thing (?=is|was)|issues?|headaches?|"
    r"challenges?|must[- ]haves?|(?<=the )ask|(?<=their )ask|(?<=main )ask|(?<=big )ask|(?<=biggest )ask|(?<=real )ask|"
    r"bottlenecks?|struggles?|priority|priorities|goal|focus|concern)\s*(?:is|are|was|were|:|being|right now is)?"
    r"|wish ?list (?:is|includes|has)|(?:^|(?<=: ))the (?:whole |real |main )?point (?:is|was)|(?:struggl\w+|frustrated|fed up|sick of|tired of|drowning in|wrestling)\s+(?:with|by|"
    r"of|in)?"
    # "Paula's worry is after-hours patient calls going nowhere": the worry said as someone's (not "don't worry about budget")
    r"|(?:(?<='s )|(?<=\btheir )|(?<=\bher )|(?<=\bhis )|(?<=\bthe )|(?<=\bmain )|(?<=\bbig )|(?<=\bbiggest )|(?<=\breal ))"
    r"(?:worry|worries|fear|fears|gripe|gripes|complaint|complaints|frustration|frustrations)\s+(?:is|are|was|were)"
    # "whatever we do has to sync with Canvas, or it's a non-starter": the requirement said as what any purchase must do
    r"|whatever (?:we|you|they) (?:do|build|buy|pick|sell (?:them|her|him)|propose|put in)(?:,)? (?:has|have|needs?|must) (?:to )?(?=\w)"
    r"|(?:needs?|needed|want|wants|wanted|hoping|looking|trying|aiming|desperate|keen)\s+(?:to|for|a|an|some|better|more|"
    r"real|"
    r"fewer|less|faster|easier|one|a single|visibility|automat\w*)|(?:needs?|needed)(?=\s+\w)|wants?(?=\s+(?!to\b|it\b|"
    r"them\b|us\b|me\b|him\b|her\b)\w)|need\s*:\s*"
    # "Rachel would like campaign attribution reporting added"
    r"|(?:would|'d) like(?=\s+(?!to\b|it\b|them\b|us\b|me\b|him\b|her\b|that\b|this\b)\w)"
    r"|(?:wants?|wanted|needs?|hired|hiring|asked) (?:us|me) to(?=\s+" + _SERVICE + r")"
    # "she'd rather we build out their onboarding workflows as a project": the service they want from us
    r"|(?:'d|would) (?:rather |prefer (?:that )?)(?:we|us|you)(?: to)?(?=\s+" + _SERVICE + r")"
    # a win-back ("they want us back for the spring campaign"): what they want us back for
    r"|(?:wants?|wanted|'d like|would like) (?:us|me) back (?=for\b)"
    r"|wants? (?:her|his|their) (?:[\w-]+ ){1,2}to(?=\s+\w)"
    # "wants it to track which webinar leads book a call", "wants it for one thing, getting updates out": what it is for
    r"|(?:wants?|wanted|needs?|needed|'d like|would like) (?:it|the (?:tool|bot|product|system|platform|app|agent|assistant)) "
    r"(?:to(?=\s+(?!be\b|go\b|start\b|run\b|live\b)\w)|(?=(?!going\b|running\b|starting\b|working\b)\w+ing\s+\w)|for (?:one thing|just one thing|(?:one|a) (?:reason|job|purpose)|mainly|mostly|one|"
    r"(?=\w+ing\b)),?)"
    r"|care (?:most )?about|interested in|(?:worried|concerned|nervous) about|so (?:they|she|he) can|to (?:replace|fix|"
    r"solve|get rid of|cut|reduce|stop|automate)"
    r"|losing|wasting|spend(?:ing)? (?:hours|days|too much time|(?:their |whole |entire )?(?:nights|evenings|weekends|mornings|afternoons))"
    # "nothing until Quinn shows me the bot can book store appointments", "wants to see that the callbacks actually happen"
    # "fine with the annual plan as long as it takes over first replies": the condition is what they need
    r"|as long as (?:it|the (?:bot|agent|tool|product|system|assistant)) (?=\w)"
    r"|(?:sees?|shows? (?:\w+ )?|proves? (?:to \w+ )?)(?:that )?(?:the |your |our |its )?(?:bot|tool|agent|assistant|product|system|it) "
    r"(?:can|will|really|actually)(?= \w)|see (?:that )?(?=(?:the|their) (?:[\w-]+ ){1,2}(?:actually|really|reliably) (?:happen|work|go out|get)))\b", re.I)
_NEED_VERB_KEEP = re.compile(r"^(?:to\s+)?(?:replace|fix|solve|get rid of|cut|reduce|stop|automate|losing|wasting)\b", re.I)
_NEED_NOT = re.compile(r"^(?:it|this|that|them)?\s*(?:by|before|until|in|within)\b|"
                       # "he wants our best number first": a better price from us is the negotiation, not their problem
                       r"^(?:(?:our|your|a|the|an) )?(?:very )?(?:best|final|lowest|better|sharper|revised|improved|bigger) (?:and final )?"
                       r"(?:number|price|offer|quote|deal|figure|rate|discount)s?(?=\s*(?:$|[,.;:!?]|(?:first|by|before|from|for|on|to|and|so|if|"
                       r"or|than|when|this|next|today|tomorrow|asap)\b))|^(?:a|an|some|more|our|the|their|that|this) (?:[\w-]+ ){0,2}discount\b|"
                       # "it needs his CEO, Hannah Reid": a person whose signature it waits on, not a problem
                       r"^(?:his|her|their) (?:ceo|cfo|coo|cto|cio|boss|manager|founder|owner|president)\b|"
                       r"^(?:his|her|their|the|a) (?:signature|sign-?off|approval|ok|okay|blessing|go-?ahead)\b|"
                       r"^(?:(?:his|her|their|the) (?:ceo|cfo|coo|cto|cio|boss|founder|owner|board)'s|(?-i:[A-Z][a-z]+)'s) (?:signature|"
                       r"sign-?off|approval|ok|okay|blessing|go-?ahead)\b|"
                       # "Billing issue, sent him the portal link": the seller's deed after the word, subject dropped
                       r"^(?:sent|re-?sent|emailed|forwarded|gave|showed|walked|pointed|refunded|credited|reset|fixed|resolved|updated|"
                       r"told) (?:him|her|them)\b|"
                       # "the shortlist to replace it is us and Moveworks": who might replace it, not a problem
                       r"^(?:to )?(?:replace|get rid of) (?:it|them|that|this) (?:is|are|was|were)\b|"
                       # "want our layer in before that": our product in place by a time is the timeline
                       r"^(?:our|the|their) (?:[\w-]+ ){0,2}(?:in|live|in place|installed|deployed) (?:before|by|until)\b|"
                       # "want 85 seats total": a seat count is the deal's size, not its need
                       r"^(?:[\w-]+ )?(?:seats|users|licen[cs]es|logins) (?:total|in total|overall|all in)\b|"
                       r"^(?:the )?same\b(?!(?: [\w-]+){1,3} (?:getting|being|gets|is|are|keeps?|entered|typed|filled|asked|done)\b|"
                       # "the same site reporting workflow rolled out to both new sites": what they have, for more of the business
                       r"(?: [\w-]+){1,3} (?:rolled out|extended|deployed|set up|copied|replicated|added) (?:to|at|for|in|across)\b)|^\w+ (?:is|are)$|"
                       r"^(?:it|this|that|them|"
                       r"something)\b.*"
                       r"\b(?:by|before|until|within|live|done|ready)\b", re.I)
_NEED_NOT_VERB = re.compile(r"^(?:to\s+)?(?:be\b|"
                            # "their IT lead wants to see Parloa": another vendor (or a person) to look at, an evaluation
                            r"(?:see|look at|meet|hear from|talk to|check out) (?-i:[A-Z])[\w.&-]*(?: (?-i:[A-Z])[\w.&-]*)?"
                            r"(?:'s (?:demo|pitch|product|tool|platform|version|offering))?(?=\s+(?:too|as well|also|first|next \w+|"
                            r"before \w+ing)\b|\s*[,.;]|\s*$)|"
                            # "wants our answer by the 4th", "wants our best and final by Friday": something of ours by a date, not a problem
                            r"(?:our|your) (?:(?:final|formal|written|official|firm) )?(?:answer|reply|response|decision|best and final|final offer|final price|"
                            r"final number|counter(?:-?offer)?|verdict)\b|"
                            # "she wants to show them the numbers first", "to take it to his board": their own buying process
                            r"(?:show|present|take|bring|run) (?:it |this |that |the (?:numbers|figures|case|roi|proposal|deck|quote|pricing) )?"
                            r"(?:to |by |past )?(?:them|him|her|the (?:board|partners|committee|cfo|ceo|owners?)|(?:her|his|their) (?:board|boss|partners|"
                            r"committee|cfo|ceo|co-?founders?|owners?))\b(?: (?:the )?(?:numbers|figures|case|roi|proposal|deck|quote|pricing))?"
                            r"(?: first)?\s*(?:$|[,;.])|"
                            # "wants to co-term the expansion with it": a contract term, not a problem
                            r"co-?term\b|"
                            # "they want to downgrade", "want to drop to Starter": a plan change, not a problem
                            r"downgrade\b|(?:drop|move|step|go) (?:back )?(?:down )?to (?:the )?(?-i:[A-Z])\w+(?: (?:plan|tier))?\s*(?:$|[,;.])|"
                            # "wants to stay with us", "wants to keep us": loyalty to the vendor, not a problem
                            r"(?:stay|remain) (?:with|on) (?:us|our (?:[\w-]+ )?(?:plan|product|platform|tool|app))\b|keep (?:us|using us|working with us)\b|"
                            # "his ops team wants 3 quotes before any expansion": their buying process, not a problem
                            r"(?:\d+|two|three|four|five|several|multiple|a few|more) (?:competing |rival |comparison |written )?(?:quotes|bids|proposals|"
                            r"offers)\b|"
                            # "she'll want the security docs first": the review papers asked of us, not a problem
                            r"(?:the |our |your |a |an |some )?(?:security|compliance|privacy|legal|soc ?2|gdpr|hipaa|insurance|it|infosec|"
                            r"vendor)(?: and (?:privacy|compliance|legal|security))? (?:docs?|documentation|documents|questionnaires?|"
                            r"reports?|packs?|packets?|certificates?|certs?|paperwork|answers|review)\b|"
                            # "legal wants the redlined MSA back before the 12th": a document of theirs returned, not a problem
                            r"(?:[\w-]+ ){0,4}back (?:by|before|no later than|until|on (?:the )?\d|on (?:mon|tues|wednes|thurs|fri)day)\b|"
                            # "they want three thousand flat", "wants it at 2.5k": a price asked of us, not a problem
                            r"(?:(?:it|this|that) (?:at|for) )?(?:about |around |roughly |just |only |exactly |a )?(?:\$\s?\d[\d,.]*\s*k?|"
                            r"\d[\d,.]*\s*(?:k|grand|thousand|hundred|dollars|bucks)|(?:[\w-]+ ){0,3}(?:thousand|hundred|grand|dollars|bucks))"
                            r"(?: (?:flat|even|all[- ]in|in total|total|tops|max|a year|a month|per \w+|for (?:the|a) (?:year|month)|"
                            r"or (?:less|under|below))){0,2}\s*(?:(?:[,;]|\s+(?:and|but|or)\b).*)?$|"
                            # "wants the annual plan", "the Growth plan at 7,990": a plan or tier of ours picked, a purchase, not a problem
                            r"(?:the |an? |our |your )?(?:[\w-]+ ){0,2}(?:plan|tier|package|edition|bundle|subscription)(?: at [^,;]{1,40}| for (?:now|(?:about |around )?\$?\d[^,;]{0,30}))?\s*(?:$|[,;.]|(?=\s+(?:instead|over|rather|not|but|and|with|because|since|so)\b))|"
                            # "wants Scale for the whole team": a plan of ours by its name
                            r"(?-i:Starter|Growth|Scale|Pro|Premium|Enterprise|Basic|Standard|Essentials)(?: (?:plan|tier|package))?(?: for "
                            r"(?:the |their )?(?:whole |entire )?(?:team|company|org|office|staff|group|practice|firm))?\s*(?:$|[,;.]|"
                            r"(?=\s+(?:instead|over|rather|not|but|and|with|because|since|so|plus)\b))|"
                            # "she wants to go ahead": a yes to the deal; "needs my manager's approval": someone's ok
                            r"(?:go|going) ahead\b|proceed\b|go forward\b|move ahead\b|"
                            r"(?:my|our|his|her|their|the) (?:[\w-]+ ){0,2}[\w-]+(?:'s|s') (?:approval|sign-?off|signature|ok|okay|blessing|"
                            r"go-?ahead|yes)\b|get (?:everything|it|this|that|things|the \w+) (?:signed|done|live|over)|"
                            r"run (?:a|the) (?:pilot|trial|test)|"
                            # "wants a live demo with the front desk staff in the room": a meeting asked for, not a problem
                            r"(?:[\w-]+ ){0,2}(?:demo|walk-?through)s?(?=\s+(?:with|for|of|on|next|this|before)\b|\s*[.,;]|\s*$)|"
                            # "wants Avoma's meeting recaps compared first": an evaluation step, not a problem
                            r"(?:[\w'-]+ ){0,4}(?:compared|benchmarked|tested|evaluated)(?: (?:first|side by side|against\b.*|with\b.*))?$|"
                            r".*\bside[- ]by[- ]side\b|"
                            # "wants UK GDPR clauses added": a contract term asked of us, not a problem
                            r"(?:[\w-]+ ){0,3}(?:clauses?|redlines?|provisions?|addend(?:um|a)|riders?)\b|"
                            # "two warehouses in the pilot instead of one", "to take it company-wide", "to extend the pilot to their
                            # Lyon store": the deal's scope, not a problem
                            r"(?:[\w-]+ ){0,3}(?:in|into|on|to) the (?:pilot|trial|rollout|contract|order|plan)\b(?: instead\b.*)?$|"
                            r"(?:[\w-]+ ){1,3}(?:in|into) the (?:pilot|trial) instead of\b|"
                            r"take (?:it|this|us|them) (?:company|org|organi[sz]ation|group|firm)[- ]?wide\b|"
                            r"(?:extend|expand|grow) (?:the|their|this) (?:pilot|trial|poc)\b|"
                            # "want to bring the Hamburg property team on too": more of the deal, not a problem
                            r"bring (?:the |their |a |an )?(?:[\w-]+ ){0,3}(?:teams?|offices?|sites?|stores?|clinics?|locations?|branch(?:es)?|"
                            r"departments?|groups?|cit(?:y|ies)) (?:on|onto|in|aboard|on board)\b|"
                            # "procurement wants a competing quote from Dialpad": their buying process, not a problem
                            r"(?:competing|rival|counter|second|cheaper|comparison) (?:quotes?|proposals?|bids?|offers?)\b|pilot|trial|try|test|make (?:a|the) (?:decision|call)|"
                            r"(?:\w+ )?(?:legal )?review|(?:\w+ )?approval\b(?!s)|(?:\w+ )?sign[- ]?off|.*\bfrom (?:me|us)\b|"
                            r".*\bto (?:approve|sign(?: off)?|decide|agree|okay|ok)\b|"
                            # "nobody else needs to bless it": an approval, not a problem
                            r"(?:bless|okay|ok|green-?light|rubber-?stamp|weigh in on|sign off on)\b|"
                            r"sign|approv|talk|check|"
                            # "he's the one you need to convince": who must be won over, not a problem
                            r"(?:convince|persuade|win over|sell to|get past|get through to|impress)\b|"
                            # "wants the new site managers trained in their first week": our training, not a problem
                            r"(?:the |their |his |her |all )?(?:[\w-]+ ){0,3}(?:trained|onboarded|shown around)\b|"
                            # "they want to go annual", "switch to the yearly plan": a contract term, not a problem
                            r"(?:go|move|switch|convert|upgrade) (?:to )?(?:an? |the )?(?:annual|yearly|monthly|multi-year|two-year|three-year)\b|"
                            # a win-back on new terms ("wants to come back on an annual plan"): the contract term, not a problem
                            r"(?:come|get|be) back (?:on|to|onto) (?:an? |the |our )?(?:annual|yearly|monthly|quarterly|multi-year|two-year|"
                            r"three-year|[\w-]+ plan\b)|"
                            # "wanted a two-year contract": a contract term, not a problem
                            r"(?:an? |the )?(?:one|two|three|four|five|multi|\d+)[- ]years? (?:contract|term|deal|commitment|agreement)\b|"
                       r"run it|loop|get (?:sign|approv|buy)|get (?:the |their |his |her )?\w+(?:'s)? (?:blessing|approval|"
                       r"sign[- ]?off|ok|okay|go[- ]ahead|buy[- ]in)|think|see (?:a |the |some )?(?:[\w-]+ ){0,2}(?:demo|"
                       r"proposal|pricing|quote|numbers|figures|roi|case stud\w*|references?|data)|"
                       r"hear back|decide|go live|see what|revisit|launch|roll|be live|have it|get it|move|wait\b(?!\s+(?:times?|lists?)\b)|start|begin|kick|onboard(?!ing\s+(?!to\b)(?:[\w-]+ ){0,2}[\w-]+s\b)|reopen|"
                       # a meeting moved ("push the demo to the 10th"): a next step, not a problem
                       r"(?:push|reschedule|shift|bump|postpone|rebook|bring forward) (?:the |our |their |this |that )?(?:[\w-]+ ){0,2}(?:demo|call|meeting|walk-?through|workshop|session|review|presentation|kick-?off|visit|check-?in)s?\b|"
                       r"approval\b(?!s)|"
                       # "he'd like David Kim to join", "wants their CTO on the call": a person at a meeting, not a problem
                       r"(?:(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?|(?:their|his|her|the|our) [\w-]+) (?:to (?:join|attend|sit in|be there|"
                       r"come)|on the (?:call|demo|meeting))\b|"
                       r"(?:[\w-]+ )?(?:call|meeting|chat|intro|session)s? with\b|"
                       # "wants a call next week with Kim": a meeting, not a problem ("a call summary" still is one)
                       r"(?:a|an|another) (?:[\w-]+ )?(?:call|meeting|chat|intro|session)\b(?!\s*(?:summar|notes?|logs?|recordings?|"
                       r"transcripts?|cent(?:er|re)|routing|queue|volume|tracking|scripts?|flows?|-))|"
                       r"(?:[\w-]+ )?(?:call|meeting|chat|intro|session) (?:next|this|tomorrow|later|(?:on )?(?:mon|tues|wednes|thurs|fri)day)\b|"
                       r"(?:(?:a|an|the|another|some) (?:[\w-]+ ){0,2}?)?(?:demo|proposal|quote|trial|pilot|sandbox|"
                       r"walkthrough|recommendation|"
                       r"workshop|references?|case stud)|get (?:started|going)|(?:more )?time|(?:a )?decision|"
                       r"(?:an )?answer|close|closing|clos(?:e|ed) by|signed|our (?:pricing|prices?|quote|proposal|deck|"
                       r"docs?|contract|numbers|terms|security)\b|see (?:it|this|that|them)\b|(?:a |the |their |his |her )?"
                       # "wants the board's yes by the end of the year": an approval of the purchase, not a problem
                       r"(?:[\w-]+(?:'s|s') )?(?:yes|ok|okay|go-ahead|green light|nod|blessing|sign-?off)\b|(?:a )?business case|(?:an )?roi\b|justification|"
                       # "she still wants to build the business case", "write the ROI justification": their buying work
                       r"(?:build|make|write|put together|pull together|draft|prepare|finish|work on) (?:a |an |the |their |her |his )?"
                       r"(?:internal |formal |proper )?(?:business case|case|roi|justification)\b|(?:us|me|"
                       r"our (?!(?:thing|product|tool|bot|app|platform|software|system|integration|agent|assistant)\b)(?:[\w-]+ ){1,2}?)to\b(?! " + _SERVICE + r")|spend|pay|save money|"
                       # "wants us to build the pilot": a trial, not the problem
                       r"(?:(?:us|me) to )?" + _SERVICE + r"\s*(?:the |a |an |their )?(?:pilot|trial|poc|proof of concept|demo|sandbox)\b|"
                       r"add (?:\w+ ){0,2}(?:users|seats|licen\w+)|see how|compare|(?:a )?comparison|(?:a |the |"
                       r"more )?(?:budget|money|funding)\b|a quote|a proposal|pricing|references?|the (?:deck|contract)|"
                       r"switch|migrate|sign|buy|purchase|renew|"
                       # a document wanted by a date, small talk, a price concession: no problem to solve
                       # a document or deliverable of ours ("our SOC 2 report", "a short deck he can forward"), or the
                       # renewal itself done: something to hand over, not a problem to solve
                       r"our (?!(?:thing|product|tool|bot|app|platform|software|system|integration|agent|assistant|solution|"
                       r"service|help)\b)(?:[\w-]+ ){0,3}(?:reports?|certificates?|certifications?|polic(?:y|ies)|questionnaires?|"
                       r"documentation|docs?|audits?|attestations?|pen[- ]?tests?|insurance|references?|sla|dpa|agreements?|"
                       r"price list|case stud(?:y|ies)|one-pagers?|slides|deck)\b|"
                       r"(?:the |their |a |an )?(?:[\w-]+ ){0,2}(?:deck|one-pager|slides|brochure|write-?up|overview doc)\b|"
                       r"(?:the |their |this |that )?(?:[\w-]+ )?(?:renewal|contract|deal|purchase)s? (?:done|signed|sorted|"
                       r"finished|wrapped up|processed|closed|over with|through|handled)\b|"
                       r"(?:the |their |a |an |our )?(?!(?:digiti[sz]e|automate|replace|fix|kill|eliminate|move|put|scan|stop|simplify|shorten|"
                       r"streamline)\b)(?:[\w-]+ ){0,2}(?:paperwork|order form|invoice|documents?|forms?|"
                       r"signature|w-?9|po|purchase order)\b(?!\s+(?:collected|gathered|digiti[sz]ed|automated|processed|handled|tracked|routed|"
                       r"pre-?filled|in one place)\b)(?!\s+(?:done|filled(?: in| out)?|completed|submitted) (?:on|online|"
                       r"digitally|electronically|by (?:the )?(?:patients?|customers?|parents?|tenants?)))|"
                       r"(?:chat|vent|catch up|gossip|talk|complain|hear|tell me) (?:about|with)\b|say hi\b|discuss\b|"
                       # the deal's own terms asked of us (a discount, a billing schedule, a seat count, a price
                       # match) or a question for us ("to know if we'll match it"): no problem to solve
                       r"(?:[\w-]+ ){0,3}(?:percent|%) off\b|net[- ]?(?:\d+|fifteen|thirty|forty-five|sixty|ninety)\b|(?:a )?cap on (?:the )?liability\b|"
                       r"(?:a )?liability cap\b|back in\b|(?:a |an |some |the )?(?:[\w-]+ )?discount\b|(?:[\w-]+ )?"
                       r"(?:monthly|quarterly|annual|yearly|net[- ]?\d+) (?:billing|invoic\w+|payments?|terms)\b|"
                       r"(?:the |their )?(?:[\w-]+ )?(?:seat|user|licen[cs]e) counts?\b|(?:the |better |new )?(?:payment )?terms\b|"
                       r"(?:to )?(?:know|find out|understand|ask) (?:if|whether|how much|what|why)\b|"
                       r"(?:us|me) to (?:match|beat)\b|"
                       # "want our alerts piped into Slack", "want our thing to sit on top of HubSpot": an integration
                       # with a tool they use, not the problem to solve
                       r"our (?:[\w-]+ ){1,2}(?:piped|plugged|synced|hooked|wired|connected|integrated) (?:in|up )?(?:to|into|with)\b|"
                       r"our (?:[\w-]+ ){0,2}(?:thing|product|tool|app|platform|software|system|bot) to (?:sit (?:on top of|alongside|inside)|"
                       r"plug into|integrate with|connect (?:to|with)|sync with|hook into|work (?:with|inside))\b|"
                       r"(?:us|me) (?:closer|lower|cheaper|down|under|below|nearer|more competitive|to come down|"
                       r"to sharpen|to match))", re.I)
_NEED_NEG = re.compile(r"\b(?:don't|doesn't|didn't|do not|does not|no)\s+(?:really\s+)?(?:need|want|care)|\bno need\b|"
                       r"\bno (?:[\w-]+ ){1,2}(?:needed|required)\b|"  # "no approvals needed under 5k": nothing needed
                       r"(?:\bnot|n't|\bnever|\bno longer) (?:\w+ )?(?:interested|keen|looking)\b|"
                       r"\bnot (?:a|really a) (?:problem|priority|issue)\b|\b(?:isn't|is not|wasn't|not) (?:the|a|an|their) "
                       r"(?:\w+ )?(?:issue|problem|pain|concern|priority)\b", re.I)

_PAIN = re.compile(
    # issue/18g: "forms are still being faxed", "pickers wait on phone confirmations", "the pen test flagged gaps"
    r"\b(?:(?:still )?(?:being |get |gets )?faxed\b|wait(?:s|ing)? on (?:[\w-]+ ){0,2}(?:confirmations?|approvals?|callbacks?|"
    r"replies|sign-?offs?|answers)\b|flagged (?:\w+ )?(?:gaps|issues|holes|problems|weaknesses|findings)\b|eat(?:s|ing)? up|eat(?:s|ing)? (?:half|most|all|a third|a quarter)\b|wast(?:e|es|ed|ing)|overwhelmed|jammed|swamped|"
    r"drowning|breaks|broke|broken|(?:has|have) doubled|(?:has|have) tripled|(?<!gatekeeper )(?<!decider )(?<!buyer )(?<!owner )(?<!signer )"
    r"(?<!approver )(?<!lead )on paper|by hand|slip(?:s|ping)? through|fell over|falls? over|manual(?:ly)?|"
    r"lose (?:track|them|leads|deals|customers|clients)|lost track|losing|(?:takes?|took|"
    r"taking) (?:them )?(?:\w+ ){0,3}(?:weeks?|days?|hours?|minutes?)|(?:can't|cannot|doesn't|does not|won't) (?:handle|"
    r"support|cope with|scale|integrate|keep up|answer (?:the )?(?:phones?|calls|emails|chats|tickets|messages|questions)|pick up)|"
    # "new hires wait a week for laptops and accounts": a wait of theirs
    r"wait(?:s|ed|ing)? (?:a |an |up to |over |about |almost |nearly |like )?(?:\w+ )?(?:weeks?|days?|hours?|months?|"
    r"fortnight) (?:for|to|before)\b|forg[eo]ts? to|(?:is|are) (?:\w+ )?(?:useless|unreliable|a mess|messy|chaos|"
    r"a nightmare)|(?:rates?|conversions?|retention|renewals|activation|adoption|engagement|completion|nps|csat|margins?) (?:is|are) "
    r"(?:\w+ )?(?:bad|poor|low|weak|terrible|awful)\b|"
    r"(?:is|are) (?:always |often |very |really |so |too |totally |completely )?(?:inconsistent|unreliable|"
    r"outdated|clunky|inaccurate|out of control|all over the place)|average (?:about |around |over )?(?:\w+ ){0,2}(?:days|"
    r"hours|weeks)|stuck (?:with|on|in)|nobody likes|hates? \w+ing|re-?(?:enter|type|key)(?:s|ed|ing)?\b|stuck (?:\w+ing)\b|"
    # "on the phone all night answering where's-my-truck calls", "pay two contractors just to triage tickets"
    r"on the phones? (?:all (?:day|night|morning|afternoon|evening|week|weekend)|nonstop|non-stop|constantly)|"
    r"(?:pay|pays|paying|employ|employs|hired?|keeps?) (?:[\w-]+ ){1,6}?(?:just|only) to \w+|"
    r"copy(?:ing)?[- ](?:and[- ])?past\w*|los(?:e|es) \w+|(?:with|has|have) (?:the )?wrong \w+|(?:errors|mistakes) in|"
    r"drops? (?:calls|connections|orders|leads|messages|the ball)|furious|angry|complain\w*|rework\w*|"
    r"nobody (?:\w+ )?(?:calls back|picks up|returns)|(?:takes?|took|eats?) (?:up )?(?:half|most|all|a third|a quarter) of|"
    r"bounces? (?:around|between)|back and forth|gets? stuck|re-?key\w*|paper (?:logs|forms|records|files|invoices|"
    r"checklists)|break(?:s|ing)? down|live in (?:google sheets|spreadsheets|excel|email)|scattered|spread across|(?:in|"
    r"across|from) (?:\w+ ){0,2}(?:different|separate) (?:tools|systems|apps|spreadsheets|places|inboxes|lists|sheets|channels)|(?:nobody|no one) owns\b(?! (?:this|it|that|the (?:deal|project|decision|budget|relationship|account)))|(?:are|is) churning|double[- ]?book\w*|"
    r"still using (?:\w+ )?(?:paper|spreadsheets|excel|email|whiteboards|fax)|keeps? (?:on )?\w+ing|(?:is|"
    r"are) always (?:wrong|late|off|broken|down|behind)|(?:\w+n't|not) (?:\w+ ){1,5}(?:fast|quick(?:ly)?|well|"
    r"reliabl[ey]) enough|(?:is|are|keeps?) missing|(?:sit|sits|sitting|wait|waits|waiting) (?:for )?(?:\w+ )?(?:hours|"
    r"days|weeks|overnight\b|all weekend|for ages)|miss(?:es|ed|ing)? (?:about |around |over |up to )?(?:[\w-]+ ){0,5}(?:windows|deadlines|slas|callbacks|"
    r"call-backs|emails|inquiries|enquiries|requests|questions|texts|voicemails|bookings|reservations|"
    r"messages|tickets|shipments|follow-ups|calls|leads|deadlines|appointments|deliveries|payments|orders|renewals)|"
    r"can't (?:see|track|tell|find|trust)|no (?:visibility|way to)|"
    # issue/18u: "has no pipeline visibility", "reps juggle leads", "nobody knows who called whom", "patients can't get through
    # on the phone and hang up", "front desk re-types everything", "intake is still clipboards"
    r"(?:has|have|had|there's|there is|with) no (?:[\w-]+ ){1,2}(?:visibility|overview|insight)|juggl(?:e|es|ed|ing) (?:[\w-]+ ){0,3}"
    r"(?:leads|calls|tickets|requests|emails|inboxes|spreadsheets|tools|systems|orders|bookings)\b|(?:nobody|no one|no-one) knows "
    # (not "nobody knows who will sign now": who decides is unknown, no problem of theirs)
    r"(?:who|what|which|where|when|whether|if)\b(?! (?:will |'ll |would |is going to |should |can |gets to )?(?:sign|decide|approve|buy|"
    r"pay|own|owns|replace|replaces|take over|takes over|be (?:the )?(?:decider|signer|approver|buyer|budget))\b)|(?:patients|customers|callers|clients|parents|tenants|drivers|members|guests|buyers) "
    r"(?:\w+ )?(?:can't|cannot|couldn't|don't|never) get through\b|(?:patients|customers|callers|clients|parents|tenants|guests|buyers) "
    r"(?:\w+ ){0,6}?hang(?:s|ing)? up\b|"
    r"spend(?:s|ing)? (?:way too long|too long|too much time|half|(?:\w+ ){0,2}(?:hours|days|weeks|minutes|afternoons?|"
    r"mornings?|evenings?|weekends?))|(?:shows?|showing|turns?|arrives?) up late|(?:is|are|lives?|runs?|done|kept) "
    r"(?:all |still |entirely |mostly )?(?:in |on )?(?:two |three |four |five |several |many |a dozen |separate |different )?"
    r"(?:spreadsheets|paper|excel|email|whiteboards|clipboards|faxes|fax|binders|notebooks|sticky notes|post-its)|nobody (?:\w+ )?(?:listens|answers|responds|follows up|checks|"
    r"reads)|(?:their|the) (?:\w+ ){1,3}can't (?!(?:make|attend|join|come|be there)\b)\w+|can't (?:keep up|hire)|nobody (?:answers|responds|"
    r"follows up)|missing (?:calls|leads|deadlines)|(?:is|are) (?:\w+ )?(?:days|weeks)\b|backlog|falls? through the cracks|"
    r"double[- ]entry|takes? forever|(?:hate|hates|hated|can't stand|despise) (?:the |their |its )?(?:current |old |"
    r"existing )?(?:[\w-]+ ){0,2}(?:system|tool|software|platform|app|process|setup|vendor|provider)|no-?shows?|overflow\w*|(?:'s|is|are) (?:\w+ )?(?:awful|terrible|horrible|a disaster|"
    r"painful)|(?:wait|waits|waiting|on hold) (?:for )?(?:\w+ ){0,2}minutes|(?:wait|waits|waiting) (?:for )?(?:about |over |up to )?\d+\+?\s?(?:minutes|mins)\b|"
    # "agents hit the 5k-contact limit every week": a limit they keep running into
    r"(?:hit|hits|hitting|maxed out|max out|bump(?:s|ing)? (?:up )?against|run(?:s|ning)? into) (?:the |their |a |its )?"
    r"(?!(?:[\w-]+ ){0,2}(?:budget|spend|spending|credit|signing|approval|discount)\b)(?:[\w-]+ ){0,3}(?:limit|cap|ceiling)s?\b|(?<!has )(?<!have )(?:doubled|tripled|quadrupled|spiked|exploded|ballooned)|"
    r"spend(?:s|ing)? (?:most|all|half|much|a lot|a third|a quarter) of (?:the|their|each|every) (?:day|week|morning|"
    r"afternoon|time|shift)|(?:calls|tickets|emails|messages|questions|requests|chats) (?:are|is) (?:all |mostly |just |"
    r"still )?(?:people|customers|callers|clients|patients|parents|tenants|drivers|members) (?:asking|checking|chasing|"
    r"calling)|(?:rates?|numbers|scores?|revenue|conversions?|sales|retention|attendance|bookings|margins?|"
    r"renewals|engagement|completions?|nps|csat) (?:are|is|have|has) (?:\w+ )?(?:down|dropping|falling|declining|"
    r"slipping|tanking|dropped|fallen|slipped)|outgr[eo]w\w*|"
    # issue/18e: "the inbox is on fire", "first response is like two days", "buried in requests", "stuff gets lost",
    # "spend the whole night shift on the phone", "chased by email", "eats fifteen hours a week", "pull data into Excel"
    r"(?:is|are) on fire|burn(?:s|ing|ed|t)? (?:[\w-]+ ){0,2}(?:hours|days|afternoons?|mornings?|evenings?|weekends?|nights?|"
    r"time)(?: (?:a|per|each|every) (?:day|week|month|shift))? on\b|(?:go|goes|going|went|sit|sits|sitting) (?:unanswered|unread|ignored)\b|"
    r"(?:is|are|make up|makes up|account for|accounts for) (?:about |around |over |roughly |nearly |almost )?\d+ ?(?:percent|%) of "
    r"(?:all |their |the )?(?:[\w-]+ )?(?:tickets|calls|requests|emails|chats|volume|inquiries|contacts|cases)\b|(?:is|are) (?:like |about |around |over |almost |nearly )?(?:[\w-]+ )?(?:days|weeks)\b|buried (?:in|under)|"
    r"(?:gets?|got|getting) lost|spend(?:s|ing)? (?:the )?(?:whole|entire) (?:[\w-]+ )?(?:day|week|morning|afternoon|shift|"
    r"night|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|lives? in (?:a |an )?paper (?:book|diary|calendar|binder|log|"
    r"folder)s?|(?:chas|track|manag|handl|coordinat|confirm|schedul|book|process|collect)\w* (?:[\w-]+ ){0,2}(?:by|over|via|through|in) (?:fax|email|"
    r"e-mail|phone|text|spreadsheets|excel|paper|hand|whatsapp)|eats? (?:up )?(?:about |around |roughly |over |almost |"
    r"nearly )?(?:[\w-]+ ){0,2}(?:hours|days|minutes)|(?:pull|pulls|pulling|copy|copies|copying|paste|pastes|export|exports|"
    r"key|keys|type|types) (?:[\w-]+ ){0,3}into (?:a |an |the )?(?:excel|spreadsheets?|sheets?|google sheets)|too (?:slow|long)|still (?:on|in) (?:paper|spreadsheets|excel)|"
    # issue/18j: "everything lives in" a sheet or inbox (not in the CRM they use), "sit 2+ hrs", "three days behind",
    # "silent failures"
    r"everything lives in(?! (?-i:[A-Z])(?!xcel\b)[\w-]+)|(?:sit|sits|sitting|wait|waits|waiting) (?:for )?(?:about |over )?\d+\+? ?(?:hrs?|mins?)|"
    r"(?:\d+|[\w-]+) (?:days|weeks|hours) (?:behind|deep)|(?:silent |constant |frequent |repeated |random )failures|"
    r"(?:keep|keeps|kept) failing|"
    # issue/18o: "half of them never follow up on sign-ins", "instructors answer the same fifty questions every cohort"
    # "onboarding a new customer takes ~3 wks" (typed units); "their pen test found there's no audit trail"
    r"(?:takes?|took|taking) (?:them )?(?:~|about |around |over |nearly |almost |like )?\s?\d+\+?\s?(?:wks|hrs|mins|days)\b|(?:found|flagged|showed|revealed) (?:that )?(?:there's|there is|there are|"
    r"they have|they've got) no\b|"
    r"never (?:follow(?:s|ed)? up|call(?:s|ed)? (?:them )?back|get(?:s)? back to)|(?:answer|answers|answering|field|fields|fielding|"
    r"get|gets|getting) the same (?:[\w-]+ ){0,2}(?:questions|requests|emails|calls|tickets)|"
    # issue/18n: "nobody has a single view of them", "no one place to see them", "come in by phone, email and WhatsApp"
    r"(?:nobody|no one|no-one) (?:has|have|gets?|sees?) (?:a |one |any |the )?(?:single|unified|central|full|complete|clear|whole) "
    r"(?:view|picture|overview|list)|no (?:single|unified|central|one) (?:view|place|inbox|list)\b|"
    r"(?:come|comes|coming|arrive|arrives|arriving|land|lands|landing) in (?:by|through|via|over|from|on) (?:[\w-]+,? ){1,3}(?:and|or) "
    r"(?:[\w-]+))\b", re.I)
#: "we'd pull job status from it so managers stop phoning HQ": what our part stops them having to do (said in a clause of
#: ours, which :func:`_pain` otherwise skips)
_OURS_FOR_THEM = re.compile(r"\bso (?:that )?(?!(?:i|we|my|our)\b)(?:the |their )?(?:[\w-]+ ){0,2}(?:stop|stops|no longer|don't have to|"
                            r"doesn't have to|quit|can stop) \w+ing\b", re.I)


def _pain(sentences: list[str]) -> tuple[str | None, str | None]:
    """A sentence that states the customer's problem without a need word ("Level one tickets eat up
    eighty percent of her helpdesk's time"): the clause itself is the need."""
    for s in sentences:
        if _DONE_ALREADY.match(s.strip()):
            continue  # "Done, confirmed by email.": our report of a request met, no problem of theirs
        if re.match(r"^(?:the\s+)?next(?:\s+steps?)?\s*(?:is|are|:|-|,)\s", s.strip(), re.I):
            continue  # "next step: I rework the proposal": the step the note labels, no problem of theirs
        for c in _clauses(s) or [s]:
            m = _PAIN.search(c)
            ours = _seller_subject(c, 0) or re.match(r"^(?:\w+\s+)?(?:i|we|our|my)\b", c, re.I)
            # ("we'd pull job status from it so managers stop phoning HQ": what we do for them, said with what it stops)
            # (said without a need word too: "the plan is we'd push alerts so dispatch stops texting them"; with one, the
            # need cue reads it whole)
            ours_for_them = _OURS_FOR_THEM.search(c)
            if ours_for_them and (ours or (not m and not _NEED_CUE.search(c))):
                m = ours_for_them
            elif not m or ours:
                continue
            if m is None:
                continue
            if re.search(r"\b(?:so|so that|in case|lest)\s+(?:i|we)\s+(?:(?:don't|do not|won't|wouldn't|can't|didn't)\s+)?(?:\w+\s+)?$",
                         c[:m.start()], re.I):
                continue  # "a recap so I don't lose it", "so we don't forget": the seller's own worry, not their problem
            if _BUDGET_CUE.search(c) and _amounts(c):
                continue
            if re.search(r"\b(?:their|the|our|last|this|[\w-]+'s)\s+(?:[\w()$,.-]+\s+){0,3}?invoice\b[^.;]*?\b(?:is|was|are|were|'s)\s+(?:still\s+)?"
                         r"(?:[\w-]+\s+){0,2}?(?:past due|overdue|outstanding|unpaid|late)\b|\bpayment for\b[^.;]*?\b(?:is|was)\s+(?:still\s+)?"
                         r"(?:[\w-]+\s+){0,3}?(?:past due|overdue|late)\b", c, re.I):
                continue  # "their annual invoice is 40 days past due": our billing, not their problem
            busy = BUSY_PERSON.search(s)
            if (busy and m.group(0).lower() in busy.group(0).lower()) or (OUR_NO_SHOW.search(c) and re.match(r"no-?show", m.group(0), re.I)):
                continue  # "Iris decides but is buried in fundraising", "third no-show": the decider busy, our meeting missed
            if re.search(r"(?:\b(?:he|she)|(?-i:\b[A-Z][a-z]+))(?:'s| is| was) (?:\w+ )?(?:buried|swamped|slammed|drowning|snowed under)\b", c) \
                    and re.search(r"\b(?:won't|can't|will not|cannot|not going to|isn't going to) (?:look at|get to|review|read|touch)\b|"
                                  r"\b(?:until|till|before) (?:the |after )?\w+|\bback (?:on|in|after)\b", s, re.I):
                continue  # "Theo's buried in year-end audits, won't look at anything before the 15th": one person busy, no problem of theirs
            if re.search(r"\b(?:rep|reps|salesperson|sales ?(?:guy|rep|team|people)|vendor|recruiters?|account manager)\b[^.]*?"
                         r"\bkeeps? (?:on )?(?:calling|emailing|pinging|pitching|chasing|following up|messaging)\b", c, re.I) or re.search(
                    r"\bkeeps? (?:on )?(?:pitching|upselling|trying to (?:sell|upsell))\b", c, re.I):
                continue  # "a Dynamics rep keeps calling him": another vendor pestering them, not their problem
            if re.search(r"\b(?:legal|procurement|security review|(?:their|the) review|approval|sign-?off|contract|redlines?|"
                         r"paperwork)\b[^.]*\btak(?:e|es|ing)\b", c, re.I) or re.search(
                    # "the works council has to be informed first, which takes a few weeks": a body they must consult
                    r"\b(?:(?:has|have|needs?|got) to|must) be (?:informed|consulted|notified|briefed|heard|told)\b|\b(?:informing|consulting|"
                    r"notifying|briefing) (?:the|their) (?:[\w-]+ ){0,2}(?:council|union|board|committee|regulator)\b", c, re.I):
                continue  # "legal will take like six weeks": their buying process, not a problem to solve
            if re.search(r"\b(?-i:[A-Z][\w.&-]+)(?:'s [\w-]+)? (?:is|are|was|were) (?:now )?(?:out|gone|off the (?:list|table)|ruled out|dropped)\b|"
                         r"\b(?:dropped|cancell?ed|ended|killed) (?:the |their )?(?-i:[A-Z][\w.&-]+)?\s*(?:trial|pilot|poc|evaluation)\b", s):
                continue  # "Zendesk is out, they hated the reporting": why another vendor went, not their problem
            if re.search(r"\b(?:budget|revenue|sales|funding|valuation|profits?|margins?|bookings|sign-?ups|growth)\b[^.,]*\b"
                         r"(?:doubled|tripled|quadrupled|spiked|exploded|ballooned)\b", c, re.I):
                continue  # "their revenue doubled": good news, not a problem
            return _clean(c), s
    return None, None


# "Their forecasts are always wrong, that's what they want fixed": the clause before names the need
_THATS_THE = re.compile(r"^(?P<need>.{8,}?),?\s+(?:and\s+)?(?:that's|that is|which is|this is|that was)\s+(?:what (?:they|"
                        r"she|he) "
                        r"(?:want|need|cares? about|hope)\w*|what (?:the |our |this )?(?:[\w-]+ ){0,2}(?:replaces|would replace|will replace|fixes|"
                        r"solves|automates|kills)|(?:the|their|her|his) (?:\w+ ){0,2}(?:problem|issue|"
                        r"pain(?: point)?|"
                        r"headache|challenge|priority|concern|thing|pitch|ask|story|need))\b", re.I)
#: "the after-hours order line is the one thing they can't live without", "Call summaries into Pipedrive, still the ask":
#: the words before name what they need
_NEED_BEFORE = re.compile(r"(?:^|,\s+)(?P<need>(?!(?:it|this|that)\b)[^,;]{8,}?)(?:,?\s+(?:is|are) the (?:one |only )?thing (?:[\w' ]{0,25}?)"
                          r"can't (?:live|do|work|go) without|"
                          # "route planning is the bit they care about", "the reporting is the part she really wants"
                          r"\s+(?:is|are) the (?:bit|part|piece|feature|module|one|thing) (?:they|she|he) (?:really |actually |most |mainly )?"
                          r"(?:care|cares|cared|want|wants|wanted|need|needs) ?(?:most )?(?:about)?\b|,\s+(?:(?:is|was) )?(?:still |also )?(?:the|their|her|his) (?:main |real |"
                          r"big |whole |only )?(?:ask|need|priority)[.!]?$|"
                          # "The crew scheduling mess is still the reason for all this": what the deal is for
                          r"\s+(?:is|are|was) (?:still |also )?(?:the|their) (?:whole |main |real |only |big )?reason (?:for|behind) (?:all )?"
                          r"(?:this|it|the (?:project|deal|purchase|call|evaluation)))", re.I)
#: "Onboarding is still the pain, three weeks per new customer": what is named as their pain (not a price or a term)
_IS_THE_PAIN = re.compile(r"^(?:and |but |so )?(?:(?:he|she|they|(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?) (?:says|said|thinks|reckons|told (?:me|us))"
                          r"(?: that)? )?(?P<need>(?!(?:it|this|that|which|there|the (?:price|cost|budget|timing|contract|legal)|"
                          r"price|cost|budget|money|timing|pricing|legal|procurement|approval|the approval)\b)[^,;]{4,60}?)\s+(?:is|are|was|were|"
                          r"remains?) (?:still |also |definitely |clearly )?(?:(?:the|their|her|his) (?:main |real |big |biggest |whole |core |key )?|"
                          # "maintenance requests are a bigger pain than tenant questions": the one called worse
                          r"(?:a |an )?(?:much |far |way )?(?:bigger|worse|larger|greater) )"
                          # ("new-hire paperwork is the big thing, they're still emailing PDFs": the thing named as theirs)
                          r"(?:pain|problem|issue|headache|bottleneck|(?<=big )thing|(?<=biggest )thing|(?<=main )thing|(?<=real )thing)"
                          r"(?: point)?(?: than [^,:;]+)?\s*(?:[,:]\s*(?P<more>[^;]+?))?[.!]?$", re.I)
#: "What he wants is X", "what they really need is X", "All she wants is X": the need, named as such
_WHAT_THEY_WANT = re.compile(r"(?:^|[,;:]\s*|\bbut\s+|\band\s+|\bso\s+)(?:what|all) (?:they|she|he|(?-i:[A-Z][a-z]+)) (?:really |actually |mainly |now |still |"
                             r"mostly |most |just )?(?:wants?|needs?|cares? about|is after|are after|'s after|asked for)(?: most| now| still| here)? (?:is|are)\s+"
                             r"(?:to\s+)?(?P<need>[^;.]{6,})", re.I)
#: "The problem is ...", "The pain:": a label that opens the sentence names all of what follows
_LABEL = re.compile(r"^(?:the )?(?:main |big |biggest |real |core )?(?:problem|pain(?: point)?|issue|need)s?\s*(?:is|was|:)\s*", re.I)
#: "the onboarding automation live by January 15th": a named capability wanted in place by a date is the need
_LIVE_BY = re.compile(r"^((?:the |their |an? )?(?:[\w-]+ ){1,2}(?:automation|reminders?|workflows?|scheduling|routing|reporting|"
                      r"dashboards?|intake|onboarding|tracking|deflection|triage|follow-?ups|summaries|notifications|alerts|"
                      r"self-service|invoicing|dispatch))\s+(?:live|in place|running|up and running|ready|"
                      r"rolled out|deployed)\s+(?:by|before|in|for)\b.*$", re.I)
# "... and they want to cut that in half": a need phrase that points back at what was just said
_POINTS_BACK = re.compile(r"^(?:\w+\s+){0,3}?(?:it|this|them|those|these)\b|^(?:\w+\s+)?that\b", re.I)  # ("orders that come in": a relative)


# "the one complaint, escalations dropping the chat transcript, is fixed in 4.2": a problem said as solved already
_FIXED = re.compile(r"\b(?:is|was|are|were|has been|have been|got|'s) (?:now |already |all |since |actually )?(?:been )?(?:fixed|resolved|"
                    r"solved|sorted(?: out)?|patched|taken care of)\b", re.I)


def _drop_fixed(s: str) -> str:
    parts = re.split(r";\s*|,?\s+but\s+", s)
    if not _FIXED.search(s) or (len(parts) < 2 and re.search(r"\b(?:wants?|needs?|would like|'d like)\b", s, re.I)):
        return s
    return "; ".join(p for p in parts if not _FIXED.search(p))


def _need(sentences: list[str]) -> tuple[str | None, str | None]:
    # ("after some back and forth", "if this isn't live by X I lose the budget line", "wants to restart": no need)
    sentences = [d for d in (strip_not_needs(_drop_fixed(s)) for s in sentences) if d.strip(" .,;")]
    # "Pain hasn't changed: foremen still file site logs on paper": the label, with what it says of itself dropped
    sentences = [re.sub(r"^((?:the )?(?:main |big |biggest |real |core )?(?:problem|pain(?: point)?|issue|need)s?)\s+(?:still\s+)?"
                        r"(?:hasn't|has not|didn't|did not|hasn't really) change(?:d)?\s*:", r"\1:", s, flags=re.I) for s in sentences]
    # "Zendesk keeps trying to upsell her on their workforce tool": another vendor's pitch, not their need
    sentences = [s for s in sentences if not re.search(r"\bkeeps? (?:on )?(?:pitching|upselling|trying to (?:sell|upsell))\b", s, re.I)]
    if any(re.match(r"^(?:no|zero) (?:real |clear |actual |specific )?(?:need|pain|problem)s?\b", s, re.I) for s in sentences):
        return None, None  # "No real need stated yet": the note says there is none
    for s in sentences:
        m = _THATS_THE.match(s)
        if m and not _seller_subject(m.group("need"), 0) and not re.match(r"^(?:\w+\s+)?(?:i|we|our|my)\b", s, re.I):
            # "Dispatchers are on the phone all night, that's the whole problem, the after-hours calls": its name after it too
            named = re.match(r"^,\s*((?:the|their|all (?:the|their)) (?:(?!(?:is|are|was|were|has|have|will|can|does|do)\b)[^,.;\s]+\s?){1,6}?)"
                             r"\s*[.!]?$", s[m.end():])  # (a noun phrase: not "..., the rest is fine")
            return _clean(m.group("need")) + (" (" + _clean(named.group(1)) + ")" if named else ""), s
    for s in sentences:
        m = _NEED_BEFORE.search(s)
        if m and not _seller_subject(m.group("need"), 0) and not re.match(r"^(?:\w+\s+)?(?:i|we|our|my)\b", m.group("need"), re.I):
            # ("She said the shared inbox routing is the thing ...": what was said, without who said it)
            return _clean(re.sub(r"^(?:(?:she|he|they|(?-i:[A-Z][a-z]+))\s+)?(?:said|says|told (?:me|us))(?:\s+that)?\s+", "",
                                 m.group("need"), flags=re.I)), s
    for s in sentences:  # "Onboarding is still the pain, three weeks per new customer": the thing named as the pain, and how
        m = _IS_THE_PAIN.match(s.strip())
        if m and not re.match(r"^(?:\w+\s+)?(?:i|we|our|my)\b", m.group("need"), re.I):
            return _clean(m.group("need")) + (" (" + _clean(m.group("more")) + ")" if m.group("more") else ""), s
    for s in sentences:  # "What he wants is client onboarding checklists handled in the tool": said as the need itself
        m = _WHAT_THEY_WANT.search(s)
        if m and not re.match(r"^(?:if|unless|assuming)\b", s, re.I):
            phrase = _clean(m.group("need"))
            if len(phrase) >= 8 and not _NEED_NOT_VERB.match(phrase) and not _NEED_NOT.match(phrase):
                return phrase, s
    found = _need_cued(sentences)
    if found[0] is not None and _POINTS_BACK.match(found[0]) and found[1] is not None:
        s = found[1]
        before = s[:s.lower().find(found[0].lower()[:20])] if found[0].lower()[:20] in s.lower() else ""
        before = re.sub(r"[,;]?\s*(?:and|so|but)?\s*(?:they|she|he)?\s*(?:really\s+)?(?:want|need|would like|"
                        r"hope)\w*\s*(?:to)?\s*$",
                        "", before, flags=re.I)
        if not _PAIN.search(before):  # the nearest earlier sentence that states a problem
            own = before  # (else what "those" points at in its own sentence: "tier one tickets ... want those deflected")
            before = next((p for p in reversed(sentences[:sentences.index(s)]) if _PAIN.search(p)), "")
            if not before and re.match(r"^(?:\w+\s+){0,3}?(?:those|these)\b|^that (?:(?:[\w-]+ ){0,2}(?:gone|fixed|automated|handled|sorted|covered|solved|answered|"
                                       r"killed|eliminated)\b|(?:for|across|in|at|on) (?:the|their|all|every|each)\b)", found[0], re.I) and \
                    len(own.split()) >= 4:
                before = re.sub(r"\s*(?:,|\band\b)\s*$", "", own)
        if before:
            # ("the bot is live and she's happy, but parents keep asking ... and the bot can't answer, so she wants that
            # covered": the clause that states the problem, not the whole run-up)
            painful = [c for c in _clauses(before) if _PAIN.search(c)]
            if len(_clauses(before)) > 1 and painful and before.find(painful[0]) > 0:
                before = before[before.find(painful[0]):]
            return _clean(before) + " (" + found[0] + ")", s
        if _TIME_WORDS.search(found[0]) or period_end(found[0], date(2000, 1, 1)):
            found = (None, None)  # "fix it by the end of the fiscal year" with nothing to point at: a timeline
    pain = _pain(sentences)
    if found[1] is not None and pain[1] is not None and sentences.index(pain[1]) < sentences.index(found[1]):
        if sentences.index(found[1]) == sentences.index(pain[1]) + 1 and found[0] and pain[0] and \
                found[0].lower()[:20] not in pain[0].lower():
            # "losing thirty calls a week to voicemail. want online booking ...": the problem, then what they want for it
            return pain[0] + "; " + found[0], pain[1]
        return pain  # the problem said first ("their pipeline data is a mess. They want a clean forecast ...")
    if found[0] and found[1] is not None and pain[1] != found[1] and re.search(
            r"\b(?:those|these|them)(?:\s+(?:in|on|at|for|over|by|with|from|via|across)\b[^,;]{0,40})?[.!]?$", found[0], re.I):
        # "the helpdesk gets four hundred password reset tickets a week and she wants an agent to deflect those": what
        # "those" are is said before the cue, in the same sentence
        s = found[1]
        at = s.lower().find(found[0].lower()[:20])
        before = re.sub(r"[,;]?\s*(?:and|so|but)?\s*(?:(?:she|he|they|(?-i:[A-Z][a-z]+))\s+)?(?:really\s+)?(?:want|need|would like|hope)\w*"
                        r"\s*(?:to|a|an|the|some)?\s*$", "", s[:at], flags=re.I) if at > 0 else ""
        if len(before.split()) >= 4 and not re.match(r"^(?:\w+\s+)?(?:i|we|our|my)\b", before, re.I):
            return _clean(before) + " (" + found[0] + ")", s
    if found[1] is not None and found[1] == pain[1] and re.search(r"\b(?:those|these|them)\b", found[0] or "", re.I):
        return pain  # "they miss calls at lunch and want the assistant to pick those up": what "those" are
    if found[1] is not None and found[1] == pain[1] and pain[0] and found[0] and \
            found[1].lower().find(pain[0].lower()[:20]) < found[1].lower().find(found[0].lower()[:20]) and \
            _clean(_LABEL.sub("", pain[0])).lower()[:20] not in found[0].lower():
        return pain[0] + "; " + found[0], found[1]  # "completion rates are down and they want nudges": both
    if found[1] is not None and found[1] == pain[1] and pain[0] and found[0] and pain[0].lower()[:20] not in found[0].lower() and \
            _clean(_LABEL.sub("", pain[0])).lower()[:20] not in found[0].lower():
        return found[0] + "; " + pain[0], found[1]  # "... to call back customers same day, they miss a third of callbacks"
    if found[0] is None and pain[0] is None:
        for get in (_expansion, _shopped_for, _into_their_tool, _condition_to_sign, _money_for):
            if get(sentences)[0]:
                return get(sentences)
        return None, None
    got = found if found[0] is not None else pain
    if got[0] and got[1] is not None and got[1] in sentences and _PAIN.search(got[1]):
        # "losing ~30 calls/wk to voicemail. want online booking ...": the problem, then (typed) what they want for it
        k = sentences.index(got[1])
        nxt = sentences[k + 1] if k + 1 < len(sentences) else ""
        if re.match(r"^(?:(?:she|he|they|(?-i:[A-Z][a-z]+))\s+)?(?:wants?|needs?|would like|'d like)\b", nxt, re.I):
            more = _need_cued([nxt])[0]
            if more and more.lower()[:20] not in got[0].lower():
                return got[0] + "; " + more, got[1]
    return got


# the kind of tool they compare ("comparing onboarding tools"): the need, when nothing else says it (what a budget is
# "for" only when it names a capability, see :func:`_money_for`: the blind sets' writers disagree on the rest)
_FOR_WHAT = re.compile(r"\b(?:comparing|evaluating|shopping for|looking at|looking for|reviewing) (?!(?:a|an|the|some|few|"
                       r"several|two|three|four|five|other|different|all|those|these|their|our)\b)"
                       r"((?:[a-z][\w-]* ){1,2}(?:tools|software|platforms|systems|solutions|apps))\b")


#: More of what they bought: "roll it out to their two new sites", "the same setup for their Lyon office",
#: "adding a second sales team ... and want them on it" - the need of an expansion deal.
_EXPANSION = re.compile(r"\b(?:roll\w* (?:\w+ ){0,2}?out to (?:their|the|a|an|its) (?:\w+ )?(?:new|second|third|other|"
                        r"another|next|remaining)\b|"
                        # "wants to roll it out to the Lyon store": a named site of theirs
                        r"roll\w* (?:\w+ ){0,2}?out to (?:their|the|its) (?-i:[A-Z][a-z]+) (?:store|site|office|clinic|campus|warehouse|"
                        r"branch|location|plant|depot|team|region|hospital|school)s?\b|"
                        # "wants the second site live by February 1": another site of theirs brought on
                        r"(?:(?<=\bwant )|(?<=\bneed )|(?<=\bwants )|(?<=\bneeds ))(?:the|their|a) (?:second|third|new|next|other) (?:site|store|office|clinic|location|"
                        r"branch|warehouse|team|region|campus|plant|depot)s? (?:live|up|running|on board|onboarded|in place|set up)\b|(?:the )?same (?:[\w-]+ )?(?:setup|set-up|thing|system|solution|platform|"
                        r"workflow|routing|reporting|scheduling|automation|reminders|dashboards?|bot|agent|integration) (?:[\w-]+ ){0,4}?(?:for|at|in)|"
                        # "adding the Montreal campus to the enrollment bot": a named site added to what they have
                        r"adding (?:the|their|a|an) (?-i:[A-Z][a-z]+) (?:campus|office|site|location|store|branch|clinic|warehouse|"
                        r"team|region|depot|plant)\b|(?:add|adding|expand\w*|extend\w*) (?:it |this |us )?(?:to|into) "
                        r"(?:their|the|a|an) (?:second|third|new|other|next|\w+ new)\b|(?:add|adding) (?:\w+ )?(?:more )?(?:seats|users|licen[cs]es|reps|agents) (?:\w+ ){0,3}?for (?:(?:their|the|a) )?"
                        r"(?:new|second|third)\b|adding (?:a |an )?(?:second|third|new|"
                        r"another|\w+ more) (?:[\w-]+ )?(?:teams?|offices?|sites?|locations?|stores?|branch(?:es)?|regions?|"
                        r"clinics?|warehouses?|reps|agents|seats|users)|"
                        r"(?:want|wants|wanted|'d like|would like) (?:it|this|the \w+|us) (?:on|for|in|at) (?:their|the|its) (?:[\w-]+ ){1,3}"
                        r"(?:as well|too)\b)", re.I)


def _expansion(sentences: list[str]) -> tuple[str | None, str | None]:
    for s in sentences:
        if re.match(r"^(?:if|unless|assuming|should|in case)\b", s, re.I):
            continue
        for c in _clauses(s) or [s]:
            m = _EXPANSION.search(c)
            if m and not re.match(r"^(?:\w+\s+)?(?:i|we|our|my)\b", c, re.I) and not _NEED_NEG.search(c) and not \
                    re.search(r"(?:\b(?:would|could|might)|'d)\b(?! like\b)", c[:m.start()], re.I):  # "they'd roll out ...": a maybe
                # ("the second site live by February 1, when ...": the site, the date is the timeline)
                return _clean(re.sub(r"\s+(?:live|up|running|on board|onboarded|in place|set up)\s+(?:by|before|in|for|on)\b.*$", "",
                                     c[m.start():], flags=re.I)), s
    return None, None


#: "want our alerts to land there", "want our summaries posted in Teams": what our product should do inside a tool they
#: use - the need only when the note says no other (callnotes8 keeps such an integration out when a problem is named;
#: callnotes11 c11-016 names it as the need when it is the only want)
_INTO_THEIR_TOOL = re.compile(r"\b(?:want|wants|wanted|'d like|would like|need|needs) (?P<need>our (?:[\w-]+ ){0,2}?[\w-]+ (?:to (?:land|show up|"
                              r"appear|go|flow|post|sync|pop up|arrive)|piped|synced|pushed|posted|sent)\b[^,;.]*)", re.I)


def _into_their_tool(sentences: list[str]) -> tuple[str | None, str | None]:
    """``(phrase, sentence)`` for "they want our alerts to land in Slack" (``_INTO_THEIR_TOOL``), else ``(None, None)``."""
    for s in sentences:
        m = _INTO_THEIR_TOOL.search(s)
        if m and not _seller_subject(s, m.start()) and not re.match(r"^(?:if|unless|assuming)\b", s, re.I):
            return _clean(m.group("need")), s
    return None, None


#: "they got a quote from Buildium for handling maintenance requests": what another vendor was asked to quote for
#: "If it writes the call summaries straight into HubSpot, she'll sign": what the product must do for them to buy
_IF_IT_DOES = re.compile(r"^(?:(?:her|his|their) (?:words|exact words)\s*[:,]\s*|(?:she|he|they|(?-i:[A-Z][a-z]+)) (?:said|says|told (?:me|us))"
                         r"\s*[:,]?\s*)?(?:and |but |so )?if (?:it|the (?:bot|tool|product|agent|assistant|platform|system|app)|you|your (?:[\w-]+ )?"
                         r"(?:bot|tool|product|agent|assistant|platform|system|app)) (?:can |could |will |really |actually )?"
                         r"(?P<need>(?!(?:works?|is|are|was|does|did|fits?|helps?|goes)\b)[\w-]+(?: [^,;]+?){2,}),\s*(?:then\s+)?"
                         r"(?:she|he|they|(?-i:[A-Z][a-z]+))(?:'ll| will|'d| would)? (?:happily |gladly |definitely )?(?:sign|buy|go ahead|say yes|"
                         r"take it|move forward|renew|expand)\b", re.I)


#: "72k/yr approved for helpdesk automation": the work the customer's money is set aside for (a named capability, not a
#: purchase, a project or a period)
_MONEY_FOR = re.compile(r"\b(?:approved|earmarked|set aside|budgeted|allocated|ring-?fenced) for (?P<need>(?:the |their )?(?:[\w-]+ ){0,2}"
                        r"(?:automation|reporting|routing|scheduling|tracking|deflection|triage|intake|dispatch|onboarding|"
                        r"self-service|transcription|follow-?ups|reminders))\b", re.I)


def _money_for(sentences: list[str]) -> tuple[str | None, str | None]:
    """What their money is approved for ("she has 72k approved for helpdesk automation" -> "helpdesk automation"), for a
    note that states no other need."""
    for s in sentences:
        m = _MONEY_FOR.search(s)
        if m and not re.match(r"^(?:if|unless|assuming)\b", s, re.I):
            return _clean(m.group("need")), s
    return None, None


def _condition_to_sign(sentences: list[str]) -> tuple[str | None, str | None]:
    """What the product must do for them to sign ("If it writes the call summaries into HubSpot, she'll sign" ->
    "writes the call summaries into HubSpot"), for a note that states no other need."""
    for s in sentences:
        m = _IF_IT_DOES.match(s.strip())
        if m:
            return _clean(m.group("need")), s
    return None, None


_QUOTED_FOR = re.compile(r"\b(?:quotes?|proposals?|bids?|pricing|demos?) from (?-i:[A-Z])[\w.&-]*(?: (?-i:[A-Z])[\w.&-]*)? for "
                         r"((?:their |the |its )?[a-z]+ing\b(?:(?!\s+and (?:they|she|he|we|it|i)\b)[^,.;]){4,})", re.I)


def _shopped_for(sentences: list[str]) -> tuple[str | None, str | None]:
    for s in sentences:
        m = _FOR_WHAT.search(s) or _QUOTED_FOR.search(s)
        if m and not re.match(r"^(?:\w+\s+)?(?:i|we|our|my)\b", s, re.I):
            return _clean(m.group(1)), s
    return None, None


#: "he's asking whether we'd run their cold email for a quarter": a service asked about (a question, so no fact for
#: the other fields) still says what they need
_SERVICE_ASKED = re.compile(r"\b(?:asking|asked|wondering|wondered|wants to know|wanted to know) (?:me |us )?(?:whether|if) "
                            r"(?:we'd|we would|we could|we can|you'd|you would|you could|you can) (?P<need>" + _SERVICE + r"[^,.;?]{4,})", re.I)


#: "asked if the renewal can include the SMS add-on": the part of ours they asked to have added
_ADDON_ASKED = re.compile(r"\b(?:asking|asked|wondering|wondered|wants to know|wanted to know) (?:me |us )?(?:whether|if) (?:the|their|our|this|"
                          r"we|you) (?:[\w-]+ ){0,2}?(?:can|could|would|will|might) (?:also )?(?:include|add|cover|come with|bundle(?: in)?) "
                          r"(?P<need>(?:the |an? |their |our )?(?:[\w-]+ ){0,3}?(?:add-?on|module|feature|integration|seats|licen[cs]es|"
                          r"channel)s?\b[^,.;?]{0,40})", re.I)


def service_asked(sentences: list[str]) -> tuple[str | None, str | None]:
    """The service the customer asked whether we would do ("asking whether we'd run their cold email" -> "run their
    cold email") or the part of ours they asked to have added ("asked if the renewal can include the SMS add-on"), for a
    note that states no other need; ``(None, None)`` when none is asked."""
    for s in sentences:
        m = _SERVICE_ASKED.search(s) or _ADDON_ASKED.search(s)
        if m and not re.match(r"^(?:if|unless|assuming)\b", s, re.I) and not re.match(
                r"^\S+(?: \S+)? (?:that|it|this|those|them|these|one)\b", m.group("need"), re.I):
            return _clean(m.group("need")), s
    return None, None


def _need_cued(sentences: list[str]) -> tuple[str | None, str | None]:
    for s in sentences:
        if re.match(r"^competitors?\s*:", s, re.I):
            continue  # "Anyone else? Structurely wanted ...": the answer about a vendor says what the vendor wanted
        if re.match(r"^(?:if|unless|assuming|should|in case)\b", s, re.I):
            continue  # "If the merger goes through, they'd need a bigger system": a hypothetical need
        for c in _clauses(s) or [s]:
            if _NEED_NEG.search(c):
                continue
            for m in _NEED_CUE.finditer(c):
                if _seller_subject(c, m.start()) or re.match(r"^(?:our|my)\b", c[:m.start()].strip(), re.I) or re.search(
                        r"\b(?:our|my) (?:own )?(?:[\w-]+ ){0,2}?(?:team|dept|department|finance|legal|ops|boss|manager|vp|cfo|ceo|cro|"
                        r"deal desk|leadership|management|side|people|folks)\s*$", c[:m.start()], re.I):
                    continue  # "our CEO wants the deal closed", "I told her our finance team wants ...": the seller's side
                if re.match(r"needed\b", m.group(0), re.I) and re.search(r"\b(?:is|are|was|were|be|been|'s)\s+(?:\w+\s+)?$",
                                                                       c[:m.start()], re.I):
                    continue  # "Ava's approval is needed and he's pushing for it": what is needed came before the cue
                rest = c[m.end():]
                cue = m.group(0)
                if re.fullmatch(r"(?:\w+ )*(?:priority|priorities|focus|concern)", cue.strip(), re.I):
                    continue  # "it came down to internal priorities and they shelved it": a word, not the need said
                if _NEED_VERB_KEEP.match(cue.split()[-1] if cue.split() else "") or re.match(
                        r"^(?:to (?:replace|fix|solve|get rid of|cut|reduce|stop|automate)|losing|wasting|spend)", cue, re.I):
                    rest = cue + rest
                elif re.search(r"\b(?:a|an|some|better|more|real|fewer|less|faster|easier|one|single|visibility|automat\w*)$",
                               cue, re.I):
                    rest = cue.split()[-1] + rest
                phrase = _clean(rest)
                # "she wants that work gone": "that" points back at what was said before, keep it
                # ("the pilot cut their quote turnaround to same day, and they want that for the whole team": more of it)
                points_back = re.match(r"\s*that (?:(?:[\w-]+ ){0,2}(?:gone|fixed|automated|handled|sorted|cut|killed|eliminated|covered|solved|answered|off (?:their|"
                                       r"her|his) plates?)\b|(?:for|across|in|at|on) (?:the|their|all|every|each)\b)", rest, re.I)
                if points_back:
                    phrase = "that " + phrase
                # "the custom connectors they need for their ERP": what they need is said before the cue
                obj = re.search(r"\b((?:the|those|these|some|any) (?:(?!(?:and|or|but|so)\b)[\w-]+ ){0,3}(?!(?:and|or|but|so)\b)[\w-]+) (?:they|she|he) $",
                                c[:m.start()], re.I)  # ("spending six thousand on the plan and they want to start": a new clause)
                if obj and re.fullmatch(r"\s*(?:needs?|wants?|needed|wanted)(?:\s+(?:for|to))?\s*", cue, re.I) and (
                        re.search(r"\b(?:for|to)\s*$", cue) or re.match(r"\s*(?:for|to|in|on|at|from)\b|\s*$", rest, re.I)):
                    phrase = _clean(obj.group(1) + " " + cue.strip() + rest)
                # "anything over that needs David Kim": a person's approval, not a problem
                if re.fullmatch(r"(?:(?:the|their|his|her) )?(?:(?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+)|(?i:ceo|cfo|coo|cto|cio|board|owner|"
                                r"founder|partners?))(?:'s (?:ok|okay|approval|sign-?off|signature|yes|blessing))?", phrase):
                    continue
                phrase = _LIVE_BY.sub(r"\1", phrase)
                # "the gate check-in pilot running by the 15th": what the pilot is of is the need, the date the timeline
                phrase = re.sub(r"^(?:the |a |an |their )((?!(?:new|first|paid|free|small|short|full|same|next)\b)(?:[\w-]+ ){0,2}[\w-]+) "
                                r"(?:pilot|trial|poc|proof of concept) (?:live|running|up and running|in place|going|started|set up)\b.*$",
                                r"\1", phrase, flags=re.I)
                # "the same thing Portland has, patient referral follow-ups": what the same thing is, said after it
                phrase = re.sub(r"^(?:the )?same (?:thing|setup|problem|need|issue) (?:[\w-]+ ){0,3}?(?:has|have|had|got|wanted)\s*,\s*(?=\w)", "",
                                phrase, flags=re.I)
                if (re.search(r"\b(?:ask|point)\b", cue, re.I) or _LABEL.match(s)) and c != s and s.find(c) == 0 and \
                        re.search(r"\b(?:problems?|pain|issues?|ask|point)\b", cue, re.I):
                    phrase = _clean(s[s.find(c) + m.end():])  # "The ask: X covers A today, they want it on B too": all of it
                if re.fullmatch(r"(?:pretty |very |really |quite |fairly )?(?:simple|straightforward|clear|obvious|basic|"
                                r"easy)|(?:still )?(?:hasn't|has not|hadn't|didn't|did not|won't) changed?|(?:still )?(?:the same|"
                                r"unchanged)(?: as (?:before|last time))?", phrase, re.I) and c != s and s.find(c) >= 0:
                    phrase = _clean(s[s.find(c) + len(c):])  # "The need is pretty simple, their reps forget ...": what follows
                # "customer onboarding automated and live by January": the need, without its timeline
                phrase = re.sub(r"^((?:[\w-]+ ){2,}?[\w-]+) and (?:be )?(?:live|in place|running|up and running|ready|done|"
                                r"rolled out|deployed)\b.*$", r"\1", phrase, flags=re.I)
                # "extra seats live by December 31st": more seats is the need (an expansion), the date the timeline
                phrase = re.sub(r"^((?:extra|more|additional|[\w-]+ (?:more|extra|additional)) (?:seats|users|licen[cs]es|logins|"
                                r"accounts))\s+(?:live|in place|ready|set up|added|active|turned on)\b.*$", r"\1", phrase, flags=re.I)
                bare_verb = " " not in phrase and _NEED_VERB_KEEP.match(phrase)  # "which they want to stop"
                if len(phrase) < 4 or bare_verb or _NEED_NOT.match(phrase) or (
                        len(phrase.split()) <= 4 and period_end(phrase, date(2000, 1, 1))):  # "aiming for Q3 next year"
                    continue
                if re.match(r"^(?:[\w-]+\s+){0,5}?(?:signed|closed|rolled out|live|done(?! (?:on|via|through|from|online|digitally)\b)|"
                            # ("a vendor selected by March 31st", "the renewal wrapped before the 15th": a buying step by a date)
                            # ("the renewal papered by Dec 15", "the order inked by the 12th": the paperwork signed by a date)
                            r"wrapped(?: up)?|selected|picked|chosen|finali[sz]ed|locked in|executed|booked|agreed|ready|over|in place|"
                            r"papered|inked|countersigned|"
                            r"up and running|finished|complete[d]?|deployed|running|working|in use|"
                             r"launched|implemented|decided|sorted)\b", phrase, re.I) and \
                        (_TIME_WORDS.search(phrase) or period_end(phrase, date(2000, 1, 1))):
                    continue  # "get everything signed by the end of the year": a timeline, not a need
                # ("goal is to decide by end of next month": a buying step is the timeline, not the need)
                if re.search(r"\b(?:needs?|needed|want\w*|like|hoping|looking|trying|aiming|desperate|keen|asked|hired|hiring|goal|"
                             r"priority|focus|aim)\b", cue, re.I) and _NEED_NOT_VERB.match(phrase):
                    continue
                if re.match(r"^(?:it|this|that)\b", phrase, re.I) and len(phrase.split()) < 4 and not points_back:
                    continue
                # "add the second team, the leasing team, to Growth": the same thing named again, more exactly, goes with it
                after = s[s.find(phrase) + len(phrase):] if phrase in s else ""
                again = re.match(r",\s+((?:the|their|her|his) (?:[\w-]+ ){1,2}?" + re.escape(phrase.split()[-1]) + r")\b", after)
                if again and len(phrase.split()) >= 2:
                    phrase += ", " + again.group(1)
                return phrase, s
    return None, None
