"""Budget: the customer's budget in dollars, never the seller's own and never a count."""

from __future__ import annotations

import re

from desktop.agents.bant.asides import EVEN_A_FIGURE, disowned_after
from desktop.agents.bant.budget_doubts import doubted, strip_our_document
from desktop.agents.bant.budget_plain import plain_budget
from desktop.agents.bant.figures import join_fix_alone, scale_bare, strip_not_ours
from desktop.agents.bant.people import _AUTH_CUE
from desktop.agents.bant.text import _clauses
from desktop.planner.parsing.numbers import find_amounts, join_short_hundreds, words_to_digits

# -- budget --------------------------------------------------------------------------------------
_BUDGET_CUE = re.compile(
    r"\b(budget\w*|(?:set|put) aside|allocated|earmarked|approved|okayed|ok'd|green-?lit|signed off on|confirmed|floated|afford|"
    r"spend(?:ing)?|signed off (?:\w+ly )?on|(?:'ll|will|would|'d) go (?:up )?to|(?:which|that) (?:he|she|they) put at|(?:can|could) get (?:you|us) (?=\$?\d)|"
    # "Kara said 4k, then ...": a person's figure in thousands (not the seller's "I said")
    r"(?<!\bi )(?<!\bwe )said (?=\$?\d[\d,.]*\s*(?:k|grand|thousand)\b)|"
    r"ceiling|cap(?:ped)? at|locked in|(?:can't|cannot|won't|can not) (?:go|spend) (?:above|over|beyond|past|more than)|"
    # "they could put another eight thousand toward it"; "seventy-two was our number, hers is sixty-five thousand"
    r"put (?:another |an extra |about |around )?\$?\d[\d,.]*\s*(?:k|thousand|grand)? towards?|(?:hers|theirs|his) (?:is|was)(?= \$?\d)|"
    r"(?:hard |soft )?(?:cap|limit|ceiling) of|"
    # "she had twenty in mind": the figure they have in mind
    r"(?:had|have|has|'d|'ve got|'ve) (?:about |around |roughly |maybe |like )?\$?\d[\d,.]*\s*(?:k|thousand|grand)?\s+in mind|"
    # "Iris put it at thirty-two thousand", "she estimated two hundred thousand": the figure given
    r"put (?:it|the (?:budget|number|figure)) at|"
    # "they had 36k in Q3 but it got cut to 24k this quarter": the figure money was cut to is what they have now
    r"(?:cut|lowered|reduced|trimmed|slashed) (?:it |back |down )?to (?=\$|\d[\d,.]*\s*(?:k|grand|thousand)\b|[a-z-]+ (?:k|grand|thousand)\b)|estimated (?=(?:about |around |roughly |maybe )?\$?\d)|"
    r"up to|max(?:imum)?|ballpark|range|price point|willing to (?:pay|spend|go)|(?:can|could) (?:go|stretch)|"
    r"(?:have|has|got) (?:about |around |roughly |maybe |like |a |an |the |(?:somewhere )?between )?\$?\d[\w,.]*|money|funds?|funding|pay|"
    r"looking at (?:maybe |about |around |roughly |something like |like )?\$?\d[\w,.]*|thinking (?:maybe |about |"
    r"around )?\$?\d[\w,.]*|"
    r"can (?:only )?(?:do|find|manage|stretch|justify)|find|ring-?fenced|in the (?:ballpark|region) of|"
    r"(?:a|per|for the|each) (?:year|month|yr|annum)|annually|pilot|trial|number|figure|"
    # "Dan said eight K for the project": what they have for the piece of work
    r"(?<=\d )(?:k |grand |thousand )?for (?:the|this) (?:whole )?(?:project|build|rebuild|engagement|campaign|job|program|programme)|"
    r"where (?:they|she|he) (?:land|end up|come in)s?|comfortable (?:with|at)|(?:is|sounds|would be) (?:fine|ok|okay|"
    r"doable)|"
    # "Same thirty-two K as we discussed": the figure agreed before, said again
    r"same \$?[\w,.-]+(?:\s*(?:k|grand|thousand))? as (?:we |you )?(?:discussed|agreed|said|before|last time)|"
    r"on top|tops|at most|no more than|more like|same as (?:last|this) year|pending (?:\w+(?:'s)? )?approval|corrected (?:himself|herself|themselves|that|"
    r"it)|total|all[- ]in|(?:signed|closed|agreed|settled|landed) (?:at|for)|(?<!\bi )(?<!\bwe )(?:said|says|thinks|reckons|estimates|figures) (?:that )?(?:it's|it is|it'll be|"
    r"it will be|it would be|it'd be)|(?:with|mentioned|suggested|named) (?:about |around |roughly |maybe |some )?(?=\$?\d))\b", re.I)
# "now it's more like ninety thousand", "actually 90k": a corrected amount replaces the one before it
_CORRECTION = re.compile(r"\bfrom\s+\S+(?:\s+\S+){0,2}?\s+(?:down |up )?to\b|\btoo (?:much|high|expensive|steep|rich)\b|"
                         r"\b(?:they|she|he) can (?:only )?(?:do|go to|stretch to|manage)\b|\b(?:more like|now (?:it's|"
                         r"it is|they're saying)|actually|revised(?: to)?|instead|changed to|"
                         r"corrected|(?:came|come|went|gone) down to|realistically(?:,? (?:plan on|budget|say|it's))?|plan on|settled on|landed on|(?:would|'d) (?:land|settle) (?:at|on)|(?:bumped|raised|cut|lowered|dropped|reduced|trimmed|slashed) (?:it )?to)\b|"
                         r"\bno,?\s+(?:sorry|wait)\b|"
                         # "ninety, no, eighty thousand": a bare "no" between two figures puts the first right
                         r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b)(?:\s*(?:k|grand|thousand))?\s*,\s*no\s*,\s*(?=\$?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b)|"
                         # "thirty-five hundred, then Omar told her it's three thousand flat": the figure someone else put right
                         r"\bthen (?:(?-i:[A-Z][a-z]+)|he|she|they|finance|(?:the|their|her|his) (?:cfo|ceo|owner|founder|boss)) (?:told (?:her|him|them|me|us)|said|"
                         r"corrected (?:it|that|her|him|them))\b(?=[^.;]*?\d|[^.;]*?\b(?:thousand|hundred|grand|k)\b)|\b(?:said|says)\s*,?\s*(?:forget|ignore|scratch|disregard) (?:that|it)\b|\bjumped in,? no\b|\b(?:i'm wrong|i was wrong|my mistake|my bad)\b|\bsaid no,\s+(?:it's|it is|it was)\b|,\s*sorry,|\bi mean,|\b(?:use|go with|put down|write down|log|take)\s+(?:the\s+)?(?=\$?\d|(?:one|two|three|four|five|six|seven|eight|"
                         r"nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)|\bthis year,? (?:it's|it is)\b|\b(?:was|is) last (?:year|quarter|cycle|month|fiscal year)'s\b|[,:]\s*(?:so\s+)?(?:call it|let's say|say)\s+(?=\$?\d|[a-z]+\b)", re.I)
# "Fifty thousand, I think, pending ...", "Ninety-six thousand is about where they land": an amount said first
_FRONTED = re.compile(r"^(?:about |around |roughly |maybe |like |probably |say )?(?:\$\s*)?(?:\d[\d,.]*|(?:a|one|two|three|"
                      r"four|"
                      r"five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                      r"ninety)\b)", re.I)
