"""Competitor: another vendor the customer is evaluating (not one they ruled out)."""

from __future__ import annotations

import re

from desktop.agents.bant.asides import OUR_PLANS
from desktop.agents.bant.rival_cues import corrected_after_question, more_rival
from desktop.agents.bant.text import _clauses

# -- competitor ----------------------------------------------------------------------------------
_VENDOR = r"((?![A-Z][a-z]*'(?:d|re|ve|ll|m)\b)(?:[A-Z][\w&'.-]*|\d+[A-Z][\w&'.-]*|\d+x\d+|\d+x(?=\s+(?:for|too|as well|also|and|or)\b|[,.;]|$)|[a-z]+\.(?:com|io|ai))(?:\s+(?:[A-Z][\w&.-]*|dot com|\d+|&(?=\s+[A-Z])))*)"
_COMP_BEFORE = re.compile(
    r"\b(?i:evaluating|considering|comparing (?:us )?(?:only |just |mainly |mostly )?(?:with|to|against)|comparing|compared (?:us )?(?:with|to|against)|"
    r"(?:also |still )?(?:pricing out|looking (?:hard |closely |seriously |carefully |properly )?at|(?:have|has|'ve) (?:also )?looked at|(?:they|she|he) looked at(?=\s+\S+\s+too\b|[^.;]*\bstill (?:on the (?:short-?)?list|on the table|in the (?:running|mix)|in play)\b)|"
    r"(?:is|are|'s|'re) (?:now |still |also )?pushing(?: for)?|talking to|talking with|"
    r"speaking with|in (?:\w+ )?talks with|shopping|trialing|trialling|"
    r"piloting|testing|demoing|demoed|kicking the tires on)|"
    r"(?:got|get|have|has|had|getting|received) (?:a |an )?(?:cheaper |lower |better |competing |rival )?(?:quote|proposal|bid|"
    r"pricing|offer|pitch|demo)(?:s|es)? (?:from|by)|(?:a |an )?(?:cheaper |lower |better |competing |rival )(?:quote|proposal|bid|offer)s? "
    r"from|up against|invited|weighing (?:us )?(?:against|with|up against)|comparison (?:with|to|against)|"
    r"(?:cheaper|pricier|better|faster|more expensive|easier) than|(?:had|has|have|got|booked) (?:a |"
    r"another )?demo (?:with|from)|bought|purchased|switched to|(?:torn |choosing |deciding )?between (?:us|you) and|"
    # "torn between upgrading Tidio and switching to us", "choosing between Front and us": their tool weighed against us
    r"(?:torn |choosing |deciding )?between (?:upgrading|expanding|renewing|extending|keeping|staying (?:on|with)|sticking with|"
    r"adding)(?= (?-i:[A-Z])[^.;]{0,60}?\band (?:us|you|switching to (?:us|you)|moving to (?:us|you)|going with (?:us|you))\b)|"
    # "comparing against just adding seats in Outreach instead": growing the tool they have is the other option
    r"(?:comparing|weighing|compared|comparison) (?:us |it |this |that )?(?:against|with|to) (?:just |simply |only )?(?:adding|buying|"
    r"expanding|upgrading|extending|renewing|keeping|staying (?:on|with)) (?:[\w-]+ ){0,3}?(?:in|on|with|from|at|to)(?=\s+(?-i:[A-Z]))|"
    # "deciding between staying on Pipedrive or coming back to us", "decided to stay on Pipedrive for now": the tool they keep
    # instead of us (not "staying with Salesforce for CRM": a tool beside ours)
    r"(?:torn |choosing |deciding )between (?:staying (?:on|with)|sticking with|keeping)(?= (?-i:[A-Z])[\w&.-]*(?: (?-i:[A-Z])[\w&.-]*)? (?:or|and) "
    r"(?:us|you|coming back|switching|moving|going)\b)|(?:decided|chose|opted|picked) to (?:stay|stick|remain) (?:on|with)(?= (?-i:[A-Z])[\w&.-]*"
    r"(?: (?-i:[A-Z])[\w&.-]*)?(?!\s+(?:for (?!now\b)|as\b|and (?:want|add|buy)))(?:\s*[,.;]|\s+for now\b|\s*$))|"
    # "Kara made the call: Thinkific's built-in chat": the vendor the decision went to
    r"(?:made|took) the (?:call|decision)\s*[:-](?:\s*(?:they're |they are )?going with)?(?=\s+(?-i:[A-Z0-9]))|"
    r"(?:torn |choosing |deciding )between(?= (?-i:[A-Z])[\w&.-]*(?: (?-i:[A-Z])[\w&.-]*)? and (?:us|you)\b)|(?:competitors?|competition|other bidders|rivals)"
    r"(?: on the \w+| in the \w+| for this)? (?:include|includes|including|are)|(?:everyone|"
    r"everybody|all) but us and|(?:down to|just|only) us and|"
    r"(?:how )?(?:we )?compares? (?:us )?(?:to|with|against)|(?:picked|chose) us over|went with|going with|go with|picked|"
    r"chose|signed with|"
    r"lost (?:it |the deal |this one |this |that one |that |out |the \w+ )?to|(?:it's |it is |either )?us or(?: (?:(?:staying|sticking|remaining|"
    r"carrying on|continuing) (?:with|on)|keeping|renewing))?|"
    r"(?:it's |it is )?us (?:against|versus|vs\.?)|"
    r"competing (?:with|against)|competing\s*:|(?:were|was|been|got|being) quoted (?:[\w$,.-]+ ){0,4}?(?:by|from)|vs\.?|versus|leaning (?:towards?|to)|"
    r"bake[- ]?off (?:with|against)|shortlist(?:ed)? (?:with|alongside)?|alongside|side[- ]by[- ]side (?:against|with|vs\.?)|"
    r"comps?\s*:|compet\s*:|"
    # "they've started a trial of Airbyte", "running a pilot with Gorgias": a trial of another vendor is an evaluation
    r"(?:started|starting|start|running|doing|began|begun|begin|kicked off|kicking off|set up|setting up|booked) (?:a |an |their |the )?"
    r"(?:[\w-]+ )?(?:trial|pilot|poc|proof of concept) (?:of|with)|"
    # "the status quo option is just buying Zendesk's AI add-on": their own vendor's upgrade weighed as the option
    r"(?:status quo|other|fallback|alternative|cheap|cheaper|easy) option (?:is|would be|'s) (?:just |simply |probably )?(?:buying|adding|"
    r"upgrading(?: to)?|expanding|turning on|sticking with|staying (?:on|with)|going with)|"
    # "what they're actually evaluating alongside us is Buildertrend's CRM module"
    r"what (?:they're|they are|she's|he's|she is|he is) (?:actually |really |now |also )?(?:evaluating|looking at|considering|"
    r"comparing|weighing)(?: (?:alongside|against|next to|besides|with) (?:us|you))? (?:is|are)|"
    # "running an RFP with Samsara"; "I'd rather spend it with you than with Fivetran"; "it's you or Ylopo"
    r"(?:running |doing |in |issued )?(?:an |the |a )?(?:rfp|tender|bake-?off|formal evaluation) (?:with|against|alongside|that includes)|"
    # "three quotes for anything over a hundred thousand, and they have them, you, Samsara and Motive": the quotes they hold
    r"\b(?:two|three|four|2|3|4|several|multiple) (?:quotes|bids|proposals)\b[^.;]{0,80}?\b(?:have|got|'ve got|has) (?:them|all three|"
    r"all of them|both|those)\s*[:,]\s*(?:us|you)(?:,|\s+and|,\s*and)(?=\s)|"
    r"(?:rather|sooner) (?:[\w']+ ){0,4}?(?:with )?(?:you|us) than(?: with| go with| use)?|(?:it's|it is|either) you or|"
    r"shortlist (?:[\w ]{0,30}? )?(?:is|are) (?:just |only )?(?:us|you) and|(?:a |the )?(?:competitor|competition|alternative|other vendor|other option)(?:s)?(?: on the table| in play| in the (?:mix|"
    r"running)| mentioned| named| discussed| raised)?(?: is| are|:|,)?(?: probably|"
    r" mainly| mostly)?)"
    r"\s+(?:(?:prices|pricing|quotes|notes) (?:across|from|with|between) )?(?:(?:\w+ )?(?:vendors|options|tools|players|"
    r"companies)\s*[:,-]?\s*(?:including |like |such as )?)?"
    # ("talking to another agency, Belkins", "a quote from a Webflow studio called Flowbase")
    r"(?:(?i:another|an|a|one other) (?:[\w-]+ )?(?i:agency|vendor|firm|company|provider|studio|shop|consultancy|partner|"
    r"platform|tool|bpo|outsourcer|call cent(?:er|re)|contact cent(?:er|re)|reseller|integrator|msp|service)(?:,\s*|\s+(?i:called|named)\s+))?(?:us,?\s+(?:and\s+)?)?" + _VENDOR)
