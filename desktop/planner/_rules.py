"""Keyword rules of the offline planner: what each clause of an instruction asks for.

Pure functions over text; entity resolution and plan assembly live in :mod:`desktop.planner.offline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz, process

from desktop.domain.vocabulary import COMMON_COMPETITORS
from desktop.planner._vocab import STOPWORDS

SENTENCE_SPLIT = re.compile(r"(?<=[.!?;])(?<!\b[A-Z]\.)\s+|\n+|\s*[;]\s*")  # not after an initial ("O. Grant")
CLAUSE_SPLIT = re.compile(r",\s+(?!to\s+(?:next|the end|end|\w+day\b|tomorrow|today))"
                          r"(?!(?:at\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?[.!?]?\s*$)"
                          r"(?:and\s+|then\s+|but\s+|so\s+)?|\s+(?:and then|and also|then|but)\s+"
                          r"|\s+and\s+(?=(?:follow|remind|log|book|schedule|move|set|update|create|add|"
                          r"send|draft|email|call|mark|push|change|put|give|hand|assign|reassign|open|write|"
                          r"let|make|bump|drop|note(?=\s+(?:that|down|on|in|:))|jot)\b)"
                          # "Morgan's taking over Summit Labs and Sam's taking Kestrel Partners": a second owner's handover
                          r"|\s+and\s+(?=(?-i:[A-Z])[a-z]+(?:(?:'s|\s+is|\s+will\s+be)\s+(?:taking|getting|owning|handling|picking\s+up)\b|"
                          r"\s+(?:takes|gets|owns)\s+(?:the\s+)?(?-i:[A-Z])))",
                          re.I)
#: Where an unpunctuated transcript changes topic ("... the acme call mike needs ... budget is ...").
CUE_SPLIT = re.compile(r"(?<!\ba)(?<!\bthe)(?<!\bto)(?<!they're)(?<!they are)(?<!\balso)(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)"
                       r"(?<!\bstill)(?<!\bnow)(?<!\bbe)(?<!\bsubject)(?<!\bsubject:)(?<!\bsubject line)(?<!\btitled)\s+(?=(?:follow[- ]?up(?![- ](?:meeting|email|call|note|demo|message))|remind me|budget is|budget's|the budget is|they'?re|they are|"
                       r"next steps?|also looking|looking at|closing|close date|please|(?:book|schedule)(?=\s+(?:a|an|the|it|him|her|them|time|"
                       r"something|me|us|in|for)\b))\b)"
                       r"|(?<!\bfrom)(?<!\bat)(?<!\bwith)(?<!\bof)(?<!\bfor)(?<!\bover)(?<!\bthat)"
                       r"\s+(?=(?-i:[A-Z][a-z]+\s+)?[A-Za-z]+\s+(?:needs?|wants?)\b)", re.I)
#: A clause opening with a deal field ("close date to Friday") after one ending in a record's name
#: ("Push the Acme") belongs to it; see :func:`clauses`.
_OWNER_WORDS = re.compile(r"^\s*(?:close date|closing date|budget|amount|next steps?|deal)\b", re.I)
_NAMED_END = re.compile(r"(?:\bthe|'s)\s*(?:[A-Z][\w&-]*\s*){0,3}$|\b(?:the|'s)\s+[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,2}\s*$")

ACTIVITY_RE = re.compile(
    r"\b(?:log(?:ged|ging)?|record(?:ed|ing)?)\b.*?\b(?P<t1>call|meeting|note|email|demo|voicemail|qbr|(?:business|quarterly)\s+review|"
    r"(?:check-?in|catch-?up)(?!\s+(?:call|meeting|email|note|e-mail)\b))\b"
    # "rachel adams call - happy w support": a typed call report
    r"|^\W*(?:(?!(?:book|booked|schedule|set|arrange|need|needs|want|wants|plan|get|have|has|a|another|next|our|my|already|did|do|does|"
    r"done|after|before|for|about|during|since|until|missed|skipped|cancel\w*|move\w*|push\w*|[a-z]+ed|is|was|were|are|saw|gave|"
    r"sent|wants|likes|loves|hates|said|says|told|will|would|can|could|last|first|latest|previous|upcoming|"
    r"when'?s|when)\b)[\w'-]+,?\s+){1,5}"
    r"(?P<t14>call|meeting|demo|lunch|qbr)(?![^.;]*\b(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|next\s+\w+|tomorrow)\b)"
    # ("renewal call, Tom Becker, next Tuesday, 10 AM": a call to book, not one to log)
    r"\s*(?:[-:\u2013]\s|,\s+(?!(?:tomorrow|today|tonight|next|on|at|this|"
    r"mon|tue|wed|thu|fri|sat|sun)\w*\b)|\s*,?\s*$)"
    # ("they already did the demo": a reason given for a correction, not an interaction to log)
    r"|(?<!\balready )\b(?:just\s+)?(?:had|finished|did|got off|wrapped(?: up)?|completed|ended|hung up|left|walked out of|"
    r"came out of|got out of|back from)\b.*?"
    r"\b(?P<t2>call|meeting|demo|chat|phone|conversation|sync|zoom|coffee|lunch|dinner|drinks|visit|kick[- ]?off|qbr|workshop|"
    r"check-?in|walkthrough|review session)\b"
    r"|\b(?P<t3>spoke|speaking|talked|chatted|phoned|connected|caught up)\s+(?:with|to)\b"
    # "just wrapped with Dan Moreau", "finished up with Priya", "got off the phone with Tom": a call that ended
    r"|\b(?:just\s+)?(?:wrapped|finished|got off the phone|got off|hung up)(?:\s+up)?\s+(?P<t15>with)\s+(?=(?-i:[A-Z]))"
    # "Sent a cold email to Uma ...", "Zoe Vogel from Cedar Group called": interactions that happened
    r"|^\W*(?:(?:okay|ok|so)\W+)*(?:i\s+|we\s+)?(?:just\s+)?sent\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){0,2}?(?P<t12>e-?mail|message)\s+to\b"
    # "Sent Kara Walsh the pricing sheet by email", "and then sent her a follow-up email", "followed up with Eva by email":
    # an e-mail that went out
    r"|^\W*(?:(?:okay|ok|so|and|then|also)\W+)*(?:i\s+|we\s+)?(?:just\s+|also\s+)?sent\s+(?:him|her|them|(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z'-]+)?)\s+"
    r"(?:a|an|the|our|my|over|some|their|his|her)\b[^.;?]{0,60}?(?:\b(?:by|over|via|in an?)\s+)?\b(?P<t23>e-?mail|message)\b"
    r"|^\W*(?:(?:okay|ok|so|and|then|also)\W+)*(?:i\s+|we\s+)?(?:just\s+|also\s+)?followed\s+up\s+with\s+(?:him|her|them|(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z'-]+)?)"
    r"\s+(?:by|over|via|on)\s+(?P<t24>e-?mail|phone)\b"
    r"|^\W*(?!(?i:task|reminder|note|todo|to-do)\b)(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:\s+(?:from|at)\s+(?-i:[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*))?\s+(?:just\s+)?"
    r"(?P<t13>called|rang|phoned)\b(?!\s+(?:it|him|her|them)\b)(?!\s+me\s+(?:out|names?|a\b))"
    r"|\b(?P<t7>call|meeting|demo|chat|qbr|lunch|coffee|check-?in|kick-?off|workshop|session|review)\b(?:\s+with\s+[\w ]{1,40}?)?\s+"
    r"(?:went|was|done|is done|finished|wrapped)\b"
    # "I got Elena Garcia on the phone", "James Whitfield told me on the phone that ...": a call
    r"|\bgot\s+(?:(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)?|him|her|them)\s+on\s+the\s+(?P<t16>phone)\b|\btold\s+me\s+(?:on|over)\s+the\s+(?P<t17>phone)\b"
    # "Noah Ito finally picked up", "he actually picked up": a call that got through
    r"|(?:(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?|\bhe|\bshe|\bthey)\s+(?:finally\s+|actually\s+)?(?P<t19>picked up)\b"
    r"(?!\s+(?:the|a|an|some|my|our|his|her|their|on|from)\b)"
    # "I just tried Mike Chen, no answer": a call that did not get through
    r"|^\W*(?:(?:okay|ok|so)\W+)*(?:i\s+)?(?:just\s+)?(?P<t18>tried)\s+(?:calling\s+|reaching\s+)?(?=(?-i:[A-Z]))"
    # "Reached Carla Ortiz at Tidal Media, ...", "got hold of Tom", "Called Kara about ...": a call that happened
    r"|^\W*(?:(?:okay|ok|so|alright|right|um|uh)\W+)*(?:i\s+|we\s+)?(?:just\s+|finally\s+)?(?:cold[- ]?)?(?P<t11>reached|got hold of|got through to|called|phoned|rang)\s+(?=[A-Z])"
    # "James Whitfield confirmed budget on the call this morning": what a person did on a call that happened
    r"|^\W*(?-i:[A-Z][a-z]+\s+[A-Z][a-z'-]+)\s+(?:just\s+|finally\s+|also\s+)?(?!(?:asked|wants|needs)\b)[a-z]+ed\b[^.;?]{0,60}?"
    r"\b(?:on|during|in)\s+(?:the|our|a|today'?s|this\s+morning'?s|yesterday'?s)\s+(?P<t21>call|phone|zoom)\b(?!\s+(?:tomorrow|next|on)\b)"
    # "Left James Whitfield a voicemail, second try this week": a call that went to voicemail
    r"|^\W*(?:(?:okay|ok|so|just|i)\W+)*left\s+(?:him|her|them|(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z'-]+)?)\s+(?:a\s+|another\s+)?(?P<t22>voicemail|vm)\b"
    r"|\blog\s+(?P<t8>it|that|this)\b"
    r"|^\W*(?:(?:okay|ok|so)\s+)?(?:i\s+)?(?:just\s+)?(?P<t10>emailed|e-mailed)\s+(?=[A-Z])"
    r"|\b(?P<t4>met)\s+(?:with\b|up with\b)"
    # "Met Jonas Weber at the Hamburg office", "I met Zoe Vogel for coffee yesterday": a meeting that happened
    r"|^\W*(?:(?:okay|ok|so|and|also|yesterday|today|this morning)\W+)*(?:i\s+|we\s+)?(?:just\s+|finally\s+)?(?P<t20>met)\s+"
    r"(?=(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z'-]+)?\s+(?:at|from|for|over|in|this|yesterday|today|earlier|last)\b)"
    r"|\b(?P<t5>left (?:a |him a |her a |them a )?voicemails?)\b"
    r"|^\W*(?:(?:and|so|also|then|for now|please|just|ok|okay|now|but|can you|could you)\s+)*"
    r"(?P<t6>note|an?\s+(?:quick\s+|short\s+)?note(?=\s+(?:on|for|to|against)\s+(?-i:[A-Z]))|(?:add|put|leave|drop|make)\s+(?:a\s+|an\s+)?(?:quick\s+|short\s+)?note|quick note"
    r"|(?:jot|write)\s+down(?=\s+that\b))\b"
    r"|^\W*(?:(?:okay|ok|so|alright|right)\W+)*(?:(?:just\s+)?(?:off\s+)?(?:a\s+)?)?"
    r"(?:(?:quick|short|good|great|long|brief|intro|discovery|disco|check-?in|cold|renewal|follow-?up|pricing|sales|first|second|"
    r"client|customer|prospect|partner|phone|video|zoom|team|in[- ]person|pitch|strategy|planning|quarterly|weekly|monthly|"
    r"creative|working|nice|solid|productive|rough|tough|really|super|very|"
    r"kick[- ]?off|onboarding)\s+)*"
    r"(?P<t9>call|chat|meeting|sync|coffee|lunch|qbr|demo)\s+with\b(?!.*\b(?:tomorrow|next \w+|on (?:mon|tue|wed|thu|fri|sat|sun|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|at \d+(?::\d\d)?|at noon|in \w+ (?:days?|weeks?)|\d{1,2}\s*(?:am|pm)|"
    r"(?:the\s+)?\d{1,2}(?:st|nd|rd|th)|"
    r"(?:mon|tues|wednes|thurs|fri)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2})\b)",
    re.I)
TASK_RE = re.compile(
    r"(?<!\bsent a )(?<!\bsent the )(?<!\bsent our )(?<!\bhad a )(?<!\bsent her a )(?<!\bsent him a )(?<!\bsent them a )\b(?!(?-i:Follow[- ]?Up\s+(?!(?:With|On|In|By|Next|This|Tomorrow|Today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z]+))(?:follow[- ]?up|(?<=someone )follows up)\b(?!\s+(?:walkthrough|walk-through|meeting|"
    r"demo|session|workshop|review)\b)|\bremind me\b|\btask\s+me\s+to\b|\btry (?:him|her|them|\w+) again\b|\breminder\b(?!\s+(?:e-?mails?|messages?|notices?|texts?|sequence))|\b(?:create|add|make|open|set(?: up)?)\s+(?:a\s+|an\s+)?"
    r"(?:[a-z][\w-]*\s+){0,3}?(?:task|to-?do)\b|\b(?:set|make|create|give)\s+me\s+(?:a\s+|an\s+)?(?:task|to-?do|reminder)\b|\bdon'?t forget\b|\bcall (?:him|her|them|\w+) back\b|\bcheck in with\b"
    r"|\btry (?:(?:him|her|them)\s+)?again\s+(?=(?:in \w+ (?:days?|weeks?)|tomorrow|next|on|monday|tuesday|wednesday|thursday|friday)\b)"
    r"|\btry (?:him|her|them)\s+(?=(?:in \w+ (?:days?|weeks?)|tomorrow|next|on monday|on tuesday|on wednesday|on thursday|on friday)\b)"
    r"|^\W*(?:task|to-?do|reminder)\s*:|\bcall\s+back\s+(?-i:[A-Z])"
    # "Call Priya", "Please ring Tom Becker at Northwind": a person to call, said as an order
    r"|^\W*(?:(?:please|ok|okay|so|and|also)\W+)*(?:call|phone|ring)\s+(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?"
    r"(?:\s+(?:at|from)\s+(?-i:[A-Z])[\w&-]*(?:\s+(?-i:[A-Z])[\w&-]*)?)?\s*(?:[.!]|$)"
    # "task on the meadow health deal: send case studies", "chase harbor health for the signed SOW"
    r"|^\W*(?:task|to-?do|reminder)\s+(?:on|for)\s+[^:]{2,60}:|^\W*(?:please\s+)?chase\s+(?!up\b)\w"
    r"|\bput\s+(?:in\s+)?(?:a\s+)?(?:task|to-?do|reminder)\b|(?<!\blast )(?<!\bwe )(?<!\bi )\b(?:touch base|circle back|check back(?:\s+in)?)\s+with\b"
    # "Have Morgan call Tom Becker on Tuesday", "Get Jordan to send Oliver the questionnaire", "Remind Sam to invoice
    # Summit Labs": work handed to a teammate is a task (its title names them)
    r"|^\W*(?:(?:please|and|so|also|then)\s+)*(?:have|get|ask|tell|remind)\s+(?-i:[A-Z])[a-z]+\s+(?:to\s+)?(?:call|phone|ring|e-?mail|send|"
    r"follow|invoice|prep|prepare|check|reach|ping|chase|draft|update|review|share|redo|finish|book|schedule|set up|look|"
    r"put|pull|build|mock|design|write)\b"
    # "..., so get Jordan to put those together by the 10th": work handed to a teammate mid-sentence
    r"|(?:[,;]\s*|\b(?:so|and|then)\s+)(?:have|get|ask)\s+(?-i:[A-Z])[a-z]+\s+to\s+(?:put|pull|send|prep|prepare|draft|build|make|"
    r"write|update|review|call|email|e-mail|follow|check|set up|look|mock|design|redo|finish|chase|ping)\b"
    r"|\bping (?:him|her|them|\w+)\b|^\s*(?:please\s+)?(?:call|phone|ring|text|ping|email)\s+(?!is\b).{2,60}?\b(?:tomorrow|today|"
    r"tonight|on \w+day|(?:mon|tues|wednes|thurs|fri)day|next|this (?:afternoon|morning|week)|in \w+ (?:days?|weeks?))\b|\b(?:i|we) need to\s+(?:call|send|email|check|ping|follow)\b"
    # "..., and I have to email him the deck by Friday": the user's own to-do (unless a task is asked for in so many words)
    r"|\b(?:i|we)\s*(?:\s+have\s+to|\s+must|\s+gotta|\s+got\s+to|'ve\s+got\s+to)\s+(?:call|send|email|e-mail|check|ping|follow)\b"
    r"(?![^.]*\b(?:make|add|create|set)\s+(?:me\s+)?(?:a\s+)?(?:task|reminder|to-?do)\b)",
    re.I)
MEETING_RE = re.compile(
    r"\b(?:book(?:ed)?|schedul(?:e|ed)|set up|setup|arrange[ds]?|organi[sz]e|put in|add)\b(?:(?!\b(?:task|reminder|to-?do)\b).){0,40}?"
    r"\b(?P<what>meeting|demo|call|callback|call-back|sync|lunch|coffee|catch[- ]up|intro|qbr|kick[- ]?off|session|review|walk-?through|"
    r"workshop|onboarding|check[- ]?in|presentation|something|time"
    r"|follow[- ]?up(?=.*?\b(?:at\s+\d|\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b|at noon)))\b(?!\s+(?:date|deal|task|reminder|to-?do)\b)"
    r"|\b(?:put|get|add|pop)\s+(?:a|an)\s+(?P<what5>[a-z][\w -]{2,30}?)\s+with\b.{0,40}?\b(?:on|in(?:to)?)\s+(?:the|my|our)\s+calendar\b"
    r"|\b(?:put|get|add|pop)\b.{0,40}?\b(?:on|in(?:to)?)\s+(?:the|my|our)\s+(?:calendar|diary|cal)\b"
    # "Book a board prep with Mike Chen on Monday", "Get a creative review with Carla in the diary": whatever
    # the meeting is called, booked with a person for a day or time
    r"|\b(?:book|schedule|set up|arrange|organi[sz]e|get|pencil in|put|pop|stick)\s+(?:a|an|the|our|my)\s+"
    r"(?!(?:note|task|reminder|to-?do|flag|tag)\b)(?P<what9>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
    r"\s+with\s+(?:(?-i:[A-Z])|him\b|her\b|them\b)(?=.*?(?:\b(?:tomorrow|today|(?:mon|tues|wednes|thurs|fri|satur|sun)day|at\s+(?:noon|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|half|quarter|twenty)|next\s+week|(?:in|on)\s+(?:the|my|our)\s+(?:calendar|diary))\b"
    r"|\bat\s+\d|\bon\s+the\s+\d))"
    r"|\b(?:let'?s|lets)\s+(?:do|have|set up|grab)\s+(?:a|an)\s+(?:quick\s+)?(?P<what4>call|meeting|demo|lunch|coffee|sync)\b"
    # "Got Noah Ito to agree to a fifteen minute intro, Monday at 9:45": a meeting agreed, to be booked
    r"|\b(?:got|get)\s+(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z'-]+)?\s+to\s+(?:agree\s+to|commit\s+to|say\s+yes\s+to)\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,3}?(?P<what11>intro|call|meeting|demo|chat|session|walk-?through|review)\b"
    r"|\b(?:grab|block|hold|get)\s+(?:\w+\s+){1,2}?(?:minutes|mins|an hour|half an hour|some time|time)\s+with\b"
    r"|\b(?:wants?|would like|asked for|requested|needs?)\s+(?:a|an|another|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<what2>demo|meeting|call|callback|session|workshop|walk-?through|kick-?off|check-?in|catch-up|review|chat)\b"
    r"(?!\s+(?:call|meeting|demo|session|sync|review)\b)"
    r"(?=.*?\b(?:on\s+\w+|at\s+\d+(?::\d\d)?(?:\s*[ap]\.?m)?|at\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon)|tomorrow|today|"
    r"next\s+(?:mon|tues|wednes|thurs|fri)day|(?:mon|tues|wednes|thurs|fri)day,?\s+(?:at\s+)?(?:\d+(?::\d\d)?(?:\s*[ap]\.?m)?|noon|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve)|(?:mon|tues|wednes|thurs|fri)day\s+(?:morning|afternoon)|"
    r"(?<=\s)(?<!before )(?<!after )(?<!by )(?<!until )(?<!till )(?<!since )(?:mon|tues|wednes|thurs|fri)day(?=\s*(?:,|\.|$)))\b)"
    # "put a pitch meeting in with Uma for Wednesday": the meeting said between "put" and "in"
    r"|\b(?:put|pop|get|pencil)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?P<what8>meeting|call|demo|sync|session|lunch|coffee|review|"
    r"check-?in|kick-?off)\s+in\b"
    # "Call's booked with Carla, Monday at eleven", "booked discovery for Wednesday at ten"
    r"|\b(?P<what6>call|meeting|demo|discovery|kick[- ]?off|onboarding)(?:'s|\s+is|\s+was)?\s+booked\b"
    r"|(?<!\bthey )(?<!\bthey've )(?<!\bshe )(?<!\bhe )\bbooked\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+)?"
    r"(?P<what7>discovery|demo|call|meeting|kick[- ]?off|onboarding)\b(?![^,.;]*\balready\b)"
    # "Book him for Thursday at ten", "book her in on Monday": the person just named, booked for a day
    r"|\bbook\s+(?:him|her|them)\s+(?:in\s+)?(?:for|on)\s+(?:the\s+)?(?=(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|today|next|\d)\w*\b)"
    # "book maya carter thurs 1:15pm", "book Jonas Weber for Monday at ten": a person booked for a day or time
    r"|^\W*(?:(?:please|pls|can you|could you|and|so|then|also)\s+)*book\s+"
    # ("book her colleague Ben Zimmer for Monday at eleven": the person said by relation, then by name)
    r"(?:(?:his|her|their|(?-i:[A-Z])[a-z]+'s)\s+(?:colleague|boss|manager|assistant|co-?founder|counterpart|deputy|cto|ceo|cfo|coo)\s+"
    r"(?=(?-i:[A-Z])))?"
    r"(?!(?:a|an|the|it|that|this|one|in|me|time|him|her|them|us)\b)"
    r"[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?"
    # "Book Chen at Acme for Monday at 10", "Book Felix from Onyx Health in for a training session Friday at 11"
    r"(?:\s+(?:at|from)\s+(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,2})?(?:\s+in)?"
    r"(?:\s+for\s+(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<what10>session|meeting|call|demo|training|review|workshop|sync|lunch|coffee))?"
    r"\s+(?:for\s+|on\s+|in\s+for\s+|at\s+)?(?:the\s+)?(?=(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|today|next|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|\d)\w*\b|(?:a|one|two|three|four)\s+weeks?\s+from\b|a\s+week\s+(?:on\s+)?(?:mon|tue|wed|thu|fri)|first thing\b|(?:this\s+(?:coming\s+)?|coming\s+)(?:mon|tue|wed|thu|fri|sat|sun)|"
    r"(?:first|second|third|fourth|last)\s+(?:mon|tue|wed|thu|fri)\w*\b|day after tomorrow\b|"
    # "Book Victor Silva for the twelfth at four p.m.": a day of the month said as a word
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|twenty[- ]\w+|"
    r"thirtieth|thirty[- ]first)\b)"
    # a transcript that lost its verb ("Book a" heard as "Welcome,"): "... meeting with Linda on Friday at noon"
    r"|^\W*(?:\w+\W+){0,2}?(?:a\s+|an\s+)?(?P<what3>meeting|demo|sync|qbr|call|lunch|coffee|chat|catch-?up|check-?in|kick-?off|review|"
    r"workshop|walk-?through|session)\s+with\b"
    r"(?=.*\b(?:tomorrow|today|next \w+|on \w+day|a week (?:mon|tues|wednes|thurs|fri)day|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) in the (?:morning|afternoon)|on (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|at \d+|at noon|"
    r"\d{1,2}\s*(?:am|pm)|(?:mon|tues|wednes|thurs|fri)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2})\b)",
    re.I)
#: "she wants a proposal by end of month" -> a task to send it.
DELIVERABLE_RE = re.compile(r"\b(?:wants?|needs?|asked for|requested|would like|waiting for)\s+(?:a |an |the |our )?"
                            r"(?P<what>proposal|quote|contract|pricing|price list|deck|case study|sow|references?|"
                            r"security questionnaire|trial|pilot plan)\b", re.I)
EMAIL_RE = re.compile(
    r"^\W*(?:(?:please|can you|could you|also|and)\s+)*(?:write|drop a (?:line|note))\s+(?:to\s+)?(?=(?-i:[A-Z]))|"
    r"\b(?:draft|write|compose|prepare|shoot|send)\b.{0,40}?\b(?:e-?mail|mail|message|note)\b"
    r"|\bdrop\s+(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s+(?:a|an)\s+(?:quick\s+|short\s+)?(?:e-?mail|line|note|message)\b"
    r"|\b(?:draft|write|compose)\s+(?:a\s+|an\s+)?(?:quick\s+|short\s+)?(?:follow[- ]?up|reply|response|thank[- ]you|"
    r"intro(?:duction)?|welcome)\b(?:\s+(?:note|email|message))?\s+(?:to|for)\b"
    r"|\b(?:draft|write)\s+(?:him|her|them)\s+(?:something|a (?:quick |short )?(?:note|line)|a\s+thank[- ]?you)\b"
    # "Send Uma Quist a draft, subject ...", "Draft her a renewal reminder. Subject, ...": a draft with its subject dictated
    r"|\bsend\s+(?:him|her|them|(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)\s+a\s+draft\b"
    r"|\bdraft\s+(?:him|her|them|(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:reminder|recap|intro|update|nudge|summary|follow-?up|thank-?you|invite|invitation|proposal|reply)\b"
    # "Can you draft something to Gina Moreau?"
    r"|\b(?:draft|write)\s+(?:something(?:\s+(?:short|quick|brief))?|a\s+(?:quick\s+|short\s+)?(?:note|line))\s+(?:to|for)\s+(?-i:[A-Z])"
    # "send Tom Becker a thank-you for ...", "send her a quick thanks": a thank-you is an e-mail
    r"|\b(?:send|shoot)\s+(?:him|her|them|(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)?)\s+(?:a|an|our)\s+(?:quick\s+|short\s+|big\s+)?"
    r"(?:thank[- ]?you|thanks)\b"
    r"|\b(?:draft|write|compose)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:to|for)\s+(?-i:[A-Z])"
    r"|\bsend\s+(?:him|her|them|[A-Z]\w+)\s+a\s+(?:quick\s+|short\s+)?draft\b"
    r"|^\s*(?:please\s+)?e-?mail\s+(?!is\b|address)", re.I)
DELETE_RE = re.compile(r"\b(?:delete|remove|erase|get rid of|trash|wipe|destroy|purge)\b", re.I)
BULK_RE = re.compile(r"\b(?:all|every|everything|everyone|each)\b", re.I)
CREATE_CONTACT_RE = re.compile(r"(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\byour )(?<!\bour )(?<!\bmy )(?<!\bthe )"
                               r"(?<!\bhas a )(?<!\bhave a )(?<!\bis a )(?<!\bgot a )"
                               r"\b(?:add|create|new|save)\b(?:(?!\b(?:deal|opportunity|one|it|note|task|reminder)\b).){0,60}?"
                               r"(?<!,\s)(?<!\bin\s)(?<!\bstage\s)\b(?:contact|lead|person)\b(?!\s+stage)"
                               r"|^\s*(?:please\s+)?add\s+(?=[A-Z][a-z]+\s+[A-Z][a-z]+\b.*\b(?:at|from)\b)"
                               # "Please add Marta Lindqvist to Northwind Traders, she's their new billing manager"
                               r"|^\s*(?:please\s+)?add\s+(?=(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+)\s+to\s+(?-i:[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*)\s*(?:[,.]|$))"
                               # "Add Hannah Berg to Globex as Procurement Analyst": a new person, her company and title
                               r"|^\s*(?:please\s+)?add\s+(?=[A-Z][a-z]+\s+[A-Z][a-z]+\s+to\s+[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*\s+as\s+)"
                               # "Grace referred a colleague at Lumen, Ravi Menon, ... Add him and set up a call": the person referred
                               r"|\b(?:referred|introduced)\b.{0,60}?\b(?:colleague|friend|contact|boss|cofounder|co-founder|peer|"
                               r"counterpart|partner|someone)\b.{0,160}?\badd\s+(?:him|her|them)\b(?!\s+(?:to|as the owner|on)\b)",
                               re.I)
CREATE_COMPANY_RE = re.compile(r"(?<!\bour )(?<!\bmy )(?<!\btheir )(?<!\bher )(?<!\bhis )(?<!\byour )"
                               r"\b(?:add|create|new|save)\b(?:.{0,20}?|\s+(?:[A-Z][\w&.-]*\s+){1,4}as\s+an?\s+(?:new\s+)?)\b(?:company|account|organi[sz]ation|customer|client)\b"
                               r"(?!\s+(?:contact|deal|today|yesterday|this|last|tonight|director|manager|executive|lead|rep|"
                               r"owner|coordinator|specialist|success)s?\b|\s*[!.?])"
                               # "Add Solstice Energy as a new company.": a name said as a new company, at a sentence's end too
                               r"|\b(?:add|create|save)\s+(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3}\s+as\s+an?\s+(?:new\s+)?"
                               r"(?:company|account|client|customer)\b"
                               # "..., Brightline Robotics, brightline.io. Add them as a company."
                               r"|\b(?:add|create|save)\s+(?:them|it)\s+(?:in\s+)?as\s+an?\s+(?:new\s+)?(?:company|account|client|customer)\b"
                               # "Add Copperleaf Studios, copperleaf.example, based in Austin": a name and its domain
                               r"|\b(?:add|create)\s+(?-i:[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3}),\s*(?:[\w-]+(?:\.|\s+dot\s+))+"
                               r"(?:com|io|ai|co|net|org|dev|app|example|de|uk|fr)\b", re.I)
CREATE_DEAL_RE = re.compile(r"\b(?:deal|opportunity|opp)\b.{0,60}\b(?:(?:add|create|open|start)\s+one\b|set\s+one\s+up\b)|\b(?:(?:create|start|log|set up)\s+(?:a\s+|an\s+|another\s+)?|add\s+(?:a\s+|an\s+)?|open(?:ed)?\s+(?:up\s+)?(?:a|an|another)\s+)(?:new\s+)?(?:(?!(?:call|meeting|note|email|demo|task|about|on|with|for|to|the|that|this|it)\b)[\w$-]+\s+){0,4}?"
                            r"(?:deal|opportunity|opp)\b(?!\s+to\b)"
                            r"|\bnew (?:[\w-]+\s+){0,2}(?:deal|opportunity|opp)\b(?!\s+to\b)"
                            # "New retainer with Tidal Media, ..., start it at proposal sent": new paid work with a company
                            r"|^\W*(?:(?:ok(?:ay)?|so|and|also)\W+)*(?:a\s+)?new\s+(?:[\w-]+\s+)?(?:retainer|engagement|project|pilot|contract|sow)\s+"
                            r"(?:with|for|from)\s+(?-i:[A-Z])"
                            # "create the deal", ", and a deal for a brand refresh", "call it Willow Group Pilot"
                            r"|\b(?:create|open|add|log|set up)\s+(?:the|that)\s+(?:new\s+)?(?:deal|opportunity|opp)\b(?!\s+to\b)"
                            r"|(?:,|\band)\s+(?:a|an)\s+(?:new\s+)?(?:deal|opportunity)\s+for\s+(?:a|an|the|them|it)\b"
                            # "..., and then a deal there for fifty k in Lead"
                            r"|(?:,|\band)\s+(?:then\s+)?(?:a|an)\s+(?:new\s+)?(?:deal|opportunity)\s+(?:there|with them|for them)\b"
                            r"|\bcall (?:it|the deal)\s+(?-i:[A-Z])", re.I)
#: A new piece of work the company wants, said as a thing rather than as "a deal" ("Granite Labs wants a
#: second project, about 30K, put it in at qualified", "they signed up for another workshop, twelve grand, add
#: it as proposal sent", "Willow wants a rebrand package, 45K, put it in as proposal sent"). ``new`` is the
#: adjective that makes it plainly separate work ("second", "another", "separate", ...); ``noun`` what it is.
#: Seats, licences, users or money added ("another 20 grand of seats") are an expansion of the open deal and
#: never match.
IMPLIED_DEAL_RE = re.compile(
    r"\b(?:wants?|wanted|needs?|needed|(?:is|are|'s|'re)\s+(?:asking|looking)\s+for|asked\s+for|(?:is|are|'s|'re)\s+interested\s+in|"
    r"keen\s+on|signed(?:\s+up)?\s+(?:for|on)|(?:are|is|'re|'s)\s+(?:buying|adding|ordering)|ordered|bought|add(?:ed|ing)?|"
    r"(?:there'?s|there\s+is)|(?:have|has|got)\s+(?:us\s+)?(?:a|an|another)|"
    # "We're pitching Quartz Health a rebrand retainer": work offered to a company
    r"(?:(?:are|'re|am|'m)\s+)?(?:pitching|quoting|proposing)\s+(?:(?-i:[A-Z])[\w&]*\s+){0,2}(?-i:[A-Z])[\w&]*|"
    # "Ember is two deals now: the pilot, plus a new fleet rollout at 140k": more work said beside the one there is
    r"(?:plus|and\s+(?:also|now)|as\s+well\s+as)(?=\s+(?:a|an)\s+(?:second|another|new|separate|additional|third)\b))\s+"
    r"(?:(?P<art>a|an|the)\s+)?(?P<new>second|another|new|separate|additional|third|follow[- ]on)?\s*"
    r"(?P<kind>(?:(?!(?:deal|opportunity|opp|call|meeting|demo|discount|quote|proposal|contract|seats?|licen[cs]es?|users?|"
    r"grand|k|thousand|dollars?)\b)[a-z][a-z-]*\s+){0,2}?)"
    r"(?P<noun>project|package|engagement|retainer|workshop|campaign|pilot|phase|sow|statement\s+of\s+work|"
    r"(?:website|site|app)(?:\s+(?:rebuild|redesign|refresh|revamp|build|overhaul|migration))?|"
    r"build|audit|initiative|program|programme|rollout|implementation|"
    r"(?:sprint|rebrand|redesign|refresh|launch)(?!\s+(?:package|project|retainer|engagement|campaign|sprint|program|pilot|"
    r"workshop|audit|build)\b))\b"
    # ("she wants a rebrand proposal by Friday": a document about the work, not the work)
    r"(?!\s+(?:deal|opportunity|proposal|quote|deck|brief|one-?pager|estimate|pricing)\b)", re.I)
#: Said after the new work to put it in the CRM: "put it in (at|as) ...", "add it", "log it as a deal", "open it".
IMPLIED_DEAL_PUT_RE = re.compile(r"\b(?:put|add|log|enter|open|create|start|track|set)\s+(?:it|that|this|one)\b"
                                 r"(?:\s+(?:in|up|down))?(?!\s+(?:on|to)\s+(?:the\s+)?(?:existing|current|same)\b)", re.I)

STAGE_VERB_RE = re.compile(r"\b(?:re-?open(?:ed|s)?|revive[ds]?|move[ds]?|moving|park(?:ed)?|push(?:ed)?|advance[ds]?|set|change[ds]?|put|update[ds]?|they'?re|"
                           r"bump(?:ed)?|progress(?:ed)?|shift(?:ed)?|drag(?:ged)?|now|is|are|'s|it's|stage|(?:goes|go|went|gone)\s+(?:in)?to|"
                           # "Drop Harbor Health back to lead", "knock it back to qualified", "demote Lumen to lead"
                           r"drop(?:ped|s)?|demote[ds]?|downgrade[ds]?|(?:knock(?:ed)?|kick(?:ed)?|sen[dt]|slid|slipped|fell|falls?)(?=\s+.{0,40}?\bback\b))\b", re.I)
WON_RE = re.compile(r"\b(?:we\s+won|closed[- ]won|mark(?:ed)?\b.{0,40}\b(?:as\s+)?won|clos(?:e|ed|ing)\b.{0,40}\bas\s+(?:a\s+)?won|(?<!\bwants )(?<!\bwant )(?<!\bneeds )(?<!\bneed )(?<!\bget )(?<!\bhave )(?<!\bbefore )(?<!\buntil )(?<!\bunless )(?<!\bonce )(?<!\bif )(?<!\btill )(?:they|it|we)\s+"
                    r"(?:just\s+)?signed(?!\s+by\b)(?!\s+up\b)(?!\s+off\b)"
                    # ("they signed the NDA", "we signed an LOI": paperwork on the way, not the deal won)
                    r"(?!\s+(?:an?|the|our|their|a\s+mutual|the\s+mutual)\s+(?:nda|loi|letter of intent|dpa|baa|data processing|"
                    r"security|questionnaire|pilot|trial|non-?disclosure|msa redlines)\b)|^\W*(?-i:[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3}),?\s+(?:just\s+|finally\s+|officially\s+)?signed"
                    r"(?!\s+(?:up|off|in)\b)(?!\s+(?:an?|the|our|their|a\s+mutual|the\s+mutual)\s+(?:nda|loi|letter of intent|dpa|baa|"
                    r"data processing|security|questionnaire|pilot|trial|non-?disclosure|msa redlines)\b)|signed the (?:contract|deal)|deal (?:is )?won(?!['\u2019]t)|it'?s a win|"
                    r"(?<!\bto )(?<!\bnot )(?<!\bwill )(?<!\bto\s)put pen to paper|signed on the dotted line|inked (?:it|the (?:deal|contract))|"
                    r"^\W*(?:[\w&'-]+\s+){1,4}(?:is\s+|was\s+|got\s+)?won(?=\s*(?:[,.!]|$))"
                    # "closed the cedar group deal!!", "we finally closed Acme": sales speech for a win
                    r"|^\W*(?:(?:ok|okay|so|yes|and)\W+)*(?:we\s+|i\s+)?(?:just\s+|finally\s+|officially\s+)?closed\s+"
                    r"(?!.*\blost\b)(?!(?:it\s+)?(?:out|down|off)\b)(?:the\s+)?"
                    r"(?:(?!(?:with|on|for|about|to|as|at|loop|books|quarter|month|week|year|call|ticket|case|issue|door|gap|"
                    r"window|tab|laptop|office|shop|account|jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|"
                    r"aug|august|sep|sept|september|oct|october|nov|november|dec|december)\b)[\w&'-]+\s?){1,4}(?=\s*(?:[!.,]|$)|\s*(?:at|for)\s+(?:\$|\d|a\s+hundred|"
                    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
                    r"seventy|eighty|ninety)\b)))\b"
                    # "Initech is going with us, close it", "they picked us - mark it won": a win said, then "close it"
                    r"|(?:^|[,;.]\s*)(?:so\s+|and\s+)?close\s+(?:it|them|the deal|this one)(?:\s+out)?(?=\s*(?:[!.]|$))", re.I)
LOST_RE = re.compile(r"^\W*(?:(?:okay|ok|so|well|yeah)\W+)*lost\s+(?:the\s+)?(?-i:[A-Z])|^\W*(?:[\w&'-]+\s+){1,4}lost\s+to\s+\w|\b(?:we\s+lost|closed[- ]lost|mark(?:ed)?\b.{0,40}\b(?:as\s+)?lost|clos(?:e|ed|ing)\b.{0,40}\bas\s+(?:a\s+)?lost|deal (?:is )?lost|"
                     # "I lost Umbrella Health to Epic", "I just lost the Quartz pitch": a record lost, said in the first person
                     r"\bi\s+(?:just\s+|finally\s+)?lost\s+(?:the\s+)?(?-i:[A-Z])[\w&-]*(?:\s+(?-i:[A-Z])[\w&-]*){0,3}\s+"
                     r"(?:to|deal|pitch|account|renewal|contract|opportunity)\b|"
                     r"(?:they|it)\s+(?:went|chose|picked|signed with)\s+(?:with\s+)?(?:a\s+)?competitor|"
                     r"(?:lost|lose)\s+(?:the\s+)?\w+(?:\s\w+)?\s+deal|"
                     # "Northwind has lost." (a transcript's "Mark Northwind as lost"): only at the clause's end
                     r"(?:has|is|as|was)\s+(?:been\s+)?lost(?=\W*$))\b", re.I)
CLOSE_DATE_RE = re.compile(r"\bclos(?:e|es|ing|en|in)\b|(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\bi )(?<!\bwe )(?<!\bflight )(?<!\bplane )"
                           r"\b(?:land|lands|landing)\s+(?:on|by|in|before)\b(?!\s+(?:the\s+)?(?:[A-Z]\w+\s+)?(?:airport|office|town|city)\b)|\bclose date\b|\bsign(?:s|ing)?\s+(?:by|on|in)\b|\bexpected to (?:close|sign)\b",
                           re.I)
#: A deal said to be a period, as a forecast: "Umbrella is realistically next quarter", "Globex is looking like
#: January now", "Vertex is more like Q2" - its close date (hedges such as "probably" or "might" are not).
FORECAST_PERIOD_RE = re.compile(
    r"^\W*(?:(?:so|and|ok|okay|also|honestly)\W+)*(?:the\s+)?(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}"
    r"(?:\s+(?:deal|renewal|expansion|pilot|opportunity))?(?:'s|\s+is|\s+are)\s+"
    r"(?:realistically|really|actually|now|more\s+like|looking\s+(?:more\s+)?like|looking\s+at|tracking\s+(?:to|for))\s+(?:a\s+|an\s+)?"
    r"(?=(?:next\s+(?:quarter|month|year)|q[1-4]\b|early\s+|late\s+|mid[- ]|end\s+of|the\s+end\s+of|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))", re.I)
AMOUNT_CUE_RE = re.compile(r"\b(?:budget|amount|worth|value|deal size|price|priced|pricing|contract|"
                           r"increase|increased|raise|raised|bump|add|added|cut|reduce|reduced|lower|drop|"
                           r"dropped|decrease|up|down|make it|change it to|set it to|call it|arr|acv|\$|trim|trimmed|"
                           r"(?:going|goes|went|gone)\s+from|just\s+put(?=\s+\$?\d)|"
                           r"(?:signed|closed|landed|came in|settled|agreed|came back|close it|close it out|closing it|set it|"
                           r"put it|(?:set|put)\s+(?-i:[A-Z])[\w&]*(?:\s+(?-i:[A-Z])[\w&]*){0,2})\s+at|(?:percent|%)\s+off|discount|"
                           # "Make the Granite Health deal eighty-two five", "make this fifty-two": a deal made a number
                           r"make\s+(?:the\s+)?(?:[\w&'-]+\s+){0,3}?(?:deal|it|this|that)\s+(?=\$?\d|(?:a|one|two|three|four|five|six|seven|eight|"
                           r"nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)|on top|"
                           r"(?:is|'s)\s+(?:now\s+)?(?:at\s+)?(?:about\s+|around\s+)?(?=\$?\d[\d,.]*\s*(?:k|m|thousand|million|grand)\b))",
                           re.I)
COMPETITOR_RE = re.compile(
    r"\b(?:also\s+)?(?:looking at|evaluating|considering|talking to|comparing (?:us )?(?:with|to|against)|"
    r"competing with|competitor(?:\s+here)? is|competition(?:\s+here)? is|going with|leaning towards|shopping around with|"
    r"in talks with|trialing|trialling|piloting|up against|against)\s+(?P<name>[A-Za-z](?:[\w&-]|\.(?=\w))*(?:\s[A-Z](?:[\w&-]|\.(?=\w))*)?)",
    re.I)
#: The competitor said as the field's value: "set the competitor on Umbrella Health to Epic".
_COMPETITOR_FIELD = re.compile(r"\bcompetitor\s+(?:(?:on|for)\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}\s+)?"
                               r"(?:to|as)\s+(?P<name>[A-Z](?:[\w&-]|\.(?=\w))*(?:\s[A-Z](?:[\w&-]|\.(?=\w))*)?)"
                               # "competitor on vertex is snowflake" (typed in lower case)
                               r"|\b(?i:competitor)\s+(?i:on|for)\s+(?:(?i:the)\s+)?[\w&-]+(?:\s+[\w&-]+){0,3}?\s+(?i:is|=|:)\s+"
                               r"(?P<name2>[A-Za-z](?:[\w&-]|\.(?=\w))*)\s*$")
#: "Put Zendesk as the competitor on the deal": said as the field, it wins over what was heard before.
_COMPETITOR_AS = re.compile(r"\b(?i:put|set|add|make|list|mark|log)\s+(?P<name>[A-Z](?:[\w&-]|\.(?=\w))*(?:\s[A-Z](?:[\w&-]|\.(?=\w))*)?)\s+(?i:down\s+)?(?i:as)\s+"
                            r"(?i:the\s+|a\s+|their\s+|another\s+)?(?i:competitor)\b")
#: The competitor named before its verb: "Snowflake is also pitching them", "Gong are in the running".
_COMPETITOR_BEFORE = re.compile(r"\b(?P<name>[A-Z](?:[\w&-]|\.(?=\w))*(?:\s[A-Z](?:[\w&-]|\.(?=\w))*)?)\s+(?:is|are|'s)\s+(?:also\s+)?"
                                r"(?:pitching|bidding|competing|in the running|in the mix|in the picture)\b")
#: Lower-case competitor name -> display name: the domain's COMMON_COMPETITORS plus a few more.
KNOWN_COMPETITORS = {n.lower(): n for n in COMMON_COMPETITORS} | {
    "dynamics": "Dynamics", "sugarcrm": "SugarCRM", "zendesk": "Zendesk", "intercom": "Intercom",
    "oracle": "Oracle", "sap": "SAP",
    # vendors salespeople name as rivals outside CRM (support, data, fleet, learning, healthcare software)
    "freshdesk": "Freshdesk", "servicenow": "ServiceNow", "gorgias": "Gorgias", "databricks": "Databricks",
    "snowflake": "Snowflake", "samsara": "Samsara", "motive": "Motive", "docebo": "Docebo", "workday": "Workday",
    "epic": "Epic", "athenahealth": "athenahealth", "phreesia": "Phreesia", "weave": "Weave", "notion": "Notion",
    # the networks agencies lose pitches to
    "ogilvy": "Ogilvy", "publicis": "Publicis", "dentsu": "Dentsu", "havas": "Havas", "accenture": "Accenture",
    "deloitte": "Deloitte"}
#: Ambiguous words ("close", "monday") only count after a competitor cue ("looking at Close").
_AMBIGUOUS_COMPETITORS = frozenset({"close", "monday", "dynamics", "copper", "outreach", "apollo", "gong", "epic", "motive",
                                    "weave", "notion", "snowflake"})


def _spaced(name: str) -> str:
    """A pattern for ``name`` that also matches how a transcript splits it ("sales force",
    "hub spot", "pipe-drive", "go high level"): an optional space or hyphen between letters of
    names of 6+ letters."""
    letters = [re.escape(ch) for ch in name.replace(" ", "")]
    if len(letters) < 6:
        return r"\s+".join(re.escape(w) for w in name.split())
    return r"[\s-]?".join(letters)


#: Competitors recognised anywhere in a clause (ambiguous words excluded), split forms included.
_KNOWN_COMPETITOR_RE = re.compile(r"\b(?:" + "|".join(
    _spaced(k) for k in sorted(KNOWN_COMPETITORS, key=len, reverse=True) if k not in _AMBIGUOUS_COMPETITORS)
    + r")\b", re.I)
_COMPETITOR_BY_LETTERS = {k.replace(" ", ""): v for k, v in KNOWN_COMPETITORS.items()}
NEEDS_RE = re.compile(r"\b(?P<who>[A-Za-z]+)?\s*(?:needs?|requires?|waiting (?:on|for)|has to get|must get)\s+"
                      r"(?:a |an |the |to get |to have )?(?P<what>[^,.;]+?)\s*$", re.I)
NEXT_STEP_RE = re.compile(r"\bnext steps?(?:\s+(?:for|with|on)\s+[\w ]+?)?\s*(?:\bis\b|\bare\b|:|\bwill be\b|=|\bto be\b|\bto(?=\s+(?:a|an|the)\b))\s*"
                          r"(?:to\s+)?(?P<what>[^.;]+)"
                          # "Next step on Ember Logistics, get the signed pilot agreement back": the record, a pause, the step
                          r"|\bnext steps?\s+(?:for|with|on)\s+(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}\s*,\s*(?P<what4>[^.;]+)"
                          # "set the next step on their deal to admin training": the value after "to"
                          r"|\bnext steps?\s+(?:for|with|on|of)\s+(?:the|their|his|her|its|our)\s+(?:[\w&'-]+\s+){0,3}?(?:deal|account|opportunity|"
                          r"renewal)\s+to\s+(?P<what3>[^.;]+?)(?=\s+and\s+(?:make|set|move|give|assign|book|log|draft|remind|put)\b|[.;]|$)"
                          # "set the next step on Cedar Group to send revised pricing": the value after "to", whatever it is
                          r"|\bnext\s+steps?\s+(?:on|for)\s+(?:the\s+)?(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}(?:\s+(?:deal|account))?"
                          r"\s+to\s+(?P<what5>[^.;]+)"
                          # "Add pitch deck feedback as the next step on the Quartz deal": the step said before its field
                          r"|^\W*(?:(?:please|and|also|ok|okay|so|just)\s+)*(?:add|put|set|make|log|record|have|note)\s+"
                          r"(?P<what6>(?!(?:it|that|this|them|him|her)\b)[^.;]{3,80}?)\s+(?:down\s+)?as\s+(?:the\s+|their\s+|our\s+|its\s+|a\s+)?"
                          r"next\s+steps?\b"
                          r"|\bnext steps?\s*:?\s*(?P<what2>[^.;]+)", re.I)
QUESTION_RE = re.compile(r"^\s*(?:what|what's|whats|which|who|whom|how|when|where|can you tell|tell me|count(?=\s+(?:how many|the|up|all|our|my|every))|(?:biggest|largest|smallest)\s+(?:open\s+)?(?:deal|opp)|"
                         r"show|list|find|search|look up|lookup|pull up|give me|display|open)\b|\?\s*$", re.I)
SEARCH_RE = re.compile(r"^\s*(?:please\s+)?(?:show|list|find|search|look up|lookup|pull up|give me|display|"
                       r"which|what are|what deals|what contacts|how many)\b", re.I)
EMAIL_ADDR_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s-]?)?(?:\(\d{2,4}\)[\s-]?)?\d{2,4}[\s-]\d{3,4}(?:[\s-]\d{3,4})?")
#: The domain endings a company's web address is read with (generic, common country codes, and the newer ones
#: agencies and studios use).
TLDS = (r"(?:com|io|ai|co|net|org|dev|app|example|de|uk|fr|studio|agency|design|tech|health|media|xyz|me|us|ca|nl|es|it|ie|eu|"
        r"shop|store|cloud|digital|marketing|solutions|group|global|online|site|biz|info|ly|gg|tv|fm)")
DOMAIN_RE = re.compile(rf"\b(?:[a-z0-9-]+\.)+{TLDS}\b", re.I)
_DEPT = (r"(?:customer|client|sales|marketing|engineering|operations|ops|finance|product|growth|revenue|partnerships|"
         r"people|it|security|data|design|support|procurement|legal|success|experience|business|development|"
         r"strategy|technology|talent|hr|brand|content|demand|generation|enablement|analytics|platform|infrastructure|"
         r"supply|chain|logistics|it|procurement|partner|channel|alliances|training|education|research|services|service|relations|member|members|patient|clinical|quality|compliance|risk|facilities|admissions)")
TITLE_RE = re.compile(r"\b(?:(?:senior|sr\.?|junior|principal|interim|acting|associate|assistant)\s+(?=\S))?"  # "Senior IT Manager"
                      r"(?:chief\s+(?:\w+\s+){1,2}?officer|(?:VP|Head|Director|SVP|EVP)(?: of)? "
                      r"(?!(?:at|for|in|with|from|to|on|there|here|now|and)\b)[A-Z][a-z]+"
                      rf"(?:\s+(?:and\s+)?{_DEPT}\b){{0,2}}|"
                      r"CEO|CTO|CFO|COO|CMO|CRO|VP(?: of)? (?!(?:at|for|in|with|from|to|on)\b)[A-Z][a-z]+|"
                      r"Head of (?!(?:at|for|in|with|from|to|on)\b)[A-Z][a-z]+|"
                      r"(?:Creative|Art|Marketing|Sales|Account|Design|Technical|Managing|Practice) Director|"
                      r"(?:Sales Ops|Sales Operations|RevOps|Revenue Operations|Customer Success|Sales|Marketing|"
                      r"Engineering|Operations|IT|Product|Finance|HR|People|Account|Project|Partnerships|Procurement|"
                      r"Practice|Office|Growth) (?:Director|Manager|Lead|Coordinator|Specialist)|"
                      r"Director of [A-Z][a-z]+|Founder|Co-?founder|Office Manager|Practice Manager|"
                      r"Procurement Manager|Account Executive|"
                      # "he's chairman now", "she's general counsel", "he's an advisor now"
                      r"(?:executive\s+|non-executive\s+|deputy\s+)?chair(?:man|woman|person)?(?!\s+(?:of\s+)?(?:the\s+)?meeting)|"
                      r"(?:vice\s+)?president|general\s+(?:manager|counsel)|board\s+(?:member|advisor)|advisor|chief\s+executive|"
                      # "Ian Ross, the controller", "she's their treasurer": finance titles of small companies
                      r"(?:financial\s+)?controller|comptroller|treasurer|bookkeeper|(?:staff\s+|chief\s+)?accountant|"
                      r"(?:senior|associate|assistant)\s+(?:director|manager|vp)\s+of\s+[A-Z][a-z]+)\b", re.I)
#: A do-not-contact flag cleared: "take the do not contact flag off", "it's fine to email him again", "she opted back in".
DNC_OFF_RE = re.compile(r"\b(?:take|remove|clear|lift|unset|uncheck|untick|turn off|drop|switch off)\s+(?:off\s+)?(?:the\s+|his\s+|her\s+|their\s+)?"
                        r"(?:do[- ]not[- ](?:contact|call|email)|dnc|opt[- ]?out)\b"
                        r"|\b(?:fine|ok|okay|alright|good)\s+(?:for us\s+)?to\s+(?:email|contact|call|reach out to)\s+(?:him|her|them)\s+again\b"
                        r"|\bcan\s+(?:be\s+)?(?:contacted|emailed|called)\s+again\b|\bopted\s+back\s+in\b|\bre-?subscribed\b"
                        r"|\b(?:no longer|not)\s+(?:a\s+)?do[- ]not[- ]contact\b", re.I)
DNC_RE = re.compile(r"\b(?:do not|don'?t|never|not to)\s+(?:contact|email|call)\b(?![^.;]{0,40}\b(?:email|call|text)\s+(?:only|instead)\b)"
                    # ("don't call before 10am her time": when to call, not a do-not-contact flag)
                    r"(?!\s+(?:her|him|them)?\s*(?:before|after|until|till|on\s+(?:mon|tue|wed|thu|fri|sat|sun|weekends?)|during|"
                    r"between|at\s+(?:lunch|work|night)|in\s+the\s+(?:morning|evening|afternoon)|early|late)\b)"
                    r"|\bnot\s+to\s+be\s+(?:contacted|emailed|called)\b"
                    # "Remove Ben Jensen from our outreach": out of every sequence - the person stays in the CRM
                    r"|\bremove\s+(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s+from\s+(?:all\s+(?:of\s+)?)?(?:our|the|my)\s+"
                    r"(?:outreach|sequences?|cadences?|mailing lists?|emails?|campaigns?)\b"
                    # "asked us to take him off all outreach", "take Tom Becker off our mailing list", "wants to be taken off
                    # all emails": out of everything we send
                    r"|\b(?:take|taking|took|taken)\s+(?:(?:him|her|them|(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?)\s+)?off\s+"
                    r"(?:of\s+)?(?:all\s+(?:of\s+)?|any\s+)?(?:our\s+|the\s+|my\s+)?"
                    r"(?:outreach|sequences?|cadences?|mailing\s+lists?|e-?mails?|campaigns?|newsletters?|lists?)\b"
                    r"|\bunsubscribed?\b|\bopted out\b|"
                    r"\bopt(?:ed)?[- ]out\b|\bdo[- ]not[- ]contact\b"
                    # ("stop calling his cell and use email only": a channel he prefers, not do-not-contact)
                    r"|\bstop (?:contacting|emailing|calling|reaching out)\b(?![^.;]{0,40}\b(?:email|call|text|phone)(?:\s+\w+)?\s+(?:only|instead)\b)|"
                    r"\b(?:don'?t|do not|never) reach out\b|\bno (?:more|further) (?:outreach|contact|emails)\b"
                    # "asked to be taken off all our lists", "wants to be removed from our emails"
                    r"|\b(?:asked|wants?|wanted|requested)\s+to\s+be\s+(?:taken|removed)\s+(?:off|from)\s+(?:all\s+)?(?:of\s+)?"
                    r"(?:our|the|your)\s+(?:mailing\s+)?(?:lists?|emails?|mailings?|outreach)\b", re.I)

NEGATIVE = re.compile(r"\bnot interested\b|\bno budget\b|\bunhappy\b|\bangry\b|\bfrustrated\b|\bannoyed\b|"
                      r"\bwent cold\b|\bdeclined?\b|\bpassed\b|\bpass on\b|\bnot a fit\b|\bcancel(?:l?ed)?\b|"
                      r"\bchurn\b|\bcomplain(?:ed|t)?\b|\bbad\b|\bterrible\b|\bnot happy\b|\bno longer\b|"
                      r"\bnot moving forward\b|\bnot going to\b|\bwon'?t\b|\bghost(?:ed|ing)\b|\bconcerned\b|"
                      r"\btoo expensive\b|\bpushback\b|\bskeptical\b|\bdisappointed\b", re.I)
POSITIVE = re.compile(r"\b(?:very |really |super )?(?:excited|loved|loves|love it|great|happy|thrilled|keen|"
                      r"eager|ready to sign|on board|impressed|positive|enthusiastic|went well|went great|"
                      r"good call|good meeting|promising|strong interest|very interested|interested)\b", re.I)


@dataclass(frozen=True, slots=True)
class Clause:
    """A piece of the instruction (a sentence, or a comma-separated part of one)."""

    text: str
    start: int
    sentence: int


#: "..., by 5k." / "..., to 62,500": an amount split off the clause that says what to do with it.
_AMOUNT_FRAGMENT = re.compile(r"^\W*(?:by|to|from)\s+\$?\d[\d,.]*\s*(?:k|m|%|percent|thousand|million|grand|"
                              r"dollars|bucks)?\W*$", re.I)


def clauses(text: str) -> list[Clause]:
    """Split into sentences, then into clauses at commas and joining words (with spans)."""
    out: list[Clause] = []
    pos = 0
    for s_index, sentence in enumerate(SENTENCE_SPLIT.split(text)):
        if not sentence:
            continue
        s_start = text.find(sentence, pos)
        pos = s_start + len(sentence)
        c_pos = 0
        spans: list[tuple[int, int]] = []
        for part in (q for p in CLAUSE_SPLIT.split(sentence) if p for q in CUE_SPLIT.split(p)):
            if not part or not part.strip(" .!?;,"):
                continue
            c_start = sentence.find(part, c_pos)
            c_pos = c_start + len(part)
            if spans and (_DATE_FRAGMENT.match(part) or _AMOUNT_FRAGMENT.match(part)  # "on Wednesday"
                          or re.match(r"\s*(?:about|regarding|re)\s+(?:a|an|the|our|their|his|her)\b", part, re.I)  # "..., about a follow-up call"
                          or (_OWNER_WORDS.match(part) and _NAMED_END.search(sentence[spans[-1][0]:c_start]))):
                # "Push the Acme | close date to Friday": a field of the record just named
                spans[-1] = (spans[-1][0], c_pos)
            elif len(spans) == 1 and _DATE_FRAGMENT.match(sentence[spans[0][0]:spans[0][1]]) \
                    and re.match(r"\W*(?:(?:please|and|can you|could you)\s+)*(?:remind|task|set|create|add|follow|call|email|ping|check)\b",
                                 part, re.I):
                # "In three weeks, remind me to check Delta Works' usage": the day said first belongs to the request after it
                spans[-1] = (spans[-1][0], c_pos)
            elif spans and re.fullmatch(r"\s*[A-Z][a-z]+\s*", sentence[spans[-1][0]:c_start]) \
                    and re.match(r"\s*[A-Z][a-z]+\s+(?:needs?|wants?)\b", part):
                # "Tom | Becker wants a call": one person's first and last name
                spans[-1] = (spans[-1][0], c_pos)
            else:
                spans.append((c_start, c_pos))
        for a, b in spans:
            out.append(Clause(sentence[a:b].strip(" .!?;,"), s_start + a, s_index))
    return out


#: A clause that is only a date or time ("on Wednesday", "December 9th", "at 3 p.m.", "to next month"):
#: transcripts put commas at every pause, so such a fragment belongs to the clause before it
#: (:func:`clauses` glues it back).
_DATE_FRAGMENT = re.compile(
    r"^\W*(?:(?:due\s+)?(?:on|at|by|to|for|before|until|around|this|next|in|from)\s+|due\s+)?(?:the\s+)?"
    r"(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\.?|o'?clock)?|noon|midday|tomorrow|today|tonight|"
    r"(?:next|this|coming)\s+\w+|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening))?|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth|twentieth|twenty[- ]\w+|thirtieth|thirty[- ]first)|"
    r"\d{1,2}(?:st|nd|rd|th)(?:\s+of\s+[a-z]+)?|end of (?:the )?(?:next |this |the following )?\w+|(?:a|one|two|three|four|\d+)\s+(?:days?|weeks?|months?)|"
    # "..., due in January", "..., by Q1", "..., in early March": a month or quarter, with the word that says when
    r"(?<=\s)(?:(?:early|mid|late)[- ])?(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?:\s+\d{4})?|q[1-4](?:\s+\d{4})?|"
    # "..., due the fourth": a day of the month said in words
    r"(?<=the )(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|"
    r"fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]\w+|thirtieth|thirty[- ]first))"
    r"(?:,?\s+at\s+(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)?|noon))?\W*$", re.I)


def bare_fragment(text: str) -> bool:
    """One or two plain words that ask for nothing themselves (no number, date, stage, competitor or
    action word): the tail of the clause before it, cut off by a transcript's comma ("sign off")."""
    words = text.split()
    return 1 <= len(words) <= 2 and all(w.isalpha() for w in words) \
        and not (ACTIVITY_RE.search(text) or TASK_RE.search(text) or MEETING_RE.search(text) or EMAIL_RE.search(text)
                 or COMPETITOR_RE.search(text) or _KNOWN_COMPETITOR_RE.search(text) or AMOUNT_CUE_RE.search(text)
                 or CLOSE_DATE_RE.search(text) or WON_RE.search(text) or LOST_RE.search(text) or DNC_RE.search(text)
                 or re.search(r"\b(?:today|tomorrow|tonight|next|week|month|negotiation|proposal|demo|qualified|"
                              r"lead|won|lost|closed|stage|interested|cold|happy|great|please|also|then)\b", text, re.I))


