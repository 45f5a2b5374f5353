"""Titles and subjects the offline planner writes for tasks, meetings and email drafts."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desktop.planner import _rules as R

_SEND_THING = re.compile(r"^\s*(?:please\s+)?send\s+(?:\w+\s+){0,2}?(?:the|a|our|an)\s+(?P<thing>proposal|quote|contract|"
                         r"deck|pricing|price list|case study|sow|msa|invoice|agreement|one-pager|info\w*)\b", re.I)


def cap(text: str) -> str:
    """First letter upper case, the rest untouched."""
    return text[:1].upper() + text[1:]


def task_title(t: str, d: tuple[date, int, int] | None, who: str | None) -> str:
    """"Follow up with Nina Patel", "Send the proposal to Acme", "Call Tom Becker back" ..."""
    core = t if not d else (t[:d[1]] + t[d[2]:])
    core = re.sub(r"\s+", " ", core).strip(" ,.")
    core = re.sub(r"(?:\s+(?:by|on|due|before|until|for|the))+$", "", core, flags=re.I).strip(" ,.")  # "send the paperwork by [Friday]"
    core = re.sub(r"\s+(?:on|by|due)\s+(?=(?:about|re|regarding|to discuss|to talk)\b)", " ", core, flags=re.I)  # "call Tom [on Tuesday] about"
    core = re.sub(r"^\W*(?:(?:add|create|set|make|put)\s+(?:me\s+)?(?:a|an)\s+)?(?:task|to-?do|reminder)(?:\s+(?:on|for|to)\s+[^:]{2,60})?\s*:\s*",
                  "", core, flags=re.I)
    # ("task: call back kara novak thurs", "task on the meadow health deal: send case studies")
    if re.match(r"call\s+back\b", core, re.I) and who:
        return f"Call {who} back"
    if handed := re.match(r"\W*(?:(?:please|and|so|also|then)\s+)*(?:have|get|ask|tell|remind)\s+(?P<u>(?-i:[A-Z])[a-z]+)\s+(?:to\s+)?"
                          r"(?P<what>.+)$", core, re.I):
        return f"{handed.group('u')} to {handed.group('what')}"  # "Have Morgan call Tom Becker ..." -> "Morgan to call Tom Becker ..."
    if handed := re.match(r"\W*(?:(?:add|create|set|make|put)\s+(?:in\s+)?(?:a|an)\s+)?(?:task|to-?do|reminder)\s+for\s+(?P<u>(?-i:[A-Z])[a-z]+)\s+"
                          r"to\s+(?P<what>.+)$", core, re.I):
        return f"{handed.group('u')} to {handed.group('what')}"  # "Add a task for Sam to send ..." -> "Sam to send ..."
    core = re.sub(r"^\W*(?:i'?ll|i will|i'?m going to|we'?ll)\s+(?=try|call|email|ping|follow|check|send)", "", core, flags=re.I)
    if re.match(r"\W*try(?:\s+(?:him|her|them))?(?:\s+again)?\W*$", core, re.I) and who:
        return f"Try {who} again"  # "called raj silva, no answer, try again in 3 days", "try her in three days"
    if re.search(r"\bcall (?:him|her|them) back\b", core, re.I) and who:
        about = re.search(r"\b(?:about|re|regarding)\s+(?P<a>.+)$", core, re.I)
        return f"Call {who} back" + (f" about {about.group('a').strip(' .,')}" if about else "")
    if colon := re.search(r"\b(?:task|to-?do|reminder)\b[^:]{0,60}:\s*(?P<w>\S.*)$", core, re.I):
        return cap(colon.group("w").strip(" ."))  # "Add a quick task for Acme: send the contract"
    if said := re.search(r"\b(?:create|add|make|open|set(?: up)?)\s+(?:a|an)\s+(?P<k>(?:[a-z][\w-]*\s+){1,3}?)(?:task|to-?do)\b(?!\s+to\b)",
                         core, re.I):
        if not re.fullmatch(r"(?:(?:quick|short|small|simple|new|little|follow[- ]?up|another|separate|reminder)\s*)+", said.group("k"), re.I) \
                and ":" not in core[said.end():]:
            return cap(said.group("k").strip())  # "Create an onboarding kickoff task for the Delta Works deal": what it is
    m = re.search(r"\b(?:remind me(?:\s+\w+){0,4}? to|reminder to|task(?: me| (?:for|on)(?: [\w ]+?)?)? to|to-?do:?|"
                  r"don'?t forget to|need to|(?<=\bI )have to|(?<=\bwe )have to|(?<=\bI )must|(?<=\bI )gotta)\s+(?P<what>.+)", core, re.I)
    if m:
        what = re.sub(r"[,\s]+(?:due|on|by|at|in|for)$", "", m.group("what").strip())
        if re.fullmatch(r"follow[- ]?up(?: with .+)?", what, re.I) and who:
            about = re.search(r"\s(?P<a>(?:about|re|regarding|on|with|to send)\s+(?:the|our|their|his|her)\s.+)$", what, re.I)
            return f"Follow up with {who}" + (f" {about.group('a')}" if about else "")  # "... about the upsell"
        return cap(what)
    m = re.search(r"\bfollow[- ]?up\b(?:\s+with\s+\w+(?:\s(?-i:[A-Z])\w+)?)?(?P<rest>\s+(?:about|on|re|regarding|with the|to send|for the)\s+.+)?",
                  core, re.I)
    if m:
        rest = re.sub(r"\s+(?:on|by|at|in|for)$", "", (m.group("rest") or "").strip())
        if not rest and (about := re.search(r"\s(?P<a>(?:about|re|regarding)\s+\S.*)$", core[m.end():], re.I)):
            rest = _WHEN_AT_END.sub("", about.group("a")).strip(" .,")  # "follow up sarah chen re demo"
        return f"Follow up with {who}" + (f" {rest}" if rest else "") if who else cap(core)
    return cap(core)


def task_from_request(said: str, d: tuple[date, int, int] | None, who: str | None) -> str:
    """A task's title from a request said before "make a task for it": "Priya wants the revised
    proposal by Friday" -> "Send the revised proposal to Priya Natarajan"; "she said to call back
    after the holidays" -> "Call back after the holidays"."""
    core = said if not d else (said[:d[1]] + said[d[2]:])
    core = re.sub(r"\s+", " ", core).strip(" ,.")
    if who and re.search(r"\b(?:wants?|needs?|asked for|requested)\s+a\s+call[- ]?back\b", core, re.I):
        return f"Call {who} back"  # "Dan wants a call back tomorrow after lunch, add a task"
    if m := re.search(r"\b(?:wants?|needs?|asked for|requested|(?:is |are )?waiting (?:on|for))\s+(?P<obj>(?:the|a|an|our|their)\s+.+?)"
                      r"(?:\s+(?:by|before|on|until|for|in)\s*)?$", core, re.I):
        return f"Send {m.group('obj')}" + (f" to {who}" if who else "")
    if m := re.search(r"\b(?:said|asked (?:us|me)|told (?:us|me))\s+to\s+(?P<what>.+)$", core, re.I):
        return cap(m.group("what"))
    # "I need to review the Northwind usage report by the end of the month, add a task": what to do
    core = re.sub(r"^\W*(?:so\s+)?(?:i|we)\s+(?:(?:need|have|want|got)\s+to|should|must|gotta)\s+", "", core, flags=re.I)
    return cap(re.sub(r"\s+(?:by|on|before|until|for|due)\s*$", "", core, flags=re.I))