_COMP_AFTER = re.compile(
                         # "forwarded him a Salesloft quote", "Gong sent them a 3-year offer", "Salesforce dropped their quote to 13k":
                         # another vendor's price put to them, a rival in play (not "a quote from us")
                         r"(?:(?<=\ba\s)|(?<=\ban\s))" + _VENDOR + r"(?=\s+(?i:quote|offer|bid|proposal|counter-?offer)s?\b)|"
                         r"(?:^|(?<=[,.;:]\s)|(?<=\band\s)|(?<=\bthat\s))" + _VENDOR + r"(?=\s+(?:(?i:just|now|already|also)\s+)?(?i:sent|gave|made|put in|dropped|cut|lowered|sharpened|came back with)"
                         r"\s+(?i:them|her|him|their|its|a|an|in a)\s+(?:[\w-]+\s+){0,2}?(?i:quote|offer|price|bid|proposal|counter-?offer)s?\b)|"
                         # "a call with Rippling's onboarding team, not impressed but they're still on the list": a vendor met and kept on
                         r"(?i:\b(?:call|meeting|demo|session|chat)s? with\s+)" + _VENDOR + r"(?='s\s+(?:[\w-]+\s+){0,2}?(?i:team|people|reps?|sales)\b"
                         r"[^.;]*\b(?i:still (?:on the (?:short-?)?list|in the (?:running|mix)|in play|an option|on the table))\b)|"
                         + _VENDOR + r",\s+(?i:(?:they're|they are|she's|he's|she is|he is) (?:still |also )?(?:looking at|considering|evaluating|"
                         r"weighing|talking to|keen on) (?:it|them)\b)|"
                         # "Ava also wants to look at LeadSquared", "they plan to check out Gong too": a vendor they mean to look at
                         # (not "wants to look at Dana's forecast", "Excel exports": the vendor is the whole object)
                         r"(?i:\b(?:wants?|wanted|plans?|planning|intends?|'d like|would like|going) to (?:also )?(?:look at|check out|evaluate|"
                         r"trial|demo|test)\s+)" + _VENDOR + r"(?=\s*(?:[,.;!]|$)|\s+(?i:too|as well|also|next|first|before)\b)|"
                         # "Talkdesk pitched us last week": a pitch made to them (not "keeps pitching her" something else)
                         r"(?:^|(?<=[,.;:]\s)|(?<=\bbetween us,\s)|(?<=\ban\s)|(?<=\ba\s)|(?<=\band\s))" + _VENDOR + r"(?:\s+(?i:rep|sales rep|salesperson|ae|"
                         r"account exec|account executive|team))?\s+(?i:(?:has |have |had |also |has also |have also )?(?:pitched|demoed (?:to )?|approached))\s*(?i:us|them|her|him)\b|"
                         # "they're also getting a Moveworks demo next week": a vendor's demo (pitch, quote) they are given
                         # (not "booked the Granite Labs demo": the account's own demo, booked by us; not one they "didn't like, out")
                         r"(?i:\b(?:getting|get|got|having|had|seeing|saw|sat through|sitting through|sit through|taking|took) (?:also )?(?:a|an|another) )" + _VENDOR
                         + r"(?=\s+(?i:demo|pitch|quote|proposal|bid|trial|pilot|presentation|walk-?through)s?\b"
                         r"(?![^.;]*\b(?i:didn't like|did not like|wasn't impressed|weren't impressed|hated|passed on|ruled (?:it |them )?out|"
                         r"dropped|out(?=\s*[.;,]|\s*$))))|"
                         # "Zendesk's AI add-on has been priced out and they're keeping that option open"
                         r"^" + _VENDOR + r"(?:'s(?: [\w-]+){1,3})?\b[^.;]*\b(?i:keeping|keep|kept) (?i:that|the|this|it) (?i:option )?open\b|"
                         r"(?i:\b(?:running|trying|testing|trialing|trialling|piloting)\s+)" + _VENDOR + r"(?:'s)?(?:\s+[\w-]+){0,3}\s+"
                         r"(?i:side by side|side-by-side|in parallel|head to head|head-to-head|alongside) (?i:with )?us\b|"
                         # "they're weighing Epic's own module against us", "seeing Doctolib's reminder feature next week": another
                         # vendor's product weighed against us or shown to them
                         # "they're still weighing SafetyCulture against us": the vendor itself weighed against us
                         r"(?i:\b(?:weighing|comparing|pitting)\s+)" + _VENDOR + r"(?=\s+(?i:against|versus|vs\.?)\s+(?i:us|you)\b)|"
                         r"(?i:\b(?:weighing|comparing|pitting|testing|trialing|trialling|evaluating|piloting)\s+)" + _VENDOR + r"'s(?:\s+[\w-]+){1,3}\s+"
                         r"(?i:against|with|next to|alongside|versus|vs\.?)\s+(?i:us|you)\b|"
                         r"(?i:\b(?:seeing|see|saw|getting|get|got|booked|having|had) (?:a (?:demo|look|walk-?through) (?:of|at) )?)" + _VENDOR
                         # ("got Dr. Whitfield's assistant again": a person's assistant on the phone, no vendor's product)
                         + r"'s(?!\s+(?i:assistant|secretary|office|voicemail|ea|pa)\b)(?:\s+(?!(?i:team|people|rep|ceo|founder)\b)[\w-]+){0,2}\s+(?i:feature|module|product|tool|platform|bot|demo|offering|"
                         r"add-?on|solution|app|system|version|suite|agent|assistant|hub)s?\b(?![^.;]*\b(?i:already|for years|today|currently)\b)|"
                         r"(?i:\b(?:got|have|has|had|received|saw|seen|getting)\s+)" + _VENDOR + r"(?:'s)\s+(?i:quote|"
                         r"proposal|bid|pricing|offer|numbers)\b|"
                         # "Okta's add-on is in the mix", "ServiceNow's virtual agent is still on the table"
                         # a fragment without the verb: "Outreach still in the running", "Fivetran, still an option", "freshdesk still in"
                         r"(?:^|(?<=[,.;:]\s))" + _VENDOR + r",?\s+(?i:still|also|now)\s+(?i:in the (?:mix|running|picture)|in play|an option|on the (?:table|list|"
                         r"shortlist)|in(?=\s*[.,;!]|\s*$))|"
                         # "talkdesk out, five9 in": one out, the other said in right after it
                         r"(?:(?<=\bout,\s)|(?<=\bout;\s)|(?<=\bout and\s)|(?<=\bout, and\s))" + _VENDOR + r"\s+(?i:is\s+)?(?i:now\s+)?in(?=\s*[.,;!]|\s*$)|"
                         # "Still Samsara and us.", "Now it's Gong and us": the two left
                         r"(?:^|(?<=[,.;:]\s))(?i:(?:still|now|so|just|only)\s+)?(?i:it's\s+|it is\s+)?(?i:(?:down to|just|only)\s+)?"
                         r"" + _VENDOR + r"\s+(?i:and|or)\s+(?i:us|you)(?=\s*[.,;!]|\s*$)|"
                         + _VENDOR + r"'s (?:[\w-]+ ){1,3}(?i:is|are) (?:also |still )?(?i:in the (?:mix|running|picture)|in play|"
                         r"on the (?:table|list|shortlist)|an option|the other (?:option|one|thing|tool|product|platform)|"
                         r"(?:the |their )?(?:main |real |only |obvious )?alternative)\b|" + _VENDOR + r"(?:'s|,?\s+(?i:is|are|was|has|have))\s+(?:(?:also|still|now|definitely|clearly|very much|firmly|certainly|"
                         r"absolutely|really)\s+)*"
                         r"(?:been\s+)?(?:in the (?:mix|running|picture|frame)|bidding|still on it\b|on it too\b|"
                         # "Appcues is the other one they're looking at", "Cognigy is the other one, their IT likes it"
                         r"the other (?:one|tool|option|thing|product|platform|vendor|agency|name|system)\b(?!\s+(?:we|they|she|he) "
                         r"(?:dropped|ruled out|passed on|rejected))|"
                         r"on (?:the|their) (?:list|shortlist)|an option|the other option|the competitor|(?:the |their )?(?:main |real |only |obvious )?alternative\b|"
                         r"in play\b|pitching|"
                         r"cheaper|undercutting|quoted|(?:the other |a |the )?finalist|the one (?:they're|they are|she's|he's|she is|he is) "
                         r"(?:still )?(?:weighing|considering|looking at|leaning towards?|keen on)|the other (?:vendor|contender|bidder)|in(?=\s*[.,;!]|\s*$)|in it\b|"
                         r"on the table|still live\b|(?:the )?(?:only )?one (?:to beat|still in|left(?: standing)?)\b|"
                         r"the only (?:one|vendor|option|other vendor) (?:still )?(?:in|left)\b|(?:what|"
                         r"who) (?:they|she|he)(?:'d| would|'re|"
                         r" are)? compar\w*)|" + _VENDOR + r"\s+(?i:came in|quoted them|offered them|quoted us|pitched us|quoted (?:her|him))|"
                         # "Intercom did a demo last month and is still on the shortlist": a vendor that demoed to them
                         r"(?:^|(?<=[,.;:]\s)|(?<=\bsaid\s)|(?<=\bsays\s))" + _VENDOR + r"\s+(?i:did|gave|ran|held) (?i:a|an|their|them a|her a|him a) "
                         r"(?:[\w-]+ )?(?i:demo|pitch|presentation|walk-?through)\b|"
                         # "If Intercom can't show them a real improvement, you're plan B": the vendor they try first
                         r"(?:^|(?<=:\s))(?i:if|unless)\s+" + _VENDOR + r"(?=\s+(?i:can't|cannot|doesn't|does not|won't|fails to|falls "
                         r"short)[^.]*\b(?i:you're|you are|we're|we are|they're|we'd be|you'd be) (?i:the )?(?i:plan b|backup|fallback|"
                         r"next in line|second choice|runner-up|next option)\b)|"
                         # "Aisera was dropped last month, but Rebecca put it back on the list"
                         r"(?:^|(?<=[,.;:]\s))" + _VENDOR + r"\s+(?i:was|were|got|had been)\b[^.;]*\b(?i:put|added|brought) (?i:it|them) "
                         r"(?i:back)\b|"
                         # "they've asked Brightwave for a quote as well"
                         r"(?i:\b(?:asked|invited|approached)\s+)" + _VENDOR + r"\s+(?i:for (?:a |an )?(?:quote|proposal|bid|pitch|demo|"
                         r"pricing))\b|"
                         # a vendor said first, then "its X" weighed against us
                         r"^" + _VENDOR + r"\s+(?i:they|she|he)\b[^.]*?\b(?i:weighing|comparing|pitting|testing|trialing|trialling|"
                         r"looking at) (?i:its|their) [\w -]{2,40}? (?i:against|with|to|next to) us\b")
