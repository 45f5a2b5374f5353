"""Word lists the offline planner uses to tell names from ordinary words (English)."""

from __future__ import annotations

#: Common English and CRM words never taken on their own as a name or company (unless capitalised
#: mid-sentence). Kept short on purpose: a name that is also a word ("Grace", "Will") still matches
#: when written with a capital letter.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at away back be because been before
being below between both but by can cannot could did do does doing done down during each either else
even ever every few for from further get gets getting got had has have having he her here hers herself
him himself his how i if in into is it its itself just let lets like made make many may me might more
most much must my myself need needs no nor not now of off on once one only or other our ours out over
own per please put really same she should so some still such than that the their theirs them then there
these they this those through to too under until up upon us very via want wants was we well were what
when where which while who whom whose why will with within without would yes yet you your yours
today tomorrow yesterday week weeks month months year years day days next last this that end soon later
monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night noon
january february march april june july august september october november december
call calls called calling meeting meetings met meet email emails emailed mail note notes noted log
logged task tasks todo remind reminder follow followup following followed up deal deals contact
contacts company companies account accounts pipeline stage stages lead leads opportunity
create add added new delete remove update change set move moved push pushed mark marked book booked
schedule scheduled draft write send sent show list find search look looking looked tell give
amount budget price value worth close closed closing won lost win lose negotiation proposal demo
qualified discovery board approval approve approved sign signed contract legal procurement
interested not happy unhappy great good bad fine sure thanks thank hello hey hi okay ok yeah
guy guys team folks people person someone anyone everyone nothing something thing things stuff
said says say told asked ask talked talk spoke speak chat chatted sync synced quick quickly
finished finish just already about around maybe probably definitely also too still again
budget competitor competitors competition salesforce hubspot pipedrive zoho
first last name title phone number email address website domain city industry
percent thousand million grand k dollars bucks usd eur euro euros
ceo cto cfo coo vp head director manager founder owner
weather joke song poem recipe news sports game movie music football
""".split())

#: Company-name words that do not identify a company on their own.
GENERIC_COMPANY_WORDS = frozenset("""
corp corporation co company inc incorporated llc ltd limited gmbh sa ag plc group holdings labs lab
health healthcare solutions systems partners media works ventures studio studios logistics traders
trading realty analytics learning dental freight technologies technology tech software services
consulting global international industries enterprises the and of capital digital networks data
""".split())

#: Words that strip from a company name to give its short form ("Acme Corp" -> "acme").
LEGAL_SUFFIXES = frozenset("corp corporation co company inc incorporated llc ltd limited gmbh plc".split())

#: Pronouns that point at the record in view (or the last one named).
PERSON_PRONOUNS = frozenset("he she him her his hers they them their".split())
THING_PRONOUNS = frozenset("it this that".split())