def meeting_title(t: str, who: str | None, sentence: str = "") -> str:
    """"Demo with Sarah Chen", "Meeting with Acme Corp", "Lunch with Jonas Weber"; with its topic
    when one is said in the clause or the rest of ``sentence`` ("to go over the renewal",
    "agenda is renewal pricing", "about the rollout") -> "Meeting with Rachel Adams about the renewal"."""
    m = R.MEETING_RE.search(t) or (R.MEETING_RE.search(f"{t}, {sentence}") if sentence else None)
    said = next((g for g in (m.group(n) for n in ("what", "what2", "what3", "what4", "what5", "what6", "what7", "what8", "what9", "what10", "what11")) if g), None) \
        if m else None
    if (said is None or said.lower() in ("time", "something")) and (
            purpose := re.search(r"\bfor\s+(?:a|an|the|our)\s+(?P<k>(?:[a-z][\w-]*\s+)?(?:call|meeting|demo|sync|session|review|"
                                 r"walk-?through|workshop|kick-?off|check-?in|catch-up|intro))\b", t, re.I)):
        said = purpose.group("k").split()[-1]  # "grab 30 minutes with Wendy on Friday for a discovery call"
        t = t[purpose.start("k"):]
    if said and (pair := re.search(rf"\b{re.escape(said)}\s+(?P<k>kick-?off|call|session|review|workshop|sync|demo|meeting|"
                                   rf"walk-?through|training|check-?in)\b", t, re.I)) and pair.group("k").lower() != said.lower():
        said = f"{said} {pair.group('k')}"  # "an onboarding kickoff": the kind of meeting is the last of the two nouns, with its kind
    if (said is None or said.lower() in ("meeting", "call")) \
            and not re.search(r"\b(?:called|titled|named|title it|call it|name it)\b", f"{t} {sentence}", re.I) and (last := re.search(
            r",\s*(?P<k>(?!(?:and|then|so|but|please)\b)[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+(?:walk-?through|review|kick-?off|sync|session|"
            r"workshop|check-?in|planning|onboarding|retro|debrief|handover|hand-off))\s*[.!]?\s*$", f"{t}, {sentence}".rstrip(", ") if sentence else t,
            re.I)):
        # "Book a meeting with Oliver Grant on December second at nine thirty, contract walkthrough": what it is, said last
        return f"{cap(last.group('k'))} with {who}" if who else cap(last.group("k"))
    what = (said or "meeting").lower()
    kind = re.search(rf"\b(?P<pre>(?:[a-z][\w-]*\s+){{1,2}}){re.escape(said)}\b", t, re.I) if said else None
    pre: list[str] = []
    words = kind.group("pre").split() if kind else []
    opening = kind is not None and not t[:kind.start("pre")].strip(" ,.")  # ("Renewal chat with Grace ...": said first)
    for i, w in reversed(list(enumerate(words))):
        if w.lower() in _NOT_A_KIND or (w[:1].isupper() and not (opening and i == 0 and w[1:].islower())):
            break
        pre.insert(0, w)  # the words right before the noun, up to the first that is not a kind
    if pre:
        # "a pricing call", "a renewal review", "an onboarding kickoff", "a working session": the kind said
        what = " ".join(pre + [what]).lower()
    what = {"catch-up": "Catch-up", "catch up": "Catch-up", "sync": "Sync", "qbr": "QBR"}.get(what, what.capitalize())
    title = f"{what} with {who}" if who else what
    if named := re.search(r"\b(?:called|titled|named|title it|call it|name it)\s+[\"']?(?P<n>[a-z][^,.;\"']*?)[\"']?(?=\s+(?:on|at|for|tomorrow|today|next)\b|[,.;]|$)",
                          t, re.I) or re.search(r"\b(?:title it|call it|name it)\s+[\"']?(?P<n>[a-z][^,.;\"']*?)[\"']?(?=[,.;]|$)",
                                                sentence, re.I):
        return cap(named.group("n"))  # "book a meeting with Jack called pilot scoping on Tuesday"
    if topic := _MEETING_TOPIC.search(t) or _MEETING_TOPIC.search(sentence):
        if said_topic := _WHEN_AT_END.sub("", topic.group("topic")).strip(" .,"):
            title += f" about {said_topic}"
    elif what == "Meeting" and (purpose := _FOR_THE_END.search(t)):
        title += f" about the {purpose.group('p')}"  # "book Ben for Monday at eleven for the handover"
    return title