_COMP_NEG = re.compile(r"\b(?:not|n't|no longer|never|anymore|any more|ruled out|dropped|stopped|off the table|"
                       r"out of the (?:picture|running)|instead of|rather than|away from|moving off|leaving|left|"
                       r"replac\w+|ditch\w*|churn\w*|fired|hate|killed|scrapped|cancell?ed|called off|unhappy with|frustrated with|currently (?:on|use|using))\b", re.I)
_NOT_VENDOR = set("""Us We They Them It The This That Their Our A An Some Other Another Options Prices Pricing Quotes
Vendors Tools Solutions Alternatives I You He She Him Her Monday Tuesday Wednesday Thursday Friday January February
March April June July August September October November December Q1 Q2 Q3 Q4 Next Last""".split())

def _vendor(name: str) -> str | None:
    name = re.sub(r"\s+dot com$", ".com", name.strip(" .,'"))
    name = re.sub(r"'s(?:\s.*)?$", "", name)  # ("Freshdesk's Freddy bot": the vendor whose product it is)
    words = name.split()
    # ("Anyway Chorus is still in": a discourse word said before the vendor is not part of its name)
    while len(words) > 1 and words[0] in {"Anyway", "Anyhow", "So", "Also", "Plus", "Well", "Oh", "Now", "Still", "And", "But",
                                         "Apparently", "Basically", "Honestly", "Actually", "Said", "Says", "Mentioned", "Heard",
                                         "Thinks", "Reckons"}:  # ("Said Salesforce came in lower": a note's subjectless "said")
        words.pop(0)
    # ("Zendesk AI", "Zoho Suite": the vendor, without the product line's generic word)
    while words and words[-1] in _NOT_VENDOR | {"And", "Or", "But", "So", "Too", "As", "AI", "Suite", "Platform", "Cloud"}:
        words.pop()
    if words and words[0].rstrip(".") in {"Dr", "Mr", "Mrs", "Ms", "Prof", "Sir"}:
        return None  # ("Dr. Whitfield", "Ms. Ortega": a person, said with an honorific)
    if not words or words[0] in _NOT_VENDOR or re.fullmatch(r"[A-Z][a-z]*'(?:d|re|ve|ll|m)", words[0]):
        return None  # ("Competition? They'd looked at ...": a pronoun's contraction after the label is no vendor)
    words[-1] = re.sub(r"'s$", "", words[-1])  # "Zendesk's AI add-on": the vendor whose product it is
    if " ".join(words) in OUR_PLANS:
        return None  # "they just bought Scale last month": our own plan, no other vendor
    return " ".join(words[:3])


