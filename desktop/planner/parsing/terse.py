"""Terse typed notes spelled out as the sentences the planner reads (issue 12).

People who type fast drop the verbs: "acme -> negotiation, 85k", "won: delta solutions, 4k",
"ember to proposal sent", "rachel adams, title VP Marketing", "kestrel partners deal, owner me",
"stale deals, five weeks", "pipeline total in proposal sent". :func:`expand_terse` rewrites only
these whole-line shapes (each anchored at the start of the text, never inside a sentence) into
the verb forms the planner already understands; everything else is returned unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Words that show a line already has its verb or is a question: it is left as it is.
_HAS_VERB = re.compile(
    r"\b(?:move|moved|moving|push|pushed|bump|bumped|put|set|change|changed|update|updated|advance|advanced|"
    r"drop|dropped|send|sent|email|e-mail|call|called|log|logged|book|booked|remind|add|added|create|make|"
    r"delete|remove|talk|talked|spoke|met|meet|is|are|was|were|did|do|does|can|could|would|will|should|"
    r"please|show|list|what|which|who|how|when|where|why|give|assign|reassign|mark|close|closed|lost|won|"
    r"signed|went|go|goes|going|want|wants|need|needs|let's|i|we|they|he|she|it)\b", re.I)
#: "wendy price lifecycle back to lead": a contact's lifecycle stage, not a deal's stage.
#: An arrow as typists write it: "->", "→", "=>", ">".
_ARROW_RE = r"\s*(?:->|\u2192|=>|>)\s*"
_NOT_A_DEAL = re.compile(r"\b(?:lifecycle|life cycle|lead status|contact|status)\b", re.I)
#: Words that only open a turn, said as a sentence of their own: "Okay, rapid fire.", "Quick one.", "Next one:".
_PREAMBLE = re.compile(r"^\s*(?:(?:ok(?:ay)?|right|alright|all right|so|and|also|um|uh|next|quick one|rapid fire|another one|one more|"
                       r"next one|real quick|couple of things|a few things|updates?)[,\s]*)+[.!:;]\s+", re.I)
_ARROW = re.compile(rf"^\s*(?P<rec>[^:>\n]{{2,60}}?){_ARROW_RE}(?P<rest>\S.*)$")
_STATUS_FIRST = re.compile(r"^\s*(?P<st>closed[- ]won|closed[- ]lost|won|lost)\s*[:\-–—]\s*(?P<rec>[^,;]{2,60}?)"
                           r"(?P<rest>\s*[,;].*)?$", re.I)
_TITLE = re.compile(r"^\s*(?P<who>[^,:]{3,60}?)\s*[,:]?\s+(?:new\s+)?(?:job\s+)?title\s*(?:is\s+|to\s+|now\s+|:\s*)?"
                    r"(?P<title>[^,;.]{2,60})\s*\.?\s*$", re.I)
_OWNER = re.compile(r"^\s*(?P<rec>[^,:]{3,60}?)\s*[,:]?\s+(?:new\s+)?owner\s*(?:is\s+|to\s+|now\s+|:\s*)?"
                    r"(?P<who>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*)?)\s*\.?\s*$", re.I)
_AMOUNT_AFTER_COLON = re.compile(r"^\s*(?P<rec>[^:,;\d]{2,40}?)\s*:\s*(?P<amt>\$?\s*\d[\d.,]*\s*(?:k|m|mm|million|thousand|grand)?)"
                                 r"\s*(?P<rest>[,;].*)?$", re.I)
#: "Grace Liu over at Lumen, she's like a customer now": the person said first, then a pronoun.
_TOPIC_THEN_PRONOUN = re.compile(r"^\s*(?P<topic>[^,;:]{3,60}?),\s+(?:she|he)(?:'s|\s+is)\s+(?:like\s+|now\s+)?"
                                 r"(?P<rest>(?:a|an)\s.*)$", re.I)
_TASK_PREFIX = re.compile(r"^\s*(?:task|todo|to-do)\s*[:\-\u2013\u2014]\s*(?:to\s+)?(?P<rest>\S.*)$", re.I)
#: "task call david kim re budget sign off fri", "todo - email priya the deck monday": a task and what to do.
_TASK_VERB = re.compile(r"^\s*(?:task|todo|to-do|reminder)\s*(?:[\-\u2013\u2014]\s*)?(?:to\s+)?"
                        r"(?P<rest>(?:call|email|e-mail|send|follow up with|ping|check in with|chase|draft|prep|prepare|review|text)\b.*)$",
                        re.I)
#: "add a note on Leo Ueda, he typed ...": the comma after the record is the note's colon (only
#: before a sentence of its own: "Add a note to Acme, budget is 50k" stays two instructions).
_NOTE_COMMA = re.compile(r"^\s*(?:please\s+)?(?:add|put|leave|make)\s+(?:a\s+)?(?:quick\s+)?note\s+(?:on|to|for|about)\s+"
                         r"(?P<who>[^,:.;]{2,40}?),\s*(?P<body>(?:he|she|they|we)\b.*)$", re.I)
#: "They want to pay quarterly. Add that as a note." / "..., so just add a note on her": the note
#: command said last; what came before it is the note.
_NOTE_LAST = re.compile(r"^(?P<body>[^:]{8,}?)[,.;]?\s+(?:so\s+|and\s+)?(?:just\s+|please\s+)?(?:add|put|make|save|log)\s+"
                        r"(?:(?:that|this|it)\s+)?(?:as\s+)?(?:a\s+)?note(?:\s+(?:on|to|for|about)\s+"
                        r"(?P<who>(?:(?!\b(?:that|saying|says|to say)\b)[^,.;:]){2,40}?))?\s*[.!]?\s*$", re.I)
_PRONOUN = re.compile(r"^(?:him|her|them|it|that|this)$", re.I)
_QUERY_NOUN = re.compile(r"^\s*(?P<q>stale deals|stalled deals|overdue deals|open deals|deals closing|"
                         r"deals in|deals over|deals under|lost deals|won deals|deals (?:lost|won))\b", re.I)
_TOTAL_NOUN = re.compile(r"^\s*(?P<q>(?:pipeline|open pipeline|deal)\s+(?:total|value|sum)|total pipeline|"
                         r"(?:total|sum)\s+(?:of\s+)?(?:the\s+)?(?:open\s+)?(?:pipeline|deals))\b", re.I)


#: Typists' abbreviations spelled out before the shapes below are read ("f/u in 2 wks", "amt 80k",
#: "close date eom", "won this qtr"). Each is a whole word; "wk"/"wks" only after a number.
_ABBREVIATIONS = ((re.compile(r"\bf/?u\b", re.I), "follow up"), (re.compile(r"(?<=\d)\s*wks?\b|(?<=\d\s)wks?\b", re.I), " weeks"),
                  (re.compile(r"\bqtr\b", re.I), "quarter"), (re.compile(r"\bamt\b", re.I), "amount"),
                  (re.compile(r"\beom\b", re.I), "end of month"), (re.compile(r"\beoq\b", re.I), "end of quarter"),
                  (re.compile(r"\beow\b", re.I), "end of week"), (re.compile(r"\beoy\b", re.I), "end of year"),
                  (re.compile(r"\bdnc\b", re.I), "do not contact"), (re.compile(r"^\s*new co\b:?", re.I), "new company:"),
                  (re.compile(r"\bgrp\b", re.I), "group"), (re.compile(r"\bmgr\b", re.I), "manager"),
                  (re.compile(r"^\s*vm\s+left\s+(?=for|with|on)\b", re.I), "left a voicemail "),
                  (re.compile(r"\b(?<=left\s)(?:a\s+)?vms?\b|\bvms?\b(?=\s+(?:for|with|to|on)\b)", re.I), "voicemail"),
                  (re.compile(r"\be-?maill\b", re.I), "email"), (re.compile(r"\bcheckin\b", re.I), "check in"))
#: "# open deals?" (how many), "total $ in proposal sent", "won this qtr $?" (how much).
_COUNT_HASH = re.compile(r"^\s*#\s*(?P<q>[a-z].*)$", re.I)
_MONEY_ASK = re.compile(r"^\s*(?:(?P<total>total|sum)\s+\$\s*(?P<q1>.+)|(?P<q2>[a-z][^$?]*?)\s*\$\s*\?)\s*\??\s*$", re.I)
#: "draft email kara brooks, invoice reminder, net 30": a terse draft (recipient, subject, body).
_TERSE_DRAFT = re.compile(r"^\s*(?:draft|write)\s+e-?mail\s+(?:to\s+)?(?P<who>[a-z][\w'-]+\s+[a-z][\w'-]+)\s*[,:\-]\s*"
                          r"(?P<subj>(?!(?:about|re|saying|that)\b)[^,:]{2,60}?)(?:\s*[,:\-]\s*(?P<body>[^,]{2,200}?))?\s*\.?$", re.I)
#: "onyx health dead. no budget", "ember logistics lost - went with hubspot": lost, and why.
_DEAD_BECAUSE = re.compile(r"^\s*(?P<rec>[^,.;:\-]{2,40}?)(?:\s*[,:]\s*|\s+)(?:is\s+)?(?:dead|lost|closed[- ]lost)\s*[.,;:\-\u2013\u2014]\s*"
                           r"(?P<why>[a-z].*)$", re.I)
#: "lost granite health to hubspot - price": lost to a rival, a dash, and why.
_LOST_TO_DASH = re.compile(r"^\s*(?:we\s+)?lost\s+(?P<rec>.{2,40}?)\s+to\s+(?P<rival>[\w.&-]+(?:\s[\w.&-]+)?)(?:\s+-\s*|\s*[\u2013\u2014:]\s*)"
                           r"(?P<why>\S.*)$"
                           # "vertex lost to snowflake, price": a short reason after a comma (no verb of its own)
                           r"|^\s*(?P<rec2>[^,.;:]{2,40}?)\s*,?\s+lost\s+to\s+(?P<rival2>[\w.&-]+(?:\s[\w.&-]+)?)\s*[,\-\u2013\u2014:]\s*"
                           r"(?P<why2>(?!(?:and|then|so|but|mark|move|set|log|add|create|book|remind)\b)[a-z][\w' ]{1,30}?)\s*\.?$", re.I)
#: "rachel adams - DNC" (after the abbreviation is spelled out).
_DNC = re.compile(r"^\s*(?P<who>[^,:;\-]{3,40}?)\s*[\-\u2013\u2014:,]\s*(?:do not contact|unsubscribed|opted out)\s*\.?\s*$", re.I)
#: "hugo evans now COO", "tina ross now head of sales": a person's new job title.
#: "Tom - VP Sales now", "Priya: head of ops now": a new title after a dash or a colon.
_DASH_TITLE_NOW = re.compile(r"^\s*(?P<who>[A-Za-z][\w'-]+(?:\s+[A-Za-z][\w'-]+)?)\s*[-\u2013\u2014:]\s*(?:the\s+|their\s+)?"
                             r"(?P<title>[A-Za-z][\w&/ -]{1,40}?)\s+now\s*\.?$")
#: "Linda Okafor's email changed: l.okafor@initech.example": a field's new value said after it changed.
_FIELD_CHANGED = re.compile(r"^\s*(?P<who>[A-Za-z][\w'-]+(?:\s+[A-Za-z][\w'-]+)?)['\u2019]s\s+(?P<f>e-?mail(?:\s+address)?)\s+(?:has\s+)?(?:changed|is\s+now|updated|moved)(?:\s+to\b)?\s*[:,\-]?\s*(?P<v>\S.*?)\s*\.?$", re.I)
#: "Meadow Ventures, signed.": a record and the news that it signed.
_REC_SIGNED = re.compile(r"^\s*(?P<rec>[^,.;:]{2,40}?)\s*[,:\-]\s*(?:signed|closed won|won)\s*[.!]*\s*$", re.I)
#: "Harbor Health deal, Jordan's now.": a record and whose it is now.
_REC_OWNER_NOW = re.compile(r"^\s*(?P<rec>[^,.;:]{2,40}?\b(?:deal|account|opportunity))\s*[,:\-]\s*(?P<who>[A-Z][a-z]+)(?:'s|\u2019s)\s+now\s*[.!]*\s*$")
#: "Tidal Media deal: delete.": a record and the order to delete it.
_REC_DELETE = re.compile(r"^\s*(?P<rec>[^,.;:]{2,40}?\b(?:deal|contact|company|account|opportunity))\s*[,:\-]\s*(?:delete|remove|"
                         r"delete it|remove it|kill it|bin it)\s*[.!]*\s*$", re.I)
#: "Blue Harbor 9.6 to 12.": a record's amount from one figure to another.
_REC_FROM_TO = re.compile(r"^\s*(?P<rec>[A-Za-z][^,.:;\d]{2,40}?)\s+\$?(?P<a>\d+(?:\.\d+)?)\s*k?\s+(?:to|->)\s+\$?(?P<b>\d+(?:\.\d+)?)\s*k?\s*\.?\s*$",
                          re.I)
#: "jonas mtg fri 2pm": a person, then a meeting and when.
_WHO_MEETING = re.compile(r"^\s*(?:(?P<who>(?-i:[a-z][\w'-]+(?:\s+[a-z][\w'-]+)?))\s+(?:mtg|meeting)|(?P<who2>[A-Za-z][\w'-]+(?:\s+[A-Za-z][\w'-]+)?)\s+mtg)"
                          r"\s+(?P<rest>(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|next|on|at|\d).*)$", re.I)
#: "Globex: negotiation, 150k": a record, its new stage, then more.
_COLON_STAGE = re.compile(r"^\s*(?P<rec>[^:>\n]{2,40}?)\s*:\s*(?P<rest>\S.*)$")
_NOW_TITLE = re.compile(r"^\s*(?P<who>[a-z][\w'-]+\s+[a-z][\w'-]+)\s+(?:is\s+)?now\s+(?:the\s+|their\s+)?"
                        r"(?P<title>(?:ceo|cfo|coo|cto|cmo|cro|ciso|cio|president|founder|co-?founder|owner|"
                        r"(?:senior\s+|sr\.?\s+)?(?:vp|svp|evp|head|director|manager|lead)\b(?:\s+of)?(?:\s+[a-z&]+){0,3}|"
                        r"[a-z]+\s+(?:director|manager|lead))\s*)\.?$", re.I)
#: "northwind renewal -4k", "initech +10%": a relative amount.
_RELATIVE = re.compile(r"^\s*(?P<rec>[^,:;+\-\d]{2,40}?)\s+(?P<sign>[+\-]|plus\b|minus\b)\s?(?P<amt>\$?\d[\d.,]*\s*(?:k|m|%|percent)?)\s*\.?$", re.I)
#: "initech: stage -> proposal sent, amt 80k", "quartz partners: qualified -> demo scheduled",
#: "globex deal owner -> jordan", "reassign delta solutions deal -> chris", "-> negotiation".
_FIELD_ARROW = re.compile(r"^\s*(?P<rec>[^:>\n]{2,60}?)\s*[:,]?\s+(?P<field>stage|owner|amount|close date|closing date|"
                          r"close|title|next step)\s*:?" + _ARROW_RE + r"(?P<val>[^,;]+?)\s*(?P<rest>[,;].*)?$", re.I)
_STAGE_FROM_TO = re.compile(r"^\s*(?P<rec>[^:>\n]{2,60}?)\s*:\s*(?P<old>[^:>,\n]{2,30}?)" + _ARROW_RE +
                            r"(?P<val>[^,;]+?)\s*(?P<rest>[,;].*)?$", re.I)
_BARE_ARROW = re.compile(r"^" + _ARROW_RE + r"(?P<val>[^,;]+?)\s*(?P<rest>[,;].*)?$", re.I)
_VERB_ARROW = re.compile(r"^\s*(?P<verb>(?:re)?assign|give|hand(?:\s+over)?)\s+(?P<rec>[^>]{2,60}?)" + _ARROW_RE +
                         r"(?P<who>[^,;]+?)\s*(?P<rest>[,;].*)?$", re.I)


_AMOUNT_WORD = r"\$?\d[\d.,]*\s*(?:k|m|mm)?"
#: "54k -> 58k": an amount from one value to another (the new one is what is set).
_AMOUNT_FROM_TO = re.compile(rf"(?P<old>{_AMOUNT_WORD}){_ARROW_RE}(?P<new>{_AMOUNT_WORD})(?=\s*(?:[,;.]|$))", re.I)
#: "delta solutions 3k -> 3x", "pinecrest dental deal x2, they're adding a clinic": a multiple.
_MULTIPLE = re.compile(rf"^\s*(?P<rec>[^,:;>\d]{{2,50}}?)\s+(?:{_AMOUNT_WORD}{_ARROW_RE})?(?:(?P<n>[234])x|x(?P<n2>[234]))\b(?P<rest>.*)$", re.I)
#: "northwind renewal 36k + 10% uplift": a percent added to the amount.
_PLUS_PERCENT = re.compile(rf"^\s*(?P<rec>[^,:;>\d]{{2,50}}?)\s+(?:{_AMOUNT_WORD}\s*)?(?P<sign>[+\-])\s*(?P<p>\d+(?:\.\d+)?)\s*%"
                           r"(?:\s+(?:uplift|increase|discount|off|more|less))?\s*(?P<rest>[,;].*)?$", re.I)
#: "elena garcia -> sql", "felix dubois juniper -> lifecycle opp": a contact's lifecycle stage.
_LIFECYCLE_ARROW = re.compile(rf"^\s*(?P<who>[^>:,]{{3,60}}?){_ARROW_RE}(?:lifecycle\s+(?:stage\s+)?)?(?P<life>sql|mql|opp|opportunity|"
                              r"customer|evangelist|subscriber|marketing qualified(?: lead)?|sales qualified(?: lead)?)\b(?P<rest>.*)$", re.I)
_LIFE_WORDS = {"opp": "opportunity", "sql": "sales qualified lead", "mql": "marketing qualified lead"}
#: "carla carter harbor -> owner jordan", "meadow ventures: maya alvarez -> owner morgan".
_OWNER_ARROW = re.compile(rf"^\s*(?:(?P<co>[^>:,]{{2,40}}):\s*)?(?P<who>[^>:,]{{3,60}}?){_ARROW_RE}(?:new\s+)?owner\s*:?\s*"
                          r"(?P<u>[a-z][\w'-]*)\b(?P<rest>.*)$", re.I)
#: "acme deal -> morgan": a deal handed to a name (the planner checks it is a user).
_DEAL_TO_NAME = re.compile(rf"^\s*(?P<rec>[^>:,]{{2,50}}?\s+deal){_ARROW_RE}(?P<u>[a-z][\w'-]*)\s*\.?\s*$", re.I)
#: "cedar group paula larsen ph -> +1 503 555 0177", "noah ito harbor health, title ops mgr -> Director of Operations",
#: "ava novak meadow health cto -> email ava@meadowhealth.io", "delta works ceo felix ueda email -> felix@deltaworks.fr".
_CONTACT_FIELD_ARROW = re.compile(rf"^\s*(?P<who>[^>:]{{3,70}}?)[\s,]+(?P<f>ph|phone|mobile|cell|email|e-mail|title)\b[^>]{{0,40}}?{_ARROW_RE}"
                                  r"(?P<v>[^,;]+?)\s*(?P<rest>[,;].*)?$"
                                  rf"|^\s*(?P<who2>[^>:]{{3,70}}?){_ARROW_RE}(?P<f2>ph|phone|mobile|cell|email|e-mail|title)\s*:?\s+"
                                  r"(?P<v2>[^,;]+?)\s*(?P<rest2>[,;].*)?$", re.I)
#: "summit labs victor price -> mtg 12/1 2pm upsell", "mtg hugo hughes redwood labs 12/3 10am onboarding kickoff".
_MEETING_ARROW = re.compile(rf"^\s*(?P<who>[^>:]{{3,60}}?){_ARROW_RE}(?:mtg|meeting)\s+(?P<rest>.+)$", re.I)
_MEETING_FIRST = re.compile(r"^\s*(?:mtg|meeting)\s+(?!with\b|w/)(?P<rest>[a-z].+)$", re.I)
#: "northwind: task -> send renewal paperwork by fri".
_TASK_ARROW = re.compile(rf"^\s*(?P<rec>[^>:]{{2,50}}?)\s*:\s*(?:task|todo|to-do){_ARROW_RE}(?P<t>.+)$", re.I)
#: "12/3", "12/15": a date written month/day (US style, the workspace's locale).
_SLASH_DATE = re.compile(r"(?<![\d/])(?<!csat )(?<!nps )(?<!score )(?<!rating )(?<!rated )"
                         r"(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?![\d/])(?!\s*(?:score|rating|stars?)\b)", re.I)
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


def _contact_arrows(text: str) -> str | None:
    """The sentence a contact-field arrow means, or None (see the patterns above)."""
    if m := _LIFECYCLE_ARROW.match(text):
        life = _LIFE_WORDS.get(m.group("life").lower(), m.group("life").lower())
        rest = m.group("rest").strip(" .")
        article = "an" if life[0] in "aeiou" else "a"
        return f"{m.group('who').strip()} is {article} {life} now" + (
            f". {rest}" if rest and not rest.startswith(("+", "&")) else (f", and {rest.lstrip('+& ')}" if rest else ""))
    if m := _OWNER_ARROW.match(text):
        who = m.group("who").strip()
        rest = m.group("rest").strip(" ,.")
        said = f"assign {who} to {m.group('u')}"
        if m.group("co") and re.search(r"\bdeal\b", rest, re.I):
            said += f", and assign the {m.group('co').strip()} deal to {m.group('u')}"  # "..., deal too"
        return said
    if m := _DEAL_TO_NAME.match(text):
        return f"assign the {m.group('rec').strip()} to {m.group('u')}"
    if m := _CONTACT_FIELD_ARROW.match(text):
        who = (m.group("who") or m.group("who2")).strip(" ,")
        f = (m.group("f") or m.group("f2")).lower()
        v = (m.group("v") or m.group("v2")).strip()
        rest = m.group("rest") or m.group("rest2") or ""
        who = re.sub(r"\s+(?:ceo|cto|cfo|coo|cmo|founder|vp \w+)$", "", who, flags=re.I)
        if f == "title":
            return f"change {who} job title to {v}{rest}"
        if f in ("email", "e-mail"):
            return f"{who} new email: {v}{rest}"
        return f"{who} new phone number: {v}{rest}"
    if (m := _MEETING_ARROW.match(text)) or (m := _MEETING_FIRST.match(text)):
        who = m.group("who").strip() + " " if "who" in m.groupdict() and m.group("who") else ""
        rest = m.group("rest")
        if topic := re.match(r"(?P<when>.*?\b\d{1,2}(?::\d\d)?\s*(?:am|pm))\s+(?:re:?\s+|about\s+)?(?P<topic>[a-z].*)$", rest, re.I):
            # "... 12/3 10am onboarding kickoff", "... fri 2:30pm re pricing": what the meeting is about
            return f"book a meeting with {who}{topic.group('when')} about {topic.group('topic')}"
        return f"book a meeting with {who}{rest}"
    if (m := re.match(r"^\s*(?P<who>[^:>]{3,40}?)\s*:\s*(?P<body>.+?)[\s.,;-]+note\s*\.?\s*$", text, re.I)) \
            and not _HAS_VERB.search(m.group("who")):
        return f"add a note on {m.group('who').strip()}: {m.group('body').strip()}"  # "tom becker: renewal risk - ... note"
    if m := _TASK_ARROW.match(text):
        return f"task on the {m.group('rec').strip()} deal: {m.group('t')}"
    return None


def _amount_arrows(text: str) -> str:
    """"54k -> 58k" -> "58k"; "X 3k -> 3x" -> "triple the X amount"; "X 36k + 10% uplift" -> "raise X by
    10 percent"; other text unchanged."""
    if m := _MULTIPLE.match(text):
        n = int(m.group("n") or m.group("n2"))
        word = {2: "double", 3: "triple", 4: "quadruple"}[n]
        if word == "quadruple":
            return f"increase {m.group('rec').strip()} by 300 percent{m.group('rest')}"
        return f"{word} the {m.group('rec').strip()} amount{m.group('rest')}"
    if m := _PLUS_PERCENT.match(text):
        verb = "raise" if m.group("sign") == "+" else "cut"
        return f"{verb} {m.group('rec').strip()} by {m.group('p')} percent{m.group('rest') or ''}"
    return _AMOUNT_FROM_TO.sub(lambda m: m.group("new"), text)