#: A meeting's purpose said last, after its day and time: "... for Monday at eleven for the handover".
_FOR_THE_END = re.compile(r"\b(?:on|at|for)\s+[^,;]*?\bfor\s+the\s+(?P<p>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s*[.!]?\s*$", re.I)


#: A day or time said after a topic ("re pricing fri 2:30pm", "re demo mon"): not part of the topic.
_WHEN_AT_END = re.compile(r"(?:\s+(?:on|at|by|next|this)?\s*(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b\.?|"
                          r"\s+(?:at\s+)?\d{1,2}(?::\d{2})?\s*(?:am|pm)?|\s+(?:tomorrow|today|tonight|eod|eow))+\s*$", re.I)


#: Words before a meeting's noun that are not its kind ("book a quick call", "set up the call").
_NOT_A_KIND = frozenset("""a an the book booked schedule scheduled set setup up arrange put get add quick short brief new
    another next our their my his her a-quick with me us for in on at to and or can you could please just let's lets do have
    grab want wants need needs asked requested some something 15 30 45 60 minute min mins hour""".split())


#: What a meeting is for: "to go over the demo recording", "agenda is renewal pricing", "about the rollout".
_MEETING_TOPIC = re.compile(r"\b(?:to (?:go over|discuss|review|walk through|talk about|talk through|cover|present|show|"
                            r"go through|talk|demo|plan|scope(?:\s+out)?|prep(?:are)?|finali[sz]e|align on|agree on|map out|kick off|"
                            r"negotiate|sign off on|run through)|about|"
                            r"agenda(?: is|:)|topic(?: is|:)|regarding|re:|re(?=\s+[a-z])|"
                            # "..., it's the pricing review": what the meeting is
                            r"(?<![\w'])it'?s(?=\s+(?:the|our|their)\s))\s+(?P<topic>[^,.;]+?)"
                            r"(?=\s*(?:[,.;]|$|\s+(?:and|then)\s+(?:move|set|push|log|add|create|update|mark)\b))", re.I)


