"""Authority: who decides or signs (a name, or a title when only the title is said)."""

from __future__ import annotations

import re

from desktop.agents.bant.deciders import (
    BODY,
    BOSS_TITLE,
    ME_ANSWER,
    assistant_spelled_out,
    corrected_decider,
    delayed_by,
)
from desktop.agents.bant.rivals import vendor_names
from desktop.agents.bant.speakers import opening_person
from desktop.agents.bant.text import _clauses
from desktop.planner.parsing.numbers import words_to_digits

# -- authority -----------------------------------------------------------------------------------
_AUTH_CUE = re.compile(
    r"\b((?:no decision|won't decide|not deciding|decision|decid\w*|vote) (?:\w+ ){0,2}?(?:until|once|when|after)|"
    # "Kara Novak, the founder, made the call: ...", "Maya decided to stay on Pipedrive": the one whose decision it was
    r"(?:made|makes|will make|'ll make) the (?:call|decision)(?: (?:herself|himself|themselves|alone|personally))?(?=\s*[:.,;]|\s*$)|decided to (?:stay|stick|go|buy|sign|pass|wait|drop|keep|"
    r"walk away|move)\b|signed off (?:\w+ly )?on(?= (?:the |a |\$)?\d)|"
    r"decision[- ]?maker|decider|signer|signatory|(?:final |economic )?approver|(?:the|real|actual) buyer|decides|deciding|"
    r"decide|decided (?:on )?by(?= (?:the|their|a|an|his|her|its) |(?-i:[A-Z]))|decision (?:is|sits|rests|lies|will be made|gets made)|decisions (?:sit|rest|lie|are made) with|decision\s*=\s*(?=\w)|made by(?!\s+(?:the\s+)?(?:end|middle|start|\d|mid|early|late|next|this|"
    r"q[1-4]|eo[mqy]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|christmas)\b)|(?<!on the )(?<!in the )(?<!since the )(?<!after the )"
    r"(?<!during the )(?<!from the )(?:final|last|deciding) (?:say|call(?!\s+(?:with|we|i|on|about|last|yesterday|"
    r"today|this|earlier)\b)|decision|sign[- ]?off|word|approval|vote|ok|okay|go-ahead|yes)|buck stops with|(?:conversation|decision|deal|renewal|"
    r"call)(?:'s| is| sits| lies| rests) with|"
    # "purchases like this sit with their CFO": where the buying decision rests
    r"(?:purchases?|spend|spending|buying|contracts?|sign-?off|approvals?)(?: like (?:this|that|these)| of this (?:size|kind))?"
    r"(?:'s| is| are| sits?| lies| lie| rests?) with|(?:real|final|actual|ultimate) (?:decision|call|say) with|(?:writes?|cuts?) the checks?|(?:picks?|chooses?|selects?) the (?:winner|vendor)|"
    r"(?:a |the )?(?:yes|ok|okay|go-ahead|green light|nod) from|(?:it's |it is )?up to (?=(?:the|their|her|his|him|them)\b|"
    r"(?-i:[A-Z]))|(?:take|"
    r"takes|taking|bring|brings|present|presents) (?:[\w']+ ){1,2}to (?=(?:the|their|her|his) |(?-i:[A-Z]))|bless(?:es|"
    r"ing)?\b|"
    r"(?:counter|co-?)sign(?:s|ed)?|signs?(?: off)?|signing|sign[- ]?off|(?<!email )(?<!e-mail )(?<!mail )signature|approv(?:e|es|ed|ing)\b|approval (?:from|of|by)|(?:needs?|requires?|"
    r"needing|requiring) (?:\w+ ){0,2}approval|economic buyer|budget holder|holds? the (?:[\w-]+ )?(?:budget|purse)(?: strings)?|pulls? the trigger|"
    r"(?:allowed|able|authori[sz]ed) to (?:spend|sign|approve)|(?:needs?|requires?|waiting (?:on|for)) (?:his |her |their |"
    r"the )?(?:[\w-]+ )?\w+'s (?:ok|okay|approval|sign[- ]?off|blessing|go-ahead|nod|yes)|(?<=(?-i:[a-z]))(?-i:'s) (?:ok|okay|approval|sign[- ]?off|blessing|go-ahead|signature) (?:is |are )?(?:still )?"
    r"(?:needed|required|necessary)|"
    r"(?:has|have|needs? to|must) (?:to )?agree|(?:has|have|needs?) to (?:okay|ok|approve|sign off on)\b|"
    r"(?:has|have|had|gets?) no say (?:on|in|over)|(?:it's|it is) (?:her|his) (?:own )?money\b|budget owner|owner of the budget|(?:the one|the person|who) (?:to convince|"
    r"we (?:need|have) to convince|to sell to)|(?:one )?with the (?:checkbook|chequebook|purse strings|money)|"
    r"calls the shots|makes? the (?:final |renewal |buying |purchasing |big )?call|"
    # "She's leaving the decision to Quinn Fischer": the one the decision is left to
    r"(?:leav(?:es|ing)|left|leave) the (?:final |whole |buying )?(?:decision|call|choice|sign-?off)(?: (?:here|on this))? (?:up )?to(?= (?:the |their )?"
    r"(?-i:[A-Z])|(?:the|their) )|"
    # "Kara made the call and went with Intercom": the decision taken (not "I made the call to Dana": a phone call)
    # ("Sarah made the call herself and went with Vanta": the reflexive said between)
    r"made the (?:final |renewal |buying |purchasing |big )?call(?: (?:herself|himself|themselves|alone|personally|on (?:her|his|their) own))?(?=,?\s+(?:and|to)\s+(?:go|went|sign|signed|buy|bought|choose|chose|pick|"
    r"picked|stick|stuck|switch|switched|cancel|cancell?ed|renew|renewed|stay|stayed)\b|"
    # ("Sarah Johnson, the CTO, who made the call, went with Vanta": the choice said right after the comma)
    r",\s+(?:went with|chose|picked|signed with|switched to|stuck with|stayed with|renewed with|bought)\b)|"
    # "the contract itself gets signed by their CFO": the signer, said in the passive
    r"(?:gets?|got|is|are|will be|has to be|have to be|must be|needs? to be|'s) signed (?:off )?by|owns? the (?:[\w-]+ )?(?:decision|budget|contract|purchase|deal)|"
    # "Dr. Hale says go, send the paperwork": the go-ahead given
    r"(?:says|said|gave it|gives it) (?:go|go ahead|the go)(?=\s*[,.;!]|\s*$)|makes? (?:all|every|"
    r"most) (?:of )?(?:the )?(?:\w+ )?decisions?|(?<=(?-i:[a-z]))(?-i:'s) (?:decision|signature)\b(?!\s+(?:to|on whether|about when))|"
    # ("cancelled Thursday's call", "last week's call": a meeting on a day, not whose call it is)
    r"(?<!day)(?<!week)(?<!month)(?<!morning)(?<!night)(?<!noon)(?:'s|s') call(?!\s*(?:with|to|from|on|about|today|yesterday|this|last|"
    r"earlier|notes?|recap|went|was|:|summar(?:y|ies)|logs?|recordings?|volumes?|transcripts?|queues?|cent(?:er|re)s?|scripts?|"
    r"times?|backlog|data|history))|run it by|runs? (?:it|this|that|everything|anything|things|"
    r"purchases) (?:past|by)|votes? on|"
    r"buy[- ]in from|has to go (?:through|to)|controls? (?:the |that |their )?(?:budget|spend|money)|"
    r"makes? the (?:final |buying |purchasing |final purchasing |final buying )?decision|"
    # ("returning his call", "missed her call", "took their call": a phone call, not whose call it is)
    r"(?<!return )(?<!returns )(?<!returning )(?<!returned )(?<!missed )(?<!missing )(?<!misses )(?<!take )(?<!took )"
    r"(?<!taking )(?<!takes )(?<!answer )(?<!answered )(?<!answering )(?<!awaiting )(?<!expecting )(?<!screened )(?<!screening )"
    r"(?:her|his|their) (?:call|decision)\b(?!\s+(?:to|on whether|about when))(?!(?:\s+|-)(?:logs?|volumes?|recordings?|cent(?:er|re)s?|notes?|data|queues?|records?|history|transcripts?|times?|scripts?|flows?|"
    r"routing|quality|metrics|lists?|reports?|sheets?|tracking|handling|load|backlog|stats|summar(?:y|ies))\b)|"
    r"(?:has|have|needs?|gets?) to say yes|(?:can|could|will|'ll) (?:just )?(?:buy|sign|approve|decide on|pay for|put)(?: (?:it|this|that|for it))?(?: on (?:the|his|her|"
    r"their) (?:company |corporate )?card)? (?:himself|herself|themselves|alone|on (?:his|her|their) own)|(?:the one|the person|who) (?:who )?(?:can |will |gets to )?says? yes|for (?:a|the|her|his|their) (?:yes|go-ahead|ok|okay|nod)|"
    # ("Proposal goes to her Tuesday", "the order form goes to Marta": our document sent, not an approval)
    r"(?:(?=goes (?:up )?to (?:her|him|them|(?-i:[A-Z][a-z]+))\b)(?<!proposal )(?<!proposals )(?<!quote )(?<!contract )(?<!form )"
    r"(?<!deck )(?<!sow )(?<!msa )(?<!paperwork )(?<!invoice )(?<!questionnaire )(?<!one-pager )|"
    r"(?!goes (?:up )?to (?:her|him|them|(?-i:[A-Z][a-z]+))\b))"
    r"goes (?:up )?to(?! (?:(?:a|an|the) )?(?:public |formal |open )?(?:tender|rfp|bid|waste|plan))"
    # ("his number goes to a fax tone", "her line goes to voicemail": a phone, not an approval)
    r"(?! (?:(?:a|an|the|his|her|their) )?(?:[\w-]+ )?(?:voicemail|fax|tone|machine|message|error|inbox|spam|junk|switchboard|reception|"
    r"dead line|busy signal))|green[- ]?light|says yes or no|gives? the (?:yes|go-ahead|"
    r"green light)|(?:already |has |have )?said yes\b(?! or)|(?:needs?|needed|'d need|would need|requires?|waiting (?:for|on))\s+"
    r"(?:the |their |her |his )?(?:[\w.-]+,? ){1,4}to (?:okay|ok|approve|sign off|sign|green-?light|bless)\b|"
    r"(?:she's|he's|is) the (?:business |practice |company |clinic )?owner\b|has (?:the )?(?:budget |final |"
    r"spending )?(?:approval|sign[- ]?off)(?: authority| power)?|blessing|veto|authority|"
    r"(?:ok'?d|okay'?d|okayed) the (?:spend|budget|purchase|deal|contract|project|pilot)|"
    # "Theo O. ok'd about 3k for it": who okayed the money
    r"(?<=(?-i:[A-Z])[a-z.] )(?:ok'?d|okay'?d|okayed|signed off on) (?=(?:about |around |roughly |up to )?\$?\d)|"
    # "Zoe Vogel signed off verbally on 15k", "Kara Walsh signed off on the 12k pilot budget", "Maya has signed off on spending
    # six thousand": who signed off on the money
    r"(?<=[a-z] )(?:has |had |already )?(?:signed off|signs off)(?: (?:verbally|formally|officially|already|today|now))? on (?=(?:the |their |a )?"
    r"(?:about |around |roughly |up to )?\$?\d|(?:the |their |a )?(?:[\w-]+ ){0,2}(?:budget|spend|spending|purchase|deal|contract|"
    r"pilot|renewal|expansion|number|figure|rollout|roll-out|upgrade|order|proposal|quote|project)\b|"
    # "Omar Walsh signed off on annual", "signed off on going yearly": the plan they buy
    r"(?:going |the switch to |the move to |an? |the )?(?:annual|yearly|monthly|multi-year|two-year|three-year)\b)|"
    r"(?:spend\w*|purchases?|money|budget|buying|anything|everything|it|expansions?|renewals?|upgrades?|add-?ons?|contracts?|deals?|orders?) "
    r"(?:\w+ )?(?:goes|go|has to go|must go|runs) through(?= (?:her|him|(?-i:[A-Z])|(?:the|their) (?:[\w-]+ )?(?:head|ceo|cfo|coo|cto|board|"
    r"owner|founder|director|vp|finance|procurement|controller))))\b", re.I)