def _field_arrow(text: str, stages: tuple[str, ...]) -> str | None:
    """The sentence a field arrow means ("globex deal owner -> jordan" -> "assign globex deal to
    jordan"), or None when ``text`` is no field arrow we know."""
    if m := _VERB_ARROW.match(text):
        return f"{m.group('verb')} {m.group('rec').strip()} to {m.group('who')}{m.group('rest') or ''}"
    if (m := _BARE_ARROW.match(text)) and _stage_at(m.group("val"), stages):
        return f"move it to {m.group('val')}{m.group('rest') or ''}"
    if (m := _STAGE_FROM_TO.match(text)) and not _HAS_VERB.search(m.group("rec")) \
            and _stage_at(m.group("val"), stages) and (_stage_at(m.group("old"), stages) or m.group("old").lower() == "stage"):
        return f"move {m.group('rec').strip()} to {m.group('val')}{m.group('rest') or ''}"
    m = _FIELD_ARROW.match(text)
    if not m or _HAS_VERB.search(m.group("rec")) or _NOT_A_DEAL.search(m.group("rec")):
        return None
    rec, field, val, rest = m.group("rec").strip(), m.group("field").lower(), m.group("val").strip(), m.group("rest") or ""
    if field == "owner":
        rec = rec if re.match(r"(?:the|that|this)\b", rec, re.I) else f"the {rec}"
        return f"assign {rec} to {val}{rest}"
    if field == "amount":
        return f"{rec} amount {val}{rest}"
    if field in ("close date", "closing date", "close"):
        return f"push the {rec} close date to {val}{rest}"
    if field == "title":
        return f"change {rec} job title to {val}{rest}"
    if field == "next step":
        return f"set the {rec} next step to {val}{rest}"
    if _stage_at(val, stages):
        return f"move {rec} to {val}{rest}"
    return None


