"""The offline planner's sentence patterns and the pure text helpers built on them.

Regular expressions for the constructions the offline planner reads (assignments, lifecycle stages,
titles, corrections, phone numbers, deletes, relative dates ...) and the functions that rewrite or
read an utterance with them (:func:`correct_self`, :func:`expand_gapping`, :func:`_one_phone_number`
...). They hold no state and never touch the workspace; :mod:`desktop.planner.offline` uses them.
"""

from __future__ import annotations

import math
import re
from typing import Any

from desktop.planner import _rules as R
from desktop.planner._vocab import STOPWORDS
from desktop.planner.parsing.numbers import (
    find_amounts,
    find_spoken_phone,
    join_short_hundreds,
    spoken_phone,
    words_to_digits,
)
from desktop.planner.parsing.terse import _HAS_VERB as _TERSE_HAS_VERB

_SQL = re.compile(r"(?:\b(?:delete\s+from|drop\s+table|insert\s+into|truncate\s+table|alter\s+table|select\s+\*?\s*"
                  r"(?:\w+\s*,\s*)*\w*\s*from)\b|\bunion\s+select\b|;\s*--|\bwhere\s+1\s*=\s*1\b)", re.I)
_ID_REF = re.compile(r"\b(deal|contact|company)\s+#?(\d{1,12})\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
#: An assignment: "give/hand/assign/reassign ... to NAME", "NAME is taking over ...", "... owner to NAME".
_ASSIGN = re.compile(
    r"\b(?i:give|giving|hand|handing|assign|assigning|reassign|transfer|transferring|pass|passing)\b(?:\s+(?:(?:that|this)\s+(?i:deal|one|contact|account|company)|it|him|her|them|"
    r"this|that|(?i:all\s+)?the\s+[\w\s-]{1,40}?|(?i:all\s+of\s+)[\w\s'-]{1,40}?|(?i:my|our)\s+[\w\s'-]{1,40}?|"
    r"(?i:his|her|their|its)\s+(?i:deal|account|opportunity|opp|renewal|contract|business)|"
    r"(?i:both\s+)?(?:the\s+)?[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3}\s+(?i:and)\s+(?i:the\s+)?[\w\s-]{1,40}?|"
    r"[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3}(?:\s+(?:at|from)\s+[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3})?(?:\s+(?i:deal|account|contact|opp))?))?"
    r"(?:\s+(?:over|back))?\s+to\s+(?P<who>me|myself|(?i:him|her)|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
    r"|\b(?i:owner)\s+(?i:to|is)\s+(?P<who2>me|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
    r"|\b(?P<who3>[A-Z][a-z]+)(?:\s+is|'s)\s+(?:taking|going to take)(?:\s+(?i:it|that|this|them|this one|that one))?\s+over\b"
    r"(?!\s+(?i:his|her|their|the|my)\s+(?i:old\s+|former\s+)?(?i:job|role|position|seat|spot|title|responsibilities))"
    r"|\b(?i:make)\s+(?P<who4>me|(?i:him|her)|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?i:(?:the\s+|her\s+|his\s+|their\s+|its\s+)?owner)\b"
    r"|\b(?i:goes|go)\s+(?i:over\s+)?(?i:to)\s+(?P<who5>me|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b(?=.{0,20}$|\s+(?i:now|from now)|\s*,\s*(?i:and|with|plus)\b)"
    # "put Morgan on Blue Harbor", "let Jordan take the Initech deal": only with a workspace user's name
    r"|\b(?i:put|get)\s+(?P<who6>me|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?i:on)\s+(?!(?i:hold|ice|pause|notice|the calendar|board|a call|the phone)\b)"
    r"|\b(?i:let|have)\s+(?P<who7>me|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?i:take|handle|run|own)\s+(?i:over\s+)?(?=\S)"
    # "Move Dan Moreau and Carla Ortiz over to Sam": people or deals handed to a user
    r"|\b(?i:move|switch|shift)\b.{1,60}?\s(?i:over)\s+(?i:to)\s+(?P<who8>me|(?i:him|her)|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
    # "change the owner of the Cedar Group deal to Jordan", "make Jordan Paula Larsen's owner"
    r"|\b(?i:owner)\s+(?i:of|on|for)\s+.{1,50}?\s(?i:to|is)\s+(?P<who9>me|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
    r"|\b(?i:make)\s+(?P<who10>me|[A-Z][a-z]+)\s+(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?:'s|s')\s+(?i:owner)\b"
    # "Sam should own the Meadow Health deal", "add Morgan as the owner"
    r"|\b(?P<who11>[A-Z][a-z]+)(?:\s+(?i:should|will|is going to|can|gets to)\s+(?i:own|take over|handle)|(?i:'s|\s+is)\s+(?i:now\s+)?(?i:handling|"
    r"covering|taking care of|looking after|running|managing)|"
    # "Sam is now the CSM for Paula Larsen and Zoe Vogel": a user named as the records' account owner
    r"(?i:'s|\s+is)\s+(?i:now\s+)?(?i:the\s+)?(?i:new\s+)?(?:CSM|AE|(?i:account (?:manager|owner|exec(?:utive)?)|owner|rep|point person))"
    r"\s+(?i:for|on))\b"
    r"|\b(?i:put|move)\s+(?i:it|that|them|this one)\s+(?i:under)\s+(?P<who13>me|[A-Z][a-z]+)\b"
    r"|\b(?P<who15>[A-Z][a-z]+)(?:\s+is|'s)\s+(?i:taking|getting|picking up)\s+(?i:over\s+)?(?i:the\s+)?(?=[A-Z])"
    r"|\b(?P<who14>I)(?i:'m| am|'ll| will|'m going to)\s+(?i:taking over|take over|take)\b(?=.*\b(?i:myself|me|deal|account)\b)"
    r"|\b(?i:add|set|put|make)\s+(?P<who12>me|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?i:down\s+)?(?i:as)\s+(?i:the\s+|his\s+|her\s+|their\s+|its\s+)?(?i:owner)\b"
    # "and Sam owns her from here on": a user who owns the record just named
    r"|\b(?P<who20>[A-Z][a-z]+)\s+(?i:owns|will own|takes|gets)\s+(?i:her|him|them|it|that one|this one|the\s+(?:[A-Z][\w&]*\s+){1,3}(?i:deal|account))\b"
    # "Harbor Health deal, Jordan's now": the record, then whose it is now
    r"|(?i:deal|account)\s*,\s*(?P<who21>[A-Z][a-z]+)(?:'s|\s+owns\s+it)\s+(?i:now)\b"
    # "Switch the Blue Harbor deal from me to Sam", "put it back on me", "put Jamie in charge of the Pinecrest deal"
    r"|\b(?i:switch|move|change|flip)\b.{1,60}?\s(?i:from)\s+(?:me|[A-Z][a-z]+)\s+(?i:to)\s+(?P<who17>me|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
    r"|\b(?i:put|move)\s+(?i:it|that|them)\s+(?i:back\s+)?(?i:on|under|with)\s+(?P<who18>me)\b"
    r"|\b(?i:put|leave)\s+(?P<who19>me|[A-Z][a-z]+)\s+(?i:in charge of)\b"
    # "give Morgan all the Delta Works contacts": only with a workspace user's name
    r"|\b(?i:give|hand|pass)\s+(?P<who16>me|(?i:him|her)|[A-Z][a-z]+)\s+(?i:all|every one of|each of|the|my|our)\b"
    # "Jordan is the account manager for Theo Walsh now", "Morgan's going to run Granite Labs from here on",
    # "Ben Jensen is Sam's contact now", "Morgan takes the Cedar Group deal": a workspace user given the record
    r"|\b(?P<who22>[A-Z][a-z]+)\s+(?:is|'s|will be)\s+(?i:now\s+)?(?i:the\s+)?(?i:account manager|account owner|owner|rep|point person|"
    r"account lead)\s+(?i:for|on|of)\s+(?=[A-Z])"
    r"|\b(?P<who23>[A-Z][a-z]+)(?:'s|\s+is)\s+(?i:going to|gonna|about to)\s+(?i:run|own|handle|take over|look after)\s+(?=[A-Z])"
    r"|\b(?i:is|are)\s+(?P<who24>[A-Z][a-z]+)'s\s+(?i:contact|account|client|deal|customer)s?\s+(?i:now|from now on)\b"
    r"|\b(?P<who25>[A-Z][a-z]+)\s+(?i:takes|gets|will take|will get)\s+(?i:the\s+)?(?=[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3}(?:\s+(?i:deal|account))?\b)")
_LIFECYCLE_WORDS = (("marketing qualified", "marketingqualifiedlead"), ("mql", "marketingqualifiedlead"),
                    ("sales qualified", "salesqualifiedlead"), ("sql", "salesqualifiedlead"),
                    ("evangelist", "evangelist"), ("customer", "customer"), ("opportunity", "opportunity"),
                    ("subscriber", "subscriber"), ("lead", "lead"), ("opp", "opportunity"), ("cust", "customer"))
_LIFECYCLE_CUE = re.compile(r"\blifecycle\b|(?:\b(?:is|are|now|as|(?<!\breferred )(?<!\breferred us )(?<!\bintroduced us )(?<!\bspoke )(?<!\btalked )(?<!\bsent )(?<!\bsold )(?<!\bintroduced )(?<!\bwrote )(?<!\breached out )(?<!\bpresented )(?<!\bpitched )to|became|become|has become|"
                            r"(?:should|will|must)\s+(?:(?:probably|definitely|really|now|surely)\s+)?be|"
                            r"mark(?:ed)?(?:\s+(?:him|her|them)(?:\s+as)?)?|"
                            r"make (?:him|her|them|it))|(?<=\bshe)'s|(?<=\bhe)'s)\s+"
                            r"(?:(?:now|officially|finally|already|formally|properly|fully|really|basically|practically|only|just|still|merely|"
                            r"pretty much|effectively|definitely)\s+)?(?:a|an)?\s*"
                            r"(?:(?:proper|real|true|full|fully|genuine|official|paying|solid)\s+)?"
                            r"(?:marketing qualified|sales qualified|mqls?|sqls?|evangelists?|customers?|subscribers?)\b"
                            # "Felix and Leo are both opportunities now": people, said in the plural
                            r"|\b(?:are|'re)\s+(?:now\s+)?(?:both|all)\s+(?:now\s+)?(?:opportunities|customers|evangelists|"
                            r"subscribers|leads|mqls|sqls)\b"
                            # "Felix Hughes is an opportunity now", "move Leo Rossi to opportunity", "make Eva Young a customer"
                            r"|\b(?:is|'s)\s+(?:now\s+)?an\s+opportunity\s+now\b|\bto\s+(?:an?\s+)?opportunity\s*(?:stage)?\W*$"
                            r"|\b(?:should|will|must|could)\s+(?:(?:probably|definitely|really|now)\s+)?be\s+an\s+opportunity\b"
                            r"|\bmake\s+(?:(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:\s+(?:at|from)\s+(?-i:[A-Z])[\w&]*(?:\s+(?-i:[A-Z])[\w&]*){0,2})?"
                            r"|him|her|them)\s+(?:a|an)\s+(?:customer|evangelist|subscriber|opportunity|lead|mql|sql|"
                            r"marketing qualified lead|sales qualified lead)\b"
                            r"|\bmark(?:ed)?\s+(?:(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)|him|her|them)\s+as\s+(?:an?\s+)?(?:opportunit(?:y|ies)|leads?)\b",
                            re.I)
#: "change Uma's last name to Tanaka-Reid", "Leo actually goes by Leonard", "change Theo's company to Granite Health".
_NAME_CHANGES = (
    ("last_name", re.compile(r"\b(?:last name|surname|family name)\s+(?:to|is(?: now| actually| really)?|should be|should read)\s+(?P<v>[A-Z][\w'-]+)")),
    ("first_name", re.compile(r"\b(?:first name\s+(?:to|is(?: now)?|should be)|goes by|prefers)\s+(?P<v>[A-Z][\w'-]+)")),
    ("company", re.compile(r"\b(?i:company)\s+(?:to|is now|should be)\s+(?P<v>[A-Z][\w&]*(?:\s+[A-Z][\w&]*)*)")),
)
_SPOKEN_EMAIL = re.compile(r"\b(?P<user>[a-z][\w]*(?:(?:\.\s?| dot )[a-z]\w*)*)\s+at\s+"
                           r"(?P<host>[a-z][\w-]*(?:(?:\.| dot )[a-z][\w-]*)+)\b", re.I)
_TITLE_NOW = re.compile(r"\b(?:title (?:changed |is now |is |to )|(?:he|she|they)(?:'s| is| are) (?:now )?(?:the |their |our )?"
                        r"(?=[A-Z])|promoted to (?:the )?|(?:moving|moved|stepping|stepped|bumped|going) up (?:to|as) (?:the )?|"
                        r"is (?:now )?(?:the )?(?=(?:CEO|CTO|CFO|COO|CMO|CRO|VP|Head|Director)\b)"
                        # "David Kim is the new CFO at Acme", "Linda Okafor is their new Head of IT"
                        r"|(?:is|'s) (?:the|their|our) new (?=[A-Z])"
                        # "moving into a new role, Head of Partnerships", "new title: VP Sales"
                        r"|\bnew (?:role|title|position|job)(?: as)?\s*[,:\-]?\s+(?=[A-Z]))"
                        r"(?:to\s+)?(?P<title>(?:[A-Z][\w&-]*|of|and)(?:\s+(?:[A-Z][\w&-]*|of|and))*)")
_DEAD = re.compile(r"\b(?:is|as|it'?s|went|gone)\s+(?:now\s+)?dead\b|\bmark\b.{0,30}\bdead\b|\bisn'?t renewing\b|"
                   r"\bkill(?:ed)?\s+(?:the\s+|that\s+|this\s+)?(?:[\w&'-]+\s+){0,3}(?:deal|opportunity|opp)\b|"
                   r"\bnot renewing\b|\bwon'?t renew\b|\bchurned\b", re.I)  # ("is churning": at risk, not lost yet)
_LOST_BECAUSE = re.compile(r"\b(?:because(?: of)?|since|due to|they said|said|they decided to|decided to|"
                           r"they went with|went with|they chose|chose|came down to|the reason (?:is|was)|"
                           r"they had\b|lost on\b|(?:lost\s+)?reason\s*(?::|-|\u2013|being))\s*(?P<why>[^.;]{4,120})"
                           r"|\blost\b.{1,60}?\b(?:on|over)\s+(?P<why3>price|pricing|cost|budget|timing|features|integrations?|support)\b"
                           # "they wanted a cheaper tier, put that down as the reason": the clause before
                           r"|(?:^|[,.;]\s*)(?P<why2>[^,.;]{4,120}?),\s*(?:so\s+)?(?:put|mark|log|add|set)\s+(?:that|this|it)\s+"
                           r"(?:down\s+)?as\s+the\s+(?:lost\s+)?reason\b", re.I)
_IMPERATIVE = re.compile(r"^\W*(?:(?:please|ok|okay|so|and|also|then|can you|could you|let's|lets)\s+)*"
                         r"(?:delete|remove|push|put|set|change|update|book|schedule|create|open|assign|give|hand|"
                         r"move|mark|add|make|bump|drop|cut|reassign|send|email|draft|write)\b"
                         r"|\b(?:let's|lets|please)\s+\w+|,\s*(?:so\s+)?(?:update|push|move|mark|set|change)\b", re.I)
_SLIP = re.compile(r"\b(?:push(?:ed)?|slip(?:s|ped|ping)?|mov(?:e|ed|ing)|bump(?:ed)?|pull(?:ed)?\s+in|delay(?:ed)?)\b", re.I)
_NEGATIVE = re.compile(r"\b(?:negative|(?<=to )minus|(?<!\bit )(?<!\bthat )minus(?!\s+(?:\$\s?)?(?:\d|\w+)\s*(?:k|grand|thousand|percent|%)?\s+off\b))"
                       r"\s+(?:\$\s?)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
                       r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)|(?<![\w-])-\s?\$?\d", re.I)
#: Two figures said with the speaker unsure between them: "fifty grand, or maybe forty, I honestly don't know yet".
_UNSURE_AMOUNT = re.compile(r"\b(?:or maybe|or perhaps|or possibly|maybe even|either\s+\$?\d[\d,.]*\s*(?:k|grand|thousand)?\s+or|no(?: wait)?,\s+(?:\$?\d+(?:\.\d+)?(?:\s*(?:k|grand|thousand))?(?!\w)|one|two|three|four|five|six|"
                            r"seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred))\b"
                            r"(?=[^;]{0,80}?\b(?:don'?t know(?!\s+(?:if|whether|why|when|how|what|who)\b)|do not know|not sure(?!\s+(?:if|whether)\b)|no idea|"
                            r"can'?t decide|haven'?t decided|undecided|who knows|can'?t remember|don'?t remember|can'?t recall|"
                            r"not certain)\b(?![^;]{0,60}?\b(?:let'?s say|let'?s go with|call it|make it|"
                            r"go with)\b))", re.I)
#: A scale word with no number said before it: "Starter Plan, aging thousand" (a figure misheard): asked, never 1,000.
_BARE_SCALE = re.compile(r"(?<![\d$])(?<!\ba )(?<!\bone )(?<!\bper )(?<!\bthe )(?<!\bof )(?<!\bfew )(?<!\bseveral )(?<!\bhundred )"
                         r"(?<!\bmany )(?<!\bthousand )(?P<junk>\b(?!(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                         r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and|point|half|quarter|k)\b)[a-z]+)\s+thousand\b", re.I)
#: A word that is no number inside a spoken amount: "twelve blorp thousand" (asked, never guessed).
_GARBLED_AMOUNT = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|"
                             r"sixty|seventy|eighty|ninety|hundred)\s+(?P<junk>[a-z]+)\s+(?:thousand|grand|k|hundred|million)\b", re.I)