_ROLE = re.compile(
    # ("a steering committee of ops, IT and finance votes on it": the committee, with the functions it is made of)
    r"\b((?:their |the |her |his )?(?:(?:[\w-]+ )?(?:committee|council|board) of (?:the )?[\w&]+(?:, [\w&]+)*,? and [\w&]+|ceo|cfo|cto|coo|cio|cmo|cro|ciso|cpo|gm|md|evp|svp|vp|vice president|president|"
    r"founders?|co-?founders?|owners?|board|procurement(?: team)?|(?:finance|investment|steering|buying|purchasing|"
    r"executive) committee|purchasing(?! decisions?)|legal(?: team)?|finance(?: team)?|"
    r"(?:ops|operations|it|sales|finance|project|tech|technical|practice) lead|managing director|managing partner|"
    r"senior partner|general manager|director|controller|comptroller|treasurer|"
    r"chair(?:man|woman)?|head|chief \w+ officer|partners?|boss|manager|committee|"
    r"it (?:director|manager|team))(?:\s+of\s+(?:the\s+)?[A-Za-z&]+(?:\s+(?:and\s+)?(?-i:[A-Z][a-z]+))?)?)\b", re.I)
#: (a surname particle kept: "Maarten van Dijk", "Pieter de Vries")
_NAME = re.compile(r"\b([A-Z][a-z]+(?:(?:[- ]|\s(?:van|von|de|der|den|da|di|du|del|della|le|ter|ten)(?:\s(?:der|den|de|la))?\s)[A-Z][a-z]+){0,2})\b")
_NOT_NAMES = set("""I I'm I'll I've I'd We They He She It The This That These Those Their Our My His Her Its And But So
Also Just Then Next Main Budget Timeline Need Authority Competitor Competition Call Called Talked Spoke Met Had Got
Good Great Quick Note Notes Overall Apparently Basically Honestly Anyway Plus Oh Ok Okay Yes No Not Maybe Probably
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
October November December Q1 Q2 Q3 Q4 CEO CFO CTO COO CIO CMO CRO VP Mr Mrs Ms Dr Sounds Looks Seems Said Says
Today Tomorrow Yesterday Right Well Actually Also There Here What When Where Who Why How Both Either Neither Still
Final Whoever Anything Everything Nothing Someone Somebody Everyone Head Director President Board Procurement Legal
Finance Sign Signs Decision Decides Approval Approves Pricing Demo Contract Proposal Deal Looking Let Let's Send
Follow Circle Reach Loop Nobody Noone Christmas Thanksgiving Easter Halloween New Year Years Any Every All Each
Schedule Book Set Share Get Email Once After Before Until Since If Unless Because Pain Timing Answer Question Me Him
Summary Action Status Context Background Update Recap Marketing Sales Support Operations Ops Engineering Security
Compliance Onboarding Implementation Training Everybody Wants Want Needs Wanted On
Purchases Purchase Purchasing Buying Spend Spending Contracts Approvals
Decisions Topics Attendees Participants Key Points Items Agenda Owner Owners Notes Quote Quoted Verbatim Real Actual Ultimate
Now Later Earlier Soon Afterwards Meanwhile Otherwise However Instead Again Already Later Found Fixed Left Tried Sent Asked
Told Pinged Emailed Texted Rang Dialed Dialled Checked Updated Logged Reached Heard Saw Made Took Gave Moved Cancelled
Canceled Rebooked Booked Signer Decider Approver Signatory Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec An
Starter Growth Scale Premium Enterprise Basic Standard Essentials Finally""".split())

def _entities(text: str, near: int | None = None) -> list[str]:
    """People and roles named in ``text`` in order (``near``: keep only the one closest to that
    character offset and those right beside it)."""
    found: list[tuple[int, str]] = []
    for m in _ROLE.finditer(text):
        role = re.sub(r"^(?:their|the|her|his)\s+", "", m.group(1), flags=re.I)
        found.append((m.start(), role.upper() if len(role) <= 4 and role.lower() not in ("boss", "head", "gm's") else role))
    for m in _NAME.finditer(text):
        parts = [p for p in re.split(r"[- ]", m.group(1)) if p]
        if any(p in _NOT_NAMES or _NUMBER_WORD.match(p) for p in parts):
            parts = [p for p in parts if p not in _NOT_NAMES and not _NUMBER_WORD.match(p)]
            if not parts:
                continue
        if m.start() == 0 and not re.match(r"^[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:'s)?\s+[a-z]|^[A-Z][a-z]+ [A-Z]\.\s+[a-z]|^[A-Z][a-z]+,\s+(?:her|his|"
                                           r"their|the)\s", text) and not (  # "Olivia Chen, head of sales, owns ..."
                text[m.end():m.end() + 2] == ", " and (_ROLE.match(_ROLE_QUALIFIER.sub("", text[m.end() + 2:])) or
                                                       _ROLE.match(text[m.end() + 2:]))):
            continue
        found.append((m.start(), " ".join(parts)))
    found.sort()
    # "Kara Walsh, not Kara Evans, signs": the one denied is not the decider
    found = [f for f in found if not re.search(r"\b(?:not|rather than|instead of|without)\s+(?:the |their |her |his )?$",
                                                text[:f[0]], re.I)]
    # "Mike's just the champion": the one who only champions the deal is not the decider
    # ("Evans is just on the thread", "Omar is only cc'd": along for the ride, not the decider)
    found = [f for f in found if not re.match(re.escape(f[1]) + r"(?:'s|\s+is)\s+(?:just|only|merely)\s+(?:the|our|a|their|on|in|cc'?d|"
                                              r"copied|along|listening|watching)\s+",
                                              text[f[0]:])]
    if near is not None:
        # "Yusuf says Theo decides": the one reporting is not the decider
        said = [m.end() for m in _REPORTED.finditer(text[:near])]
        if said:
            found = [f for f in found if f[0] >= said[-1]]
    if near is not None and any(f[0] < near for f in found):
        # "David Kim, their CFO, is the one who signs, Mike just runs the evaluation": a name after the cue that opens a
        # clause of its own is that clause's subject, not the decider
        new_clause = re.search(r"[,;]\s+(?:and |but |while |whereas )?(?=(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?\s+"
                               r"(?:just |only |also |still |really |merely )*(?-i:[a-z]))", text[near:])
        if new_clause:
            found = [f for f in found if f[0] < near + new_clause.start()] or found
    if near is not None and found:
        # the decider is the entity nearest the cue, with the ones right beside it ("the COO Rick")
        pos, _e = min(found, key=lambda f: abs(f[0] - near))
        found = [f for f in found if abs(f[0] - pos) <= 28]
    out: list[str] = []
    for _, e in found:
        if e.lower() not in (x.lower() for x in out):
            out.append(e)
    # ("Granite Labs pilot: Theo O. ok'd about 3k": the company beside the person is not a decider)
    return [e for e in out if not _COMPANY_WORD.search(e)] or out