_BUDGET_NOT = re.compile(r"\b(?<!exactly )(?<!matches )(?<!match )(?<!just )(?:our|my) (?:own |[\w'-]+ ){0,3}(?:budget|ads?|spend|marketing|quota|price|"
                         r"pricing|discount|"
                         r"list price)\b"
                         # "I mentioned list price for the add-on is eight hundred a month": our price, said without "our"
                         r"|(?<!their )(?<!her )(?<!his )(?<!our )(?<!my )\b(?:list|sticker|rack|standard|retail|published) (?:price|pricing|rate)s?\b"
                         # "the add-on lists at a hundred and fifty a month": its list price, ours
                         r"|\b(?:lists|listed|listing|retails|retailed|retailing) (?:at|for)\b"
                         # a figure named as ours ("the pilot is twelve K, that's our number"), not one that matches it
                         r"|\b(?<!match )(?<!matches )(?<!fits )(?<!meets )(?<!covers )(?<!within )(?<!under )(?<!below )(?<!lines up with )"
                         r"(?<!line up with )(?<!lined up with )(?<!in line with )(?<!squares with )(?<!agrees with )"
                         r"(?<!what )(?<!exactly )(?:our|my) (?:own |[\w'-]+ ){0,2}(?:number|figure|quote|rate|fee|starter|plan|tier|package|retainer|build|pilot|trial|poc|"
                         r"subscription|bundle|offer|setup|add-?on|module|upgrade|seat|licen[cs]e)s?\b"
                         # "our list for 42 seats comes to about 41k", "we're at 60k list, i floated 10% off = 54k": our price
                         r"|\b(?:our|the) list(?: price)? (?:for [^,.;]{1,40}? )?(?:comes? to|came to|is|was|runs? to|would be)\b|"
                         r"\d[\d,.]*\s*k?\s+list\b|\b(?:i|we) floated\b|\b\d+\s*(?:%|percent) off\b"
                         r"|\b(?:revenue|turnover|arr|valuation|sales) (?:is|was|of|at|around|about)\b|"
                         r"\bin (?:annual )?(?:revenue|sales)\b|\b(?:billing|bills|bill|turning over|turns over|turn over|doing) (?:about |"
                         r"around |roughly |over |nearly |almost |close to )?[\w$.,-]+ (?:million|mil|billion)\b|\braised\b(?!\s+(?:it|that|the (?:budget|number|cap|figure|ceiling|offer))\b)|\b(?:round|series [a-e]|seed|investors?|"
                         r"valuation)\b"
                         r"|\b(?:they|she|he|it|company|team) (?:currently |already )?(?:spend|spends|spent|pay|pays|paid)\b"
                         # "they're on Growth at 799 a month right now": the plan they pay for today, not a budget
                         r"|\b(?:they're|they are|she's|he's|she is|he is|currently|today they're) (?:currently |still )?on (?:the |our |a )?"
                         r"(?:[\w-]+ ){1,2}?(?:plan |tier |package )?at\b"
                         # "they're on scale monthly (about 24k a year)": the plan they are on, its price in brackets
                         r"|\b(?:they're|they are|she's|he's|she is|he is|currently|today they're) (?:currently |still )?on (?:the |our |a )?"
                         r"(?:[\w-]+ ){1,3}?\(\s*(?:about |around |roughly )?\$?\d"
                         # "today they're on 799 a month", "their plan is past due, 799 a month": what they pay now
                         r"|\b(?:they're|they are|today they're|currently) (?:currently |still )?on \$?\d|\bpast due\b|\boverdue\b"
                         # "they just dropped forty grand on a Unit integration": money already spent on something else
                         r"|\b(?:they|she|he|company|team) (?:just |recently |already |also )+(?:spent|dropped|sank|blew|invested)\b"
                         r"|(?<!\bwe )(?<!\bi )\b(?:spends|(?:already |currently )spend|currently pays?)\b"
                         # "Zoho told them they could get this for 1,500 a year": a price they could get elsewhere
                         r"|\b(?:could|can|'d|would|will) get (?:it|this|that|the same(?: [\w-]+)?|something (?:similar|like (?:it|this|that))) "
                         r"(?:for|at)\b"
                         r"|\bat list\b|(?:^|[,;:]\s*|\b(?:i|we)\s+)(?:told|tell|gave|give) (?:her|him|them)\s+(?:(?:it's|it is|it was|that it's|we're|"
                         r"that we're|our price is|the price is|it costs?|about|around|roughly)\s+)?(?=\$|\d|(?:a|one|two|three|four|"
                         r"five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)"
                         # "moving from monthly (299/mo) to annual": the plan they switch between is ours
                         r"|\b(?:mov\w+|switch\w*|go(?:ing)?|upgrad\w+|convert\w*|chang\w+|shift\w*) (?:over )?from (?:the )?(?:monthly|"
                         r"month-to-month|annual|yearly) (?:plan |billing |contract )?(?:\([^)]*\) )?to (?:an? )?(?:annual|yearly|monthly)\b"
                         r"|\b(?<!we )(?<!i )(?:los(?:e|es|ing|t)|wast(?:e|es|ed|ing)|cost(?:s|ing)? them)\b|\bwe (?:quoted|offered|"
                         r"charge|priced)\b|\b(?:were|was|been|got|get|being) quoted\b|\bquoted (?:them|her|him)\b|"
                         r"\bquote from\b|\bi (?:quoted|offered)\b|\bon (?:our|my) (?:side|end)\b|\b(?:is|was|'s) what you (?:quoted|offered|proposed|pitched)\b|(?<!what )(?<!exactly )\b(?:i|we) (?:pitched|proposed)\b|\bdiscount\b"
                         # "Starter is 299/mo and Growth is 799/mo", "(customer, Starter at 299/mo)", "Scale = 1,999/mo": a plan's
                         # price, ours
                         r"|\b(?:starter|growth|scale|pro|plus|basic|standard|premium|enterprise|business|essentials|professional|advanced|"
                         r"ultimate)(?: (?:plan|tier|package|edition|annual|monthly))? (?:is|at|@|for|=|costs?|runs?|would be|comes to|was)\s*"
                         r"(?:about |around |only |just |roughly )?(?:\$\s?)?\d[\d,.]*\s*k?\s*(?:/\s*(?:mo|month|yr|year)\b|(?:a|per) (?:month|year)\b|"
                         r"monthly\b|annually\b|(?=\s*[;)]))"
                         # "What they have: Scale, 19,990/yr", "their Scale renewal (19,990/yr) comes up in June": the plan they
                         # are on, its price said beside its name
                         r"|\b(?-i:Starter|Growth|Scale|Pro|Plus|Basic|Premium|Enterprise|Essentials|Professional|Advanced)"
                         r"(?: (?:plan|tier|package|edition|annual|monthly|renewal|subscription|contract))?(?:,\s*|\s*\(\s*)(?:\$\s?)?"
                         r"\d[\d,.]*\s*k?\s*(?:/\s*(?:mo|month|yr|year)\b|(?:a|per) (?:month|year)\b|monthly\b|annually\b)"
                         r"|\b(?:starter|growth|scale|pro|plus|basic|premium|enterprise|essentials|professional|advanced)"
                         r"(?: (?:plan|tier|package|edition|annual|monthly|renewal|subscription|contract))?\s*\(\s*(?:\$\s?)?"
                         r"\d[\d,.]*\s*k?\s*(?:/\s*(?:mo|month|yr|year)\b|(?:a|per) (?:month|year)\b|monthly\b|annually\b)"
                         # "Salesforce dropped their quote to 13k a year", "a Salesloft quote, 29k": another vendor's price
                         r"|\b(?:dropped|cut|lowered|reduced|slashed|trimmed|sharpened|matched|beat) (?:their|its) (?:quote|price|pricing|"
                         r"offer|bid|number)\b|\b(?-i:[A-Z][\w.&-]+) (?:quote|offer|bid|proposal)s?\b(?=,?\s*(?:at |for |of |came in )?"
                         r"(?:about |around |roughly )?\$?\d)"
                         # "said yes to monthly billing at our $500/mo", "fine with our 6k": a figure named as ours
                         r"|(?<!match )(?<!matches )(?<!within )(?<!under )(?<!below )\b(?:our|my) (?:\$\s?)?\d"
                         # "we'd be about $800 a month on Growth": our price said as what we would cost
                         r"|\b(?:we'd|we would|we'll|we will|we're|we are|it'd|it would) (?:only )?(?:be|cost (?:them|her|him)?) (?:about |around |roughly |"
                         r"like |just )?(?:\$|\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|"
                         r"forty|fifty|sixty|seventy|eighty|ninety) (?:hundred|thousand|grand|k|fifty|\w+ty)\b)", re.I)
_NO_BUDGET = re.compile(r"\b(?:no|zero|not (?:a|any)|don't have (?:a|any)|doesn't have (?:a|any)|without (?:a|"
                        r"any))\s+budget\b"
                        r"|\bbudget (?:is|was)n't\b|\bbudget (?:is |was )?(?:not|tbd|unknown|unclear)\b", re.I)
_COUNT_AFTER = re.compile(r"^\s*(?:(?:active|new|more|total|paid|extra|additional)\s+)?(?:users?|seats?|employees?|people|"
                          r"licen[cs]es?|units?|trucks?|vehicles?|drivers?|reps?|agents?|locations?|stores?|sites?|"
                          r"records?|contacts?|calls?|tickets?|orders?|shipments?|members?|customers?|accounts?|"
                          r"patients?|students?|beds?|pallets?|skus?|devices?|machines?|staff|headcount|parcels?|packages?|"
                          r"deliveries|messages|emails|visits|visitors|views|downloads|installs|transactions|"
                          r"invoices|claims|leads|subscribers|followers|rows|items|cases|appointments|bookings)\b", re.I)
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_SCALES = {"k": 1e3, "grand": 1e3, "thousand": 1e3, "mil": 1e6, "million": 1e6, "m": 1e6}  # of "30 to 40k"