_NUMBER_FILLERS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred and point a""".split())
#: An amount said only roughly: "thirty something", "forty-ish", "sixty odd" (asked, never guessed).
_VAGUE_AMOUNT = re.compile(r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|\d0)(?:[- ]|\.{2,}\s*|\u2026\s*)?"
                           r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:something|ish|odd)\b", re.I)
#: Numbers that cannot be an amount as written: powers ("10^1000", "2**10"), exponent notation
#: ("1e309", "1.5e6") and digit runs of 13+ digits (over a trillion): asked about, never guessed.
_UNREADABLE_AMOUNT = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s?(?:\^|\*\*)\s?-?\d+|(?<![\w.])\d+(?:\.\d+)?e[+-]?\d+\b|(?<![\d,.])\d{13,}"
                                # "Set the Acme amount to, O-20K" ("minus twenty k" misheard): a letter fused to the figure
                                r"|(?<![\w.-])[a-z]-\d+(?:\.\d+)?\s?(?:k|grand|thousand)\b", re.I)


_CORRECTION = re.compile(
    r"(?P<old>(?:[^,.;:]|\.(?=[a-z])|(?<=\d)\.(?=\d))+?)\s*,\s*(?:actually,?\s*no\s*,?|wait,?\s*(?:no|sorry)\s*,?(?:\s*(?:sorry|no)\s*,?)?|no,?\s*(?:wait|sorry|actually)\s*,?(?:\s*sorry\s*,?)?|sorry\s*,?\s*no\s*,?|sorry\s*,?\s*(?:i mean|i meant)?\s*,?|"
    r"i mean\s*,?|i meant\s*,?|no,?\s*scratch that\s*,?|scratch that\s*,?|actually\s*,|actually\s+(?=make (?:it|that)\b)|"
    r"(?=make that\s+(?:\$?\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"a hundred|half|quarter|mon|tues|wednes|thurs|fri))|no\s*,|wait\s*,(?=\s*make\s+(?:it|that)\b)|wait\s*,(?=\s*(?:\w+\s+)?(?:\$?\d|one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)))"
    r"\s*(?:(?:make (?:it|that)|the (?:total|amount) is|it'?s|its|to|(?:he|she|they)\s+(?:said|says|wants|prefers)|"
    r"let'?s (?:do|say))\b)?\s*"
    r"(?P<new>(?:[^,.;:]|\.(?=\d))+)", re.I)
_MONTH_NAME = (r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
               r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
_ORDINAL_DAY = (r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
                r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]\w+|thirtieth|"
                r"thirty[- ]first")
_SCALE_WORD = re.compile(r"\b(?:k|thousand|grand|million|m)\b", re.I)
_HAS_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                         r"forty|fifty|sixty|seventy|eighty|ninety|hundred)\b", re.I)


_SELF_CORRECTION = re.compile(r"^\W*(?:wait|actually|sorry|no|scratch that|i mean)\b|\b(?:instead|rather)\b", re.I)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"


#: A speaker taking back what they just said: "Move it to demo scheduled. Wait, no, put it in
#: proposal sent", "Call Tom tomorrow. Scratch that, email him instead". After a sentence end, or
#: after a comma when a command follows (a bare value after a comma is :func:`correct_self`'s).
_RESTART = re.compile(
    r"(?:(?<=[.!?])|(?<=[,;]))\s+(?P<m>(?:wait|hold on|hang on),?\s+(?:no|sorry)\b|no,?\s+(?:wait|sorry)\b|(?<=[.!?]\s)no,?\s+actually\b|(?<=\?\s)no\b(?=,?\s+(?:she|he|they|it|that)(?:'s|\s+is|\s+are|'re)\b)|actually,?\s+no\b|"
    r"(?:(?:no|actually|oh|ok|okay|um|uh),?\s+)?(?:scratch|strike|forget) that\b|sorry,?\s+(?:i mean|i meant)\b|correction\b|"
    r"(?:(?:actually|oh|ok|okay|um|uh),?\s+)?never ?mind( that)?\b|"
    # "Add Quartz Health as a company, oh wait, it's already in there, so just add a contact ...": what was asked is done
    r"(?:oh,?\s+)?wait,?\s+(?:it'?s|they'?re|that'?s|she'?s|he'?s)\s+already\s+(?:in\s+there|there|in\s+(?:the\s+)?(?:crm|system))"
    r"(?:,?\s+(?:so|then))?(?:,?\s+just)?\b)[,.:!]*\s*", re.I)
_COMMAND_START = re.compile(r"^\W*(?:(?:\w+\W+){0,8}?)(?:delete|remove|push|put|set|change|update|book|schedule|create|"
                            r"open|assign|give|hand|move|mark|add|make|bump|drop|cut|send|email|draft|write|log|call|"
                            r"remind|follow up)\b", re.I)


#: After a number: what it counts ("3 times", "40 seats", "2 people"), so it is no amount.
_COUNTED = re.compile(r"(?:\s*|-)(?!(?:dollars|bucks|grand|thousands|k|usd|euros|pounds)\b)(?:[a-z]+s|people|time|person|"
                      r"seat|user|licen[cs]e|day|week|month|year|hour|minute|employee|rep|call|email|meeting)\b", re.I)
#: Somebody unnamed at a named company: "someone from Hooli", "a guy at Pied Piper".
#: "Hannah Lee's title", "Tom Baker's email": a named person's field.
_WHOSE_FIELD = re.compile(r"\b(?-i:([A-Z][a-z]{2,}))\s+(?-i:([A-Z][a-z]{2,}))'s\s+(?:new\s+)?(?:job\s+)?(?:title|e-?mail|phone|number|"
                          r"mobile|cell|role|owner|lifecycle|address|position|company)\b", re.I)
_SOMEONE_AT = re.compile(r"\b(?:someone|somebody|anyone|a guy|a woman|a person|their team|the team|the folks|the people|the guys|"
                         r"the crew|the gang|the team|folks|people)\s+(?:from|at|over at)\s+"
                         r"(?P<co>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})")
#: A command to change a field ("set the Onyx amount to ...") whose value was not understood.
_FIELD_WITHOUT_VALUE = re.compile(r"^\W*(?:(?:please|ok|okay|so|can you|could you)\s+)*(?:set|change|update|make|put|bump|"
                                  r"adjust|fix)\b.{0,50}?\b(?P<f>stage|amount|close date|next step|competitor|owner|value|"
                                  r"title|email|phone(?: number)?)\b", re.I)
#: "Add their CEO too, Hannah Ross": a person at the company being created.
_THEIR_PERSON = re.compile(r"\b(?i:add|create)\s+(?i:their|the)\s+(?P<title>[A-Za-z][A-Za-z ]{1,30}?)(?:\s+(?i:too|also|as well))?\s*,\s*"
                           r"(?P<first>[A-Z][a-z]+)\s+(?P<last>[A-Z][\w'-]+)"
                           # "and add their practice lead Ruth Amsel as a contact there"
                           r"|\b(?i:add|create)\s+(?i:their|the)\s+(?P<title2>[a-z][a-z ]{1,30}?)\s+(?P<first2>[A-Z][a-z]+)\s+"
                           r"(?P<last2>[A-Z][\w'-]+)\s+(?i:as\s+a\s+(?:new\s+)?contact)"
                           # "and a contact there, Amy Cole, she's the practice manager"
                           r"|(?i:\band\s+(?:add\s+)?(?:a|one)\s+(?:new\s+)?contact\s+(?:there|at it|with them))\s*,?\s*"
                           r"(?P<first3>[A-Z][a-z]+)\s+(?P<last3>[A-Z][\w'-]+)(?:\s*,\s*(?i:(?:she|he)(?:'s| is)\s+(?:the|their|our|a|an)\s+)"
                           r"(?P<title3>[a-z][a-z ]{1,30}?)(?=\s*(?:[,.;]|$)))?"
                           # "Add a company called Halyard Robotics, ..., and their founder Inez Carrow, inez at ..."
                           r"|(?i:,?\s*\band\s+(?:add\s+)?(?:their|the)\s+)(?P<title4>(?i:founder|co-?founder|owner|ceo|cto|cfo|coo|cmo|"
                           r"(?:head|vp|director)\s+of\s+\w+|[a-z]+\s+(?:manager|director|lead)))\s*,?\s+"
                           r"(?P<first4>[A-Z][a-z]+)\s+(?P<last4>[A-Z][\w'-]+)"
                           # "New logo, Brightwater Foods, ... Their COO is Marcus Hale, marcus@...": the new company's person
                           r"|(?:^|(?<=[.;]\s))(?i:their)\s+(?P<title5>(?i:[a-z][a-z ]{1,30}?|[A-Z]{2,4}))\s+(?i:is)\s+"
                           r"(?P<first5>[A-Z][a-z]+)\s+(?P<last5>[A-Z][\w'-]+)")
#: "push the close date out two weeks", "pull it in by 10 days": a shift of the date a deal has.
_SHIFT = re.compile(r"\b(?:push|move|slip|bump|shift|pull|bring)\w*\b.{0,40}?(?:\b(?P<dir>out|back|up|in|forward)\s+|"
                    # "push it two weeks", "slip the close date a week": out, when no direction is said
                    r"(?<=\s)(?=(?:by\s+)?(?:another\s+)?(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a couple of)"
                    r"\s+(?:days?|weeks?|months?)\b)(?<!\bin\s))(?:by\s+)?"
                    r"(?:another\s+|a further\s+)?(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                    r"a couple of|couple of)\s+(?P<u>days?|weeks?|months?)\b", re.I)
_SHIFT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "a couple of": 2, "couple of": 2}
#: "all the Harbor Health contacts", "everyone at Acme": every contact of one company.
_PERCENT_DOWN = frozenset({"discount", "reduction", "cut", "decrease"})
_PERCENT_CHANGE = re.compile(r"\b(?:an?\s+)?(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|"
                             r"twenty[- ]five|thirty|forty|fifty)\s*(?:%|percent\b|per cent\b)\s*(?:(?!(?:on|off|for|to|by)\b)[a-z-]+\s+){0,2}?"
                             r"(?P<dir>discount|reduction|cut|decrease|uplift|increase|mark-?up)\b", re.I)
_PERCENT_CHANGE_ASKED = re.compile(r"\b(?:give|giving|offer|apply|drop|update|adjust|reflect|accordingly|agreed|take|knock|reduce|"
                                   r"lower|raise|bump|set|change|approve[ds]?)\b", re.I)
_PERCENT_CHANGE_REFUSED = re.compile(r"\b(?:said no|declined|rejected|refused|won'?t|no way|not going to)\b", re.I)
#: The lost reason said as the field: "lost reason on Upland Media: they went in-house", "set the lost
#: reason to pricing", "Upland Media lost reason - budget cut".
_LOST_REASON_FIELD = re.compile(r"\blost reason\b(?:\s+(?:on|for|of)\s+(?:the\s+)?[\w&' -]{1,50}?)?\s*(?:(?:to|is|was|as)\b|[:\-\u2013])\s*"
                                r"(?P<why>[^.;]+)"
                                # 'with the reason "no response after pilot"', "the reason was, they wanted a bigger studio"
                                r"|\b(?:with\s+)?(?:the|a)\s+reason(?:\s+(?:was|is|being|of))?\s*[:,]?\s*[\"\u201c]?(?P<why2>[^\"\u201d.;]+)", re.I)
_ALL_CONTACTS_OF = re.compile(r"\b(?:all|every one of)\s+(?:the\s+|of\s+the\s+|of\s+)?(?:[A-Z][\w&-]*\s+){0,3}[A-Z][\w&-]*(?:'s)?\s+(?:contacts|people)\b"
                              r"|\b(?:everyone|everybody|all (?:the )?(?:contacts|people)|every (?:contact|person|one)(?: we have)?)\s+"
                              r"(?:(?:we have|we've got)\s+)?(?:at|from)\s+(?:[A-Z][\w&-]*\s*){1,4}")
#: "Can you set up a call with Tom on Thursday?": a request worded as a question is a command.
_POLITE_COMMAND = re.compile(r"(?:^|[,;.]\s*(?:(?:and|so|but|then|also)\s+)?)\W*(?:(?:hey|ok|okay|so)\W+)*(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:set up|book|schedule|"
                             r"create|add|move|push|update|change|log|draft|write|send|email|mark|remind|assign|give|"
                             r"delete|remove|put|make|close|bump|open|switch|set|flip|reassign|note|jot)\b", re.I)
_NUMBER_WORD = re.compile(r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|"
                          r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|grand|half|quarter|a|an)", re.I)
#: Lower-case words that stay lower case after "to"/"for" in a typed instruction (stages, periods, values).
_LOWER_WORDS = frozenset("""lead qualified negotiation proposal demo closed won lost monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november december today tomorrow
tonight next this end close it him her them me us everyone everybody opportunity customer subscriber evangelist
sales marketing discovery pilot renewal expansion jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed
thu thur thurs fri sat sun mql mqls sql sqls opp opps check call ask send follow chase ping email review see touch schedule
book discuss talk meet confirm remind make update move set push sign circle loop nudge prep prepare share go reach""".split())
#: ", and book a meeting ...", ", and remind me ...": where a create ends and the next command starts.
#: A person added at the company just created: "and add Jamie Ford there as a contact too", "add her as a contact there".
_THERE_PERSON = re.compile(r"\b(?i:add|create|put)\s+(?:(?P<first>[A-Z][a-z]+)\s+(?P<last>[A-Z][\w'-]+)|(?i:her|him))\s+"
                           r"(?i:(?:there|with them)\s+as\s+(?:a\s+|an\s+)?(?:new\s+)?contact|as\s+(?:a\s+|an\s+)?(?:new\s+)?contact"
                           r"\s+(?:there|at (?:it|them)|with them|too|as well)"
                           # "..., and add Lucy Hart there as Practice Director", "add Lucy Hart as their Practice Director"
                           r"|(?:there|at (?:it|them))(?=\s*(?:[,.;]|$|\s+as\b))|as\s+(?i:their|its)\s+(?=[A-Z]))")


def _named_before(text: str, company: str) -> tuple[str, str] | None:
    """The person named in ``text`` (a first and last name, not the company's words) that "her"/"him"
    refers to: the last one said, or None."""
    found = [(m.group(1), m.group(2)) for m in re.finditer(r"\b([A-Z][a-z]+)\s+([A-Z][\w'-]+)\b", text)
             if m.group(1).lower() not in STOPWORDS and m.group(1) not in company.split() and m.group(2) not in company.split()
             and m.group(1).lower() not in ("add", "create", "new", "just", "got", "okay", "so")]
    return found[-1] if found else None


#: Where a command after a delete starts: ", and delete the Nina Patel contact too", ". Mark Sofia do not contact".
_DELETE_AND_NEXT = re.compile(r"(?:,?\s+and\s+(?:then\s+|also\s+)?|(?<=[.!;])\s+(?:(?:and|also|then|plus|oh)\W+)*)"
                              r"(?=(?:delete|remove|get rid of|set|add|create|log|book|schedule|"
                              r"send|draft|email|remind|move|push|mark|update|change|give|assign)\b)", re.I)
#: "Move Vertex to verbal commit", "push Acme into contracting": a record moved to a named place (a stage
#: when it is one; asked about when the pipeline has no such stage).
_MOVE_TO_UNKNOWN = re.compile(r"^\W*(?:(?:please|ok|okay|so|and)\s+)*(?:move|set|put|change|push|bump|drop|take|advance|progress)\s+"
                              r".{1,60}?\s(?:to|into|in)\s+(?:the\s+)?(?P<v>[a-z][a-z -]{2,30}?)(?:\s+stage)?\W*$", re.I)
#: A value said vaguely and left for later: "twelve... something, I'll check", "thirty-ish, not sure".
_VAGUE_VALUE = re.compile(r"^\W*(?:(?:please|ok|okay|so)\s+)*(?:set|put|make|change|update|bump)\b.{1,60}?\bto\b.{0,30}?"
                          r"(?:\w+(?:\.{2,}\s*|\s+)something|\w+-?ish)\b.{0,40}$", re.I)
_AND_COMMAND = re.compile(r",?\s+and\s+(?:then\s+|also\s+)?(?=(?:book|schedule|set up|remind|log|add a (?:task|note)|create a task|"
                          r"set (?:me )?(?:a |an )?(?:task|reminder)|give me a (?:task|reminder)|"
                          r"draft|email|send|call|follow up)\b)", re.I)
#: The question asked when a task or meeting is for "her"/"him" and nobody is named or in view.
_WHO_FOR = "Who is this for? Name the contact, company or deal."
#: "make a task for it", "set a reminder for that": the task is the clause before.
_TASK_FOR_THAT = re.compile(r"^\W*(?:(?:and|so|please)\s+)*(?:make|create|add|set(?: up)?|put in)\s+(?:me\s+)?(?:a\s+|an\s+)?"
                            r"(?:task|reminder|to-?do)(?:\s+(?:for|about|on)\s+(?:it|that|this))?"
                            # ("..., so set a task for that against Quinn": on the person named)
                            r"(?:\s+(?:against|on|for|with)\s+(?-i:[A-Z])[a-z'-]+(?:\s+(?-i:[A-Z])[a-z'-]+)?)?\W*$", re.I)
#: "make that the next step": the clause before it is the deal's next step.
_THAT_NEXT_STEP = re.compile(r"\b(?:make|set|put|log|mark)\s+(?:that|this|it)\s+(?:down\s+)?(?:as\s+)?(?:the\s+)?next\s+step\b", re.I)
#: "a team of 12", "a group of 40": the number after is a head count, not money.
_COUNT_OF = re.compile(r"\b(?:team|group|party|class|cohort|staff|crew|fleet|office|offices|branch(?:es)?|location|"
                       r"locations|headcount)(?:\s+of)?(?:\s+(?:about|around|roughly))?\s*$", re.I)
#: Reopening a closed deal ("they came back, reopen it to Qualified"): its stage replaces the
#: closed one said before it ("the Tidal Media deal we lost").
_REOPEN = re.compile(r"\b(?:re-?open\w*|revive\w*|resurrect\w*|(?:put|move|bring)\s+(?:it|them)\s+back)\b", re.I)
_NAMED_STAGE = re.compile(r"\b(?:to|into|in|at)\s+(?:the\s+)?(?:(?P<a>[\w-]+(?:\s[\w-]+)?)\s+stage|stage\s+(?P<b>[\w-]+(?:\s[\w-]+)?))\W*$",
                          re.I)
_BOOK_IT = re.compile(r"^\W*(?:(?:and|so|please|can you|go ahead and|just|ok|okay)\s+)*(?:(?:book|schedule|re-?schedule|move|set up|pencil)\s+(?:it|that|one)(?:\s+in)?\b|"
                      r"(?:book|schedule|pencil)\s+(?:him|her|them)(?:\s+in)?\s+(?=for\b|on\b|at\b|tomorrow\b|next\b|(?:mon|tues|wednes|thurs|fri)day\b)|"
                      r"put\s+(?:it|that)\s+(?:in\s+)?(?=for\b|on\b|(?:in\s+)?(?:the|my|our)\s+calendar\b))", re.I)
_MEETING_NOUN = re.compile(r"\b(?:follow[- ]?up\s+)?(?:call|meeting|demo|chat|catch[- ]?up|sync|session|lunch|coffee|walkthrough|"
                           r"walk-through|review|workshop|kick-?off)\b", re.I)
_EMAIL_CHANGE = re.compile(r"(?:'s|\bhis|\bher|\btheir|\bthe)\s+(?:email|e-mail)(?:\s+address)?\s+(?:to|is now|is|should be|changed to)\s+(?P<said>.+)$", re.I)
_RELATIVE_DAY = re.compile(r"\s*\b(?:the\s+)?(?:day|morning|evening|night)\s+(?P<w>before|after)\b|\b(?:the\s+)?morning\s+(?P<w2>of)\b",
                           re.I)
#: "My calls for today", "who should I call today", "my call list": see ``_Build._call_list``.
_CALL_LIST = re.compile(r"\b(?:my calls?(?: list)?(?: for)? today|(?:who|which (?:deals|people|accounts)) should i "
                        r"(?:call|ring|phone|chase)(?: today)?|my call list|(?:calls?|call list) for today|"
                        r"who (?:do|should) i (?:need to )?call)\b", re.I)
#: A hot deal closes within this many days (and sits in one of the last two open stages).
HOT_DAYS = 14
#: A stalled deal has had no activity for this many days.
STALLED_DAYS = 14
#: "give it to Sam": a thing (the deal named before), not a person, changes owner
#: The customer chose a rival, said as done: "Harbor Health went with another studio, Brightwave",
#: "they picked Databricks over us", "Globex signed with Salesforce" (the deal is lost to that rival;
#: "we went with ...", "if they go with ..." and "they're leaning towards ..." are not).
_WENT_WITH = re.compile(
    r"\b(?P<subj>they|he|she|it|(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})\s+"
    r"(?:(?:finally|ultimately|just|already|actually|apparently|eventually|officially|now)\s+)?"
    r"(?:went|have gone|'ve gone|has gone|'s gone|decided to go|ended up going|chose|picked|selected|signed with|switched to|"
    r"hired|brought in|engaged|signed on with)\s+"
    r"(?:with\s+)?(?:,?\s*(?:um|uh)\s*,?\s*)?"
    r"(?:(?:another|a different|a cheaper|a bigger|a local|an?|some other)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:agency|vendor|provider|tool|platform|partner|studio|firm|competitor|option|solution|shop|company)\s*,?\s*"
    r"(?:(?:um|uh|called|named)\s*,?\s*)?)?"
    r"(?P<c>(?-i:[A-Z])(?:[\w&-]|\.(?=\w))*(?:\s(?-i:[A-Z])(?:[\w&-]|\.(?=\w))*)?)", re.I)
_WENT_WITH_HEDGE = re.compile(r"\b(?:if|unless|might|may|could|would|whether|considering|thinking|leaning|probably|likely|"
                              r"maybe|worried|afraid|in case|not|never|didn'?t|haven'?t|hasn'?t)\b", re.I)
_THING_OWNED = re.compile(r"\b(?:give|hand|assign|pass|move)\s+(?:it|that(?: one)?|this(?: one)?)\b|\b(?:get|put)\s+\w+\s+on\s+(?:it|that|this)\b", re.I)
_SOMEONES = re.compile(r"\b([A-Z][a-z]+)'s\s+(?:new\s+)?(boss|manager|colleague|assistant|CFO|CEO|CTO|COO|CIO|CMO|CRO|CISO|cfo|ceo|cto|coo|cio|"
                       r"cmo|cro|"
                       r"replacement|successor|deputy|lawyer|counsel|husband|wife|partner|intern)\b")
_NOT_MONEY_CHANGE = re.compile(r"\b(?:usage|traffic|engagement|adoption|activity|logins?|headcount|users|seats|nps|churn|"
                               r"open rate|click rate|conversion|signups?|team)\b[^,.;]{0,25}\b(?:up|down|grew|dropped|rose|"
                               r"fell|increased|decreased)\b", re.I)
_VALUE_REDO = re.compile(r"\W*(?:make (?:it|that)|set (?:it|that) to|change (?:it|that) to|"
                         # "goes up by eighteen hundred, no wait, by eighteen thousand": the value said again
                         r"(?:by|to)\s+(?:\$?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                         r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                         r"a hundred|half)\b))", re.I)


def _restart_at(text: str) -> re.Match[str] | None:
    """The last place where the speaker takes back what came before (see :data:`_RESTART`)."""
    last = None
    for m in _RESTART.finditer(text):
        before = text[:m.start()].rstrip()
        after = text[m.end():]
        if before.endswith((",", ";")) and (not _COMMAND_START.match(after) or _VALUE_REDO.match(after)):
            continue  # "to 50k, actually no, 55k": a value correction, done by correct_self
        last = m
    return last


_GAPPED = re.compile(
    r"(?P<head>\b(?P<verb>(?i:give|hand|assign|reassign|move|push|put|set|change|bump|mark))\b[^.;,]*?\s(?:to|in|into|as)\s"
    r"[^.;,]+?),?\s+and\s+(?P<obj>(?:[Tt]he\s+)?[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*)*)"
    r"(?P<one>\s+(?:one|won(?=\s+to\b)|deal|opportunity|account))?(?P<adv>\s+(?:back|over|down|up|out))?\s+(?P<prep>to|in|into|as)\s")
#: "Move Acme to proposal, Initech to negotiation": a second record and its stage after a comma, the verb left out.
_GAPPED_COMMA = re.compile(
    r"(?P<head>\b(?P<verb>(?i:move|push|put|set|bump|drop|give|hand|assign|reassign))\b[^.;,]*?\s(?:to|into)\s[^.;,]+?)"
    r",\s+(?!(?i:and)\b)(?P<obj>(?:[Tt]he\s+)?[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3})\s+(?P<prep>to|into)\s+"
    r"(?=(?i:lead|qualified|demo|proposal|negotiation|negotiating|closed|won|lost|contract)\b|(?-i:[A-Z]))")
#: "Acme goes to proposal sent": a record moved, said with "goes to".
_GOES_TO = re.compile(r"^(?P<pre>\W*(?:(?:so|ok|okay|and|also)\W+)*)(?P<obj>(?:[Tt]he\s+)?[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3})\s+"
                      r"(?:goes|moves|is\s+going|is\s+moving|jumps|drops|slides|heads)\s+(?:back\s+|straight\s+)?(?:to|into)\s")
#: "Book a creative review with Iris on Tuesday at 4pm, and another one with Wendy on Wednesday": the second
#: meeting said without its verb.
_GAPPED_MEETING = re.compile(
    r"(?P<head>\b(?P<verb>(?i:book|schedule|set up|arrange))\s+(?:a|an)\s+(?P<what>(?:[\w-]+\s+){0,2}?[\w-]+)\s+with\s[^;]*?)(?:,|\.(?=\s+and\b))?"
    r"[.,]?\s+and\s+(?:another|one more|a second)(?:\s+one)?\s+with\s", re.I)


def expand_gapping(text: str) -> str:
    """Repeat the verb a speaker left out: "Move Acme to negotiation and Globex to proposal sent"
    -> "... and move Globex to proposal sent"; "Give the Quartz deal to Jordan and the Kestrel one
    to Sam" -> "... and give the Kestrel deal to Sam". Only when a capitalised name follows "and"."""
    def fill(m: re.Match[str]) -> str:
        if not m.group("obj").split()[-1][:1].isupper():
            return m.group(0)
        one = " deal" if m.group("one") else ""
        return f"{m.group('head')} and {m.group('verb').lower()} {m.group('obj')}{one}{m.group('adv') or ''} {m.group('prep')} "
    text = _GAPPED_MEETING.sub(lambda m: f"{m.group('head')}, and {m.group('verb').lower()} a {m.group('what')} with ", text)
    if re.search(r",\s+(?:and\s+)?(?:[Tt]he\s+)?[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3}\s+(?:to|into)\s+(?i:lead|qualified|demo|proposal|"
                 r"negotiation|negotiating|closed|won|lost|contract)\b", text):
        # "Acme goes to proposal sent, Initech to negotiation": the first record's move said as "goes to"
        text = _GOES_TO.sub(lambda m: f"{m.group('pre')}move {m.group('obj')} to ", text, count=1)
    for _ in range(4):
        # "Move Acme to proposal, Initech to negotiation, and Vertex to closed won": each record after a comma gets the verb
        text, n = _GAPPED_COMMA.subn(lambda m: f"{m.group('head')}, and {m.group('verb').lower()} {m.group('obj')} {m.group('prep')} ",
                                     text, count=1)
        if not n:
            break
    return _GAPPED.sub(fill, text)


#: Where one command ends and the next begins: a sentence end, or ", and <command verb>".
_SEGMENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])|,?\s+and\s+(?:then\s+|also\s+)?(?=(?:set|add|create|log|book|schedule|send|"
                          r"draft|email|remind|follow|move|push|mark|update|change|give|assign)\b)|,\s+then\s+", re.I)
_CREATES = (R.CREATE_DEAL_RE, R.CREATE_CONTACT_RE, R.CREATE_COMPANY_RE)


#: A sentence's end between reported interactions ("... no answer. Second, I emailed ...", "...; then ...").
_ACTIVITY_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)")
#: An enumerator opening a reported interaction: "First, ...", "Second, ...", "Then ...", "After that, ...".
_ENUMERATOR = re.compile(r"\W*(?:(?:and|so|oh)\s+)?(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|then|next|after that|also|plus|"
                         r"and then|last(?:ly)?|finally)\b[\s,:]*", re.I)


