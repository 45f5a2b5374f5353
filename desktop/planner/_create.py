"""Offline parsing of create_* instructions and of questions (search / answer)."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from typing import Any

from rapidfuzz import fuzz

from desktop.planner import _rules as R
from desktop.planner._vocab import STOPWORDS
from desktop.planner.entity_index import EntityIndex, Mention, sounds
from desktop.planner.parsing.dates import add_months

_NAME_WORD = r"[A-Z][a-zA-Z'-]+"
#: A last name with the particles Dutch, German, Spanish, Portuguese, Italian and French names carry: "de Vries",
#: "van der Berg", "da Silva".
_LAST_NAME = rf"(?:(?:de|van|von|der|den|da|di|du|del|della|dos|das|la|le|ter|ten)\s+){{0,2}}{_NAME_WORD}"


def _strip(text: str) -> str:
    return text.strip(" ,.;:!?\"'")


_SPOKEN_ADDRESS = re.compile(r"\b(?P<user>[a-z][\w]*(?: dot [a-z]\w*)*)\s+at\s+(?P<host>[a-z][\w-]*(?: dot [a-z][\w-]*)+)\b")


#: A new person's title said before their company or after "as": "Sam Ortega, SDR at Acme Corp",
#: "Marcus Lee, he's ops lead at Tidal Media", "Add Hannah Berg to Globex as Procurement Analyst".
_TITLE_WORD = (r"(?:lead|manager|director|head|officer|engineer|buyer|specialist|coordinator|analyst|admin|administrator|"
               r"owner|founder|partner|president|consultant|designer|developer|recruiter|rep|representative|executive|"
               r"VP|CEO|CFO|CTO|COO|CMO|CRO|CIO|SDR|BDR|AE|CSM|PM)")
_TITLE_AT = re.compile(r",\s*(?:(?:he|she|they)(?:'s|\s+is|'re|\s+are)\s+)?(?:the\s+|their\s+|an?\s+)?"
                       rf"(?P<title>(?:[A-Za-z][\w&/-]*\s+){{0,3}}(?i:{_TITLE_WORD}))\s+(?:at|for|with|over at)\s+(?-i:[A-Z])"
                       rf"|\bto\s+(?-i:[A-Z])[\w&]*(?:\s+(?-i:[A-Z])[\w&]*)*\s+as\s+(?:an?\s+|the\s+|their\s+)?"
                       rf"(?P<title2>(?-i:[A-Z])[\w&-]*(?:\s+(?-i:[A-Z])[\w&-]*){{0,3}})", re.I)


def create_contact_fields(text: str, mentions: list[Mention], index: EntityIndex) -> dict[str, Any]:
    """first_name/last_name/company/job_title/email/phone for "Add Tom Baker, CTO at Acme, tom@x.io"."""
    fields: dict[str, Any] = {}
    body = re.sub(r"^\W*(?:(?:so|ok|okay|and|also|yeah|please|hey)\W+)*(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?(?:add|create|save|new)\s+(?:a\s+)?(?:new\s+)?(?:contact|lead|person)?\s*[:,-]?\s*"
                  r"(?:called|named|for)?\s*", "", text, flags=re.I)
    if said := re.search(r"\bnew\s+(?:contact|lead|person)\s*:\s*(?=[A-Z])", text, re.I):
        body = text[said.end():]  # "Summit Ventures new contact: Lars Holm, CMO, ..."
    m = re.match(rf"\s*({_NAME_WORD})(?:\s+({_LAST_NAME}))?", body)
    if not m:
        m = re.search(rf"\b(?:contact|named|called)\s+({_NAME_WORD})(?:\s+({_NAME_WORD}))?", text)
    if (not m or m.group(1).lower() in STOPWORDS) and (
            named := re.search(rf"\b(?:named|called|name is|name's)\s+({_NAME_WORD})(?:\s+({_NAME_WORD}))?", text)):
        m = named  # "Met a guy named Carlos Mendez at the conference, ... add him as a contact"
    said_first = f"{m.group(1)} {m.group(2) or ''}".strip().lower() if m else ""
    # ("Upland Partners hired a new marketing lead, Lucia Ferrer, add her": the company said first is no name)
    said_company = bool(said_first) and (said_first in index.company_full_keys or said_first in index.company_keys)
    if (not m or said_company or m.group(1).lower() in STOPWORDS or m.group(1).endswith(("'s", "\u2019s")) and not re.search(
            r"'s\s+(?:new\s+)?(?:colleague|assistant|boss|manager|deputy|counterpart|replacement|successor|coworker|co-worker|"
            r"partner|cofounder|co-founder|report|teammate)\b", text)
            or (m.group(2) or "").endswith(("'", "'s", "\u2019s"))) and (
            late := re.search(rf"[,:]\s*({_NAME_WORD})\s+((?:(?:de|van|von|der|den|da|di|du|del|della|la|le|ter|ten)\s+){{0,2}}"
                              rf"{_NAME_WORD})\s*(?:[,.]|$)", body)):
        m = late  # "Add a new contact at Northwind Traders, Lisa Huang, she's their ...", "... at Initech: Marcus Lee, ..."
    if m and m.group(1).endswith(("'s", "\u2019s")) and (
            who := re.search(rf"\b(?:is|'s)\s+({_NAME_WORD})\s+((?:(?:de|van|von|der|den|da|di|del|la|le)\s+)*{_NAME_WORD})", text)):
        m = who  # "Priya's assistant at Globex is Jan de Vries, ..., add her as a contact": the one named after "is"
    if referred := re.search(rf"\b(?:referred|introduced)\b[^.]{{0,40}}?\b(?:colleague|friend|contact|boss|peer|counterpart|someone)"
                             rf"(?:\s+(?:at|from)\s+(?:{_NAME_WORD}\s?){{1,3}})?\s*,?\s+({_NAME_WORD})\s+({_NAME_WORD})", text):
        m = referred  # "Grace Liu referred a colleague at Lumen, Ravi Menon, ...": the person referred, not Grace
    if m and (m.group(1).endswith(("'s", "\u2019s")) or (m.group(2) or "").endswith(("'s", "\u2019s"))) and (
            rel := re.search(rf"'s\s+(?:new\s+)?(?:colleague|assistant|boss|manager|deputy|counterpart|replacement|"
                             rf"successor|coworker|co-worker|partner|cofounder|co-founder|report|teammate)\s*,?\s+"
                             rf"({_NAME_WORD})\s+({_LAST_NAME})", text)):
        m = rel  # "Add Tom Becker's colleague Jana Ruiz at Northwind": the colleague, not Tom
    if (not m or m.group(1).lower() in STOPWORDS) and re.search(r"\badd\s+(?:him|her|them)\b", text, re.I) and (
            met := re.search(rf"\b(?:met|meeting|spoke (?:to|with)|talked (?:to|with)|referral|referred|intro(?:duced)? to|"
                             rf"chatted with|ran into|bumped into)\b[^.]{{0,20}}?\b({_NAME_WORD})\s+({_NAME_WORD})", text)
            or re.search(rf"\b(?:referred|introduced)\b[^.]{{0,40}}?\b(?:colleague|friend|contact|boss|peer|counterpart|someone)"
                         rf"(?:\s+(?:at|from)\s+(?:{_NAME_WORD}\s?){{1,3}})?\s*,?\s+({_NAME_WORD})\s+({_NAME_WORD})", text)):
        m = met  # "I met Marcus Bell at the conference, ... Add him as a contact"
    if m and m.group(1).lower() not in STOPWORDS:
        fields["first_name"] = m.group(1)
        if m.group(2) and m.group(2).lower() not in STOPWORDS and not R.TITLE_RE.fullmatch(m.group(2)):
            fields["last_name"] = m.group(2)
    companies = [x for x in mentions if x.kind == "company" and len(x.ids) == 1]
    if companies:
        fields["company"] = index.companies[companies[0].ids[0]].name
    else:
        cm = re.search(rf"\b(?:at|from|with|of)\s+((?:{_NAME_WORD}\s?){{1,3}})", text)
        if cm:
            fields["company"] = _strip(cm.group(1))
    if t := re.search(r"\b(?:job\s+)?title\s*(?:is\s+|:\s*|of\s+)?(?P<t>(?-i:[A-Z])[\w&/-]*(?:\s+(?:of\s+|and\s+|&\s+)?(?-i:[A-Z])[\w&/-]*){0,5})",
                      text):
        fields["job_title"] = t.group("t")  # "..., title Learning Systems Admin": the title said as such
    elif t := R.TITLE_RE.search(text):
        fields["job_title"] = tidy_title(t.group(0))
    elif t := re.search(r"\b(?:(?:she|he|they)(?:'s| is| are)|works as|as)\s+(?:their|the|our)\s+(?:new\s+)?"
                        r"(?P<title>(?-i:[A-Z]{2,5})|(?-i:[A-Z][a-z]+)(?:\s+(?:of\s+)?(?-i:[A-Z][a-z]+)){0,3})(?=\s*(?:[,.;!?]|$|\s+(?:and|at|for)\b))",
                        text, re.I):
        fields["job_title"] = t.group("title")  # "he's their CISO", "she's their new Brand Director"
    elif t := re.search(r"\b(?:(?:she|he|they)(?:'s| is| are)|works as|as)\s+(?:their|the|our)\s+"
                        r"(?P<title>[a-z]+(?:\s+[a-z]+)?\s+(?:lead|manager|director|head|officer|engineer|buyer|"
                        r"specialist|coordinator|analyst|admin|administrator|owner|champion))\b", text):
        fields["job_title"] = tidy_title(t.group("title").title())  # "she's their procurement lead"
    elif t := re.search(r"\b(?:he|she|they)\s+runs?\s+(?P<dept>[a-z]+)\s+(?:at|for)\b", text):
        fields["job_title"] = f"Head of {t.group('dept').title()}"  # "he runs ops at Tidal Media"
    elif ((t := re.search(rf"{re.escape(str(fields.get('last_name') or '~'))}\s*,\s*(?P<title>(?:[a-z][\w-]*\s+){{0,3}}{_TITLE_WORD})\s*,",
                          text, re.I)) and not t.group("title")[:1].isupper()) or (t := re.search(
                rf"{re.escape(str(fields.get('last_name') or '~'))}\s*,\s*(?P<title>(?:[a-z][\w-]*\s+){{0,2}}(?:[a-z]+(?:er|ist|or|ant)|"
                rf"architect|counsel|associate|principal|nurse|physician|chef|editor))\s*,\s*(?=[\w.+-]+@|e-?mail\b|phone\b|\+?\d)", text)):
        fields["job_title"] = tidy_title(t.group("title"))  # "Rosa Lindqvist, front desk lead, email rosa at ...", "Hana Mori, producer, ..."
    elif t := re.search(rf",\s*(?P<title>(?:(?-i:[a-z])[\w-]*\s+){{0,3}}(?-i:{_TITLE_WORD[3:-1]}|[a-z]+(?:er|ist|or|ant)|architect|counsel|associate|principal|nurse|physician))\s*[.!]?\s*$", text):
        fields["job_title"] = tidy_title(t.group("title"))  # "..., Vertex Analytics, data engineer.": a role said last
    elif t := re.search(rf",\s*(?P<title>(?:(?-i:[a-z])[\w-]*\s+){{0,3}}(?-i:{_TITLE_WORD[3:-1]}|[a-z]+(?:er|ist|or|ant)|architect|counsel|"
                        rf"associate|principal|nurse|physician))\s*,\s*(?=[\w.+-]+@|e-?mail\b|phone\b|\+?\d)", text):
        fields["job_title"] = tidy_title(t.group("title"))  # "Joost de Vries at Globex, procurement analyst, joost@...": before the address
    elif t := _TITLE_AT.search(text):
        # "Sam Ortega, SDR at Acme Corp", "Marcus Lee, he's ops lead at Tidal Media", "... to Globex as Procurement Analyst"
        title_said: str = t.group("title") or t.group("title2")
        fields["job_title"] = title_said if title_said.isupper() else tidy_title(
            title_said if title_said[:1].isupper() else title_said.title())
    if e := R.EMAIL_ADDR_RE.search(text):
        fields["email"] = e.group(0).lower()
    elif e := _SPOKEN_ADDRESS.search(text):  # "marcus dot lee at junipersystems dot example"
        fields["email"] = f"{e.group('user')}@{e.group('host')}".replace(" dot ", ".").replace(" ", "").lower()
    elif e := re.search(r"\b(?P<user>[a-z][\w.]*)\s+at\s+(?P<host>[a-z][\w-]*(?:\.[\w-]+)*\.(?:com|io|ai|co|net|org|dev|app|"
                        r"example))\b", text):
        fields["email"] = f"{e.group('user')}@{e.group('host')}".lower()  # "hannah at brightlinerobotics.io"
    if p := R.PHONE_RE.search(R.EMAIL_ADDR_RE.sub(" ", text)):
        fields["phone"] = p.group(0).strip()
    if companies and "@" in str(fields.get("email") or ""):
        # "Marcus Bell ... at Tidal Media, marcus.bell at tittlemedia.example": the company's own domain, misheard
        domain = (index.companies[companies[0].ids[0]].domain or "").lower()
        user, host = str(fields["email"]).split("@", 1)
        if domain and host != domain and index.company_by_domain(host) is None and domain_heard_as(host, domain):
            fields["email"] = f"{user}@{domain}"
    return fields


def domain_heard_as(host: str, domain: str) -> bool:
    """Whether ``host`` ("tittlemedia.example") is ``domain`` ("tidalmedia.example") as a recogniser wrote it: the same
    ending after the first label, and a first label at rapidfuzz ratio >= 75 by spelling or by sound (:func:`sounds`),
    or >= 65 when the last five letters or more agree ("setupgroup" for "cedargroup")."""
    said, _, rest = host.lower().partition(".")
    known, _, known_rest = domain.lower().partition(".")
    if rest != known_rest or not said or not known:
        return False
    if abs(len(said) - len(known)) >= 3 and (said.startswith(known) or known.startswith(said)
                                             or said.endswith(known) or known.endswith(said)):
        return False  # "blueharborhomes" is not "blueharbor" misheard: a word more is another address
    alike = max(fuzz.ratio(said, known), fuzz.ratio(sounds(said), sounds(known)))
    ending = len(os.path.commonprefix([said[::-1], known[::-1]]))
    return alike >= 75 or (alike >= 65 and ending >= 5)


def names_as_spelt(fields: dict[str, Any]) -> dict[str, Any]:
    """A new contact's first and last name spelt as their e-mail address spells them, when the
    address was said (or typed) with the name and the two are near misses of each other: a
    recogniser hears "Lena" as "Elena" or "Vega" as "Vigga", but an address is spelt out
    ("lena.park@..."). Near: rapidfuzz ratio >= 75 by spelling or by sound (:func:`sounds`), at most
    two letters apart in length, and not an initial-plus-surname user part ("jsmith"). Returns
    ``fields`` (changed in place)."""
    email = str(fields.get("email") or "")
    if "@" not in email:
        return fields
    tokens = [t for t in re.split(r"[._+-]", email.split("@", 1)[0].lower()) if len(t) >= 3 and t.isalpha()]
    for key in ("first_name", "last_name"):
        said = str(fields.get(key) or "")
        low = said.lower()
        if not said or low in tokens or not said.isalpha():
            continue
        for tok in tokens:
            if abs(len(tok) - len(low)) > 2 or (key == "first_name" and len(tokens) == 1):
                continue  # ("lena@": one token is the whole user part, maybe a nickname)
            first = str(fields.get("first_name") or "").lower()
            if key == "last_name" and tok.endswith(low) and first[:1] and tok.startswith(first[:1]) and tok != low:
                continue  # ("jsmith@" for John Smith: the initial and the surname as spelt)
            if max(fuzz.ratio(tok, low), fuzz.ratio(sounds(tok), sounds(low))) >= 75:
                fields[key] = tok[:1].upper() + tok[1:]
                break
    return fields


def phone_heard(text: str, phone: str) -> tuple[str | None, str]:
    """Check a phone number read from ``text`` against everything said there: returns ``(number,
    heard)``, where ``number`` is the number to write (``phone``, or the longer run of digits it was
    cut from: "206-555" out of "206-555-0-18") and None when what was said cannot be a whole number,
    and ``heard`` is the run of digits as said (for the question).

    A whole number (ITU-T E.164 caps numbers at 15 digits): with "+" 8-15 digits; without, 7 (a
    local number), 10 (NANP), 11 starting with 1 or 0, or 9-11 starting with 0 (a national prefix).
    A recogniser that drops a digit ("206 555 018") or merges groups ("503-550142") makes a number
    none of these fit, which is asked about rather than written."""
    digits = re.sub(r"\D", "", phone)
    first = re.search(r"\+?" + r"[\s\-.]*".join(re.escape(d) for d in digits[:3]), text) if len(digits) >= 3 else None
    heard = phone
    if first is not None and (run := re.match(r"\+?\d(?:[\d\s\-.()]|,\s*(?=\d))*\d", text[first.start():])):
        heard = run.group(0)
        if len(re.sub(r"\D", "", heard)) > len(digits):
            phone = re.sub(r"\s*,\s*|\s+", " ", heard).strip()  # what was said goes on past the number read
            digits = re.sub(r"\D", "", phone)
    n = len(digits)
    plus = phone.lstrip().startswith("+")
    if plus and digits.startswith("1") and n >= 8:
        whole = n == 11 or n == 8  # NANP: +1 and ten digits ("+1 555 0199", seven, is a local number written short)
    else:
        whole = 8 <= n <= 15 if plus else (n in (7, 10) or (n == 11 and digits[0] in "01") or (digits[0] == "0" and 9 <= n <= 11))
    return (phone if whole else None), heard


def create_company_fields(text: str) -> dict[str, Any]:
    """name/domain/city/industry for "Create a company called Bluebird Analytics in Denver, bluebird.io"."""
    fields: dict[str, Any] = {}
    m = re.search(r"\b(?:company|account|organi[sz]ation|customer|client|shop|agency|brand|one)(?:\s+(?:record|company|account))?\s*[,:]?\s+(?:(?:it'?s\s+|it is\s+|they'?re\s+)?(?:called|named|for),?\s+)?"
                  r"(?P<name>[A-Za-z0-9][\w&'-]*(?:\.[\w&'-]+)*(?:\s+(?:and\s+(?=[A-Z])|&\s+(?=[A-Z]))?(?!in\b|with\b|at\b|based\b|from\b|and\b)"
                  r"[A-Z0-9][\w&'-]*(?:\.[\w&'-]+)*)*)",
                  text)
    lower = re.search(r"\b(?:company|account|organi[sz]ation|customer)\s*:?\s+(?:(?:called|named),?\s+)?"
                      r"(?!called\b|named\b)(?P<name>(?<=:\s)[A-Z][a-z0-9&'-]*(?:\s+(?!in\b|with\b|at\b|based\b|from\b|and\b)[a-z0-9&][a-z0-9&'-]*){1,3}"
                      r"|[a-z][a-z0-9&'-]*(?:\s+(?!in\b|with\b|at\b|based\b|from\b|and\b)[a-z0-9&][a-z0-9&'-]*){0,3})"
                      r"\s*(?:[,.;]|$|\s+(?:in|based|from|at|with)\b)", text)
    named_as = re.search(r"\b(?:add|create|save)\s+(?P<name>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s+as\s+an?\s+"
                         r"(?:new\s+)?(?:company|account|organi[sz]ation|customer|client)\b", text, re.I)
    with_domain = re.search(r"\b(?:add|create)\s+(?P<name>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,3}),\s*(?:[\w-]+(?:\.|\s+dot\s+))+"
                            r"(?:com|io|ai|co|net|org|dev|app|example|de|uk|fr)\b", text, re.I)
    if named_as and named_as.group("name")[:1].isupper():
        fields["name"] = _strip(named_as.group("name"))  # "Add Brightline Robotics as a company"
    elif with_domain and with_domain.group("name")[:1].isupper():
        fields["name"] = _strip(with_domain.group("name"))  # "Add Copperleaf Studios, copperleaf.example, ..."
    elif lower and not R.DOMAIN_RE.fullmatch(lower.group("name")):
        # a transcript in lower case: "create company polar systems, polar systems.com"
        fields["name"] = " ".join(w[:1].upper() + w[1:] for w in lower.group("name").split())
    elif m:
        name = _strip(m.group("name"))
        if R.DOMAIN_RE.fullmatch(name):
            name = name.split(".")[0].title()
        fields["name"] = name
    if fields.get("name", "").lower() in STOPWORDS | {"well", "almost", "so", "okay", "ok", "um", "uh", "yeah", "right", "basically",
                                                      "actually", "really", "probably", "maybe", "like", "kind", "sort"}:
        del fields["name"]  # "we landed a new client, uh, well, almost": no name was said
    if "name" not in fields and re.search(r"\badd\s+(?:them|it)\s+as\s+(?:a\s+|an\s+)?(?:new\s+)?(?:company|account|client|customer)\b",
                                          text, re.I) \
            and (subj := re.search(r"(?P<n>(?-i:[A-Z][\w&'-]*)(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})(?:\s+(?:is|are)\s+(?:a|an|our)\s+"
                                   r"(?:new\s+)?(?:client|customer|prospect|account|company|lead)\b|\s*,\s*(?:they'?re|it'?s)\b)"
                                   r"|\bnew\s+(?:client|customer|prospect|account|company)\b(?:\s+\w+)?\s*,\s*"
                                   r"(?P<n2>(?-i:[A-Z][\w&'-]*)(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})", text, re.I)):
        # "Fernwood Bakery is a new client, add them as a company", "new client basically, Brightline
        # Studios, ..., add them as a company": the company is the one the sentence is about
        fields["name"] = _strip(subj.group("n") or subj.group("n2"))
    if "name" not in fields and (before := re.search(r"(?P<n>(?-i:[A-Z][\w&'-]*)(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})\s*,\s*"
                                                    r"(?:[\w-]+\.)+" + R.TLDS + r"\b", text)) \
            and before.group("n").split()[0].lower() not in STOPWORDS:
        fields["name"] = _strip(before.group("n"))  # "Fernwood Bakery, fernwood.example. Add it as a new account."
    if d := R.DOMAIN_RE.search(R.EMAIL_ADDR_RE.sub(" ", text)):
        fields["domain"] = d.group(0).lower()
        # a spoken domain comes back with spaces: "polar systems.com" for polarsystems.com
        stem = re.sub(r"[^a-z0-9]", "", fields.get("name", "").lower())
        if stem and not fields["domain"].startswith(stem) and \
                (joined := re.search(r"(?<![a-z0-9.-])" + r"\s?".join(map(re.escape, stem)) + r"\." + R.TLDS + r"\b",
                                     text, re.I)):
            fields["domain"] = re.sub(r"\s+", "", joined.group(0)).lower()
    if c := re.search(r"\b(?:in|based in|located in|from|out of)\s+(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)", text):
        if c.group("city").lower() not in STOPWORDS:
            fields["city"] = c.group("city")
    elif "domain" in fields and (c := re.search(re.escape(fields["domain"]) + r"\s*,\s*(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
                                                 r"\s*(?:[,.;]|$)", text, re.I)) \
            and c.group("city")[:1].isupper() and not _BARE_INDUSTRY.match(", " + c.group("city")) \
            and c.group("city").lower() not in STOPWORDS:
        fields["city"] = c.group("city")  # "new company: Brightline Foods, brightlinefoods.example, Denver"
    if i := re.search(r"\b(?:industry(?:\s+is)?|sector)\s*:?\s*(?P<ind>[A-Za-z &]+)|\bin the (?P<ind2>[a-z &]+?) "
                      r"(?:industry|space|sector)\b|\b(?:they'?re|they are|it'?s|they do)\s+(?:in\s+)?(?!(?:based|located|headquartered|in|called|named)\b)(?P<ind3>(?-i:[a-z])[a-z &]+?)"
                      r"\s*(?:[,.;]|$)", text, re.I):
        ind = re.sub(r"^(?:a|an|the)\s+", "", _strip(i.group("ind") or i.group("ind2") or i.group("ind3")), flags=re.I)
        ind = re.sub(r"\s+(?:space|industry|sector)$", "", ind, flags=re.I)  # "they're in the biotech space"
        fields["industry"] = re.sub(r"\s+(?:in|based in|out of|from)\s+\S.*$", "", ind, flags=re.I).title()  # "a design shop in Austin"
    elif i := re.search(r"(?:^|[,.;]\s*)(?:(?:they'?re|it'?s)\s+)?(?:in\s+)?(?:the\s+)?"
                        r"(?!(?:new|small|big|local|prospect|their|our|great|a|an|the)\b)(?P<ind>[a-z]+(?:\s+[a-z]+)?)\s+"
                        r"(?:industry|sector|space)\s*(?=[,.;]|$)"
                        r"|(?:^|[,.;]\s*)(?:(?:they'?re|it'?s)\s+)?(?:an?\s+)?"
                        r"(?!(?:new|small|big|local|prospect|their|our|great|a|an|the)\b)(?P<ind2>[a-z]+)\s+(?:agency|studio|shop|firm|"
                        r"consultancy|company|startup|business|practice|clinic)\s*(?=[,.;]|$)", text, re.I):
        # "..., robotics industry.", "new co lantern studio, lanternstudio.co, design agency"
        fields["industry"] = (i.group("ind") or i.group("ind2")).title()
    elif i := _BARE_INDUSTRY.search(text):
        # "..., based in Portland, food and beverage."
        fields["industry"] = " ".join(w if w.lower() in ("and", "of") else w.capitalize() for w in i.group("ind").split())
    return fields


#: An industry said on its own between commas ("..., based in Portland, food and beverage."): common
#: names from HubSpot's industry list (https://knowledge.hubspot.com/properties/hubspots-default-company-properties).
_BARE_INDUSTRY = re.compile(
    r"(?:^|[,.;]\s*)(?P<ind>food and beverages?|food|beverages?|health ?care|hospital and health care|medical devices|"
    r"pharmaceuticals|biotechnology|logistics(?: and supply chain)?|transportation|manufacturing|computer software|software|"
    r"saas|information technology(?: and services)?|it services|real estate|retail|e-?commerce|education|higher education|"
    r"e-?learning|financial services|fintech|banking|insurance|marketing(?: and advertising)?|advertising|consulting|"
    r"management consulting|construction|hospitality|restaurants|legal services|law practice|non-?profit|government|"
    r"telecommunications|media|entertainment|automotive|energy|utilities|agriculture|architecture|dental|fitness|"
    r"staffing(?: and recruiting)?|accounting)\s*(?=[,.;]|$)", re.I)


def search_action(text: str, index: EntityIndex, mentions: list[Mention], today: date,
                  stage: str | None) -> dict[str, Any]:
    """``search`` fields: ``object`` (deal/contact/company/task) and ``filters`` (stage, company, ...)."""
    low = text.lower()
    obj = "deal"
    for word, kind in (("on my plate", "task"), ("contact", "contact"), ("people", "contact"), ("person", "contact"),
                       ("who", "contact"), ("compan", "company"), ("account", "company"),
                       ("task", "task"), ("to-do", "task"), ("todo", "task"), ("deal", "deal"),
                       ("opportunit", "deal"), ("pipeline", "deal")):
        if word in low:
            obj = kind
            break
    filters: dict[str, Any] = {}
    if stage:
        filters["stage"] = stage
    companies = [m for m in mentions if m.kind == "company" and len(m.ids) == 1]
    if companies:
        filters["company"] = index.companies[companies[0].ids[0]].name
    people = [m for m in mentions if m.kind == "contact"]
    if people and not companies:
        filters["name"] = people[0].text
    if re.search(r"\bopen\b", low):
        filters["is_open"] = True
    if re.search(r"\b(?:this|the end of the) month\b", low):
        end = add_months(today.replace(day=1), 1) - timedelta(days=1)
        filters["close_date_before"] = end.isoformat()
    elif re.search(r"\bthis week\b", low):
        filters["close_date_before"] = (today + timedelta(days=(6 - today.weekday()))).isoformat()
    elif re.search(r"\bthis quarter\b", low):
        q_end_month = ((today.month - 1) // 3 + 1) * 3
        end = add_months(date(today.year, q_end_month, 1), 1) - timedelta(days=1)
        filters["close_date_before"] = end.isoformat()
    if re.search(r"\b(?:on my plate|my day|agenda)\b", low):
        obj = "task"
    if re.search(r"\b(?:overdue|due today|due|today|on my plate|my day|agenda)\b", low) and obj == "task":
        filters["due_date_before"] = today.isoformat()
    m = re.search(r"\b(?:over|above|more than|bigger than|larger than|at least)\s+\$?(\d[\d,.]*)\s*(k|m|million|thousand)?\b", low)
    if m:
        scale = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}.get(m.group(2) or "", 1)
        filters["amount_gte"] = float(m.group(1).replace(",", "")) * scale
    m = re.search(r"\b(?:in|from|based in)\s+([A-Z][a-z]+)\b", text)
    if m and obj in ("company", "contact") and m.group(1).lower() not in STOPWORDS:
        filters["city"] = m.group(1)
    if re.search(r"\b(?:stalled|stale|no activity|haven'?t touched|gone quiet)\b", low):
        filters["stale_days"] = 14
    return {"object": obj, "filters": filters}


def answer_text(text: str, index: EntityIndex, deal: int | None, contact: int | None,
                company: int | None) -> str | None:
    """A one-line answer for a question about one record, or the pipeline; None when not answerable."""
    low = text.lower()
    if re.search(r"\b(?:total|whole|entire|my|our)\s+(?:open\s+)?pipeline\b|\bpipeline (?:total|worth|value)\b", low) \
            and deal is None and contact is None:
        open_deals = [d for d in index.deals.values() if d.is_open and d.amount_cents]
        total = sum((d.amount_cents or 0) for d in open_deals) / 100
        weighted = sum((d.amount_cents or 0) * _prob(index, d.stage_label) for d in open_deals) / 100
        return (f"Open pipeline: {_money(total)} across {len(open_deals)} deals "
                f"({_money(weighted)} weighted).")
    if contact is not None and re.search(r"\b(?:email|phone|number|title|role|who is|who's|works?)\b", low):
        c = index.contacts[contact]
        if "email" in low:
            return f"{c.name}'s email is {c.email}." if c.email else f"No email on file for {c.name}."
        if "phone" in low or "number" in low:
            return f"{c.name}'s phone is {c.phone}." if c.phone else f"No phone on file for {c.name}."
        return f"{c.name} is {c.job_title or 'a contact'} at {c.company_name or 'no company'}."
    if contact is None and re.match(r"\s*who\b", low):
        return None  # "who is the contact at Globex?" is a search
    if deal is not None:
        d = index.deals[deal]
        amount = _money(d.amount_cents / 100, d.currency) if d.amount_cents is not None else "no amount"
        if re.search(r"\bwhen\b|\bclose date\b|\bclosing\b", low):
            return f"{d.name} is expected to close on {d.close_date.isoformat() if d.close_date else 'no date yet'}."
        if re.search(r"\bstage\b|\bwhere\b|\bstatus\b", low):
            return f"{d.name} is in {d.stage_label}."
        if re.search(r"\bcompetitor|competing\b", low):
            return f"{d.name}: competitor {d.competitor or 'not recorded'}."
        if re.search(r"\bnext step\b", low):
            return f"{d.name}: next step {d.next_step or 'not recorded'}."
        return f"{d.name} is {amount} in {d.stage_label}" + (
            f", closing {d.close_date.isoformat()}." if d.close_date else ".")
    if company is not None:
        co = index.companies[company]
        n_contacts = len(index.contacts_by_company.get(company, ()))
        n_open = len(index.open_deals(company))
        return f"{co.name}: {n_contacts} contacts, {n_open} open deals" + (f", {co.city}." if co.city else ".")
    return None


def _prob(index: EntityIndex, label: str) -> float:
    stage = index.stage_by_label(label)
    return stage.probability if stage else 0.0


def _money(value: float, currency: str = "usd") -> str:
    sign = {"usd": "$", "eur": "€", "gbp": "£"}.get(currency.lower())
    text = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    return f"{sign}{text}" if sign else f"{text} {currency.upper()}"


def tidy_title(title: str) -> str:
    """"vp sales" -> "VP Sales", "head of growth" -> "Head of Growth", "ceo" -> "CEO"."""
    words = []
    title = re.sub(r"\s+(?:and|or|at|for|with|to)\s*$", "", title.strip(), flags=re.I)  # "Head of Operations and"
    title = re.sub(r"(?<=[a-z])Now$", "", title)  # "VP of SalesNow": a recogniser glued "now" on
    for w in title.split():
        low = w.lower()
        if low in ("ceo", "cto", "cfo", "coo", "cmo", "cro", "vp", "it"):
            words.append(low.upper())
        elif low in ("of", "and"):
            words.append(low)
        elif re.search(r"[a-z][A-Z]", w):
            words.append(w)  # "RevOps", "DevRel": written as said
        else:
            words.append(w[:1].upper() + w[1:].lower())
    return " ".join(words)