def _amounts(text: str) -> list[float]:
    """Dollar amounts said in ``text`` (spoken numbers included, read by the planner's parsers),
    not counts ("200 seats"), years, percentages or multiples ("3x")."""
    # "a few thousand", "several hundred a month": no figure was said
    text = re.sub(r"\b(?:a few|several|a handful of|a number of|many)\s+(?:hundred|thousand|grand|k)\b", "some", text, flags=re.I)
    text = re.sub(r"\b(a|one) quarter (million|mil)\b", r"\1 quarter of a \2", text, flags=re.I)  # "a quarter million"
    # "two and a half grand", "one and a half million": the half said between the figure and its scale
    text = re.sub(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|[1-9]\d?) and a half (grand|thousand|k|million|mil)\b",
                  lambda m: f"{(_SMALL.get(m.group(1).lower()) or int(m.group(1))) + 0.5} {m.group(2)}", text, flags=re.I)
    text = re.sub(r":\s+(?=\$?\d)", ", ", text)  # "Budget: 12k" (a label, not a clock time)
    text = re.sub(r"(?<![\w-])(?<!point )two(?=\s+grand\b)", "2", text, flags=re.I)  # the parser leaves "two grand"
    # "between one fifty and two hundred thousand": a range, not one number joined by "and"
    text = re.sub(r"\b(between\s+(?:about |around |roughly )?(?:[\w$.,-]+\s+){0,2}?[\w$.,-]+)\s+and\s+(?=(?:a|one|two|three|four|five|six|seven|"
                  r"eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|\$?\d)\b)", r"\1 to ", text, flags=re.I)
    t = words_to_digits(text)
    t = re.sub(r":\s+(?=\$?\d)", ", ", t)  # "corrected himself: two grand" (the label again, once the words are digits)
    t = re.sub(r"\b(19\d\d|20\d\d)\b(?=\s*(?:a |per |/)\s*(?:month|year|mo|yr)\b|\s*(?:dollars|bucks|usd)\b)",
               lambda m: f"{m.group(1)[0]},{m.group(1)[1:]}", t, flags=re.I)  # "2000 a month" is money, not a year
    # ("can't go above one eighty-five": a cap said the short way is thousands too)
    t = re.sub(r"\b(budget(?:'s| is| of| was| at| approved at| set at)|number is|(?:go|going|spend|spending) (?:above|over|beyond|past|more than)|"
               r"no more than|at most|capped at) (?:about |around |roughly )?([1-9]) ([1-9]\d)\b(?!\s*(?:k|"
               r"grand|thousand|million|%|"
               r"percent|a |per |users?|seats?))", lambda m: f"{m.group(1)} {m.group(2)}{m.group(3)} thousand", t,
               flags=re.I)  # "the budget is one twenty": 120 thousand
    # "their budget is twenty", "their ceiling is ten": a bare figure under a hundred is thousands
    # "Budget fifteen to twenty, ... she'd land at eighteen": a range said short after the label is thousands
    t = re.sub(r"^(\s*budget(?::|,)?\s+(?:(?:he|she|they|(?-i:[A-Z][a-z]+)) (?:said|says),?\s+)?)([1-9]\d?) (to|-|or) ([1-9]\d?)\b(?!\s*(?:k|grand|thousand|million|%|percent|\d))",
               r"\1\2 thousand \3 \4 thousand", t, flags=re.I)
    t = re.sub(r"\b((?:budget|ceiling|cap|max(?:imum)?|limit)(?:'s| is| of| was| at|ed|(?: (?!is\b|was\b)(?:his|her|their|the|"
               r"board|boss|ceo|cfo|owner|team|finance|got|approved|signed off|okayed|agreed|set|line|actual|real)){1,4} (?:is|was))"
               r"(?: still| now| only| just)?"
               r"(?: about| around| roughly| maybe)?) "
               r"([1-9]\d?)\b(?![.,]?\d|\s*(?:k|grand|thousand|million|%|percent|a |per |/|users?|seats?|people|\w+s\b|"
               # ("the budget line is sixty-five and anything above that ...": a new clause after "and", not "sixty-five and a half")
               r"and\s+(?:a half|a quarter|change|\d|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty|hundred|thousand)\b|point\b|"
               r"hundred|-|\d)|\s+[1-9])",
               r"\1 \2 thousand", t, flags=re.I)
    if re.search(r"\bbudget|\blast (?:year|quarter|cycle)'s\b", t, re.I):  # "thirty-six in the budget last year, this year it's thirty": thousands
        # ("ninety was last year's number, this year it's eighty-five", "for us specifically it's twenty-five")
        t = re.sub(r"\b((?:this year|now|these days|for (?:us|this|this project|this one)(?: specifically| alone| itself)?),? "
                   r"(?:it's|it is|it'll be|they've got|they have|they've|it was cut to)) "
                   r"([1-9]\d?)\b(?![.,]?\d|\s*(?:k|grand|thousand|million|%|percent|\w+s\b))", r"\1 \2 thousand", t, flags=re.I)
        # "twelve was last quarter's number, it's fifteen now"
        t = re.sub(r"\b((?:it's|it is|it'll be|they've got|they have)) ([1-9]\d?)(?= (?:now|this (?:year|quarter|time|cycle))\b)",
                   r"\1 \2 thousand", t, flags=re.I)
    # "twelve thousand, then she corrected herself, it's fourteen", "forty K, Felix corrected him, thirty-four": the bare
    # corrected figure takes the scale of the one it corrects
    t = re.sub(r"((?:\d[\d.]*\s*(k|grand|thousand)|\d{1,3},?000)\b[^.;]*?\b(?:corrected (?:himself|herself|themselves|him|her|them|it|that)|"
               r"then said|changed it to|no,? sorry|i mean|jumped in,? no|(?:then|but),? no|no,? (?:let's say|make it|call it|it's)|call it|"
               r"forget (?:that|it)|ignore (?:that|it)|scratch that)\b[^\d.;]{0,20}?)\b([1-9]\d?)\b(?![.,]?\d|\s*(?:k|grand|thousand|million|%|"
               r"percent|am|pm|a\.m|p\.m|o'clock|users?|seats?|people|and\b|point\b|(?!is\b|was\b|as\b)\w+s\b))",
               lambda m: f"{m.group(1)}{m.group(3)} {m.group(2) or 'thousand'}", t, flags=re.I)
    # "thirty-six thousand, then corrected herself, the thirty-six included implementation, so thirty for the software": the
    # bare figure the correction lands on, after "so", takes the scale of the one corrected
    t = re.sub(r"((?:\d[\d.]*\s*(k|grand|thousand)|\d{1,3},?000)\b[^.;]*?\b(?:corrected (?:himself|herself|themselves|him|her|them|it|that)|"
               r"then said|took it back)\b[^.;]*?,\s*so\s+)([1-9]\d?)\b(?=\s+(?:for|on|is|it is|for the)\b)",
               lambda m: f"{m.group(1)}{m.group(3)} {m.group(2) or 'thousand'}", t, flags=re.I)
    # "they've got thirty-six approved", "we have 65 budgeted", "budgeted closer to forty-five", "sixty was always their number",
    # "eva's number is 12": a bare figure said as the money they have is thousands
    t = re.sub(r"\b((?:'ve got|have got|have|has|got|'ve) (?:about |around |roughly |maybe )?)([1-9]\d?)(?= (?:approved|budgeted|set aside|"
               r"earmarked|allocated|ring-?fenced)\b)", r"\1\2 thousand", t, flags=re.I)
    # "I have 50 for this in next year's plan": a bare figure they have for this is thousands
    t = re.sub(r"\b((?:have|has|'ve got|got) )([1-9]\d?)(?= for (?:this|it|the (?:project|rollout|expansion|renewal|pilot))\b)", r"\1\2 thousand", t,
               flags=re.I)
    t = re.sub(r"\b((?:budgeted|earmarked|allocated|approved) (?:closer to |about |around |roughly |up to |maybe )?)([1-9]\d?)\b"
               r"(?![.,]?\d|\s*(?:k|grand|thousand|million|%|percent|a |per |/|users?|seats?|people|\w+s\b|hundred|-))",
               r"\1\2 thousand", t, flags=re.I)
    t = re.sub(r"(?:(?<=^)|(?<=[,;:.]\s))([1-9]\d?)(?= (?:was|is) (?:always |still )?(?:their|her|his|the) (?:number|budget|figure)\b)",
               r"\1 thousand", t, flags=re.I)
    t = re.sub(r"\b((?:(?-i:[A-Z][a-z]+)|she|he|they|her|his|their)(?:'s)? (?:number|figure) (?:is|was) (?:about |around |roughly )?)([1-9]\d?)\b"
               r"(?![.,]?\d|\s*(?:k|grand|thousand|million|%|percent|users?|seats?|people|\w+s\b|hundred|-))", r"\1\2 thousand", t,
               flags=re.I)
    # "she had twenty in mind", "forty-eight is roughly what they had in mind": a bare figure they have in mind is thousands
    t = re.sub(r"\b((?:had|have|has|'ve|'d) (?:about |around |roughly |maybe |like )?)([1-9]\d?)(?= in mind\b)", r"\1\2 thousand", t,
               flags=re.I)
    t = re.sub(r"\b([1-9]\d?)(?= (?:is|was|'s) (?:roughly |about |around |more or less |basically |pretty much )?what (?:they|she|he|"
               r"(?-i:[A-Z][a-z]+)) (?:had|have|has|'d|'ve got) in mind\b)", r"\1 thousand", t, flags=re.I)
    # "one ninety thousand" (the parser reads "1 90000"): hundreds of thousands said the short way
    t = re.sub(r"\b([1-9]) ([1-9]\d)(000)\b", lambda m: f"{int(m.group(1)) * 100 + int(m.group(2))}000", t)
    if _BUDGET_CUE.search(t):  # "budget is thirty-two five", "nine six": thousands and hundreds said the short way
        # "we have one sixty approved": a bare "one sixty" about money is thousands ("two fifty a month" stays hundreds)
        t = re.sub(r"(?<![\d,.:])\b([1-9]) ([1-9]\d)\b(?![.,:]?\d|\s*(?:k|grand|thousand|million|%|percent|am|pm|a\.m|p\.m|o'clock|"
                   r"users?|seats?|people|\w+s\b|(?:a|per|/)\s*(?:month|mo|week|seat|user)\b))",
                   lambda m: f"{int(m.group(1)) * 100 + int(m.group(2))} thousand", t)
        t = join_short_hundreds(t)  # "maybe two fifty" -> 250 (a figure's shorthand, the caller knows it is about money)
        t = re.sub(r"\b(?:is|of|at|be|about|around|roughly)\s+([1-9]\d?) ([1-9])\b(?!\s*(?:k|grand|thousand|million|%|"
                   r"percent|"
                   r"users?|seats?|people|\w+s\b))", lambda m: f" {int(m.group(1)) * 1000 + int(m.group(2)) * 100} dollars", t)
    # "from 100 grand to 60": the bare second figure takes the first one's scale
    t = re.sub(r"\b(from\s+(?:a |an |about |around )?\$?\d[\d.]*\s*(k|grand|thousand|million)\s+(?:down |"
               r"up )?to\s+\$?\d[\d.]*)\b(?!\s*(?:k|grand|thousand|million|%))",
               r"\1 \2", t, flags=re.I)
    # "the budget got cut from forty to twenty five": bare budget figures are thousands
    t = re.sub(r"\b(budget\w*(?:'s)? (?:\w+ ){0,3}?from) (\d+) ((?:down |up )?to) (\d+)\b(?!\s*(?:k|grand|thousand|million|%|\d))",
               r"\1 \2 thousand \3 \4 thousand", t, flags=re.I)
    t = re.sub(r"\b(\d+)\s*(?:hundred|100)\s*(k|grand|thousand)\b", lambda m: f"{int(m.group(1)) * 100} {m.group(2)}", t,
               flags=re.I)  # "2 hundred grand"
    t = re.sub(r"\b(\d+) and a half\s*(?:1000|thousand)\b", r"\1.5 thousand", t, flags=re.I)  # "nine and a half thousand"
    # a bare figure they have or cap their spend at, said short: "they have four and a half, max", "not spending more
    # than thirty-six a year", "they have maybe twenty" (beside a price said short: "the plan is twenty-four")
    t = re.sub(r"\b(\d) and a half\b(?!\s*(?:k|grand|thousand|million|%|percent|\w+s\b))", r"\1.5", t, flags=re.I)
    t = re.sub(r"\b(have|has|got|can do|can spend|can go to)\s+(?:about |around |maybe |like |roughly )?([1-9]\d?(?:\.\d)?)(?=,?\s*"
               r"(?:max|maximum|tops|at most|at the most)\b)", r"\1 \2 thousand", t, flags=re.I)
    t = re.sub(r"\b((?:spend\w*|pay\w*|go(?:ing)?) (?:more than|over|above|beyond|past)|no more than) (?:about |around )?([1-9]\d?)\b"
               r"(?=\s*(?:a|per) year\b|\s*annually\b)", r"\1 \2 thousand", t, flags=re.I)
    # a bare figure under a hundred said as money they can go to, have approved, or have for the year is thousands:
    # "they can go up to forty", "what they've had approved is fifty", "it's thirty-five for the year", "budget 'around seventy'"
    t = re.sub(r"\b((?:can|could) (?:go|stretch|spend) (?:up )?to|approved (?:is|was|at)|(?:it's|it is|that's) (?:about |around |roughly )?"
               r"(?=[1-9]\d?\s+(?:for the year|a year|per year|annually)\b)|budget\w*\s*[:,-]?\s*[\"']?\s*(?:about|around|roughly|maybe|~)?)\s*"
               r"([1-9]\d?)\b(?![.,]?\d|\s*(?:k|grand|thousand|million|%|percent|users?|seats?|people|\w+s\b|-|hundred|to\b|or\b))",
               r"\1 \2 thousand", t, flags=re.I)
    if re.search(r"\b(?:plan|price|quote|quoted|fee|retainer)\b", t, re.I):
        t = re.sub(r"\b(have|has|got)\s+[\"']?\s*(maybe|about|around|roughly|like)\s+([1-9]\d?)\b(?=\s*[,.;\"']|\s*$)",
                   r"\1 \2 \3 thousand", t, flags=re.I)
    out: list[float] = []
    prev: tuple[float, int] | None = None  # the last figure said (dollars) and where it ended
    for a in find_amounts(t):
        after = t[a.end:]
        if re.search(r"\b(?:tix|tickets|calls|emails|leads|orders|messages|chats|requests|users|visits|visitors|shipments|deliveries|"
                     r"parcels|bookings|appointments|patients|cases|claims|invoices|sessions|signups|sign-ups)\s*,?\s*(?:~|about|around|roughly|"
                     r"approx\.?|of|at|is|are|were|:)?\s*$", t[:a.start], re.I):
            continue  # "L1 tix ~2k/mo": a volume, not money
        if a.percent or re.match(r"\s*(?:x|times)\b|\s*(?:(?:a|per|/)\s*(?:month|year|mo|yr),?\s*)?(?:a|per|/)\s*(?:seat|"
                                 r"user|"
                                         r"licen[cs]e|head|agent|rep)\b", after, re.I):  # a unit price, not a budget
            continue
        value = a.value
        if not a.bare and not re.match(r"\s*(?:dollars|bucks|usd)\b", after, re.I) and _COUNT_AFTER.match(after):
            continue  # "one point two million parcels a month": a count, however large
        said_dollars = bool(re.match(r"\s*(?:dollars|bucks|usd)\b", after, re.I))
        if a.bare and not said_dollars:
            # "30 to 40k": a bare number joined to a scaled one takes its scale
            joined = re.match(r"\s*(?:to|-|or)\s*\$?\s*\d+(?:\.\d+)?\s*(k|grand|thousand|mil(?:lion)?|m)\b", after, re.I)
            if joined:
                value *= _SCALES[joined.group(1).lower()]
            elif prev and (a.start - prev[1] < 30 or re.search(r"\b(?:to|no,?|no, it's|sorry,?|i mean,?|actually,?|make (?:that|it),?|call it|"
                                                               r"(?:realistically,? )?plan on|use|go with|put down|write down|realistically(?:,? (?:it's|say))?,?|settled on|landed on|(?:would|'d) (?:land|settle) (?:at|on)|"
                                                               r"let's say|it (?:was|is|'s) (?:a |actually )?|"
                                                               # "sorry, I'm wrong, he said seventy-five"
                                                               r"(?:sorry|no),? (?:i'm wrong|i was wrong|my mistake|my bad|i misheard),? "
                                                               r"(?:he|she|they) said,?|"
                                                  r"corrected (?:himself|herself|themselves|that|it),?)\s*\$?$", t[:a.start], re.I)) and not re.match(
                                                      r"\s+(?:was|is) (?:last|next) (?:year|quarter|cycle|month|fiscal year)'s\b", after, re.I) and re.match(r"\s*(?:[,.;!?]|$|at most|tops|max\w*|or so|if|for|and|in the end|"
                                                              r"a year|per year|annually|a month|at a (?:stretch|push)|if (?:pushed|needed))", after, re.I) \
                    and any(0.5 <= value * k / prev[0] <= 3 for k in (1e3, 1e6)):
                value *= next(k for k in (1e3, 1e6) if 0.5 <= value * k / prev[0] <= 3)  # "25 thousand, maybe 30": its scale
            elif value < 100 or (value < 1000 and not re.match(r"\s*(?:a|per|/)\s*(?:month|year|mo|yr)\b", after, re.I)):
                continue  # a small bare number is no budget ("six hundred a month" is)
            if _COUNT_AFTER.match(after):
                continue
        out.append(value)
        prev = (value, a.end)
    return out