#: "quartz partners deal to sam", "yusuf khan -> morgan": a record and a person, nothing else.
_BARE_HANDOVER = re.compile(r"^\W*(?P<rec>[\w'&. -]{3,50}?)\s+(?:->|\u2192|to)\s+(?P<who>[A-Za-z]+(?:\s+[A-Za-z]+)?)\W*$")
_TERSE_VERB = re.compile(r"\b(?:move|push|bump|set|change|update|send|email|call|log|book|remind|add|create|make|delete|assign|"
                         r"reassign|give|hand|transfer|pass|"
                         r"remove|talk|spoke|lost|won|close|closed|stage|amount|next|step|close|date|title|email|phone)\b", re.I)


#: "... actually just the do not contact bit for now", "..., no, only the amount": the speaker keeps one
#: of the commands said before and drops the rest.
_ONLY_THE = re.compile(r"[,.;!\s]*(?:\.\.\.)?\s*(?:actually|no|wait|scratch that|on second thought)[,.]?\s+(?:just|only)\s+"
                       r"(?:do\s+|change\s+|log\s+|set\s+)?(?:the\s+)?(?P<what>[\w' -]{3,40}?)\s*"
                       r"(?:bit|part|piece|thing|one|change|update)?\s*(?:for now|then|please|today)?\W*$", re.I)