_LIST_NEXT = re.compile(r"(?:,\s*|\s+(?:and|or)\s+|,\s*(?:and|or)\s+)" + _VENDOR)


def vendor_names(sentences: list[str]) -> set[str]:
    """Every name said as a vendor in ``sentences`` ("Freshdesk is the other finalist"), ruled out or
    not: words that are not people, for whom "he"/"she" can never stand."""
    return {v for s in sentences for c in _clauses(s) or [s] for rx in (_COMP_BEFORE, _COMP_AFTER)
            for m in rx.finditer(c) for g in m.groups() if g for v in [_vendor(g)] if v}


def _ruled_out(vendor: str, text: str) -> bool:
    """True when ``text`` says anywhere that ``vendor`` is out ("Zendesk is out", "they dropped Gong")."""
    v = re.escape(vendor)
    # "Aisera was dropped last month, but Rebecca put it back on the list": back in
    if re.search(rf"\b{v}\b[^.]*\b(?:put|added|brought) (?:it|them) back\b|\b(?:put|added|brought) {v} back\b", text, re.I):
        return False
    return bool(re.search(rf"(?:^|[:;,]\s*|\bcomps?\s*:?\s*){v}\s+(?:dropped|cut|gone|ruled out|eliminated)\b(?=\s*(?:[,.;]|$|\band\b))|"
                          rf"\b{v}(?:(?:'s)?\s+(?:is|are|was|has been|got)|'s)\s+(?:\w+\s+)?(?:out|gone|dropped|cut|eliminated|off the table|"
                          rf"out of the (?:picture|running)|not (?:in|an option|being considered|in consideration))\b|"
                          # typed "comp: Docebo out, TalentLMS still in"; "Freshdesk was on the list but got cut"
                          rf"(?:^|[:;,]\s*|\bcomps?\s*:?\s*){v}\s+out\b(?=\s*(?:[,.;]|$|\band\b))|"
                          # "Zendesk AI was in the running, dropped after their trial": dropped said after a comma
                          rf"\b{v}\b[^.;]{{0,40}}?,\s*(?:then |but |and )?(?:got |was |were )?(?:dropped|cut|ruled out|eliminated|removed)\b|"
                          rf"\b{v}\b[^.;]{{0,40}}?\b(?:but|and|then|until it|before it) (?:got|was|were|has been|had been) (?:\w+ )?(?:cut|dropped|"
                          rf"ruled out|eliminated|removed|struck off|crossed off)\b|"
                          rf"\b{v}(?:'s)?\s+(?:isn't|aren't|wasn't|is not|are not|was not)\s+(?:\w+\s+)?(?:an option|in (?:it|the "
                          rf"running|the mix)|on the table|being considered)\b|"
                          # "nobody's looking at Vanta for this": no one weighs it
                          rf"\b(?:nobody|no one|no-one)(?:'s| is| was)? (?:really |even |seriously )?(?:looking at|considering|evaluating|"
                          rf"interested in|talking to|pushing for)\s+{v}\b|"
                          rf"\b(?:dropped|ditched|ruled out|passed on|decided against|said no to|not (?:looking at|considering|"
                          rf"evaluating)|no longer (?:\w+ing|considering|looking at))\s+(?:\w+\s+)?{v}\b|"
                          # the vendor they already signed and are bound to ("X's been fine and they're locked in for
                          # a year"): their incumbent, not a rival in this deal
                          rf"\b{v}\b[^.;]*\b(?:locked|tied) in(?:to)?\b|"
                          # "Gorgias pitched her too; she's not considering them": what "them" means is the vendor just said
                          rf"\b{v}\b[^.]{{0,60}}?;\s*(?:but )?(?:she|he|they)(?:'s|'re| is| are)? (?:not|no longer) (?:really |even |seriously )?"
                          rf"(?:entertaining|considering|pursuing|interested in|evaluating|looking at|trialing|trialling|testing) (?:it|them|that)\b|"
                          # "they signed with Vanta for two years": bound to it, as good as locked in
                          rf"\bsigned (?:on )?with {v} for (?:a|one|two|three|four|five|\d+|another) (?:more )?(?:years?|months?)\b|\b(?:locked|tied) in(?:to)? (?:\w+ )?(?:with )?{v}\b",
                          text, re.I))