#: "about" as a recogniser hears it after a name: "to Priya, I'm out in the proposal", "come out, the
#: security review", "about to the rollout" (the filler words after it are dropped from the subject).
_ABOUT = re.compile(r"\b(?:about|re|regarding|i'?m out|come out)\b[,.]?\s+(?:(?:in|of|on|to)\s+)?(?:the\s+)?"
                    r"(?P<s>\w.+?)(?:\s+(?:saying|that says|telling)\b|$)", re.I)


def email_fields(t: str, who: str | None, sentence: str | None = None) -> dict[str, Any]:
    """``subject`` (from "about ..." or the thing sent) and ``body`` (from "saying ...").

    ``sentence``: the rest of the sentence from this clause on; a subject split off by a
    transcript's comma ("Email Mike, Ken, about the rollout") is looked for there too.
    """
    fields: dict[str, Any] = {}
    if m := re.search(r"\babout\s+(?P<s>.+?)(?:\s+(?:saying|that says|telling)\b|\s+and\s+(?:ask|say|tell|mention|let)\w*\b|$)", t, re.I):
        fields["subject"] = cap(m.group("s").strip(" ."))
    elif (m := _ABOUT.search(t)) or (sentence and (m := _ABOUT.search(sentence))):
        fields["subject"] = cap(m.group("s").strip(" .,;"))
    elif m := _SEND_THING.search(t):
        fields["subject"] = cap(m.group("thing").lower()) if m.group("thing").lower() not in ("sow", "msa") \
            else m.group("thing").upper()
    if isinstance(fields.get("subject"), str) and (cut := re.match(r"(?P<s>[^:]{3,60}):\s*(?P<c>\S.{6,})$", fields["subject"])):
        # "Email Priya about the renewal: pricing is locked till March": the subject, then the words
        fields["subject"] = cap(cut.group("s").strip())
        fields["body"] = cap(cut.group("c").strip(" .,;"))
    if "subject" in fields or "body" in fields:
        colon = None
    else:
        colon = re.search(r"\b(?i:e-?mail|mail|message|note|reply|follow[- ]?up)\b[^:]{0,60}?:\s*(?P<c>\S.{6,})$", t)
    if colon is not None and not re.match(r"(?i:subject|body)\b", colon.group("c")):
        # "Draft an email to Ben Khan: we'd love to pitch for their spring campaign": the words after the colon
        fields["body"] = cap(colon.group("c").strip(" .,;"))
    content = _EMAIL_CONTENT.search(re.split(r",?\s+(?:with )?(?:the )?subject\b", t, flags=re.I)[0])
    if "body" in fields:
        pass
    elif (m := _SAY.search(t)) and content and content.start("c") < m.start() and len(content.group("c").split()) >= 4 \
            and not re.match(r"(?:about|re|regarding)\b", content.group("c"), re.I) \
            and not re.fullmatch(r"\W*(?:a|an)\s+(?:[a-z-]+\s+){0,2}(?:e-?mail|note|message|line)\W*", t[content.start("c"):m.start()], re.I):
        # "... with the moodboard link and ask for feedback by Thursday", "recapping the campaign results
        # and asking about the Q1 budget": what comes before the question is the e-mail's too
        fields["body"] = cap(content.group("c").strip(" .,;"))
    elif (m := _SAY.search(t)) or (sentence and (m := _SAY_IN_SENTENCE.search(sentence))):
        # "..., subject X, saying Y", "and say the drafts land on the 3rd": a clause of its own
        body = m.group("b").strip(" .")
        body = f"{m.group('ask')} {body}" if m.group("ask") else body
        if m.re is _SAY_IN_SENTENCE and content and len(content.group("c").split()) >= 3 \
                and not re.match(r"(?:about|re|regarding)\b", content.group("c"), re.I) \
                and content.group("c").strip(" .,;").lower() not in body.lower():
            # "email jack ueda intro to our voice agent, ask for 15 min": the clause's own words first
            body = f"{content.group('c').strip(' .,;')}, {body[:1].lower()}{body[1:]}"
        fields["body"] = cap(body)
    if quoted := re.search(r"\bsubject(?: line)?(?: is|:)?\s+[\"\u201c](?P<q>[^\"\u201d]+)[\"\u201d]", sentence or t, re.I):
        fields["subject"] = cap(quoted.group("q").strip())  # 'with the subject "Quick question about your stack"'
    elif (m := re.search(r"\bsubject(?: line)?(?: is|:)?\s+(?P<s>[^,.;]+)", t, re.I)) or (
            sentence and (m := re.search(r"\bsubject(?: line)?(?: is|:)?\s+(?P<s>[^,.;]+)", sentence, re.I))):
        fields["subject"] = cap(m.group("s").strip())  # "..., subject line next steps": a clause of its own
    if "body" not in fields and (m := _EMAIL_CONTENT.search(re.split(r",?\s+(?:with )?(?:the )?subject\b", t, flags=re.I)[0])):
        # "Draft an email to Grace Liu thanking her for signing...": the clause's own words
        said = m.group("c").strip(" .,;")
        if len(said.split()) >= 2 and not re.fullmatch(r"(?:a|an)\s+(?:quick\s+|short\s+|brief\s+)?(?:e-?mail|note|message|line)", said, re.I):
            fields["body"] = cap(said)  # ("write her an email": no words of its own)
    if "body" not in fields and (m := re.search(r"\b(?:draft|write|send|compose)\s+(?:him|her|them|[A-Z]\w+(?:\s+[A-Z]\w+){0,2})\s+(?:a|an)\s+"
                                                r"(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:e-?mail|note|message)\b", t, re.I)) \
            and not re.fullmatch(r"(?:quick|short|brief|follow[- ]?up|new|proper|nice|an?)(?:\s+\w+)?", m.group("what"), re.I) \
            and not re.search(r"\b(?:thank[- ]?you|thanks)\b.*?\bfor\s+\w", t, re.I):  # ("a thank-you email for the referral": below)
        # "draft him a congratulations email": what kind of e-mail it is, is what it says
        fields["body"] = cap(m.group("what"))
        fields.setdefault("subject", cap(m.group("what")))
    if "body" not in fields and (m := re.search(r"\b(?:thank[- ]?you|thanks)\b.*?\bfor\s+(?P<f>(?:the|her|his|their|your|"
                                                r"a|an|[a-z]+ing)\b[^,.;]*)", t, re.I)):
        fields["body"] = f"Thank you for {m.group('f').strip()}"  # "a thank you for the intro to their CFO"
        fields.setdefault("subject", "Thank you")
    if "body" not in fields and (m := re.search(r"\bthank[- ]?you\b|\bthanks\b", t, re.I)):
        fields["body"] = "Thank you"  # "draft a thank-you email to Jonas"
        fields.setdefault("subject", "Thank you")
    if isinstance(fields.get("body"), str):
        # "draft him an email with the multi-year discount, please": what it carries, without "with" and "please"
        body = re.sub(r",?\s*(?:please|thanks|thank you)\W*$", "", fields["body"], flags=re.I)
        body = re.sub(r"^with\s+(?=(?:the|our|a|an|their|some)\b)", "", body, flags=re.I)
        fields["body"] = cap(body) if body else fields["body"]
    if "subject" not in fields:
        fields["subject"] = f"Following up - {who}" if who else "Following up"
    return fields