def _keep_only(before: str, what: str) -> str | None:
    """``before`` cut after the clause that says ``what`` ("..., mark her do not contact and, um, let's
    make Tom the main point of contact" + "do not contact" -> "..., mark her do not contact"); None when
    ``what`` is not said before (nothing is cut)."""
    at = before.lower().find(what.lower().strip())
    if at < 0:
        return None
    end = re.compile(r"\s*(?:[,;.!?]|\s(?:and|then|also)\s)").search(before, at + len(what.strip()))
    return before[:end.start()] if end else before


#: A command said after a corrected value ("make it 85 and push the close date ...").
_REDO_THEN = re.compile(r"(?:,\s*|\s+)(?:and\s+)?(?:then\s+|also\s+)?(?=(?:push|move|set|change|update|log|add|book|schedule|mark|"
                        r"create|remind|draft|email|send|put)\b)", re.I)


def _fields_only(part: str) -> bool:
    """True when ``part`` says only values (a name, an amount, a stage, a date: "Lumen Expansion, 36K,
    and I'd say close end of Q1") and no command or statement of its own."""
    rest = re.sub(r"\b(?:i'?d say|i think|i guess|probably|maybe|and|so|um|uh|close date|closing|close|stage|starting|"
                  r"start(?:ing)? at|at|in|for|by|end of|the)\b", " ", part, flags=re.I)
    return bool(rest.strip(" ,.;:")) and not _TERSE_HAS_VERB.search(rest)