_PART = re.compile(r",\s+(?:and|but|so|while)\s+|,\s+(?=(?:and |so |but )?(?:now|which leaves|leaving)\b)|;\s*|\s+and\s+(?=(?:they|they're|she|she's|he|he's|now|right now|"
                   r"today)\b)", re.I)


#: A vendor chosen by another buyer (a sister company, a friend, their old agency) is not in this deal.
_SOMEONE_ELSE = re.compile(r"\b(?:sister|parent|daughter|partner|other|another|neighbou?ring|rival) (?:company|companies|"
                           r"firm|office|business|brand|clinic|practice|school)\b|\b(?:a friend|friends|a peer|peers|"
                           r"a competitor of theirs|their competitors?|(?:their|her|his) (?:old|previous|former) "
                           r"(?:agency|employer|company|job)|other (?:customers|clients))\b", re.I)


#: A vendor named and corrected at once ("Weave, no, not Weave, it was Klara", "Drift, sorry, I mean Intercom"): the second.
_VENDOR_FIX = re.compile(r"\b((?-i:[A-Z])[\w&.-]*),?\s+(?:no,?\s+(?:not\s+\1,?\s+)?(?:it was|it's|it is|i mean|rather|actually)|"
                         r"(?:no,?\s+)?sorry,?\s+(?:i mean|it was|it's)|no wait,?|i mean)\s+(?=(?-i:[A-Z]))", re.I)