#: What the e-mail says, told as such: "saying ...", "tell him ...", "and say ...", "let her know ...";
#: a question asked keeps its verb ("ask if she has fifteen minutes").
_SAY_CUE = (r"(?:\b(?:saying|that says|tell(?:ing)? (?:him|her|them)|let (?:him|her|them) know)|(?:^|,|\band)\s*(?:say|mention|"
            r"remind (?:him|her|them)|explain|point out))"
            r"\s+(?:that\s+)?|(?:^|,|\band|[\"\u201d])\s*(?P<ask>ask(?:ing)?(?: (?:him|her|them))? (?:if|whether|when|how|what|for|about))\s+")
_SAY = re.compile(f"(?:{_SAY_CUE})" + r"(?P<b>.+)$", re.I)
_SAY_IN_SENTENCE = re.compile(f"(?:{_SAY_CUE})" + r"(?P<b>[^.;]+)", re.I)

def says_from(sentence: str) -> int | None:
    """Where the e-mail's own words begin in ``sentence`` (after "saying", "tell him", "and say",
    "ask if" ...), as a character offset; None when no such cue is said."""
    m = _SAY_IN_SENTENCE.search(sentence)
    return m.start("b") if m else None


#: What an e-mail is to say: everything after the recipient or "about" ("email Iris the renewal
#: quote", "write Sarah an email about the add-on, ask if...", "draft a cold email to Felix ... introducing X").
_EMAIL_CONTENT = re.compile(
    r"\b(?i:e-?mail|mail|message|note|write|send|reply|response|follow[- ]?up|something)\b(?:\s+(?:(?i:to|for)\s+)?(?:him|her|them|[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})(?![\w'.-]))?"
    r"(?:\s+(?:at|from)\s+[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3})?(?:\s*,\s*|\s+)(?P<c>(?:about|re|regarding|thanking|asking|"
    r"introducing|saying|telling|confirming|to (?:say|ask|confirm|thank|share|tell|congratulate|invite|welcome|remind|nudge|update|"
    r"chase|warn|check|let|see)|with|the|our|a|an|that|"
    r"intro|recap|update|details|info|summary|notes|link|deck|proposal|pricing|"
    r"[a-z]+ing)\b.+)$")