def activity_type(text: str) -> str | None:
    """``call``/``meeting``/``email``/``note`` when ``text`` reports an interaction, else None. A kind named in the
    order to log it wins ("the onboarding session went fine, log the meeting": a meeting)."""
    m = ACTIVITY_RE.search(text)
    if not m:
        return None
    if said := re.search(r"\blog\s+(?:it|that|this|the|a|an)\s+(?:as\s+)?(?:a\s+|an\s+|the\s+)?(meeting|call|e-?mail|note)\b",
                         text, re.I):
        return {"e-mail": "email"}.get(said.group(1).lower(), said.group(1).lower())
    word = next(g for g in m.groups() if g).lower()
    if word.startswith(("business", "quarterly", "check", "catch")):
        return "meeting"  # "Log a QBR with Tom", "log the check-in with Priya"
    if word in ("meeting", "demo", "met", "lunch", "zoom", "coffee", "dinner", "drinks", "visit", "qbr", "kickoff", "kick-off",
                "workshop", "walkthrough", "review session", "session", "training", "onboarding"):
        return "meeting"
    if word in ("email", "emailed", "e-mailed", "e-mail", "message"):
        return "email"
    if word in ("it", "that", "this") or word.endswith("note") or word.startswith(("jot", "write")):
        return "note"
    return "call"