#: A clause taken back at once and said again another way ("..., no wait, she said they use it for compliance"):
#: what comes before the correction (not a vendor named again, which :data:`_VENDOR_FIX` keeps) is not what was said.
_TAKEN_BACK = re.compile(r"(?:^|(?<=[.;:]\s)|(?<=,\s))[^,.;:]*,\s*(?:no wait|wait,? no|no,? sorry|sorry,? no|scratch that|"
                         r"no,? actually|correction)\s*[,:]?\s+(?=(?-i:[a-z]))", re.I)


#: What a person (not a vendor) does in a note: "Victor wants ...", "Zoe runs sales", "Dana, the CFO, ...".
_PERSON_DOES = (r"(?:'s|,)?\s+(?:(?:also|just|still|really) )?(?:wants|wanted|says|said|told|asked|thinks|runs|ran|mentioned|decides|"
                r"signs|agreed|agrees|likes|liked|needs|needed|would like|is the (?:one|decision|signer|approver|founder|owner|ceo|cfo|"
                r"cto|coo|head)|was clear|owns|manages|leads|heads|approves|signs off|sent|emailed|called|replied|joined)\b|"
                r",\s+(?i:the |their |our |her |his )?(?i:ceo|cfo|cto|coo|cio|vp|head|director|manager|founder|co-founder|owner|lead)\b")


def _is_person(vendor: str, text: str) -> bool:
    """True when ``vendor`` is a person's "First Last" name in ``text`` ("talking with Victor Price and
    Zoe Price ... Victor wants ..."): a person is never a competitor."""
    words = vendor.split()
    if len(words) != 2 or not all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words):
        return False
    first, full = re.escape(words[0]), re.escape(vendor)
    return bool(re.search(rf"\b(?:{full}|{first})(?![\w-])(?:{_PERSON_DOES})", text) or
                re.search(rf"\b{full},? and (?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+)\b|\b(?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+),? and {full}\b",
                          text))


#: A vendor brought up in a sentence ("asked about ServiceNow's virtual agent", "name-dropped Phreesia"), which an
#: "it"/"them"/"that" later in the same sentence can stand for.
_BROUGHT_UP = re.compile(r"\b(?:asked (?:me |us )?about|mentioned|name-?drop(?:ped|ping|s)?|brought up|raised|demoed|came across|heard about|"
                         # "IT would rather default to SAP's own module, and they're looking at it in parallel"
                         r"(?:rather|prefer to|like to|want to|wants to) (?:just )?(?:default to|go with|stick with|fall back on|use|buy))\s+"
                         + _VENDOR)
#: The cue that weighs a vendor said as a pronoun: "comparing us with that", "still talking to them".
_WEIGHED_PRONOUN = re.compile(r"\b((?:comparing|weighing|pitting) us (?:with|to|against|next to)|(?:still |also )?(?:talking to|"
                              r"talking with|evaluating|considering|trialing|trialling|piloting|looking (?:hard |seriously )?at))\s+"
                              r"(?:that|it|them)\b", re.I)