#: "Tom Becker moved from COO to CEO (at Northwind)": a person's new title.
_MOVED_TITLE = re.compile(r"\b(?P<who>(?-i:[A-Z][a-z]+\s+[A-Z][a-z'-]+))\s+(?:has\s+)?(?:moved|went|got promoted|was promoted|switched|"
                          r"stepped (?:back|down|up|over|aside)|changed|transitioned|shifted)\s+"
                          r"from\s+(?:the\s+|being\s+)?(?:an?\s+)?(?P<old>[\w&/ -]{1,30}?)\s+to\s+(?:the\s+|being\s+)?(?:an?\s+)?"
                          r"(?P<new>[\w&/ -]{1,40}?)"
                          r"(?=\s+(?:at|for|over at)\s+(?-i:[A-Z])|\s*[,.;]|\s*$)", re.I)
#: "Victor Price moved to ops director": a person's new title (a company there is a company move).
_MOVED_TO_TITLE = re.compile(r"\b(?P<who>(?-i:[A-Z][a-z]+\s+[A-Z][a-z'-]+))\s+(?:has\s+)?(?:moved|got promoted|was promoted|stepped up|"
                             r"got bumped(?:\s+up)?|was bumped(?:\s+up)?|got moved(?:\s+up)?)\s+"
                             r"to\s+(?:the\s+)?(?P<new>[\w&/ -]{2,40}?)(?=\s*[,.;]|\s+and\b|\s*$)", re.I)
#: Words that make a phrase a job title ("CEO", "VP Sales", "head of growth", "ops lead").
_A_TITLE = re.compile(r"^(?-i:[A-Z]{2,5})$|\b(?:chief|head|director|manager|lead|vp|president|officer|founder|co-?founder|partner|"
                      r"engineer|analyst|coordinator|specialist|advisor|adviser|consultant|chair(?:man|woman|person)?|owner|"
                      r"ceo|cfo|coo|cto|cmo|cro|cio)\b", re.I)
#: "Move Ava Novak at Meadow Health back to lead": a person put back to the lead lifecycle stage.
_PERSON_BACK_TO = re.compile(r"\b(?:move|put|set|bump|send|drop)\s+(?P<who>(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)?)|him|her)"
                             r"(?:\s+(?:at|from)\s+(?-i:[A-Z])[\w&]*(?:\s+(?-i:[A-Z])[\w&]*)*)?\s+(?:back\s+)?to,?\s+(?:an?\s+)?"
                             # "Set Jack Ueda to other": a lifecycle stage no deal has
                             r"(?P<lc>lead|other|subscriber|evangelist)\b(?!\s+(?:stage|deal)\b)", re.I)