def sentiment(text: str) -> str | None:
    """``negative``/``positive`` from keyword cues (negative wins), else None."""
    if NEGATIVE.search(text):
        return "negative"
    if POSITIVE.search(text):
        return "positive"
    return None


_INTEGRATION = re.compile(r"\b(?:integrat\w*|sync\w*|connect\w*|plug\w*|export\w*|import\w*|"
                          r"compatible|works? with|api|push(?:es)? (?:data )?(?:in)?to|pulls? from)\b[\w\s]*$", re.I)


def snap_competitor(name: str) -> str:
    """``name`` as the known competitor it was most likely heard for ("Zindisk" -> "Zendesk", "Sales
    Force" -> "Salesforce"): the same Metaphone key (Lawrence Philips, 1990; ``jellyfish.metaphone``)
    and a rapidfuzz ratio of 60+, the same Soundex or NYSIIS code and a ratio of 65+, NYSIIS codes 85+ alike
    with the same first letter and a ratio of 50+, or a ratio of 85+ on its own. Names not near any known one come
    back unchanged (a new rival is taken as said)."""
    low = re.sub(r"[\s-]+", "", name.lower())
    if low in _COMPETITOR_BY_LETTERS or len(low) < 4:
        return _COMPETITOR_BY_LETTERS.get(low, name)
    heard = jellyfish.metaphone(low)
    best, score = None, 0.0
    for key, shown in _COMPETITOR_BY_LETTERS.items():
        ratio = fuzz.ratio(low, key)
        # ("Sensara" for Samsara: the same Soundex/NYSIIS code; "Ogovie" for Ogilvy: NYSIIS codes nearly alike)
        sound = ratio >= 65 and (jellyfish.soundex(low) == jellyfish.soundex(key) or jellyfish.nysiis(low) == jellyfish.nysiis(key)) \
            or ratio >= 50 and low[0] == key[0] and fuzz.ratio(jellyfish.nysiis(low), jellyfish.nysiis(key)) >= 85
        if (ratio >= 85 or (ratio >= 60 and jellyfish.metaphone(key) == heard) or sound) and ratio > score:
            best, score = shown, ratio
    return best or name


