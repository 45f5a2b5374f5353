"""Send-time rules: checked by the sender just before an e-mail leaves, not only when it was drafted.

:func:`decide` takes the row's :class:`~desktop.store.email_outbox.SendFacts` and returns a
:class:`Decision`:

* **block** (the e-mail is not sent; the reason is shown in the UI and ``spectrum email list``):
  the proposing agent's kill switch (or the global one) is on; the contact is marked
  do-not-contact; their newest e-mail consent record is a withdrawal; the contact was sent an
  e-mail less than :data:`MIN_DAYS_BETWEEN` days ago and this one is not a reply (frequency cap).
* **hold** (sent later by itself, with the reason meanwhile): outside the contact's sending hours
  (:data:`SENDING_HOURS`, Monday-Friday, in the contact's time zone; only when it is known); the
  daily send budget (``email_daily_budget``, default 50 e-mails per UTC day) is used up.
* **send** otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop.store.email_outbox import SendFacts

#: frequency cap: at most one e-mail per contact in this many days, unless replying
MIN_DAYS_BETWEEN = 3
#: the contact's local sending hours (weekdays), [start, end)
SENDING_HOURS = (time(8, 0), time(19, 0))


@dataclass(frozen=True)
class Decision:
    """``action``: send | block | hold (or skip: the sender found the row cancelled or claimed
    meanwhile); ``reason``: one sentence for the user; ``until``: with hold, when to try again
    (naive UTC)."""

    action: Literal["send", "block", "hold", "skip"]
    reason: str = ""
    until: datetime | None = None


def _zone(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def next_window(now_utc: datetime, zone: ZoneInfo) -> datetime | None:
    """None when ``now_utc`` (naive UTC) is inside the sending hours in ``zone``; else the next
    window's start as naive UTC."""
    local = now_utc.replace(tzinfo=UTC).astimezone(zone)
    start, end = SENDING_HOURS
    if local.weekday() < 5 and start <= local.time() < end:
        return None
    day = local.date() if local.time() < start else local.date() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    opens = datetime.combine(day, start, tzinfo=zone)
    return opens.astimezone(UTC).replace(tzinfo=None)


def decide(f: SendFacts, now_utc: datetime) -> Decision:
    """The rule that applies to an e-mail with facts ``f`` at ``now_utc`` (naive UTC); first match
    wins in the order of the module docstring."""
    who = f.contact_name or "this contact"
    if f.agent_killed:
        return Decision("block", f"the kill switch of agent {f.agent} is on")
    if f.do_not_contact:
        return Decision("block", f"{who} is marked do-not-contact")
    if f.consent_withdrawn:
        return Decision("block", f"{who} withdrew consent to e-mail")
    if f.last_sent_at is not None and not f.is_reply:
        since = now_utc - f.last_sent_at
        if since < timedelta(days=MIN_DAYS_BETWEEN):
            days = max(0, since.days)
            ago = "today" if days == 0 else f"{days} day{'s' if days != 1 else ''} ago"
            return Decision("block", f"{who} was e-mailed {ago}; at most one e-mail in "
                                     f"{MIN_DAYS_BETWEEN} days unless replying")
    if f.sent_today >= f.daily_budget:
        tomorrow = (now_utc + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        return Decision("hold", f"today's send budget ({f.daily_budget} e-mails) is used up; "
                                "it goes out tomorrow", tomorrow)
    zone = _zone(f.time_zone)
    if zone is not None and (opens := next_window(now_utc, zone)) is not None:
        local = opens.replace(tzinfo=UTC).astimezone(zone)
        return Decision("hold", f"outside {who}'s sending hours; it goes out at "
                                f"{local:%a %H:%M} ({f.time_zone})", opens)
    return Decision("send")