def _command_segments(text: str) -> list[tuple[int, int]]:
    """``[(start, end), ...]`` when ``text`` creates a record in one command segment and does
    something else in another (see ``OfflinePlanner._segmented``); ``[]`` otherwise (one plan for all)."""
    if not any(r.search(text) for r in _CREATES):
        return []
    spans, pos = [], 0
    for m in _SEGMENT_END.finditer(text):
        if text[pos:m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    joined: list[tuple[int, int]] = []
    for a, b in spans:
        if joined and R.CREATE_DEAL_RE.search(text[joined[-1][0]:joined[-1][1]]) and _fields_only(text[a:b]):
            # "So, create a new deal. Delta works expansion. 60K, Demo Scheduled.": a recogniser's full
            # stops inside one command; what follows without a verb is the new deal's
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    spans = joined
    creates = [any(r.search(text[a:b]) for r in _CREATES) for a, b in spans]
    if len(spans) < 2 or all(creates) or not any(creates):
        return []
    # "Add Brightline ... and open a deal for them": a create that leans on the one before stays joined
    if any(c and i > 0 and re.search(r"\b(?:them|they|their|it|its|him|her)\b", text[a:b], re.I)
           for i, (c, (a, b)) in enumerate(zip(creates, spans))):
        return []
    return spans


_PHONE_CUE = re.compile(r"\b(?:phone|mobile|cell|direct line|line|direct dial|direct number)(?:\s+(?:number|no\.?))?(?:\s+(?:is|to|now|is now))*[\s,:.]*"
                        r"(?:(?:it'?s|its|which is|it is)\s+)?"
                        r"|\bnumbers?(?:\s+(?:is|to|now|is now))*[\s,:.]+(?:(?:it'?s|its|it is|which is|the new one is)\s+)?"
                        r"(?=(?:plus|\+|\d|zero|oh|one|two|three|four|five|"
                        r"six|seven|eight|nine)\b)", re.I)


def _merge_single_digits(phone: str) -> str:
    """Digits said one at a time join one group: "+1 305 555 0 2 3 4" -> "+1 305 555 0234"; a digit
    said alone before a short group joins it: "+34 611 555 0 12" -> "+34 611 555 012"."""
    if re.search(r"\d-\d(?:-|$)|(?:^|-)\d-\d", phone):
        phone = phone.replace("-", " ")  # "303-555-0-124" (a recogniser's dashes at each pause): "303 555 0124"
    out: list[str] = []
    in_run = False
    toks = phone.split()
    for i, tok in enumerate(toks):
        single = len(tok) == 1 and tok.isdigit()
        if single and in_run:
            out[-1] += tok
        elif out and out[-1] in toks[i - 1:i] and len(toks[i - 1]) == 1 and toks[i - 1].isdigit() and i >= 2 \
                and len(re.sub(r"\D", "", toks[i - 2])) >= 3 and tok.isdigit() and len(tok) <= 3:
            out[-1] += tok  # "555 0 12": the "0" was the first digit of "012"
        else:
            out.append(tok)
        in_run = single or (in_run and single)
    return " ".join(out)


def _phone_from(text: str) -> str | None:
    """The phone number ``text`` starts with, in digits ("+1 305 555 0144") or said digit by digit
    ("plus four nine, one five one, ..."); None when it starts with none."""
    if m := re.match(r"\s*(\+?\d[\d \-]{5,}\d)\b", text):
        return re.sub(r"\s+", " ", m.group(1))
    return spoken_phone(text)


def _one_phone_number(text: str) -> str:
    """A phone number said in pieces ("plus four nine, one five one, ...", "Plus 4.9-151-550788")
    written as one token run ("+49-151-5550-7788"), so its pauses do not split the instruction into
    clauses and its digits are never read as an amount."""
    for cue in _PHONE_CUE.finditer(text):
        found = find_spoken_phone(text[cue.end():])
        if found:
            number, end = found
            number = re.sub(r"^\+1(\d{3})(?=[\s-]\d{3}[\s-]\d{4}$)", r"+1 \1", number)  # "plus one 305 555 0234" (NANP)
            lead = text[:cue.end()].rstrip(" ,:.")
            return f"{lead} {number}" + text[cue.end() + end:]
    return text


_RATE = re.compile(r"\s*(?:a|per|each|every|/)\s*(?:month|quarter|week|mo)\b|\s*(?:monthly|quarterly|weekly)\b", re.I)


_NOT_A_NAME_WORD = re.compile(r"(?:Lead|Qualified|Demo|Scheduled|Proposal|Sent|Negotiation|Closed|Won|Lost|Stage|Deal|"
                              r"January|February|March|April|May|June|July|August|September|October|November|"
                              r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4]|I|ARR|MRR)$")


def _titled_deal_name(text: str, company: str) -> str | None:
    """A new deal's name said as the company (or its first word) followed by title-case words, then a
    comma, a full stop or the end ("Summit Ventures Website Rebuild, thirty five k" -> "Summit Ventures
    Website Rebuild"; "New deal: Globex Security Suite, 40k" with Globex Logistics -> "Globex Security
    Suite"). Stage, month and day words never extend a name. None when no such phrase is said."""
    first = company.split()[0]
    for head in dict.fromkeys((company, first)):
        for m in re.finditer(rf"\b{re.escape(head)}((?:\s+[A-Z][\w&'-]*){{1,4}})(?=\s*(?:[,.:;]|$))", text):
            words = m.group(1).split()
            if any(_NOT_A_NAME_WORD.match(w) for w in words):
                continue
            said = f"{head} {' '.join(words)}"
            if said.lower() != company.lower() and not company.lower().startswith(said.lower()):
                return said
    return None


#: A contract's term said beside a monthly amount: "for a year", "for twelve months", "on a twelve-month term",
#: "annual contract", "12-month deal".
_TERM = re.compile(r"\bfor (?:a|one|1) year\b|\bfor (?P<n>\d+|twelve|six|eighteen|twenty four) months\b"
                   r"|\b(?:on )?(?:a |an )?(?P<n2>\d+|twelve|six|eighteen|twenty[- ]four|three|four|nine|two)[- ]months? "
                   r"(?:term|contract|deal|commitment|agreement|retainer|engagement|pilot|project|plan)\b"
                   r"|\b(?:on )?(?:an? )?(?:annual|yearly|one[- ]year|1[- ]year) (?:contract|term|commitment|agreement|deal|plan)\b"
                   # "ninety-five hundred a month, twelve months, put the total on the deal", "times twelve months"
                   r"|(?:\b(?:over|times|x)\s+|,\s*)(?P<n3>\d+|twelve|six|eighteen|twenty[- ]four) months\b(?=\s*(?:[,.;]|$|total|in total))",
                   re.I)
_MONTHS_SAID = {"twelve": 12, "six": 6, "eighteen": 18, "twenty four": 24, "twenty-four": 24, "three": 3, "four": 4,
                "nine": 9, "two": 2}


def contract_total(value: float, digits: str, end: int, said: str | None = None) -> float:
    """``value`` said at ``digits[:end]`` as a monthly rate ("fifty-five hundred a month") times the contract's term
    in months when the term is said ("on a twelve-month term", "annual contract", "for a year"): the amount a deal
    is worth (5,500 -> 66,000). ``said``: where to look for the term (the whole instruction; default ``digits``).
    Any other value comes back unchanged."""
    if not re.match(r"\s*(?:a|per|each|every|/)\s*(?:month|mo)\b|\s*monthly\b", digits[end:], re.I):
        return value
    term = _TERM.search(said if said is not None else digits)
    if term is None:
        return value
    n = term.group("n") or term.group("n2") or term.group("n3")
    months = 12 if n is None else (int(n) if n.isdigit() else _MONTHS_SAID.get(n.lower(), 12))
    return value * months


def _prefer_totals(found: list[Any], digits: str) -> list[Any]:
    """Amounts with a rate said after them ("eighteen grand a quarter", "four k a month") yield to
    the total said beside them ("so seventy two k for the year"): totals first, rates after."""
    if len(found) < 2:
        return found
    rates = [a for a in found if _RATE.match(digits, a.end)]
    if not rates or len(rates) == len(found):
        return found
    return [a for a in found if a not in rates] + rates


#: A name said again, respelt, after a correction marker: "..., wait, it's Lars Jansen, with an a".
_RESPELT_NAME = re.compile(
    r"[,.;]?\s*\b(?:no\s+)?(?:wait|sorry|i mean|correction|actually)\b[,.]?\s+(?:(?:it'?s|that'?s|make that|make it|no)\W+)?"
    r"(?P<first>(?-i:[A-Z])[a-z'-]+)\s+(?P<last>(?-i:[A-Z])[\w'-]+)"
    r"(?:,?\s+(?:with\s+an?\s+\w+|spelled\s+[\w -]+?|not\s+\w+))?(?=\s*(?:[,.;!?]|$))", re.I)


def correct_respelt_name(text: str) -> str:
    """"Add Lars Jensen at Orbital Freight, he's their dispatch lead, wait, it's Lars Jansen, with an a" ->
    "Add Lars Jansen at Orbital Freight, he's their dispatch lead": a person's name said again after a correction
    marker, with the same first name and another last name, replaces the name said before it (and the
    correction's words go). Text without such a correction comes back unchanged."""
    for m in reversed(list(_RESPELT_NAME.finditer(text))):
        first, last = m.group("first"), m.group("last")
        before = list(re.finditer(rf"\b{re.escape(first)}\s+(?P<old>(?-i:[A-Z])[\w'-]+)", text[:m.start()]))
        if not before or before[-1].group("old") == last:
            continue
        said = before[-1]
        text = text[:said.start("old")] + last + text[said.end("old"):m.start()] + text[m.end():]
    return text