def competitor(text: str) -> str | None:
    """The competitor named in ``text`` ("also looking at Salesforce" -> "Salesforce")."""
    if re.search(r"\bno\s+(?:competitor|rival|competition|other\s+vendor)(?:\s+(?:involved|here|at all|this time))?\b", text, re.I) \
            and not _KNOWN_COMPETITOR_RE.search(text):
        return None  # "they built it themselves, no competitor involved": nobody won it
    if k := _KNOWN_COMPETITOR_RE.search(text):
        if _INTEGRATION.search(text[max(0, k.start() - 30):k.start()]):
            return None  # "asking whether we integrate with Salesforce": a system they use, not a rival
        name = _COMPETITOR_BY_LETTERS[re.sub(r"[\s-]+", "", k.group(0).lower())]
        if (more := re.match(r"\s+([A-Z][\w.&-]+)", text[k.end():])) and more.group(1).lower() not in STOPWORDS \
                and not re.fullmatch(r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|"
                                     r"march|april|may|june|july|august|september|october|november|december|"
                                     r"instead|too|now|today|tomorrow)", more.group(1)):
            name = f"{name} {more.group(1)}"  # "Oracle NetSuite", "Microsoft Dynamics": the product said in full
        return name
    m = _COMPETITOR_AS.search(text) or COMPETITOR_RE.search(text) or _COMPETITOR_FIELD.search(text) \
        or _COMPETITOR_BEFORE.search(text)
    if not m:
        return None
    if m.re is COMPETITOR_RE and m.group("name")[:1].islower() and m.group("name").split()[0].lower() not in KNOWN_COMPETITORS:
        return None  # "they're looking at tools in Q1": a thing, not a vendor (a vendor's name is capitalised or known)
    words = (m.groupdict().get("name") or m.groupdict().get("name2") or "").split()
    if not words:
        return None
    first = words[0].lower()
    if first in KNOWN_COMPETITORS:
        return KNOWN_COMPETITORS[first]
    if first in ("us", "it", "them", "the", "a", "an", "other", "options", "alternatives", "our", "their"):
        return None
    return " ".join(w[:1].upper() + w[1:] for w in words if w[:1].isupper() or w is words[0])