_REPORTED = re.compile(r"\b(?:says|said|told (?:me|us)|mentioned|thinks|reckons|confirmed|explained|"
                       r"(?:texted|emailed|wrote|messaged)(?=\s*:))", re.I)
_OPENER = re.compile(r"^(?:(?:call|spoke|talked|chatted|met|meeting|lunch|coffee) with\s+|"
                     r"(?-i:[A-Z][\w&.-]*)(?: (?-i:[A-Z][\w&.-]*))?,\s+(?:with\s+)?)?((?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?) (?-i:[A-Z][a-z]+))"
                     r"(?:,(?!\s+(?:\w+\s+)?(?:call|note|update|follow-up|check-in|meeting|debrief|recap|visit)\b)| at | from "
                     r"| of | again\b)", re.I)
#: "Upland Works, Iris Fischer the founder.", "Upland Ventures, Iris Novak.": the company, then the person the note is about
_COMPANY_THEN_NAME = re.compile(r"^(?-i:[A-Z])[\w&.'-]*(?: (?-i:[A-Z])[\w&.'-]*){0,3},\s+((?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?) "
                                r"(?-i:[A-Z][a-z]+))(?:\.?$|,?\s+(?:the|their)\s+(?i:founder|co-founder|owner|ceo|cfo|coo|cto|md|gm|"
                                r"president|director|head)\b)")  # ("Northwind Traders, second call": the company, not a person)
_NUMBER_WORD = re.compile(r"^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|"
                          r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|half|quarter)$", re.I)
_SAID_BY = re.compile(r"\b((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)(?:'s)?(?:,\s+(?:the |their |her |his )[\w -]{2,30}?,)?"
                      r"\s+(?:at|from|says|said|told|mentioned|thinks|confirmed|explained|admitted|agreed|added|replied|"
                      r"wants|asked|is|isn't|wasn't|doesn't|didn't|won't|can't|has|had|was|will|needs|called)\b", re.I)


_ROLE_THEN_NAME = re.compile(_ROLE.pattern + r",\s+((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)\b(?!,? (?:and|or)\b)", re.I)
_POSSESSOR = re.compile(r"(?:^|\.\s+)(?!(?-i:[A-Z][a-z]+ed)\s)((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)(?:'s\s+(?-i:[a-z])|\s+(?:runs|owns|handles|manages|leads|heads|"
                        r"oversees|decides|signs|approves|says|thinks|wants|needs|likes|loves|hates|prefers|agrees|"
                        r"confirms|mentions|reports|knows|feels|seems|sounds|looks|sees|uses|works|read|came|went|got|sent|wrote|spoke|"
                        r"took|gave|saw|met|brought|thought|left|rang|(?-i:[a-z]+ed))\b)")
# "Uma's renewal", "Nina runs" (a verb, so "Support tickets doubled" names nobody)
#: "the founder Noor": a title, then the name without a comma
_TITLE_NAME = re.compile(r"\b(?:the|their) (?:[\w-]+ )?(?i:founder|co-founder|owner|ceo|cfo|coo|cto|gm|director|manager|head|"
                         r"president|principal|partner|controller|dispatcher|vp)\s+((?-i:[A-Z][a-z]+))\b")
#: "talked with Wendy Price", "Sarah Chen, the ops one": a person the note is about, named with "with" or a title
_MET = (r"\b(?i:talked|talking|spoke|speaking|chatted|chatting|met|meeting|call|called|calls|coffee|lunch|time|sat down|follow-?up|"
        r"caught up|connected|got through|check-in|touch base|demo|session|visit|qbr|sync|debrief|kick-?off|catch-?up|walk-?through|"
        r"workshop)(?:,? (?:again|finally|directly|briefly))?"
        r"(?:,\s*(?:um|uh)?,?)? (?i:with|to)\s+(?:(?i:um|uh),?\s+(?i:with|to)\s+)?")
_WITH_NAME = re.compile(_MET + r"(?:(?:Dr|Mr|Ms|Mrs)\.\s+)?((?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+))\b(?!'s)|"
                        + _MET + r"(?:Dr|Mr|Ms|Mrs)\.\s+((?-i:[A-Z][a-z]+))\b|"

                        r"\b((?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+)),\s+(?:the|their|her|his)\s+|"
                        r"(?:^|\b(?:Dr|Mr|Ms|Mrs)\.\s+)((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?):\s")  # "Dr. Ellis: ..."


_NEW_CONTACT = re.compile(r"\b(?:new |main |my )?(?:contact|champion|point of contact) (?:is|now is|is now) "
                          r"((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)")


#: A person named in a clause just before a pronoun: "it's Theo," / "until Wendy's seen it," / "once Omar has read it,".
_NAMED_CLAUSE = re.compile(r"\b(?:it's|it is|that's|that is)\s+((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)\s*,\s*(?=(?:he|she)\b)|"
                           # "the COO's name is Pieter de Vries, he's the one signing" (a surname particle kept: de, van, von ...)
                           r"\b(?:name is|name's|named|called)\s+((?-i:[A-Z][a-z]+)(?:\s+(?:(?-i:de|van|von|der|den|da|di|du|del|della|la|le|"
                           r"ter|ten)\s+){1,2}(?-i:[A-Z][a-z]+)|\s+(?-i:[A-Z][a-z]+))?)\s*,\s*(?=(?:he|she)\b)|"
                           # "the other one, Kara Walsh, she's the one who ...": a full name set right before the pronoun
                           r"(?:^|,\s+|\b(?!(?i:at|from|of|for|in|with)\s)(?-i:[A-Za-z][a-z]+)\s+)(?!(?-i:Met|Called|Spoke|Talked|Emailed)\b)((?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+)),\s*(?=(?:he|she)(?:'s|\s+(?:is|was|will|has|decides|signs|"
                           r"approves|owns|makes))?\b)|"
                           # "Theo Price, our CEO, he signs everything": the name and title set before the pronoun
                           r"\b((?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+)|(?-i:Dr|Mr|Ms|Mrs)\.?\s+(?-i:[A-Z][a-z]+)),\s+(?:their|our|the|her|his) [\w -]{2,30},\s*(?=(?:he|she)\b)|"
                           # "but Theo, Theo's the founder, he's the one who says yes": the name said with its title before the pronoun
                           r"\b((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)(?:'s| is) (?:the|their) [\w -]{2,30},\s*(?=(?:he|she)\b)|"
                           # "Kara Evans was all in, Kara Walsh was skeptical, but she's the one who ...": the one set against the
                           # other, right before "but she"
                           r"\b((?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+)) (?:was|is|seemed|sounded|looked|stayed) [\w -]{2,30},\s*but\s+(?=(?:he|she)\b)|"
                           # "her words: Theo has your proposal, he's the one who signs": the one holding our document
                           r"(?:^|[:,;]\s+)((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)(?: has| had|'s got| has got| got| is holding| holds)\s+"
                           r"(?:the|your|our|my) (?:[\w-]+ )?(?:proposal|quote|contract|paperwork|order form|deck|pricing|numbers),\s*(?=(?:he|she)\b)|"
                           r"\b(?:until|till|once|after|before|unless)\s+((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)(?:'s| has)\s+"
                           r"(?:seen|read|reviewed|signed|approved|looked at|checked|okayed|heard|had a look)\b[^,]*,\s*(?=(?:he|she)\b)")