def correct_self(text: str) -> str:
    """Apply the speaker's own corrections: "at forty K, actually no, make it forty five" ->
    "at forty five K"; "to five K, sorry, I mean fifty K" -> "to fifty K"; "Lena Fisch, sorry, Lena
    Fischer" -> "Lena Fischer". The corrected value replaces the words after the last preposition
    of the phrase before the marker (the whole phrase when it has none); a scale word ("K") said
    only the first time carries over. Text without a correction marker comes back unchanged."""
    def fix(m: re.Match[str]) -> str:
        old, new = m.group("old"), m.group("new").strip()
        if (wd := re.match(_WEEKDAY, new, re.I)) and re.search(rf"\b{_WEEKDAY}\b", old, re.I):
            if new[wd.end():].strip(" .,"):
                # "on Thursday, actually make it Friday at 9am": the day and what is said with it replace the old
                last = list(re.finditer(rf"\b{_WEEKDAY}\b", old, re.I))[-1]
                return old[:last.start()] + new
            # "on Thursday at 4pm, sorry, make it Friday": only the day changes
            return re.sub(rf"\b{_WEEKDAY}\b(?!.*\b{_WEEKDAY}\b)", wd.group(0), old, flags=re.I)
        if (tm := re.search(r"\bat\s+(?P<t>[\w: -]{1,20}?)(?P<half>\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock|in\s+the\s+(?:morning|afternoon|evening)))?\s*$",
                            old, re.I)) \
                and re.fullmatch(r"\s*(?:1[0-2]|0?[1-9])(?:[: ]?[0-5]\d)?\s*", words_to_digits(tm.group("t"))) \
                and re.fullmatch(r"\s*(?:at\s+)?(?:1[0-2]|[1-9])(?:[: ]?[0-5]\d)?(?:\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock|in\s+the\s+"
                                 r"(?:morning|afternoon|evening)))?\W*", words_to_digits(new), re.I) \
                and re.search(r"\b(?:book|schedule|set up|meeting|call|kick-?off|demo|check-?in|sync|lunch|coffee|session|workshop)\b",
                              text, re.I):
            # "a call for Friday at ten in the morning, actually, make that eleven": the hour taken back, the part of the day kept
            hour_said = re.sub(r"^\s*at\s+", "", words_to_digits(new).strip(" .,"), flags=re.I)
            half = "" if re.search(r"am|pm|a\.m\.|p\.m\.|morning|afternoon|evening|o'?clock", hour_said, re.I) else (tm.group("half") or "")
            return f"{old[:tm.start()]}at {hour_said}{half}"
        who = re.fullmatch(r"(?:(?P<p>with|to|for)\s+)?(?P<n>(?-i:[A-Z][a-z'-]+)(?:\s+(?-i:[A-Z][a-z'-]+)){0,2})", new)
        if who and not re.search(_WEEKDAY + "|" + _MONTH_NAME, new, re.I):
            runs = [r for r in re.finditer(r"(?<=\s)(?-i:[A-Z][a-z'-]+)(?:\s+(?-i:[A-Z][a-z'-]+)){0,2}\b", old)
                    if not re.search(_WEEKDAY + "|" + _MONTH_NAME, r.group(0), re.I)]
            if who.group("p"):
                runs = [r for r in runs if re.search(rf"\b{who.group('p')}\s+$", old[:r.start()], re.I)]
            if runs and re.fullmatch(r"(?:\s+(?:tomorrow|today|tonight|next\s+\w+|this\s+\w+|on\s+\w+|at\s+[\w:]+(?:\s*[ap]\.?m\.?)?|"
                                     r"(?:mon|tues|wednes|thurs|fri)day|in\s+\w+\s+\w+|about\s+[\w\s]+))+\s*", old[runs[-1].end():], re.I):
                # "Book a call with Kara tomorrow at 3, no wait, with Tom": the person changes, the day and time stay
                return f"{old[:runs[-1].start()]}{who.group('n')}{old[runs[-1].end():]}"
        if re.fullmatch(r"(?-i:[A-Z][a-z'-]+)(?:\s+(?-i:[A-Z][a-z'-]+)){0,2}", new) \
                and not re.search(_WEEKDAY + "|" + _MONTH_NAME, new, re.I):
            # "Email Priya, no sorry, Elena", "remind me to call Kara, sorry, I mean Dan Moreau": the
            # name said last replaces the name said before it; the verb and its words stay
            words = list(re.finditer(r"\S+", old))
            tail = ""
            if len(words) > 2 and re.fullmatch(r"(?:deal|account|opportunity|opp|renewal|expansion)", words[-1].group(0), re.I) \
                    and re.fullmatch(r"(?-i:[A-Z])[\w.'-]*[a-z]", words[-2].group(0)):
                # "Move the Harbor Health deal, sorry, I mean Onyx Health, to negotiation": the name before "deal" changes
                tail, words = " " + words[-1].group(0), words[:-1]
            i = len(words)
            while i > 0 and re.fullmatch(r"(?-i:[A-Z][\w.'-]*[a-z])", words[i - 1].group(0)) and not (
                    i == 1 and re.fullmatch(r"(?:e-?mail|call|ping|text|phone|meet|book|remind|log|add|move|invite|message|"
                                            r"tell|ask|assign|give|draft|write|update|mark|set|push)", words[0].group(0), re.I)):
                i -= 1
            if i < len(words):
                return f"{old[:words[i].start()]}{new}{tail}"
        prep = None
        for p in re.finditer(r"\b(?:at|to|is|of|for|by|on|until|with|in|within)\b", old, re.I):
            prep = p
        if prep is not None and re.match(rf"{re.escape(prep.group(0))}\s+", new, re.I):
            new = new[prep.end() - prep.start():].strip()  # "with Jonas, actually no, with Oliver Grant"
        short_swap = prep is not None and 0 < len(old[prep.end():].split()) <= 3 and 0 < len(new.split()) <= 3 \
            and not re.match(r"(?:he|she|they|it|we|i)\b", new, re.I)  # "to negotiation, actually no, proposal sent"
        if not new or not (_HAS_NUMBER.search(new) or new[:1].isupper() or re.match(r"the\b", new, re.I) or short_swap):
            return m.group(0)
        keep = old[:prep.end()] + " " if prep else (old[:len(old) - len(old.lstrip())])
        dropped = old[prep.end():] if prep else old
        if re.match(r"(?:the|a|an|our|their)\b", new, re.I) and (verb_said := re.match(
                r"(.*\b(?:he|she|they|we|i)\s+(?:just\s+|already\s+|finally\s+)?[a-z]+(?:ed|s)?\s+)(?=(?:the|a|an|our|their)\b)",
                dropped, re.I)):
            # "a call with Yusuf Rossi he approved the homepage mockups, no wait, the homepage and the pricing
            # page": the object of "approved" is taken back, not the person the call was with
            keep, dropped = keep + verb_said.group(1), dropped[verb_said.end(1):]
        if prep is None and _HAS_NUMBER.search(new) and (nums := list(re.finditer(r"\$?\d[\d,.]*\s*(?:k|m|grand|thousand|million)?\b",
                                                                                  old, re.I))) and nums[-1].start() > 0:
            # "acme 70k, no, 75k": the number said last is taken back, the record before it stays
            keep, dropped = old[:nums[-1].start()], old[nums[-1].start():]
        elif prep is None and _HAS_NUMBER.search(new) and (spoken := re.search(
                r"(?<=\s)(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and|point)[\s-]+)*"
                r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\s*(?:k|grand|thousand|million)?\s*$",
                old, re.I)):
            # "make the Onyx deal three hundred fifty k, no, thirty-five k": the figure said in words is taken back
            keep, dropped = old[:spoken.start()], old[spoken.start():]
        if keep.split() and new.split() and new.split()[0].lower() == keep.split()[-1].lower():
            new = new.split(None, 1)[1] if len(new.split()) > 1 else new  # "add six k, wait, add nine k"
        day = re.fullmatch(r"(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)|" + _ORDINAL_DAY + r")\W*", new, re.I)
        if day and (said_day := re.search(r"\b(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|" + _ORDINAL_DAY + r")\s+of\s+(?=" + _MONTH_NAME + r")",
                                          old, re.I)):
            return f"{old[:said_day.start()]}the {day.group(1)} of {old[said_day.end():]}"  # "the 20th of February, no, the 27th"
        month = re.search(_MONTH_NAME, dropped, re.I)
        if month and day:
            return f"{keep}{month.group(0)} {day.group(1)}"  # "to January 15th, no actually the 22nd": January 22nd
        dropped_d, new_d = words_to_digits(dropped), words_to_digits(new)
        if re.fullmatch(r"\s*(?:at\s+)?(?:1[0-2]|0?[1-9])[: ]?[0-5]\d\s*", dropped_d) \
                and re.fullmatch(r"\s*(?:1[0-2]|[1-9])(?:[: ]?[0-5]\d)?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?\s*", new_d, re.I) \
                and re.search(r"\b(?:book|schedule|meeting|call|kick-?off|demo|check-?in|sync|lunch|coffee|session)\b", text, re.I):
            # "book a kickoff with Eva Young, December first, 1030, no, 11": a clock time taken back, not an amount
            hhmm = re.sub(r"[: ]", "", new_d.strip())
            clock = f"{hhmm[:-2]}:{hhmm[-2:]}" if len(re.sub(r"\D", "", hhmm)) >= 3 else new_d.strip()
            return f"{keep.rstrip()} at {clock}" if not re.search(r"\bat\s*$", keep) else f"{keep}{clock}"
        was = [a for a in find_amounts(join_short_hundreds(words_to_digits(dropped))) if a.money or a.value >= 1000]
        new_digits = join_short_hundreds(words_to_digits(new))
        said = find_amounts(new_digits)
        if was and len(said) == 1 and said[0].bare and not said[0].percent and said[0].value < 1000:
            # "half a million, no sorry, four fifty" -> 450 thousand; "80,000 ... make it 85" -> 85
            # thousand: the scale that puts the new number nearest the one taken back
            base = was[0].value
            scale = min((1, 1_000, 1_000_000), key=lambda sc: abs(math.log10(max(said[0].value * sc, 1) / max(base, 1))))
            new = new_digits[:said[0].start] + f" {said[0].value * scale:.0f}" + new_digits[said[0].end:]
        elif _HAS_NUMBER.search(dropped) and _HAS_NUMBER.search(new) and (sw := _SCALE_WORD.search(dropped)) \
                and not _SCALE_WORD.search(new) and not re.search(r"\bhundred\b", new, re.I) \
                and not (said and said[0].value >= 1000):  # ("six grand, no, let's say 6500": 6500 as said)
            new = f"{new} {sw.group(0)}"
        elif (unit := re.search(r"\b(?:weeks?|days?|months?)\b", dropped, re.I)) and _HAS_NUMBER.search(new) \
                and not re.search(r"\b(?:weeks?|days?|months?|k|grand|thousand|million)\b", new, re.I):
            new = f"{new} {unit.group(0)}"  # "in three weeks, no, four": four weeks
        return f"{keep}{new}"

    if not re.search(r",\s*(?:actually|no\b|sorry|i mean|scratch that|wait\b|make that\b)", text, re.I):
        return text
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # "80,000": a digit group, not a pause
    return _CORRECTION.sub(fix, text, count=2)


def _spoken_domains(text: str) -> str:
    """"brightline dot io" -> "brightline.io", "fernway foods dot com" -> "fernwayfoods.com",
    "brindleandoak dot co dot uk" -> "brindleandoak.co.uk"."""
    text = re.sub(r"\b((?!(?:domain|website|site|url|is|at)\b)[a-z][a-z0-9-]*(?:\s[a-z][a-z0-9-]*)?)\s+dot\s+(" + R.TLDS + r")\b",
                  lambda m: m.group(1).replace(" ", "") + "." + m.group(2), text)
    return re.sub(r"(?<=[a-z0-9])\.(co|com|org|net|ac|gov)\s+dot\s+(uk|au|nz|za|in|jp|br)\b", r".\1.\2", text)  # a second-level suffix