def next_step(text: str, people: frozenset[str] = frozenset(), pronoun_name: str | None = None) -> str | None:
    """A next step from "Mike needs board approval" ("Board approval (Mike)") or "next step is ...".

    ``people``: lower-case words that name contacts in this instruction (only those are credited);
    ``pronoun_name``: who "he"/"she" is (the one contact resolved), if anyone.
    """
    m = NEXT_STEP_RE.search(text)
    if m and re.search(r"\b(?:subject|titled|headline)\b|\bcalled\b(?:\s+line)?[\s:,\"'-]*$", text[:m.start()], re.I):
        return None  # "subject line next steps on the expansion": an e-mail's subject, not the deal's next step
    if m:
        said = re.sub(r"^to\s+(?=\w)", "", (m.group("what3") or m.group("what") or m.group("what4") or m.group("what5")
                                           or m.group("what6") or m.group("what2")).strip(), flags=re.I)
        if re.fullmatch(r"(?:on|for|with)\s+(?:the\s+)?[\w&' -]{1,40}?(?:\s+to)?\s*:?", said, re.I) and len(said.split()) <= 5:
            return None  # "next step on Umbrella to" cut off before its value: the record, not a step
        return _cap(said)
    m = NEEDS_RE.search(text)
    if m:
        what = m.group("what").strip()
        if re.match(r"(?:to\s+)?(?:follow|think|more time|time)\b", what, re.I):
            return None
        if re.match(r"to\s+(?!get|see|have|review|sign|approve|talk|check|loop)", what, re.I):
            return None  # "they need to cut the budget" is not a next step
        who = m.group("who")
        if (who is None and re.match(r"\W*need\b", text, re.I)) or (who and who.lower() in ("i", "me", "honestly")):
            return None  # "need coffee before this qbr", "I need a vacation": the speaker's own need, not the deal's
        label = _cap(re.sub(r"^to\s+", "", what))
        if who and who.lower() in ("he", "she") and pronoun_name:
            return f"{label} ({pronoun_name})"
        if who and who.lower() in people:
            return f"{label} ({_cap(who)})"
        return label
    return None


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