#: A short fragment after a figure that says it is none: "- no real number", "No firm figure, though.", "- not a real budget".
_NO_FIGURE_AFTER = re.compile(r"^(?:(?:so|but|and|though|although)\s*,?\s*)?(?:there's |there is |that's |that is |it's |it is )?(?:no|not a|not any)\s+"
                              r"(?:real|firm|hard|actual|concrete|set|fixed|committed)\s+(?:number|figure|budget|amount)\b"
                              r"(?:\s+(?:yet|though|either|at all|so far|for now|for this))*\s*,?\s*(?:though|yet)?[.!]?$", re.I)
_HOW_MUCH_UNKNOWN = re.compile(r"\b(?:not sure|don't know|doesn't know|unclear|no idea|(?:couldn't|could not|can't|cannot|didn't|"
                               r"did not|wouldn't|won't) (?:say|tell|guess)) (?:yet )?(?:how much|what)\b|"
                               # "a 250k programme budget and intake would be one piece of it": the whole pot, this purchase's
                               # share unsaid
                               r"\b(?:would be|'d be|is|'s|will be|is only|is just) (?:just |only )?(?:one|a) (?:small )?(?:piece|part|slice|"
                               r"portion|chunk|bit|line) of (?:it|that|the (?:[\w-]+ )?(?:budget|pot|programme|program))\b(?![^.;]*\d)", re.I)