def dictated_subject_and_body(said: str, fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` of an e-mail draft with the subject and body taken as dictated in ``said`` (the
    instruction from the draft's clause on), when they are said as such: "Subject: phase two
    kickoff. Body: Hi Grace, ..." or "subject 'Willow rebrand timeline', body says we'll ..." or
    "Subject, your plan renews soon. Body, um, just say we'd love ...". Returns ``fields`` (changed
    in place); unchanged when no subject or body is dictated."""
    if subj := re.search(r"\bsubject(?:\s+line)?\s*(?:is|:|,|-)?\s*[\"'\u201c\u2018]?(?P<s>[^\"'\u201d\u2019.;\n]+?)[\"'\u201d\u2019]?\s*"
                         r"(?:[.;]|,\s*(?=body\b|(?:letting|saying|telling|asking|and say|to say|say|tell|ask|mention|let\s+\w+\s+know)\b)|$)",
                         said, re.I):
        fields["subject"] = cap(subj.group("s").strip(" ,"))
    if body := re.search(r"\b(?:body|message)\s*(?:is|:|,|-|says?)?\s*(?:(?:um|uh|just|say|saying|that)\W+)*(?P<b>\S.+?)\s*$",
                         said[subj.end():] if subj else said, re.I):
        if subj or re.search(r"\bbody\b", said, re.I):
            fields["body"] = cap(body.group("b").strip(" ."))
    elif subj and (say := re.search(r"(?:^\s*|[.,;]\s*)(?:and\s+)?(?:say|tell (?:him|her|them)|mention)\s+(?:that\s+)?(?P<b>\S.+?)\s*$",
                                    said[subj.end():], re.I)):
        fields["body"] = cap(say.group("b").strip(" ."))  # "Subject: Quick intro. Say I'd love fifteen minutes ..."
    return fields


def is_send_thing(t: str) -> bool:
    """"Send Tom the proposal": an email draft with something attached."""
    return bool(_SEND_THING.search(t))