#: Stage aliases that are also the name of a document ("the proposal"): a stage only after to/in/at.
_DOCUMENT_ALIASES = frozenset({"proposal", "contract"})


def stage_phrase(text: str, aliases: dict[str, str]) -> str | None:
    """The stage label a clause moves a deal to, from ``aliases`` (lower phrase -> label);
    "qualify the X deal" is a move to the qualified stage."""
    if re.match(r"^\W*(?:(?:please|ok|okay|so|and|also)\s+)*qualify\b(?!\s+(?:him|her|them|for|as))", text, re.I) \
            and "qualified" in aliases:
        return aliases["qualified"]
    if re.search(r"\b(?:marketing|sales)[- ]qualified\b|\b(?:mql|sql)s?\b", text, re.I):
        return None  # "bump Kara to marketing qualified lead": the contact's lifecycle stage
    reopen = re.search(r"\b(?:re-?open\w*|revive\w*)\b", text, re.I)
    if WON_RE.search(text) and not reopen:
        return aliases.get("__won__")
    if LOST_RE.search(text) and not reopen:
        return aliases.get("__lost__")
    if reopen:
        text = text[reopen.start():]  # "reopen the deal we lost, in Qualified": the stage after the verb
    if not STAGE_VERB_RE.search(text):
        return None
    m = _alias_patterns(tuple(aliases))[0].search(text)
    if m and m.group("stage").lower() in _DOCUMENT_ALIASES \
            and not re.match(r"(?:to|into|in|at|stage)\b", m.group(0), re.I):
        return None  # "he's waiting on the proposal": the document, not the stage ("move it to proposal")
    if m:
        return aliases[m.group("stage").lower()]
    # a misheard stage name ending the clause: "Globex is out in the Dothian Nation", "our Indochiation"
    m = re.search(r"\b(?:to|into|in|the|our|is|as|at|stage)\s+(?P<w>[A-Za-z-]{3,}(?:\s[A-Za-z-]{3,})?)\W*$", text, re.I)
    if not m:
        return None
    return fuzzy_stage(m.group("w"), aliases) or (fuzzy_stage(m.group("w").split()[-1], aliases)
                                                  if " " in m.group("w") else None)