def _meant(sentence: str) -> str | None:
    """The person a quoted "he"/"she" is said to mean ("'he's the one who signs', meaning Omar Walsh" -> Omar Walsh)."""
    m = re.search(r"\b(?:he|she|he's|she's|him|her)\b[^.;]*?,\s*(?:meaning|i\.e\.,?|that is|that's)\s+((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)\b",
                  sentence, re.I)
    return m.group(1) if m and m.group(1).split()[0] not in _NOT_NAMES else None


def _named_before(sentence: str, clause: str) -> str | None:
    """The person named in a clause right before ``clause`` when it opens with "he"/"she" ("it's not me, it's Theo,
    he holds the purse strings" -> Theo)."""
    at = sentence.find(clause)
    if at <= 0 or not re.match(r"(?:he|she)\b", clause, re.I):
        return None
    near = [m for m in _NAMED_CLAUSE.finditer(sentence[:at + len(clause)]) if m.end() == at
            and not re.search(r"\bnot\s*$", sentence[:m.start(m.lastindex or 0)], re.I)
            and m.group(m.lastindex or 0) not in _NOT_NAMES and not _COMPANY_WORD.search(m.group(m.lastindex or 0))]
    return near[-1].group(near[-1].lastindex or 0) if near else None


def _contact_name(sentences: list[str], idx: int) -> str | None:
    """The person a "he"/"she" in sentence ``idx`` most likely means: the nearest earlier (or the
    same) sentence's person named with "X at Company" / "X says" / "X is", else the note's first."""
    vendors = vendor_names(sentences)  # "Freshdesk is the other finalist. She'll decide ...": not Freshdesk
    for j in range(idx, -1, -1):
        new = _NEW_CONTACT.search(sentences[j])
        if new:  # "new contact is Pete Lang, he's the head of sales"
            return new.group(1)
        said = list(_SAID_BY.finditer(sentences[j])) + list(_POSSESSOR.finditer(sentences[j])) + \
            list(_ROLE_THEN_NAME.finditer(sentences[j])) + list(_WITH_NAME.finditer(sentences[j])) + \
            list(_TITLE_NAME.finditer(sentences[j]))  # "their CFO, Dana Shaw"
        if j == idx:  # in the pronoun's own sentence, only a name said before it ("He decides, Raj reports to him")
            pron = re.search(r"\b(?:he|she|he's|she's|his|her|him)\b", sentences[j], re.I)
            said = [m for m in said if pron is None or m.start() < pron.start()]
            # "Victor Price mentioned that Zoe Price ... and she signs": the one reported on, not the reporter
            told = [r.end() for r in re.finditer(r"\b(?:mentioned|said|says|told (?:me|us)|explained|confirmed) that\b", sentences[j], re.I)
                    if pron is not None and r.end() < pron.start()]
            if told:
                said = [m for m in said if m.start() >= told[-1]] or said
            # "Kara Quist had told me he's the one to convince", "Confirmed what Raj said, he's the approver": the one who
            # reported it is not whom the pronoun right after means
            # ("Kara said she can put thirty thousand toward it": a person saying "she" of herself stays)
            straight = [r.start() for r in re.finditer(r"\b(?:what\s+(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?\s+(?:said|says|told (?:me|us)|"
                                                       r"mentioned|explained)|(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?\s+had\s+(?:told (?:me|us)|said|"
                                                       r"mentioned|explained))(?: that)?,?\s+(?=(?:he|she)(?:'s|\s))", sentences[j])
                        if pron is not None and re.match(r"\s*(?:what\s+)?\S+(?: \S+)?(?:\s+had)?\s+\S+(?: me| us)?(?: that)?,?\s+$",
                                                         sentences[j][r.start():pron.start()])]
            if straight:
                said = [m for m in said if m.start() < straight[-1] or m.start() >= pron.start()] if pron is not None else said
                said = [m for m in said if not (straight[-1] <= m.start() < (pron.start() if pron else 0))]
            # "it's not me, it's Theo, he holds ...", "until Wendy's seen it, she has to okay ...": the person named
            # right before the pronoun, in a clause of its own, is whom it means
            near = [m for m in _NAMED_CLAUSE.finditer(sentences[j])
                    if pron is not None and m.end() <= pron.start() and not re.search(
                        r"\bnot\s*$", sentences[j][:m.start(m.lastindex or 0)], re.I) and m.group(m.lastindex or 0) not in _NOT_NAMES
                    and not _COMPANY_WORD.search(m.group(m.lastindex or 0))]
            if near and pron is not None:
                return near[-1].group(near[-1].lastindex or 0)
        # the first person the sentence names ("Fabrikam: Nora says ...": a label before a colon names the account
        # when someone else is named after it)
        for m in sorted(said, key=lambda x: (x.start() == 0 and len(said) > 1 and
                                             sentences[j][x.end(x.lastindex or 0):].startswith(":"), x.start())):
            name = m.group(m.lastindex or 0)
            if re.search(r"\b(?:not|rather than|instead of)\s+$", sentences[j][:m.start(m.lastindex or 0)], re.I):
                continue  # "not Sarah Chen, the other Sarah, Sarah Johnson": the one denied is not whom "she" means
            parts = [p for p in name.split() if p not in _NOT_NAMES]
            if parts and not _ROLE.fullmatch(name) and name not in vendors and not _COMPANY_WORD.search(name):
                return " ".join(parts)
    first = re.match(r"^(?:(?:so|um|uh|ok|okay|right)\W+)*((?-i:[A-Z])[\w&.-]*(?: (?-i:[A-Z])[\w&.-]*)*),\s+"
                     r"((?-i:[A-Z][a-z]+))\.?$", sentences[0]) if sentences else None
    if first and _COMPANY_WORD.search(first.group(1)) and first.group(2) not in _NOT_NAMES:  # "Riverbend Hotels, Jonas." opens with the person met
        return first.group(2)
    run_on = re.match(r"^((?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+))((?: (?-i:[A-Z])[\w&.'-]*){1,3})(?=[,.:]|\s+-\s)", sentences[0]) \
        if sentences else None  # "Hugo Evans Granite Health, the expansion" (a filler dropped between the name and the company)
    # (not "Lumen Learning Labs, Grace Liu.": a company of three words, then the person)
    if run_on and _COMPANY_WORD.search(run_on.group(2).strip()) and not any(p in _NOT_NAMES for p in run_on.group(1).split()) \
            and not re.match(r",\s+(?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+)\b", sentences[0][run_on.end():]):
        return run_on.group(1)
    if len(sentences) > 1 and len(sentences[0].split()) <= 2 and not re.search(r"[a-z,]", sentences[0]) and \
            _OPENER.match(sentences[1]):
        sentences = sentences[1:]  # "BHR - Elena Garcia, 10 min.": a typed header, the company then the person
    opener = _OPENER.match(sentences[0]) if sentences else None  # "Mike Rodriguez, FinanceStartup. He decides ..."
    if sentences and (opener is None or _COMPANY_WORD.search(opener.group(1))):
        opener = _COMPANY_THEN_NAME.match(sentences[0]) or opener
    if opener and not any(p in _NOT_NAMES for p in opener.group(1).split()) and not _COMPANY_WORD.search(opener.group(1)):
        return opener.group(1)
    # "Iris Novak, Upland Ventures, founder to founder.": the person, then the company
    plain = re.match(r"^((?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+)),\s+(?-i:[A-Z])[\w&.'-]*(?: (?-i:[A-Z])[\w&.'-]*){0,3}\s*[,.]", sentences[0]) \
        if sentences else None
    if plain and not any(p in _NOT_NAMES for p in plain.group(1).split()) and not _COMPANY_WORD.search(plain.group(1)):
        return plain.group(1)
    # a typed header in lower case, "FinanceStartup - mike rodriguez (CEO).", "granite labs - yusuf rossi.": the person met
    head = sentences[0] + (" - " + sentences[1] if len(sentences) > 1 and len(sentences[0].split()) <= 3 and
                           not re.search(r"[-:]\s*$", sentences[0]) else "") if sentences else ""
    typed = re.match(r"^[\w&.' ]{2,40}?\s+[-\u2013:]\s+([a-z]+ [a-z]+)\s*(?:[.,(]|$)", head)
    if typed and not any(p.capitalize() in _NOT_NAMES or _ROLE.fullmatch(p) for p in typed.group(1).split()):
        return typed.group(1)
    return opening_person(sentences[0]) if sentences else None  # "Wendy Price (Onyx, founder) is back in the loop."