def _stage_at(text: str, stages: Iterable[str]) -> str | None:
    """The stage phrase ``text`` starts with (longest first), else None."""
    low = text.lower().strip()
    for phrase in sorted(stages, key=len, reverse=True):
        if phrase.startswith("__"):
            continue
        if low == phrase or re.match(re.escape(phrase) + r"\b", low):
            return text.strip()[:len(phrase)]
    if re.match(r"(?:closed[- ])?(?:won|lost)\b", low):
        return re.match(r"(?:closed[- ])?(?:won|lost)", low).group(0)  # type: ignore[union-attr]
    return None


_TITLE_WORD = re.compile(r"\b(?:ceo|cfo|coo|cto|cmo|cro|ciso|cio|vp|svp|evp|head|director|manager|lead|president|founder|chief|"
                         r"officer|partner|owner|analyst|engineer|admin)\b", re.I)


def expand_terse(text: str, stages: Iterable[str]) -> str:
    """``text`` with a terse whole-line shape spelled out, else unchanged.

    ``stages``: the workspace's stage phrases in lower case (aliases included). Shapes:
    "REC -> STAGE[, rest]" and "REC to STAGE[, rest]" -> "move REC to STAGE[, rest]";
    "won: REC[, rest]" -> "REC closed won[, rest]"; "WHO[,] title T" -> "change WHO job title to T";
    "REC[,] owner WHO" -> "assign REC to WHO"; "REC: 1.2 million[, rest]" -> "REC amount 1.2 million[, rest]"; "stale deals, five weeks" -> "show stale deals, five
    weeks"; "pipeline total in X" -> "what is the pipeline total in X"; "NAME, she's like a customer
    now" -> "NAME is a customer now"; "task: X" -> "create a task to X"; "add a note on WHO, BODY" and
    "BODY, so add a note on WHO" -> "add a note on WHO: BODY" (a pronoun WHO: "add a note: BODY").
    Never raises.
    """
    stages = tuple(stages)
    if (pre := _PREAMBLE.match(text)) and text[pre.end():].strip():
        # "Quick one. Acme to proposal sent.": the shape is read after the words that only open the turn
        return text[:pre.end()] + expand_terse(text[pre.end():], stages)
    for pattern, word in _ABBREVIATIONS:
        text = pattern.sub(word, text)
    scored = re.search(r"\b(?:csat|nps|score|rating|rated|survey|stars?|out of)\b", text, re.I)
    text = _SLASH_DATE.sub(lambda m: m.group(0) if scored and m.group("d") in ("5", "10") else  # "rated us 4/5"
                           f"{_MONTH_NAMES[int(m.group('m')) - 1]} {int(m.group('d'))}"
                           + (" at" if re.match(r"\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)\b", text[m.end():], re.I) else ""), text)
    text = _amount_arrows(text)
    if m := _TERSE_DRAFT.match(text):
        # "draft email kara brooks, invoice reminder, net 30": to whom, about what, saying what
        return (f"draft an email to {m.group('who')} about {m.group('subj').strip()}"
                + (f" saying {m.group('body').strip()}" if m.group("body") else ""))
    if said := _contact_arrows(text):
        return said
    if said := _field_arrow(text, stages):
        return said
    if m := _ARROW.match(text):
        rec, rest = m.group("rec").strip(), m.group("rest")
        lead_in = ""
        if (cut := list(re.finditer(r"[.!?]\s+", rec))) and len(rec) - cut[-1].end() >= 2:
            # "Okay, rapid fire. Acme to Proposal Sent. ...": a word of preamble before the record, kept as it was said
            lead_in, rec = rec[:cut[-1].end()], rec[cut[-1].end():]
        if _stage_at(rest, stages) and not _HAS_VERB.search(rec) and not _NOT_A_DEAL.search(rec):
            return f"{lead_in}move {rec} to {rest}"
        return text
    if m := _STATUS_FIRST.match(text):
        st = m.group("st").lower().replace("-", " ")
        st = st if st.startswith("closed") else f"closed {st}"
        return f"{m.group('rec').strip()} {st}{m.group('rest') or ''}"
    if m := _COUNT_HASH.match(text):
        return f"how many {m.group('q').strip()}"
    if m := _MONEY_ASK.match(text):
        if m.group("total"):
            return f"what is the total {m.group('q1').strip()}"
        q = m.group("q2").strip()
        if won := re.match(r"won\s+", q, re.I):
            return f"how much did we win {q[won.end():]}?"
        return f"how much is {q}?"
    if "?" in text:
        return text
    if (m := _LOST_TO_DASH.match(text)) and not _HAS_VERB.search(m.group("rec") or m.group("rec2")):
        return (f"we lost {m.group('rec') or m.group('rec2')} to {m.group('rival') or m.group('rival2')} "
                f"because {m.group('why') or m.group('why2')}")
    if (m := _DEAD_BECAUSE.match(text)) and not _HAS_VERB.search(m.group("rec")):
        return f"mark {m.group('rec').strip()} as lost because {m.group('why').strip()}"
    if m := _DNC.match(text):
        return f"mark {m.group('who').strip()} do not contact"
    if (m := _REC_SIGNED.match(text)) and not _HAS_VERB.search(m.group("rec")):
        return f"{m.group('rec').strip()} signed"  # "Meadow Ventures, signed."
    if (m := _REC_OWNER_NOW.match(text)) and not _HAS_VERB.search(m.group("rec")):
        return f"assign {m.group('rec').strip()} to {m.group('who')}"  # "Harbor Health deal, Jordan's now."
    if (m := _REC_DELETE.match(text)) and not _HAS_VERB.search(m.group("rec")):
        return f"delete the {m.group('rec').strip()}"  # "Tidal Media deal: delete."
    if (m := _REC_FROM_TO.match(text)) and not _HAS_VERB.search(m.group("rec")):
        a, b = (n if float(n) >= 1000 else f"{n}k" for n in (m.group("a"), m.group("b")))  # "9.6 to 12" on a deal: thousands
        return f"change the {m.group('rec').strip()} amount from {a} to {b}"
    if (m := _WHO_MEETING.match(text)) and not _HAS_VERB.search(m.group("who") or m.group("who2")):
        return f"book a meeting with {m.group('who') or m.group('who2')} {m.group('rest')}"  # "jonas mtg fri 2pm"
    if (m := _DASH_TITLE_NOW.match(text)) and not _HAS_VERB.search(m.group("who")) and _TITLE_WORD.search(m.group("title")):
        return f"change {m.group('who')} job title to {m.group('title').strip()}"
    if (m := _FIELD_CHANGED.match(text)) and not _HAS_VERB.search(m.group("who")):
        return f"set {m.group('who')}'s {m.group('f')} to {m.group('v')}"
    if (m := _COLON_STAGE.match(text)) and _stage_at(m.group("rest"), stages) and not _HAS_VERB.search(m.group("rec")) \
            and not _NOT_A_DEAL.search(m.group("rec")) and not re.match(r"\s*(?:won|lost|closed)\b", m.group("rest"), re.I):
        return f"move {m.group('rec').strip()} to {m.group('rest')}"
    if (m := _NOW_TITLE.match(text)) and not _HAS_VERB.search(m.group("who")):
        return f"change {m.group('who')} job title to {m.group('title').strip()}"
    if (m := _RELATIVE.match(text)) and not _HAS_VERB.search(m.group("rec")):
        return (f"take {m.group('amt')} off {m.group('rec').strip()}" if m.group("sign").lower() in ("-", "minus")
                else f"raise {m.group('rec').strip()} by {m.group('amt')}")
    if (m := _TASK_PREFIX.match(text)) and re.search(r",\s*due\b", text, re.I):
        return f"create a task to {m.group('rest')}"  # ("task: call back nina fri" is read as it is)
    if m := _TASK_VERB.match(text):
        return f"create a task to {m.group('rest')}"  # "task call david kim re budget fri", "todo email priya the deck"
    if m := _NOTE_COMMA.match(text):
        return f"add a note on {m.group('who').strip()}: {m.group('body')}"
    if m := _NOTE_LAST.match(text):
        who = (m.group("who") or "").strip()
        body = m.group("body").strip()
        return f"add a note on {who}: {body}" if who and not _PRONOUN.match(who) else f"add a note: {body}"
    head = re.split(r"[,;:.]", text, maxsplit=1)[0]
    if (m := re.match(r"^\s*(?P<rec>[^,;:]{2,60}?)\s+to\s+(?P<rest>\S.*)$", head + text[len(head):])) \
            and not _HAS_VERB.search(m.group("rec")) and not _NOT_A_DEAL.search(m.group("rec")) \
            and _stage_at(m.group("rest"), stages):
        return f"move {m.group('rec').strip()} to {m.group('rest')}"
    if (m := re.match(r"^\s*(?P<kind>(?:[a-z][\w-]*\s+){0,2}(?:call|meeting|demo|lunch|sync|check-?in))\s*,\s*(?P<who>(?-i:[A-Z])[\w'-]+"
                      r"(?:\s+(?-i:[A-Z])[\w'-]+)?)\s*,\s*(?P<rest>[^.;]*\b(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|"
                      r"next\s+\w+|tomorrow)\b[^.;]*)[.!]?\s*$", text, re.I)):
        # "Renewal call, Tom Becker, next Tuesday, 10 AM": a call to book
        return f"book a {m.group('kind').lower()} with {m.group('who')} {m.group('rest')}"
    if (m := re.match(r"^\s*(?P<who>[^,;:.?!-]{2,40}?)\s+(?P<kind>call|meeting|demo|lunch)\s*,\s+(?P<rest>(?!(?:tomorrow|today|tonight|"
                      r"next|on|at|this|mon|tue|wed|thu|fri|sat|sun)\w*\b).+)$", text, re.I)) and not _HAS_VERB.search(m.group("who")) \
            and not re.search(r"\b(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|next\s+\w+|tomorrow)\b", m.group("rest"), re.I):
        # ("renewal call, Tom Becker, next Tuesday, 10 AM": a call to book, not a report)
        return f"{m.group('who')} {m.group('kind')} - {m.group('rest')}"  # "paula larsen call, renewal risk, ..."
    if (m := re.match(r"^\s*(?P<rec>[^,;:.?!]{2,40}?)\s*[:,-]?\s+(?:(?:is\s+)?now\s+)?(?P<st>.+?)\s*[.!]?\s*$", text)) \
            and not _HAS_VERB.search(m.group("rec")) and not _NOT_A_DEAL.search(m.group("rec")) \
            and (st := _stage_at(m.group("st"), stages)) is not None and len(st) == len(m.group("st").strip().lower()):
        return f"move {m.group('rec').strip()} to {m.group('st').strip()}"  # "pinecrest qualified", "acme: negotiation"
    if (m := _AMOUNT_AFTER_COLON.match(text)) and not _HAS_VERB.search(m.group("rec")):
        return f"{m.group('rec').strip()} amount {m.group('amt').strip()}{m.group('rest') or ''}"
    if (m := _TITLE.match(text)) and not _HAS_VERB.search(m.group("who")):
        return f"change {m.group('who').strip()} job title to {m.group('title').strip()}"
    if (m := _OWNER.match(text)) and not _HAS_VERB.search(re.sub(r"\bdeal\b", "", m.group("rec"))):
        rec = m.group("rec").strip()
        rec = rec if re.match(r"(?:the|that|this)\b", rec, re.I) else f"the {rec}"
        return f"assign {rec} to {m.group('who').strip()}"
    if (m := _TOPIC_THEN_PRONOUN.match(text)) and not _HAS_VERB.search(m.group("topic")):
        return f"{m.group('topic').strip()} is {m.group('rest')}"
    if _TOTAL_NOUN.match(text):
        return f"what is the {text.strip()}"
    if _QUERY_NOUN.match(text):
        return f"show {text.strip()}"
    return text
