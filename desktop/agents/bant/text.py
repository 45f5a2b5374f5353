"""Sentences, clauses and the small text helpers every BANT+ field uses."""

from __future__ import annotations

import re

from desktop.agents.bant.speakers import only_person_before

# -- sentences and clauses ------------------------------------------------------------------------
_SENT = re.compile(r"(?<=[.!?;\n])(?<!\b(?:Dr|Mr|Ms|St)\.)(?<!\bMrs\.)(?:(?<!\b[ap]\.m\.)|(?=\s+(?:[A-Z]|$)))(?<![A-Z][a-z]{1} [A-Z]\.)(?<![A-Z][a-z]{2} [A-Z]\.)(?<![A-Z][a-z]{3} [A-Z]\.)(?<![A-Z][a-z]{4} [A-Z]\.)(?<![A-Z][a-z]{5} [A-Z]\.)(?<![A-Z][a-z]{6} [A-Z]\.)(?<![A-Z][a-z]{7} [A-Z]\.)(?<![A-Z][a-z]{8} [A-Z]\.)"
                   r"\s+|\s+-{1,2}\s+|\s+—\s+")
_CLAUSE = re.compile(r",?\s+\b(?:but|although|though|whereas|while|however)\b\s+|,\s+(?=(?-i:[A-Z][a-z]+) (?:thinks|reckons|"
                     r"guesses|figures)\b)|,\s+(?:and\s+|so\s+)?(?=(?:they|he|she|"
                     r"i|we|i'll|we'll|they'll|the|their|our|next|(?-i:it|It)|budget|timeline|also)\b)", re.I)  # ("ops, IT and finance": the department)

_SELLER = re.compile(r"^(?:\w+\s+){0,2}?(?:i|we|i'm|we're|i'll|we'll|i've|we've|i'd|we'd|my|our|me|us)\b", re.I)
#: A question the customer asked, or a counterfactual, states no fact: "Priya asked about our roadmap for
#: Q2", "Tom wanted to know our uptime", "Oliver would decide if it were up to him", "if they ever did this"
#: (but "calls are people asking where their parcel is" states the customer's problem).
_NOT_A_FACT = re.compile(r"(?<!people )(?<!customers )(?<!callers )(?<!clients )(?<!patients )(?<!parents )(?<!tenants )"
                         r"(?<!drivers )(?<!members )(?<!all day )(?<!all night )(?<!constantly )(?<!keep )(?<!keeps )(?<!kept )(?<!always )(?<!nonstop )(?<!non-stop )\b(?:asked|asking|wondered|wondering|was curious)\s+(?:me\s+|us\s+)?"
                         r"(?:about|whether|if|how|what|when|why|who|where|which)\b|\b(?:wanted|wants) to know\b|\bif (?:it|they|"
                         r"he|she|we) (?:were|ever|had)\b|"
                         r"\bif (?:it|that) was up to\b", re.I)


# -- helpers -------------------------------------------------------------------------------------
def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(text) if s and s.strip()]


def _clauses(sentence: str) -> list[str]:
    return [c.strip(" ,") for c in _CLAUSE.split(sentence) if c and c.strip(" ,")]


def _seller_subject(clause: str, cue_start: int) -> bool:
    """True when the words before the cue make the seller the subject ("I need", "we want")."""
    head = clause[:cue_start].strip().lower()
    words = re.findall(r"[a-z']+", head)
    # ("so we'll need to trim scope": the seller's own need)
    return bool(words) and words[-1] in ("i", "we", "i'd", "we'd", "i'm", "we're", "i'll", "we'll", "me", "us", "my", "our") or \
        bool(re.search(r"\b(?:i|we)(?:'ll| will| would| might| may)?(?:\s+(?:really|just|also|probably))?\s*$", head))


#: The seller's own people ("my VP", "our legal team", "my manager"): a "he"/"she" right after one of them is the seller's side.
_SELLER_PERSON = re.compile(r"\b(?:my|our) (?:own )?(?:[\w-]+ )?(?:vp|boss|manager|director|head|cro|ceo|cfo|coo|founder|legal|"
                            r"finance|team|lead|colleague|ae|se|deal desk|sales engineer|rev ?ops|partner)\b", re.I)