def _reported_type(text: str) -> str | None:
    """The interaction a sentence reports ("Priya called", "I just emailed Uma", "we met")."""
    if re.search(r"\b(?:called|rang|phoned|call(?:ed)? me|on the phone|voicemail|(?:cold|discovery|intro|sales)\s+call|"
                 r"picked up(?:\s+the phone)?)\b|\b(?:got|had)\s+a\s+call\s+from\b",
                 text, re.I):
        return "call"
    if re.search(r"\b(?:emailed|e-mailed|wrote to|mailed)\b|^\W*(?:i\s+|we\s+|just\s+)*sent\s+(?:him|her|them|(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z'-]+)?)\s+(?:the|our|a|an|my|over)\b|\b(?:sent|send)\b.{0,60}\b(?:by|over|via|in an?)\s+e-?mail\b|"
                 r"\b(?:got|received|had|an?)\s+(?:an?\s+)?(?:e-?mail|reply|message)\s+"
                 r"(?:back\s+)?from\b"
                 # "I email Priya the revised proposal this morning" ("emailed" heard without its ending)
                 r"|\b(?:i|we)\s+e-?mail\s+(?-i:[A-Z])\w+.{0,60}\b(?:this morning|today|yesterday|earlier|last night)\b"
                 # "Sent Jack Ueda at Summit Ventures an intro email about a pilot, log it"
                 r"|^\W*(?:i\s+|we\s+|just\s+)*sent\s+[^.]{0,60}?\b(?:an?|the|our|my)\s+(?:[\w-]+\s+){0,2}e-?mail\b", text, re.I):
        return "email"
    if re.search(r"\b(?:met|meeting|sat down with)\b", text, re.I):
        return "meeting"
    return None


#: "Remind me, when does ...?", "remind me what Acme's amount is?": a question put as a reminder.
_REMIND_ME_ASK = re.compile(r"^\W*(?:(?:okay|ok|so|hey|quick one)\W+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?(?:remind me|tell me again|refresh my memory)\s*[,:\-]?\s*"
                            r"(?=(?:what|what's|whats|when|when's|whens|who|who's|how|how's|which|where|is|are|did|does|do)\b[^?]*\?\s*$"
                            # "Remind me what the Harbor Health deal is worth.": a question told, not a reminder
                            r"|(?:what|what's|whats|who|who's|how much|how many|which)\b[^?.]*\b(?:is|are|was|were|'s)\b[^?.]*[.!]?\s*$)",
                            re.I)
#: "Add a note to <record>: <text>", "Note on Acme - <text>", "Log a note for Tom saying <text>": the
#: head names the record, the body is the note, verbatim.
_NOTE_PREFIX = re.compile(
    r"^\W*(?:(?:please|ok|okay|so|right|alright|can you|could you|just)(?:\s+|,\s*))*"
    r"(?:(?:add|log|put|leave|jot(?:\s+down)?|write(?:\s+down)?|make|take|save|record|drop|pop|stick|throw)\s+(?:a\s+|an\s+|this\s+|the\s+)?"
    r"(?:quick\s+|short\s+|new\s+)?note|(?:quick\s+)?note|(?!(?:add|log|put|leave|make|take|save|record|drop|a|an|the)\b)[a-z]+\s+note)"
    # ("renewal note tom becker: pls drop the late fee": a typed note's kind, then its record)
    r"(?P<head>\s+(?:to|on|for|against|under|about|in|re)\s+[^:\n]{1,80}?|\s+(?:[\w'&.-]+\s+){0,3}[\w'&.-]+(?=\s*:))?"
    r"\s*(?::|\s[-\u2013\u2014]\s|,?\s+(?:saying|that says|reading|that reads|which says)\b,?)\s*(?P<body>\S.*)$",
    re.I | re.S)
#: A note said without a colon: "Write down on the Acme deal that their board voted ...", "Note on the Granite
#: Health deal, Hugo said ...": the record, then the note's words (rewritten to "<head>: <body>").
_NOTE_NO_COLON = re.compile(
    r"^\W*(?:(?:please|ok|okay|so|just)\W+)*(?:(?:write|jot|put|note)\s+down\s+(?P<h1>(?:on|for|against|under)\s+[^:,.;]{2,60}?)\s+that\b"
    r"|(?:(?:add|put|pop|stick|leave|drop)\s+(?:a\s+)?)?(?:quick\s+)?note\s+(?P<h2>(?:on|for|against|to)\s+(?:the\s+)?[^:,.;]{2,60}?"
    r"\s(?:deal|account|opportunity|record|contact|renewal|pilot))\s*,"
    # "Note for Vertex Analytics, their nightly job ...": a named record, then what is noted
    r"|(?:(?:add|put|pop|stick|leave|drop)\s+(?:a\s+)?)?(?:quick\s+)?note\s+(?P<h3>(?:on|for|against|to)\s+(?:the\s+)?"
    r"(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z])[\w&'.-]*){0,3})\s*,(?=\s*(?:their|they|they're|he|he's|she|she's|we|the|our|it|it's)\b)"
    # "Add a note on Oliver Grant, legal approved the MSA. Then ...": the pause before the note heard as a comma
    r"|(?:add|put|pop|stick|leave|drop)\s+(?:a\s+)?(?:quick\s+)?note\s+(?P<h4>(?:on|for|against|to)\s+(?:the\s+)?"
    r"(?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z])[\w&'.-]*){0,3}(?:\s+(?:deal|account|contact))?)\s*,"
    r"(?!\s*(?:and\s+|then\s+)?(?:move|set|push|book|log|add|create|mark|update|change|delete|remove|give|assign|send|draft|"
    r"email|remind|schedule|bump)\b)"
    # "Log a note here, go-live slipped a week": the record in view, then what is noted
    r"|(?:add|put|pop|stick|leave|drop|log|make)\s+(?:a\s+)?(?:quick\s+)?note\s+(?P<h5>here|on\s+(?:this|that)(?:\s+(?:one|deal|contact|"
    r"account|record))?|on\s+(?:him|her|them|it))\s*,"
    r"(?!\s*(?:and\s+|then\s+)?(?:move|set|push|book|log|add|create|mark|update|change|delete|remove|give|assign|send|draft|"
    r"email|remind|schedule|bump)\b))"
    r"\s*(?=\S)", re.I)
#: Where a dictated note ends and a new command begins: a sentence end, then a command verb.
_NEXT_COMMAND = re.compile(r"[.!?]\s+(?:(?:and|also|then|oh and|plus)\s+)?(?:push|move|set|book|schedule|create|add|log|"
                           r"mark|email|draft|remind|change|update|give|assign|open|reopen|close|delete|remove|cancel|bump|"
                           r"slide|shift|pull|drop|knock|raise|lower|cut|take|reduce|increase)\b", re.I)
#: A clause whose main verb deletes: "delete the Cedar deal", "please remove Tom Becker".
_DELETE_CMD = re.compile(
    r"^\W*(?:(?:please|ok|okay|so|and|also|then|now|can you|could you|would you|go ahead and|i want to|"
    r"i'd like to|i need to|let's|lets|we need to|you can|just|yes)\s+)*"
    r"(?:delete|remove|erase|get rid of|trash|wipe|destroy|purge"
    # "drop the Zoe Young contact, she's a dupe": "drop" deletes only a record named as one
    r"|drop(?=\s+(?:the\s+)?(?:(?!(?:price|amount|value|discount|on|of|by|for|from)\b)[\w&'-]+\s+){1,3}(?:contact|deal|company|record|account)\b(?!\s+(?:to|from|by|amount|value)\b)))"
    r"\b(?P<obj>.*)$", re.I | re.S)
_RECORD_WORD = re.compile(r"\b(?:deals?|contacts?|compan(?:y|ies)|accounts?|records?|leads?|opportunit(?:y|ies)|"
                          r"opps?|person|people|him|her|them|it|this|that|everyone|all)\b", re.I)
_CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                             "february", "march", "april", "may", "june", "july", "august", "september", "october",
                             "november", "december", "today", "tomorrow", "negotiation", "proposal", "lead", "demo",
                             "qualified", "closed", "the", "our", "their", "his", "her", "them", "him", "me", "us",
                             "christmas", "easter", "thanksgiving", "halloween", "boxing", "valentine", "valentines", "new", "jan", "feb", "mar", "apr", "jun",
                             "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
                             "thurs", "fri", "sat", "sun", "eod", "eow", "eom", "eoq", "asap", "noon", "midnight"})
_DEPARTMENTS = frozenset("sales marketing engineering finance operations product procurement legal security support "
                         "growth revenue partnerships design data people hr it ops success customer".split())
_PERSON_AT = re.compile(r"\b(?P<first>[A-Z][a-z]{2,})(?:\s+(?:(?:de|van|von|der|den|da|di|du|del|della|dos|das|la|le|ter|ten)\s+){0,2}"
                        r"(?P<last>[A-Z][a-z]{2,}))?\s+(?:at|from|over at|of)\s+(?:the\s+)?$")
#: A sentence that opens with who called from a company, whatever the recogniser made of the name ("Stay see from
#: Northwind called", "SAC from Northwind called"): the words before "from" are a person's name.
_OPENING_PERSON_AT = re.compile(r"(?:^|[.!?]\s+)(?:(?:so|okay|ok|hey|yeah|just|and|hi)\W+)*(?P<first>[A-Za-z][a-z'-]{1,}|[A-Z]{2,4})"
                                r"(?:\s+(?P<last>[A-Za-z][a-z'-]{1,}))?\s+(?:from|at|over at)\s+(?:the\s+)?$")
_REPORTED_CONTACT = re.compile(r"\s*(?:\w+\s+){0,2}?(?:just\s+)?(?:called|emailed|rang|phoned|reached out|pinged|wrote|texted|"
                               r"messaged|replied|got back|left a|asked|wants|said|says|mentioned)\b", re.I)
_UNKNOWN_NAME = re.compile(r"\b(?i:with|to|for|call|email|meet|ping|about|(?:note|call|meeting|task)\s+on)\s+([A-Z][a-z]{2,})"
                           r"(?:\s+([A-Z][a-z]{2,}))?")


def _lifecycle(t: str) -> str | None:
    """The HubSpot lifecycle stage a clause sets ("she's a customer now", "mark him as an MQL"); None
    for one kept as it is ("keep him as a customer")."""
    if not _LIFECYCLE_CUE.search(t) or re.search(r"\b(?:keep|leave)\s+(?:him|her|them|it|\w+)\s+(?:as|at)\b", t, re.I):
        return None
    if re.search(r"\blifecycle(?:\s+stage)?\s+(?:(?:to|is|as|should be|=|:|->)\s*)?other\b", t, re.I):
        return "other"  # ("other" only when said as the lifecycle value: it is an ordinary word)
    low = t.lower()
    for words, value in _LIFECYCLE_WORDS:
        said = f"{words[:-1]}(?:y|ies)" if words.endswith("y") else f"{words}s?"
        if re.search(rf"\b{said}\b", low):
            return value
    return None


#: "left Northwind", "is leaving Initech", "quit Globex": the company a contact moves away from.
_LEFT_COMPANY = re.compile(r"\b(?:left|leaving|quit|quitting|departed|moved on from|is out at)\s+(?:the\s+)?"
                           r"(?P<old>[A-Z][\w&]*(?:\s[A-Z][\w&]*)*)")