_MOVE_START_RE = re.compile(r"^\W*(?:please\s+)?(?:move|push|advance|bump|progress|shift|put|drag)\b", re.I)


def trailing_stage(sentence: str, aliases: dict[str, str]) -> str | None:
    """The stage a "move" sentence ends with when the transcript lost the "to" or split it off with
    a comma ("Move the TechCorp deal, proposal sent." / "Move Acme and Globex, to negotiation.")."""
    if not _MOVE_START_RE.search(sentence) or re.search(r"\b(?:marketing|sales)[- ]qualified\b|\b(?:mql|sql)s?\b",
                                                      sentence, re.I):
        return None
    alt = "|".join(re.escape(p) for p in aliases if not p.startswith("__"))
    if not alt:
        return None
    m = re.search(rf"[\s,]\s*(?:to\s+|into\s+)?(?:the\s+)?(?P<stage>{alt})(?:\s+stage)?\W*$", sentence, re.I)
    if m:
        return aliases[m.group("stage").lower()]
    m = re.search(r"\b(?:to|into)\s+(?:the\s+)?(?P<w>[A-Za-z]+(?:\s[A-Za-z]+)?)\W*$", sentence)
    if m:
        return fuzzy_stage(m.group("w"), aliases)
    # "Move TechCorp, Tundegotiation." - the "to" glued onto the stage's first syllable
    m = re.search(r"[\s,]\s*t[aeiou]?(?P<w>[A-Za-z]{6,})\W*$", sentence, re.I)
    return fuzzy_stage(m.group("w"), aliases) if m else None