def _last_person_named(sentences: list[str], idx: int, vendors: set[str]) -> str | None:
    """The person last named before the pronoun of sentence ``idx`` ("Granite Health expansion, Hugo Evans again. ...
    but Hugo's actual number ... He signs."): a first name counts when the note also gives it with a last name."""
    text = " ".join(sentences)
    people = {m.group(1): m.group(0) for m in re.finditer(r"\b((?-i:[A-Z][a-z]+)) (?-i:[A-Z][a-z]+)\b(?! (?-i:[A-Z]))", text)
              if not (m.start() == 0 or re.match(r"^(?:\w+,?\s+)?$", text[:m.start()]))
              if not any(w in _NOT_NAMES for w in m.group(0).split()) and not _COMPANY_WORD.search(m.group(0))
              and m.group(0) not in vendors and not _ROLE.fullmatch(m.group(0)) and not _ROLE.fullmatch(m.group(1))
              and not re.search(r"\b(?:not|rather than|instead of)\s+$", text[:m.start()], re.I)
              # ("They're moving to Google Workspace. She signs.": a tool named after "to", not a person)
              and not re.search(r"\b(?:to|onto|into|from|off|using|uses|use|on|in|at|via|for)\s+$", text[:m.start()], re.I)}
    if not people or len(set(people.values())) > 3:
        return None
    for j in range(min(idx, len(sentences) - 1), -1, -1):
        s = sentences[j]
        if j == idx:
            pron = re.search(r"\b(?:he|she|he's|she's|his|her|him)\b", s, re.I)
            s = s[:pron.start()] if pron else s
        found = [m for m in re.finditer(r"\b(" + "|".join(map(re.escape, people)) + r")\b", s)
                 if not re.search(r"\b(?:not|rather than|instead of)\s+$", s[:m.start()], re.I)]
        if found:
            return people[found[-1].group(1)]
    return None


#: "the sales director": a role with one qualifying word before it
_ROLE_QUALIFIER = re.compile(r"^(?:the |their |her |his )?(?:(?!ceo|cfo|coo|cto|head|vp)(?:[\w-]+ |\w+-)(?=\w))?", re.I)
_SIGN_UP = re.compile(r"\bsign-(?=(?:ups?|ins?|ons?)\b)|\bsign (?=on\b)", re.I)
# "course sign-ups", "single sign-on": enrolments and logins, not a signature
#: A capitalised pair ending in a company word is the company, never the person a pronoun means.
_COMPANY_WORD = re.compile(r"\b(?:Partners|Solutions|Group|Labs?|Health|Works|Logistics|Dental|Ventures|Freight|Systems|"
                           r"Technologies|Tech|Capital|Holdings|Industries|Inc|Corp|Co|LLC|Ltd|Agency|Studios?|Media|Clinic|"
                           r"Foods|Motors|Bank|Insurance|Consulting|Software|Analytics|Networks|Learning|Traders|Trading|Toys|Retail|Dynamics|"
                           r"Services|Manufacturing|Construction|Properties|Robotics|Studio|Academy|Schools?|Bakeries|Hotels?|Marine|Spa|Cafe|"
                           r"Law|Legal|Hospice|Hospital|Care|Medical|Vets?|Brewing|Telecom|Movers|Farms|Pharmacy|"
                           r"Travel|Research|Publishing|Energy|Power|Pharma|Realty|Fiber|Airlines|Winery|Coffee|Bakery)$")


_DECIDES_AFTER = re.compile(r"\b(he|she)(?:'s| is| has| will|'ll)?\s+(?:the one who |the )?(?:has the final say|final say|decides|"
                            r"signs|approves|makes the (?:final )?(?:call|decision)|decision[- ]?maker|signer|approver|"
                            r"final (?:call|decision|word))\b", re.I)


def _other_gender(denied: str, rest: str, sentences: list[str], idx: int) -> str | None:
    """"Rachel ... it's not her decision, he has the final say": when the one denied is "her" and the decider
    "he" (or the other way round), the decider is the other person the note names before."""
    d = re.search(r"\b(her|his|she|he)\b", denied, re.I)
    a = _DECIDES_AFTER.search(rest)
    if not d or not a or (d.group(1).lower() in ("her", "she")) == (a.group(1).lower() == "she"):
        return None
    denied_who = _contact_name(sentences, idx)
    for s in sentences[:idx + 1]:
        for e in _entities(s):
            if " " in e and not _ROLE.fullmatch(e) and not _COMPANY_WORD.search(e) and (
                    not denied_who or e.split()[0] != denied_who.split()[0]):
                return e
    return None


def _not_the_other_pronoun(who: str | None, clause: str, cue: re.Match[str], sentence: str, sentences: list[str], idx: int) -> str | None:
    """``who`` unless the sentence has already called that person by the other pronoun: "Ben's driving it but he was clear
    it's her money, she's the one who says yes" -> not Ben, the person of the other pronoun named before (Wendy Price)."""
    if not who or clause not in sentence:
        return who
    at = sentence.find(clause)
    said = re.findall(r"\b(she|her|herself|he|his|him|himself)\b", cue.group(0), re.I) or \
        re.findall(r"\b(she|her|herself|he|his|him|himself)\b", clause[:cue.start()], re.I)
    if not said:
        return who
    female = said[-1].lower() in ("she", "her", "herself")
    first = who.split()[0]
    # ("Ben's driving it but he was clear ...": the person said, then called by the other pronoun, before the cue)
    called = re.search(rf"\b{re.escape(first)}\b(?:'s)?\s+(?:[\w']+\s+){{0,5}}?(?:but |and |so )?(he|she)\b",
                       sentence[:at + cue.start()], re.I)
    if not called or (called.group(1).lower() == "she") == female:
        return who
    others = [e for x in sentences[:idx + 1] for e in _entities(x) if " " in e and not _ROLE.fullmatch(e)
              and not _COMPANY_WORD.search(e) and e.split()[0] != first and e.split()[0] not in _NOT_NAMES]
    return others[-1] if others else who


#: The signer who signs what another picks: "David signs whatever Walt picks", "she signs whatever he puts in front of
#: her" (the one who picks decides; the signature follows).
_SIGNS_WHATEVER = re.compile(r"\b(?:signs|will sign|'ll sign|countersigns|just signs) whatever (?:((?-i:[A-Z][a-z]+))|he|she|they) "
                             r"(?:picks|chooses|decides|puts in front of|recommends|brings|hands|approves|says)\b", re.I)


def _picker(sentences: list[str], idx: int) -> str | None:
    """Who picks in "X signs whatever Y picks" said in sentence ``idx`` (``Y``, or for "he"/"she" the last person named
    before it in the sentence who is not the signer, else the person the pronoun means); None when not said."""
    sentence = sentences[idx]
    m = _SIGNS_WHATEVER.search(sentence)
    if not m:
        return None
    if m.group(1):
        return m.group(1) if m.group(1) not in _NOT_NAMES else None
    head = sentence[:m.start()]
    signer = re.search(r"((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)\s*,?\s*$", head)
    if idx and not _NAME.search(re.sub(r"^\W*\w+", "", head)):  # "...; she signs whatever he ...": the sentence before
        head = sentences[idx - 1] + " " + head
    names = [n.group(1) for n in _NAME.finditer(head) if n.group(1).split()[0] not in _NOT_NAMES
             and not _ROLE.fullmatch(n.group(1)) and not _COMPANY_WORD.search(n.group(1))
             and not re.match(r"\s*,?\s*(?:the |their )?(?:[\w-]+ )?(?:cfo|ceo|coo|cto|signs?|countersigns?)\b", head[n.end():], re.I)]
    names = [n for n in names if not (signer and n == signer.group(1))]
    if names:
        return names[-1]
    for j in ([idx - 1] if idx else []) + [idx]:
        who = _contact_name(sentences, j)
        if who and not (signer and (who in signer.group(1) or signer.group(1) in who)):
            return who
    return None


#: A title said in apposition to a name: "omar (founder) signs", "hannah moss (their new CFO)", "Dr. Hale, the owner
#: dentist, ..." - the name (typed notes may leave it in lower case).
_HONORIFIC = r"(?:(?i:dr|mr|ms|mrs)\.?\s+)"