_NUMW = (r"(?:\$?\d[\d,.]*\s*(?:k|grand|thousand)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
         r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|grand|k)")
#: A figure taken back or disowned: "the eighty thousand floating around was a guess", "there's no real budget yet".
_WITHDRAWN = re.compile(
                        # another purchase's money said beside ours: "that's earmarked for new tills", "unrelated to us",
                        # "he hasn't put any number against this yet"
                        r"\bbut that's (?:earmarked|set aside|reserved|committed|budgeted|allocated|for)\b|\bunrelated to (?:us|this)\b|"
                        r"\bnothing(?:'s| is| has been)? (?:set aside|earmarked|budgeted|allocated) for (?:us|this)\b|"
                        r"\b(?:hasn't|haven't|didn't|did not|has not|have not|hadn't) (?:yet )?(?:put|give|given|name|named|share|"
                        r"shared|attach|attached) (?:any|a|an) (?:number|figure|amount|budget)\b|\bno (?:number|figure) for us\b|"
                        # a range they cannot place: "fifteen to twenty-five K, and he didn't know where in that range"
                        r"\b(?:don't|doesn't|didn't|do not|does not|did not) (?:\w+ly )?know (?:yet\b|where in (?:that|the) range\b)|"
                        r"\bnot sure where in (?:that|the) range\b|"
                        # "her marketing budget for the whole year is twelve grand, and this can't eat all of it": a bigger pot,
                        # of which this purchase gets some unsaid part
                        r"\b(?:this|it|that|we|us|our (?:[\w-]+ )?(?:package|retainer|thing|tool|product|piece|service|bot))\s+(?:can't|cannot|"
                        r"can not|won't|shouldn't|couldn't|mustn't|isn't going to|is not going to)\s+(?:\w+\s+)?(?:eat|take|use|swallow|"
                        r"consume|blow|have|get|be)\s+(?:up\s+)?(?:all|most|the whole|half|the bulk)\b|"
                        r"\b(?:was|is|were) (?:just |only |really )?(?:a guess|a placeholder|made up|a rough guess|"
                        r"somebody's guess|not real|not a real (?:number|budget|figure))|\bno real (?:budget|number|figure)\b|"
                        # "twenty-five, maybe thirty, nothing committed", "forty K was floated, not committed yet": no figure of theirs
                        r"\bnothing(?:'s| is| has been)? (?:yet )?(?:committed|firm|locked in|signed off)\b|\b(?:not|un)[- ]?committed\b|"
                        # "somewhere between 30 and 36k, not settled", "..., so no number yet": the figure said is none of theirs
                        r"\b(?:not|nothing|un)[- ]?(?:yet )?(?:settled|decided|agreed|final(?:i[sz]ed)?)\b(?!\s+(?:on|at|with|by|yet on)\b)|"
                        r"(?:,|\bso|\bbut)\s+(?:there's |there is |still |that's )?no (?:real |firm |actual |hard )?(?:number|figure|budget)"
                        r"(?: (?:yet|for now|so far))?\s*[.;]?\s*$|"
                        # "she has maybe nine thousand left this year, but she'd rather wait": money they decline to spend
                        r"\b(?:'d|would) (?:much |really )?rather (?:wait|hold off|not (?:buy|commit|do (?:it|this|anything)))\b|"
                        r"\bnot (?:a )?real (?:budget|number|figure)\b|\b(?:ignore|scrap|forget) (?:that|the) (?:\w+ ){0,2}"
                        r"(?:number|figure)\b|"
                        # "scratch that, no number until the board meets": the figure before is taken back
                        r"\b(?:scratch|strike) that\b,?\s+(?:there's |there is )?no (?:real )?(?:number|figure|budget)\b|"
                        # "floated eighty and then said scratch that, she needs to talk to her co-founder before she puts
                        # any number out there": the figure is withdrawn until then
                        r"\b(?:scratch|strike|forget|ignore) that\b[^.;]*\b(?:any|a|the|no) (?:real )?(?:number|figure|budget)\b|"
                        r"\bbefore (?:she|he|they|we|i) (?:puts?|gives?|shares?|names?|commits? to|commit to) (?:any|a|an|the) "
                        r"(?:number|figure|amount|budget)\b|"
                        r"\bno (?:number|figure|budget)(?: yet)? until\b|"
                        # "she'd spend three thousand, maybe, then said no, don't hold me to a number": taken back
                        r"\b(?:don't|do not|not to|won't|can't|wouldn't) hold (?:me|her|him|them|us) to (?:a|any|that|the|this) "
                        r"(?:number|figure|amount|price)\b|"
                        # "she said ten K but then took it back", "then said let's not put a number on it",
                        # "she's not authorised to share a number": the figure is withdrawn
                        r"\b(?:took|takes|take|taken|taking|walked|walks|walking) (?:it|that|the (?:number|figure)) (?:\w+ly |straight |right )?back\b|"
                        # "then said don't write that down", "asked me not to put that in the CRM": off the record
                        r"\b(?:don't|do not|not to|shouldn't|please don't) (?:write|put|note|log|record|take) (?:that|it|this|the "
                        r"(?:number|figure)) (?:down|in)\b|\boff the record\b|"
                        # "had 72k earmarked but that was pulled when budgets froze, so there's no number right now"
                        r"\b(?:that|it|the money|the budget) (?:was|got|has been|were) (?:then )?(?:pulled|withdrawn|clawed back|"
                        r"taken away|cancell?ed|frozen|cut to zero)\b|"
                        r"\bthere's no (?:number|figure|budget) (?:right now|at the moment|for now|anymore|any more)\b|"
                        # "they had 3k set aside, but all new tool spend is now frozen until the reorg": the money said is frozen
                        r"\bbut (?:(?:all|any) )?(?:(?:new|the|their|that|this) )?(?:[\w-]+ ){0,2}(?:spend(?:ing)?|budgets?|money|purchas\w+|"
                        r"funding|buying)\s+(?:is|are|has been|have been|got|was|were)\s+(?:now |since |all |completely |fully )?(?:been )?(?:put )?"
                        r"(?:frozen|on hold|paused|suspended|on ice|pulled|cancell?ed)\b|"
                        r"\b(?:let's not|not|n't|won't|wouldn't|rather not) (?:want to |wanting to )?(?:put|pin) (?:a|any) "
                        r"(?:number|figure|dollar amount) on (?:it|this|that)\b|"
                        r"\bnot (?:authori[sz]ed|allowed|able|supposed|cleared) to (?:share|give|say|disclose|name|quote) (?:a|the|any) "
                        r"(?:number|figure|budget|amount)\b|"
                        # a range they would not settle ("between 200 and 300 thousand ... he wouldn't pick a number",
                        # "couldn't narrow it down"): no one figure is theirs (callnotes10 README, convention 1)
                        r"\b(?:wouldn't|won't|couldn't|can't|didn't|would not|could not|will not|refused to) (?:\w+ )?(?:pick|name|choose|"
                        r"settle on|commit to|land on) (?:a|one|any|an exact|a single|a specific) (?:number|figure|amount)\b|"
                        r"\b(?:wouldn't|won't|couldn't|can't|could not|would not) narrow (?:it|that|the range) down\b|"
                        # "then said forget that, he has to check with finance", "shouldn't have given a number ..., so disregard
                        # it": the figure said before is withdrawn (a new figure said after is a correction, kept)
                        r"\b(?:said|says|told (?:me|us))\s*,?\s*(?:to\s+)?(?:forget|ignore|scratch|disregard) (?:that|it)\b(?![^.;]*(?:\d|thousand|grand|"
                        r"hundred|\bk\b))|\b(?:so |please )?disregard (?:it|that|the (?:number|figure))\b(?!\s*\))(?![^.;]*(?:\d|thousand|grand|hundred|\bk\b))|"
                        r"\bshouldn't have (?:given|named|shared|said|mentioned|put out) (?:a|that|the|any) (?:number|figure|amount)\b|"
                        # "so scratch the thirty", "forget the eighty": the figure named is taken back
                        r"\b(?:scratch|strike|forget|ignore|drop|disregard) the (?:" + _NUMW + r")(?:[- ](?:" + _NUMW + r"))*\b(?!\s+(?:seats|users|"
                        r"people|reps|percent))", re.I)
#: The one figure of a sentence set aside as another purchase's: "the thirty-six K is their LMS renewal, a different
#: line" (with a second figure, "their ad spend ... is a separate pot", only that clause goes).
_ELSEWHERE = re.compile(r"\b(?:a |an )?(?:different|separate) (?:line|budget|line item|pot|purchase|project)\b", re.I)


#: The seller spending its own money: "we burned four grand on LinkedIn", "I spent 2k on the booth".
_SELLER_SPEND = re.compile(r"\b(?:we|i|we've|i've)\s+(?:\w+\s+)?(?:burned|burnt|spent|spend|blew|wasted|paid|invested|sank|"
                           r"dropped|lost)\s+(?:like |about |around |roughly |over |almost |nearly |close to )?(?:\$|\d|(?:a|one|two|"
                           r"three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b)", re.I)