def _pronoun_vendor(sentence: str) -> str:
    """A vendor said as a pronoun put back by name ("He asked about ServiceNow's virtual agent and they're now comparing us
    with that" -> "... comparing us with ServiceNow"): the vendor brought up before the pronoun in the same sentence."""
    cue = _WEIGHED_PRONOUN.search(sentence)
    if not cue:
        return sentence
    ante = [m for m in _BROUGHT_UP.finditer(sentence[:cue.start()])]
    name = _vendor(ante[-1].group(1)) if ante else None
    if not name or _is_person(name, sentence):
        return sentence
    return sentence[:cue.start()] + cue.group(1) + " " + name + sentence[cue.end():]


#: The seller's belief set right ("I thought she was weighing us against Procore, but she corrected me: ..."): not said.
_CORRECTED_ME = re.compile(r"^(?:[^.;]*?\s)?(?:i|we) (?:thought|assumed|figured|had (?:it|them) down as)\b[^.;]*?,\s*but "
                           r"(?:she|he|they|(?-i:[A-Z][a-z]+)) (?:corrected (?:me|us)|set (?:me|us) straight|said no)\b\s*[:,]?\s*", re.I)


def _competitor(sentences: list[str]) -> tuple[str | None, str | None]:
    found: list[tuple[str, str]] = []
    # ("name-dropped Clari" is a mention, not a vendor dropped)
    sentences = [re.sub(r"\bname[- ]?dropp(ed|ing)\b", "mentioned", _CORRECTED_ME.sub("", _pronoun_vendor(s)), flags=re.I)
                 for s in sentences]
    sentences = corrected_after_question(sentences)  # "a quote from Pipedrive? No - Freshworks, sorry": the corrected one
    sentences = [_VENDOR_FIX.sub("", s) for s in sentences]
    # "they're also looking at Vanta, no wait, she said they already use Vanta for compliance": the words taken back go
    sentences = [_TAKEN_BACK.sub("", s) for s in sentences]
    # "comp: Procore? no - they use it for project mgmt": a vendor put as a question and answered "no" is no rival
    sentences = [s for i, s in enumerate(sentences) if not (
        s.rstrip().endswith("?") and i + 1 < len(sentences) and re.match(r"^(?:no|nope|nah|not really)\b", sentences[i + 1], re.I))]
    # "Lavender? Still looking, Wendy likes their coaching.", "Aircall? Still in.": a vendor asked about, answered still in
    for k, s in enumerate(sentences[:-1]):
        asked = re.fullmatch(r"(?:(?i:and|what about|how about)\s+)?" + _VENDOR + r"\?", s.strip())
        if asked and re.match(r"^(?:yes,?\s+)?still (?:in|looking|evaluating|considering|in the (?:running|mix)|on the (?:table|list))\b|"
                              r"^yes,? (?:still|they're still|they are still)\b", sentences[k + 1], re.I):
            v = _vendor(asked.group(1))
            if v and not _is_person(v, " ".join(sentences)):
                found.append((v, s + " " + sentences[k + 1]))
    for s in sentences:
        for c in (_clauses(s) or [s]) + [s]:  # each clause, then the whole sentence ("everyone but us and X")
            for rx in (_COMP_BEFORE, _COMP_AFTER):
                for m in rx.finditer(c):
                    raw = next((g for g in m.groups() if g), None)
                    if raw is None:
                        continue
                    v = _vendor(raw)
                    if v is None:
                        continue
                    if re.search(r"\b(?:we|we're|we are|we've|i|i'm|i am|i've)\s+(?:also |now |still |probably |mostly )?$", c[:m.start()], re.I) \
                            and re.match(r"(?:also |still )?(?:looking|considering|evaluating|pricing out)\b", m.group(0), re.I):
                        continue  # "so we're looking at Growth (7,990) plus the onboarding pack": our own plan weighed, no rival
                    # only the negation in the cue's own part counts ("dropped X, and now comparing us with Y")
                    own = _PART.split(c[:m.start()])[-1] + c[m.start():m.end()]
                    if _COMP_NEG.search(own) and not re.search(r"\b(?:instead of|rather than)\b", c[:m.start()], re.I) \
                            and not re.search(r"\bbut us and\b|\b(?:is|are) (?:just |only )?(?:us|you) and\b", m.group(0), re.I):  # "ruled out everyone but us and X"
                        # ("Airbyte dropped, Fivetran still in": the "still" said with the vendor keeps it)
                        if not re.search(r"\b(?:also|still)\b", c[:m.end()], re.I) or re.search(
                                r"\b(?:not|n't|no longer|anymore)\b", c, re.I):
                            continue
                    rest = c[m.end():] + " " + (s[s.find(c) + len(c):] if c in s else "")
                    if re.search(r"\b(?:cancel\w*|dropp\w*|ditch\w*|revers\w*|backed out of|pulled out of|"
                                 r"walked away from|passed on|decided against|said no to)\s+"
                                 r"(?:that|it|them)\b|(?<!n't )(?<!not )(?<!never )\bruled (?:that|it|them) out\b|"
                                 # "looked at Shopify Flow, but it doesn't do what they need, so that's out"
                                 r"\b(?:so |and )?(?:that's|that is|it's|it is|they're|they are) (?:out|off the table|not an option)\b|"
                                 # "quoted her too, but she's not entertaining it, too expensive, off the table"
                                 r"\b(?:not|n't|no longer|never) (?:really |even |seriously )?(?:entertaining|entertain|considering|consider|"
                                 r"pursuing|pursue|going (?:there|with (?:it|them|that))|interested in (?:it|them|that)|"
                                 r"(?:buying|going to buy|buy) (?:it|them|that))\b|"
                                 # "how we compare to Gong, but they don't use Gong and aren't looking at it": named, not weighed
                                 r"(?:n't|\bnot|\bno longer|\bnever) (?:really |even |actually |seriously )?"
                                 r"(?:looking at|evaluating|shopping|talking to|trialing|trialling|testing) (?:it|them|that)\b|"
                                 r"(?:n't|\bnot) (?:be )?(?:buying|going to buy|buy) (?:it|them|that)\b|"
                                 r"(?:^|[,;]\s*)(?:and |so |but )?(?:it's |that's |they're )?(?:off the table|a non-?starter|out of the (?:picture|"
                                 r"running))\b|"
                                 r"\b(?:doesn't|does not|didn't|won't|can't) do what (?:they|she|he) (?:need|want)|"
                                 # "Procore came up, but that's their project management system, not part of this": a tool they use
                                 r"\b(?:that's|that is|it's|it is|they're|they are) (?:just )?their (?:[\w-]+ ){0,3}(?:system|platform|tool|stack|"
                                 r"crm|erp|ehr|emr|lms|billing|software|app|provider|vendor|helpdesk|help desk|database|warehouse)\b|"
                                 r"\bnot (?:part of|in) (?:this|the (?:evaluation|deal|decision|running))\b|\bnot (?:competing|a competitor)\b|"
                                 # "Anyone else? Structurely wanted a two-year contract, so no.": the answer ends in a no
                                 r",\s*so (?:no|nope|that's a no|it's a no|not them|not (?:an option|happening))\s*[.!]?\s*$", rest, re.I):
                        continue  # "had picked Freshdesk, but Tom cancelled that", "looked at Drift but ruled it out"
                    if re.search(r"(?:\bis|'s)\s+(?:still\s+|also\s+)?in(?: it)?$|\b(?:did|gave|ran|held) (?:a|an|their|them a|her a|"
                                 r"him a) (?:[\w-]+ )?(?:demo|pitch|presentation|walk-?through)$", m.group(0)) and re.search(
                            rf"\b{re.escape(v)} (?-i:[A-Z][a-z]+)\b", " ".join(sentences)):
                        continue  # "Wendy is in" (Wendy Price agrees): a person named in the note, not a vendor
                    if re.search(r"\b(?:bought|purchased|went with|picked|chose|signed with|switched to)\s", m.group(0), re.I) and \
                            re.match(r"\s*for\b[^.;]*\b(?:but|yet|and)\b[^.;]*\bstill\b", s[s.find(m.group(0)) + len(m.group(0)):]
                                     if m.group(0) in s else "", re.I):
                        continue  # "bought CrowdStrike for endpoint, but they still need audit logs": a tool for something else
                    if re.match(r"(?:had|has|have|got|booked) (?:a |another )?demo", m.group(0), re.I) and re.fullmatch(
                            r"(?:(?:so|and|then|also|just|today|yesterday|finally|ok|okay),?\s+)*(?:(?:i|we)(?:'ve)?(?:\s+(?:just|finally|also))?)?",
                            c[:m.start()].strip(" ,"), re.I):
                        continue  # "Booked demo w/ Raj Zimmer", "I had a demo with Nora Lee": the seller's demo with a contact
                    pre = _PART.split(c[:m.start()])[-1]
                    # ("Their old agency, Pixelhaus, is pitching to keep it": the old agency is the vendor itself)
                    if _SOMEONE_ELSE.search(pre) and not re.search(r"\b(?:agency|firm|vendor|provider)\s*,\s*$", pre, re.I):
                        continue  # "their sister company went with Five9": another buyer's choice
                    found.append((v, s))
                    # "comparing us against Zendesk and Freshdesk": every vendor of the list is a candidate
                    pos = m.end()
                    while (more := _LIST_NEXT.match(c, pos)) is not None:
                        w = _vendor(more.group(1))
                        if w:
                            found.append((w, s))
                        pos = more.end()
    text = " ".join(sentences)
    if re.search(r"\b(?:not|n't) (?:really |actually |even )?(?:evaluating|looking at|talking to|shopping|considering) "
                 r"(?:anything|anyone|anybody|any other|other vendors|alternatives)\b", text, re.I):
        found = [(v, s) for v, s in found if not re.search(r"\b(?:compare|compares|comparison|asked)\b", s, re.I)]
        # "he asked how we compare to Acuity ... they're not really evaluating anything": no rival
    for v, s in found:
        if not _ruled_out(v, text) and not _is_person(v, text):
            return v, s
    rival, s_more = more_rival(sentences)  # "Fivetran undercut us", "consolidating on Zoho One", "moved to Close, the CRM"
    v_more = _vendor(rival) if rival else None
    if v_more and not _ruled_out(v_more, text) and not _is_person(v_more, text):
        return v_more, s_more
    return None, None