def _named_title(role: str, text: str) -> str | None:
    """The name set right before ``role`` in ``text`` ("iris novak (founder, holds the purse)" -> "iris novak"), else None."""
    r = re.escape(role)
    m = re.search(r"(?:^|[.,;:!?]\s+|\b(?:w/|with|and|says|said)\s+)(" + _HONORIFIC + r"?[A-Za-z][a-z]+(?: [A-Za-z][a-z]+)?)\s*\(\s*(?:(?:the|their|her|his)\s+)?"
                  r"(?:[\w-]+\s+){0,2}?" + r + r"\b", text, re.I)
    if m is None:
        m = re.search(r"(?:^|[.,;:!?]\s+|\b(?:w/|with|and|says|said)\s+)(" + _HONORIFIC + r"(?-i:[A-Z][a-z]+)|(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?),\s+"
                      r"(?:the|their)\s+(?:[\w-]+\s+)?" + r + r"\b", text, re.I)
    if m is None:  # "Iris Novak at Upland Ventures, founder, decides": a full name and its company, then the bare title
        m = re.search(r"(?:^|[.;:!?]\s+)((?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+))(?: (?:at|from) (?-i:[A-Z])[\w&.-]*(?: (?-i:[A-Z])[\w&.-]*){0,2})?,\s+"
                      + r + r"\s*,", text)
    if m is None:  # "the signature is their Chief Operating Officer, Pieter de Vries": the name set right after the title
        m = re.search(r"\b" + r + r",\s+(" + _HONORIFIC + r"?(?-i:[A-Z][a-z]+)(?: (?:(?-i:de|van|von|der|den|da|di|du|le|la|del|dos|ter))"
                      r")*(?: (?-i:[A-Z][a-z]+))?)(?=\s*(?:[.,;!]|$))", text, re.I)
    if m is None:  # "elena garcia - owner, she decides": a typed name, a dash, then the title
        m = re.search(r"(?:^|[/.,;:!?]\s+)([A-Za-z][a-z]+ [A-Za-z][a-z]+)\s+[-\u2013\u2014]\s+(?:the |their )?" + r + r"\b", text, re.I)
    if m is None:  # "owner dr hale decides", "CEO Maria Lopez signs": the title set right before the name
        m = re.search(r"\b" + r + r"\s+(" + _HONORIFIC + r"[A-Za-z][a-z]+|(?-i:[A-Z][a-z]+ [A-Z][a-z]+))(?=\s+(?:decides|signs|approves|has|is|will|"
                      r"makes)\b)", text, re.I)
    if m is None:  # "iris ito the ceo signs off": a typed name at the sentence's start, then "the" and the title
        m = re.search(r"(?:^|[.;:!?]\s+)([a-z]+ [a-z]+) (?:is )?the (?i:" + r + r")\b(?=,?\s+(?:signs|decides|approves|has the final|makes the))", text)
        if m and (re.search(r"(?:ed|ly|ing)$", m.group(1).split()[0]) or m.group(1).split()[0] in (
                "says", "said", "thinks", "then", "and", "but", "so", "now", "also", "only", "maybe", "apparently")):
            m = None
    if m is None:
        return None
    name = re.sub(r"^" + _HONORIFIC, "", m.group(1)).strip()
    words = name.split()
    if any(w.capitalize() in _NOT_NAMES or _ROLE.fullmatch(w) or _NUMBER_WORD.match(w) for w in words) or len(name) < 3:
        return None
    return name


#: A person named in full who signed the deal ("Felix Ueda, the CEO, signed it Friday", "Victor Price signed."): the signer,
#: when the note says no one decides or signs otherwise.
_SIGNED_IT = re.compile(r"\b((?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+))(?:,\s+(?:the|their)\s+[\w -]{2,30},)?\s+(?:(?:has|had|already|just|finally)\s+)*"
                        r"(?:signed|countersigned)(?:\s+(?:it|off|the (?:[\w-]+ )?(?:contract|order form|deal|paperwork|agreement|renewal|"
                        r"expansion|pilot|sow|msa|quote|proposal)))?(?=\s*(?:[.;,!]|$)|\s+(?i:on|last|yesterday|today|this|(?:mon|tues|wednes|"
                        r"thurs|fri|satur|sun)day)\b)")


def _authority(sentences: list[str]) -> tuple[str | None, str | None]:
    for i, s in enumerate(sentences):
        picker = _picker(sentences, i)
        if picker:
            return _full_names(picker, sentences), s
    who, ev = _authority_said(sentences)
    if who and ev and delayed_by(who, ev):  # "can't sign by EOM after all, legal pushed it": no decider
        who, ev = None, None
    if ev and ev in sentences and ME_ANSWER.search(ev):  # "who signs? 'Me, once finance blesses it'": the person answering
        k = sentences.index(ev)
        who = _contact_name(sentences, k) or _last_person_named(sentences, k, vendor_names(sentences)) or who
    boss = BOSS_TITLE.search(ev) if ev else None
    if boss:  # "Decision is his boss, the VP Operations": the title
        who = boss.group(1).strip()
    if ev and who:  # "Felix signs off - actually no, I'm wrong, it's Raj himself": the one put right
        who = corrected_decider(sentences, ev) or who
    if who is None:  # "the pilot is signed, Felix Ueda (CEO) signed it Friday", "Victor Price signed.": who signed the deal
        for s in sentences:
            m = _SIGNED_IT.search(s)
            if m and not any(w in _NOT_NAMES for w in m.group(1).split()) and not _COMPANY_WORD.search(m.group(1)):
                who, ev = m.group(1), s
                break
    if who and ev and _ROLE.fullmatch(who):  # "omar (founder) signs": the founder named, so the name
        named = _named_title(who, ev) or _named_title(who, " ".join(sentences))
        if named is None and ev in sentences and re.search(r"\b(?:he|she)(?:'s| is) (?:the |their )?" + re.escape(who) + r"\b", ev, re.I):
            # "finally got Mike Rodriguez. ... He's the CEO and decides alone": the person the pronoun means
            named = _last_person_named(sentences, sentences.index(ev), set())
        k = sentences.index(ev) if ev in sentences else 0
        if named is None and k and re.match(r"^(?:the |their )?" + re.escape(who) + r"\s*[,(]", ev, re.I):
            # "blue harbor / elena garcia - owner, she decides": a typed name, then the title opening the next part
            prev = re.search(r"(?:^|/|[-\u2013:,]\s)\s*([A-Za-z][a-z]+ [A-Za-z][a-z]+)\s*$", sentences[k - 1])
            if prev and not any(w.capitalize() in _NOT_NAMES or _ROLE.fullmatch(w) or _COMPANY_WORD.search(w.capitalize())
                                for w in prev.group(1).split()):
                named = prev.group(1)
        who = named or who
    return (_full_names(who, sentences) if who else who), ev


def _full_names(who: str, sentences: list[str]) -> str:
    """"David" -> "David Kim" when the note names exactly one David with a last name (two Sarahs stay as said)."""
    text = " ".join(sentences)
    out = []
    for e in who.split(", "):
        # ("So Zoe, the CEO, she signs": the discourse word before the name is not part of it)
        e = re.sub(r"^(?:So|And|But|Then|Well|Also|Okay|Ok|Now|Plus)\s+(?=(?-i:[A-Z][a-z]+))", "", e)
        if re.fullmatch(r"[A-Z][a-z]+", e) and e not in _NOT_NAMES:
            # ("this is Sarah Chen, not Sarah Johnson": the one denied is not whom the first name means)
            lasts = {m.group(1) for m in re.finditer(rf"\b{e} ((?-i:[A-Z][a-z]+))\b", text)
                     if m.group(1) not in _NOT_NAMES and not _COMPANY_WORD.search(m.group(1))
                     and not re.search(r"\b(?:not|rather than|instead of|as opposed to)\s+$", text[:m.start()], re.I)}
            if len(lasts) == 1 and not re.search(rf"\b(?:two|both|other) {e}s?\b", text):
                e = f"{e} {lasts.pop()}"
        if e not in out:  # ("Tom Becker emailed: Tom will sign": one person)
            out.append(e)
    return ", ".join(out)


_ABOVE_LIMIT = re.compile(r"\b(?:up to|under|below)\b[^.;]*?[,;]\s*(?:but\s+|and\s+)?(?i:above|over|beyond|anything (?:above|over|"
                          r"more than|bigger than))(?: (?:that|it|this))?\s*,?\s*(?:it's|it is|it goes to|goes to|it needs|needs|requires|"
                          r"has to go to)\s+(?:the |their |her |his )?((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)\b")