#: Our slice of a bigger program: "our piece, the fleet analytics, is carved out at about 185k".
_OUR_PIECE = re.compile(r"\b(?:our|the vendor'?s?|this) (?:piece|part|slice|share|portion|line item|chunk|bit)\b|"
                        r"\bcarved out\b|\bring-?fenced for (?:us|this)\b", re.I)


#: A budget said against our figure: "our list price is 80k ... they were thinking half that" -> 40000.
_RELATIVE = re.compile(r"\b(?:thinking|have|has|got|budget(?:ed)?|looking at|more like|closer to|could do|can do|can afford|"
                       r"expect(?:ed|ing)?)\s+(?:about |maybe |roughly |more like |closer to |something like )?(half|a third|a "
                       r"quarter|two thirds|three quarters) (?:of )?(?:that|it|the price|our price|the quote|our quote|what we "
                       r"quoted)\b", re.I)
_FRACTION = {"half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "two thirds": 2 / 3, "three quarters": 0.75}


#: A sentence that opens by correcting the one before: "Sorry, thirty-three, he said thirty-three four".
_FIX_OPENER = re.compile(r"^(?:(?:uh|um|er|oh),?\s+)*(?:sorry|no wait|wait,? no|correction|scratch that|i mean|my mistake|"
                         r"no,? (?:he|she|they) corrected (?:himself|herself|themselves))\b", re.I)


def _corrected_next(sentences: list[str], i: int) -> tuple[float, str] | None:
    """The figure of the sentence after ``i`` when it opens by correcting ("Uh, sorry, thirty-three, he said
    thirty-three four, so thirty-three thousand four hundred"): its last figure, read in the scale of the one
    it corrects ("thirty-three four" after "thirty-four thousand" is 33,400)."""
    if i + 1 >= len(sentences) or not _FIX_OPENER.match(sentences[i + 1]):
        return None
    nxt = sentences[i + 1]
    # "thirty-three four": thousands and hundreds said the short way
    amounts = _amounts(re.sub(r"^[^,]*,\s*", "budget is ", nxt, count=1)) or _amounts("budget is " + nxt)
    return (float(amounts[-1]), nxt) if amounts else None


#: A figure as said, in digits or words ("80k", "eighty", "fifty-four", "eighty thousand").
_NUM_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|"
             r"eighty|ninety|hundred|thousand|grand|k|million|point)")
_NUM_SAID = (r"(?:\$?\d[\d,.]*(?:\s*(?:k|grand|thousand|million))?|(?:a )?" + _NUM_WORD + r"(?:(?:[- ]|\s+and\s+)" + _NUM_WORD +
             r")*)\b")


#: A possible stretch above a figure set aside or approved: "could stretch to one twenty if the case is tight",
#: "maybe fifteen if it covers both buildings" (the firm figure said first is the budget).
_STRETCH = re.compile(r"(?:,?\s*(?:and|but)\s+)?(?:\b\w+ (?:thinks|said|says|reckons) )?(?:\b(?:they|she|he|it|we)\s+)?"
                      r"\b(?:(?:could|can|might|may)\s+(?:maybe\s+|possibly\s+)?stretch(?:\s+(?:it|that))?\s+to\s+(?:about\s+)?"
                      + _NUM_SAID + r"(?:\s+if\b[^,.;]*)?|maybe\s+" + _NUM_SAID + r"\s+if\b[^,.;]*)", re.I)
_FIRM = re.compile(r"\b(?:set aside|approved|signed off|earmarked|allocated|budgeted|(?:is )?what's there)\b", re.I)


def _drop_stretch(s: str) -> str:
    """``s`` without a stretch said after a firm figure ("about a hundred K set aside, and could stretch to one twenty if
    ..." -> the stretch clause goes); unchanged when no firm figure comes before it."""
    m = _STRETCH.search(s)
    if m and _FIRM.search(s) and _amounts(s[:m.start()]):
        return s[:m.start()] + s[m.end():]
    return s


def _per_year_instead(c: str, s: str, value: float) -> float:
    """The yearly figure of ``s`` when ``value`` is said per month in it and the customer also gives the year's total
    ("three fifty a month tops, ..., forty-two hundred a year" -> 4200); else ``value`` (dollars)."""
    t = words_to_digits(s)
    if not re.search(r"\b(?:a|per|/)\s*(?:month|mo)\b", t, re.I):
        return value
    for y in re.finditer(r"\b(?:a|per|for the|/)\s*(?:year|yr)\b|\bannually\b", s, re.I):
        before = _amounts(s[:y.start()])
        if before and before[-1] > value and not _BUDGET_NOT.search(s[max(0, y.start() - 60):y.start()]):
            return float(before[-1])
    return value


def _repeated_in_scale(s: str) -> str:
    """``s`` with a bare figure said again after "the" given the scale it was first said in ("spent 70k on the call
    centre ..., and the 70 moves over to this" -> "the 70k"); unchanged when no scaled figure says it first."""
    def scaled(m: re.Match[str]) -> str:
        if re.search(rf"\b{m.group(1)}\s*(?:k|grand|thousand)\b", s, re.I) and not _COUNT_AFTER.match(s[m.end():]):
            return f"the {m.group(1)}k"
        return m.group(0)
    return re.sub(r"\bthe ([1-9]\d{0,2})\b(?![.,]?\d|\s*(?:k|grand|thousand|million|%|percent|/|a |per ))", scaled, s)


