"""Replies and bounces: IMAP polling of INBOX matched to sent e-mails by their threading headers.

A new INBOX message whose ``In-Reply-To`` or ``References`` (RFC 5322 section 3.6.4) names the
Message-ID of an e-mail Spectrum sent is a *reply* (logged as an ``email`` activity on the contact
and deal, the deal's last activity moved, the e-mail marked replied) or, when it is a delivery
status notification (``Content-Type: multipart/report``, RFC 3464) or comes from a mailer daemon,
a *bounce* (the e-mail marked bounced). The cursor (the last INBOX UID read) is the workspace
setting ``email_inbox_uid``; each matched message is one audited unit of work.
"""

from __future__ import annotations

import re
from typing import Any

from desktop.outreach.mailbox import Mailbox
from desktop.outreach.message import utc_now
from desktop.store import email_outbox as eo
from desktop.store import queries
from desktop.store.db import Workspace

CURSOR_KEY = "email_inbox_uid"
_IDS = re.compile(r"<[^<>\s]+>")
_DAEMON = re.compile(r"mailer-daemon|postmaster", re.I)


def thread_ids(headers: dict[str, str]) -> list[str]:
    """The Message-IDs a message answers: its In-Reply-To, then References newest first."""
    ids = _IDS.findall(headers.get("in_reply_to", "")) + _IDS.findall(headers.get("references", ""))[::-1]
    return list(dict.fromkeys(ids))


def is_bounce(headers: dict[str, str]) -> bool:
    """A delivery status notification (RFC 3464) or a mailer daemon's message."""
    return "multipart/report" in headers.get("content_type", "").lower() or bool(_DAEMON.search(headers.get("from", "")))


def poll(workspace: Workspace, box: Mailbox) -> dict[str, int]:
    """Read INBOX since the cursor; returns ``{"read", "replies", "bounces"}``. Raises MailError."""
    from desktop.store.executor import apply_change

    with workspace.uow() as uow:
        last = int(queries.get_setting(uow.session, CURSOR_KEY) or 0)
    newest, messages = box.fetch_since(last)
    out = {"read": len(messages), "replies": 0, "bounces": 0}
    for h in messages:
        with workspace.uow() as uow:
            row = eo.match_sent(uow.session, thread_ids(h))
        if row is None or h.get("message_id") == row.message_id:
            continue
        bounce = is_bounce(h)
        if (row.bounced_at if bounce else row.replied_at) is not None:
            continue

        def change(session: Any, changes: Any, row=row, h=h, bounce=bounce) -> dict[str, Any]:
            eo.record_reply(session, row.id, utc_now(), sender=h.get("from", ""), subject=h.get("subject", ""),
                            bounce=bounce, changes=changes)
            return {"email": row.id, "message_id": h.get("message_id"), "in_reply_to": row.message_id}

        apply_change(workspace, change, actor="mailbox", kind="email_bounce" if bounce else "email_reply",
                     summary=f"{'Bounce' if bounce else 'Reply'} to \"{row.subject}\" from {h.get('from', '')}",
                     push=True)
        out["bounces" if bounce else "replies"] += 1
    if newest != last:
        apply_change(workspace, lambda ses, ch: eo.put_settings(ses, {CURSOR_KEY: str(newest)}, ch),
                     actor="mailbox", kind="setting", summary=f"Inbox read up to UID {newest}")
    return out