def _seller_pronoun(sentence: str, clause: str) -> bool:
    """True when ``clause`` opens with "he"/"she" and the last person named before it in ``sentence`` is the
    seller's own ("I need my VP to approve the discount, he'll answer by Tuesday"): his date is not theirs."""
    if not re.match(r"^(?:and |so |then )?(?:he|she)\b", clause, re.I) or clause not in sentence:
        return False
    before = sentence[:sentence.find(clause)]
    found = list(_SELLER_PERSON.finditer(before))
    return bool(found) and not re.search(r"\b(?:their|(?-i:[A-Z][a-z]+ [A-Z][a-z]+))\b", before[found[-1].end():], re.I)


def _clean(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.;:-")
    phrase = re.sub(r"^(?:to|that|is|are|was|a|for)\s+", "", phrase, flags=re.I)
    return phrase[:200]


# -- quoted speech and question-and-answer notes ----------------------------------------------------
_QUOTE = re.compile(r"[\"“”]([^\"“”]{2,400})[\"“”]")
#: single-quoted speech ('I own the brokerage, it's my call.'): an opening quote after a space or a colon, a closing
#: one right after the sentence's punctuation; an apostrophe inside a word ("it's", "clients' data") is neither
#: (or, with several words quoted, right before it: 'we have five thousand set aside for this'.)
_SINGLE_QUOTE = re.compile(r"(?:(?<=^)|(?<=[\s:(]))['‘]((?=[\w])(?:[^'‘’\n]|(?<=\w)['’](?=\w)){1,400}?[.,!?])['’](?=[\s)]|$)|"
                           r"(?:(?<=^)|(?<=[\s:(]))['‘]((?=[\w])(?=[^'‘’\n]*\s)(?:[^'‘’\n]|(?<=\w)['’](?=\w)){1,400}?(?<=\w))['’]"
                           r"(?=[.,!?;](?:[\s)]|$))")
_SELLER_QUOTE = re.compile(r"(?:\b(?:i|we) (?:said|told \w+|asked|replied|answered|explained)|\bme\s*:)\s*,?\s*$", re.I)
_NAME_WORDS = r"((?!(?:She|He|They|It|We|You|Then|And|But|So|Quote|Quoting|Verbatim|Direct|Exact|Literally)\b)(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)"
#: the one who said a quote, named just before it ("Helen Cho, the partner, told me, quote,", "Linda Okafor, Director of IT
#: at Initech:", "Elena Garcia at Blue Harbor, in her words:") or after it ("says Kat")
_SPEAKER_BEFORE = re.compile(r"\b" + _NAME_WORDS + r"(?: (?:at|from|of) [^,.:\"]{2,40}?)?(?:,\s+[^,.\"]{2,40},|,)?\s+(?:told (?:me|us)|said|says|goes|went)"
                             # ("Zoe said, and I wrote it down, '...'": the seller's aside between the speaker and the quote)
                             r"(?:\s*,\s*(?:and\s+)?(?:I|[Ww]e)\s+[^,.\"]{2,30},)?\s*,?\s*(?:quote,?\s*)?$|\b" + _NAME_WORDS + r"(?:,? (?:at|from|of|with)\b|,)[^:.\"]{2,60}:\s*$|"
                             r"\b" + _NAME_WORDS + r"\s*:\s*$|"
                             # "Tom Becker emailed:", "From Jonas Weber's reply this morning:", "Iris texted back:"
                             r"\b" + _NAME_WORDS + r"(?:\s+(?:emailed|wrote|texted|replied|messaged|answered)(?: back)?|'s (?:reply|email|"
                             r"message|text|answer|note|response))(?: [^:.\"]{1,40})?\s*:\s*$")
#: ('"...," Zoe Vogel told me': the speaker named after the quote, before or after "said")
_SPEAKER_AFTER = re.compile(r"\s*,?\s*(?:says|said|-|—)\s+" + _NAME_WORDS + r"\b|\s*,?\s*" + _NAME_WORDS + r"\s+(?:said|says|told (?:me|us)|added|explained|replied)\b")
_FIRST_PERSON = [(r"\bwe're\b", "they're"), (r"\bwe've\b", "they've"), (r"\bwe'll\b", "they'll"), (r"\bwe'd\b", "they'd"),
                 (r"\bwe\b", "they"), (r"\bour\b", "their"), (r"\bours\b", "theirs"), (r"\bus\b", "them"),
                 # "so let's get it signed by the end of the month": their target, not a meeting
                 (r"\blet's (?=(?:get|have) (?:it|this|the \w+) (?:signed|done|live|closed|in place|wrapped up)\b)", "they want to ")]


_TITLE_IN_PARENS = (r"(?:ceo|cfo|cto|coo|cio|cmo|md|owner|founder|co-?founder|president|gm|partner|principal|vp [\w ]{2,20}|"
                    r"head of [\w ]{2,20}|[\w ]{0,20}(?:mgr|manager|dir|director|lead))")
#: A title in brackets, or two joined by a slash ("(broker/owner, she decides)", "(founder/CEO)").
_SLASHED_TITLE = r"(?:[\w-]+\s*/\s*)?" + _TITLE_IN_PARENS + r"(?:\s*/\s*[\w-]+)?"
_COMMON = set("""a an the their our his her my your its with w and or to of for in on at by from this that these those
team ops sales they them he she we us me him it new old pilot call budget mon tue tues wed thu thur thurs fri sat sun
eod eow eom asap still also now already just""".split())


#: Lower-case words that stand where a name would and are none ("legal signs off", "the cfo signs", "nobody else decides").
_NOT_A_NAME = set("""legal finance procurement board it everyone everybody nobody whoever who which also still ceo cfo cto coo cio cmo
vp founder owner gm md dm partner partners committee manager director boss signer approver decider final else one none
he she they i we you still then so but and now already his her""".split())


def _shorthand_names(text: str) -> str:
    """Typed lowercase notes name people in lowercase ("vertex / oliver grant. oliver's the signer", "w/ hugo evans
    (CEO)"): the names said in a note's opener, after "w/" or "+", or before a title in parentheses, capitalised
    wherever the note says them (and a first name said just before a known last name: "dan walsh"). A note
    with a capitalised sentence start is left alone; "Name (title)" becomes "Name, the title," in any note."""
    word = r"[a-z][a-z'-]+"
    if not re.search(r"(?:^|[.!?]\s+)(?-i:[A-Z])[a-z]", text):
        seeds: set[str] = set()
        pair = r"(" + word + r" " + word + r")(?=\s*[.,(:]|\s*(?:\+|&|and)\s|\s+(?:ceo|cfo|cto|coo|cio|founder|owner|gm|md)\b)"
        for m in re.finditer(r"(?:^[\w ]{2,40}?(?:\s*/\s*|\s+-\s+)|\bw/\s*|\bwith\s+)" + pair + r"(?:\s*(?:\+|&|and)\s*" + pair + r")?|"
                             r"\b(" + word + r"(?: " + word + r")?)\s*\((?=" + _SLASHED_TITLE + r"(?:,[^)]{1,30})?\))|"
                             # "not the buyer, ava novak cto decides": a name said before a bare title and what it does
                             r"\b(" + word + r" " + word + r") (?=(?:ceo|cfo|cto|coo|cio|founder|owner) (?:decides|signs|approves|"
                             r"is the)\b)|"
                             # "kara novak signs", "iris still signs", "zoe vogel signed off verbally", "jonas (final say) ok'd",
                             # "signer wendy", "dm still david kim": a name said as the one who decides
                             # ("confirmed oliver grant is the one who signs", "- kara brooks is the one who signs")
                             r"(?:^|(?<=[.;:,]\s)|(?<=\bbut\s)|(?<=\bconfirmed\s)|(?<=\bsays\s)|(?<=\bsaid\s)|(?<=\u2014\s)|(?<=\s-\s))"
                             r"((?!(?:confirmed|said|says|told|thinks|reckons)\b)" + word + r"(?: (?!(?:still|also|now|already|is)\b)" + word + r")?)(?: \((?:final say|(?:he|she) signs|signs|signer|"
                             r"decides|dm|decision maker|approves)\)| (?:is|'s) the one (?:who|that) (?:signs|decides|approves)\b|"
                             r" (?:still |also |now |already )?(?:signs|approves|decides|signed off|signs off|"
                             r"ok'?d|okayed|(?:is )?(?:the )?(?:final )?(?:approver|signer|decider)|has (?:the )?final (?:say|sign))\b)|"
                             r"\b(?:signer|approver|decider|decision maker)\s*(?:[:=]\s*|\s(?:is\s+)?)(?:still\s+)?(" + word + r"(?: " + word + r")?)"
                             r"(?=\s*(?:[.,;(]|$))", text, re.I):
            names = " ".join(g for g in m.groups() if g).split()
            if not any(w.lower() in _COMMON or w.lower() in _NOT_A_NAME for w in names):
                seeds.update(w.split("'")[0] for w in names)
        if seeds:
            alt = "|".join(sorted(map(re.escape, seeds), key=len, reverse=True))
            text = re.sub(r"\b(" + alt + r")\b", lambda m: m.group(1).capitalize(), text)
            caps = "|".join(sorted((re.escape(w.capitalize()) for w in seeds), key=len, reverse=True))
            text = re.sub(r"\b([a-z][a-z'-]+) (?=(?:" + caps + r")\b)",  # "dan walsh" once "walsh" is a name
                          lambda m: m.group(0) if m.group(1) in _COMMON or re.fullmatch(r"confirmed|mentioned|said|says|told|asked|added|noted|explained|emailed|called|thinks", m.group(1))
                          else m.group(1).capitalize() + " ", text)  # ("confirmed oliver grant": a verb before the name)
            # "... but tom signs. ... tom becker pushing back hard": the known first name opening a sentence with its last name
            text = re.sub(r"(?:(?<=^)|(?<=[.;:]\s))(" + caps + r") ([a-z][a-z'-]{2,})(?= (?:[a-z]+ing|says|said|wants|is|was|thinks)\b|\s*[(,])",
                          lambda m: m.group(0) if m.group(2) in _COMMON or m.group(2) in _NOT_A_NAME or re.search(r"(?:ing|ed|s|ly)$", m.group(2))
                          or m.group(2) in ("himself", "herself", "again", "today", "too", "here", "there", "though", "yesterday", "tomorrow",
                                            "tonight", "anyway", "either", "instead", "first", "later", "soon")
                          else m.group(1) + " " + m.group(2).capitalize(), text)
        # "comparing us vs fivetran": the vendor after "vs" is a name too
        text = re.sub(r"\b(vs\.?|versus|up against|also looking at|competing with) ([a-z][\w-]+)", lambda m: m.group(1) + " " + m.group(2).capitalize(), text)
        # "evaluating hubspot too", "trialing otter as well": the word after an evaluation, with "too" after it, is a vendor
        text = re.sub(r"\b(evaluating|trialing|trialling|piloting|demoing|also talking to|also considering) ([a-z][\w-]+)(?= (?:too|also|as well)\b)",
                      lambda m: m.group(0) if m.group(2) in _COMMON or m.group(2) in _NOT_A_NAME else m.group(1) + " " + m.group(2).capitalize(),
                      text)
        # "they're also trialing gong.", "still piloting otter": the word after an evaluation said as ongoing, ending the clause
        text = re.sub(r"\b((?:also|still) (?:evaluating|trialing|trialling|piloting|demoing)) ([a-z][\w-]+)(?=\s*(?:[.,;]|$))",
                      lambda m: m.group(0) if m.group(2) in _COMMON or m.group(2) in _NOT_A_NAME else m.group(1) + " " + m.group(2).capitalize(),
                      text)
        # "comp: fivetran vs us", "comp: zendesk AI in the mix": the vendor after a competitor label
        text = re.sub(r"\b(comps?|compet(?:ition|itors?)?)(\s*:\s*)([a-z][\w-]+)\b", lambda m: m.group(1) + m.group(2) + (
            m.group(3) if m.group(3) in _COMMON or m.group(3) in ("none", "nobody", "nothing", "no", "n/a", "not", "unknown", "tbd")
            else m.group(3).capitalize()), text)
        # "forethought quoted them 30k", "klaus pitched them last week": a vendor said doing what vendors do
        text = re.sub(r"(?:(?<=^)|(?<=[.;:]\s))([a-z][\w-]+)(?= (?:quoted|pitched|demoed|came in)\b)",
                      lambda m: m.group(1) if m.group(1) in _COMMON or m.group(1) in _NOT_A_NAME else m.group(1).capitalize(), text)
        # "gorgias out, freshdesk still in": a vendor said out or still in
        text = re.sub(r"(?:(?<=^)|(?<=[,.;:]\s))([a-z][\w-]+)(?= (?:is |are )?(?:still |also )?(?:in|out)(?:\s*[,.;]|$)| (?:still|also) "
                      r"(?:in the running|in the mix|in play|an option))", lambda m: m.group(1) if m.group(1) in _COMMON else m.group(1).capitalize(),
                      text)
    # ("Jonas Weber (MD, signs)": the title and what follows it in the brackets, "Jonas Weber, the MD, signs")
    text = re.sub(r"\b((?-i:[A-Z])[a-z]+(?: (?-i:[A-Z])[a-z]+)?)\s*\((" + _SLASHED_TITLE + r")(?:,\s*([^()]{1,30}?))?\)\s*(?:,\s*)?",
                  lambda m: f"{m.group(1)}, the {m.group(2)}, " + (f"{m.group(3)} " if m.group(3) else ""), text, flags=re.I)
    return re.sub(r",\s+(?=[.;:!?])|(?<=\w) (?=[.;!?](?:\s|$))", "", text)


def _unquote(text: str) -> str:
    """The customer's quoted words in the note's third person, quotation marks dropped: 'Dev told me
    "our CFO signs"' -> 'Dev told me their CFO signs', '"I don't sign," she said' -> 'she doesn't sign, she
    said' ("I" becomes the he/she the note uses elsewhere, else "they"). A quote the seller said ('I told
    him "we can do it"') is only unquoted."""
    # typed shorthand: "spoke w/ Dr. Kim", "~15 patients/mo"
    text = re.sub(r"\bw/\s*(?=\w)", "with ", text)
    text = re.sub(r"\bnxt\b", "next", text, flags=re.I)
    # a speaker's pause mid-sentence ("she's, hang on, she's the one who ..."): no words of the note
    text = re.sub(r",\s*(?:hang on|hold on|wait a sec(?:ond)?|one sec(?:ond)?|let me think|where was i)\s*,", ",", text, flags=re.I)
    text = re.sub(r"\beval(?:'|\u2019)?ing\b", "evaluating", text, flags=re.I)  # "eval'ing Rippling too"
    text = re.sub(r"\b(?:pls|plz)\b", "please", text, flags=re.I)  # "pls send order form EOW"  # "nxt: send pilot agreement", "nxt step"
    # "bgt 90k, our prop was 96k": budget and proposal, typed short
    text = re.sub(r"\bb(?:d)?gt\b", "budget", text, flags=re.I)  # ("bdgt ~80k")
    text = re.sub(r"(?:(?<=^)|(?<=[.;]\s)|(?<=\s-\s))tl\s*:", "timeline:", text, flags=re.I)  # "tl: EOY"
    text = re.sub(r"\b(our|my|the) prop\b", r"\1 proposal", text, flags=re.I)
    # typed "b: 50k hard cap", "his b: 18k", "b 45k unchanged", "b unchanged": the budget, labelled with its letter
    text = re.sub(r"(?:(?<=^)|(?<=[.;]\s))((?:his|her|their) )?b(?:\s*:\s*|\s+(?=\$?\d|unchanged\b|still\b|not\b|tbd\b|same\b))",
                  lambda m: (m.group(1) or "") + "budget: ", text)
    # typed "approval = yusuf evans", "kara walsh (sales dir) = decision", "maya alvarez ceo = signer": who decides
    text = re.sub(r"\b(approval|sign-?off|signature|final say)\s*=\s*", r"\1 from ", text, flags=re.I)
    text = re.sub(r"\s*=\s*(?:the )?(?:final )?(?:decision(?:[- ]?maker)?|decider|signer|approver|buyer)\b", " is the decision maker", text,
                  flags=re.I)
    # typed "dm: their VP fleet ops", "dm = her boss, the CIO", "dm still david kim": the decision maker
    text = re.sub(r"(?:(?<=^)|(?<=[.;]\s)|(?<=\.\s\s))dm\b\s*(?:[:=]\s*|(?=(?:still|is|now)\b))", "decision maker: ", text, flags=re.I)
    text = _shorthand_names(text)
    # typed "signer wendy", "approver: Ava Novak": the one who decides, said after the role
    text = re.sub(r"(?:(?<=^)|(?<=[.;]\s))(signer|approver|decider)\s*[:=]?\s+(?:is\s+)?(?:still\s+)?((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)"
                  r"(?=\s*(?:[.;,]|$))", lambda m: m.group(2) + " is the " + m.group(1).lower(), text, flags=re.I)
    # a BANT pass said letter by letter ("B, six thousand. A, Theo himself, he's CEO. N, client onboarding ..."): each
    # letter is its field's label (two letters at least, so an "A, ..." alone stays a word)
    label = r"(?:(?<=^)|(?<=[.;:]\s))(?-i:([BANTC]))\s*[,:]\s+"
    if len({m.group(1) for m in re.finditer(label, text)}) >= 2:
        text = re.sub(label, lambda m: {"B": "Budget is ", "A": "The final decision is made by ", "N": "The problem is ",
                                        "T": "Timeline: ", "C": "Competitor: "}[m.group(1)], text)
    text = re.sub(r"~\s*(?=\$?\d)", "about ", text)
    text = re.sub(r"(?<=\w)/(?:mo|mth|month)\b", " a month", text)
    text = re.sub(r"(?<=\w)/(?:yr|year)\b", " a year", text)
    text = _SINGLE_QUOTE.sub(lambda m: '"' + (m.group(1) or m.group(2)) + '"', text)
    # dictated quote marks: "Jonas Weber, quote, our dispatchers ..., end quote", "he said, and I'm quoting again, I sign ..."
    if '"' not in text:
        # ("they want a quote, and ..." is a price quote: the marker follows a name or "said", or is "I'm quoting")
        # (nor "a Salesloft quote, 29k for the same seats": a vendor's price quote, after an article)
        text = re.sub(r"(?:((?<!\ba )(?<!\ban )(?<!\bthe )(?<!\btheir )(?<!\bher )(?<!\bhis )\b(?-i:[A-Z])[a-z]+|\bsaid(?: (?!quote\b)(?:flat out|straight out|plainly|clearly|outright|bluntly))?|\bsays|"
                      r"\btold (?:me|us))(?:,\s*|\s+)(?:quote|quote unquote)|(?:,\s*|\s+)"
                      r"(?:and )?i'm quoting(?: (?:again|him|her|directly))?)\s*,\s*"
                      r"([^\"]{4,400}?)(?:,?\s*(?:end quote|unquote|end of quote)\b|(?=[.!?](?:\s|$)))",
                      lambda m: (m.group(1) or "") + ': "' + m.group(2) + '"', text, flags=re.I)
    # pasted meeting-tool notes ("Priya Natarajan: we need one view of fuel spend; Rep: ..."): a full name before a
    # colon labels that person's words, read like a quote of theirs
    if '"' not in text:
        from desktop.agents.bant.people import _COMPANY_WORD  # people -> text; no cycle at import time

        # ("Redwood Systems: Felix asked for our ..." is the account's label, not a person's words)
        text = re.sub(r"(?:(?<=^)|(?<=[;.]\s))((?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+))\s*:\s+([^;\n\"]{4,400}?)(?=\s*(?:;|$|\n))",
                      lambda m: m.group(0) if _COMPANY_WORD.search(m.group(1)) else
                      m.group(1) + ': "' + m.group(2).rstrip(".") + '."', text)
    outside = _QUOTE.sub(" ", text)
    pron = re.search(r"\b(she|he)\b", outside, re.I)
    who = pron.group(1).lower() if pron else "they"
    third = {"she": ("she", "her", "her", "she's", "she'll", "she'd", "doesn't", "she was"),
             "he": ("he", "him", "his", "he's", "he'll", "he'd", "doesn't", "he was"),
             "they": ("they", "them", "their", "they're", "they'll", "they'd", "don't", "they were")}[who]

    named: list[str] = []  # the quote's speaker last named: a later quote with no name is theirs too

    def one(m: re.Match[str]) -> str:
        body = m.group(1)
        # '"we can do it," I said' is the seller's; after a quote that ends its sentence, "I told her ..." starts a new one
        if _SELLER_QUOTE.search(text[:m.start()]) or (re.match(r"\s*(?:i|we) (?:said|told|asked)\b", text[m.end():], re.I)
                                                      and not body.rstrip().endswith((".", "!", "?"))):
            return body
        for rx, rep in _FIRST_PERSON:
            # ("the US parent holds the budget": the country, in capitals, is no "us")
            body = re.sub(rx, lambda w, rep=rep: w.group(0) if w.group(0) == "US" else rep.capitalize() if w.group(0)[0].isupper()
                          else rep, body, flags=re.I)
        speaker = _SPEAKER_BEFORE.search(text[max(0, m.start() - 80):m.start()]) or _SPEAKER_AFTER.match(text[m.end():])
        if speaker:
            named.append((speaker.group(speaker.lastindex or 1) or "").split()[0])
        elif not named and re.search(r"\b(?:I|me|I'm|I'll|I'd|I've)\b", body) and not re.search(
                r"\b(?:he|she)\s+(?:said|says|told (?:me|us)|goes|went|added)\b[^\"]{0,20}$", text[:m.start()], re.I):
            # ("First call with David Kim (CFO). 'Mike wants this, I sign it.'": the one person the note has named)
            only = only_person_before(text[:m.start()])
            if only:
                named.append(only)
                body = re.sub(r"^(?:look|listen|honestly|frankly|see|well),\s*", "", body, flags=re.I)  # ("Look, I own ...")
        if named:  # "Helen Cho told me "I'll sign"" -> "Helen will sign"
            n = named[-1]
            for rx, rep in ((r"\bI'm\b", n + " is"), (r"\bI've\b", n + " has"), (r"\bI'll\b", n + " will"),
                            (r"\bI'd\b", n + " would"), (r"\bI don't\b", n + " doesn't"), (r"\bI have\b", n + " has"),
                            # ("I sign it" -> "Kim signs it": the verb agrees with the name)
                            (r"\bI (sign|decide|approve|own|need|want|run|hold|make|call|pay|handle|control|okay|say)\b", n + r" \1s"),
                            (r"\bI\b", n),
                            (r"\bme\b", n), (r"\bmy\b", n + "'s")):
                body = re.sub(rx, rep, body)
        for rx, rep in ((r"\bI'm\b", third[3]), (r"\bI've\b", third[3] if who != "they" else "they've"), (r"\bI'll\b", third[4]), (r"\bI'd\b", third[5]),
                        (r"\bI don't\b", third[0] + " " + third[6]), (r"\bI was\b", third[7]), (r"\bI\b", third[0]),
                        (r"\bme\b", third[1]), (r"\bmy\b", third[2])):
            body = re.sub(rx, rep, body)
        return body

    text = _QUOTE.sub(one, text)
    # "he said, uh, our CEO would never approve ...": the customer's own people in speech reported without quotes
    text = re.sub(r"(\b(?:he|she|they|(?-i:[A-Z][a-z]+)) (?:said|says|told me|mentioned),?\s+(?:that\s+|uh,?\s+|um,?\s+)*)our "
                  r"(?=(?:ceo|cfo|coo|cto|board|owner|founder|boss|manager|director|vp|president|team|staff|people|budget)\b)",
                  r"\1their ", text, flags=re.I)
    # "Said we can spend three thousand on a pilot", "he said we could stretch to forty": the customer's reported "we"
    # (a subjectless "Said" in a note is the customer's words about money; the seller's own reply says "I said")
    text = re.sub(r"((?:^|[.!?;]\s+)(?:(?:he|she|they|(?-i:[A-Z][a-z]+)) )?(?:said|says|told me),?\s+(?:that\s+)?)we (can|could|'d|would) "
                  r"(?=(?:only |probably |maybe )?(?:spend|afford|stretch to|go (?:up )?to|put)\b)", r"\1they \2 ", text, flags=re.I)
    # "I asked about budget: nine thousand ...": the seller's question as a label of the answer after it
    text = re.sub(r"(^|[.!?]\s+)(?:i|we) asked (?:him |her |them )?about (?:the |their )?(budget|timing|timeline|competitors?|"
                  r"next steps?|who decides|who signs)\s*:\s*", lambda m: m.group(1) + m.group(2).capitalize() + ": ", text,
                  flags=re.I)
    # "Asked who approves: Zoe Vogel does.", "Asked what they want out of it: their reps need ...": the seller's question as a
    # label of the answer
    text = re.sub(r"(^|[.!?]\s+)(?:i |we )?asked (?:him |her |them )?who (?:approves|signs|decides|makes the call|has the final say)"
                  r"(?: (?:on )?(?:it|this|that|the \w+))?\s*:\s*", r"\1The final decision is made by ", text, flags=re.I)
    text = re.sub(r"(^|[.!?]\s+)(?:i |we )?asked (?:him |her |them )?what (?:they|she|he) (?:wants?|needs?|wanted|needed|hopes?|expects?)"
                  r"(?: for)?(?: (?:out of|from) (?:it|this|us|the \w+))?\s*:\s*", r"\1Need: ", text, flags=re.I)
    return re.sub(r"(^|[.!?]\s+)(?:me|him|her|them)\s*:\s*", r"\1", text, flags=re.I)  # "Me: ... Him: ...": speaker labels


#: "Budget? Forty thousand." / "Q: Who decides? A: The board.": a short question answered by the next sentence
_ASKED = [(re.compile(r"\b(?:budget|how much|money|spend|price range)\b", re.I), "Budget is "),
          (re.compile(r"\bwho (?:decides|signs|approves|makes the call|has the final say)|\bdecision[- ]?maker\b|"
                      r"\bwho(?:'s| is) the (?:decider|signer|approver|buyer)\b", re.I),
           "The final decision is made by "),
          (re.compile(r"\b(?:anyone else|anybody else|other vendors?|other options|competition|competitors?|alternatives|"
                      r"who else)\b(?!\s+(?:needs?|has|have|should|must|gets?|is going) to (?:weigh in|sign|approve|decide|be (?:involved|in the room|"
                      r"consulted|on the call))|\s+(?:is|are) involved)", re.I), "Competitor: "),
          # "Q: what sold them? A: automatic call logging ...": the answer is what they want
          (re.compile(r"\bwhat (?:sold|hooked|won over|got) (?:them|him|her)\b", re.I), "They want "),
          (re.compile(r"\b(?:timing|timeline|when)\b", re.I), "Timeline: "),
          # "Q: what's broken? A: support emails piling up": the answer is their problem
          (re.compile(r"\bwhat(?:'s| is) (?:broken|wrong|hurting|the (?:problem|pain|issue|need|ask))\b|^(?:the )?(?:pain|problem|need)\??$|"
                      # "Biggest pain? 'Reps forget follow-ups ...'" (not "Main issue? Reply rates; she wants ...": a terse topic)
                      r"^(?:the |their )?(?:biggest|main|real|top|key) (?:pain|problem|headache)(?: point)?\??$", re.I), "The problem is "),
          (re.compile(r"^(?:and )?(?:the )?next(?: steps?)?\??$|\bwhat(?:'s| is| are) (?:the )?next(?: steps?)?\b", re.I), "Next step: ")]


def _answered(sentences: list[str]) -> list[str]:
    """Join a short question the seller asked to its answer ("Are you looking at anyone else? Front, a
    little." -> "Competitor: Front, a little."); an answer that denies ("Nobody", "No", "Not yet") is dropped."""
    out: list[str] = []
    i = 0
    while i < len(sentences):
        q = re.sub(r"^(?:q|question(?: i asked)?)\s*:\s*", "", sentences[i], flags=re.I)
        if q.endswith("?") and len(q.split()) <= 9 and i + 1 < len(sentences):
            label = next((lab for rx, lab in _ASKED if rx.search(q)), None)
            if label:
                ans = re.sub(r"^(?:a|answer|him|her|them|he|she)\s*:\s*", "", sentences[i + 1], flags=re.I)
                ans = re.sub(r"^(?-i:[A-Z][a-z]+)\s*:\s*", "", ans)  # "Zoe: no.": the customer's name as the answer's label
                ans = re.sub(r"^(?:i asked|he asked|she asked)\.?\s*", "", ans, flags=re.I)
                # "When can you start? I said January.": ours (but "Next? I send the agreement Monday." is the step, whoever takes it)
                if re.match(r"^(?:i|we|i'd|i'll|we'll|we'd)\b", ans, re.I) and label != "Next step: ":
                    out.append(sentences[i])
                    i += 1
                    continue
                if re.match(r"^(?:no(?:ne|body|thing|t yet|t really)?|nope|we haven't|they haven't|n/a)\b", ans, re.I):
                    out.append(ans)
                else:
                    out.append(label + ans[:1].upper() + ans[1:])
                i += 2
                continue
        out.append(sentences[i])
        i += 1
    return out