def fuzzy_stage(words: str, aliases: dict[str, str]) -> str | None:
    """The stage that ``words`` is a mis-transcription of ("Nodotionation" -> Negotiation,
    "proposal cent" -> Proposal Sent): rapidfuzz ratio >= 72 against the stage phrases, words of 6+
    letters only (short words are too often ordinary words)."""
    low = words.lower().strip().replace("-", " ")
    low = re.sub(r"\s+stage$", "", low)  # "the purple stage": the word "stage" matches every "X stage" alias
    if len(low.replace(" ", "")) < 6 or re.search(r"\b(?:year|years|month|months|week|weeks|quarter|day|days)\b", low):
        return None  # ("try again in the new year": a time, never "new lead")
    phrases = [q for q in (re.sub(r"\s+stage$", "", p) for p in aliases if not p.startswith("__") and not p.startswith("contract"))
               if len(q) >= 6]  # ("contract stage" is said as it is; "contracting" is no stage)
    aliases = {**aliases, **{re.sub(r"\s+stage$", "", p): v for p, v in aliases.items() if not p.startswith("__")}}
    best = process.extractOne(low, phrases, scorer=fuzz.ratio, score_cutoff=72.0)
    if best is None and " " in low:  # "Nodotion Nation": the recogniser split one word in two
        best = process.extractOne(low.replace(" ", ""), phrases, scorer=fuzz.ratio, score_cutoff=72.0)
    if best is None and len(low) >= 8:
        # the ending survives best ("Dothian Nation", "Indochiation" -> Negotiation): a looser
        # cutoff when the last four letters agree
        joined = low.replace(" ", "")
        near = process.extract(joined, phrases, scorer=fuzz.ratio, score_cutoff=64.0, limit=2)
        near = [n for n in near if n[0].replace(" ", "")[-4:] == joined[-4:]]
        best = near[0] if len(near) == 1 else None
    return aliases[best[0]] if best else None


def stage_mention(text: str, aliases: dict[str, str]) -> str | None:
    """Any stage named in ``text`` (no move verb needed), for search filters."""
    m = _alias_patterns(tuple(aliases))[1].search(text)
    if m:
        return aliases[m.group("stage").lower()]
    # one word of a two-word stage misheard ("in ammo scheduled" -> Demo Scheduled): the other must be exact
    for phrase, label in aliases.items():
        words = phrase.split()
        if phrase.startswith("__") or len(words) != 2 or len(words[1]) < 4:
            continue
        for m in re.finditer(rf"\b(?P<w>[A-Za-z]+)\s+{re.escape(words[1])}\b", text, re.I):
            if fuzz.ratio(f"{m.group('w').lower()} {words[1]}", phrase) >= 80.0:
                return label
    return None


@lru_cache(maxsize=16)
def _alias_patterns(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(after a move word, anywhere) patterns for the stage phrases, longest first."""
    alt = "|".join(re.escape(p) for p in phrases if not p.startswith("__")) or r"(?!x)x"  # no stages: never
    moved = re.compile(rf"\b(?:to|into|in|at|as|on|stage|the|is|'s|'re|are)\s+(?:now\s+)?(?:the\s+)?(?P<stage>{alt})\b"
                       rf"(?!\s+(?:call|meeting|with(?!\s+(?:a|an|the)\s+(?:new\s+)?(?:close|closing|amount|value|next step)\b)))", re.I)
    return moved, re.compile(rf"\b(?P<stage>{alt})(?:s(?=\s+(?:we|that|out|in|sent|still|pending|outstanding)\b))?\b", re.I)


def stage_aliases(labels: list[str], won: str | None, lost: str | None) -> dict[str, str]:
    """Phrases that name each stage ("negotiation", "negotiating", "proposal", "closed won" ...)."""
    out: dict[str, str] = {}
    extra = {"negotiation": ["negotiating", "negotiations", "contract negotiation", "contract stage", "contracts stage"],
             "proposal sent": ["proposal", "proposal stage", "sent proposal"],
             "demo scheduled": ["demo", "demo stage"], "qualified": ["qualification", "qualifying"],
             "lead": ["lead stage", "new lead"]}
    for label in sorted(labels, key=len, reverse=True):
        low = label.lower()
        out[low] = label
        for alias in extra.get(low, []):
            out.setdefault(alias, label)
    if won:
        out["__won__"] = won
        out.setdefault("won", won)
    if lost:
        out["__lost__"] = lost
        out.setdefault("lost", lost)
    return dict(sorted(out.items(), key=lambda kv: -len(kv[0])))