def _budget_said(sentences: list[str]) -> tuple[float | None, str | None]:
    """The customer's budget as said (dollars, per month when said per month) and its sentence."""
    for i, s in enumerate(sentences):
        rel = _RELATIVE.search(s)
        if rel and not re.match(r"^(?:if|unless|assuming)\b", s, re.I):
            base = _amounts(s[:rel.start()]) or (_amounts(sentences[i - 1]) if i else [])
            if base:
                return round(base[-1] * _FRACTION[rel.group(1).lower()], 2), s
    for s in sentences:  # "approved 1.8M for the whole program, but our piece is carved out at 185k": our piece
        if _WITHDRAWN.search(s):
            continue
        piece = _OUR_PIECE.search(s)
        if piece and not re.search(r"\bmy guess\b|\bi (?:think|guess)\b|\bi'm guessing\b|\b(?:they|she|he) (?:didn't|did not|"
                                   r"never) (?:say|confirm)", s, re.I) and not _SELLER_SPEND.search(s) and not re.search(r"\b(?:quote|price|discount)", s, re.I):
            amounts = _amounts(s[piece.start():])
            if amounts:
                return float(amounts[0]), s
    for i, s in enumerate(sentences):
        if _WITHDRAWN.search(s) or (_ELSEWHERE.search(s) and len(_amounts(s)) <= 1):
            continue  # a figure taken back (or another purchase's) is no budget
        # "he said, no, ninety-six is your proposal, our budget is eighty-five": the customer's words, so "our" is theirs
        said_to_us = re.search(r"\b(?:he|she|they|(?-i:[A-Z][a-z]+)) (?:said|says|told me|replied|answered),?\s+[^.;]*?\byour (?:proposal|price|"
                               r"quote|number|offer|figure)\b", s, re.I)
        if said_to_us:
            s = s[:said_to_us.end()] + re.sub(r"\bour (budget|number|figure|ceiling|cap)\b", r"their \1", s[said_to_us.end():], flags=re.I)
        # "budget 30k (was 36k, finance cut it)": the earlier figure in brackets is history
        # (and "50k/yr firm (crm says 54, ignore)": a figure set aside in brackets)
        s = re.sub(r"\s*\((?:it )?(?:was|previously|formerly|originally|down from|up from|last year)\b[^)]*\)|"
                   r"\s*\([^)]*\b(?:ignore|disregard)\b[^)]*\)|"
                   # "renewal budget this yr is 30k, down from 36k last yr": the earlier figure said after it is history
                   r"(?<=[\dk]),\s*(?:down|up) from (?:the )?\$?\s?\d[\d,.]*\s*(?:k|grand|thousand)?(?:\s+(?:last|the previous|the prior) "
                   r"(?:year|yr|quarter|qtr|cycle|fiscal year|fy)|\s+(?:that |which )?(?:they|she|he) (?:had|spent|paid|got)(?: (?:last|in) "
                   r"[\w-]+)?|\s+(?:that |which )?(?:(?-i:[A-Z][a-z]+)|they|she|he) (?:gave|quoted|told|mentioned|floated) (?:me|us)(?: (?:last|on|in) [\w-]+)?)?"
                   r"(?=\s*(?:[,.;]|$))", "", s, flags=re.I)
        s = _drop_stretch(s)
        # "45k for the expansion, on top of what they already pay": today's spend named beside the new money
        s = re.sub(r",?\s*on top of what (?:they|she|he|we) (?:already |currently )?(?:pay|spend)s?(?: now| today)?\b", ", on top", s, flags=re.I)
        # "22k for the year, 2k under our 24k proposal": the gap to our figure goes
        s = re.sub(r",?\s*\$?\d[\d,.]*\s*k?\s+(?:under|below|over|above|less than|more than|short of) (?:our|the|my) (?:\$?\d[\d,.]*\s*k?\s+)?"
                   r"(?:proposal|quote|price|number|offer|figure)\b", "", s, flags=re.I)
        # "the seed extension closed, so now there's real money: ...": the funding is why, not the figure
        s = re.sub(r"\b(?:the |their |a )?(?:seed|series [a-e]|funding)(?: round| extension)? (?:closed|landed|came (?:in|through)|is done|went "
                   r"through),?\s*(?:so\s+)?", "", s, flags=re.I)
        # "spent 70k on the call centre ... the 70 moves over to this": the bare figure said again has the scale it had
        s = _repeated_in_scale(s)
        # "twenty-four thousand a year, roughly what they pay now", "nine six a year, which happens to be what we quoted":
        # the figure is theirs, the comparison goes
        s = re.sub(r",?\s*(?:which|that)?\s*(?:happens to be|is|matches|equals)?\s*(?:roughly|about|around|exactly|just|basically)?"
                   r"\s*(?:the same as )?what (?:they|she|he) (?:pay|pays|spend|spends)(?: now| today| (?:now|today) on [\w-]+)?\b|"
                   r",\s*which (?:happens to be|is|matches|equals) (?:exactly |just |roughly )?(?:what we quoted|our quote)\b", "", s,
                   flags=re.I)
        if _HOW_MUCH_UNKNOWN.search(s) or (i + 1 < len(sentences) and _HOW_MUCH_UNKNOWN.search(sentences[i + 1])
                                            and (len(sentences[i + 1].split()) <= 8 or re.search(
                                                r"\bhow much of (?:that|it|this)\b", sentences[i + 1], re.I))):
            continue  # "maybe ten grand on tools overall; not sure how much for us": no budget for us
        if i + 1 < len(sentences) and _NO_FIGURE_AFTER.match(sentences[i + 1].strip()):
            continue  # "probably around thirty grand - no real number yet": the figure said is denied right after it
        # each clause, then the whole sentence (the whole first when it corrects a figure: "40k, no, 55")
        # (each part of a clause joined by "and" too: "they pay 36K today and Tom wants to stay under 40K")
        parts = [p for c in _clauses(s) or [s] if _BUDGET_NOT.search(c)
                 # ("last year they spent 42k with us, this year the budget is 36k", "22k, up from the 18 they paid")
                 # ("our list comes to about 41k, Tom said the approved number is 36 thousand": what the customer then said)
                 for p in re.split(r"\s+and\s+|,\s+(?=(?:hers|his|theirs)\b)|,\s+(?=(?:this|next) year\b|(?:up|down) from\b)|"
                                   r",\s+(?=(?-i:[A-Z][a-z]+) (?:said|says|told (?:me|us))\b)", c)
                 if p != c]
        offer = re.search(r"\b(?:i|we)\s+(?:\w+\s+)?(?:pitched|quoted|proposed|offered|priced)\b", s, re.I)
        for c in ([s] if _CORRECTION.search(s) else []) + (_clauses(s) or [s]) + parts + [s]:
            # "four thousand set aside, more than the three we quoted": the comparison with our quote goes
            c = re.sub(r",?\s*(?:(?:a bit |a little |way |much )?(?:more|less|higher|lower|bigger|smaller) than|above|below|"
                       r"under|over|(?:the )?same as|matching|in line with|just like|equal to) (?:the |our |what )?(?:[\w$.,-]+ ){0,2}?(?:(?:we|i) (?:quoted|offered|proposed|pitched)\b|(?:we )?(?:have |had )?(?:in|on) (?:the |our )?"
                       r"(?:crm|system|pipeline|forecast|books)\b).*$",
                       "", c, flags=re.I)
            # "thirty grand for this, which is under our thirty-six": the comparison with our figure goes
            c = re.sub(r",?\s*(?:which|that)(?:'s| is| was)\s+(?:well |just |a bit |a little |way |slightly )?(?:under|below|above|over|"
                       r"short of|less than|more than|north of|south of)\s+(?:our|my)\s+" + _NUM_SAID + r"(?:\s+(?:quote|price|number|"
                       r"proposal|figure))?", "", c, flags=re.I)
            # "she first said seventy-two, which is our number": the figure named as ours goes with it
            c = re.sub(r"\b" + _NUM_SAID + r",?\s*(?:which|that)(?:'s| is| was)\s+(?:actually\s+|exactly\s+)?(?:our|my)\s+(?:[\w-]+\s+)?"
                       r"(?:number|quote|price|figure|fee|proposal)\b", " ", c, flags=re.I)
            # "twenty-two thousand for the year, not the twenty-four on our quote": our figure denied beside theirs
            c = re.sub(r",?\s*\bnot (?:the |our )" + _NUM_SAID + r"\s+(?:on|in|from|of) (?:our|my|the) (?:[\w-]+ )?(?:quote|proposal|"
                       r"price list|order form|contract)\b", "", c, flags=re.I)
            # "... he said seventy-five, eighty was our number": the figure named as ours goes, the rest stays theirs
            # (and one denied: "it's fifty not fifty-four")
            c = re.sub(r",\s*(?:and\s+|so\s+)?(?:the\s+)?" + _NUM_SAID + r"\s+(?:was|is|'s)\s+(?:our|my)\s+"
                       r"(?:[\w-]+\s+)?(?:number|quote|price|figure|fee|proposal)\b[^,.;]*|,?\s*\bnot\s+" + _NUM_SAID, "", c,
                       flags=re.I)
            if not (_BUDGET_CUE.search(c) or _BUDGET_CUE.search(words_to_digits(c))) or _BUDGET_NOT.search(c) \
                    or _SELLER_SPEND.search(c):
                continue
            if offer and c in s and s.find(c) > offer.start() and not re.search(
                    r"\b(?:they|they've|they'd|their|theirs|she|she's|she'd|her|hers|he|he's|he'd|his|budget\w*)\b", c, re.I):
                continue  # "I pitched a build at six grand and then fifteen hundred a month": the rest of our offer
            # ("Omar, musing: if all five depots came on, it'd run to two hundred K": the label before it changes nothing)
            if re.match(r"^(?:[^:.;]{1,60}:\s*)?(?:if|unless|assuming|should they|in case)\b", s, re.I):
                continue  # "If they get the grant, they could spend thirty K": a hypothetical, no budget
            if re.search(r"\b(?:we|i)\s+(?:have|had|'ve got|got|could offer|can offer|could give|can give|could put)\b", c, re.I):
                continue  # "we have five grand of co-marketing budget": the seller's money
            if _NO_BUDGET.search(c) and not re.search(r"\d|hundred|thousand|grand|million", c, re.I):
                continue
            if re.search(r"\b(?:she|he|they) (?:didn't|did not|never) (?:say|confirm)|\bmy guess\b|\bi'm guessing\b", s, re.I) \
                    and (c == s or not re.match(r"^budget\b", c, re.I)):
                continue  # the seller's guess, not what the customer said (a budget clause beside it still counts)
            c = re.sub(r"\b(?:(?:can|could|may|will|'ll|would) (?:sign|approve)|(?:allowed|authori[sz]ed|able) to (?:sign|approve|"
                       r"spend))(?: off)?(?: on)? (?:\w+ )?(?:up to|under|"
                       r"below)\s+(?:a few |a couple(?: of)? |several )?\$?\s*[\w.,-]+"
                       r"(?:\s*(?:k|grand|thousand|million|dollars|bucks|hundred(?: (?:a|per) (?:month|year))?))?|\b(?:sign[- ]?off|signing|approval|"
                       r"spending) (?:authority|limit|power) "
                       r"(?:up to|of|for)\s+\$?\s*[\w.,-]+(?:\s*(?:k|grand|thousand|million|dollars|bucks))?|\b(?:approval|"
                       r"sign[- ]?off)(?: (?:goes|runs|stops|tops out|only goes))? up to\s+\$?\s*[\w.,-]+(?:\s*(?:k|grand|thousand|million|dollars|bucks))?", " ", c,
                       flags=re.I)  # her signing limit, not a budget
            # "our proposal is out at twenty-four K, their budget is eighteen": our figure, not theirs
            c = re.sub(r"\b(?:our|my) (?:[\w-]+ )?(?:proposal|quote|price|pricing|offer|bid|prop)s? (?:(?:is |was |came |comes |went |"
                       r"stands )?(?:out |in )?(?:at|for)|(?:is going to be|was going to be|will be|would be|came to|comes to|is|was|'s)"
                       r"(?: closer to| nearer)?) (?:about |around |roughly )?\$?\s*[\w.,-]+(?:\s*(?:k|grand|thousand|million|"
                       r"dollars|bucks))?", " ", c, flags=re.I)
            # "he pushed back on the eighty K": the figure objected to is our price
            c = re.sub(r"\b(?:pushed back on|balked at|choked on|flinched at|objected to|winced at|baulked at)\s+(?:the |our "
                       r"|that )?\$?\s*[\w.,-]+(?:\s*(?:k|grand|thousand|million|dollars|bucks))?", " ", c, flags=re.I)
            # "anything over a hundred K goes up to the CIO", "any purchase above fifty needs the board": a threshold said as
            # what it covers is a signing limit, never a budget
            c = re.sub(r"\b(?:anything|everything|whatever|any (?:purchase|spend|deal|contract|order|invoice|amount|thing)s?)\s+"
                       r"(?:over|above|more than|bigger than|greater than|beyond|exceeding|north of)\s+(?:a |an )?\$?\s*[\w.,-]+"
                       r"(?:\s*(?:k|grand|thousand|million|dollars|bucks))?", " ", c, flags=re.I)
            # "whatever fits under ten K a year", "anything that comes in below eight grand": a vague ceiling, no figure of theirs
            c = re.sub(r"\b(?:whatever|anything)(?: (?:that|which))? (?:fits|comes in|lands|falls|stays|is|keeps it|costs)?\s*(?:under|below|"
                       r"beneath|less than|south of)\s+(?:a |an )?\$?\s*[\w.,-]+(?:[- ][\w-]+)?(?:\s*(?:k|grand|thousand|million|dollars|"
                       r"bucks))?", " ", c, flags=re.I)
            if _AUTH_CUE.search(c):  # "the GM approves any spend over 20 grand": a threshold, no budget
                # (but "they can't go above one eighty-five, that's what's been approved": a ceiling, the budget)
                c = re.sub(r"\b(?<!go )(?<!going )(?:over|above|more than|greater than|exceeding|north of)\s+\$?\s*[\w.,-]+"
                           r"(?:\s*(?:k|grand|thousand|million|dollars|bucks))?", " ", c, flags=re.I)
            amounts = _amounts(c)
            yearly = re.search(r"\bover (?:\w+ )?years\b", c, re.I) and [  # the figure said just before "a year"
                _amounts(c[:y.start()])[-1] for y in re.finditer(r"\b(?:a|per) year\b|\bannual", c, re.I) if _amounts(c[:y.start()])]
            if yearly:  # "three hundred thousand over two years, so a hundred and fifty a year": the yearly figure
                return float(yearly[-1]), s
            if amounts:  # a corrected figure is the last one said; otherwise the largest ("30 to 40k")
                fixed = _corrected_next(sentences, i)
                if fixed is not None:
                    return fixed
                value = float(amounts[-1] if _CORRECTION.search(c) else max(amounts))
                return _per_year_instead(c, s, value), s
    for i, s in enumerate(sentences[:-1]):  # "Kara isn't sure about budget. She thinks it'll be around fifteen grand."
        if re.search(r"\bbudget\b", s, re.I) and not _amounts(s) and not _BUDGET_NOT.search(s) and not _NO_BUDGET.search(s):
            nxt = sentences[i + 1]
            if re.search(r"\b(?:it'll be|it will be|it's|it is|it would be|that's|probably|maybe|around|about|roughly)\b", nxt, re.I) \
                    and not _BUDGET_NOT.search(nxt) and not re.match(r"^(?:\w+\s+)?(?:i|we)\b", nxt, re.I):
                amounts = [a for a in _amounts(nxt) if a >= 1000]
                if amounts:
                    return float(amounts[0]), nxt
    for s in sentences:  # no cue anywhere: an amount said first, as the sentence's topic
        if _FRONTED.match(s) and not _BUDGET_NOT.search(s) and not _WITHDRAWN.search(s) and not re.search(
                r"\b(?:revenue|sales|arr|lost|losing|cost (?:them|us)|worth|valued|raised|saved|save)\b", s, re.I):
            amounts = _amounts(re.split(r"[,;]|\s-\s", s, maxsplit=1)[0])
            if amounts:
                return float(amounts[0]), s
    return None, None