def _authority_said(sentences: list[str]) -> tuple[str | None, str | None]:
    sentences = [_SIGN_UP.sub("sign", assistant_spelled_out(s)) for s in sentences]
    # "trial users sign up for their courses": users enrolling, not anyone signing the deal
    sentences = [re.sub(r"\b((?:users|customers|students|people|patients|members|leads|visitors|learners|clients|parents|folks|prospects|"
                        r"subscribers|trialists)\s+(?:\w+\s+)?)sign(s|ed|ing)? up\b", r"\1enrol\2", s, flags=re.I) for s in sentences]
    for idx, s in enumerate(sentences):
        # "Mike can approve up to 25k on his own, above that it's David Kim": above the signing limit, the other person
        nxt_s = sentences[idx + 1] if idx + 1 < len(sentences) else ""
        above = _ABOVE_LIMIT.search(s) or (_ABOVE_LIMIT.search(s + " " + nxt_s) if re.match(
            r"^(?:but |and )?(?:anything )?(?:above|over|beyond)\b", nxt_s, re.I) else None)
        if above and above.group(1) not in _NOT_NAMES and not re.search(
                r"\b(?:so|and) (?:he|she) can (?:sign|approve) (?:it|this|that)? ?(?:himself|herself|alone|on (?:his|her) own)", s, re.I):
            return above.group(1), s
        if re.search(r"\b(?:not sure|(?:do|does|did)(?:n't| not) know|no idea|unclear|unknown|tbd|didn't ask|"
                     r"need to find out)\b(?:(?!\bbut\b)[^.;,])*\b(?:who|decision|sign)",
                     s, re.I) or re.search(r"\bbut (?:he|she|they|i)(?:'s|'re|'m)? (?:wasn't|isn't|weren't|aren't|is not|was not|am not|not|"
                                           r"wasn't really|isn't really) (?:\w+ )?sure\b", s, re.I):
            continue  # "Kofi thinks the CMO decides but he wasn't sure": a guess
        clauses = [c for c in _clauses(s) or [s] if not re.search(
            r"\b(?:hasn't|has not|haven't|have not|hadn't|didn't|did not)\s+(?:yet\s+|even\s+)?(?:approved|okayed|signed off on|"
            r"agreed to|green-?lit)\s+(?:anything|any \w+|a thing|a number|a figure|a budget)\b", c, re.I)]
        # "the board hasn't approved anything": why there is no budget yet, not who decides
        for i, c in enumerate(clauses):
            for m in _AUTH_CUE.finditer(c):
                if re.search(r"\b(?:my|our)\s+(?:[\w-]+\s+)?(?:manager|boss|vp|director|team|legal|finance|cro|partner|co-?founder|founder|ceo|colleague|"
                             r"ae|se|sdr|bdr|csm|rep|account (?:executive|manager)|sales engineer)\b", c, re.I) and \
                        not re.search(r"\btheir\b", c, re.I):
                    continue
                if m.group(1).lower().startswith("sign") and re.search(r"\b(?:i|we)\s+(?:\w+\s+)?sign", c, re.I):
                    continue
                if re.search(r"\bused to\s+(?:\w+\s+)?$", c[:m.start()], re.I):
                    continue  # "Iris Novak used to sign everything but Maya decides on this one": who signed before, not now
                if re.match(r"sign|approv", m.group(1), re.I) and re.search(
                        r"\b(?:technical|tech|security|legal|it|compliance|infosec|architecture|clinical)\s+$", c[:m.start()], re.I) and \
                        re.search(r"\bbut\b[^.;]*\b(?:approv|sign|decid|decision|final say|buyer)", s[s.find(c) + m.end():], re.I):
                    continue  # "Dan has technical sign-off, but Iris approves the purchase": a gate, the buyer said after it
                if re.match(r"sign(?:ature|ing)$", m.group(1), re.I) and re.match(
                        r"\s+(?:is |was |'s )?(?:now )?(?:targeted|scheduled|planned|expected|due|set|slated|penciled|pencilled|aimed)\b",
                        c[m.end():], re.I):
                    continue  # "signature is targeted for the week after their committee": when, not who
                if re.search(r"\b(?:asked|ask|wondered|wanted to know|want to know)\s+(?:(?:her|him|them|about)\s+)?(?:who(?:'d|'ll|'s)?|whose|about)(?!\w)(?:\s+\w+){0,3}\s+$",
                             c[:m.start()], re.I):
                    continue  # "I asked who we need to convince and Ava said ...": the question, not its answer
                if m.group(1).lower().startswith("decid") and (re.search(r"\b(?:to|they|we|i)\s+(?:\w+\s+)?$", c[:m.start()], re.I)
                                                              or re.match(r"\s+(?:by|before|in|on|within|after|until|next|"
                                                                          r"this)\b",
                                                                          c[m.end():], re.I)) \
                        and not re.search(r"\bwho\s+$|\bthey (?:both|all|jointly)\s+$", c[:m.start()], re.I):
                    pron_first = bool(re.search(r"\b(?:he|she)\b", c[:m.start()], re.I)) and not re.search(
                        r"\bto\s+$", c[:m.start()])
                    named = re.search(r"\b((?-i:[A-Z][a-z]+))\s+(?:will |would |'ll |is going to |has to |needs to |"
                                      r"gets to )?$",
                                      c[:m.start()], re.I)
                    if not pron_first and not _ROLE.search(c[:m.start()]) and not (named and named.group(1) not in _NOT_NAMES):
                        continue  # "they want to decide in two weeks": a timeline, not who decides
                subj = re.findall(r"\b(they|they're|we|we're|i|i'm|he|she|he's|she's)\b", c[:m.start()], re.I)
                if re.match(r"^sign", m.group(1), re.I) and re.search(
                        r"\b(?:they|we)(?:'d|'ll|'re)?(?:\s+(?:would|will|want|need|hope|plan|like|to|going|are|be|ready|"
                        r"able|\w+ly))*\s+$",
                        c[:m.start()], re.I):
                    continue  # "they'd like to sign before Christmas": when, not who
                if re.fullmatch(r"signature|signing", m.group(1), re.I) and re.match(
                        r"\s+(?:by|before|within|until|no later|at the end)\b|\s+(?:(?:in|on) (?:the )?|this |next )(?:\d|q[1-4]\b|early\b|late\b|mid\b|"
                        r"(?:week|month|quarter|year)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b|(?:mon|tues|wednes|thurs|fri)day\b)",
                        c[m.end():], re.I):
                    continue  # "she'd said signature by December 31st": when it is signed, not who signs
                if re.fullmatch(r"signature|signing|sign(?:[- ]?off)?", m.group(1), re.I) and re.search(
                        r"\b(?:deadline|date|target|timing|timeline|window|day|ready|slated|scheduled|set|go)\s+(?:for|of|to)\s+"
                        r"(?:the\s+|a\s+)?$", c[:m.start()], re.I):
                    continue  # "Priya's deadline for signature is the 18th", "ready for signing": when, not who
                if re.fullmatch(r"sign", m.group(1), re.I) and re.search(
                        r"\b(?:said|says|say|told (?:me|us)|wants? to|wanted to|hopes? to|plans? to|aims? to|let's)\s+$",
                        c[:m.start()], re.I) and re.match(r"\s+(?:it\s+|this\s+|the \w+\s+)?(?:by|before|in|on|this|next|"
                                                          r"within|until|no later)\b", c[m.end():], re.I):
                    continue  # "she said sign by the end of the month": when to sign, not who signs
                if re.match(r"^(?:make|decid)", m.group(1), re.I) and subj and subj[-1].lower() in (
                        "they", "they're", "we", "we're", "i", "i'm") and not re.search(
                        r"\bthey (?:both|all|jointly)\s+$", c[:m.start()], re.I) and not re.search(
                        r",?\s+(?:and|but|so)\s+(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?\s+$", c[:m.start()]):
                    # ("... they have eighty thousand, and Kara Brooks decides": Kara decides, not "they")
                    continue  # "they will make the decision on the 11th": when, not who
                if re.match(r"^approv", m.group(1), re.I) and re.search(r"\b(?:is|was|been|got|are|were|be|"
                                                                        r"already)\s+(?:(?!(?:he|she|they|and|who|that|whatever|whichever|(?-i:[A-Z][a-z]+))\b)[\w-]+\s+){0,3}"
                                                                    r"approv(?!ers?\b)|approved (?:for|budget|spend|\$?\d|(?:about|"
                                                                    r"around|roughly) )", words_to_digits(c), re.I):
                    continue  # "one point two mil is approved": the budget, not who approves ("is the one who approves": who)
                if re.match(r"^approved", m.group(1), re.I) and re.search(r"\b(?:number|figure|amount|budget|price|whatever|what)\s+(?:that\s+|which\s+)?(?:\w+\s+)?(?:gets|get|getting)\s+"
                                                                          r"(?:\w+\s+)?approved\b(?!\s+by)",
                                                                          c[:m.end()], re.I):
                    continue  # "the number that gets approved is closer to 150": the figure, not who approves
                if re.match(r"^approv", m.group(1), re.I) and re.search(r"\bwhat (?:they|she|he)(?:'ve|'d| have| has| had)? (?:\w+ )?(?:had |got )?"
                                                                        r"approved\b", c, re.I):
                    continue  # "what they've actually had approved is fifty": the budget
                if re.match(r"^approved", m.group(1), re.I) and re.search(
                        r"(?:\d[\w,.]*|thousand|grand|k|million|money|budget|funds?|funding|spend)\s*,?\s+(?:already\s+|fully\s+)?"
                        r"approved\b(?!\s+by)|\bapproved (?:in|as part of|under|through|out of) (?:the |this |next |their )?"
                        r"(?:\w+'s |\w+ )?(?:capex|opex|budget|plan|cycle)", words_to_digits(c), re.I):
                    continue  # "the money, sixty thousand, approved in this year's capex": the budget, not who approves
                if (re.search(r"\b(?:isn't|is not|wasn't|not|never|no longer|doesn't|does not|don't|didn't|won't|can't|neither|"
                             r"none)\s+(?:\w+\s+){0,2}$|\bneither\s+(?:\w+\s+){1,2}nor\s+(?:\w+\s+){1,2}$",
                             c[:m.start()], re.I) or re.search(r"\bno say\b", m.group(1), re.I)) and not re.match(r"\s+anything (?:over|above|more than|bigger than)\b",
                                                                   c[m.end():], re.I) and not (
                        # "he won't sign anything until compliance is done": the signer, with a condition
                        re.match(r"^sign", m.group(1), re.I) and re.search(r"\b(?:won't|will not|wouldn't|would not)\s+$", c[:m.start()], re.I)
                        and re.match(r"\s+(?:off on\s+)?(?:anything|it|this|that|a thing|the (?:\w+ )?(?:contract|deal|order form|paperwork))\s+"
                                     r"(?:until|till|unless|before|without)\b", c[m.end():] + " " + s[s.find(c) + len(c):], re.I)):
                    rest = c[m.end():] + " " + s[s.find(c) + len(c):]  # "... isn't making the final call, it's her boss, the VP of IT"
                    ents = [e for e in _entities(rest) if e.lower() not in ("boss", "manager") and not re.search(
                        r"\b(?:on|in|over)\s+" + re.escape(e) + r"\b", m.group(1) + rest, re.I)] or _entities(rest)
                    # (not "has no say on purchasing": what the say is over)
                    nxt = sentences[idx + 1] if idx + 1 < len(sentences) else ""
                    # ("Greg doesn't decide; their CFO does, and she's the one we need": the clause after the ";" too)
                    short = re.match(r"^(?:it's |that's )?(.{2,40}?)\s+(?:does|do|is|will|has to)\s*(?:[.!]?$|[,;])", nxt, re.I)
                    if not ents and short:  # "Greg doesn't decide; their CISO does."
                        ents = _entities(short.group(1) + " does")  # (a bare first name opening the clause is still a name)
                    if ents:
                        return ", ".join(ents[:3]), s
                    other = _other_gender(c[:m.end()], rest, sentences, idx)
                    if other:  # "it's not her decision, he has the final say": the other person met
                        return other, s
                    continue
                ents = _entities(c, m.start())
                own = re.match(r"^(?:but |and |so )?((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?) (?:said|says|told (?:me|us)|confirmed|explained|"
                               r"added)\b[^.;]*\b(?:his|hers|her|theirs) to (?:sign|approve|decide)\b", c)
                if not ents and own and own.group(1) not in _NOT_NAMES:
                    ents = [own.group(1)]  # "but Dan said tools under fifteen K are actually his to sign": Dan
                rel = re.search(r"\b((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?),\s+who\s+(?:\w+\s+)?$", c[:m.start()])
                if rel and rel.group(1) not in _NOT_NAMES:
                    ents = [rel.group(1)]  # "Theo Walsh, who signs at Harbor Health": the one the relative clause is about
                if re.fullmatch(r"(?:(?:confirmed|cnfrmd|confirms|says|said|added|noted|mentioned|explained)\s+(?:that\s+)?)?"
                                r"(?:he|she)(?:'s|'ll| is| will| would| really| actually|"
                                r" alone)*(?: the(?: only| sole| one| main| final)*(?: who)?)?\s*",
                                c[:m.start()].strip() + " ", re.I) and not re.search(
                        r"\b(?:to|by|past|from|through|approval|agree|blessing|buy-in|ok|okay|go-ahead|nod|yes)\b|'s ", m.group(1), re.I):
                    # "He's the decision maker now, Raj reports to him": "he" decides, not Raj
                    ents = [who for who in [_meant(s) or _named_before(s, c) or _contact_name(sentences, idx)] if who] or ents
                if re.search(r"\b(?:by|past|to|from|through|until|once|when|after)$", m.group(1), re.I) or \
                        re.match(r"\s*from\b", c[m.end():], re.I):  # "needs approval from the lab director, Dr. Okoye"
                    ents = _entities(c[m.end():])[:2] or ents  # "Mark runs everything by his business partner"
                    if ents and all(e.lower().startswith("legal") for e in ents):
                        continue  # "run it by legal": a review, not who decides
                # ("Zoe Vogel, CEO, the signer.": a verbless apposition names the decider before it)
                if not ents and i and (re.match(r"^(?:is|are|was|will be|'s)\b", c, re.I) or re.fullmatch(
                        r"(?:the |their )?(?:real |final |actual |only |sole |economic )*(?:signer|decider|approver|decision[- ]?maker|"
                        r"buyer|signatory)[.!]?", c, re.I)):
                    ents = _entities(", ".join(clauses[max(0, i - 2):i]))[-2:]  # "Marco, their head of logistics, is the approver"
                prev = re.search(r"\b((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)$", clauses[i - 1]) if i else None
                if prev and _ROLE.match(_ROLE_QUALIFIER.sub("", c)) and prev.group(1) not in _NOT_NAMES and ents and _ROLE.fullmatch(ents[0]):
                    ents = [prev.group(1)] + ents  # "Marco, their head of logistics, is the final approver"
                if not ents and re.search(r"\b(?:he|she|he's|she's)\b|\b(?:is|'s) (?:all )?(?:hers|his)\b", c, re.I):
                    who = _meant(s) or _named_before(s, c) or _contact_name(sentences, idx)  # "Wendy Price, founder at Onyx, she's the signer"
                    who = _not_the_other_pronoun(who, c, m, s, sentences, idx)
                    ents = [who] if who else []
                if not ents and re.search(r"\bthey (?:both|all|jointly|together)\b|\bboth (?:of them )?(?:sign|decide|approve)",
                                          c, re.I) and c != s:
                    ents = _entities(s[:s.find(c)])[:2]  # "Mona and her husband own it, they both sign"
                aside = re.match(r"^(?:(?:so|and|but|also|then),?\s+)?((?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+))(?: (?:in|from|on|at) [\w-]+)?,\s+"
                                 r"(?:[^,]{2,60},\s+){1,3}$", c[:m.start()])
                if aside and re.match(r"(?:holds?|approves?|signs?|decides|owns?|controls?|makes?|has)\b", m.group(0), re.I) and \
                        not any(w in _NOT_NAMES for w in aside.group(1).split()) and not _COMPANY_WORD.search(aside.group(1)):
                    ents = [aside.group(1)]  # "Victor Price in ops, no relation, they joke about it, holds the tools budget"
                if not ents and i and not c[:m.start()].strip():
                    # "Victor Price in ops, no relation, holds the tools budget": a clause without a subject is the sentence's
                    # first-named person's
                    first_named = re.match(r"^(?:(?:so|and|but|also|then),?\s+)?((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)\b(?!'s)", s)
                    if first_named and not any(w in _NOT_NAMES for w in first_named.group(1).split()) and not _COMPANY_WORD.search(first_named.group(1)) \
                            and not _ROLE.fullmatch(first_named.group(1)):
                        ents = [first_named.group(1)]
                if not ents:
                    if re.match(r"^(?:approv|sign|decid)", m.group(1), re.I) and not re.search(
                            r"\b(?:he|she|his|her|him|herself|himself)\b", c, re.I):
                        continue
                    ents = _entities(s)
                pron = re.search(r"\b(?:he|she|he's|she's|his|her|him|herself|himself)\b", c, re.I)
                named_from = ents and (re.match(r"\s*from\b", c[m.end():], re.I) or
                                       re.search(r"\b(?:by|past|to|from|through|until|once|when|after)$", m.group(1), re.I))
                # ("he needs sign-off from their controller": the controller, not "he")
                meant = _meant(s) if pron and pron.start() < m.start() else None
                if meant:  # "'he decides, we just advise', meaning Ivan Holm": whom the quoted pronoun means
                    ents = [meant]
                if pron and not named_from and (not ents or all(_ROLE.fullmatch(e) for e in ents)):
                    who = _meant(s) or _named_before(s, c) or _contact_name(sentences, idx)  # "She's the one who decides": whom "she" means
                    who = _not_the_other_pronoun(who, c, m, s, sentences, idx)
                    if who:
                        ents = [who] + [e for e in ents if e.lower() != who.lower()]
                    elif not ents and idx > 0:
                        prev_s = sentences[idx - 1]  # "Owner is Jim. He'll decide ..." (not "moving to Google Workspace")
                        ents = [e for e in _entities(prev_s) if not re.search(
                            r"\b(?:to|onto|into|from|off|using|uses|use|on|in)\s+" + re.escape(e), prev_s)
                                and not (re.search(r"\b(?:he|she|he's|she's)\b", c, re.I) and BODY.fullmatch(e))]  # never a department
                    if not ents and re.match(r"^(?:and |so |but )?(?:he|she)(?:'s| is| will|'ll)?\b", c.strip(), re.I):
                        # ("Granite Health expansion, Hugo Evans again. ... He signs.": the person last named)
                        ents = [e for e in [_last_person_named(sentences, idx, vendor_names(sentences))] if e]
                if ents:
                    return ", ".join(ents[:3]), s
    return None, None