#: A figure said per month: "eight hundred a month", "400/mo", "1k monthly".
_PER_MONTH = re.compile(r"(?<!\bnot)(?<!\bnot )(?<!\bnot a )\s*(?:dollars\s+|bucks\s+)?(?:a|per|/|each|every)\s*(?:month|mo)\b|\s*monthly\b", re.I)
#: A "monthly budget of 2k": the month said before the figure.
_MONTHLY_BEFORE = re.compile(r"\bmonthly (?:budget|spend|number|figure|cap|ceiling|limit)\b|\bbudget (?:is |of )?(?:\w+ )?per month\b", re.I)
_MONTH_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36}
#: A contract term said in months or years: "on a twelve-month term", "over the 24 months", "annual contract".
_TERM = re.compile(r"\b(?:(?P<m>\d{1,2}|[a-z]+(?:-[a-z]+)?)[- ]months?(?: long)? (?:term|contract|commitment|agreement|deal|pilot|"
                   r"subscription|plan)\b|(?:over|for) (?:the |a |an )?(?:(?P<m2>\d{1,2}|[a-z]+(?:-[a-z]+)?) )months?\b(?! free| off| at no| gratis| comped)|"
                   r"(?P<y>\d|one|two|three|multi)[- ]years? (?:term|contract|commitment|agreement|deal|subscription)\b|"
                   r"(?P<a>annual|yearly|twelve-month|12-month) (?:term|contract|commitment|agreement|deal|subscription|plan)\b)", re.I)


def _term_months(note: str) -> int:
    """The contract term said in ``note`` in months (12 when none is said: a monthly budget is read per year)."""
    for m in _TERM.finditer(note):
        if m.group("a"):
            return 12
        if m.group("y"):
            y = m.group("y").lower()
            return 12 * {"one": 1, "two": 2, "three": 3}.get(y, int(y) if y.isdigit() else 1) if y != "multi" else 12
        w = (m.group("m") or m.group("m2") or "").lower()
        n = int(w) if w.isdigit() else _MONTH_WORDS.get(w)
        if n and 1 <= n <= 60:
            return n
    return 12


def _is_monthly(value: float, s: str) -> bool:
    """Whether ``value`` (dollars) is said per month in ``s`` ("maybe 400 a month", "1,500/mo", "a monthly budget of 2k")."""
    for m in _PER_MONTH.finditer(s):
        said = _amounts(s[:m.end()])
        # ("twenty-four thousand for the year, I don't think in monthly numbers": a year's figure, the month denied)
        between = s[:m.start()]
        if re.search(r"\b(?:year|yr|annual\w*)\b|n't\b|\bnot\b|\bnever\b", between[-60:], re.I) and re.search(
                r"n't\b|\bnot\b|\bnever\b", between[-25:], re.I):
            continue
        # ("three grand a month, then caught himself: no, three grand total": the figure said again is no longer monthly)
        if said and abs(said[-1] - value) < 0.5 and value not in _amounts(s[m.end():]):
            return True
    mb = _MONTHLY_BEFORE.search(s)
    return bool(mb and value in _amounts(s[mb.end():mb.end() + 40]))


def _budget(sentences: list[str]) -> tuple[float | None, str | None]:
    """The customer's budget in dollars and the sentence it came from; (None, None) when none is said.

    A budget said per month is read for the contract's whole term: x12 ("about a thousand a month" -> 12000),
    or x the term in months when one is said ("eight hundred a month over six months" -> 4800; "on an annual
    contract" is twelve). A yearly total said beside it wins ("five hundred a month, six thousand a year" -> 6000).
    Our own price per month is never the budget (it is set aside before this)."""
    # "She said the budget is - hold on - she said thirty-five hundred, ...": the figure said after an aside joins its cue
    joined = list(sentences)
    for i, x in enumerate(joined[:-1]):
        if re.search(r"\b(?:budget|number|figure)(?:'s| is| was)\s*[.,]?$", x.strip(), re.I):
            for j in (i + 1, i + 2):
                if j < len(joined) and _amounts(joined[j]) and all(
                        len(y.split()) <= 4 and not _amounts(y) for y in joined[i + 1:j]):
                    joined[i] = x.rstrip(" .,") + " " + " ".join(joined[i + 1:j + 1])
                    del joined[i + 1:j + 1]
                    break
    # "has to approve even a 3k pilot": a figure that shows how strict the rule is; "budget 45k, not the 48k we quoted": ours
    # denied goes; "set aside thirty-two" with "32k" elsewhere is in thousands; "Wait, no" alone joins the correction after it
    note = " ".join(sentences)
    joined = join_fix_alone([scale_bare(strip_our_document(strip_not_ours(EVEN_A_FIGURE.sub(" ", x))), note) for x in joined])
    value, s = _budget_said(joined)
    if value is None:  # "He'll approve fifty-five thousand for year one", "thirty is what I've got": no budget word
        value, s = plain_budget(joined, _amounts)
    if value is not None and s is not None and (disowned_after(s, joined) or doubted(s, joined)):
        return None, None  # "Sofia on budget: 'around 70' - not committed.": the figure disowned in the fragment after it
    if value is not None and s is not None and re.search(r"\bup to\b", s, re.I) and re.search(
            r"\b(?:'d|would|'d much|would much) (?:rather|prefer to) (?:\w+ )?(?:land|be|stay|come in|keep it|spend|end up|sit|"
            r"settle)\b[^.;]*?\b(?:around|about|near|closer to|nearer)\b[^.;]*?\b(?:or|to|and|-)\b", s, re.I):
        return None, None  # "'up to 12k', but he'd rather land around 9 or 10": a ceiling and a range under it, no one figure
    if value is not None and s is not None and _is_monthly(value, s):
        return round(value * _term_months(s + " " + " ".join(sentences)), 2), s
    return value, s
